import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonthDay,
  formatNumber,
  formatQuantity,
  formatRange,
  renderContext,
} from '../../src/render/format';
import { nearestDays } from '../../src/render/on-this-day';
import { realKnowledge } from '../commands/knowledge';

const en = renderContext(realKnowledge().kb, 'en-US');
const zh = renderContext(realKnowledge().kb, 'zh-CN');
const spaces = (s: string) => s.replace(/\s/g, ' ');

describe('format', () => {
  it('writes dates as precise as the data', () => {
    expect(formatDate(en, '2024')).toBe('2024');
    expect(formatDate(en, '2024-03')).toBe('March 2024');
    expect(formatDate(en, '2024-03-28')).toBe('March 28, 2024');
    expect(formatDate(zh, '2024-03-28')).toBe('2024年3月28日');
    expect(formatDate(zh, '2024-03')).toBe('2024年3月');
    expect(formatMonthDay(en, '12-01')).toBe('December 1');
    expect(formatMonthDay(zh, '12-01')).toBe('12月1日');
  });

  it('writes spans of days', () => {
    expect(spaces(formatRange(en, '2024-03-28', '2024-03-30'))).toBe('March 28 – 30, 2024');
    expect(formatRange(zh, '2024-03-28', '2024-03-30')).toBe('2024年3月28日至30日');
    expect(formatRange(zh, '2024-03-28', '2024-04-02')).toBe('2024年3月28日至4月2日');
    expect(formatRange(en, '2024-03-28')).toBe('March 28, 2024');
    expect(formatRange(en, '2022-09', '2023')).toBe('September 2022 – 2023');
  });

  it('writes numbers and quantities the way each language says them', () => {
    expect(formatNumber(en, 5000)).toBe('5,000');
    expect(formatNumber(en, 270_000_000)).toBe('270 million');
    expect(formatNumber(zh, 270_000_000)).toBe('2.7亿');
    expect(formatQuantity(en, 300, 'more-than', 'guests')).toBe('more than 300 guests');
    expect(formatQuantity(zh, 300, 'more-than', '位嘉宾')).toBe('超过300位嘉宾');
    expect(formatQuantity(en, 40, 'exactly', '%')).toBe('40%');
  });

  it('finds the nearest days, wrapping around the year', () => {
    const days = ['03-28', '06-02', '12-01'];
    expect(nearestDays(days, '06-01')).toEqual({ before: '03-28', after: '06-02' });
    expect(nearestDays(days, '12-31')).toEqual({ before: '12-01', after: '03-28' });
    expect(nearestDays(days, '01-01')).toEqual({ before: '12-01', after: '03-28' });
    expect(nearestDays([], '01-01')).toEqual({});
  });
});
