// What a digest shows on a local date: the editions, forums and reports dated on that month-day (pure).
import { isCalendarDay } from '../calendar';
import type { AnyRecord, CalendarEntry, KnowledgeBase } from '../knowledge/knowledge-base';

export type DigestRecord = Extract<AnyRecord, { kind: 'editions' | 'forums' | 'reports' }>;

export interface DigestItem {
  entry: CalendarEntry;
  /** Whole years between the entry's date and the digest's date; 0 on the day itself. */
  yearsAgo: number;
  subject: DigestRecord;
}

export interface Anniversary {
  /** The next date (YYYY-MM-DD) after the digest's date that has items. */
  date: string;
  /** Days from the digest's date to `date`. */
  inDays: number;
  items: DigestItem[];
}

export interface Digest {
  /** The local date the digest is for, YYYY-MM-DD. */
  date: string;
  items: DigestItem[];
  /** Only when `items` is empty: the next day that has something, if the index has anything at all. */
  next?: Anniversary;
}

/** The digest's date from what a user gave: YYYY-MM-DD as is, MM-DD in `today`'s year, nothing for today. */
export function digestDate(given: string | undefined, today: string): string {
  const text = given?.trim();
  if (!text) return today;
  return /^\d{2}-\d{2}$/.test(text) ? `${today.slice(0, 4)}-${text}` : text;
}

function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

/** Items on `monthDay` that had happened by `date` (an entry dated after the digest's date is not history yet). */
function itemsOn(kb: KnowledgeBase, monthDay: string, date: string): DigestItem[] {
  const year = Number(date.slice(0, 4));
  const items: DigestItem[] = [];
  for (const entry of kb.onMonthDay(monthDay)) {
    if (entry.date > date) continue;
    const subject = subjectOf(kb, entry);
    if (subject) items.push({ entry, yearsAgo: year - Number(entry.date.slice(0, 4)), subject });
  }
  return items;
}

function subjectOf(kb: KnowledgeBase, entry: CalendarEntry): DigestRecord | undefined {
  switch (entry.kind) {
    case 'editions': {
      const record = kb.get('editions', entry.id);
      return record && { kind: 'editions', record };
    }
    case 'forums': {
      const record = kb.get('forums', entry.id);
      return record && { kind: 'forums', record };
    }
    case 'reports': {
      const record = kb.get('reports', entry.id);
      return record && { kind: 'reports', record };
    }
  }
}

/** The first date after `after` falling on `monthDay`, no earlier than `minYear` (02-29 waits for a leap year). */
function nextOccurrence(monthDay: string, after: string, minYear: number): string {
  let year = Math.max(minYear, Number(after.slice(0, 4)));
  for (;;) {
    const date = `${year}-${monthDay}`;
    if (date > after && isCalendarDay(date)) return date;
    year++;
  }
}

/** The nearest day after `date` on which something in the index has an anniversary. */
function nextAnniversary(kb: KnowledgeBase, date: string): Anniversary | undefined {
  let best: string | undefined;
  for (const monthDay of kb.calendarDays) {
    const entries = kb.onMonthDay(monthDay);
    if (entries.length === 0) continue;
    // Entries are sorted by date: the earliest one decides when the day first becomes history.
    const firstYear = Number(entries[0]!.date.slice(0, 4));
    const candidate = nextOccurrence(monthDay, date, firstYear);
    if (!best || candidate < best) best = candidate;
  }
  if (!best) return undefined;
  return { date: best, inDays: dayNumber(best) - dayNumber(date), items: itemsOn(kb, best.slice(5), best) };
}

/** The digest for a local date (YYYY-MM-DD, already checked with `isCalendarDay`). */
export function selectDigest(kb: KnowledgeBase, date: string): Digest {
  const items = itemsOn(kb, date.slice(5), date);
  if (items.length > 0) return { date, items };
  const next = nextAnniversary(kb, date);
  return next ? { date, items, next } : { date, items };
}
