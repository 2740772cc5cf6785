#!/usr/bin/env node
// Runs the compiled bundle in dist/ with plain node. dist/ is built by `npm ci` (prepare) and rebuilt here when
// a source is newer than it, so an edited checkout never runs old code. SHITING_FROM_SOURCE=1 (`npm run dev`)
// runs the TypeScript sources through tsx instead, with no build.
const fromSource = process.env.SHITING_FROM_SOURCE === '1';

async function loadMain() {
  if (fromSource) {
    const { register } = await import('tsx/esm/api');
    register();
    return import('../src/console/main.ts');
  }
  const { build, isStale, hasBuild } = await import('../scripts/build-lib.mjs');
  if (isStale()) {
    try {
      await build();
    } catch (error) {
      // A read-only install, or esbuild missing: an older bundle still answers; say so rather than refuse.
      if (!hasBuild()) throw error;
      process.stderr.write(
        `shiting: could not rebuild dist/ (${error instanceof Error ? error.message : error}); running the existing build\n`,
      );
    }
  }
  return import('../dist/main.mjs');
}

try {
  const { main } = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // The last line of defence: a person at a terminal gets one line, never a stack trace.
  process.stderr.write(`shiting: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
