#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx shiting` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
try {
  const { main } = await import('../src/console/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // The last line of defence: a person at a terminal gets one line, never a stack trace.
  process.stderr.write(`shiting: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
