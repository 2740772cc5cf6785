import { describe, expect, it } from 'vitest';
import { choices, completionOrder, featuredOrder, tier } from '../../src/search/complete';
import { queryFacts } from '../../src/search/query';
import type { Scored } from '../../src/search/scoring';
import { doc, handIndex } from './hand-tables';

const index = handIndex(
  [
    doc('editions', ['12 ciac']),
    doc('editions', ['11 ciac']),
    doc('people', ['han zhijie', '韩志杰']),
    doc('people', ['liu zhen']),
    doc('people', ['zhang wei']),
    doc('statistics', ['daily usage']),
    doc('statistics', ['weekly usage']),
  ],
  [0, 1, 3],
);
const scored = (doc: number, score = 0.3, exact = false): Scored => ({ doc, score, exact });

describe('featuredOrder', () => {
  it('shows the featured records, then the first records of kinds with nothing featured', () => {
    expect(featuredOrder(index)).toEqual([0, 1, 3, 5, 6]);
    // People are featured: only the curated one, not every person.
    expect(featuredOrder(index, ['people'])).toEqual([3]);
    expect(featuredOrder(index, ['statistics'])).toEqual([5, 6]);
  });
});

describe('tier', () => {
  it('ranks exact, whole words, prefixes (or contained Chinese), then the rest', () => {
    expect(tier(index, scored(2, 0, true), queryFacts('han zhijie'))).toBe(0);
    expect(tier(index, scored(2), queryFacts('zhijie'))).toBe(1);
    expect(tier(index, scored(2), queryFacts('han zhi'))).toBe(2);
    expect(tier(index, scored(2), queryFacts('hanzh'))).toBe(2);
    expect(tier(index, scored(2), queryFacts('志杰'))).toBe(2);
    expect(tier(index, scored(2), queryFacts('han zhijei'))).toBe(3);
  });
});

describe('completionOrder', () => {
  it('orders by tier, then score, then doc order, with a chosen id first', () => {
    const q = queryFacts('liu');
    const ranked = () => [scored(4, 0.1), scored(3, 0.3), scored(2, 0.3)];
    // liu zhen has "liu" as a whole word; the others are fuzzy.
    expect(completionOrder(index, ranked(), q, undefined)).toEqual([3, 4, 2]);
    expect(completionOrder(index, ranked(), q, 2)).toEqual([2, 3, 4]);
    expect(completionOrder(index, ranked(), q, 6)).toEqual([6, 3, 4, 2]);
  });
});

describe('choices', () => {
  it('gives label and id, at most `max`, skipping ids Discord cannot carry and clipping long labels', () => {
    const long = handIndex([
      { kind: 'people', id: 'x'.repeat(101), label: 'Too long an id', keys: ['a'] },
      { kind: 'people', id: 'long-label', label: 'L'.repeat(150), keys: ['b'] },
      { kind: 'people', id: 'plain', label: 'Plain', keys: ['c'] },
    ]);
    const out = choices(long, [0, 1, 2], 25);
    expect(out.map((c) => c.value)).toEqual(['long-label', 'plain']);
    expect(Array.from(out[0]!.name)).toHaveLength(100);
    expect(choices(long, [0, 1, 2], 1)).toEqual([out[0]]);
  });
});
