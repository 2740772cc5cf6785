import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { search } from '../../commands/search';
import { speaker } from '../../commands/speaker';
import { stat } from '../../commands/stat';
import { ask, isEphemeral, realKnowledge, textOf } from './knowledge';

const title = (payload: Awaited<ReturnType<typeof ask>>) => payload.embeds?.[0]?.title ?? '';
const field = (payload: Awaited<ReturnType<typeof ask>>, name: RegExp) =>
  payload.embeds?.[0]?.fields?.find((f) => name.test(f.name))?.value ?? '';

describe('/edition', () => {
  it.each(['11', '11th', 'eleventh', '第十一届', '2024', 'ciac-11'])(
    'finds the 11th edition from "%s"',
    async (query) => {
      const payload = await ask(edition, { query });
      expect(title(payload)).toMatch(/^11th China Internet Audiovisual Conference \(2024\)/);
    },
  );

  it('shows the dates, and says that the sources differ and which is shown', async () => {
    const payload = await ask(edition, { query: '11th' });
    const dates = field(payload, /^Dates$/);
    expect(dates).toMatch(/^March 28\s–\s30, 2024/);
    expect(dates).toMatch(/Sources differ: .*March 28\s–\s29, 2024 \(Cover News/);
    expect(dates).toMatch(/shown: China Daily/);
    expect(payload.embeds?.[0]?.footer?.text).toMatch(/^Sources: .*Cover News.*China Daily/);
  });

  it('cites the shown dates by their own claim’s source, China Daily alone (issue 12)', async () => {
    const dates = field(await ask(edition, { query: '11th' }), /^Dates$/);
    expect(dates.split('\n')[0]).toMatch(/^March 28\s–\s30, 2024 \(China Daily/);
    expect(dates.split('\n')[0]).not.toMatch(/Cover News/);
    expect(dates).toMatch(/Sources differ/);
    const zh = field(await ask(edition, { query: '第十一届' }, 'zh-CN'), /^日期$/);
    expect(zh.split('\n')[0]).not.toMatch(/封面新闻|Cover News/);
    expect(zh).toMatch(/各来源说法不一/);
  });

  it('names its cross-references so they can be looked up next', async () => {
    const payload = await ask(edition, { query: '11th' });
    expect(field(payload, /^Speakers · \/speaker$/)).toContain('Liu Zhen');
    expect(field(payload, /^Statistics · \/stat$/)).toMatch(/151 minutes/);
    expect(field(payload, /^Hosted by|^Organised by/) + textOf(payload)).toContain('Chengdu');
  });

  it('finds a season of the short video conference', async () => {
    const payload = await ask(edition, { query: 'season 2' });
    expect(title(payload)).toMatch(/season 2/i);
  });

  it('answers in Chinese with Chinese names and labels', async () => {
    const payload = await ask(edition, { query: '第九届' }, 'zh-CN');
    expect(title(payload)).toMatch(/^第九届中国网络视听大会（2021）/);
    expect(field(payload, /^日期$/)).toMatch(/2021年6月3日/);
    expect(field(payload, /^日期$/)).toMatch(/各来源说法不一/);
    expect(field(payload, /^城市$/)).toBe('成都');
    expect(payload.embeds?.[0]?.footer?.text).toMatch(/^来源：/);
  });

  it('renders the 5th’s organisers as 主办 and the 9th’s as 承办, and the 9th’s guide as 中央网信办 (issue 12)', async () => {
    const fifth = await ask(edition, { query: '第五届' }, 'zh-CN');
    expect(field(fifth, /^主办$/)).toMatch(/成都/);
    expect(field(fifth, /^承办$/)).toBe('');
    const ninth = await ask(edition, { query: '第九届' }, 'zh-CN');
    expect(field(ninth, /^承办$/)).toMatch(/成都/);
    expect(field(ninth, /^指导单位$/)).toBe('中央网信办');
    const en = await ask(edition, { query: '9th' });
    expect(field(en, /^Guided by$/)).toBe('Central Network Information Office');
    expect(field(await ask(edition, { query: '5th' }), /^Organised by$/)).toMatch(/Chengdu/);
  });

  it('shows the 5th’s inferred year as inferred, with its reasoning (issue 12)', async () => {
    const dates = field(await ask(edition, { query: '5th' }), /^Dates$/);
    expect(dates).toMatch(/^December 1, 2017 \(inferred: .*2017 is inferred from/);
    const zh = field(await ask(edition, { query: '第五届' }, 'zh-CN'), /^日期$/);
    expect(zh).toMatch(/（推断：.*推断/);
    expect(field(await ask(edition, { query: '9th' }), /^Dates$/)).not.toMatch(/inferred/);
  });

  it('lists the closest editions when no single one is clearly meant', async () => {
    const payload = await ask(edition, { query: 'chengdu' });
    expect(isEphemeral(payload)).toBe(true);
    expect(payload.content).toMatch(/No clear match for “chengdu”/);
    expect(payload.content).toMatch(/Did you mean:\n• .*\(edition\)/);
  });
});

describe('/speaker', () => {
  it.each(['liu zhen', 'Liu Zhen', 'liu zhem', 'liu-zhen'])('finds Liu Zhen from "%s"', async (query) => {
    const payload = await ask(speaker, { query });
    expect(title(payload)).toMatch(/^Liu Zhen/);
    expect(field(payload, /^Appearances/)).toMatch(/11th China Internet Audiovisual Conference/);
    expect(field(payload, /^Figures announced/)).toMatch(/270 million/);
  });

  it('marks an inferred role “(inferred: …)” with its note, in both locales (issue 12)', async () => {
    const en = await ask(speaker, { query: 'zuo xing' });
    expect(en.embeds?.[0]?.description).toMatch(
      /\(inferred: The source names no organisation; CMG is our inference/,
    );
    const zh = await ask(speaker, { query: 'zuo xing' }, 'zh-CN');
    expect(zh.embeds?.[0]?.description).toMatch(/（推断：来源没有说明所属机构/);
    const peng = await ask(speaker, { query: 'peng xiaoying' });
    expect(field(peng, /^Appearances/)).toMatch(/\(inferred: The source does not say/);
  });

  it('finds a split transliteration', async () => {
    expect(title(await ask(speaker, { query: 'han zhi jie' }))).toMatch(/^Han Zhijie/);
  });

  it('does not answer with a statistic or an edition', async () => {
    const payload = await ask(speaker, { query: 'daily usage' });
    expect(payload.embeds?.[0]?.color ?? 0x2980b9).toBe(0x2980b9);
  });
});

describe('/stat', () => {
  it('prefers the statistic of the year named in the query', async () => {
    const newer = await ask(stat, { query: 'daily usage 2024' });
    const older = await ask(stat, { query: 'daily usage 2021' });
    expect(field(newer, /^Value$/)).toBe('151 minutes');
    expect(field(older, /^Value$/)).toBe('125 minutes');
  });

  it('shows the same measure at other dates as a series, marking this one', async () => {
    const payload = await ask(stat, { query: 'stat-short-video-daily-minutes-2024' });
    const trend = field(payload, /^Over time$/);
    expect(trend).toMatch(/March 2021: 125 minutes[\s\S]*▸ March 2024: 151 minutes/);
    expect(field(payload, /^Reported by$/)).toMatch(/Report \(2024\)/);
  });

  it('does not list again under "Also matching" what "Over time" already shows, in either locale', async () => {
    for (const [locale, trend, also] of [
      ['en-US', /^Over time$/, /^Also matching/],
      ['zh-CN', /^历年变化$/, /^其他匹配/],
    ] as const) {
      const payload = await ask(stat, { query: 'daily usage 2024' }, locale);
      expect(field(payload, trend)).toMatch(/125/);
      expect(field(payload, also)).not.toMatch(/125/);
    }
  });

  it('labels in the locale, names who reported it and at which edition', async () => {
    const zh = await ask(stat, { query: 'stat-kuaishou-daily-short-drama-viewers' }, 'zh-CN');
    expect(field(zh, /^数值$/)).toBe('2.7亿人');
    expect(field(zh, /^发布方$/)).toMatch(/Liu Zhen/);
    expect(field(zh, /^届次 · \/edition$/)).toBe('第十一届中国网络视听大会');
    expect(field(zh, /^截至$/)).toMatch(/^2024年3月/);
  });
});

describe('/search', () => {
  it('finds an organisation by a machine-translated alias and lists the next best', async () => {
    const payload = await ask(search, { query: 'Aauto Quicker' });
    expect(title(payload)).toMatch(/^Kuaishou/);
  });

  it('finds records by Chinese name', async () => {
    const payload = await ask(search, { query: '快手' }, 'zh-CN');
    expect(title(payload)).toMatch(/^快手/);
  });

  it.each(['They were young at that time', 'Their love at that time', 'Their friendship at that time'])(
    'opens the CCTV News work "%s" itself, not one of the other two',
    async (query) => {
      const payload = await ask(search, { query });
      expect(title(payload)).toMatch(new RegExp(`^${query}`));
      expect(textOf(payload)).not.toMatch(/followed by/i);
    },
  );

  it('shows a card and the next best matches for a broad query', async () => {
    const payload = await ask(search, { query: 'micro drama' });
    expect(payload.embeds).toHaveLength(1);
    expect(field(payload, /^Also matching/)).not.toBe('');
  });
});

describe('errors are short, ephemeral and never thrown', () => {
  const commands = [edition, speaker, stat, search];

  it.each([
    [{ query: '' }, /Type something to look up/],
    [{ query: '   ' }, /Type something to look up/],
    [{}, /Type something to look up/],
    [{ query: 'x'.repeat(101) }, /too long; use at most 100 characters/],
    [{ query: 'qqqqzzzzxxxx' }, /Nothing found for “qqqqzzzzxxxx”/],
    [{ query: 'liu', colour: 'red' }, /Unknown option “colour”. This command takes: query/],
  ])('%o', async (options, message) => {
    for (const command of commands) {
      const payload = await ask(command, options);
      expect(isEphemeral(payload)).toBe(true);
      expect(payload.content).toMatch(message);
    }
  });

  it('says "no clear match" when it has suggestions, "nothing found" only without', async () => {
    const suggested = await ask(speaker, { query: 'lui zen' });
    expect(suggested.content).toMatch(/^No clear match for “lui zen”[\s\S]*Did you mean:[\s\S]*Liu Zhen/);
    expect(suggested.content).not.toMatch(/Nothing found/);
    expect((await ask(speaker, { query: 'lui zen' }, 'zh-CN')).content).toMatch(/^“lui zen”没有明确的匹配/);
    const none = await ask(speaker, { query: 'qqqqzzzzxxxx' });
    expect(none.content).toMatch(/^Nothing found/);
    expect(none.content).not.toMatch(/Did you mean/);
  });

  it('accepts a query of exactly 100 characters', async () => {
    const payload = await ask(search, { query: 'x'.repeat(100) });
    expect(payload.content).not.toMatch(/too long/);
    expect((await ask(search, { query: 'x'.repeat(101) }, 'zh-CN')).content).toMatch(/最多100个字符/);
  });

  it('speaks Chinese in zh-CN', async () => {
    const payload = await ask(speaker, { query: '' }, 'zh-CN');
    expect(payload.content).toMatch(/请输入/);
  });
});

describe('autocomplete', () => {
  const focused = (value: string) => ({ name: 'query', value });
  const ctx = { locale: 'en-US', now: new Date(0), user: { id: '1' } } as const;

  it('returns at most 25 choices of 1–100 characters whose values resolve exactly', async () => {
    const knowledge = realKnowledge();
    for (const command of [edition, speaker, stat, search]) {
      for (const value of ['', 'l', 'liu', 'chengdu', '中国', 'x'.repeat(100)]) {
        const choices = command.autocomplete?.(knowledge, focused(value), {}, ctx) ?? [];
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect([...c.name].length).toBeGreaterThanOrEqual(1);
          expect([...c.name].length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeGreaterThanOrEqual(1);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
    const [first] = speaker.autocomplete?.(knowledge, focused('liu'), {}, ctx) ?? [];
    expect(first?.value).toBe('liu-zhen');
    expect(title(await ask(speaker, { query: first?.value ?? '' }))).toMatch(/^Liu Zhen/);
  });

  it('shows a short curated list for an empty query', () => {
    const choices = edition.autocomplete?.(realKnowledge(), focused(''), {}, ctx) ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('suggests for /speaker, on an empty query, only people who appeared at an edition', () => {
    const knowledge = realKnowledge();
    const choices = speaker.autocomplete?.(knowledge, focused(''), {}, ctx) ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.map((c) => c.value)).not.toContain('li-yuxin');
    for (const c of choices)
      expect(knowledge.kb.get('people', c.value)?.appearances.length, c.value).toBeGreaterThan(0);
  });

  it('names choices in the locale', () => {
    const choices =
      edition.autocomplete?.(realKnowledge(), focused('11'), {}, { ...ctx, locale: 'zh-CN' }) ?? [];
    expect(choices[0]?.name).toMatch(/^第十一届/);
  });

  it('ignores other options', () => {
    expect(speaker.autocomplete?.(realKnowledge(), { name: 'other', value: 'x' }, {}, ctx)).toEqual([]);
  });
});
