// Shared by every benchmark section: percentiles, medians over repeated runs, and the result shape.
export interface Figure {
  /** What was measured: "lookup p99, 10k records". */
  name: string;
  value: number;
  unit: string;
  /** The target, when the issue sets one, and whether it was met. */
  target?: { op: '<=' | '>='; value: number };
}

export interface Section {
  title: string;
  figures: Figure[];
  /** Anything a reader needs to interpret the figures. */
  notes?: string[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Latencies (ms) of `fn` over `inputs`, as p50/p99 of one pass. */
export function latencies<T>(inputs: readonly T[], fn: (input: T) => unknown): { p50: number; p99: number } {
  const times: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    fn(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Median of each field over `runs` repetitions of `measure`: the machine is noisy, medians hold. */
export async function medianOf<T extends Record<string, number>>(
  runs: number,
  measure: () => T | Promise<T>,
): Promise<T> {
  const samples: T[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  const first = samples[0]!;
  const out = {} as Record<string, number>;
  for (const key of Object.keys(first)) out[key] = median(samples.map((s) => s[key]!));
  return out as T;
}

export function met(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  return figure.target.op === '<='
    ? figure.value <= figure.target.value
    : figure.value >= figure.target.value;
}
