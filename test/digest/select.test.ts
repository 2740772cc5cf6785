import { describe, expect, it } from 'vitest';
import { isCalendarDay } from '../../src/calendar';
import { renderDigest } from '../../src/digest/payload';
import { selectDigest } from '../../src/digest/select';
import { testKnowledgeBase } from './kb';

const kb = testKnowledgeBase();

describe('selectDigest', () => {
  it('lists the editions, forums and reports dated on the month-day, with years ago', () => {
    const digest = selectDigest(kb, '2025-03-28');
    expect(digest.items.map((i) => [i.entry.id, i.entry.event, i.yearsAgo])).toEqual([
      ['10th-ciac', 'start', 2],
      ['11th-ciac', 'day', 1],
      ['short-video-forum', 'held', 1],
      ['annual-report-2024', 'released', 1],
    ]);
    expect(digest.next).toBeUndefined();
  });

  it('leaves out entries dated after the digest date', () => {
    expect(selectDigest(kb, '2023-03-28').items.map((i) => [i.entry.id, i.yearsAgo])).toEqual([
      ['10th-ciac', 0],
    ]);
  });

  it('names the next anniversary on an empty day, wrapping into next year', () => {
    const digest = selectDigest(kb, '2025-03-31');
    expect(digest.items).toEqual([]);
    expect(digest.next).toMatchObject({ date: '2026-03-27', inDays: 361 });
    expect(selectDigest(kb, '2025-07-01').next?.date).toBe('2026-03-27');
    const early = selectDigest(kb, '2027-03-01');
    expect(early.next).toMatchObject({ date: '2027-03-27', inDays: 26 });
    expect(early.next?.items.map((i) => i.entry.id)).toEqual(['11th-ciac']);
  });

  it('waits for a leap year for a 29 February anniversary', () => {
    const leapOnly = testKnowledgeBase([
      { date: '2020-02-29', kind: 'reports', id: 'leap-report', event: 'released' },
    ]);
    expect(selectDigest(leapOnly, '2025-03-01').next?.date).toBe('2028-02-29');
    expect(selectDigest(leapOnly, '2019-03-01').next?.date).toBe('2020-02-29');
  });

  it('has no next anniversary when the calendar is empty', () => {
    expect(selectDigest(testKnowledgeBase([]), '2025-03-28')).toEqual({ date: '2025-03-28', items: [] });
  });

  it('checks dates', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2023-13-01')).toBe(false);
    expect(isCalendarDay('28-03-2023')).toBe(false);
  });
});

describe('renderDigest', () => {
  it('renders one embed that mentions nobody, in English, counting years from the digest date', () => {
    const message = renderDigest(kb, selectDigest(kb, '2025-03-28'), 'en-US');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toHaveLength(1);
    const embed = message.embeds[0]!;
    expect(embed.title).toBe('On this day: March 28');
    expect(embed.description).toContain(
      '**2023** (2 years ago): 10th China Internet Audiovisual Conference — opens',
    );
    expect(embed.description).toContain('**2024** (1 year ago): Short Video Forum — held');
    expect(embed.footer?.text).toContain('test-source');
  });

  it('renders in Chinese', () => {
    const embed = renderDigest(kb, selectDigest(kb, '2025-03-28'), 'zh-CN').embeds[0]!;
    expect(embed.title).toBe('历史上的今天：3月28日');
    expect(embed.description).toMatch(/2023.*2年前.*第十届中国网络视听大会.*开幕/);
    expect(embed.description).toMatch(/2024年度报告.*发布/);
  });

  it('says when the next anniversary is on an empty day', () => {
    const en = renderDigest(kb, selectDigest(kb, '2027-03-01'), 'en-US').embeds[0]!;
    expect(en.description).toContain('Nothing in the records happened on March 1.');
    expect(en.description).toContain('The next anniversary is March 27, in 26 days:');
    expect(en.description).toContain('11th China Internet Audiovisual Conference — opens');
    const zh = renderDigest(kb, selectDigest(kb, '2027-03-01'), 'zh-CN').embeds[0]!;
    expect(zh.description).toContain('下一个纪念日是3月27日，还有26天');
  });
});
