import { describe, expect, it } from 'vitest';
import {
  buildSearchTables,
  decodePostings,
  encodePostings,
  SearchTablesSchema,
  valueNames,
} from '../../src/search/tables';
import { sampleRecords } from './fixtures';

describe('buildSearchTables', () => {
  it('is deterministic and valid against its schema', () => {
    const a = JSON.stringify(buildSearchTables(sampleRecords()));
    const b = JSON.stringify(buildSearchTables(sampleRecords()));
    expect(a).toBe(b);
    expect(SearchTablesSchema.safeParse(JSON.parse(a)).success).toBe(true);
  });

  it('makes one doc per searchable record, latest editions first', () => {
    const tables = buildSearchTables(sampleRecords());
    expect(tables.docs).toHaveLength(5 + 2 + 5 + 2 + 3 + 1 + 1 + 1);
    expect(tables.docs.slice(0, 2).map((d) => d.id)).toEqual(['12th-ciac', '11th-ciac']);
    expect(tables.docs.some((d) => d.id === 'src-a')).toBe(false);
  });

  it('indexes a statistic by its value as written, alone and with its unit', () => {
    const doc = buildSearchTables(sampleRecords()).docs.find((d) => d.id === 'netizens-2024')!;
    expect(doc.keys).toEqual(expect.arrayContaining(['1091', '1091 million', '1091 million users']));
    expect(valueNames({ ...sampleRecords().statistics[0]!, value: 53.5, unit: '%' })).toEqual([
      '53.5',
      '53.5 %',
    ]);
  });

  it('gives editions ordinal, series, city and theme keys and their times', () => {
    const doc = buildSearchTables(sampleRecords()).docs.find((d) => d.id === '11th-ciac')!;
    expect(doc.label).toBe('11th China Internet Audiovisual Conference (2024)');
    expect(doc.keys).toEqual(
      expect.arrayContaining([
        '11',
        '11 ciac',
        '11 中国网络视听大会',
        'chengdu',
        '成都',
        'building a network audiovisual power',
      ]),
    );
    expect(doc.t).toEqual([2024, 202403]);
  });

  it('features the latest editions, then people with most appearances', () => {
    const tables = buildSearchTables(sampleRecords());
    const ids = tables.featured.map((i) => tables.docs[i]!.id);
    expect(ids.slice(0, 3)).toEqual(['12th-ciac', '11th-ciac', 'short-video-week-s2']);
    expect(ids[5]).toBe('liu-zhen');
  });

  it('round-trips postings', () => {
    expect([...decodePostings(encodePostings([0, 5, 40, 1000]))]).toEqual([0, 5, 40, 1000]);
  });
});
