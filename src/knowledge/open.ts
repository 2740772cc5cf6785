// Opening the knowledge for a front end: the loaded index plus the lookup over it; and compiling first when stale.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLookup, SearchTablesError } from '../search/lookup';
import type { Lookup } from '../search/lookup-types';
import { compileSeeds } from './compile';
import { INDEX_SCHEMA_VERSION, type KnowledgeBase } from './knowledge-base';
import { IndexLoadError, loadIndexFile, resolveIndexPath } from './load';
import { formatSeedError, type SeedError } from './seed-error';
import { writeIndexFile } from './write-index';

/** The knowledge a handler reads: the loaded index and the lookup built over it. */
export interface Knowledge {
  kb: KnowledgeBase;
  lookup: Lookup;
}

/** Loads the index (`--index` flag > $SHITING_INDEX > build/index.json) and builds the lookup; throws IndexLoadError. */
export function openKnowledge(indexPath?: string): Knowledge {
  const file = resolveIndexPath(indexPath);
  const kb = loadIndexFile(file);
  try {
    return { kb, lookup: createLookup(kb) };
  } catch (error) {
    if (error instanceof SearchTablesError)
      throw new IndexLoadError(`${path.basename(file)}: ${error.message}`);
    throw error;
  }
}

/** The seeds did not compile; `message` lists every problem, one per line. */
export class SeedCompileError extends Error {
  override name = 'SeedCompileError';
  constructor(readonly errors: readonly SeedError[]) {
    super(`the seeds do not compile (${errors.length} problems):\n${errors.map(formatSeedError).join('\n')}`);
  }
}

/**
 * Compiles the seeds into the index when the index is missing, older than any seed file, or of another
 * schema version; otherwise leaves it alone. Throws SeedCompileError when the seeds have problems.
 */
export function ensureIndex(seedsDir: string, indexPath: string): { compiled: boolean } {
  if (isCurrent(seedsDir, indexPath)) return { compiled: false };
  const result = compileSeeds(seedsDir);
  if (!result.ok) throw new SeedCompileError(result.errors);
  writeIndexFile(indexPath, result.json);
  return { compiled: true };
}

function isCurrent(seedsDir: string, indexPath: string): boolean {
  if (!existsSync(indexPath)) return false;
  // Without seeds (a deployment that ships only the index) the index is all there is.
  if (!existsSync(seedsDir)) return true;
  const built = statSync(indexPath).mtimeMs;
  // The folder's own time changes when a seed file is added or removed.
  const seedTimes = [
    statSync(seedsDir).mtimeMs,
    ...readdirSync(seedsDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => statSync(path.join(seedsDir, f)).mtimeMs),
  ];
  return Math.max(...seedTimes) <= built && schemaVersionOf(indexPath) === INDEX_SCHEMA_VERSION;
}

/** The schema version from the file's first bytes, where the compiler always writes it. */
function schemaVersionOf(indexPath: string): number | undefined {
  const fd = openSync(indexPath, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    const match = /^\{"schemaVersion":(\d+),/.exec(head.subarray(0, n).toString('utf8'));
    return match ? Number(match[1]) : undefined;
  } finally {
    closeSync(fd);
  }
}
