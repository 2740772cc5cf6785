#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx shiting` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/console/main.ts');
process.exitCode = await main(process.argv.slice(2));
