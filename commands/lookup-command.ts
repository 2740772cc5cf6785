// The shared shape of /edition, /speaker and /stat: resolve a query within some kinds, show the record's card.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Kind } from '../src/knowledge/schema';
import type { Locale } from '../src/locale';
import { listField, withCommand } from '../src/render/card';
import { kindName, listName, type RenderContext, renderContext } from '../src/render/format';
import { fitChoice, LIMITS } from '../src/render/limits';
import { renderRecord } from '../src/render/records';
import { embedReply, ephemeralReply, hitLine, noMatchReply } from '../src/render/reply';
import type { Choice, Hit } from '../src/search/lookup-types';
import { checkOptions, readQuery } from './options';
import type { Command, Knowledge, Options, Reply } from './types';

/** How many other matches a card lists under "Also matching". */
const OTHERS_SHOWN = 5;

/** The card of a hit, with the next best matches listed under it. */
export function hitCard(knowledge: Knowledge, ctx: RenderContext, hit: Hit, others: readonly Hit[]): Reply {
  const item = knowledge.kb.find(hit.id);
  if (!item) return ephemeralReply(ctx.t.errors.failed);
  const embed = renderRecord(ctx, item);
  const also = listField(
    ctx,
    withCommand(ctx.t.label.alsoMatching, 'search'),
    others.filter((o) => o.id !== hit.id).map((o) => hitLine(ctx, o)),
  );
  if (also) embed.fields = [...(embed.fields ?? []).slice(0, LIMITS.embed.fields - 1), also];
  return embedReply([embed]);
}

/** Autocomplete over some kinds: the lookup's choices named in the locale, clipped to Discord's limits. */
export function completeQuery(
  knowledge: Knowledge,
  locale: Locale,
  value: string,
  kinds?: readonly Kind[],
): Choice[] {
  const ctx = renderContext(knowledge.kb, locale);
  return knowledge.lookup
    .complete(value, kinds ? { kinds } : {})
    .slice(0, LIMITS.autocomplete.choices)
    .map((c) => {
      const item = knowledge.kb.find(c.value);
      return { name: fitChoice(item ? listName(ctx, item) : c.name), value: fitChoice(c.value) };
    });
}

export function lookupCommand(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  kinds: readonly Kind[],
): Command {
  const handle = (
    knowledge: Knowledge,
    options: Options,
    context: { locale: RenderContext['locale'] },
  ): Reply => {
    const ctx = renderContext(knowledge.kb, context.locale);
    const invalid = checkOptions(definition, options, ctx.t);
    if (invalid) return invalid;
    const read = readQuery(options, ctx.t);
    if (!read.ok) return read.reply;
    const result = knowledge.lookup.resolve(read.query, { kinds });
    const what = kinds.map((k) => kindName(ctx, k, true)).join(ctx.t.list);
    switch (result.status) {
      case 'found':
        return hitCard(knowledge, ctx, result.hit, result.exact ? [] : result.others.slice(0, OTHERS_SHOWN));
      case 'ambiguous':
        return noMatchReply(ctx, read.query, result.candidates, { ambiguous: true, what, browse: '/search' });
      case 'none':
        return noMatchReply(ctx, read.query, result.candidates, {
          ambiguous: false,
          what,
          browse: '/search',
        });
    }
  };
  return {
    definition,
    handle,
    autocomplete: (knowledge, focused, _options, context) =>
      focused.name === 'query' ? completeQuery(knowledge, context.locale, focused.value, kinds) : [],
  };
}
