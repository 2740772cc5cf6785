// The production build: what `npm ci` (prepare) and bin/shiting.mjs's stale check produce, run with plain node.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build script, with no type declarations of its own.
import { build, DIST, isStale, MANIFEST, ROOT } from '../../scripts/build-lib.mjs';

describe('the production build', () => {
  it('bundles the console and the chart worker, lists its sources, and is fresh right after', async () => {
    await build();
    expect(isStale()).toBe(false);
    const files = readdirSync(DIST);
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'chart-worker.mjs', 'build.json']));
    const inputs: string[] = JSON.parse(readFileSync(MANIFEST, 'utf8')).inputs;
    expect(inputs).toEqual(expect.arrayContaining(['src/console/main.ts', 'src/render/chart/task.ts']));
    // Plain node in production: nothing in the bundle loads the TypeScript loader.
    for (const file of files.filter((f) => f.endsWith('.mjs')))
      expect(readFileSync(path.join(DIST, file), 'utf8'), file).not.toMatch(/from ["']tsx/);
  });

  it('is stale once a source it was built from is newer, and fresh again when it is not', () => {
    const source = path.join(ROOT, 'src/console/main.ts');
    const before = statSync(source);
    const builtAt = statSync(path.join(DIST, 'main.mjs')).mtime;
    try {
      utimesSync(source, before.atime, new Date(builtAt.getTime() + 60_000));
      expect(isStale()).toBe(true);
    } finally {
      utimesSync(source, before.atime, before.mtime);
    }
    expect(isStale()).toBe(false);
  });

  it('runs with plain node, no loader flags: the bundle answers a command line by itself', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(path.join(DIST, 'main.mjs'))}); process.exitCode = await main(['ask', '--json', '/about']);`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).embeds[0].title).toBe('About Shiting');
  });
});
