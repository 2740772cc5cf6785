// Entry of the HTTP benchmark's load balancer thread: tsx registered first (a worker does not inherit the main
// thread's loader on Node 20), then the TypeScript balancer.
import { register } from 'tsx/esm/api';

register();
await import('./balancer.ts');
