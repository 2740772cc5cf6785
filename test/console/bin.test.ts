// bin/shiting.mjs as a user meets it: whatever goes wrong, one line on stderr and exit 1, never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config';

const BIN = fileURLToPath(new URL('../../bin/shiting.mjs', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-bin-'));
  mkdirSync(path.join(dir, '.env'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shiting(args: string[], nodeArgs: string[] = []) {
  const env = { PATH: process.env.PATH ?? '' };
  const run = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd: dir, env, encoding: 'utf8' });
  return { code: run.status, err: run.stderr };
}

describe('a .env that cannot be read', () => {
  it('is a ConfigError naming the file', () => {
    expect(() => readConfig(path.join(dir, '.env'))).toThrow(ConfigError);
    expect(() => readConfig(path.join(dir, '.env'))).toThrow(/cannot read .*\.env: it is a directory/);
  });

  it.each(['deploy', 'start'])('makes `shiting %s` say so and exit 1, without a stack trace', (command) => {
    const { code, err } = shiting([command]);
    expect(code).toBe(1);
    expect(err).toContain('cannot read .env: it is a directory, not a file');
    expect(err).not.toMatch(/^\s+at /m);
  });
});

describe('an error nothing else caught', () => {
  it('prints `shiting: <message>` alone and exits 1', () => {
    // Writing the usage fails, so `main` itself throws.
    const failing = 'data:text/javascript,process.stdout.write=()=>{throw new Error("stdout is gone")}';
    const { code, err } = shiting(['--help'], ['--import', failing]);
    expect(code).toBe(1);
    expect(err).toBe('shiting: stdout is gone\n');
  });
});
