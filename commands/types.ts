// What every slash command is: a typed definition plus pure handlers of (knowledge, options, context).
import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { DigestService } from '../src/digest/service';
import type { Knowledge } from '../src/knowledge/open';
import type { Locale } from '../src/locale';
import type { ChartRenderer } from '../src/render/chart';
import type { Reply, ReplyFile } from '../src/render/reply';
import type { Choice } from '../src/search/lookup-types';

// Defined where they are made (the knowledge layer, the payload layer); re-exported for command authors.
export type { Knowledge, Reply, ReplyFile };

export interface Context {
  locale: Locale;
  now: Date;
  /** The IANA zone that decides what "today" is (the bot's configured default); Asia/Shanghai when absent. */
  timeZone?: string;
  user: { id: string; name?: string };
  /** Absent in DMs and private channels. */
  guild?: { id: string; name?: string };
  channelId?: string;
  /** The invoking member's permissions in the guild (Discord's bitfield), when in a guild. */
  memberPermissions?: bigint;
  /** Stateful services some commands need (the digest store); absent where not available. */
  services?: Services;
}

/** Filled in by src/digest and src/discord; commands only see this interface. */
export interface Services {
  digests?: DigestService;
  /** Draws charts off the main thread (the bot's worker pool); without it a chart is drawn in the handler. */
  charts?: ChartRenderer;
}

/**
 * Raw options, as the router and the console read them: subcommand (if any) under `subcommand`, then each
 * option by name. Handlers made with `defineCommand` take them typed instead (`OptionsOf`, commands/define.ts).
 */
export type Options = Record<string, string | number | boolean | undefined>;

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Defer before handling (the reply may take more than Discord's 3 s, e.g. charts or REST calls). */
  defer?: boolean;
  handle(knowledge: Knowledge, options: Options, context: Context): Reply | Promise<Reply>;
  /** Answers the focused option; must be fast and never throw past the error boundary. */
  autocomplete?(
    knowledge: Knowledge,
    focused: { name: string; value: string },
    options: Options,
    context: Context,
  ): Choice[];
}

/** A message context-menu command (type 3): run on the text of the message it was chosen on. */
export interface MessageCommand {
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  /** `text` is the message's content (Discord sends it without the Message Content intent). */
  handle(knowledge: Knowledge, text: string, context: Context): Reply | Promise<Reply>;
}
