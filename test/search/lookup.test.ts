import { describe, expect, it } from 'vitest';
import { createLookup, SearchTablesError } from '../../src/search/lookup';
import type { Resolution } from '../../src/search/lookup-types';
import { knowledgeOf, sampleRecords } from './fixtures';

const lookup = createLookup(knowledgeOf(sampleRecords()));

function foundId(r: Resolution): string | undefined {
  return r.status === 'found' ? r.hit.id : undefined;
}

describe('resolve', () => {
  it('finds an edition by its ordinal in any form', () => {
    for (const q of [
      '9',
      '9th',
      'ninth',
      '第九届',
      '第9届',
      'ninth CIAC',
      'CIAC 9',
      '第九届中国网络视听大会',
    ]) {
      expect(foundId(lookup.resolve(q, { kinds: ['editions'] })), q).toBe('9th-ciac');
    }
    expect(foundId(lookup.resolve('第二季', { kinds: ['editions'] }))).toBe('short-video-week-s2');
    expect(foundId(lookup.resolve('season 2'))).toBe('short-video-week-s2');
  });

  it('finds an edition from one ordinal amid filler words, when only one edition has it', () => {
    for (const q of ['the 9th', '9th edition', 'No. 9', 'conference number 9', '九', 'nineth', '九届大会']) {
      expect(foundId(lookup.resolve(q, { kinds: ['editions'] })), q).toBe('9th-ciac');
    }
    expect(foundId(lookup.resolve('edition 11', { kinds: ['editions'] }))).toBe('11th-ciac');
    expect(foundId(lookup.resolve('十一届', { kinds: ['editions'] }))).toBe('11th-ciac');
    for (const q of ['s2', 'S2', 's 2', 'the second season']) {
      expect(foundId(lookup.resolve(q, { kinds: ['editions'] })), q).toBe('short-video-week-s2');
    }
    // An ordinal no edition has is not forced onto another.
    expect(foundId(lookup.resolve('the 30th', { kinds: ['editions'] }))).toBeUndefined();
  });

  it('does not pick one of several editions sharing an ordinal from filler words alone', () => {
    const records = sampleRecords();
    const other = { ...records.editions[0]!, id: '9th-other', series: 'short-video-week' };
    const twice = createLookup(knowledgeOf({ ...records, editions: [...records.editions, other] }));
    expect(twice.resolve('the 9th', { kinds: ['editions'] }).status).not.toBe('found');
    expect(foundId(twice.resolve('the 9th CIAC', { kinds: ['editions'] }))).toBe('9th-ciac');
  });

  it('finds a statistic by its value as written', () => {
    for (const q of ['1091', '1091 million', '1,091 million users'])
      expect(foundId(lookup.resolve(q, { kinds: ['statistics'] })), q).toBe('netizens-2024');
    expect(foundId(lookup.resolve('151 minutes', { kinds: ['statistics'] }))).toBe('daily-usage-2024');
    expect(foundId(lookup.resolve('125', { kinds: ['statistics'] }))).toBe('daily-usage-2021');
  });

  it('finds names despite one or two typos', () => {
    expect(foundId(lookup.resolve('Han Zhijei'))).toBe('han-zhijie');
    expect(foundId(lookup.resolve('han zijie'))).toBe('han-zhijie');
    expect(foundId(lookup.resolve('liu zhne'))).toBe('liu-zhen');
    expect(foundId(lookup.resolve('zhang wie'))).toBe('zhang-wei');
    expect(foundId(lookup.resolve('China Netcastng Servics Association'))).toBe('cnsa');
  });

  it('finds split and joined transliterations', () => {
    for (const q of ['han zhi jie', 'hanzhijie', 'Han Zhijie', 'HAN ZHI-JIE']) {
      const r = lookup.resolve(q);
      expect(foundId(r), q).toBe('han-zhijie');
      expect(r.status === 'found' && r.exact).toBe(true);
    }
  });

  it('finds aliases, machine-translated names and Chinese names, including partial Chinese', () => {
    expect(foundId(lookup.resolve('CNSA'))).toBe('cnsa');
    expect(foundId(lookup.resolve('China Network Audiovisual Program Service Association'))).toBe('cnsa');
    expect(foundId(lookup.resolve('byte jump'))).toBe('bytedance');
    expect(foundId(lookup.resolve('韩志杰'))).toBe('han-zhijie');
    expect(foundId(lookup.resolve('字节'))).toBe('bytedance');
    expect(foundId(lookup.resolve('服务协会'))).toBe('cnsa');
    expect(foundId(lookup.resolve('成都', { kinds: ['editions'] }))).toBe('11th-ciac');
  });

  it('prefers records of the year or month a query names', () => {
    expect(foundId(lookup.resolve('daily usage 2024', { kinds: ['statistics'] }))).toBe('daily-usage-2024');
    expect(foundId(lookup.resolve('daily usage 2021', { kinds: ['statistics'] }))).toBe('daily-usage-2021');
    expect(foundId(lookup.resolve('人均单日使用时长 2021年'))).toBe('daily-usage-2021');
    expect(foundId(lookup.resolve('ciac 2024'))).toBe('11th-ciac');
    expect(foundId(lookup.resolve('2023', { kinds: ['editions'] }))).toBe('10th-ciac');
    expect(foundId(lookup.resolve('chengdu august 2022', { kinds: ['editions'] }))).toBe('9th-ciac');
  });

  it('says when several records match about equally well', () => {
    const r = lookup.resolve('daily usage');
    expect(r.status).toBe('ambiguous');
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.id).sort()).toEqual([
      'daily-usage-2021',
      'daily-usage-2024',
    ]);
    expect(lookup.resolve('chengdu', { kinds: ['editions'] }).status).toBe('ambiguous');
    expect(lookup.resolve('zhang').status).toBe('ambiguous');
  });

  it('resolves an id exactly, honouring the kinds filter', () => {
    expect(lookup.resolve('liu-zhen')).toMatchObject({
      status: 'found',
      exact: true,
      hit: { id: 'liu-zhen' },
    });
    expect(lookup.resolve('  10th-ciac ', { kinds: ['editions'] })).toMatchObject({
      status: 'found',
      exact: true,
    });
    expect(lookup.resolve('liu-zhen', { kinds: ['editions'] }).status).not.toBe('found');
  });

  it('honours the kinds filter for free text', () => {
    const hits = lookup.search('china', { kinds: ['organizations'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).toContain('cnsa');
    expect(hits.every((h) => h.kind === 'organizations')).toBe(true);
  });

  it('answers none, with the closest records when there are some', () => {
    expect(lookup.resolve('xyzzy qwv')).toEqual({ status: 'none', candidates: [] });
    expect(lookup.resolve('   ')).toEqual({ status: 'none', candidates: [] });
    const r = lookup.resolve('liu zhangwenhua');
    expect(r.status).not.toBe('found');
    expect(r.status).toBe('none');
    const candidates = r.status === 'found' ? [] : r.candidates.map((c) => c.id);
    expect(candidates).toContain('liu-zhen');
  });

  it('puts an exact name first in search, with scores between 0 and 1', () => {
    const hits = lookup.search('Liu Zhen');
    expect(hits[0]).toMatchObject({ id: 'liu-zhen', score: 0, kind: 'people', label: 'Liu Zhen (刘振)' });
    expect(hits.every((h) => h.score >= 0 && h.score <= 1)).toBe(true);
  });
});

