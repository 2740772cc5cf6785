// One `shiting serve` replica of the HTTP benchmark, in a worker thread of its own: as in production, Discord (the
// fake, on the benchmark's main thread) and each replica are on event loops of their own. Posts its port when ready.
import { parentPort, workerData } from 'node:worker_threads';
import { parseConfig } from '../src/config';
import { startServe } from '../src/http/serve';
import { createLogger } from '../src/logger';

export interface ServeReplicaData {
  publicKey: string;
  apiUrl: string;
  indexPath: string;
  dbPath: string;
}

const data = workerData as ServeReplicaData;
const serving = await startServe({
  config: parseConfig(
    {
      DISCORD_PUBLIC_KEY: data.publicKey,
      DISCORD_API_URL: data.apiUrl,
      SHITING_INDEX: data.indexPath,
      SHITING_DB: data.dbPath,
      SHITING_HTTP_PORT: '0',
      SHITING_HTTP_HOST: '127.0.0.1',
    },
    { token: false },
  ),
  logger: createLogger({ level: 'error' }),
});
parentPort?.on('message', async (message: string) => {
  if (message === 'stop') {
    await serving.stop();
    parentPort?.close();
  }
});
parentPort?.postMessage({ port: serving.port });
