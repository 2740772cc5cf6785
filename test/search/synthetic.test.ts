import { describe, expect, it } from 'vitest';
import { generate, QUERY_MIX, queries } from '../../bench/synthetic';
import { IndexFileSchema } from '../../src/knowledge/knowledge-base';
import { KINDS } from '../../src/knowledge/schema';

describe('synthetic records', () => {
  const records = generate(1000, 7);

  it('are valid against the index schema and deterministic', () => {
    expect(IndexFileSchema.shape.records.safeParse(records).success).toBe(true);
    expect(JSON.stringify(generate(1000, 7))).toBe(JSON.stringify(records));
    expect(JSON.stringify(generate(1000, 8))).not.toBe(JSON.stringify(records));
    const total = KINDS.reduce((n, k) => n + records[k].length, 0);
    expect(total).toBeGreaterThan(900);
    expect(total).toBeLessThan(1100);
  });

  it('have unique ids and only references to records that exist', () => {
    const ids = KINDS.flatMap((k) => records[k].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    const has = (kind: (typeof KINDS)[number], id: string | undefined) =>
      id === undefined || records[kind].some((r) => r.id === id);
    const sources = new Set(records.sources.map((s) => s.id));
    for (const kind of KINDS) {
      for (const r of records[kind]) {
        if ('sources' in r) for (const s of r.sources) expect(sources.has(s)).toBe(true);
      }
    }
    expect(records.editions.every((e) => has('series', e.series))).toBe(true);
    expect(records.people.every((p) => p.roles.every((r) => has('organizations', r.organisation)))).toBe(
      true,
    );
    expect(records.people.every((p) => p.appearances.every((a) => has('editions', a.edition)))).toBe(true);
    expect(
      records.statistics.every(
        (s) => has('reports', s.reportedBy?.report) && has('organizations', s.reportedBy?.organisation),
      ),
    ).toBe(true);
    expect(records.forums.every((f) => has('editions', f.edition))).toBe(true);
    expect(records.reports.every((r) => has('organizations', r.publisher))).toBe(true);
    expect(
      records.works.every((w) => has('editions', w.edition) && w.by.every((b) => has('organizations', b))),
    ).toBe(true);
  });

  it('give a fixed query mix naming records that exist', () => {
    const qs = queries(records, 1);
    expect(qs).toHaveLength(Object.values(QUERY_MIX).reduce((a, b) => a + b, 0));
    expect(JSON.stringify(queries(records, 1))).toBe(JSON.stringify(qs));
    const ids = new Set([...records.people, ...records.organizations].map((r) => r.id));
    expect(qs.every((q) => ids.has(q.expect) && q.text.length > 0)).toBe(true);
    expect(qs.filter((q) => q.kind === 'typo1').every((q) => !ids.has(q.text))).toBe(true);
  });
});
