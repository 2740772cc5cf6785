// What every slash command is: a typed definition plus pure handlers of (knowledge, options, context).
import type {
  APIInteractionResponseCallbackData,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { DigestService } from '../src/digest/service';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base';
import type { Locale } from '../src/locale';
import type { Choice, Lookup } from '../src/search/lookup-types';

/** The knowledge a handler reads: the loaded index and the lookup built over it. */
export interface Knowledge {
  kb: KnowledgeBase;
  lookup: Lookup;
}

export interface Context {
  locale: Locale;
  now: Date;
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
}

/** Parsed options: subcommand (if any) under `subcommand`, then each option by name. */
export type Options = Record<string, string | number | boolean | undefined>;

export interface ReplyFile {
  name: string;
  data: Uint8Array;
  description?: string;
}

/** A reply: the exact JSON Discord's API takes, plus files to attach (charts). */
export interface Reply {
  payload: APIInteractionResponseCallbackData;
  files?: ReplyFile[];
}

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
