// The index: compile time, file size, load time (read + validate + lookup ready) and heap after load, for the
// real seeds and for synthetic seeds of 1k, 10k and 100k records.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { compileSeeds, formatSeedError } from '../src/knowledge/compile';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base';
import { loadIndexFile } from '../src/knowledge/load';
import { normaliseName } from '../src/knowledge/names';
import { KINDS } from '../src/knowledge/schema';
import { writeIndexFile } from '../src/knowledge/write-index';
import { createLookup } from '../src/search/lookup';
import type { Lookup } from '../src/search/lookup-types';
import { type Figure, medianOf, type Section } from './lib';
import { generate, type Records } from './synthetic';

const SIZES = [1_000, 10_000, 100_000] as const;
const RECORD_SEED = 42;
const LOAD_TARGET_MS: Record<string, number> = { real: 100, 100000: 2_000 };

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): number {
  return bytes / 2 ** 20;
}

/**
 * Generated names repeat (common pinyin names, organisation name patterns) and the compiler refuses a name
 * that finds two records; make each distinct the way a curator would: qualify a clashing name, drop a clashing alias.
 */
function distinctNames(records: Records): Records {
  const taken = new Map<string, string>();
  const claim = (id: string, name: string) => {
    const key = normaliseName(name);
    const owner = taken.get(key);
    if (owner !== undefined && owner !== id) return false;
    taken.set(key, id);
    return true;
  };
  const fixFields = (id: string, from: object, fields: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...from };
    for (const field of fields) {
      const value = out[field];
      if (typeof value === 'string' && !claim(id, value)) {
        out[field] = `${value} (${id})`;
        claim(id, out[field] as string);
      }
    }
    return out;
  };
  const fix = <T extends { id: string; aliases: string[]; i18n?: object }>(
    r: T,
    fields: readonly string[],
  ): T => {
    const out = fixFields(r.id, r, fields);
    // Translated names find the record too (nameZh before the i18n maps).
    if (r.i18n)
      out.i18n = Object.fromEntries(
        Object.entries(r.i18n).map(([locale, texts]) => [locale, fixFields(r.id, texts as object, fields)]),
      );
    out.aliases = r.aliases.filter((a) => claim(r.id, a));
    return out as T;
  };
  const names = ['name', 'title', 'short'] as const;
  return Object.fromEntries(
    KINDS.map((k) => [
      k,
      (records[k] as { id: string; aliases?: string[] }[]).map((r) =>
        'aliases' in r && r.aliases ? fix(r as { id: string; aliases: string[] }, names) : r,
      ),
    ]),
  ) as unknown as Records;
}

function writeSeeds(records: Records, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const kind of KINDS) writeFileSync(path.join(dir, `${kind}.yaml`), stringify(records[kind]));
}

function open(file: string): { kb: KnowledgeBase; lookup: Lookup } {
  const kb = loadIndexFile(file);
  return { kb, lookup: createLookup(kb) };
}

/** Load time, split into the loader's part and the lookup's, median over runs. */
async function loadTimes(
  file: string,
  runs: number,
): Promise<{ load: number; lookup: number; total: number }> {
  return medianOf(runs, () => {
    gc?.(); // the previous run's knowledge is garbage; do not time its collection
    const t0 = performance.now();
    const kb = loadIndexFile(file);
    const t1 = performance.now();
    createLookup(kb);
    const t2 = performance.now();
    return { load: t1 - t0, lookup: t2 - t1, total: t2 - t0 };
  });
}

/** Heap kept by a loaded index and its lookup (needs node --expose-gc, as `npm run bench` runs). */
function heapAfterLoad(file: string): number | undefined {
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const knowledge = open(file);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (!knowledge.kb.hash) throw new Error('unreachable: keeps the knowledge alive until measured');
  return mb(after - before);
}

/** Compiles and writes the index; returns only small facts, so nothing big stays reachable while loads are timed. */
async function compileInto(
  seedsDir: string,
  indexFile: string,
  runs: number,
): Promise<{ ms: number; counts: string } | { ms: number; problem: string }> {
  let outcome: { counts: string } | { problem: string } = { problem: 'not run' };
  const { ms } = await medianOf(runs, () => {
    const t0 = performance.now();
    const result = compileSeeds(seedsDir);
    const ms = performance.now() - t0;
    if (result.ok) {
      writeIndexFile(indexFile, result.json);
      outcome = { counts: KINDS.map((k) => `${k} ${result.index.counts[k]}`).join(', ') };
    } else {
      const first = result.errors[0];
      outcome = {
        problem: `${result.errors.length} problems, first: ${first ? formatSeedError(first) : ''}`,
      };
    }
    return { ms };
  });
  return { ms, ...outcome };
}

async function measure(
  label: string,
  seedsDir: string,
  indexFile: string,
  runs: { compile: number; load: number },
  targetKey: string,
): Promise<Section> {
  const title = `Index: ${label}`;
  const compiled = await compileInto(seedsDir, indexFile, runs.compile);
  const compileFigure: Figure = {
    name: `compile (YAML → index file), ${label}`,
    value: compiled.ms,
    unit: 'ms',
  };
  if ('problem' in compiled)
    return { title, figures: [compileFigure], notes: [`the seeds did not compile: ${compiled.problem}`] };
  gc?.();
  const times = await loadTimes(indexFile, runs.load);
  const heap = heapAfterLoad(indexFile);
  const target = LOAD_TARGET_MS[targetKey];
  const figures: Figure[] = [
    compileFigure,
    { name: `index file size, ${label}`, value: mb(statSync(indexFile).size), unit: 'MiB' },
    {
      name: `load: read + validate + lookup ready, ${label}`,
      value: times.total,
      unit: 'ms',
      ...(target ? { target: { op: '<=' as const, value: target } } : {}),
    },
    { name: `  of which loader (parse, checks, hash, maps), ${label}`, value: times.load, unit: 'ms' },
    { name: `  of which createLookup, ${label}`, value: times.lookup, unit: 'ms' },
  ];
  const notes = [
    `${label}: ${compiled.counts}; medians of ${runs.compile} compile and ${runs.load} load runs, each part its own median`,
  ];
  if (heap !== undefined) figures.push({ name: `heap after load, ${label}`, value: heap, unit: 'MiB' });
  else notes.push('heap not measured: run with node --expose-gc (npm run bench does)');
  return { title, figures, notes };
}
export async function run(): Promise<Section[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'shiting-bench-index-'));
  const sections: Section[] = [];
  try {
    if (existsSync('seeds'))
      sections.push(
        await measure('real seeds', 'seeds', path.join(work, 'real.json'), { compile: 5, load: 5 }, 'real'),
      );
    for (const n of SIZES) {
      const seeds = path.join(work, `seeds-${n}`);
      writeSeeds(distinctNames(generate(n, RECORD_SEED)), seeds);
      const label = `synthetic ${n.toLocaleString('en-US')}`;
      sections.push(
        await measure(
          label,
          seeds,
          path.join(work, `index-${n}.json`),
          { compile: n >= 100_000 ? 1 : 3, load: 3 },
          String(n),
        ),
      );
      rmSync(seeds, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return sections;
}
