// The real seeds compiled into a temporary index for one test file, and removed after it: the set-up that
// the console's test files all need. The compilation itself (about half a second) runs once per test worker:
// files share their worker's modules (vitest.config.ts, isolate: false), so later files reuse the JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeShippedIndex } from './shipped';

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
    writeShippedIndex(real.index);
  });
  afterAll(() => rmSync(real.dir, { recursive: true, force: true }));
  return real;
}