describe('complete', () => {
  it('shows the latest editions then notable people for an empty query', () => {
    const choices = lookup.complete('');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({
      name: '12th China Internet Audiovisual Conference (2025)',
      value: '12th-ciac',
    });
    expect(choices.findIndex((c) => c.value === 'liu-zhen')).toBeGreaterThan(
      choices.findIndex((c) => c.value === '9th-ciac'),
    );
  });

  it('still lists records of a kind with nothing featured', () => {
    const choices = lookup.complete('', { kinds: ['statistics'] });
    expect(choices.map((c) => c.value)).toEqual(['daily-usage-2024', 'daily-usage-2021', 'netizens-2024']);
  });

  it('ranks exact keywords, then prefixes, then fuzzy matches', () => {
    expect(lookup.complete('liu', { kinds: ['people'] })[0]?.value).toBe('liu-zhen');
    expect(lookup.complete('han zhi')[0]?.value).toBe('han-zhijie');
    expect(lookup.complete('ciac')[0]?.value).toBe('ciac');
    expect(lookup.complete('刘')[0]?.value).toBe('liu-zhen');
    expect(lookup.complete('liu zhne')[0]?.value).toBe('liu-zhen');
  });

  it('keeps a chosen id first', () => {
    expect(lookup.complete('cnsa')[0]?.value).toBe('cnsa');
    expect(lookup.complete('11th-ciac')[0]?.value).toBe('11th-ciac');
  });

  it('keeps every choice within Discord limits', () => {
    const records = sampleRecords();
    const base = records.people[0]!;
    records.people = Array.from({ length: 60 }, (_, i) => ({
      ...base,
      id: `person-${i}`,
      name: `Zhang ${'Xiaoming'.repeat(20)} ${i}`,
      i18n: undefined,
      aliases: [],
    }));
    const big = createLookup(knowledgeOf(records));
    for (const q of ['', 'zh', 'zhang', 'zhang xiaoming']) {
      const choices = big.complete(q);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(Array.from(c.name).length).toBeGreaterThanOrEqual(1);
        expect(Array.from(c.name).length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(big.complete('zhang')).toHaveLength(25);
  });
});

describe('createLookup', () => {
  it('refuses tables that do not match the schema, with a message naming the fix', () => {
    expect(() => createLookup(knowledgeOf(sampleRecords(), { version: 0 }))).toThrow(SearchTablesError);
    expect(() => createLookup(knowledgeOf(sampleRecords(), null))).toThrow(/npx shiting compile/);
  });

  it('gives the same answers for the same tables', () => {
    const again = createLookup(knowledgeOf(sampleRecords()));
    for (const q of ['zhang', 'china', '网络', '', 'ch']) {
      expect(again.search(q)).toEqual(lookup.search(q));
      expect(again.complete(q)).toEqual(lookup.complete(q));
    }
  });
});
