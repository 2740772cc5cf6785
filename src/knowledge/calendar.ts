// The month-day calendar: every dated event on the day(s) it happened, for "on this date".
import { daysBetween, isFullDate, shownClaim } from './dates';
import type { AnyRecord, CalendarEntry } from './knowledge-base';
import { KIND_ORDER } from './names';
import type { Records } from './records';

const EVENT_ORDER: Readonly<Record<CalendarEntry['event'], number>> = {
  start: 0,
  day: 1,
  end: 2,
  held: 3,
  released: 4,
};

/** What a dated record's calendar entries rest on. */
export interface DateBasis {
  /** The sources of the date claim the entries come from, and only those. */
  sources: readonly string[];
  /** True when another date claim of the record gives other dates: the reply must say the sources differ. */
  differs: boolean;
}

/**
 * The one place that says which sources a shown date cites: an edition's calendar entries come from its shown
 * date claim, so they cite that claim's sources alone (not every source of the edition) and, when another claim
 * disagrees, say so. A forum's or report's date is its record's, cited by the record's sources.
 */
export function dateBasis(item: AnyRecord): DateBasis {
  if (item.kind !== 'editions')
    return { sources: item.kind === 'sources' ? [item.record.id] : item.record.sources, differs: false };
  const edition = item.record;
  const shown = shownClaim(edition);
  const span = (c: typeof shown) => `${c.start}/${c.end ?? c.start}`;
  return { sources: shown.sources, differs: edition.dates.some((c) => span(c) !== span(shown)) };
}

function editionEntries(records: Records): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const edition of records.editions) {
    const { start, end } = shownClaim(edition);
    if (!isFullDate(start)) continue;
    const id = edition.id;
    if (end === undefined || end === start)
      entries.push({ date: start, kind: 'editions', id, event: 'held' });
    else if (!isFullDate(end)) entries.push({ date: start, kind: 'editions', id, event: 'start' });
    else {
      const days = daysBetween(start, end);
      days.forEach((date, i) => {
        const event = i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'day';
        entries.push({ date, kind: 'editions', id, event });
      });
    }
  }
  return entries;
}

export function buildCalendar(records: Records): Record<string, CalendarEntry[]> {
  const entries = [
    ...editionEntries(records),
    ...records.forums.flatMap((f): CalendarEntry[] =>
      f.date && isFullDate(f.date) ? [{ date: f.date, kind: 'forums', id: f.id, event: 'held' }] : [],
    ),
    ...records.reports.flatMap((r): CalendarEntry[] =>
      r.released && isFullDate(r.released)
        ? [{ date: r.released, kind: 'reports', id: r.id, event: 'released' }]
        : [],
    ),
  ];
  entries.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      EVENT_ORDER[a.event] - EVENT_ORDER[b.event] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const calendar: Record<string, CalendarEntry[]> = {};
  for (const monthDay of [...new Set(entries.map((e) => e.date.slice(5)))].sort()) calendar[monthDay] = [];
  for (const entry of entries) calendar[entry.date.slice(5)]!.push(entry);
  return calendar;
}
