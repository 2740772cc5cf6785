import { describe, expect, it } from 'vitest';
import { editDistance, grams, normalise, parseChineseNumeral, parseQuery } from '../../src/search/normalise';

describe('normalise', () => {
  it('gives every form of an ordinal one canonical token', () => {
    for (const q of ['9', '9th', '9TH', 'ninth', 'Ninth', '第九届', '第9届', '第 9 届', '第９届'])
      expect(normalise(q)).toBe('9');
    expect(normalise('twenty-first')).toBe('21');
    expect(normalise('第十一届')).toBe('11');
    expect(normalise('1st 2nd 3rd 22nd')).toBe('1 2 3 22');
  });

  it('writes seasons one way in English and Chinese', () => {
    for (const q of ['season 2', 'Season Two', '第二季', '第2季', '二季', 's2', 'S2', 's 2', 'Season2'])
      expect(normalise(q), q).toBe('season 2');
  });

  it('reads Chinese numerals without 第, and common misspellings of ordinal words', () => {
    for (const q of ['十一届', '十一', '11届', 'eleventh', 'elevnth']) expect(normalise(q), q).toBe('11');
    for (const q of ['九', '九届', 'nineth', 'Nineth']) expect(normalise(q), q).toBe('9');
    expect(normalise('twelth twelveth')).toBe('12 12');
    expect(normalise('首届')).toBe('1');
    // Numerals inside a Chinese name stay characters; an "s" that is not a season prefix stays a word.
    expect(normalise('一汽集团')).toBe('一汽集团');
    expect(normalise("China's 2 s")).toBe('chinas 2 s');
  });

  it('folds width, case, diacritics and punctuation', () => {
    expect(normalise('ＣＩＡＣ　２０２４')).toBe('ciac 2024');
    expect(normalise('Zhāng  Wěi')).toBe('zhang wei');
    expect(normalise('Micro-drama, “Forum”!')).toBe('micro drama forum');
    expect(normalise("Xi'an")).toBe('xian');
    expect(normalise('10,000 guests')).toBe('10000 guests');
    expect(normalise('《长河》·纪录片')).toBe('长河 纪录片');
  });

  it('spaces CJK runs off from Latin text and keeps them whole', () => {
    expect(normalise('第九届CIAC中国网络视听大会')).toBe('9 ciac 中国网络视听大会');
    expect(grams('网络视听')).toEqual(['网', '网络', '络', '络视', '视', '视听', '听']);
  });

  it('reads years and months out of a query', () => {
    expect(parseQuery('daily usage 2024')).toEqual({
      full: 'daily usage 2024',
      text: 'daily usage',
      time: { years: [2024], months: [] },
    });
    expect(parseQuery('2024年3月').time).toEqual({ years: [2024], months: [3] });
    expect(parseQuery('March 2024').time).toEqual({ years: [2024], months: [3] });
    expect(parseQuery('forum 2024-03-28').time).toEqual({ years: [2024], months: [3] });
    expect(parseQuery('mar 2024').time.months).toEqual([3]);
    // "may" alone is a word; next to a year it is a month.
    expect(parseQuery('may').time.months).toEqual([]);
    expect(parseQuery('may 2024').time.months).toEqual([5]);
  });

  it('parses Chinese numerals', () => {
    expect([parseChineseNumeral('九'), parseChineseNumeral('十'), parseChineseNumeral('二十一')]).toEqual([
      9, 10, 21,
    ]);
    expect(parseChineseNumeral('一百零二')).toBe(102);
    expect(parseChineseNumeral('大')).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('wie', 'wei', 2)).toBe(1);
    expect(editDistance('zhnag', 'zhang', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});
