// The HTTP benchmark's round-robin proxy, in a worker thread of its own: a real load balancer does not share the
// event loop of Discord (the fake, on the main thread). Posts its URL when ready; 'stop' closes it.
import { parentPort, workerData } from 'node:worker_threads';
import { roundRobin } from '../test/fake-discord/http-mode';

export interface BalancerData {
  /** The replicas' base URLs. */
  backends: string[];
}

const balancer = await roundRobin((workerData as BalancerData).backends);
parentPort?.on('message', async (message: string) => {
  if (message === 'stop') {
    await balancer.close();
    parentPort?.close();
  }
});
parentPort?.postMessage({ url: balancer.url });
