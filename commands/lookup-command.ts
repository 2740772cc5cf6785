// The shared shape of /edition, /speaker and /stat: resolve a query within some kinds, show the record's card.
import type { RESTAPIAttachment } from 'discord-api-types/v10';
import { cardReply } from '../src/components/views';
import { fitChoice, fitContent } from '../src/discord-limits';
import type { AnyRecord } from '../src/knowledge/knowledge-base';
import type { Kind } from '../src/knowledge/schema';
import type { Locale } from '../src/locale';
import { answerLines } from '../src/render/answer';
import { listField, withCommand } from '../src/render/card';
import { ChartFontError, type ChartRenderer, type ChartSpec, chartFiles } from '../src/render/chart';
import { kindName, listName, type RenderContext, renderContext } from '../src/render/format';
import { cardPages } from '../src/render/pages';
import { renderRecord } from '../src/render/records';
import { seriesOf } from '../src/render/records/statistic';
import { ephemeralReply, hitLine, noMatchReply } from '../src/render/reply';
import type { Choice, Hit } from '../src/search/lookup-types';
import type { CommandSpec } from './define';
import { emptyQueryReply, readQuery } from './options';
import type { Context, Knowledge, Reply, ReplyFile } from './types';

/** How many other matches a lookup command offers under its card. */
const OTHERS_SHOWN = 5;

/** How many of the other matches the card lists as text under "Also matching" (its menu offers up to 25). */
const OTHERS_LISTED = 8;

/** The records a card already shows: the record itself and, for a statistic, its series ("Over time"). */
function shownOnCard(ctx: RenderContext, item: AnyRecord): Set<string> {
  const ids = new Set([item.record.id]);
  if (item.kind === 'statistics') for (const s of seriesOf(ctx, item.record)) ids.add(s.id);
  return ids;
}

export interface HitCardOptions {
  /** Answer only to the one who asked (`private:true`), with a Share button. */
  ephemeral?: boolean;
  /** The /search query, for the "All matches" button. */
  query?: string;
}

/**
 * The first page of a hit's card, with the next best matches not already on the card listed under it and
 * offered in a menu, its pages behind ◀ ▶ and its related records in menus (src/components/views.ts).
 */
export function hitCard(
  knowledge: Knowledge,
  ctx: RenderContext,
  hit: Hit,
  others: readonly Hit[],
  options: HitCardOptions = {},
): Reply {
  const item = knowledge.kb.find(hit.id);
  if (!item) return ephemeralReply(ctx.t.errors.failed);
  const embed = renderRecord(ctx, item);
  const shown = shownOnCard(ctx, item);
  const rest = others.filter((o) => !shown.has(o.id));
  const also = listField(
    ctx,
    withCommand(ctx.t.label.alsoMatching, 'search'),
    rest.slice(0, OTHERS_LISTED).map((o) => hitLine(ctx, o)),
  );
  // On the last page: the pages before it are the same as a click re-makes them without this list.
  if (also) embed.fields = [...(embed.fields ?? []), ...(Array.isArray(also) ? also : [also])];
  const pages = cardPages(ctx, embed);
  // The field a question asked for, and why a record found through its text came up, before the card.
  const lead = answerLines(ctx, item, hit).join('\n');
  const view = {
    id: hit.id,
    others: rest.map((o) => o.id),
    ...options,
    ...(lead ? { content: fitContent(lead) } : {}),
  };
  return cardReply(ctx, view, pages) ?? ephemeralReply(ctx.t.errors.failed);
}

/** Autocomplete over some kinds: the lookup's choices named in the locale, clipped to Discord's limits. */
export function completeQuery(
  knowledge: Knowledge,
  locale: Locale,
  value: string,
  kinds?: readonly Kind[],
): Choice[] {
  const ctx = renderContext(knowledge.kb, locale);
  // The lookup already gives at most 25 choices, each value an id of at most 100 characters.
  return knowledge.lookup.complete(value, kinds ? { kinds } : {}).map((c) => {
    const item = knowledge.kb.find(c.value);
    return { name: fitChoice(item ? listName(ctx, item) : c.name), value: c.value };
  });
}

/** What a command adds to a card: a chart of the record, or a note saying why there is none. */
export type CardExtra = { chart: ChartSpec } | { note: string };

