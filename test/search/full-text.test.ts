// The full-text lookup's rules, on the sample records plus a few made for them: Chinese words split by the
// segmenter, Simplified and Traditional alike, question words that never match, a clearly closer spelling,
// autocomplete part-way through a word, and the passage that says why a record came up.
import { describe, expect, it } from 'vitest';
import { indexFromRecords } from '../../src/knowledge/compile';
import { knowledgeFromIndex } from '../../src/knowledge/load';
import { SeedSchemas } from '../../src/knowledge/schema';
import { readQuestion } from '../../src/search/intent';
import { createLookup } from '../../src/search/lookup';
import { partialEdition } from '../../src/search/partial';
import { findPassage } from '../../src/search/snippet';
import { queryTerms, termsOf } from '../../src/search/tokens';
import { sampleRecords } from './fixtures';

const cite = { sources: ['src-a'] };
const records = sampleRecords();
records.works.push(
  SeedSchemas.works.parse({
    id: 'ideal-shines',
    title: 'Ideal Shines on China',
    i18n: { 'zh-CN': { title: '理想照耀中国', summary: '一部建党百年影视剧，播放量超过1.7亿次。' } },
    kind: 'drama',
    summary: 'A centenary drama with over 170 million plays; its *stars* include [nobody](http://x).',
    ...cite,
  }),
);
records.people.push(
  ...['Zhang Yi', 'Zhang Ying'].map((name) =>
    SeedSchemas.people.parse({
      id: name.toLowerCase().replace(' ', '-'),
      name,
      roles: [{ title: 'Producer', ...cite }],
      ...cite,
    }),
  ),
);
const { index } = indexFromRecords(records);
const kb = knowledgeFromIndex(index);
const lookup = createLookup(kb);
const first = (q: string) => lookup.search(q)[0]?.id;

describe('terms', () => {
  it('splits Chinese with the segmenter: 快手副总裁 is 快手 + 副总裁', () => {
    expect(termsOf('快手副总裁')).toEqual(expect.arrayContaining(['快手', '副总裁']));
    expect(
      queryTerms('快手副总裁')
        .filter((t) => t.core)
        .map((t) => t.term),
    ).toEqual(['快手', '副总裁']);
  });

  it('drops question words and filler in both languages', () => {
    expect(termsOf('who spoke about the micro-dramas')).toEqual(['micro', 'drama']);
    expect(termsOf('谁讲了微短剧')).toEqual(['微短', '短剧']);
  });
});

describe('questions', () => {
  it('reads what is asked and what is left to match', () => {
    expect(readQuestion('who spoke about micro-dramas')).toMatchObject({
      intent: 'person',
      asked: true,
      content: 'micro dramas',
    });
    expect(readQuestion('what was the theme in 2021')).toMatchObject({ intent: 'theme', content: '2021' });
    expect(readQuestion('how many attendees 2024')).toMatchObject({
      intent: 'figure',
      content: 'attendees 2024',
    });
    expect(readQuestion('2024年有多少观众')).toMatchObject({ intent: 'figure', content: '2024 观众' });
    expect(readQuestion('快手副总裁是谁')).toMatchObject({ intent: 'person', content: '快手副总裁' });
    // "who" inside a name is no question.
    expect(readQuestion('share of users who watch')).toMatchObject({ intent: undefined, asked: false });
  });
});

describe('Chinese names and titles', () => {
  it('finds a work by the Chinese title a zh-CN card prints, in Simplified and in Traditional', () => {
    expect(first('理想照耀中国')).toBe('ideal-shines');
    expect(first('理想照耀中國')).toBe('ideal-shines');
    expect(first('理想照耀')).toBe('ideal-shines');
  });

  it('finds a record by a word of its Chinese text', () => {
    expect(first('建党百年')).toBe('ideal-shines');
    expect(first('建黨百年')).toBe('ideal-shines');
  });
});

describe('resolve', () => {
  it('takes the clearly closer spelling and keeps "ambiguous" for true ties', () => {
    const r = lookup.resolve('Zhng Yi');
    expect(r.status).toBe('found');
    expect(r.status === 'found' && r.hit.id).toBe('zhang-yi');
    expect(lookup.resolve('zhang').status).toBe('ambiguous');
  });

  it('says no clear match when only a common word matches', () => {
    expect(lookup.resolve('china xyzzy').status).not.toBe('found');
    expect(lookup.resolve('what is the').status).not.toBe('found');
  });
});

describe('autocomplete part-way through a word', () => {
  const values = (q: string, kinds?: ['editions']) =>
    lookup.complete(q, kinds ? { kinds } : {}).map((c) => c.value);

  it('offers the editions an ordinal or a year being typed could become', () => {
    for (const q of ['ni', 'nin', '第', '202']) expect(values(q, ['editions']), q).toContain('9th-ciac');
    for (const q of ['ele', 'elev', '第十', '第十一', '20', '202'])
      expect(values(q, ['editions']), q).toContain('11th-ciac');
    expect(values('第十', ['editions'])).not.toContain('9th-ciac');
  });

  it('offers names by their first Chinese character, name matches first, within Discord limits', () => {
    expect(values('刘')[0]).toBe('liu-zhen');
    const choices = lookup.complete('c');
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('reads the partial word itself', () => {
    // A whole ordinal is matched by name, not offered again as a partial one.
    expect(partialEdition('eleventh')?.ordinals(11)).toBe(false);
    expect(partialEdition('ele')?.ordinals(11)).toBe(true);
    expect(partialEdition('第十')?.ordinals(19)).toBe(true);
    expect(partialEdition('第十')?.ordinals(9)).toBe(false);
    expect(partialEdition('202')?.years(2024)).toBe(true);
  });
});

describe('why a record came up', () => {
  it('finds the passage with the matched words marked', () => {
    const p = findPassage(
      ['Nothing here.', 'Kuaishou adapts micro-drama scripts in Brazil.'],
      ['brazil', 'drama'],
      200,
    );
    expect(p?.text).toBe('Kuaishou adapts micro-drama scripts in Brazil.');
    expect(p?.marks.map(([a, b]) => p.text.slice(a, b))).toEqual(['drama', 'Brazil']);
  });

  it('cuts a long text around the match, with ellipses', () => {
    const long = `${'word '.repeat(100)}Sanxingdui ${'more '.repeat(100)}`;
    const p = findPassage([long], ['sanxingdui'], 120)!;
    expect(p.text.length).toBeLessThanOrEqual(122);
    expect(p.text.startsWith('…') && p.text.endsWith('…')).toBe(true);
    expect(p.marks.map(([a, b]) => p.text.slice(a, b))).toEqual(['Sanxingdui']);
  });

  it('marks what the lookup matched in a hit found through its text', () => {
    const hit = lookup.search('centenary drama')[0];
    expect(hit?.id).toBe('ideal-shines');
    expect(hit?.matched).toEqual(expect.arrayContaining(['centenary', 'drama']));
  });
});
