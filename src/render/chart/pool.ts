// Charts rendered in worker threads (piscina), so a 20–50 ms resvg render never holds up another interaction's
// reply. Whatever goes wrong with the pool costs speed, not the chart: the render falls back to this thread.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
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

export function createChartPool(options: ChartPoolOptions): ChartPool {
  const { logger } = options;
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  let pool: Piscina<ChartTask, ChartTaskResult> | undefined;
  try {
    pool = new Piscina({
      filename: fileURLToPath(options.worker ?? new URL('./worker.mjs', import.meta.url)),
      // Started now, so the first chart does not wait for a worker to load tsx, resvg and the chart code.
      minThreads: threads,
      maxThreads: threads,
      workerData: options.workerData,
    });
    // Without a listener an 'error' event would throw in the pool's own code. A dropped pool's workers may
    // still report their end; that is not news.
    const started = pool;
    started.on('error', (error: unknown) => {
      if (pool === started) logger.error({ err: error }, 'chart worker error');
    });
  } catch (error) {
    logger.error({ err: error }, 'chart worker pool could not start; charts render on the main thread');
  }
  async function drop(): Promise<void> {
    const old = pool;
    pool = undefined;
    await old?.destroy();
  }

  return {
    async render(spec: ChartSpec, locale: Locale) {
      const current = pool;
      if (!current) return chartFiles(spec, locale);
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
          logger.error(
            { err: error },
            'chart worker pool failed; charts render on the main thread from now on',
          );
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
