import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonthDay,
  formatNumber,
  formatQuantity,
  formatRange,
  formatStatistic,
  renderContext,
  sourceLabel,
} from '../../src/render/format';
import { nearestDays } from '../../src/render/on-this-day';
import { editionComparison } from '../../src/render/records/edition-chart';
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

  it('counts in 万 and 亿 in Chinese from ten thousand up', () => {
    expect(formatNumber(zh, 5000)).toBe('5,000');
    expect(formatNumber(zh, 10_000)).toBe('1万');
    expect(formatNumber(zh, 3_800_000)).toBe('380万');
    expect(formatNumber(en, 10_000)).toBe('10,000');
  });

  it('writes statistics in Chinese with the unit scale applied and Chinese qualifiers', () => {
    const stat = (value: number, unit: string, unitZh: string, qualifier = 'exactly' as const) => ({
      value,
      unit,
      i18n: { 'zh-CN': { unit: unitZh } },
      qualifier,
    });
    expect(formatStatistic(zh, { ...stat(300, 'million downloads', '次下载'), qualifier: 'more-than' })).toBe(
      '超过3亿次下载',
    );
    expect(formatStatistic(zh, stat(873, 'million users', '人'))).toBe('8.73亿人');
    expect(formatStatistic(zh, { ...stat(2.07, 'billion plays', '次播放'), qualifier: 'more-than' })).toBe(
      '超过20.7亿次播放',
    );
    expect(formatStatistic(zh, { ...stat(10, 'billion US dollars', '美元'), qualifier: 'about' })).toBe(
      '约100亿美元',
    );
    expect(formatStatistic(zh, { ...stat(10, 'thousand people', '人'), qualifier: 'nearly' })).toBe(
      '近1万人',
    );
    expect(formatStatistic(zh, { ...stat(35, 'million visits', '人次'), qualifier: 'at-least' })).toBe(
      '至少3500万人次',
    );
    expect(formatStatistic(zh, stat(125, 'minutes', '分钟'))).toBe('125分钟');
    expect(formatStatistic(zh, stat(53.5, '%', '%'))).toBe('53.5%');
    // Without a Chinese unit the English one stays, unscaled; English replies never change.
    expect(formatStatistic(zh, { value: 7, unit: 'accounts', qualifier: 'exactly' })).toBe('7 accounts');
    expect(formatStatistic(en, { ...stat(300, 'million downloads', '次下载'), qualifier: 'more-than' })).toBe(
      'more than 300 million downloads',
    );
  });

  it('leaves no English in the value of any seed statistic in Chinese', () => {
    const { kb } = realKnowledge();
    for (const s of kb.records.statistics) expect(formatStatistic(zh, s), s.id).not.toMatch(/[A-Za-z]/);
    const longVideo = kb.get('statistics', 'stat-long-video-apps-overseas-downloads-2023');
    expect(longVideo && formatStatistic(zh, longVideo)).toBe('超过3亿次下载');
    const users = kb.get('statistics', 'stat-short-video-users-2020-12');
    expect(users && formatStatistic(zh, users)).toBe('8.73亿人');
  });

  it('tells every source apart where footers and captions name it, in both locales', () => {
    const { kb } = realKnowledge();
    for (const ctx of [en, zh]) {
      const labels = kb.records.sources.map((s) => sourceLabel(ctx, s.id));
      expect(new Set(labels).size).toBe(labels.length);
    }
    const spec = editionComparison(en, kb.get('editions', 'ciac-9')!);
    if (spec?.kind !== 'comparison') throw new Error('expected a comparison chart');
    const parts = spec.input.caption.replace(/^Sources: /, '').split(' · ');
    expect(parts).toContain('Unnamed outlet (re-posted on a company website)');
    expect(parts).toContain('Unnamed outlet (machine-translated report), June 3, 2021');
    expect(new Set(parts).size).toBe(parts.length);
  });

  it('finds the nearest days, wrapping around the year', () => {
    const days = ['03-28', '06-02', '12-01'];
    expect(nearestDays(days, '06-01')).toEqual({ before: '03-28', after: '06-02' });
    expect(nearestDays(days, '12-31')).toEqual({ before: '12-01', after: '03-28' });
    expect(nearestDays(days, '01-01')).toEqual({ before: '12-01', after: '03-28' });
    expect(nearestDays([], '01-01')).toEqual({});
  });
});
