// The shipped seeds, compiled once per test worker: files share their worker's modules (vitest.config.ts,
// isolate: false), so later files reuse the result. No vitest import, so that scripts run by tsx can use it too.
import { writeFileSync } from 'node:fs';
import { type CompileResult, compileSeeds } from '../../src/knowledge/compile';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { knowledgeFromIndex } from '../../src/knowledge/load';
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

/**
 * Writes the shipped seeds' index to `file`, as `npx shiting compile --out` would: for tests of what runs on an
 * index (a bot, a worker), not of compiling it, so that each does not compile the seeds again.
 */
export function writeShippedIndex(file: string): void {
  writeFileSync(file, shippedIndexJson());
}

let shippedKb: KnowledgeBase | undefined;

/** The knowledge base of the shipped index, once per test worker; callers must not change what it holds. */
export function shippedKnowledgeBase(): KnowledgeBase {
  shippedKb ??= knowledgeFromIndex(shippedCompiled().index);
  return shippedKb;
}
