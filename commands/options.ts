// Reading and checking a command's options the same way for every handler.
import {
  type APIApplicationCommandBooleanOption,
  type APIApplicationCommandStringOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from 'discord-api-types/v10';
import { description, localized } from '../src/locale/discord';
import { type Messages, messages } from '../src/render/i18n';
import { ephemeralReply } from '../src/render/reply';
import { type OptionProblem, unknownOptionReply } from './define';
import type { Context, Knowledge, Options, Reply } from './types';

/** The longest free-text query accepted (Discord enforces it too, through `max_length`). */
export const QUERY_MAX = 100;

/**
 * The `invalid` hook of the commands taking a required `query`: without one it is the empty query (as when it
 * is blank); an unknown option gets the usual reply.
 */
export function emptyQueryReply(
  problem: OptionProblem,
  _knowledge: Knowledge,
  _raw: Options,
  context: Context,
): Reply {
  if (problem.kind === 'missing') return ephemeralReply(messages(context.locale).errors.emptyQuery);
  if (problem.kind === 'unknown') return unknownOptionReply(context, problem.name, problem.known);
  throw new Error(`a lookup command has no ${problem.kind} to get wrong: ${JSON.stringify(problem)}`);
}

export type QueryResult = { ok: true; query: string } | { ok: false; reply: Reply };

/** The `query` option, trimmed; an ephemeral reply when it is empty or too long. */
export function readQuery(options: { query: string }, t: Messages): QueryResult {
  const query = options.query.trim();
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

/** The optional `private` switch of the lookup commands: the answer is ephemeral, with a Share button. */
export const privateOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  name_localizations: localized((t) => t.commands.private.name),
  ...description((t) => t.commands.private.description),
} as const satisfies APIApplicationCommandBooleanOption;
