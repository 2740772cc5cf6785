// The on-this-day card: what happened on a month-day in any year, or the nearest days that have something.
import type { APIEmbed } from 'discord-api-types/v10';
import { dateBasis } from '../knowledge/calendar';
import type { CalendarEntry } from '../knowledge/knowledge-base';
import { bullet, card, listField } from './card';
import { collectSources, formatMonthDay, nameById, type RenderContext } from './format';

/**
 * "**2024** (2 years ago): 11th China Internet Audiovisual Conference — opens", with "(sources differ)" after
 * the event when the date comes from a claim another source contradicts.
 */
export function entryLine(ctx: RenderContext, entry: CalendarEntry, nowYear: number): string {
  const year = Number(entry.date.slice(0, 4));
  const when = ctx.t.aside(`**${year}**`, ctx.t.yearsAgo(nowYear - year));
  const item = ctx.kb.find(entry.id);
  const event = ctx.t.events[entry.event];
  const what = item && dateBasis(item).differs ? ctx.t.aside(event, ctx.t.datesDiffer) : event;
  return `${when}: ${nameById(ctx, entry.id)} — ${what}`;
}

/** The sources the entries' dates rest on (see dateBasis), for the footer of a card or digest. */
export function entrySources(ctx: RenderContext, entries: readonly CalendarEntry[]): string[] {
  return collectSources(
    ...entries.map((e) => {
      const item = ctx.kb.find(e.id);
      return item ? dateBasis(item).sources : [];
    }),
  );
}

/** The month-days nearest before and after `monthDay` that have entries, wrapping around the year. */
export function nearestDays(days: readonly string[], monthDay: string): { before?: string; after?: string } {
  if (days.length === 0) return {};
  const before = [...days].reverse().find((d) => d < monthDay) ?? days[days.length - 1];
  const after = days.find((d) => d > monthDay) ?? days[0];
  return { before, after };
}

export function renderOnThisDay(ctx: RenderContext, monthDay: string, now: Date): APIEmbed {
  const { t, kb } = ctx;
  const nowYear = now.getUTCFullYear();
  const day = formatMonthDay(ctx, monthDay);
  const entries = kb.onMonthDay(monthDay);
  if (entries.length > 0) {
    const lines = entries.map((e) => bullet(entryLine(ctx, e, nowYear)));
    return card(ctx, {
      kind: 'editions',
      title: t.onThisDay.title(day),
      fields: [listField(ctx, day, lines)],
      sources: entrySources(ctx, entries),
    });
  }
  const { before, after } = nearestDays(kb.calendarDays, monthDay);
  const near = (label: string, d: string | undefined) =>
    d
      ? listField(
          ctx,
          `${label}: ${formatMonthDay(ctx, d)}`,
          kb.onMonthDay(d).map((e) => bullet(entryLine(ctx, e, nowYear))),
        )
      : undefined;
  const shown = [before, after].filter((d): d is string => Boolean(d)).flatMap((d) => kb.onMonthDay(d));
  return card(ctx, {
    kind: 'editions',
    title: t.onThisDay.title(day),
    description: t.onThisDay.nothing(day),
    fields: [near(t.onThisDay.before, before), before === after ? undefined : near(t.onThisDay.after, after)],
    sources: entrySources(ctx, shown),
  });
}
