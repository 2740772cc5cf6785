import { describe, expect, it } from 'vitest';
import { queryFacts } from '../../src/search/query';
import { Ranker } from '../../src/search/rank';
import { doc, handIndex } from './hand-tables';

const index = handIndex([
  doc('editions', ['9', '9 ciac', 'chengdu'], [2022]),
  doc('editions', ['10', '10 ciac', 'chengdu'], [2023]),
  doc('editions', ['season 1', 'svw season 1'], [2023]),
  doc('editions', ['season 2', 'svw season 2'], [2024]),
  doc('people', ['han zhijie']),
  doc('people', ['han zhiqiang']),
  doc('statistics', ['daily usage'], [2021, 202112]),
  doc('statistics', ['daily usage'], [2024, 202412]),
  // A report named for 2024 and one released in 2024 under the same name.
  { ...doc('reports', ['report 2024'], [2023]), id: 'report-a' },
  { ...doc('reports', ['report 2024'], [2024]), id: 'report-b' },
]);
const ranker = new Ranker(index);
const ids = (query: string, kinds?: Parameters<Ranker['rank']>[1]) =>
  ranker.rank(queryFacts(query), kinds).map((s) => index.docs[s.doc]!.id);

describe('Ranker', () => {
  it('puts exact names first with score 0, then the rest by score', () => {
    const ranked = ranker.rank(queryFacts('han zhijie'));
    expect(ranked[0]).toEqual({ doc: 4, score: 0, exact: true });
    expect(ranked[1]?.doc).toBe(5);
    expect(ranked[1]!.score).toBeGreaterThan(0);
  });

  it('ranks a typo by the matchers and a short query by prefix', () => {
    expect(ids('han zhijei')[0]).toBe('han-zhijie');
    expect(ids('han')).toEqual(['han-zhijie', 'han-zhiqiang']);
  });

  it('makes a lone ordinal amid filler words an exact match for the one edition with it', () => {
    const ranked = ranker.rank(queryFacts('the 9th edition'), ['editions']);
    expect(ranked[0]).toEqual({ doc: 0, score: 0, exact: true });
  });

  it('never takes one number for a typo of another', () => {
    const ranked = ranker.rank(queryFacts('svw season 2'));
    expect(index.docs[ranked[0]!.doc]!.id).toBe('season-2');
    const one = ranked.find((s) => s.doc === 2)!;
    expect(one.score - ranked[0]!.score).toBeGreaterThanOrEqual(0.3);
  });

  it('prefers the records of the named time, and lists only them for a time alone', () => {
    expect(ids('daily usage 2021')[0]).toBe('daily-usage');
    expect(ranker.rank(queryFacts('daily usage 2021'))[0]?.doc).toBe(6);
    expect(ranker.rank(queryFacts('daily usage 2024'))[0]?.doc).toBe(7);
    expect(ranker.rank(queryFacts('2023'))).toEqual([
      { doc: 1, score: 0.1, exact: false },
      { doc: 2, score: 0.1, exact: false },
      { doc: 8, score: 0.1, exact: false },
    ]);
  });

  it('orders several exact matches by their fit to the named time', () => {
    expect(ranker.rank(queryFacts('report 2024')).map((s) => [s.doc, s.exact])).toEqual([
      [9, true],
      [8, true],
    ]);
    // Without a time, doc order decides.
    expect(ranker.rank(queryFacts('chengdu')).flatMap((s) => (s.exact ? [s.doc] : []))).toEqual([0, 1]);
  });
});
