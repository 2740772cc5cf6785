// /search query:<text> — anything: the best match as a card, the next best listed under it.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { described } from '../src/locale/discord';
import { renderContext } from '../src/render/format';
import { noMatchReply } from '../src/render/reply';
import { defineCommand } from './define';
import { completeQuery, hitCard } from './lookup-command';
import { EVERYWHERE, emptyQueryReply, privateOption, queryOption, readQuery } from './options';

const definition = {
  name: 'search',
  ...described((t) => t.commands.search),
  options: [queryOption((t) => t.commands.search.query), privateOption],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** How many next-best matches the card's menu offers (Discord's 25 options, the best match aside). */
const NEXT_BEST = 24;

export const search = defineCommand(definition, {
  handle(knowledge, options, context) {
    const ctx = renderContext(knowledge.kb, context.locale);
    const read = readQuery(options, ctx.t);
    if (!read.ok) return read.reply;
    const result = knowledge.lookup.resolve(read.query, { limit: NEXT_BEST + 1 });
    // "All matches" pages through every match of the query, ten at a time.
    const shown = { query: read.query, ephemeral: options.private === true };
    // Unlike the narrower commands, /search shows its best guess even when the match is not clear-cut.
    if (result.status === 'found')
      return hitCard(knowledge, ctx, result.hit, result.others.slice(0, NEXT_BEST), shown);
    const [best, ...rest] = result.candidates;
    if (result.status === 'ambiguous' && best)
      return hitCard(knowledge, ctx, best, rest.slice(0, NEXT_BEST), shown);
    const what = ctx.t.label.records.toLowerCase();
    return noMatchReply(ctx, read.query, result.candidates, { what, browse: '/about' });
  },
  invalid: emptyQueryReply,
  autocomplete: (knowledge, focused, _options, context) =>
    focused.name === 'query' ? completeQuery(knowledge, context.locale, focused.value) : [],
});
