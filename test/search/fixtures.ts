// Small hand-made records for the search tests, parsed through the seed schemas so defaults apply.
import type { AnyRecord, IndexFile, KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { KINDS, type Kind, type RecordOf, SeedSchemas } from '../../src/knowledge/schema';
import { buildSearchTables } from '../../src/search/tables';

const cite = { sources: ['src-a'] };

export function sampleRecords(): IndexFile['records'] {
  const parse = <K extends keyof typeof SeedSchemas>(kind: K, items: unknown[]) =>
    items.map((item) => SeedSchemas[kind].parse(item)) as IndexFile['records'][K];
  const edition = (ordinal: number, year: number, city: string, month = '03') => ({
    id: `${ordinal}th-ciac`,
    series: 'ciac',
    ordinal,
    year,
    dates: [{ start: `${year}-${month}-28`, end: `${year}-${month}-30`, shown: true, ...cite }],
    city,
    summary: 'An edition.',
    ...cite,
  });
  return {
    sources: parse('sources', [
      {
        id: 'src-a',
        file: '000_ff2a6dcaf15f3bfc.txt',
        outlet: 'Example News',
        title: 'A report',
        language: 'en',
        summary: 'A source.',
      },
    ]),
    series: parse('series', [
      {
        id: 'ciac',
        name: 'China Internet Audiovisual Conference',
        i18n: { 'zh-CN': { name: '中国网络视听大会' } },
        short: 'CIAC',
        aliases: ['China Online Audiovisual Conference'],
        unit: 'edition',
        summary: 'The yearly conference.',
        ...cite,
      },
      {
        id: 'short-video-week',
        name: 'Short Video Creators Week',
        i18n: { 'zh-CN': { name: '短视频创作者周' } },
        unit: 'season',
        summary: 'A season series.',
        ...cite,
      },
    ]),
    editions: parse('editions', [
      { ...edition(9, 2022, 'Chengdu', '08'), theme: 'Audiovisual for a new era' },
      edition(10, 2023, 'Chengdu'),
      {
        ...edition(11, 2024, 'Chengdu'),
        theme: 'Building a network audiovisual power',
        i18n: { 'zh-CN': { city: '成都' } },
      },
      { ...edition(12, 2025, 'Chongqing'), i18n: { 'zh-CN': { city: '重庆' } } },
      {
        id: 'short-video-week-s2',
        series: 'short-video-week',
        season: 2,
        year: 2024,
        dates: [{ start: '2024-11', ...cite, shown: true }],
        summary: 'Season two.',
        ...cite,
      },
    ]),
    people: parse('people', [
      {
        id: 'han-zhijie',
        name: 'Han Zhijie',
        i18n: { 'zh-CN': { name: '韩志杰' } },
        roles: [{ title: 'Chair', organisation: 'cnsa', ...cite }],
        appearances: [{ edition: '11th-ciac', summary: 'Opened it.', ...cite }],
        ...cite,
      },
      {
        id: 'liu-zhen',
        name: 'Liu Zhen',
        i18n: { 'zh-CN': { name: '刘振' } },
        aliases: ['Zhen Liu'],
        roles: [{ title: 'Vice president', ...cite }],
        appearances: [
          { edition: '11th-ciac', summary: 'Spoke.', ...cite },
          { edition: '10th-ciac', summary: 'Spoke.', ...cite },
        ],
        ...cite,
      },
      { id: 'zhang-wei', name: 'Zhang Wei', roles: [{ title: 'Editor', ...cite }], ...cite },
      { id: 'zhang-wen', name: 'Zhang Wen', roles: [{ title: 'Producer', ...cite }], ...cite },
      { id: 'zhou-jie', name: 'Zhou Jié', roles: [{ title: 'Host', ...cite }], ...cite },
    ]),
    organizations: parse('organizations', [
      {
        id: 'cnsa',
        name: 'China Netcasting Services Association',
        i18n: { 'zh-CN': { name: '中国网络视听节目服务协会' } },
        aliases: ['CNSA', 'China Network Audiovisual Program Service Association'],
        kind: 'association',
        summary: 'The industry body.',
        ...cite,
      },
      {
        id: 'bytedance',
        name: 'ByteDance',
        i18n: { 'zh-CN': { name: '字节跳动' } },
        aliases: ['Byte Jump'],
        kind: 'company',
        summary: 'A company.',
        ...cite,
      },
    ]),
    statistics: parse('statistics', [
      {
        id: 'daily-usage-2024',
        measure: 'average daily short-video usage time per user',
        series: 'daily-usage',
        value: 151,
        unit: 'minutes',
        asOf: '2024-12',
        reportedBy: { organisation: 'cnsa' },
        aliases: ['daily usage', '人均单日使用时长'],
        ...cite,
      },
      {
        id: 'daily-usage-2021',
        measure: 'average daily short-video usage time per user',
        series: 'daily-usage',
        value: 125,
        unit: 'minutes',
        asOf: '2021-12',
        reportedBy: { organisation: 'cnsa' },
        aliases: ['daily usage', '人均单日使用时长'],
        ...cite,
      },
      {
        id: 'netizens-2024',
        measure: 'internet audiovisual users',
        value: 1091,
        unit: 'million users',
        asOf: '2024-12',
        reportedBy: { organisation: 'cnsa' },
        ...cite,
      },
    ]),
    forums: parse('forums', [
      {
        id: 'micro-drama-forum-2024',
        name: 'Micro-drama Development Forum',
        i18n: { 'zh-CN': { name: '微短剧发展论坛' } },
        edition: '11th-ciac',
        summary: 'A forum.',
        ...cite,
      },
    ]),
    reports: parse('reports', [
      {
        id: 'development-report-2024',
        name: 'China Internet Audiovisual Development Research Report (2024)',
        i18n: { 'zh-CN': { name: '中国网络视听发展研究报告（2024）' } },
        year: 2024,
        released: '2024-03-28',
        publisher: 'cnsa',
        summary: 'The report.',
        ...cite,
      },
    ]),
    works: parse('works', [
      {
        id: 'river-doc',
        title: 'The Long River',
        i18n: { 'zh-CN': { title: '长河' } },
        kind: 'documentary',
        summary: 'A film.',
        ...cite,
      },
    ]),
  };
}

/** A minimal KnowledgeBase over the sample records: only what the lookup reads is meaningful. */
export function knowledgeOf(
  records: IndexFile['records'],
  searchTables: unknown = buildSearchTables(records),
): KnowledgeBase {
  const byKind: KnowledgeBase['records'] = records;
  const all: AnyRecord[] = KINDS.flatMap((kind) =>
    records[kind].map((record) => ({ kind, record }) as AnyRecord),
  );
  return {
    schemaVersion: 1,
    hash: '0'.repeat(64),
    counts: Object.fromEntries(KINDS.map((k) => [k, records[k].length])) as Record<Kind, number>,
    records,
    get: <K extends Kind>(kind: K, id: string) => {
      const list: readonly RecordOf[K][] = byKind[kind];
      return list.find((r) => r.id === id);
    },
    find: (id) => all.find((r) => r.record.id === id),
    related: () => ({}),
    onMonthDay: () => [],
    calendarDays: [],
    searchTables,
  };
}
