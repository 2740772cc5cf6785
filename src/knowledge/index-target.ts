// Which file the compiler may replace: a Shiting index of this version or an older one. Anything else at the
// index path is the user's (notes, a folder, an index from newer code) and is left exactly as it was.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_INDEX_PATH, INDEX_FORMAT, INDEX_SCHEMA_VERSION } from './knowledge-base';
import { CURRENT_SEARCH_VERSION } from './search-tables';

/** What is at the index path now. */
export type IndexFileState =
  | { state: 'missing' }
  /** A path component is a file, so nothing can be created here (ENOTDIR). */
  | { state: 'under-a-file' }
  | { state: 'folder' }
  /** A device, socket or pipe. */
  | { state: 'special' }
  | { state: 'unreadable'; code: string }
  | { state: 'other' }
  | {
      state: 'index';
      version: number;
      counts?: Record<string, number>;
      /** `search.version`, read only when `version` is this code's: an older layout has no say in it. */
      searchVersion?: number;
    };

/**
 * A refusal to touch the index path, in one self-contained line that names the setting and the path.
 * Deliberately without a `code`: reporters take `E…` codes for network errors.
 */
export class IndexTargetError extends Error {
  override name = 'IndexTargetError';
}

/**
 * Every compiler wrote `{"schemaVersion":N,` first (from version 4 followed by the hash and the format
 * marker), so the head tells an index without parsing a large file.
 */
