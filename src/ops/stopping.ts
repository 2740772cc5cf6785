// How the long-running commands (start, serve, worker, rest-proxy) stop: on SIGINT or SIGTERM they close what
// they opened, log it, and exit.
import type { Logger } from '../logger';

/**
 * The first SIGINT or SIGTERM. A second one while stopping exits at once (130, 143) when `secondMeansNow`, as a
 * person pressing Ctrl-C twice expects; otherwise it is still handled (not the default, which kills mid-drain).
 */
export function waitForSignal(secondMeansNow = true): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.on('SIGINT', () => secondMeansNow && process.exit(130));
      process.on('SIGTERM', () => secondMeansNow && process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

// The last step once everything is closed: a library's timer (@discordjs/ws keeps a 500 ms reconnect timer after
// client.destroy(), a pool's idle timer) must not keep a stopped process alive until a supervisor kills it. The
// process exits once the rest drains, or after a moment at most (unref'd, so it never delays a clean exit).
export const afterStop = {
  /** A seam: tests that run a command inside their own process, which must go on, replace it. */
  exit(): void {
    setTimeout(() => process.exit(), 2000).unref();
  },
};

/** Waits for `signal`, then closes with `close`, logging both; the exit code, 0. */
export async function stopOnSignal(
  signal: Promise<NodeJS.Signals>,
  logger: Logger,
  close: () => Promise<void>,
): Promise<number> {
  logger.info({ signal: await signal }, 'shutting down');
  await close();
  logger.info('stopped');
  afterStop.exit();
  return 0;
}
