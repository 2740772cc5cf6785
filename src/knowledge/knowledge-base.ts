// The shape of the compiled index file and of the KnowledgeBase the loader builds from it.
import { z } from 'zod';
import {
  EditionSchema,
  ForumSchema,
  Id,
  type Kind,
  OrganizationSchema,
  PersonSchema,
  type RecordOf,
  ReportSchema,
  SeriesSchema,
  SourceSchema,
  StatisticSchema,
  WorkSchema,
} from './schema';

/** Bump when the index layout changes; the loader refuses other versions and says to recompile. */
export const INDEX_SCHEMA_VERSION = 9;

/**
 * Marks a file as a Shiting index (from version 4; older ones are known by their `{"schemaVersion":N,` head),
 * so that only an index is ever replaced by the compiler.
 */
export const INDEX_FORMAT = 'shiting-index';

/** Where `npx shiting compile` writes by default, relative to the project root. */
export const DEFAULT_INDEX_PATH = 'build/index.json';

/** Something dated on a calendar day: the start of an edition, a forum, a report's release. */
export const CalendarEntrySchema = z.object({
  /** YYYY-MM-DD, the day as the shown claim states it. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['editions', 'forums', 'reports']),
  id: Id,
  /** `start`/`end`/`day` for a multi-day edition, `held` for one-day events, `released` for reports. */
  event: z.enum(['start', 'day', 'end', 'held', 'released']),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** Back-references computed by the compiler: for each record id, the ids of related records by kind. */
const RelatedSchema = z.record(z.string(), z.record(z.string(), z.array(Id)));
export type Related = Partial<Record<Kind, string[]>>;

/** The compiled index: one JSON file. `records` hold the validated seed records (defaults applied). */
export const IndexFileSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  /** sha256 of everything below, hex; changes with any fact. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.literal(INDEX_FORMAT),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  records: z.object({
    sources: z.array(SourceSchema),
    series: z.array(SeriesSchema),
    editions: z.array(EditionSchema),
    people: z.array(PersonSchema),
    organizations: z.array(OrganizationSchema),
    statistics: z.array(StatisticSchema),
    forums: z.array(ForumSchema),
    reports: z.array(ReportSchema),
    works: z.array(WorkSchema),
  }),
  related: RelatedSchema,
  /** Keyed by MM-DD, entries sorted by date. */
  calendar: z.record(z.string().regex(/^\d{2}-\d{2}$/), z.array(CalendarEntrySchema)),
  /** Precomputed lookup tables (owned by src/search); validated there. */
  search: z.unknown(),
});
export type IndexFile = z.infer<typeof IndexFileSchema>;

export type AnyRecord = { [K in Kind]: { kind: K; record: RecordOf[K] } }[Kind];

/** What the loader returns and every later stage reads. Read-only by convention. */
export interface KnowledgeBase {
  readonly schemaVersion: number;
  readonly hash: string;
  readonly counts: Readonly<Record<Kind, number>>;
  /** Records of each kind, in seed order. */
  readonly records: { readonly [K in Kind]: readonly RecordOf[K][] };
  /** A record of a given kind by id. */
  get<K extends Kind>(kind: K, id: string): RecordOf[K] | undefined;
  /** Any record by id (ids are unique across kinds). */
  find(id: string): AnyRecord | undefined;
  /** Related records' ids, by kind (an edition's speakers, a person's editions, …). */
  related(id: string): Related;
  /** Calendar entries on a month-day (`03-28`), sorted by date. */
  onMonthDay(monthDay: string): readonly CalendarEntry[];
  /** All month-days that have entries, sorted. */
  readonly calendarDays: readonly string[];
  /** The search tables as the compiler wrote them; src/search validates and uses them. */
  readonly searchTables: unknown;
}
