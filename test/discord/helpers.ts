// Shared by the Discord tests: a logger whose lines can be read back, and stand-in knowledge.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../../commands/types';
import { createLogger, type Logger } from '../../src/logger';
import type { FakeDiscord } from '../fake-discord';

export interface CapturedLogger {
  logger: Logger;
  lines: string[];
  records(): Record<string, unknown>[];
}

export function captureLogger(level = 'debug', secrets: string[] = []): CapturedLogger {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level, secrets, destination });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Test commands do not read the knowledge; the runtime only passes it through. */
export const NO_KNOWLEDGE = {} as Knowledge;

const BIN = fileURLToPath(new URL('../../bin/shiting.mjs', import.meta.url));

export interface Spawned {
  child: ChildProcess;
  /** Resolves when the process has exited; `output` is stdout and stderr interleaved as they arrived. */
  exit: Promise<{ code: number | null; stdout: string; stderr: string; output: string }>;
}

/**
 * `node bin/shiting.mjs ARGS` in an empty working directory with exactly `env`, as a user would run it.
 * `prefix` runs it under another command (`['unshare', '-rm', …]`), which gets node's path and the rest.
 */
export function spawnShiting(args: string[], env: Record<string, string>, prefix: string[] = []): Spawned {
  const cwd = mkdtempSync(path.join(tmpdir(), 'shiting-process-'));
  const [command, ...before] = [...prefix, process.execPath];
  const child = spawn(command!, [...before, BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
    output += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
    output += d;
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string; output: string }>(
    (resolve) =>
      child.on('close', (code) => {
        rmSync(cwd, { recursive: true, force: true });
        resolve({ code, stdout, stderr, output });
      }),
  );
  return { child, exit };
}

const tempDirs: string[] = [];

/** A fresh directory under the system temp dir, removed by `removeTempDirs` (call it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The environment of `shiting start` against the fake Discord, with its index and database in `dir`. */
export function startEnv(fake: FakeDiscord, dir: string): Record<string, string> {
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    SHITING_INDEX: path.join(dir, 'index.json'),
    SHITING_DB: path.join(dir, 'shiting.db'),
    LOG_LEVEL: 'info',
  };
}
