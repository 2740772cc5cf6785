// The chart pool's worker thread in the build: scripts/build-lib.mjs bundles this into dist/chart-worker.mjs,
// beside the bot's code that starts it (./pool.ts). From the sources the worker is ./worker.mjs instead.
export { renderChartTask as default } from './task';
