// Links both ways: every reference a record makes is also listed on the record it names.
import { shownClaim } from './dates';
import type { Related } from './knowledge-base';
import type { Records } from './records';
import { referencesOf } from './references';
import { KINDS, type Kind } from './schema';

type Links = Map<string, Map<Kind, Set<string>>>;

function link(links: Links, from: string, kind: Kind, to: string): void {
  if (from === to) return;
  const byKind = links.get(from) ?? new Map<Kind, Set<string>>();
  links.set(from, byKind);
  const ids = byKind.get(kind) ?? new Set<string>();
  byKind.set(kind, ids);
  ids.add(to);
}

/**
 * The order related ids are listed in: editions by their shown start date, statistics by as-of date
 * (undated last), everything else in seed order.
 */
function ranks(records: Records): Map<string, string> {
  const rank = new Map<string, string>();
  const pad = (i: number) => String(i).padStart(8, '0');
  for (const kind of KINDS)
    records[kind].forEach((r, i) => {
      const key =
        kind === 'editions'
          ? shownClaim(records.editions[i]!).start
          : kind === 'statistics'
            ? (records.statistics[i]!.asOf ?? '~')
            : '';
      rank.set(`${kind}:${r.id}`, `${key}|${pad(i)}`);
    });
  return rank;
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
  // Statistics that measure the same thing at different dates list each other.
  const bySeries = new Map<string, string[]>();
  for (const s of records.statistics)
    if (s.series !== undefined) {
      const members = bySeries.get(s.series);
      if (members) members.push(s.id);
      else bySeries.set(s.series, [s.id]);
    }
  for (const members of bySeries.values())
    for (const a of members) for (const b of members) link(links, a, 'statistics', b);

  const rank = ranks(records);
  const out: Record<string, Related> = {};
  for (const kind of KINDS)
    for (const record of records[kind]) {
      const byKind = links.get(record.id);
      if (!byKind) continue;
      const related: Related = {};
      for (const k of KINDS) {
        const ids = byKind.get(k);
        if (ids)
          related[k] = [...ids].sort((a, b) => (rank.get(`${k}:${a}`)! < rank.get(`${k}:${b}`)! ? -1 : 1));
      }
      out[record.id] = related;
    }
  return out;
}
