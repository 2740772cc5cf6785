import { describe, expect, it } from 'vitest';
import { doc, handIndex } from './hand-tables';

const index = handIndex([
  doc('people', ['han zhijie', '韩志杰']),
  doc('organizations', ['cnsa']),
  doc('editions', ['9', '9 ciac'], [2022]),
]);

describe('KeyIndex', () => {
  it('numbers keys across docs in order', () => {
    expect(index.keyCount).toBe(5);
    expect(index.keyText).toEqual(['han zhijie', '韩志杰', 'cnsa', '9', '9 ciac']);
    expect(index.keyDoc).toEqual([0, 0, 1, 2, 2]);
    expect(index.docFirstKey).toEqual([0, 2, 3, 5]);
  });

  it('derives joined keys, words (with the joined key for several words) and gram counts', () => {
    expect(index.keyJoined(0)).toBe('hanzhijie');
    expect(index.keyWords(0)).toEqual(['han', 'zhijie', 'hanzhijie']);
    expect(index.keyWords(2)).toEqual(['cnsa']);
    // 韩志杰: three single characters and two bigrams.
    expect(index.keyGramCount(1)).toBe(5);
    expect(index.keyGramCount(2)).toBe(3);
  });

  it('decodes postings, and gives none for a gram or prefix no key has', () => {
    expect([...index.gramPostings('zh')]).toEqual([0]);
    expect([...index.gramPostings('9c')]).toEqual([4]);
    expect([...index.prefixPostings('han')]).toEqual([0]);
    expect(index.gramPostings('qq')).toHaveLength(0);
    expect(index.prefixPostings('xyz')).toHaveLength(0);
    expect(index.prefixKeys).toEqual([...index.prefixKeys].sort());
  });

  it('filters by kind and finds a doc by its trimmed id within the kinds', () => {
    expect(index.allowed(1)).toBe(true);
    expect(index.allowed(1, [])).toBe(true);
    expect(index.allowed(1, ['people'])).toBe(false);
    expect(index.idDoc(' han-zhijie ')).toBe(0);
    expect(index.idDoc('han-zhijie', ['organizations'])).toBeUndefined();
    expect(index.idDoc('nobody')).toBeUndefined();
  });
});