export interface LookupExtras<O> {
  /** The chart (or a note) for the card of the record answered, given the command's options. */
  extra?(ctx: RenderContext, item: AnyRecord, options: O): CardExtra | undefined;
  /** Answers an ambiguous free-text query with one record, and a note saying why, when the command can. */
  settle?(
    ctx: RenderContext,
    query: string,
    candidates: readonly Hit[],
  ): { hit: Hit; note: string } | undefined;
}

/**
 * The card's reply with notes above it and the chart as its embed's image (the PNG attached). The PNG comes
 * from `charts` (the bot's worker pool) when given, else it is drawn here; either way the same bytes.
 */
async function withExtra(
  ctx: RenderContext,
  reply: Reply,
  extra: CardExtra | undefined,
  notes: readonly string[] = [],
  charts?: ChartRenderer,
): Promise<Reply> {
  const [embed, ...rest] = reply.payload.embeds ?? [];
  if (!embed) return reply;
  const lines = [...(reply.payload.content ? [reply.payload.content] : []), ...notes];
  let files: ReplyFile[] | undefined;
  let attachments: RESTAPIAttachment[] | undefined;
  let image: { url: string } | undefined;
  if (extra && 'note' in extra) lines.push(extra.note);
  else if (extra) {
    try {
      const attachment = charts
        ? await charts.render(extra.chart, ctx.locale)
        : chartFiles(extra.chart, ctx.locale);
      if (attachment) {
        files = attachment.files;
        attachments = attachment.attachments;
        image = { url: attachment.imageUrl };
      }
    } catch (error) {
      // A missing or unwritable font costs the picture, not the answer: the card holds every figure.
      if (!(error instanceof ChartFontError)) throw error;
      lines.push(ctx.t.chart.unavailable);
    }
  }
  // The attachments entry makes the payload the exact one sent (the transport adds none when it is there).
  const payload = {
    ...reply.payload,
    embeds: [image ? { ...embed, image } : embed, ...rest],
    ...(attachments ? { attachments } : {}),
  };
  if (lines.length) payload.content = fitContent(lines.join('\n'));
  return files ? { payload, files } : { payload };
}

/**
 * The handlers of a lookup command, for `defineCommand(definition, lookupHandlers(kinds))`: `O` is the
 * definition's options, which must include a required string `query`.
 */
export function lookupHandlers<O extends { query: string; private?: boolean | undefined }>(
  kinds: readonly Kind[],
  extras: LookupExtras<O> = {},
): CommandSpec<O> {
  const handle = async (
    knowledge: Knowledge,
    options: O,
    context: Pick<Context, 'locale' | 'services'>,
  ): Promise<Reply> => {
    const ctx = renderContext(knowledge.kb, context.locale);
    const read = readQuery(options, ctx.t);
    if (!read.ok) return read.reply;
    const result = knowledge.lookup.resolve(read.query, { kinds });
    const what = kinds.map((k) => kindName(ctx, k, true)).join(ctx.t.list);
    const answer = (hit: Hit, others: readonly Hit[], notes: string[] = []) => {
      const item = knowledge.kb.find(hit.id);
      const extra = item && extras.extra?.(ctx, item, options);
      const card = hitCard(knowledge, ctx, hit, others, { ephemeral: options.private === true });
      return withExtra(ctx, card, extra, notes, context.services?.charts);
    };
    switch (result.status) {
      case 'found':
        return answer(result.hit, result.exact ? [] : result.others.slice(0, OTHERS_SHOWN));
      case 'ambiguous':
      case 'none': {
        const settled = result.status === 'ambiguous' && extras.settle?.(ctx, read.query, result.candidates);
        if (settled) return answer(settled.hit, [], [settled.note]);
        // Records found alike through their texts ("/speaker kuaishou": its people): the best, the others under it.
        const [first, ...rest] = result.candidates;
        if (result.status === 'ambiguous' && first && result.candidates.every((c) => c.matched))
          return answer(first, rest.slice(0, OTHERS_SHOWN));
        return noMatchReply(ctx, read.query, result.candidates, { what, browse: '/search' });
      }
    }
  };
  return {
    handle,
    invalid: emptyQueryReply,
    autocomplete: (knowledge, focused, _options, context) =>
      focused.name === 'query' ? completeQuery(knowledge, context.locale, focused.value, kinds) : [],
  };
}
