// A digest as the message Discord takes: the on-this-day card's lines, never pinging anyone, in either locale (pure).
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { fitEmbeds, LIMITS, length, listWithin } from '../discord-limits';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Locale } from '../locale';
import { bullet, card } from '../render/card';
import { formatDate, formatMonthDay, type RenderContext, renderContext } from '../render/format';
import { entryLine, entrySources } from '../render/on-this-day';
import { NO_MENTIONS } from '../render/reply';
import type { Digest, DigestItem } from './select';
import { digestText } from './text';

export type DigestMessage = Required<Pick<RESTPostAPIChannelMessageJSONBody, 'embeds' | 'allowed_mentions'>>;

/** The year "N years ago" counts from: the digest's own date, not the server clock. */
function lines(ctx: RenderContext, items: readonly DigestItem[], year: number, max: number): string {
  const all = items.map((item) => bullet(entryLine(ctx, item.entry, year)));
  return listWithin(all, max, ctx.t.andMore);
}

/** The sources of the dates shown, as /onthisday cites them: a disputed date cites its own claim's sources only. */
function sources(ctx: RenderContext, items: readonly DigestItem[]): string[] {
  return entrySources(
    ctx,
    items.map((item) => item.entry),
  );
}

export function renderDigest(kb: KnowledgeBase, digest: Digest, locale: Locale): DigestMessage {
  const ctx = renderContext(kb, locale);
  const day = formatMonthDay(ctx, digest.date.slice(5));
  const max = LIMITS.embed.description;
  let description: string;
  let shown = digest.items;
  if (digest.items.length > 0) description = lines(ctx, digest.items, Number(digest.date.slice(0, 4)), max);
  else if (digest.next) {
    const { next } = digest;
    const when = formatMonthDay(ctx, next.date.slice(5));
    const intro = `${ctx.t.onThisDay.nothing(day)}\n${digestText(locale).nextAnniversary(when, next.inDays)}\n`;
    description = intro + lines(ctx, next.items, Number(next.date.slice(0, 4)), max - length(intro));
    shown = next.items;
  } else description = ctx.t.onThisDay.nothing(day);
  const embed = card(ctx, {
    kind: 'editions',
    title: ctx.t.onThisDay.title(day),
    description,
    fields: [],
    sources: sources(ctx, shown),
  });
  return { embeds: fitEmbeds([embed]), allowed_mentions: NO_MENTIONS };
}

/** A digest post's title in a forum, and its thread's name: the date as the digest's language writes it. */
export function digestTitle(kb: KnowledgeBase, date: string, locale: Locale, test = false): string {
  const t = digestText(locale);
  const title = t.postTitle(formatDate(renderContext(kb, locale), date));
  return test ? t.testMark(title) : title;
}

/** A test post's message: the same digest, its title marked as a test. */
export function markedAsTest(message: DigestMessage, locale: Locale): DigestMessage {
  const [first, ...rest] = message.embeds;
  const t = digestText(locale);
  return first
    ? { ...message, embeds: [{ ...first, title: t.testMark(first.title ?? '') }, ...rest] }
    : message;
}
