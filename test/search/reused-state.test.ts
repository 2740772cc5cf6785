// The lookup reuses per-doc arrays across queries (no allocation per candidate) and puts them back after each.
// A query that throws part-way (here: a kinds filter that fails on its Nth read, at every N a query reaches)
// must leave nothing behind: every later answer is the one a fresh lookup gives.
import { describe, expect, it } from 'vitest';
import type { Kind } from '../../src/knowledge/schema';
import { createLookup } from '../../src/search/lookup';
import { shippedKnowledgeBase } from '../support/shipped';

/** ['people', 'organizations'] whose `includes` throws from its `failAt`-th call on. */
function failingKinds(failAt: number): { kinds: readonly Kind[]; calls: () => number } {
  let calls = 0;
  const kinds = new Proxy<Kind[]>(['people', 'organizations'], {
    get(target, property, receiver) {
      if (property === 'includes' && ++calls >= failAt) throw new Error('kinds went away');
      return Reflect.get(target, property, receiver);
    },
  });
  return { kinds, calls: () => calls };
}

const QUERIES = [
  'liu',
  'Liu Zhen',
  'who spoke about micro-dramas',
  'kuaishou vice president',
  '快手副总裁',
  'zhang',
];

describe('a query that throws part-way', () => {
  it('leaves the lookup answering exactly as a fresh one, whichever step it threw at', () => {
    const kb = shippedKnowledgeBase();
    const fresh = createLookup(kb);
    const answers = (lookup: typeof fresh) =>
      QUERIES.map((q) => [lookup.search(q), lookup.resolve(q), lookup.complete(q)]);
    const expected = answers(fresh);
    const lookup = createLookup(kb);
    let threw = 0;
    for (const q of QUERIES) {
      for (const call of ['search', 'complete'] as const) {
        // Steps spread over all those at which this query reads the filter (every one early, then every few).
        for (let failAt = 1; ; failAt += Math.max(1, Math.floor(failAt / 4))) {
          const { kinds, calls } = failingKinds(failAt);
          try {
            lookup[call](q, { kinds });
          } catch {
            threw++;
            // The same query again, unfiltered: what a fresh lookup answers (the marks it would meet are its own).
            expect(lookup[call](q)).toEqual(fresh[call](q));
            continue;
          }
          expect(calls()).toBeLessThan(failAt);
          break;
        }
      }
    }
    expect(threw).toBeGreaterThan(30);
    expect(answers(lookup)).toEqual(expected);
  });
});
