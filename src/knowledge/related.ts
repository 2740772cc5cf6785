// Links both ways: every reference a record makes is also listed on the record it names.
import { shownClaim } from './dates';
import type { Related } from './knowledge-base';
import type { Records } from './records';
import { referencesOf } from './references';
import { KINDS, type Kind, type Statistic } from './schema';

type Links = Map<string, Map<Kind, Set<string>>>;

function link(links: Links, from: string, kind: Kind, to: string): void {
  if (from === to) return;
  const byKind = links.get(from) ?? new Map<Kind, Set<string>>();
  links.set(from, byKind);
  const ids = byKind.get(kind) ?? new Set<string>();
  byKind.set(kind, ids);
  ids.add(to);
}

/** Seed positions in date order (stable): the order editions (shown start) and statistics (as of) are listed in. */
function byDate(dates: readonly (string | undefined)[]): number[] {
  // Undated ones last ('~' sorts after digits).
  return dates
    .map((_, i) => i)
    .sort((a, b) => {
      const da = dates[a] ?? '~';
      const db = dates[b] ?? '~';
      return da < db ? -1 : da > db ? 1 : a - b;
    });
}

/** Each record's place in the lists of related ids: editions and statistics by date, the rest in seed order. */
function ranks(records: Records): Map<Kind, Map<string, number>> {
  const rank = new Map<Kind, Map<string, number>>();
  for (const kind of KINDS) {
    const list = records[kind];
    const order =
      kind === 'editions'
        ? byDate(records.editions.map((e) => shownClaim(e).start))
        : kind === 'statistics'
          ? byDate(records.statistics.map((s) => s.asOf))
          : list.map((_, i) => i);
    rank.set(kind, new Map(order.map((seedIndex, place) => [list[seedIndex]!.id, place])));
  }
  return rank;
}

/**
 * Statistic series (statistics sharing a `series` key), members in as-of order. Not stored in the index:
 * a series of k members would cost k² ids; the loader lists a member's siblings from this instead.
 */
export function statisticSeries(statistics: readonly Statistic[]): Map<string, string[]> {
  const series = new Map<string, string[]>();
  for (const i of byDate(statistics.map((s) => s.asOf))) {
    const s = statistics[i]!;
    if (s.series === undefined) continue;
    const members = series.get(s.series);
    if (members) members.push(s.id);
    else series.set(s.series, [s.id]);
  }
  return series;
}

export function buildRelated(records: Records): Record<string, Related> {
  const kindOf = new Map<string, Kind>();
  for (const kind of KINDS) for (const r of records[kind]) kindOf.set(r.id, kind);
  const links: Links = new Map();
  for (const kind of KINDS)
    for (const record of records[kind])
      for (const ref of referencesOf(kind, record)) {
        const target = kindOf.get(ref.id);
        if (!target) continue;
        link(links, record.id, target, ref.id);
        link(links, ref.id, kind, record.id);
      }

  const rank = ranks(records);
  const out: Record<string, Related> = {};
  for (const kind of KINDS)
    for (const record of records[kind]) {
      const byKind = links.get(record.id);
      if (!byKind) continue;
      const related: Related = {};
      for (const k of KINDS) {
        const ids = byKind.get(k);
        const place = rank.get(k)!;
        if (ids) related[k] = [...ids].sort((a, b) => place.get(a)! - place.get(b)!);
      }
      out[record.id] = related;
    }
  return out;
}
