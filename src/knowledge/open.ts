// Opening the knowledge for a front end: the loaded index plus the lookup over it; and compiling first when stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { createLookup, SearchTablesError } from '../search/lookup';
import type { Lookup } from '../search/lookup-types';
import { compileSeeds } from './compile';
import {
  assertReplaceable,
  type IndexFileState,
  type IndexSetting,
  indexSettingOf,
  inspectIndexFile,
} from './index-target';
import { INDEX_SCHEMA_VERSION, type KnowledgeBase } from './knowledge-base';
import { IndexLoadError, loadIndexFile, resolveIndexPath } from './load';
import { CURRENT_SEARCH_VERSION } from './search-tables';
import { type SeedError, seedErrorReport } from './seed-error';
import { writeIndexFile } from './write-index';

/** seeds/ ships with the code, so it is found from here whatever the working directory. */
export const SHIPPED_SEEDS = path.join(PROJECT_ROOT, 'seeds');

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
    // Capped like `shiting compile`'s output: a broken file can yield thousands of problems.
    super(`the seeds do not compile (${errors.length} problems):\n${seedErrorReport(errors).join('\n')}`);
  }
}

/**
 * Compiles the seeds into the index when the index is missing, older than any seed file, or written by older
 * code (an older schema or search tables version: everything the compiler stamps and the loader insists on);
 * otherwise leaves it alone. Throws IndexTargetError (before compiling) when the path holds something other
 * than an index this code may replace, and SeedCompileError when the seeds have problems.
 * `setting` names where the path came from (default: `SHITING_INDEX` when that is what names it); a path a
 * user named is only created in a folder that exists, since start is asked to read an index, not to place one.
 */
export function ensureIndex(
  seedsDir: string,
  indexPath: string,
  setting: IndexSetting = indexSettingOf(indexPath),
): { compiled: boolean } {
  const state = inspectIndexFile(indexPath);
  if (state.state === 'index' && isCurrent(seedsDir, indexPath, state)) return { compiled: false };
  assertReplaceable(indexPath, state, {
    setting,
    create: setting ? 'in-existing-folder' : 'with-folders',
    elsewhere: setting ? `point ${setting} elsewhere` : 'set SHITING_INDEX to another file',
  });
  const result = compileSeeds(seedsDir);
  if (!result.ok) throw new SeedCompileError(result.errors);
  writeIndexFile(indexPath, result.json);
  return { compiled: true };
}

/** Written by this code's compiler: each version the loader checks is the one this code writes. */
function isThisCodes(state: IndexFileState & { state: 'index' }): boolean {
  return state.version === INDEX_SCHEMA_VERSION && state.searchVersion === CURRENT_SEARCH_VERSION;
}

function isCurrent(seedsDir: string, indexPath: string, state: IndexFileState & { state: 'index' }): boolean {
  // Without seeds (a deployment that ships only the index) the index is all there is.
  if (!existsSync(seedsDir)) return true;
  if (!isThisCodes(state)) return false;
  const built = statSync(indexPath).mtimeMs;
  // The folder's own time changes when a seed file is added or removed.
  const seedTimes = [
    statSync(seedsDir).mtimeMs,
    ...readdirSync(seedsDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => statSync(path.join(seedsDir, f)).mtimeMs),
  ];
  return Math.max(...seedTimes) <= built;
}
