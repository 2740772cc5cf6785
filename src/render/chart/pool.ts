// Charts rendered in worker threads (piscina), so a 20–50 ms resvg render never holds up another interaction's
// reply. Whatever goes wrong with the pool costs speed, not the chart: the render falls back to this thread.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { Locale } from '../../locale';
import type { Logger } from '../../logger';
import { type ChartRenderer, type ChartSpec, chartAttachment, chartFiles } from './files';
import { ChartFontError } from './fonts';
import type { ChartTask, ChartTaskResult } from './task';

export interface ChartPoolOptions {
  logger: Logger;
  /** Worker threads; by default one per core but the one the gateway and the handlers use, at least one. */
  threads?: number;
  /** The worker module; tests give one that wraps ./worker.mjs. */
  worker?: URL;
  /** Handed to each worker as piscina's `workerData`. */
  workerData?: unknown;
}

export interface ChartPool extends ChartRenderer {
  /** Ends the worker threads; later renders happen on this thread. */
  destroy(): Promise<void>;
}

/**
 * A render still unfinished after this long (waiting in the queue included) is drawn on this thread instead:
 * the last resort against a worker that never answers. Far above a burst's queue, so it never drops real work.
 */
const RENDER_TIMEOUT_MS = 30_000;

const POOL_FAILED = 'chart worker pool failed; charts render on the main thread from now on';

/** How long a worker thread with nothing to draw stays up. */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The worker module. From the sources (this file is ./pool.ts under tsx) it is ./worker.mjs, which registers tsx
 * in its thread; in the build this code is bundled into dist/, beside the worker's own entry point,
 * dist/chart-worker.mjs (scripts/build-lib.mjs builds it from ./worker-entry.ts).
 */
function defaultWorker(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker.mjs', import.meta.url)
    : new URL('./chart-worker.mjs', import.meta.url);
}

type Pool = Piscina<ChartTask, ChartTaskResult>;

export function createChartPool(options: ChartPoolOptions): ChartPool {
  const { logger } = options;
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  let pool: Pool | undefined;
  /** Set once the pool is dropped (it failed, or destroy was called): from then on charts draw on this thread. */
  let dropped = false;
  let starting: Promise<Pool | undefined> | undefined;

  /**
   * Nothing of the pool exists before the first chart: piscina itself is imported then (loading it costs the
   * bot several MiB resident), and its threads start as renders need them and end after a minute idle, so a
   * bot that draws no chart keeps no threads (each costs its own V8, resvg and font). The first chart after a
   * quiet spell waits for a worker to load (~100–300 ms), far inside Discord's 3 s.
   */
  function started(): Promise<Pool | undefined> {
    starting ??= import('piscina').then(
      ({ Piscina }) => {
        if (dropped) return undefined;
        const created: Pool = new Piscina({
          filename: fileURLToPath(options.worker ?? defaultWorker()),
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: IDLE_TIMEOUT_MS,
          workerData: options.workerData,
        });
        // Without a listener an 'error' event would throw in the pool's own code. piscina emits it for a
        // worker that failed holding no task: one that cannot load, started (threads start lazily) while the
        // render that asked for it still waits in the pool's queue, where piscina would leave it unsettled. So
        // the pool is dropped as at a failed render: destroying it rejects the queued renders, which then draw
        // on this thread. A dropped pool's workers may still report their end; that is not news.
        created.on('error', (error: unknown) => {
          if (pool !== created) return;
          logger.error({ err: error }, POOL_FAILED);
          void drop();
        });
        pool = created;
        return created;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'chart worker pool could not start; charts render on the main thread');
        dropped = true;
        return undefined;
      },
    );
    return starting;
  }

  async function drop(): Promise<void> {
    dropped = true;
    // A pool still being created is seen (and dropped) once it is.
    await starting;
    const old = pool;
    pool = undefined;
    await old?.destroy();
  }

  return {
    async render(spec: ChartSpec, locale: Locale) {
      const current = dropped ? undefined : (pool ?? (await started()));
      if (!current || dropped) return chartFiles(spec, locale);
      let result: ChartTaskResult;
      try {
        result = await current.run({ spec, locale }, { signal: AbortSignal.timeout(RENDER_TIMEOUT_MS) });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') {
          logger.warn({ err: error }, 'chart render timed out in the pool; drawing it on the main thread');
          return chartFiles(spec, locale);
        }
        // A worker that cannot load or crashed: piscina would keep replacing it, and tasks sent to a pool
        // whose workers cannot load are never settled, so the pool is dropped at the first failure.
        if (pool === current) {
          logger.error({ err: error }, POOL_FAILED);
          await drop();
        }
        return chartFiles(spec, locale);
      }
      if (result.status === 'font-error') throw new ChartFontError(result.message);
      if (result.status === 'no-chart') return undefined;
      // A file that crossed threads arrives as a plain Uint8Array, which is what a ReplyFile holds.
      return chartAttachment(result.file);
    },
    destroy: drop,
  };
}
