// The real `shiting start` process never lingers looking alive: a gateway Discord closed for good ends it with a
// reason and a non-zero exit, and a bot whose npm parent is gone shuts itself down. A gateway closed for good
// runs `start` in this process (test/support/in-process.ts), through the same entry point; the process's own
// signals, its npm parent, a shard manager and a Discord that went away are tried on the real process.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { shitingInProcess, startInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';
import { removeTempDirs, type Spawned, spawnShiting as shiting, startEnv, tempDir } from './helpers';

let fake: FakeDiscord | undefined;
const children: ChildProcess[] = [];
/** Process groups of `npm start` runs: npm, its shell and the bot. */
const groups: number[] = [];
/** Bots whose parent the test kills: should one outlive its parent after all, it is killed here. */
const orphans: number[] = [];

afterEach(async () => {
  // A failed assertion must not leave a bot running into the next test.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  // A negative pid is the whole process group of an `npm start`.
  for (const pid of [...orphans.splice(0), ...groups.splice(0).map((group) => -group)]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  await fake?.close();
  fake = undefined;
});
afterAll(removeTempDirs);

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One index for the whole file, read by every bot. */
const INDEX = path.join(tempDir('shiting-life-index-'), 'index.json');
beforeAll(() => writeFileSync(INDEX, shippedIndexJson()));

function env(discord: FakeDiscord): Record<string, string> {
  return { ...startEnv(discord, tempDir('shiting-life-')), SHITING_INDEX: INDEX };
}

/** Resolves when the process has logged a line with this `msg` (read from its stdout as it arrives). */
function logged(child: ChildProcess, msg: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk;
      if (!seen.includes(`"msg":"${msg}"`)) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
  });
}

function started(discord: FakeDiscord): Spawned {
  const bot = shiting(['start'], env(discord));
  children.push(bot.child);
  return bot;
}

describe('a gateway Discord closes for good', () => {
  it('4004 on a live session: the process says DISCORD_TOKEN and exits 1; a recoverable close it survives', async () => {
    fake = await startFakeDiscord();
    const bot = startInProcess([], env(fake));
    await bot.logged('digest scheduler started');
    // 4000 (unknown error) is one discord.js resumes from: the bot keeps serving.
    const resumed = bot.logged('gateway session resumed');
    await fake.closeGateway(4000);
    await resumed;
    expect((await fake.sendCommand({ name: 'about' })).data.embeds?.[0]?.title).toBe('About Shiting');

    await fake.closeGateway(4004, 'Authentication failed.');
    const { code, stdout, stderr } = await bot.exit;
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^shiting start: Discord closed the gateway connection \(4004 Authentication failed\)/,
      ),
    ]);
    expect(stderr).toContain('DISCORD_TOKEN');
    expect(stdout).toContain('"msg":"stopped"');
    expect(stdout + stderr).not.toMatch(STACK_LINE);
    expect(stdout + stderr).not.toContain(fake.token);
  });

  it.each([4010, 4011, 4012, 4013, 4014])(
    '%i on a live session ends the process with exit 1',
    async (closeCode) => {
      fake = await startFakeDiscord();
      const bot = startInProcess([], env(fake));
      await bot.logged('digest scheduler started');
      await fake.closeGateway(closeCode);
      const { code, stderr } = await bot.exit;
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(`^shiting start: Discord closed the gateway connection \\(${closeCode} `),
      );
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    },
  );

  it('4004 at login (REST still accepts the token): exit 1 with one line naming DISCORD_TOKEN', async () => {
    fake = await startFakeDiscord({ closeOnIdentify: 4004 });
    // Refused before the bot serves: `start` runs in this process.
    const { code, stdout, stderr } = await shitingInProcess(['start'], env(fake));
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^shiting start: Discord closed the gateway at login \(4004 Authentication failed\)/,
      ),
    ]);
    expect(stderr).toContain('DISCORD_TOKEN');
    expect(stdout + stderr).not.toMatch(STACK_LINE);
  });
});

