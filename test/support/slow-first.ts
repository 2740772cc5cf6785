// Starts the files that wait longest first, so that the rest of the suite runs beside them instead of after.
// vitest orders by the durations cached from the last run, and on a clean clone (CI) by file size, which put
// the 28-second worker test near the end there. These files mostly wait: on Discord's 50 requests a second (the
// scale tests post 1,000 and 400 digests), on real processes and servers they start.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOW_FIRST = [
  // Rate-bound (Discord's 50 requests a second): mostly waiting, so the CPU-bound files below run beside them.
  'test/scale/workers.test.ts',
  'test/scale/shards.test.ts',
  'test/search/characterisation.test.ts',
  // Its records are generated and compiled while the file is collected, before its first test starts.
  'test/commands/long-data.test.ts',
  'test/discord/lifecycle.test.ts',
  'test/digest/database-url.test.ts',
  'test/knowledge/index-target.test.ts',
];

function rank(spec: TestSpecification): number {
  const at = SLOW_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return at === -1 ? SLOW_FIRST.length : at;
}

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
