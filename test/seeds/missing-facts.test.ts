// Issue 12, "In the sources, missing": each fact the sources give that the seeds lacked, now in the record a
// user would look in, in English and Chinese, citing the document it comes from. The wording is ours: the
// checks look for the fact, not for the source's sentence.
import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { search } from '../../commands/search';
import type { Edition, NoteT, Person } from '../../src/knowledge/schema';
import { ask, realKnowledge, textOf } from '../commands/knowledge';

const S001 = 'src-001-cover-news-11th';
const S003 = 'src-003-china-daily-11th';
const S004 = 'src-004-ninth-ciac';

const { kb } = realKnowledge();
const one = (s: string) => s.replace(/\s+/g, ' ');

function record<K extends 'editions' | 'people' | 'organizations' | 'series'>(kind: K, id: string) {
  const found = kb.get(kind, id);
  if (!found) throw new Error(`no ${kind} ${id}`);
  return found;
}

/** The highlight of an edition whose English text matches. */
function highlight(editionId: string, pattern: RegExp): NoteT {
  const found = (record('editions', editionId) as Edition).highlights.find((h) => pattern.test(one(h.text)));
  if (!found) throw new Error(`no highlight of ${editionId} matching ${pattern}`);
  return found;
}

/** The appearance of a person whose English summary matches. */
function appearance(personId: string, pattern: RegExp): Person['appearances'][number] {
  const found = (record('people', personId) as Person).appearances.find((a) => pattern.test(one(a.summary)));
  if (!found) throw new Error(`no appearance of ${personId} matching ${pattern}`);
  return found;
}

describe('001: Cover News on the 11th edition', () => {
  it('has culture, food and daily life as the main content of short video for audiences abroad', () => {
    const note = highlight('ciac-11', /culture, food and daily life/);
    expect(note.sources).toEqual([S001]);
    expect(note.text).toMatch(/Cover News/);
    expect(note.i18n?.['zh-CN']?.text).toMatch(/文化、美食和日常生活/);
  });

  it('describes the micro-drama format: minutes-long episodes, hundreds of them, a twist every 15 seconds', () => {
    const note = highlight('ciac-11', /Micro-dramas as the two articles describe them/);
    expect(one(note.text)).toMatch(/a few minutes long/);
    expect(one(note.text)).toMatch(/hundreds/);
    expect(one(note.text)).toMatch(/every 15 seconds/);
    expect(note.sources).toEqual(expect.arrayContaining([S001, S003]));
    expect(note.i18n?.['zh-CN']?.text).toMatch(/几分钟.*上百集.*15秒/);
  });

  it('has Liu Zhen on quick reversals being liked abroad and audiences having much in common', () => {
    const a = appearance('liu-zhen', /quick reversals/);
    expect(a).toMatchObject({ edition: 'ciac-11', as: 'interviewee', sources: [S001] });
    expect(one(a.summary)).toMatch(/popular abroad/);
    expect(one(a.summary)).toMatch(/much in common/);
    expect(a.i18n?.['zh-CN']?.summary).toMatch(/快速反转.*共通之处/);
  });

  it('has Liu Zhen on working with local companies, institutions and businesses to promote products, ideas and culture', () => {
    const a = appearance('liu-zhen', /local companies, institutions and businesses/);
    expect(a).toMatchObject({ edition: 'ciac-11', sources: [S001] });
    expect(one(a.summary)).toMatch(/products, ideas and culture/);
    expect(a.i18n?.['zh-CN']?.summary).toMatch(/当地企业、机构和商业单位.*产品、理念和文化/);
  });

  it('keeps Liu Zhen’s interview in parts of one topic each, so none is cut short', () => {
    const interview = (record('people', 'liu-zhen') as Person).appearances.filter(
      (a) => a.as === 'interviewee',
    );
    expect(interview.map((a) => one(a.summary).split(/[:;,]/)[0])).toEqual([
      'Told Cover News that short video',
      'Said Kuaishou and Sichuan would start the Foreign Internet Celebrities China Tour in Sichuan in 2024',
      'On micro-dramas',
      'Said Kuaishou keeps widening how its micro-dramas earn money abroad',
    ]);
    for (const a of interview) expect(a.sources).toEqual([S001]);
  });
});

describe('003: China Daily on the 11th edition', () => {
  it('gives the micro-drama storytelling: clear themes, told in time order and backwards', () => {
    const note = highlight('ciac-11', /Micro-dramas as the two articles describe them/);
    expect(one(note.text)).toMatch(/clear themes and storylines/);
    expect(one(note.text)).toMatch(/time order .* backwards \(China Daily\)/);
    expect(note.i18n?.['zh-CN']?.text).toMatch(/按时间顺序讲和倒过来讲/);
  });

  it('has the editor’s note on the conference’s eleven years, on the /edition and /search cards of the series', async () => {
    const ciac = record('series', 'ciac');
    expect(one(ciac.summary)).toMatch(/editor's note says, eleven years had made it/);
    expect(ciac.i18n?.['zh-CN']?.summary).toMatch(/编者按.*11年/);
    expect(ciac.sources).toContain(S003);
    expect(one(textOf(await ask(search, { query: 'China Internet Audiovisual Conference' })))).toMatch(
      /eleven years/,
    );
  });

  it('has the editor’s note on "AI+" and new quality productive forces, on the Insight into new decade series', () => {
    const series = record('organizations', 'insight-into-new-decade');
    expect(one(series.summary)).toMatch(/"AI\+" and new quality productive forces/);
    expect(series.i18n?.['zh-CN']?.summary).toMatch(/“人工智能\+”.*新质生产力/);
    expect(series.sources).toEqual([S003]);
  });

  it('has mainstream media building integrated media systems for international communication', () => {
    const note = highlight('ciac-11', /integrated media systems/);
    expect(one(note.text)).toMatch(/^Mainstream media/);
    expect(note.sources).toEqual([S003]);
    expect(note.i18n?.['zh-CN']?.text).toMatch(/主流媒体.*融合传播体系/);
  });

  it('counts 2,000 enterprises and institutions, not "about" 2,000', () => {
    const eleventh = record('editions', 'ciac-11') as Edition;
    expect(one(eleventh.summary)).toMatch(/from 2,000 enterprises and institutions/);
    expect(eleventh.i18n?.['zh-CN']?.summary).not.toMatch(/约2000/);
  });
});

describe('004: the 9th edition', () => {
  it('has its discussion of high-quality innovative development and its industry signals, on the card', async () => {
    const ninth = record('editions', 'ciac-9') as Edition;
    expect(one(ninth.summary)).toMatch(/develop with high quality and through innovation/);
    expect(one(ninth.summary)).toMatch(/signals to the industry/);
    expect(ninth.i18n?.['zh-CN']?.summary).toMatch(/高质量和创新.*信号/);
    expect(ninth.sources).toEqual([S004]);
    const card = await ask(edition, { query: '9th' });
    expect(one(card.embeds?.[0]?.description ?? '')).toMatch(/signals to the industry/);
    const zh = await ask(edition, { query: '第九届' }, 'zh-CN');
    expect(zh.embeds?.[0]?.description).toMatch(/信号/);
  });
});
