// `shiting start` refusing to start: each local problem names its setting and path (never "could not reach
// Discord"), a database it cannot write is refused before login, and a person sees one line. A refusal ends
// before the bot serves, so these run `start` in this process (test/support/in-process.ts); the read-only file
// system needs a namespace of its own and runs the real process under `unshare`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/digest/store';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';
import { removeTempDirs, spawnShiting, startEnv, tempDir } from './helpers';

let fake: FakeDiscord | undefined;
const undo: (() => void)[] = [];

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const step of undo.splice(0)) step();
});
afterAll(removeTempDirs);

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** The environment against the fake Discord, with the index written once for the whole file. */
let sharedIndex: string | undefined;
async function env(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  fake ??= await startFakeDiscord();
  const dir = tempDir('shiting-fail-');
  if (sharedIndex === undefined) {
    sharedIndex = path.join(tempDir('shiting-fail-index-'), 'index.json');
    writeFileSync(sharedIndex, shippedIndexJson());
  }
  return { ...startEnv(fake, dir), SHITING_INDEX: sharedIndex, ...overrides };
}

/** `start` in this process, or as a real process under `prefix`. */
async function start(args: string[], environment: Record<string, string>, prefix?: string[]) {
  if (!prefix) return shitingInProcess(['start', ...args], environment);
  const bot = spawnShiting(['start', ...args], environment, prefix);
  // Should it start after all (the assertions fail), it must not outlive the test.
  undo.push(() => bot.child.exitCode === null && bot.child.kill('SIGKILL'));
  return bot.exit;
}

/** Runs `start` expecting a refusal: exit 1, one line on stderr, no stack anywhere, no Discord connection. */
async function refused(args: string[], environment: Record<string, string>, prefix?: string[]) {
  const run = await start(args, environment, prefix);
  expect(run.code).toBe(1);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  expect(run.stdout).not.toContain('could not start');
  expect(fake?.sessions ?? 0).toBe(0);
  return run.stderr.trim();
}

/** Makes `file` unwritable for the bot for real: immutable when root can set that, read-only mode otherwise. */
function makeUnwritable(file: string): boolean {
  if (process.getuid?.() !== 0) {
    execFileSync('chmod', ['a-w', file]);
    undo.push(() => execFileSync('chmod', ['u+w', file]));
    return true;
  }
  // Root writes through file modes; the immutable attribute (ext4, xfs, btrfs) stops root too.
  if (spawnSync('chattr', ['+i', file]).status !== 0) return false;
  undo.push(() => execFileSync('chattr', ['-i', file]));
  return true;
}

/** Whether this machine lets an unprivileged user namespace bind-mount a directory read-only. */
function canMountReadOnly(): boolean {
  const dir = tempDir('shiting-ro-probe-');
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', READ_ONLY_MOUNT, dir, 'true'], { encoding: 'utf8' });
  return probe.status === 0;
}
/** `sh -c` script: bind-mount $0 over itself read-only, then run the rest of the arguments. */
const READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"';

describe('a database Shiting cannot use', () => {
  it('under a regular file: names SHITING_DB and the path, not Discord', async () => {
    const dir = tempDir('shiting-fail-');
    writeFileSync(path.join(dir, 'notes'), 'not a directory');
    const db = path.join(dir, 'notes', 'shiting.db');
    const line = await refused([], await env({ SHITING_DB: db }));
    expect(line).toBe(
      `shiting start: SHITING_DB is ${db}: ${path.join(dir, 'notes')} is a file, not a directory.`,
    );
  });

  it('a directory whose parent does not exist: refused, and no directory is created', async () => {
    const dir = tempDir('shiting-fail-');
    const db = path.join(dir, 'no', 'such', 'dir', 'x.db');
    const line = await refused([], await env({ SHITING_DB: db }));
    expect(line).toContain(`SHITING_DB is ${db}: its directory ${path.dirname(db)} does not exist`);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
  });

  it('a directory given as the file: says so', async () => {
    const dir = tempDir('shiting-fail-');
    const line = await refused([], await env({ SHITING_DB: dir }));
    expect(line).toBe(`shiting start: SHITING_DB is ${dir}: it is a directory, not a file.`);
  });

  it('a file that is not a database: names SHITING_DB and leaves the file as it was', async () => {
    const dir = tempDir('shiting-fail-');
    const db = path.join(dir, 'notes.txt');
    const text = 'my notes, not a database\n'.repeat(200);
    writeFileSync(db, text);
    const line = await refused([], await env({ SHITING_DB: db }));
    expect(line).toMatch(
      new RegExp(`^shiting start: SHITING_DB is ${db}: the file is not an SQLite database`),
    );
    expect(readFileSync(db, 'utf8')).toBe(text);
  });

  it('an immutable database file: opens, but the write at start fails, so it refuses to start', async (ctx) => {
    const dir = tempDir('shiting-fail-');
    const db = path.join(dir, 'shiting.db');
    new SqliteDigestStore(db).close();
    if (!makeUnwritable(db)) ctx.skip();
    const line = await refused([], await env({ SHITING_DB: db }));
    expect(line).toMatch(new RegExp(`^shiting start: SHITING_DB is ${db}: the database cannot be written`));
  });

  it.skipIf(!canMountReadOnly())(
    'a database on a read-only file system (a read-only bind mount): refuses to start',
    async () => {
      const dir = tempDir('shiting-fail-');
      const db = path.join(dir, 'shiting.db');
      new SqliteDigestStore(db).close();
      const environment = await env({ SHITING_DB: db, PATH: process.env.PATH ?? '/usr/bin:/bin' });
      const line = await refused([], environment, ['unshare', '-rm', 'sh', '-c', READ_ONLY_MOUNT, dir]);
      expect(line).toMatch(new RegExp(`^shiting start: SHITING_DB is ${db}: `));
      expect(line).toMatch(/cannot (be written|open)/);
      expect(line).not.toContain('could not reach');
    },
  );

  it('logs the stack only at debug level', async () => {
    const dir = tempDir('shiting-fail-');
    const run = await start([], await env({ SHITING_DB: dir, LOG_LEVEL: 'debug' }));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`shiting start: SHITING_DB is ${dir}: it is a directory, not a file.`);
    const record = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; level: number; err?: { stack?: string } })
      .find((r) => r.msg === 'could not start');
    expect(record?.level).toBe(20);
    expect(record?.err?.stack).toContain('at ');
  });
});

describe('an index path Shiting cannot use', () => {
  it('--index /tmp (a directory): names SHITING_INDEX and --index, not Discord', async () => {
    const line = await refused(['--index', '/tmp'], await env());
    // The index guard (src/knowledge/index-target.ts) sees the folder before anything tries to read it.
    expect(line).toBe(
      'shiting start: SHITING_INDEX (or --index) names /tmp, which is a folder, not an index file; it was left as it was. Name a file, such as /tmp/index.json.',
    );
    expect(line).not.toMatch(/Discord|could not reach/);
  });
});

describe('a Discord that cannot be reached', () => {
  it('names DISCORD_API_URL’s address and the network error', async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const apiUrl = `http://127.0.0.1:${port}/api`;
    const dir = tempDir('shiting-fail-');
    mkdirSync(path.join(dir, 'db'));
    const line = await refused(
      [],
      await env({ DISCORD_API_URL: apiUrl, SHITING_DB: path.join(dir, 'db', 'shiting.db') }),
    );
    expect(line).toBe(`shiting start: could not reach ${apiUrl} (ECONNREFUSED).`);
  });
});
