// Whether a record is about the time a query names: years and months prefer records of that time.
import type { TimeHints } from './normalise';

/** Time words in a query move records of that time up and other dated records down. */
const TIME_BONUS = 0.15;
const TIME_PENALTY = 0.1;

/**
 * -1 when the record's times (YYYY or YYYYMM, see tables.ts) include the named time, +1 when it is dated but
 * not then, 0 when the query names no time or the record has none.
 */
export function timeFit(t: readonly number[] | undefined, time: TimeHints): number {
  if (time.years.length === 0 && time.months.length === 0) return 0;
  if (!t) return 0;
  const fits = t.some((v) => {
    if (v < 10000) return time.months.length === 0 && time.years.includes(v);
    const year = Math.floor(v / 100);
    const month = v % 100;
    return (time.years.length === 0 || time.years.includes(year)) && time.months.includes(month);
  });
  return fits ? -1 : 1;
}

export function withTime(score: number, t: readonly number[] | undefined, time: TimeHints): number {
  const fit = timeFit(t, time);
  return fit < 0 ? score - TIME_BONUS : fit > 0 ? score + TIME_PENALTY : score;
}

/** The lowest score withTime can make of `score` for a query naming `time`. */
export function lowestWithTime(score: number, time: TimeHints): number {
  return time.years.length > 0 || time.months.length > 0 ? score - TIME_BONUS : score;
}
