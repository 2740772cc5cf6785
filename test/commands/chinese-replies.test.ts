// The replies the issue named, from the real seeds: zh-CN reads in Chinese (summaries, notes, highlights,
// roles, scopes), en-US stays English.
import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { speaker } from '../../commands/speaker';
import { stat } from '../../commands/stat';
import { ask } from './knowledge';

type Payload = Awaited<ReturnType<typeof ask>>;
const card = (payload: Payload) => payload.embeds?.[0] ?? {};
const field = (payload: Payload, name: RegExp) =>
  card(payload).fields?.find((f) => name.test(f.name))?.value ?? '';
/** A stretch of Latin prose: four or more English words in a row. */
const ENGLISH_PROSE = /\b[A-Za-z]+(?:[ ,;'-]+[A-Za-z]+){3,}/;

describe('zh-CN replies read in Chinese', () => {
  it('/edition 11th: summary, date note and highlights', async () => {
    const zh = await ask(edition, { query: '11th' }, 'zh-CN');
    expect(card(zh).description).toMatch(/^第十一届于2024年3月下旬在成都举行/);
    expect(field(zh, /^日期$/)).toMatch(/采用：中国日报给出的是3月28日至30日/);
    const highlights = field(zh, /^亮点$/);
    expect(highlights).toContain('• 会上出现最多的词是微短剧、人工智能、国际传播和技术赋能');
    // Only names stay in Latin letters (PandaGuide, Chengdu Plus, the tour's English name in brackets).
    const prose = highlights
      .split('\n')
      .filter((line) => ENGLISH_PROSE.test(line.replace(/（[^）]*）/g, '')));
    expect(prose).toEqual([]);

    const en = await ask(edition, { query: '11th' });
    expect(card(en).description).toMatch(/^The eleventh edition, in Chengdu in late March 2024/);
    expect(field(en, /^Highlights$/)).toMatch(/^• The words heard most were micro-drama/);
    expect(field(en, /^Dates$/)).toMatch(/shown: China Daily gives 28–30 March/);
  });

  it('/edition 9th: firsts', async () => {
    expect(field(await ask(edition, { query: '9th' }, 'zh-CN'), /^首次$/)).toMatch(
      /^• 首次专设一天给短视频和直播/,
    );
    expect(field(await ask(edition, { query: '9th' }), /^Firsts$/)).toMatch(
      /^• A day given over to short video/,
    );
  });

  it('/speaker liu zhen: role and appearances', async () => {
    const zh = await ask(speaker, { query: 'liu zhen' }, 'zh-CN');
    expect(card(zh).description).toBe('北京快手科技有限公司副总裁 — 快手、第十一届中国网络视听大会');
    const appearances = field(zh, /^出席/);
    expect(appearances).toContain('以“城市作为‘中国式现代化’”为题作主旨演讲');
    expect(appearances).toContain('每天有2.7亿人在快手看短剧');

    const en = await ask(speaker, { query: 'liu zhen' });
    expect(card(en).description).toBe(
      'Vice President, Beijing Kuaishou Technology Co., Ltd. — Kuaishou, 11th China Internet Audiovisual Conference',
    );
    expect(field(en, /^Appearances/)).toContain('Keynote "City as a');
  });

  it('/speaker zhang yan: every role', async () => {
    const roles = field(await ask(speaker, { query: 'zhang yan' }, 'zh-CN'), /^职务$/);
    expect(roles).toMatch(/^中共湖南省委宣传部副部长/);
    expect(roles).toMatch(/\n湖南省广播电视局党组书记、局长/);
  });

  it('/stat daily usage 2021: summary and scope', async () => {
    const zh = await ask(stat, { query: 'daily usage 2021' }, 'zh-CN');
    expect(card(zh).description).toMatch(/^到2021年3月，人们每天花在短视频上的时间达125分钟/);
    expect(field(zh, /^范围$/)).toBe('中国，短视频用户');

    const en = await ask(stat, { query: 'daily usage 2021' });
    expect(card(en).description).toMatch(/^By March 2021 people spent 125 minutes a day on short video/);
    expect(field(en, /^Scope$/)).toBe('China, short-video users');
  });

  it('/stat daily usage 2024: the as-of date, marked as inferred with its reasoning (issue 12)', async () => {
    const zh = await ask(stat, { query: 'daily usage 2024' }, 'zh-CN');
    expect(field(zh, /^截至$/)).toBe(
      '2024年3月（推断：2024年报告的发布时间；文章没有说明这一数字对应哪个时段。）',
    );
  });
});
