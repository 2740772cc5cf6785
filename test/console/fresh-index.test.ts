// A new user's first commands: `npm ci`, then `npx shiting ask "/about"` in a fresh working directory. ask,
// complete and digest preview compile the index from the shipped seeds when it is missing, as start does. Run in
// this process through the console's entry point (test/support/in-process.ts), in an empty working directory.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../discord/helpers';
import { runMain, shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';

afterAll(removeTempDirs);

const shipped = { json: shippedIndexJson() };

describe('a missing index', () => {
  it('is compiled where SHITING_INDEX names it, by ask, complete and digest preview', async () => {
    const dir = tempDir('shiting-fresh-');
    const at = (name: string) => path.join(dir, name);
    const ask = await shitingInProcess(['ask', '/about'], { SHITING_INDEX: at('ask.json') });
    const complete = await shitingInProcess(['complete', '/speaker query:liu'], {
      SHITING_INDEX: at('complete.json'),
    });
    const digest = await shitingInProcess(['digest', 'preview', '--date', '03-28', '--json'], {
      SHITING_INDEX: at('digest.json'),
    });
    expect(ask.code).toBe(0);
    expect(ask.stdout).toMatch(/^# About Shiting/);
    expect(ask.stderr).toBe(`shiting ask: compiled seeds/ into ${at('ask.json')}\n`);
    expect(complete.code).toBe(0);
    expect(JSON.parse(complete.stdout)).toEqual([
      { name: 'Liu Zhen', value: 'liu-zhen' },
      { name: 'Liu Hong', value: 'liu-hong' },
    ]);
    expect(complete.stderr).toBe(`shiting complete: compiled seeds/ into ${at('complete.json')}\n`);
    expect(digest.code).toBe(0);
    expect(JSON.parse(digest.stdout).embeds).toHaveLength(1);
    expect(digest.stderr).toBe(`shiting digest: compiled seeds/ into ${at('digest.json')}\n`);
    for (const name of ['ask.json', 'complete.json', 'digest.json'])
      expect(readFileSync(at(name), 'utf8')).toBe(shipped.json);
  });

  it('is compiled at the default build/index.json of the working directory, then reused', async () => {
    const dir = tempDir('shiting-fresh-');
    // In our directory, so that the default path can be checked.
    const run = async () => {
      const { code, out, err } = await runMain(['ask', '/about'], { env: {}, exactEnv: true, cwd: dir });
      return { code, stdout: out, stderr: err };
    };
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^# About Shiting/);
    expect(first.stderr).toBe('shiting ask: compiled seeds/ into build/index.json\n');
    expect(readFileSync(path.join(dir, 'build', 'index.json'), 'utf8')).toBe(shipped.json);
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
  });

  it('is not created in a folder that does not exist when --index names it', async () => {
    const dir = tempDir('shiting-fresh-');
    const file = path.join(dir, 'no', 'index.json');
    const { code, stdout, stderr } = await shitingInProcess(['ask', '--index', file, '/about'], {});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `shiting ask: --index names ${file}, but ${path.join(dir, 'no')} does not exist; nothing was written. Create the folder, run \`npx shiting compile --out ${file}\`, or point --index elsewhere.\n`,
    );
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });
});
