// The chart pool's worker thread. It registers tsx itself, as bin/shiting.mjs does for the main thread, so the
// TypeScript chart code loads in any process (the bot, tests, benchmarks) without flags on the worker.
import { register } from 'tsx/esm/api';

register();
const { renderChartTask } = await import('./task.ts');

export default renderChartTask;
