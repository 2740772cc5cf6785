import { describe, expect, it } from 'vitest';
import { niceScale } from '../../src/render/chart/scale';
import { textWidth, truncate, wrap } from '../../src/render/chart/text';

describe('niceScale', () => {
  it('runs from zero to a round value above the maximum', () => {
    expect(niceScale([110, 125, 168])).toMatchObject({
      lo: 0,
      hi: 200,
      ticks: [0, 50, 100, 150, 200],
      decimals: 0,
    });
    expect(niceScale([9.44, 10.74])).toMatchObject({ lo: 0, hi: 12.5, decimals: 1 });
    expect(niceScale([0.12, 0.3])).toMatchObject({ ticks: [0, 0.1, 0.2, 0.3], decimals: 1 });
  });

  it('includes negative values and copes with all zeros', () => {
    expect(niceScale([-5, 10])).toMatchObject({ lo: -5, hi: 10 });
    expect(niceScale([0, 0])).toMatchObject({ lo: 0, hi: 0.2 });
  });
});

describe('text fitting', () => {
  it('counts Chinese characters as full squares', () => {
    expect(textWidth('视听', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeLessThan(textWidth('视听', 10));
  });

  it('wraps at spaces, or anywhere in Chinese, and cuts what runs past the last line', () => {
    expect(wrap('one two three four', 75, 15, 3)).toEqual(['one two', 'three four']);
    const zh = wrap('来源：中国网络视听协会；新华社；人民日报', 100, 20, 2);
    expect(zh).toEqual(['来源：中国', '网络视听…']);
    expect(wrap('', 100, 10, 2)).toEqual([]);
  });

  it('truncates with an ellipsis only when needed', () => {
    expect(truncate('short', 200, 15)).toBe('short');
    expect(truncate('a rather long title indeed', 80, 15).endsWith('…')).toBe(true);
  });

  it('cuts a huge last line exactly as its start: the longest prefix that fits beside the ellipsis', () => {
    // A caption of many long source titles: wrap hands its whole rest to the last line.
    const sources = Array.from({ length: 60 }, (_, i) => `Source ${i}: ${'title '.repeat(200)}`).join('; ');
    const lines = wrap(sources, 752, 13, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(truncate(`${lines[2]!.slice(0, -1)}title title`, 752, 13));
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(textWidth(lines[2]!, 13)).toBeLessThanOrEqual(752);
    expect(textWidth(`${lines[2]!.slice(0, -1)}t…`, 13)).toBeGreaterThan(752);
    // 'abc ' and the ellipsis fit 28 (25.5), 'abc de' does not (30.5); the space before the ellipsis goes.
    expect(truncate('abc def', 28, 10)).toBe('abc…');
  });
});
