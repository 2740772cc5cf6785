// The loader: reads the compiled index, refuses anything the compiler did not write, and answers from memory.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { indexHash } from './index-hash';
import {
  type AnyRecord,
  type CalendarEntry,
  DEFAULT_INDEX_PATH,
  INDEX_SCHEMA_VERSION,
  type IndexFile,
  IndexFileSchema,
  type KnowledgeBase,
  type Related,
} from './knowledge-base';
import { statisticSeries } from './related';
import { Id, KINDS, type Kind, type RecordOf } from './schema';

/** Why an index cannot be used, in one line that says what to run. Never carries a stack to the user. */
export class IndexLoadError extends Error {
  override name = 'IndexLoadError';
}

const REBUILD = 'run `npx shiting compile` to rebuild it';

/** The index to use: the `--index` flag, else $SHITING_INDEX, else build/index.json; relative to the working directory. */
export function resolveIndexPath(flag?: string): string {
  return path.resolve(flag || process.env.SHITING_INDEX || DEFAULT_INDEX_PATH);
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

export function loadIndexFile(file: string): KnowledgeBase {
  const name = shown(file);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new IndexLoadError(`no index at ${name}: run \`npx shiting compile\` to build it`);
    throw new IndexLoadError(
      `cannot read the index ${name} (${code ?? 'error'}): ${REBUILD}, or pass --index FILE`,
    );
  }
  return knowledgeFromIndex(parseIndex(data, name));
}

/** The compiler writes the version and the hash first, so the hash can be checked on the text without re-serialising. */
const HEAD = /^\{"schemaVersion":(\d+),"hash":"([0-9a-f]{64})",/;

/** The envelope, strictly; records only as far as the loader relies on them (the hash vouches for the rest). */
const EnvelopeSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  hash: IndexFileSchema.shape.hash,
  format: IndexFileSchema.shape.format,
  counts: IndexFileSchema.shape.counts,
  records: z.object(
    Object.fromEntries(KINDS.map((k) => [k, z.array(z.unknown())])) as Record<Kind, z.ZodArray<z.ZodUnknown>>,
  ),
  // Checked by hand below: zod over 100k related entries costs several times as much.
  related: z.custom<Record<string, unknown>>(
    (v) => !!v && typeof v === 'object' && !Array.isArray(v),
    'expected an object',
  ),
  calendar: IndexFileSchema.shape.calendar,
  search: z.unknown(),
});

/**
 * Every record is an object with a kebab-case id, the counts agree, and each related entry maps kinds to
 * lists: cheap enough for 100k records.
 */
function contentProblem({ records, counts, related }: z.infer<typeof EnvelopeSchema>): string | undefined {
  for (const kind of KINDS) {
    const list = records[kind];
    if (counts[kind] !== list.length) return `counts.${kind}: ${counts[kind]} but ${list.length} records`;
    for (let i = 0; i < list.length; i++) {
      const r = list[i] as { id?: unknown } | null;
      if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !Id.safeParse(r.id).success)
        return `records.${kind}[${i}]: not a record with an id`;
    }
  }
  for (const id in related) {
    const byKind = related[id];
    if (!byKind || typeof byKind !== 'object') return `related.${id}: not a list of related ids by kind`;
    for (const kind in byKind)
      if (!Array.isArray((byKind as Record<string, unknown>)[kind]))
        return `related.${id}.${kind}: not a list`;
  }
  return undefined;
}

function hashMatches(data: Buffer, raw: IndexFile): boolean {
  const head = HEAD.exec(data.subarray(0, 128).toString('latin1'));
  if (head) {
    // The body is the file without `"hash":"…",` (and the final newline): exactly the bytes the compiler hashed.
    const end = data.at(-1) === 0x0a ? data.length - 1 : data.length;
    const digest = createHash('sha256')
      .update(`{"schemaVersion":${head[1]},`)
      .update(data.subarray(head[0].length, end))
      .digest('hex');
    return digest === head[2];
  }
  // Reformatted by hand or a tool: the same canonical JSON from the parsed object.
  const { hash, ...body } = raw;
  return indexHash(body) === hash;
}

