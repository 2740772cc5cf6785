// Entry of the burst benchmark's bot thread: tsx registered first (a worker does not inherit the main thread's
// loader on Node 20), then the TypeScript bot.
import { register } from 'tsx/esm/api';

register();
await import('./burst-bot.ts');
