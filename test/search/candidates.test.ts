import { describe, expect, it } from 'vitest';
import { CandidateFilter } from '../../src/search/candidates';
import { doc, handIndex } from './hand-tables';

const index = handIndex([
  doc('editions', ['9', '9 ciac'], [2022, 202208]),
  doc('editions', ['10', '10 ciac'], [2023]),
  doc('people', ['han zhijie', '韩志杰'], [2024]),
  doc('people', ['liu zhen', 'zhen liu']),
  doc('people', ['zhang wei']),
  doc('organizations', ['china netcasting services association', 'cnsa']),
  doc('series', ['short video week', 'season 2']),
  doc('editions', ['season 2 short video week', 'season 2']),
]);
const filter = new CandidateFilter(index);

describe('CandidateFilter.byPrefix', () => {
  it('finds records with a word or the joined name starting with the text, in doc order', () => {
    expect(filter.byPrefix('zh')).toEqual([2, 3, 4]);
    expect(filter.byPrefix('han')).toEqual([2]);
    // The editions by their second word, the association by its alias.
    expect(filter.byPrefix('c')).toEqual([0, 1, 5]);
  });

  it('honours the kinds filter and finds nothing for an unknown prefix', () => {
    expect(filter.byPrefix('zh', ['organizations'])).toEqual([]);
    expect(filter.byPrefix('c', ['organizations'])).toEqual([5]);
    expect(filter.byPrefix('qx')).toEqual([]);
  });
});

describe('CandidateFilter.byGrams', () => {
  it('ranks keys by the share of grams they have in common with the text, the same key first', () => {
    const top = filter.byGrams('liu zhen');
    expect(top[0]).toEqual({ key: index.keyText.indexOf('liu zhen'), dice: 1 });
    expect(top.map((c) => index.keyText[c.key])).toContain('zhen liu');
    for (let i = 1; i < top.length; i++) expect(top[i]!.dice).toBeLessThanOrEqual(top[i - 1]!.dice);
  });

  it('still finds a name through a typo, and only within the kinds', () => {
    const typo = filter.byGrams('han zhijei');
    expect(index.keyDoc[typo[0]!.key]).toBe(2);
    expect(typo[0]!.dice).toBeGreaterThan(0.5);
    expect(typo[0]!.dice).toBeLessThan(1);
    expect(filter.byGrams('han zhijei', ['organizations']).every((c) => index.keyDoc[c.key] === 5)).toBe(
      true,
    );
  });

  it('finds Chinese by single characters, and leaves its counts clear for the next query', () => {
    expect(filter.byGrams('志').map((c) => index.keyText[c.key])).toEqual(['韩志杰']);
    expect(filter.byGrams('志')).toEqual(filter.byGrams('志'));
    expect(filter.byGrams('qqq')).toEqual([]);
  });
});

describe('CandidateFilter.onlyEditionWithKey', () => {
  it('gives the one edition with the key, and none when several have it', () => {
    expect(filter.onlyEditionWithKey('9')).toBe(0);
    expect(filter.onlyEditionWithKey('10')).toBe(1);
    // The series has the key too, but it is no edition.
    expect(filter.onlyEditionWithKey('season 2')).toBe(7);
    expect(filter.onlyEditionWithKey('11')).toBeUndefined();
    expect(filter.onlyEditionWithKey('9', ['people'])).toBeUndefined();
  });

  it('refuses a key that two editions share', () => {
    const twice = new CandidateFilter(
      handIndex([doc('editions', ['9 a', '9']), doc('editions', ['9 b', '9'])]),
    );
    expect(twice.onlyEditionWithKey('9')).toBeUndefined();
  });
});

describe('CandidateFilter.byTime', () => {
  it('lists the records about the named time, in doc order', () => {
    expect(filter.byTime({ years: [2022], months: [] })).toEqual([0]);
    expect(filter.byTime({ years: [], months: [8] })).toEqual([0]);
    expect(filter.byTime({ years: [2024], months: [] })).toEqual([2]);
    expect(filter.byTime({ years: [2024], months: [] }, ['editions'])).toEqual([]);
  });
});
