// The bot of a burst benchmark, in a worker thread of its own: as in production, Discord (here the fake, on the
// benchmark's main thread) is not on the bot's event loop. Counts handler starts in shared memory, so the main
// thread can read how many had run when the first callback arrived.
import { parentPort, workerData } from 'node:worker_threads';
import { commands } from '../commands';
import { startBot } from '../src/discord/bot';
import { openKnowledge } from '../src/knowledge/open';
import { createLogger } from '../src/logger';

export interface BurstBotData {
  apiUrl: string;
  token: string;
  indexPath: string;
  queue: boolean;
  charts: boolean;
  /** Int32Array over a SharedArrayBuffer: slot 0 counts handler starts. */
  handled: SharedArrayBuffer;
}

const data = workerData as BurstBotData;
const handled = new Int32Array(data.handled);
const counted = commands.map((c) => ({
  ...c,
  handle: (...args: Parameters<typeof c.handle>) => {
    Atomics.add(handled, 0, 1);
    return c.handle(...args);
  },
}));
const bot = await startBot({
  token: data.token,
  apiUrl: data.apiUrl,
  commands: counted,
  knowledge: openKnowledge(data.indexPath),
  logger: createLogger({ level: 'error' }),
  queue: data.queue,
  ...(data.charts ? {} : { charts: false as const }),
});
parentPort?.on('message', async (message: string) => {
  if (message === 'idle') {
    await bot.router.idle();
    parentPort?.postMessage('idle');
  } else if (message === 'stop') {
    await bot.stop();
    parentPort?.close();
  }
});
parentPort?.postMessage('ready');
