// The project's own seeds: they compile, every citation names a source record, and the index round-trips.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import type { IndexFile } from '../../src/knowledge/knowledge-base';
import { knowledgeFromIndex, parseIndex } from '../../src/knowledge/load';
import { KINDS } from '../../src/knowledge/schema';
import { createLookup } from '../../src/search/lookup';
import { shippedCompiled } from '../support/shipped';

let index: IndexFile;
let json: string;

beforeAll(() => {
  ({ index, json } = shippedCompiled());
});

/** Every id listed under a `sources` key, anywhere in a record. */
function citations(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citations);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'sources' && Array.isArray(v) ? v.map(String) : citations(v),
  );
}

describe('the real seeds', () => {
  it('have records of every kind', () => {
    for (const kind of KINDS) expect(index.counts[kind], kind).toBeGreaterThan(0);
  });

  it('cite only sources that exist, and every source is cited', () => {
    const sources = new Set(index.records.sources.map((s) => s.id));
    const cited = new Set<string>();
    for (const kind of KINDS.filter((k) => k !== 'sources'))
      for (const record of index.records[kind]) {
        const ids = citations(record);
        expect(ids.length, `${kind}[${record.id}] cites no source`).toBeGreaterThan(0);
        for (const id of ids) {
          expect(sources.has(id), `${kind}[${record.id}] cites unknown source ${id}`).toBe(true);
          cited.add(id);
        }
      }
    expect([...sources].filter((s) => !cited.has(s))).toEqual([]);
  });

  it('compile to the same bytes twice', () => {
    const again = compileSeeds('seeds');
    expect(again.ok && again.json).toBe(json);
  });

  it('round-trip through the loader and the lookup', () => {
    const kb = knowledgeFromIndex(parseIndex(json, 'index.json'));
    expect(kb.hash).toBe(index.hash);
    const lookup = createLookup(kb);
    for (const edition of kb.records.editions)
      expect(lookup.resolve(edition.id)).toMatchObject({ status: 'found', hit: { id: edition.id } });
  });

  it('list each edition’s speakers, and each speaker’s editions', () => {
    for (const person of index.records.people)
      for (const appearance of person.appearances) {
        expect(index.related[appearance.edition]?.people).toContain(person.id);
        expect(index.related[person.id]?.editions).toContain(appearance.edition);
      }
  });

  it('put every shown full start date of an edition on the calendar', () => {
    let full = 0;
    for (const edition of index.records.editions) {
      const shown = edition.dates.find((d) => d.shown);
      expect(shown, `${edition.id} shows no date`).toBeDefined();
      // A year or a month alone has no day to be on.
      if (shown?.start.length !== 10) continue;
      full++;
      const day = index.calendar[shown.start.slice(5)] ?? [];
      expect(day).toContainEqual(expect.objectContaining({ id: edition.id, date: shown.start }));
    }
    // The loop checked something: most editions have a full date.
    expect(full).toBeGreaterThan(index.records.editions.length / 2);
  });
});
