// The real seeds compiled into a temporary index for one test file, and removed after it: the set-up that
// the console's test files all need. The compilation itself (about half a second) runs once per test worker:
// files share their worker's modules (vitest.config.ts, isolate: false), so later files reuse the JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type CompileResult, compileSeeds } from '../../src/knowledge/compile';
import { SHIPPED_SEEDS } from '../../src/knowledge/open';

type Compiled = Extract<CompileResult, { ok: true }>;

let shipped: Compiled | undefined;

/** The shipped seeds compiled, once per test worker; callers must not change what it holds. */
export function shippedCompiled(): Compiled {
  if (shipped === undefined) {
    const result = compileSeeds(SHIPPED_SEEDS);
    if (!result.ok) throw new Error(`seeds do not compile: ${JSON.stringify(result.errors.slice(0, 3))}`);
    shipped = result;
  }
  return shipped;
}

/** The shipped seeds' index as `npx shiting compile` writes it, compiled on first use. */
export function shippedIndexJson(): string {
  return shippedCompiled().json;
}

export interface RealIndex {
  /** The temporary folder, for files a test writes beside the index. */
  readonly dir: string;
  /** The compiled index file. */
  readonly index: string;
}

/** Call at the top of a test file: the index exists from beforeAll on. */
export function realIndex(prefix: string): RealIndex {
  const real = { dir: '', index: '' };
  beforeAll(() => {
    real.dir = mkdtempSync(path.join(tmpdir(), prefix));
    real.index = path.join(real.dir, 'index.json');
    writeFileSync(real.index, shippedIndexJson());
  });
  afterAll(() => rmSync(real.dir, { recursive: true, force: true }));
  return real;
}
