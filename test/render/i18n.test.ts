import { describe, expect, it } from 'vitest';
import { chineseNumber, englishOrdinal, messages } from '../../src/render/i18n';

describe('message catalogues', () => {
  const en = messages('en-US');
  const zh = messages('zh-CN');

  it('have the same keys in both locales', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('say "N years ago" in both languages', () => {
    expect(en.yearsAgo(0)).toBe('this year');
    expect(en.yearsAgo(1)).toBe('1 year ago');
    expect(en.yearsAgo(5)).toBe('5 years ago');
    expect(en.yearsAgo(-2)).toBe('in 2 years');
    expect(zh.yearsAgo(5)).toBe('5年前');
    expect(zh.yearsAgo(0)).toBe('今年');
  });

  it('say "and N more", "sources differ" and "did you mean"', () => {
    expect(en.andMore(3)).toBe('and 3 more');
    expect(zh.andMore(3)).toContain('3');
    expect(en.sourcesDiffer('x')).toMatch(/^Sources differ: x/);
    expect(zh.sourcesDiffer('x')).toContain('说法不一');
    expect(zh.search.didYouMean).toBe('你是不是要找');
  });

  it('write ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(englishOrdinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
    expect([1, 9, 10, 11, 20, 21, 100, 105, 110].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(zh.edition.title(11, '中国网络视听大会')).toBe('第十一届中国网络视听大会');
    expect(en.edition.title(9, 'China Internet Audiovisual Conference')).toBe(
      '9th China Internet Audiovisual Conference',
    );
  });
});
