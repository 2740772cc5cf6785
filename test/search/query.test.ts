import { describe, expect, it } from 'vitest';
import { ordinalCore, queryFacts } from '../../src/search/query';

describe('ordinalCore', () => {
  it('finds a lone ordinal or season amid filler words, and nothing else', () => {
    expect(ordinalCore(['the', '9', 'edition'])).toBe('9');
    expect(ordinalCore(['no', '9'])).toBe('9');
    expect(ordinalCore(['the', '2', 'season'])).toBe('season 2');
    expect(ordinalCore(['9', 'ciac'])).toBeUndefined();
    expect(ordinalCore(['the'])).toBeUndefined();
    expect(ordinalCore(['9', '10'])).toBeUndefined();
  });
});

describe('queryFacts', () => {
  it('splits off the time words and says what the text is', () => {
    const q = queryFacts('CIAC 2024');
    expect(q).toMatchObject({ full: 'ciac 2024', text: 'ciac', fullJoined: 'ciac2024', joined: 'ciac' });
    expect(q.time).toEqual({ years: [2024], months: [] });
    expect(q).toMatchObject({ length: 4, cjk: false, short: false, numbers: [], ordinal: undefined });
  });

  it('marks short Latin text, never Chinese, for the prefix map', () => {
    expect(queryFacts('liu').short).toBe(true);
    expect(queryFacts('li u').short).toBe(true);
    expect(queryFacts('liuz').short).toBe(false);
    expect(queryFacts('刘').short).toBe(false);
    expect(queryFacts('刘').cjk).toBe(true);
  });

  it('gives Chinese words their grams and Latin words none', () => {
    expect(queryFacts('韩志杰 han').match).toEqual([
      { word: '韩志杰', grams: ['韩', '韩志', '志', '志杰', '杰'] },
      { word: 'han' },
    ]);
  });

  it('keeps the word being typed apart from those before it', () => {
    expect(queryFacts('han zhi')).toMatchObject({ words: ['han', 'zhi'], last: 'zhi', init: ['han'] });
    expect(queryFacts('')).toMatchObject({ words: [], last: '', init: [], text: '' });
  });

  it('notes numbers and the ordinal core', () => {
    expect(queryFacts('the 9th edition')).toMatchObject({
      text: 'the 9 edition',
      numbers: ['9'],
      ordinal: '9',
    });
    expect(queryFacts('第二季')).toMatchObject({ text: 'season 2', ordinal: 'season 2' });
  });
});
