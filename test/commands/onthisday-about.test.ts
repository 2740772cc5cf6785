import { describe, expect, it } from 'vitest';
import { about } from '../../commands/about';
import { onthisday, parseMonthDay } from '../../commands/onthisday';
import { renderDigest } from '../../src/digest/payload';
import { selectDigest } from '../../src/digest/select';
import { context, expectSendable, isEphemeral, realKnowledge, textOf } from './knowledge';

async function onDay(options: Record<string, string>, locale: 'en-US' | 'zh-CN' = 'en-US', now?: Date) {
  const reply = await onthisday.handle(realKnowledge(), options, context(locale, now));
  expectSendable(reply.payload);
  return reply.payload;
}

describe('parseMonthDay', () => {
  it('reads MM-DD and YYYY-MM-DD and checks that the day exists', () => {
    expect(parseMonthDay('03-28')).toBe('03-28');
    expect(parseMonthDay('3-8')).toBe('03-08');
    expect(parseMonthDay('2024-03-28')).toBe('03-28');
    expect(parseMonthDay('02-29')).toBe('02-29');
    expect(parseMonthDay('2023-02-29')).toBeUndefined();
    expect(parseMonthDay('02-30')).toBeUndefined();
    expect(parseMonthDay('13-01')).toBeUndefined();
    expect(parseMonthDay('tomorrow')).toBeUndefined();
  });

  it('takes a year only from 1900 to 2100', () => {
    expect(parseMonthDay('1900-06-03')).toBe('06-03');
    expect(parseMonthDay('2100-06-03')).toBe('06-03');
    for (const date of ['0000-06-03', '1899-12-31', '2101-01-01', '9999-06-03'])
      expect(parseMonthDay(date), date).toBeUndefined();
  });
});