describe('stopping while Discord is unreachable', () => {
  it('exits 0 on SIGTERM although discord.js is still trying to reconnect', async () => {
    fake = await startFakeDiscord();
    const bot = started(fake);
    await logged(bot.child, 'digest scheduler started');
    const reconnecting = logged(bot.child, 'gateway reconnecting');
    await fake.close();
    fake = undefined;
    await reconnecting;
    bot.child.kill('SIGTERM');
    const { code, stdout } = await bot.exit;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});

/** `npm start` in the project, as a supervisor would run it (npm's own chatter and update check off). */
function npmStart(discord: FakeDiscord): Spawned {
  const home = tempDir('shiting-npm-home-');
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...env(discord),
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the bot can be found and, if the test fails, killed with it.
    detached: true,
  });
  groups.push(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  // 'close' waits for every holder of the pipes: npm, its shell and the bot (which inherited them) all gone.
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string; output: string }>(
    (resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, output: stdout + stderr })),
  );
  return { child, exit };
}

/** Whether `pid` still runs: a zombie (exited, not yet reaped by the init that adopted it) does not. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // No /proc: ask the kernel (a zombie then counts as running, so this waits for the reaper).
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Waits until `pid` no longer runs. Its pipes close a moment before it becomes a zombie, and an adopted process
 * gives no exit event to anyone but its new parent, so this looks until then; the timeout is only a backstop.
 */
async function gone(pid: number, timeoutMs = 20_000): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    if (!running(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !running(pid);
}

/**
 * The fake's open sessions once the closes in flight have reached it. A process seen gone (or its pipes closed)
 * may have closed its gateway socket an instant before, and the fake learns of it only when its event loop next
 * reads the socket: under load, after this test's own check. Looks a bounded number of times, then answers.
 */
async function sessionsLeft(discord: FakeDiscord): Promise<number> {
  for (let i = 0; i < 100 && discord.sessions > 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return discord.sessions;
}

/** The bot's pid, from the line it logs when it starts watching its parent. */
function watchingPid(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk;
      const match = /"pid":(\d+)[^\n]*"msg":"watching the parent process"/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
  });
}

describe('the bot under npm, when npm goes away', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'npm killed with %s: the bot notices, shuts down cleanly, and no bot is left',
    async (signal) => {
      fake = await startFakeDiscord();
      const npm = npmStart(fake);
      const ready = logged(npm.child, 'digest scheduler started');
      const botPid = await watchingPid(npm.child);
      orphans.push(botPid);
      await ready;
      expect(fake.sessions).toBe(1);
      npm.child.kill(signal);
      const { stdout } = await npm.exit;
      expect(stdout).toContain('"msg":"parent process gone; shutting down"');
      expect(stdout).toContain('"msg":"stopped"');
      expect(await gone(botPid)).toBe(true);
      expect(await sessionsLeft(fake)).toBe(0);
    },
  );
});

describe('a shard process whose manager is gone', () => {
  it('sees the IPC channel close, shuts down cleanly, and is not left running', async () => {
    fake = await startFakeDiscord();
    const manager = shiting(['start', '--shards', '1'], env(fake));
    children.push(manager.child);
    const shardPid = watchingPid(manager.child);
    await logged(manager.child, 'digest scheduler started');
    const pid = await shardPid;
    orphans.push(pid);
    expect(pid).not.toBe(manager.child.pid);
    // SIGKILL: the manager cannot forward anything; only the closed channel tells the shard.
    manager.child.kill('SIGKILL');
    const { stdout } = await manager.exit;
    expect(stdout).toContain('"msg":"parent process gone; shutting down"');
    expect(stdout).toContain('"msg":"stopped"');
    expect(await gone(pid)).toBe(true);
    expect(await sessionsLeft(fake)).toBe(0);
  });
});

describe('a shard whose gateway Discord closes for good', () => {
  it('stops the manager with exit 1 and the reason, instead of being respawned into the same close', async () => {
    fake = await startFakeDiscord();
    const manager = shiting(['start', '--shards', '1'], env(fake));
    children.push(manager.child);
    await logged(manager.child, 'digest scheduler started');
    await fake.closeGateway(4004, 'Authentication failed.');
    const { code, stdout, stderr } = await manager.exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^shiting start: shard 0: Discord closed the gateway connection \(4004 /m);
    expect(stderr).toContain('DISCORD_TOKEN');
    expect(stdout).toContain('"msg":"a shard lost its gateway for good; stopping every shard"');
    // Respawned, the shard would have identified again; it never did.
    expect(stdout).not.toContain('shard process exited; discord.js respawns it');
    expect(await sessionsLeft(fake)).toBe(0);
  });
});
