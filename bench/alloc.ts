// What the lookup bench's query mix allocates, measured by the heap rather than the clock (the machine is shared):
// bytes per query for search, resolve and complete, scavenges per 1,000 queries, and with --where the functions
// that allocate most (V8's sampling heap profiler).
// Run: node --expose-gc --import tsx bench/alloc.ts [size] [--where[=kind]] (WARM=rounds, PASSES=passes)
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { lookupFromTables } from '../src/search/lookup';
import { buildSearchTables, SearchTablesSchema } from '../src/search/tables';
import { questions, withSummaries } from './questions';
import { generate, queries } from './synthetic';

const args = process.argv.slice(2);
const size = Number(args.find((a) => !a.startsWith('-')) ?? 10_000);
// --where, or --where=typo1: the allocation profile over the whole mix, or over one kind of query.
const whereArg = args.find((a) => a.startsWith('--where'));
const where = whereArg !== undefined;
const whereKind = whereArg?.split('=')[1];
const records = withSummaries(generate(size, 42), 42);
const lookup = lookupFromTables(
  SearchTablesSchema.parse(JSON.parse(JSON.stringify(buildSearchTables(records)))),
);
const mix = [...queries(records, 7), ...questions(records, 7, 60)];
const qs = mix.map((q) => q.text);
const fns = {
  search: (t: string) => lookup.search(t),
  resolve: (t: string) => lookup.resolve(t),
  complete: (t: string) => lookup.complete(t),
} as const;
const WARM = Number(process.env.WARM ?? 3);
// Warm, as the bench is: JIT-compiled code allocates less than the interpreter, and postings decode on first use.
for (let r = 0; r < WARM; r++)
  for (const t of [...queries(records, 99).map((q) => q.text), ...qs]) {
    for (const fn of Object.values(fns)) fn(t);
  }
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const heapUsed = () => {
  let n = 0;
  for (const s of v8.getHeapSpaceStatistics()) n += s.space_used_size;
  return n;
};

/** The heap's growth over one call, retried when a collection shrank the heap meanwhile. */
function grownBy(fn: (t: string) => unknown, t: string): number {
  for (;;) {
    const before = heapUsed();
    fn(t);
    const grown = heapUsed() - before;
    if (grown >= 0) return grown;
  }
}

/** Bytes `fn(t)` allocates: the least growth of three calls (the heap's own bookkeeping only adds). */
function bytesOf(fn: (t: string) => unknown, t: string, overhead: number): number {
  return Math.min(grownBy(fn, t), grownBy(fn, t), grownBy(fn, t)) - overhead;
}

const overhead = Math.min(...Array.from({ length: 50 }, () => bytesOf(() => 0, '', 0)));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${size} records, ${qs.length} queries`);
for (const [name, fn] of Object.entries(fns)) {
  gc();
  const each = qs.map((t) => bytesOf(fn, t, overhead));
  const bytes = [...each].sort((a, b) => a - b);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const at = (p: number) => bytes[Math.ceil((p / 100) * bytes.length) - 1]!;
  const kinds = [...new Set(mix.map((q) => q.kind))].map(
    (kind) => `${kind} ${kb(mean(each.filter((_, i) => mix[i]!.kind === kind)))}`,
  );
  console.log(
    `${name}: mean ${kb(mean(bytes))}, p50 ${kb(at(50))}, p99 ${kb(at(99))}, max ${kb(at(100))} a query (${kinds.join(', ')})`,
  );
  const largest = each.map((b, i) => ({ b, q: mix[i]! })).sort((x, y) => y.b - x.b);
  for (const { b, q } of largest.slice(0, 3)) console.log(`  ${kb(b)}  ${q.kind}  ${JSON.stringify(q.text)}`);
}

// Scavenges over passes of the mix, one function at a time, as the bench times them.
const PASSES = Number(process.env.PASSES ?? 5);
let minor = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if ((e as { detail?: { kind?: number } }).detail?.kind === 1 /* NODE_PERFORMANCE_GC_MINOR */) minor++;
});
observer.observe({ entryTypes: ['gc'] });
for (const [name, fn] of Object.entries(fns)) {
  gc();
  await new Promise((r) => setTimeout(r, 10));
  minor = 0;
  for (let r = 0; r < PASSES; r++) for (const t of qs) fn(t);
  await new Promise((r) => setTimeout(r, 10));
  console.log(`${name}: ${((1000 * minor) / (PASSES * qs.length)).toFixed(1)} scavenges per 1,000 queries`);
}
observer.disconnect();

if (where) {
  // Where the bytes go: sampled allocations by function (self), over every function's pass of the mix.
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const profiled = mix.filter((q) => !whereKind || q.kind === whereKind).map((q) => q.text);
  for (const fn of Object.values(fns)) for (const t of profiled) fn(t);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  type Node = (typeof profile)['head'];
  const by = new Map<string, number>();
  const walk = (n: Node) => {
    const f = n.callFrame;
    const site = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
    by.set(site, (by.get(site) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(profile.head);
  const sum = [...by.values()].reduce((a, b) => a + b, 0);
  console.log(`\nsampled allocation by function (self), ${kb(sum / (3 * profiled.length))} a query:`);
  for (const [site, n] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${((100 * n) / sum).toFixed(1).padStart(5)} %  ${site}`);
  session.disconnect();
}
