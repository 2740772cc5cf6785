import { defineConfig } from 'vitest/config';
import SlowFirst from './test/support/slow-first';

/**
 * Files that change module-level state on purpose (the chart font cache, a missing font): they get fresh
 * modules. Every other file shares its worker's module cache with the files before it (isolate: false), which
 * saves re-importing discord.js, zod and the knowledge for each of ~80 files: about a third of the suite's time.
 */
const ISOLATED = ['test/chart/fonts.test.ts', 'test/commands/chart-font-missing.test.ts'];

export default defineConfig({
  test: {
    // The end-to-end suites start local servers; keep a generous ceiling for a loaded 2-core CI box.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three files at a time on two cores: much of the suite waits on the processes and servers it starts (the
    // slowest start first, test/support/slow-first.ts), so two left a core idle; four imported the modules once more
    // for little gain (measured here, idle: 3 workers 51–54 s and ~90 CPU-s, 4 workers 53–58 s and ~105 CPU-s).
    maxWorkers: 3,
    reporters: ['default', './test/support/summary-reporter.ts'],
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false },
      },
    ],
  },
});
