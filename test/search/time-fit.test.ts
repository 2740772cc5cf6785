import { describe, expect, it } from 'vitest';
import { timeFit, withTime } from '../../src/search/time-fit';

const none = { years: [], months: [] };
const y2024 = { years: [2024], months: [] };
const march2024 = { years: [2024], months: [3] };
const march = { years: [], months: [3] };

describe('timeFit', () => {
  it('is neutral when the query names no time or the record has none', () => {
    expect(timeFit([2024], none)).toBe(0);
    expect(timeFit(undefined, y2024)).toBe(0);
  });

  it('matches a year against YYYY and a month against YYYYMM', () => {
    expect(timeFit([2024, 202403], y2024)).toBe(-1);
    expect(timeFit([2023], y2024)).toBe(1);
    expect(timeFit([2024, 202403], march2024)).toBe(-1);
    expect(timeFit([2024, 202411], march2024)).toBe(1);
    // A month alone fits that month of any year, and a bare year does not say which month.
    expect(timeFit([202103], march)).toBe(-1);
    expect(timeFit([2024], march)).toBe(1);
  });
});

describe('withTime', () => {
  it('moves a fitting record up and another dated record down', () => {
    expect(withTime(0.3, [2024], y2024)).toBeCloseTo(0.15);
    expect(withTime(0.3, [2023], y2024)).toBeCloseTo(0.4);
    expect(withTime(0.3, undefined, y2024)).toBe(0.3);
  });
});
