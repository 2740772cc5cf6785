// The build itself, shared by scripts/build.mjs and bin/shiting.mjs's rebuild of a stale dist/.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
/** What the build read, relative to the root: bin/shiting.mjs compares their times with the build's. */
export const MANIFEST = path.join(DIST, 'build.json');

/** Entry points: the console (every subcommand) and the chart worker thread. */
const ENTRIES = {
  main: 'src/console/main.ts',
  'chart-worker': 'src/render/chart/worker-entry.ts',
};

/** Chunks older than this that the new build does not use are removed (a running process may still load one). */
const KEEP_OLD_CHUNKS_MS = 60 * 60 * 1000;

function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

export async function build() {
  const started = Date.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies load from node_modules as usual; only Shiting's own code is bundled.
    packages: 'external',
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(DIST, { recursive: true });
  // Chunks first, entries last, each by rename: a process starting meanwhile sees the old build or the new one.
  const entryFiles = new Set(Object.keys(ENTRIES).flatMap((name) => [`${name}.mjs`, `${name}.mjs.map`]));
  const outputs = [...result.outputFiles].sort(
    (a, b) => Number(entryFiles.has(path.basename(a.path))) - Number(entryFiles.has(path.basename(b.path))),
  );
  for (const file of outputs) writeAtomically(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  writeAtomically(MANIFEST, `${JSON.stringify({ inputs }, null, 1)}\n`);
  const current = new Set(outputs.map((f) => path.basename(f.path)));
  for (const name of readdirSync(DIST)) {
    const file = path.join(DIST, name);
    if (!name.startsWith('chunk-') || current.has(name)) continue;
    if (Date.now() - statSync(file).mtimeMs > KEEP_OLD_CHUNKS_MS) rmSync(file, { force: true });
  }
  return { files: outputs.length, ms: Date.now() - started };
}

/** Whether a bundle is there to run at all. */
export function hasBuild() {
  try {
    return statSync(path.join(DIST, 'main.mjs')).isFile();
  } catch {
    return false;
  }
}

/** Whether dist/ is missing or older than any source it was built from (or a source was added to src/). */
export function isStale() {
  let builtAt;
  let inputs;
  try {
    builtAt = statSync(path.join(DIST, 'main.mjs')).mtimeMs;
    inputs = JSON.parse(readFileSync(MANIFEST, 'utf8')).inputs;
  } catch {
    return true;
  }
  for (const input of inputs) {
    try {
      if (statSync(path.join(ROOT, input)).mtimeMs > builtAt) return true;
    } catch {
      return true;
    }
  }
  return false;
}
