// A new user's first commands: `npm ci`, then `npx shiting ask "/about"` in a fresh working directory. ask,
// complete and digest preview compile the index from the shipped seeds when it is missing, as start does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSeeds } from '../../src/knowledge/compile';
import { SHIPPED_SEEDS } from '../../src/knowledge/open';
import { removeTempDirs, spawnShiting, tempDir } from '../discord/helpers';

afterAll(removeTempDirs);

const shipped = compileSeeds(SHIPPED_SEEDS);
if (!shipped.ok) throw new Error('the shipped seeds must compile');

describe('a missing index', () => {
  it('is compiled where SHITING_INDEX names it, by ask, complete and digest preview', async () => {
    const dir = tempDir('shiting-fresh-');
    const at = (name: string) => path.join(dir, name);
    const [ask, complete, digest] = await Promise.all([
      spawnShiting(['ask', '/about'], { SHITING_INDEX: at('ask.json') }).exit,
      spawnShiting(['complete', '/speaker query:liu'], { SHITING_INDEX: at('complete.json') }).exit,
      spawnShiting(['digest', 'preview', '--date', '03-28', '--json'], { SHITING_INDEX: at('digest.json') })
        .exit,
    ]);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toMatch(/^# About Shiting/);
    expect(ask.stderr).toBe(`shiting ask: compiled seeds/ into ${at('ask.json')}\n`);
    expect(complete.code).toBe(0);
    expect(JSON.parse(complete.stdout).length).toBeGreaterThan(0);
    expect(complete.stderr).toBe(`shiting complete: compiled seeds/ into ${at('complete.json')}\n`);
    expect(digest.code).toBe(0);
    expect(JSON.parse(digest.stdout).embeds).toHaveLength(1);
    expect(digest.stderr).toBe(`shiting digest: compiled seeds/ into ${at('digest.json')}\n`);
    for (const name of ['ask.json', 'complete.json', 'digest.json'])
      expect(readFileSync(at(name), 'utf8')).toBe(shipped.json);
  });

  it('is compiled at the default build/index.json of the working directory, then reused', async () => {
    const dir = tempDir('shiting-fresh-');
    // spawnShiting runs in an empty directory of its own; `cd` into ours so the default path can be checked.
    const script = `cd ${JSON.stringify(dir)} && "$@"`;
    const run = () => spawnShiting(['ask', '/about'], {}, ['sh', '-c', script, 'sh']).exit;
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
    const { code, stdout, stderr } = await spawnShiting(['ask', '--index', file, '/about'], {}).exit;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `shiting ask: --index names ${file}, but ${path.join(dir, 'no')} does not exist; nothing was written. Create the folder, run \`npx shiting compile --out ${file}\`, or point --index elsewhere.\n`,
    );
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });
});
