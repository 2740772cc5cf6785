// The replies to questions, through the real command handlers: the field asked for leads, then the card; a
// record found through its text says why, with the matched words in bold and the data's Markdown escaped.
import { describe, expect, it } from 'vitest';
import { search } from '../../commands/search';
import { speaker } from '../../commands/speaker';
import { stat } from '../../commands/stat';
import { SeedSchemas } from '../../src/knowledge/schema';
import { ask, knowledgeOf, seedRecords } from '../commands/knowledge';

const title = (payload: Awaited<ReturnType<typeof ask>>) => payload.embeds?.[0]?.title ?? '';

describe('answers to questions', () => {
  it('leads with the theme, then the card', async () => {
    const payload = await ask(search, { query: 'what was the theme in 2021' });
    expect(payload.content).toBe('**Theme:** A New Journey of Seeing and Hearing');
    expect(title(payload)).toMatch(/^9th China Internet Audiovisual Conference \(2021\)/);
  });

  it('answers /stat with a figure stored on the edition', async () => {
    const payload = await ask(stat, { query: 'how many attendees 2024' });
    expect(payload.content).toBe('**Figures:** nearly 10,000 representatives taking part');
    expect(title(payload)).toMatch(/^11th China Internet Audiovisual Conference \(2024\)/);
    const zh = await ask(stat, { query: '2024年有多少观众' }, 'zh-CN');
    expect(zh.content).toMatch(/^\*\*规模：\*\*近1万/);
  });

  it('lists an edition’s statistics for /stat with the edition', async () => {
    const payload = await ask(stat, { query: 'stats 2021' });
    expect(payload.content).toMatch(/^\*\*Statistics:\*\* .*average daily short-video usage time per user/);
  });

  it('leads with the dates, in the reply’s language', async () => {
    const payload = await ask(search, { query: '第十一届什么时候举办' }, 'zh-CN');
    expect(payload.content).toBe('**日期：**2024年3月28日至30日');
  });

  it('shows why a record found through its text came up', async () => {
    const payload = await ask(search, { query: 'brazil' });
    expect(title(payload)).toMatch(/^Liu Zhen/);
    expect(payload.content).toMatch(/^Found in its text: .*\*\*Brazil\*\*/);
    const people = await ask(speaker, { query: '快手副总裁' }, 'zh-CN');
    expect(people.content).toBe('匹配内容：北京**快手**科技有限公司**副总裁**');
  });

  it('answers /speaker with an organisation by its people, the others listed', async () => {
    const payload = await ask(speaker, { query: 'kuaishou' });
    expect(title(payload)).toMatch(/^Liu Zhen/);
    const also = payload.embeds?.[0]?.fields?.find((f) => /Also matching/.test(f.name))?.value ?? '';
    expect(also).toMatch(/Cao World Expo/);
  });

  it('escapes the data’s Markdown in the passage', async () => {
    const records = seedRecords();
    records.works.push(
      SeedSchemas.works.parse({
        id: 'markdown-test-work',
        title: 'Plain title',
        kind: 'drama',
        summary: 'A **bold** claim about zyxwvut and [a link](http://example.com) with `code`.',
        sources: [records.sources[0]!.id],
      }),
    );
    const payload = await ask(search, { query: 'zyxwvut' }, 'en-US', knowledgeOf(records));
    expect(payload.content).toBe(
      'Found in its text: A \\*\\*bold\\*\\* claim about **zyxwvut** and \\[a link\\](http://example.com) with \\`code\\`.',
    );
  });
});
