// The loader: reads the compiled index, refuses anything the compiler did not write, and answers from memory.
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
import { KINDS, type Kind, type RecordOf } from './schema';

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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new IndexLoadError(`no index at ${name}: run \`npx shiting compile\` to build it`);
    throw new IndexLoadError(
      `cannot read the index ${name} (${code ?? 'error'}): ${REBUILD}, or pass --index FILE`,
    );
  }
  return knowledgeFromIndex(parseIndex(text, name));
}

/** Text → a checked IndexFile: JSON, schema version, shape, then the content hash. */
export function parseIndex(text: string, name: string): IndexFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new IndexLoadError(`the index ${name} is corrupt or truncated (not valid JSON): ${REBUILD}`);
  }
  const version = raw && typeof raw === 'object' && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
  if (typeof version !== 'number')
    throw new IndexLoadError(`${name} is not a Shiting index (no schema version): ${REBUILD}`);
  if (version !== INDEX_SCHEMA_VERSION) {
    const age = version < INDEX_SCHEMA_VERSION ? 'older' : 'newer';
    throw new IndexLoadError(
      `the index ${name} has ${age} schema version ${version}; this Shiting reads version ${INDEX_SCHEMA_VERSION}: ${REBUILD}`,
    );
  }
  const parsed = IndexFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('');
    throw new IndexLoadError(
      `the index ${name} is damaged (${where.slice(1) || 'top'}: ${issue.message}): ${REBUILD}`,
    );
  }
  // Hash the file's own object (key order as written) rather than zod's copy, which may order keys differently.
  const { hash, ...body } = raw as IndexFile;
  if (indexHash(body) !== hash)
    throw new IndexLoadError(
      `the index ${name} does not match its content hash (edited or damaged): ${REBUILD}`,
    );
  return parsed.data;
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
  return {
    schemaVersion: index.schemaVersion,
    hash: index.hash,
    counts,
    records: index.records,
    get: <K extends Kind>(kind: K, id: string) => byKind.get(kind)?.get(id) as RecordOf[K] | undefined,
    find: (id) => all.get(id),
    related: (id) => (index.related[id] as Related | undefined) ?? NO_RELATED,
    onMonthDay: (monthDay) => index.calendar[monthDay] ?? NO_ENTRIES,
    calendarDays,
    searchTables: index.search,
  };
}
