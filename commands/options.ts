// Reading and checking a command's options the same way for every handler.
import {
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { description, localized } from '../src/locale/discord';
import { echo } from '../src/render/echo';
import type { Messages } from '../src/render/i18n';
import { ephemeralReply } from '../src/render/reply';
import type { Options, Reply } from './types';

/** The longest free-text query accepted (Discord enforces it too, through `max_length`). */
const QUERY_MAX = 100;

/** The names of a command's top-level options. */
function optionNames(definition: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  return (definition.options ?? []).map((o) => o.name);
}

/** An ephemeral reply naming the first option the command does not take, if any. */
export function checkOptions(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  options: Options,
  t: Messages,
): Reply | undefined {
  const known = optionNames(definition);
  const unknown = Object.keys(options).find((name) => options[name] !== undefined && !known.includes(name));
  if (unknown === undefined) return undefined;
  return ephemeralReply(t.errors.unknownOption(echo(unknown), known.join(', ') || '—'));
}

export type QueryResult = { ok: true; query: string } | { ok: false; reply: Reply };

/** The `query` option, trimmed; an ephemeral reply when it is empty or too long. */
export function readQuery(options: Options, t: Messages): QueryResult {
  const query = String(options.query ?? '').trim();
  if (!query) return { ok: false, reply: ephemeralReply(t.errors.emptyQuery) };
  if ([...query].length > QUERY_MAX)
    return { ok: false, reply: ephemeralReply(t.errors.queryTooLong(QUERY_MAX)) };
  return { ok: true, query };
}

/** Every command is usable in servers, the bot's DMs and private channels, installed to a server or a user. */
export const EVERYWHERE: {
  contexts: InteractionContextType[];
  integration_types: ApplicationIntegrationType[];
} = {
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
};

/** The free-text `query` option with autocomplete that the lookup commands share, described in each locale. */
export function queryOption(pick: (t: Messages) => string) {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'query',
    name_localizations: localized((t) => t.commands.query.name),
    ...description(pick),
    required: true,
    autocomplete: true,
    max_length: QUERY_MAX,
  } as const satisfies APIApplicationCommandStringOption;
}
