// Issue 12's "Done when", through the handlers on the real seeds: each defect the issue lists as Wrong, and its
// Chinese renderings, as a user meets them in a reply. (The data behind each is pinned in facts.test.ts.)
import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { onthisday } from '../../commands/onthisday';
import { search } from '../../commands/search';
import { ask, textOf } from '../commands/knowledge';

type Payload = Awaited<ReturnType<typeof ask>>;
const field = (payload: Payload, name: RegExp) =>
  payload.embeds?.[0]?.fields?.find((f) => name.test(f.name))?.value ?? '';

describe('Wrong (issue 12)', () => {
  it('/search query:Their love at that time opens that work, by CCTV News, with no invented order', async () => {
    const payload = await ask(search, { query: 'Their love at that time' });
    expect(payload.embeds?.[0]?.title).toMatch(/^Their love at that time/);
    expect(field(payload, /^By$/)).toBe('CCTV News');
    expect(textOf(payload)).not.toMatch(/followed by|began with|through the eyes of/i);
  });

  it('/onthisday date:03-30 cites China Daily alone and says the sources differ', async () => {
    for (const [locale, differ, coverNews] of [
      ['en-US', /closes \(sources differ\)/, /Cover News/],
      ['zh-CN', /闭幕（各来源说法不一）/, /封面新闻|Cover News/],
    ] as const) {
      const payload = await ask(onthisday, { date: '03-30' }, locale);
      expect(textOf(payload), locale).toMatch(differ);
      expect(payload.embeds?.[0]?.footer?.text, locale).toMatch(/China Daily/);
      expect(payload.embeds?.[0]?.footer?.text, locale).not.toMatch(coverNews);
    }
  });
});

describe('Chinese renderings (issue 12)', () => {
  it('the 5th’s organisers are 主办, with no 承办 field', async () => {
    const fifth = await ask(edition, { query: '第五届' }, 'zh-CN');
    expect(field(fifth, /^主办$/)).toBe('中国网络视听节目服务协会\n成都市人民政府');
    expect(field(fifth, /^承办$/)).toBe('');
  });

  it('the 9th’s guiding unit is 中央网信办, the name its source uses, and its organisers 承办 under its hosts', async () => {
    const ninth = await ask(edition, { query: '第九届' }, 'zh-CN');
    expect(field(ninth, /^指导单位$/)).toBe('中央网信办');
    expect(field(ninth, /^主办$/)).toBe('国家广播电视总局\n四川省人民政府');
    expect(field(ninth, /^承办$/)).toBe('中国网络视听节目服务协会\n成都市人民政府');
  });
});