const HEAD = /^\{"schemaVersion":(\d+),/;
const COUNTS = /"counts":(\{[^{}]*\})/;
const HEAD_BYTES = 4096;
/**
 * Compact JSON escapes every quote inside a string, so these bytes only occur as structure; `search` is the
 * envelope's last key, so its version is found reading back from the end.
 */
const SEARCH_MARKER = Buffer.from('"search":{"version":');
const TAIL_CHUNK = 1 << 20;
/** A reformatted index is parsed whole to look for the marker; anything larger is not taken for one. */
const MAX_PARSED_BYTES = 256 * 2 ** 20;

function countsFrom(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.every(([, n]) => typeof n === 'number') ? Object.fromEntries(entries) : undefined;
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Looks at the index path without changing anything; never throws. */
export function inspectIndexFile(file: string): IndexFileState {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { state: 'folder' };
    if (!stat.isFile()) return { state: 'special' };
    const head = readHead(file);
    const compact = HEAD.exec(head);
    if (compact) {
      const counts = COUNTS.exec(head);
      let parsed: unknown;
      try {
        parsed = counts ? JSON.parse(counts[1]!) : undefined;
      } catch {
        parsed = undefined;
      }
      const version = Number(compact[1]);
      const state: IndexFileState = { state: 'index', version, counts: countsFrom(parsed) };
      if (version === INDEX_SCHEMA_VERSION) {
        const searchVersion = searchVersionIn(file, stat.size);
        if (searchVersion !== undefined) state.searchVersion = searchVersion;
      }
      return state;
    }
    if (!head.trimStart().startsWith('{') || stat.size > MAX_PARSED_BYTES) return { state: 'other' };
    return reformatted(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { state: 'missing' };
    if (code === 'ENOTDIR') return { state: 'under-a-file' };
    return { state: 'unreadable', code };
  }
}

/** The number after the last SEARCH_MARKER, read in chunks from the end of the file; undefined when none. */
function searchVersionIn(file: string, size: number): number | undefined {
  const fd = openSync(file, 'r');
  try {
    // Each chunk overlaps the next by enough for a marker and its digits to be whole in one of them.
    const overlap = SEARCH_MARKER.length + 16;
    const buffer = Buffer.alloc(Math.min(size, TAIL_CHUNK + overlap));
    for (let end = size; end > 0; end -= TAIL_CHUNK) {
      const start = Math.max(0, end - TAIL_CHUNK);
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - start), start);
      const chunk = buffer.subarray(0, n);
      const at = chunk.lastIndexOf(SEARCH_MARKER);
      if (at === -1) continue;
      const digits = /^\d+/.exec(chunk.subarray(at + SEARCH_MARKER.length).toString('latin1'));
      return digits ? Number(digits[0]) : undefined;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** An index pretty-printed by a person or a tool: known by the marker, or (before version 4) by version and hash. */
function reformatted(text: string): IndexFileState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: 'other' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { state: 'other' };
  const { format, schemaVersion, hash, counts, search } = raw as Record<string, unknown>;
  if (typeof schemaVersion !== 'number') return { state: 'other' };
  const legacy = typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash);
  if (format !== INDEX_FORMAT && !legacy) return { state: 'other' };
  const state: IndexFileState = { state: 'index', version: schemaVersion, counts: countsFrom(counts) };
  const searchVersion =
    search && typeof search === 'object' && 'version' in search ? search.version : undefined;
  if (schemaVersion === INDEX_SCHEMA_VERSION && typeof searchVersion === 'number')
    state.searchVersion = searchVersion;
  return state;
}

/**
 * Where the index path came from, as the user would change it: `SHITING_INDEX`, `--out`; undefined when it
 * is the default or a caller in code chose it.
 */
export type IndexSetting = string | undefined;

/** The setting that named this path in the running process: `SHITING_INDEX` (which `start --index` sets) or none. */
export function indexSettingOf(file: string): IndexSetting {
  const fromEnv = process.env.SHITING_INDEX;
  return fromEnv && path.resolve(fromEnv) === path.resolve(file) ? 'SHITING_INDEX (or --index)' : undefined;
}

export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export interface ReplaceOptions {
  setting: IndexSetting;
  /**
   * How a missing file may be created: `with-folders` creates the folders too (`shiting compile`, the default
   * path, a path given in code); `in-existing-folder` only in a folder that already exists, other than the
   * file system's root (a path a user named for `shiting start`, which is there to read an index).
   */
  create: 'with-folders' | 'in-existing-folder';
  /** How to choose another file, for the messages: `point SHITING_INDEX elsewhere`. */
  elsewhere: string;
}

/**
 * Throws IndexTargetError unless the compiler may write the index at `file`: nothing there yet (within the
 * creation rule), or a Shiting index none of whose versions (schema, search tables) is newer than this code's.
 */
export function assertReplaceable(file: string, state: IndexFileState, options: ReplaceOptions): void {
  const refusal = refusalFor(file, state, options);
  if (refusal) throw new IndexTargetError(refusal);
}

function refusalFor(file: string, state: IndexFileState, options: ReplaceOptions): string | undefined {
  const shown = shownPath(file);
  const { setting, elsewhere } = options;
  const names = setting
    ? `${setting} names ${shown}`
    : path.resolve(file) === path.resolve(DEFAULT_INDEX_PATH)
      ? `the default index file ${shown}`
      : `the index file ${shown}`;
  const kept = (what: string, fix: string) => `${names}, ${what}; it was left as it was. ${fix}`;
  switch (state.state) {
    case 'index': {
      const newer =
        state.version > INDEX_SCHEMA_VERSION
          ? `schema version ${state.version}; this code knows up to ${INDEX_SCHEMA_VERSION}`
          : (state.searchVersion ?? 0) > CURRENT_SEARCH_VERSION
            ? `search tables version ${state.searchVersion}; this code knows up to ${CURRENT_SEARCH_VERSION}`
            : undefined;
      return newer
        ? kept(`an index written by a newer Shiting (${newer})`, `Update the code, or ${elsewhere}.`)
        : undefined;
    }
    case 'folder':
      return kept(
        'which is a folder, not an index file',
        `Name a file, such as ${path.join(shown, 'index.json')}.`,
      );
    case 'special':
      return kept('which is not a regular file', `Name an index file, or ${elsewhere}.`);
    case 'unreadable':
      return kept(
        `which cannot be read (${state.code}) to check that it is a Shiting index`,
        `Fix its permissions, or ${elsewhere}.`,
      );
    case 'other':
      return kept(
        'which is not a Shiting index (a compiled index starts with {"schemaVersion":…)',
        `Move the file away if it may be replaced, or ${elsewhere}.`,
      );
    case 'under-a-file':
      return `${names}, but part of that path is a file, not a folder; nothing was written. Name a file in a folder, or ${elsewhere}.`;
    case 'missing': {
      if (options.create === 'with-folders') return undefined;
      const folder = path.dirname(path.resolve(file));
      const build = `\`npx shiting compile --out ${shown}\``;
      if (folder === path.parse(folder).root)
        return `${names}, a new file at the top of the file system; start does not create an index there. Run ${build} if that is really where it belongs, or ${elsewhere}.`;
      const parent = inspectFolder(folder);
      if (parent !== 'folder')
        return `${names}, but ${shownPath(folder)} ${parent === 'missing' ? 'does not exist' : 'is not a folder'}; nothing was written. Create the folder, run ${build}, or ${elsewhere}.`;
      return undefined;
    }
  }
}

function inspectFolder(folder: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(folder).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'missing' : 'other';
  }
}