describe('/onthisday', () => {
  it('says which years it takes when a date names one out of range, in both locales', async () => {
    const en = await onDay({ date: '0000-06-03' });
    expect(isEphemeral(en)).toBe(true);
    expect(en.content).toBe(
      '“0000-06-03” names a year outside 1900–2100. Give a year in that range, or just MM-DD (03-28).',
    );
    expect((await onDay({ date: '0000-06-03' }, 'zh-CN')).content).toMatch(/年份不在1900–2100之间/);
    expect((await onDay({ date: '2024-02-30' })).content).toMatch(/is not a date/);
  });

  it('defaults to the day of context.now and says how many years ago', async () => {
    const payload = await onDay({});
    expect(payload.embeds?.[0]?.title).toBe('On this day: March 28');
    expect(textOf(payload)).toMatch(
      /\*\*2024\*\* \(2 years ago\): 11th China Internet Audiovisual Conference — opens/,
    );
    expect(payload.embeds?.[0]?.footer?.text).toMatch(/^Sources: /);
  });

  it('takes today in the context zone, Asia/Shanghai when none is given', async () => {
    // 20:00 UTC on March 27 is 04:00 on March 28 in Shanghai.
    const evening = new Date('2026-03-27T20:00:00Z');
    expect((await onDay({}, 'en-US', evening)).embeds?.[0]?.title).toBe('On this day: March 28');
    const inUtc = await onthisday.handle(
      realKnowledge(),
      {},
      { ...context('en-US', evening), timeZone: 'UTC' },
    );
    expect(inUtc.payload.embeds?.[0]?.title).toBe('On this day: March 27');
    const ctx = { ...context('en-US', evening), timeZone: 'Asia/Shanghai' };
    const choices = onthisday.autocomplete?.(realKnowledge(), { name: 'date', value: '' }, {}, ctx) ?? [];
    expect(choices[0]?.value).toBe('03-28');
  });

  it('takes a date in either form, and counts years from now', async () => {
    const payload = await onDay({ date: '2021-12-01' });
    expect(textOf(payload)).toMatch(
      /\*\*2017\*\* \(9 years ago\): 5th China Internet Audiovisual Conference/,
    );
    const later = await onDay({ date: '12-01' }, 'en-US', new Date('2018-01-01T00:00:00Z'));
    expect(textOf(later)).toMatch(/\(1 year ago\)/);
  });

  it('names the nearest days before and after when nothing happened', async () => {
    const payload = await onDay({ date: '06-01' });
    const text = textOf(payload);
    expect(text).toMatch(/Nothing in the records happened on June 1/);
    expect(text).toMatch(/Nearest before: March 30/);
    expect(text).toMatch(/Nearest after: June 2/);
  });

  it('wraps around the year for the nearest days', async () => {
    const text = textOf(await onDay({ date: '12-31' }));
    expect(text).toMatch(/Nearest before: December 1/);
    expect(text).toMatch(/Nearest after: March 28/);
  });

  // Issue 12: March 30 comes from China Daily's March 28–30 alone; Cover News gives March 28–29.
  it('cites only China Daily for March 30 and says the sources differ, in both locales', async () => {
    const payload = await onDay({ date: '03-30' });
    expect(textOf(payload)).toMatch(/11th China Internet Audiovisual Conference — closes \(sources differ\)/);
    const footer = payload.embeds?.[0]?.footer?.text ?? '';
    expect(footer).toMatch(/China Daily/);
    expect(footer).not.toMatch(/Cover News/);
    const zh = await onDay({ date: '03-30' }, 'zh-CN');
    expect(textOf(zh)).toMatch(/第十一届中国网络视听大会 — 闭幕（各来源说法不一）/);
    expect(zh.embeds?.[0]?.footer?.text ?? '').not.toMatch(/封面新闻|Cover News/);
  });

  it('cites the 9th edition’s June 3 from its own claim and says the body gives another day', async () => {
    const text = textOf(await onDay({ date: '06-03' }));
    expect(text).toMatch(/9th China Internet Audiovisual Conference — [^\n]*\(sources differ\)/);
  });

  it('does not say the sources differ where the dates have one claim', async () => {
    expect(textOf(await onDay({ date: '12-01' }))).not.toMatch(/sources differ/);
  });

  it('answers in Chinese', async () => {
    const payload = await onDay({ date: '03-28' }, 'zh-CN');
    expect(payload.embeds?.[0]?.title).toBe('历史上的今天：3月28日');
    expect(textOf(payload)).toMatch(/2年前.*第十一届中国网络视听大会 — 开幕/);
  });

  it('refuses a bad date or an unknown option, ephemerally', async () => {
    const bad = await onDay({ date: '02-30' });
    expect(isEphemeral(bad)).toBe(true);
    expect(bad.content).toMatch(/not a date.*MM-DD/);
    const zh = await onDay({ date: 'soon' }, 'zh-CN');
    expect(zh.content).toMatch(/不是有效日期/);
    const unknown = await onDay({ when: 'x' });
    expect(unknown.content).toMatch(/Unknown option “when”.*date/);
  });

  it('completes dates that have something on them, at most 25', () => {
    const ctx = context();
    const all = onthisday.autocomplete?.(realKnowledge(), { name: 'date', value: '' }, {}, ctx) ?? [];
    expect(all[0]).toEqual({ name: expect.stringMatching(/^March 28 — 2024/), value: '03-28' });
    const june = onthisday.autocomplete?.(realKnowledge(), { name: 'date', value: '06' }, {}, ctx) ?? [];
    expect(june.map((c) => c.value)).toEqual(['06-02', '06-03']);
    const digitsOnly = onthisday.autocomplete?.(realKnowledge(), { name: 'date', value: '0603' }, {}, ctx);
    expect(digitsOnly?.map((c) => c.value)).toEqual(['06-03']);
    // No digits and no day containing the text: nothing, not every day.
    expect(onthisday.autocomplete?.(realKnowledge(), { name: 'date', value: 'xyz' }, {}, ctx)).toEqual([]);
    for (const c of all) expect([...c.name].length).toBeLessThanOrEqual(100);
  });
});

describe('/about', () => {
  it('counts records of each kind, lists the sources and the index', async () => {
    const knowledge = realKnowledge();
    const reply = await about.handle(knowledge, {}, context());
    const text = textOf(reply.payload);
    expect(text).toContain(`people: ${knowledge.kb.records.people.length}`);
    expect(text).toMatch(/China Daily.*— Insight into new decade/);
    expect(text).toContain(`hash ${knowledge.kb.hash.slice(0, 12)}`);
    expect(reply.payload.allowed_mentions).toEqual({ parse: [] });
    const zh = textOf((await about.handle(knowledge, {}, context('zh-CN'))).payload);
    expect(zh).toMatch(/人物: \d+/);
    expect(zh).toContain('哈希');
  });
});

describe('the 30 March digest (issue 12)', () => {
  it('cites only China Daily for the closing day and says the sources differ, in both locales', () => {
    const { kb } = realKnowledge();
    const digest = selectDigest(kb, '2026-03-30');
    const [en] = renderDigest(kb, digest, 'en-US').embeds;
    expect(en?.description).toMatch(/11th China Internet Audiovisual Conference — closes \(sources differ\)/);
    expect(en?.footer?.text).toMatch(/China Daily/);
    expect(en?.footer?.text).not.toMatch(/Cover News/);
    const [zh] = renderDigest(kb, digest, 'zh-CN').embeds;
    expect(zh?.description).toMatch(/闭幕（各来源说法不一）/);
    expect(zh?.footer?.text).not.toMatch(/封面新闻|Cover News/);
  });
});
