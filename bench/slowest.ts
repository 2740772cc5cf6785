// The slowest queries of the 10k lookup mix (search and complete), each query's best of 5: what to make cheaper.
// Run: node --expose-gc --import tsx bench/slowest.ts [size]
import { lookupFromTables } from '../src/search/lookup';
import { buildSearchTables, SearchTablesSchema } from '../src/search/tables';
import { questions, withSummaries } from './questions';
import { generate, queries } from './synthetic';

const size = Number(process.argv[2] ?? 10_000);
const records = withSummaries(generate(size, 42), 42);
const lookup = lookupFromTables(
  SearchTablesSchema.parse(JSON.parse(JSON.stringify(buildSearchTables(records)))),
);
const qs = [...queries(records, 7), ...questions(records, 7, 60)];
for (const q of queries(records, 99)) {
  lookup.search(q.text);
  lookup.complete(q.text);
}
(globalThis as { gc?: () => void }).gc?.();
const best = (fn: (t: string) => unknown) =>
  qs.map((q) => {
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      fn(q.text);
      min = Math.min(min, performance.now() - t0);
    }
    return { q, ms: min };
  });
for (const [name, fn] of [
  ['search', (t: string) => lookup.search(t)],
  ['complete', (t: string) => lookup.complete(t)],
] as const) {
  const times = best(fn).sort((a, b) => b.ms - a.ms);
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const p = (x: number) => sorted[Math.ceil((x / 100) * sorted.length) - 1]!.toFixed(2);
  console.log(`${name}: p50 ${p(50)} p99 ${p(99)} ms (best of 5, ${qs.length} queries)`);
  for (const t of times.slice(0, 10))
    console.log(`  ${t.ms.toFixed(2)} ms  ${t.q.kind}  ${JSON.stringify(t.q.text)}`);
}
