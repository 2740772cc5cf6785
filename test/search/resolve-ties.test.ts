// What the commands answer (resolve) when search's first is right: the near ties of the lookup bench's misses,
// rebuilt on a few records through the real compiler and lookup. A question clearly answered by one record's
// text, a long name one typo away, a question asking for an organisation; true ties stay "ambiguous" and
// nonsense stays "no clear match".
import { describe, expect, it } from 'vitest';
import { indexFromRecords } from '../../src/knowledge/compile';
import { knowledgeFromIndex } from '../../src/knowledge/load';
import { SeedSchemas } from '../../src/knowledge/schema';
import { readQuestion } from '../../src/search/intent';
import { createLookup } from '../../src/search/lookup';
import type { Resolution } from '../../src/search/lookup-types';
import { MARGIN } from '../../src/search/resolve';
import { sampleRecords } from './fixtures';

const cite = { sources: ['src-a'] };
const records = sampleRecords();
const person = (name: string, note?: string, zh?: string) =>
  SeedSchemas.people.parse({
    id: name.toLowerCase().replace(' ', '-'),
    name,
    roles: [{ title: 'Speaker', ...cite }],
    ...(note ? { note, i18n: { 'zh-CN': { note: zh } } } : {}),
    ...cite,
  });
records.people.push(
  ...['Song Minkang', 'Song Xinkang', 'Liang Pingqiang', 'Liang Pingqing', 'Peng Long', 'Peng Longbin'].map(
    (name) => person(name),
  ),
  person('Gao Longjie', 'Spoke about audio books and the Shuifeka project.', '谈到了有声书和水雷甲项目。'),
  person(
    'Cheng Huijian',
    'Spoke about virtual idols and the Shuiteka project.',
    '谈到了虚拟偶像和水雷丙项目。',
  ),
  person(
    'Dong Huitao',
    'Spoke about rural creators and the Shuivoka project.',
    '谈到了乡村创作者和水雷丁项目。',
  ),
);
const org = (id: string, name: string, summary: string, zh: string) =>
  SeedSchemas.organizations.parse({
    id,
    name,
    kind: 'company',
    summary,
    i18n: { 'zh-CN': { summary: zh } },
    ...cite,
  });
records.organizations.push(
  org(
    'hangzhou-cloud',
    'Hangzhou Cloud Media Group',
    'Runs the Woshuxeka platform for audio books.',
    '运营未卯戊平台，关注有声书。',
  ),
  org(
    'shanghai-pear',
    'Shanghai Pear Media Group',
    'Runs the Kalomiru platform for virtual idols.',
    '运营水壬戊平台，关注虚拟偶像。',
  ),
);
// Many organisations run a platform, as in the bench's records: "runs" and "platform" are common words, and a
// question's "organisation", which no text has, would cost the one right answer its clear lead.
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'vo', 'zi', 'pa'];
const HAN = '甲乙丙丁戊己庚辛';
for (let i = 0; i < 24; i++) {
  const coined = `${SYLLABLES[i % 8]}${SYLLABLES[i >> 3]}dane`;
  const zh = `运营${HAN[i % 8]}${HAN[i >> 3]}云平台。`;
  records.organizations.push(org(`org-${i}`, `Org ${coined}`, `Runs the ${coined} platform.`, zh));
}
const lookup = createLookup(knowledgeFromIndex(indexFromRecords(records).index));
const foundId = (r: Resolution) => (r.status === 'found' ? r.hit.id : r.status);
/** The first two search scores are within MARGIN: the query is a near tie that resolve has to settle. */
const nearTie = (q: string) => {
  const [a, b] = lookup.search(q);
  return a !== undefined && b !== undefined && b.score - a.score < MARGIN;
};

describe('resolve settles a near tie where search is right', () => {
  it('answers a question with the one person whose text has every word of it (谁谈到了水雷甲项目)', () => {
    expect(nearTie('谁谈到了水雷甲项目')).toBe(true);
    expect(foundId(lookup.resolve('谁谈到了水雷甲项目'))).toBe('gao-longjie');
  });

  it('answers "which organisation runs …" with the organisation, in English and in Chinese', () => {
    expect(readQuestion('which organisation runs the woshuxeka platform')).toMatchObject({
      intent: 'organization',
      content: 'runs woshuxeka platform',
    });
    expect(readQuestion('哪家公司运营未卯戊平台')).toMatchObject({
      intent: 'organization',
      content: '运营未卯戊平台',
    });
    // Only right after which/what, or a Chinese question word: elsewhere the word may be part of a name.
    expect(readQuestion('world health organization').intent).toBeUndefined();
    expect(readQuestion('国家机构').intent).toBeUndefined();
    expect(foundId(lookup.resolve('which organisation runs the woshuxeka platform'))).toBe('hangzhou-cloud');
    expect(foundId(lookup.resolve('哪个机构运营未卯戊平台'))).toBe('hangzhou-cloud');
    expect(foundId(lookup.resolve('哪家公司运营水壬戊平台'))).toBe('shanghai-pear');
  });

  it('takes a long name one typo away over one two typos away (Song Minkaxng)', () => {
    expect(nearTie('Song Minkaxng')).toBe(true);
    expect(foundId(lookup.resolve('Song Minkaxng'))).toBe('song-minkang');
  });

  it('takes the name a last word part-way completes with one letter, not four (Peng Lon)', () => {
    expect(nearTie('Peng Lon')).toBe(true);
    expect(foundId(lookup.resolve('Peng Lon'))).toBe('peng-long');
  });
});

describe('resolve keeps true ties and nonsense', () => {
  it('stays ambiguous when the query is as near to two names (Liang Pingqizng), or names only a surname', () => {
    const tied = (q: string) => {
      const r = lookup.resolve(q);
      return r.status === 'ambiguous' ? r.candidates.map((c) => c.id).sort() : r.status;
    };
    expect(tied('Liang Pingqizng')).toEqual(['liang-pingqiang', 'liang-pingqing']);
    expect(tied('zhang w')).toEqual(['zhang-wei', 'zhang-wen']);
    expect(lookup.resolve('谁谈到了水雷项目').status).toBe('ambiguous');
  });

  it('finds nothing clearly for a question about a word no record has', () => {
    for (const q of ['who spoke about xyzzy', 'china xyzzy', 'xyzzy qwv']) {
      expect(lookup.resolve(q).status, q).toBe('none');
    }
    // The organisations here both run a platform, the people here all 谈到 something: they may be listed, but
    // none is the answer.
    for (const q of [
      'which organisation runs the xyzzy platform',
      '哪个机构运营xyzzy平台',
      '谁谈到了xyzzy',
    ]) {
      expect(lookup.resolve(q).status, q).not.toBe('found');
    }
  });
});
