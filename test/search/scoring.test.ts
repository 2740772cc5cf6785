import { describe, expect, it } from 'vitest';
import { queryFacts } from '../../src/search/query';
import {
  combine,
  coverage,
  FuseScorer,
  isExact,
  numbersClash,
  prefixScore,
  wordScore,
} from '../../src/search/scoring';
import { doc, handIndex } from './hand-tables';

const index = handIndex([
  doc('people', ['han zhijie', '韩志杰']),
  doc('people', ['liu zhen']),
  doc('editions', ['9', '9 ciac']),
  doc('series', ['ciac']),
]);
const key = (text: string) => index.keyText.indexOf(text);
const words = (query: string) => queryFacts(query).match;

describe('prefixScore', () => {
  it('scores a whole word 0, a prefix by how much of the word it covers, plus unmatched words', () => {
    // "liu" is one of two words: the other is unmatched.
    expect(prefixScore(index, 'liu', key('liu zhen'))).toBeCloseTo(0.05);
    expect(prefixScore(index, 'ciac', key('ciac'))).toBe(0);
    expect(prefixScore(index, 'ci', key('ciac'))).toBeCloseTo(0.15);
    expect(prefixScore(index, 'xy', key('ciac'))).toBeCloseTo(1.1);
  });

  it('agrees with wordScore for a one-word query without typos', () => {
    for (const [q, k] of [
      ['liu', 'liu zhen'],
      ['zh', 'han zhijie'],
      ['han', 'han zhijie'],
      ['ciac', '9 ciac'],
    ] as const) {
      expect(prefixScore(index, q, key(k)), q).toBeCloseTo(wordScore(index, words(q), key(k), false));
    }
  });
});

describe('wordScore', () => {
  it('matches whole words, and split or joined transliterations alike', () => {
    expect(wordScore(index, words('han zhijie'), key('han zhijie'), true)).toBe(0);
    expect(wordScore(index, words('hanzhijie'), key('han zhijie'), true)).toBe(0);
  });

  it('counts typos per word, and only when typos are allowed', () => {
    const typo = wordScore(index, words('han zhijei'), key('han zhijie'), true);
    expect(typo).toBeGreaterThan(0);
    expect(typo).toBeLessThan(0.2);
    expect(wordScore(index, words('han zhijei'), key('han zhijie'), false)).toBeGreaterThan(0.5);
  });

  it('matches Chinese by the share of its characters in the key', () => {
    expect(wordScore(index, words('韩志杰'), key('韩志杰'), true)).toBe(0);
    const partial = wordScore(index, words('韩志'), key('韩志杰'), true);
    expect(partial).toBe(0);
    expect(wordScore(index, words('韩刘'), key('韩志杰'), true)).toBeGreaterThan(0.5);
  });
});

describe('the small adjustments', () => {
  it('coverage penalises matching part of a long key', () => {
    expect(coverage(index, 9, key('han zhijie'))).toBe(0);
    expect(coverage(index, 3, key('han zhijie'))).toBeCloseTo(0.1 * (1 - 3 / 9));
  });

  it('combine takes the better score, pulled toward the other', () => {
    expect(combine(0.2, 0.2)).toBeCloseTo(0.2);
    expect(combine(0.1, 0.3)).toBeCloseTo(0.15);
    expect(combine(0, 1)).toBeCloseTo(0.1);
  });

  it('numbersClash says when a numbered record lacks the query numbers', () => {
    expect(numbersClash(index, 2, ['9'])).toBe(false);
    expect(numbersClash(index, 2, ['10'])).toBe(true);
    // A record with no numbers cannot clash.
    expect(numbersClash(index, 1, ['10'])).toBe(false);
  });

  it('isExact matches a key as written or joined', () => {
    expect(isExact(index, 0, 'han zhijie', 'hanzhijie')).toBe(true);
    expect(isExact(index, 0, 'hanzhijie', 'hanzhijie')).toBe(true);
    expect(isExact(index, 0, 'han', 'han')).toBe(false);
  });
});

describe('FuseScorer', () => {
  it('scores the keys fuse.js matches and leaves out the rest', () => {
    const fuse = new FuseScorer();
    const scores = fuse.scores(
      [
        { k: 0, key: 'han zhijie' },
        { k: 5, key: 'liu zhen' },
      ],
      'han zhijei',
    );
    expect([...scores.keys()]).toEqual([0]);
    expect(scores.get(0)).toBeGreaterThan(0);
    expect(scores.get(0)).toBeLessThan(0.4);
    expect(fuse.scores([], 'han').size).toBe(0);
  });
});
