// Entry of the HTTP benchmark's serve replicas, one worker thread each: tsx registered first (a worker does not
// inherit the main thread's loader on Node 20), then the TypeScript replica.
import { register } from 'tsx/esm/api';

register();
await import('./serve-replica.ts');
