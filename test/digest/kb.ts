// A small KnowledgeBase built in memory, so the digest tests do not depend on the real seeds.
import type { Knowledge } from '../../commands/types';
import type { CalendarEntry, KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { Edition, Forum, Kind, RecordOf, Report, Series } from '../../src/knowledge/schema';

const SOURCES = ['test-source'];

const series: Series = {
  id: 'ciac',
  name: 'China Internet Audiovisual Conference',
  i18n: { 'zh-CN': { name: '中国网络视听大会' } },
  aliases: [],
  unit: 'edition',
  summary: 'A yearly conference.',
  sources: SOURCES,
};

function edition(ordinal: number, start: string, end: string, city: string, cityZh: string): Edition {
  return {
    id: `${ordinal}th-ciac`,
    series: 'ciac',
    ordinal,
    year: Number(start.slice(0, 4)),
    dates: [{ start, end, sources: SOURCES, shown: true }],
    city,
    i18n: { 'zh-CN': { city: cityZh } },
    aliases: [],
    hosts: [],
    organisers: [],
    guidedBy: [],
    figures: [],
    firsts: [],
    highlights: [],
    summary: 'An edition.',
    sources: SOURCES,
  };
}

const editions: Edition[] = [
  edition(10, '2023-03-28', '2023-03-30', 'Chengdu', '成都'),
  edition(11, '2024-03-27', '2024-03-29', 'Chengdu', '成都'),
];

const forums: Forum[] = [
  {
    id: 'short-video-forum',
    name: 'Short Video Forum',
    i18n: { 'zh-CN': { name: '短视频论坛' } },
    aliases: [],
    edition: '11th-ciac',
    date: '2024-03-28',
    hosts: [],
    organisers: [],
    summary: 'A forum.',
    sources: SOURCES,
  },
];

const reports: Report[] = [
  {
    id: 'annual-report-2024',
    name: 'Annual Report 2024',
    i18n: { 'zh-CN': { name: '2024年度报告' } },
    aliases: [],
    year: 2024,
    released: '2024-03-28',
    summary: 'A report.',
    sources: SOURCES,
  },
  {
    id: 'leap-report',
    name: 'Leap Day Report',
    aliases: [],
    released: '2020-02-29',
    summary: 'A report released on a leap day.',
    sources: SOURCES,
  },
];

const calendarEntries: CalendarEntry[] = [
  { date: '2023-03-28', kind: 'editions', id: '10th-ciac', event: 'start' },
  { date: '2023-03-29', kind: 'editions', id: '10th-ciac', event: 'day' },
  { date: '2023-03-30', kind: 'editions', id: '10th-ciac', event: 'end' },
  { date: '2024-03-27', kind: 'editions', id: '11th-ciac', event: 'start' },
  { date: '2024-03-28', kind: 'editions', id: '11th-ciac', event: 'day' },
  { date: '2024-03-28', kind: 'forums', id: 'short-video-forum', event: 'held' },
  { date: '2024-03-28', kind: 'reports', id: 'annual-report-2024', event: 'released' },
  { date: '2024-03-29', kind: 'editions', id: '11th-ciac', event: 'end' },
  { date: '2020-02-29', kind: 'reports', id: 'leap-report', event: 'released' },
];

/** A KnowledgeBase over the given calendar (default: the one above). */
export function testKnowledgeBase(entries: readonly CalendarEntry[] = calendarEntries): KnowledgeBase {
  const records = {
    sources: [],
    series: [series],
    editions,
    people: [],
    organizations: [],
    statistics: [],
    forums,
    reports,
    works: [],
  } as { [K in Kind]: RecordOf[K][] };
  const calendar = new Map<string, CalendarEntry[]>();
  for (const e of [...entries].sort((a, b) => a.date.localeCompare(b.date))) {
    const key = e.date.slice(5);
    calendar.set(key, [...(calendar.get(key) ?? []), e]);
  }
  const byId = new Map<string, { kind: Kind; record: { id: string } }>();
  for (const kind of Object.keys(records) as Kind[])
    for (const record of records[kind]) byId.set(record.id, { kind, record });
  const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length])) as Record<
    Kind,
    number
  >;
  return {
    schemaVersion: 1,
    hash: '0'.repeat(64),
    counts,
    records,
    get: <K extends Kind>(kind: K, id: string) =>
      records[kind].find((r) => r.id === id) as RecordOf[K] | undefined,
    find: (id) => byId.get(id) as ReturnType<KnowledgeBase['find']>,
    related: () => ({}),
    onMonthDay: (md) => calendar.get(md) ?? [],
    calendarDays: [...calendar.keys()].sort(),
    searchTables: {},
  };
}

/** Knowledge for the digest commands: the base above and a lookup that finds nothing (digests never look up). */
export function testKnowledge(kb: KnowledgeBase = testKnowledgeBase()): Knowledge {
  return {
    kb,
    lookup: { search: () => [], resolve: () => ({ status: 'none', candidates: [] }), complete: () => [] },
  };
}