/** Text → a checked IndexFile: JSON, schema version, content hash, then the envelope's shape. */
export function parseIndex(file: Uint8Array | string, name: string): IndexFile {
  const data =
    typeof file === 'string' ? Buffer.from(file) : Buffer.from(file.buffer, file.byteOffset, file.length);
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8'));
  } catch {
    throw new IndexLoadError(`the index ${name} is corrupt or truncated (not valid JSON): ${REBUILD}`);
  }
  const version = raw && typeof raw === 'object' && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
  if (typeof version !== 'number')
    // Not "rebuild it": the compiler leaves a file that is not an index alone, so the fix is another path.
    throw new IndexLoadError(
      `${name} is not a Shiting index (no schema version): point --index or SHITING_INDEX at a compiled index; \`npx shiting compile\` builds one at build/index.json`,
    );
  if (version > INDEX_SCHEMA_VERSION)
    // Recompiling would downgrade it, so the compiler refuses to: the fix is newer code or another file.
    throw new IndexLoadError(
      `the index ${name} has newer schema version ${version}; this Shiting reads version ${INDEX_SCHEMA_VERSION}: it was written by a newer Shiting; update the code, or point SHITING_INDEX (or --index) elsewhere, where \`npx shiting compile --out FILE\` can build one for this version`,
    );
  if (version !== INDEX_SCHEMA_VERSION)
    throw new IndexLoadError(
      `the index ${name} has older schema version ${version}; this Shiting reads version ${INDEX_SCHEMA_VERSION}: ${REBUILD}`,
    );
  const envelope = EnvelopeSchema.safeParse(raw);
  const problem = envelope.success ? contentProblem(envelope.data) : issueText(envelope.error.issues[0]!);
  if (problem) throw new IndexLoadError(`the index ${name} is damaged (${problem}): ${REBUILD}`);
  if (!hashMatches(data, raw as IndexFile))
    throw new IndexLoadError(
      `the index ${name} does not match its content hash (edited or damaged): ${REBUILD}`,
    );
  // Zod copied the envelope; the records are used as parsed, which the hash shows the compiler wrote.
  return raw as IndexFile;
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('');
  return `${where.slice(1) || 'top'}: ${issue.message}`;
}

const NO_RELATED: Related = Object.freeze({});
const NO_ENTRIES: readonly CalendarEntry[] = Object.freeze([]);

export function knowledgeFromIndex(index: IndexFile): KnowledgeBase {
  const byKind = new Map<Kind, Map<string, RecordOf[Kind]>>();
  const all = new Map<string, AnyRecord>();
  for (const kind of KINDS) {
    const ids = new Map<string, RecordOf[Kind]>();
    for (const record of index.records[kind]) {
      ids.set(record.id, record);
      all.set(record.id, { kind, record } as AnyRecord);
    }
    byKind.set(kind, ids);
  }
  const counts = Object.fromEntries(KINDS.map((k) => [k, index.records[k].length])) as Record<Kind, number>;
  const calendarDays = Object.keys(index.calendar).sort();
  const series = statisticSeries(index.records.statistics);
  const seriesOf = new Map(
    index.records.statistics.flatMap((s) => (s.series ? [[s.id, s.series] as const] : [])),
  );
  const withSiblings = new Map<string, Related>();
  const related = (id: string): Related => {
    const stored = (index.related[id] as Related | undefined) ?? NO_RELATED;
    const members = series.get(seriesOf.get(id) ?? '');
    if (!members || members.length < 2) return stored;
    let merged = withSiblings.get(id);
    if (!merged) {
      // A statistic lists the other members of its series, in as-of order, under `statistics`.
      merged = Object.fromEntries(
        KINDS.flatMap((k) => {
          const ids = k === 'statistics' ? members.filter((m) => m !== id) : stored[k];
          return ids ? [[k, ids]] : [];
        }),
      ) as Related;
      withSiblings.set(id, merged);
    }
    return merged;
  };
  return {
    schemaVersion: index.schemaVersion,
    hash: index.hash,
    counts,
    records: index.records,
    get: <K extends Kind>(kind: K, id: string) => byKind.get(kind)?.get(id) as RecordOf[K] | undefined,
    find: (id) => all.get(id),
    related,
    onMonthDay: (monthDay) => index.calendar[monthDay] ?? NO_ENTRIES,
    calendarDays,
    searchTables: index.search,
  };
}
