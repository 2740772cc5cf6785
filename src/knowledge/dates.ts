// Partial dates (`2024`, `2024-03`, `2024-03-28`): which exist, how they compare, and the days a span covers.
import { daysInMonth } from '../calendar';
import type { DateClaimT, Edition } from './schema';

/** Why a date that matches the YYYY[-MM[-DD]] pattern cannot be a real date, or undefined when it can. */
export function impossibleDate(date: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return undefined;
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d === undefined) return undefined;
  const days = daysInMonth(y!, m);
  if (d < 1 || d > days) return `day ${d} does not exist: ${date.slice(0, 7)} has ${days} days`;
  return undefined;
}

/** True when `end` lies wholly before `start`, compared at the precision both have. */
export function endsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

export function isFullDate(date: string): boolean {
  return date.length === 10;
}

/** Every day from start to end inclusive, as YYYY-MM-DD (both full dates). */
export function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  const t = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`).getTime();
  while (t.getTime() <= last) {
    days.push(t.toISOString().slice(0, 10));
    t.setUTCDate(t.getUTCDate() + 1);
  }
  return days;
}

/** The date claim the bot shows: the one marked `shown`, or the only one. */
export function shownClaim(edition: Edition): DateClaimT {
  return edition.dates.find((d) => d.shown) ?? edition.dates[0]!;
}
