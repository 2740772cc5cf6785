// The console's entry point (main) run in this process, as `node bin/shiting.mjs ARGS` would run it: the same
// arguments, environment, working directory and standard input, with stdout and stderr captured — the log lines
// pino writes straight to file descriptor 1 included. Spawning a process for each of the console's many cases
// cost about a second of CPU apiece on a 2-core machine; a few tests still spawn the real process (start, shards,
// the bot's lifecycle, test/console/bin.test.ts) for what only a process shows.
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/console/main';
import { afterStop } from '../../src/ops/stopping';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

type Write = typeof process.stdout.write;

/**
 * What `start` and the process guards add to the process and a real process would drop on exit: left behind in
 * the test worker, a SIGTERM listener would keep it from stopping and the guards would swallow its errors.
 */
const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'unhandledRejection', 'uncaughtException'];

/** process.listeners is typed per event; here any of PROCESS_EVENTS. */
function listenersOf(event: string): unknown[] {
  return process.listeners(event as NodeJS.Signals);
}

/**
 * Writes to file descriptors 1 and 2 through `fs` (pino's sonic-boom) go to `sink` while this runs, as they would
 * reach a spawned process's pipes. Returns the restore function.
 */
function captureDescriptors(sink: (fd: 1 | 2, text: string) => void): () => void {
  const { write, writeSync } = fs;
  const text = (data: unknown) =>
    typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString();
  const bytes = (data: unknown) =>
    typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2) return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    sink(fd, text(data));
    return bytes(data);
  }) as typeof fs.writeSync;
  fs.write = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1 && fd !== 2) return (write as (...a: unknown[]) => void)(fd, data, ...rest);
    sink(fd, text(data));
    const done = rest.at(-1) as (error: null, written: number) => void;
    process.nextTick(done, null, bytes(data));
  }) as typeof fs.write;
  return () => {
    fs.write = write;
    fs.writeSync = writeSync;
  };
}

/** Runs `main(args)` with `env` merged over this process's environment (or alone: `exactEnv`) and `input` as stdin. */
export async function runMain(
  args: string[],
  options: {
    env?: Record<string, string>;
    exactEnv?: boolean;
    input?: string;
    cwd?: string;
    /** Told the output so far after each write, while main runs (a bot's log lines as they come). */
    onOutput?: (output: string) => void;
  } = {},
): Promise<Ran & { output: string }> {
  let out = '';
  let err = '';
  let output = '';
  const saved = {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    listeners: PROCESS_EVENTS.map((event) => new Set<unknown>(listenersOf(event))),
  };
  const sink = (fd: 1 | 2, text: string) => {
    if (fd === 1) out += text;
    else err += text;
    output += text;
    options.onOutput?.(output);
  };
  process.env = options.exactEnv ? { ...options.env } : { ...process.env, ...options.env };
  if (options.cwd) process.chdir(options.cwd);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    sink(1, String(chunk));
    return true;
  }) as Write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    sink(2, String(chunk));
    return true;
  }) as Write;
  const restoreDescriptors = captureDescriptors(sink);
  if (options.input !== undefined)
    Object.defineProperty(process, 'stdin', { value: Readable.from([options.input]), configurable: true });
  try {
    const code = await main(args);
    return { code, out, err, output };
  } catch (error) {
    // What bin/shiting.mjs does with anything main throws.
    sink(2, `shiting: ${error instanceof Error ? error.message : String(error)}\n`);
    return { code: 1, out, err, output };
  } finally {
    // Log lines still queued in pino's stream are written on the next ticks: let them land here.
    await new Promise((resolve) => setImmediate(resolve));
    restoreDescriptors();
    process.env = saved.env;
    process.chdir(saved.cwd);
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    if (saved.stdin) Object.defineProperty(process, 'stdin', saved.stdin);
    PROCESS_EVENTS.forEach((event, i) => {
      for (const listener of listenersOf(event))
        if (!saved.listeners[i]?.has(listener)) process.off(event, listener as () => void);
    });
  }
}

export interface Exited {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they were written. */
  output: string;
}

/**
 * In-process twin of test/discord/helpers.ts spawnShiting: `shiting ARGS` in an empty working directory with
 * exactly `env`, as a user would run it. A command that served and stopped does not end this process (see
 * src/ops/stopping.ts). Signals, a parent process and a Discord that went away stay with the real
 * process: a signal would reach the test worker, and discord.js keeps retrying a gateway that is gone.
 */
export async function shitingInProcess(
  args: string[],
  env: Record<string, string>,
  onOutput?: (output: string) => void,
): Promise<Exited> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'shiting-in-process-'));
  const exit = afterStop.exit;
  afterStop.exit = () => {};
  try {
    const { code, out, err, output } = await runMain(args, { env, exactEnv: true, cwd, onOutput });
    return { code, stdout: out, stderr: err, output };
  } finally {
    afterStop.exit = exit;
    rmSync(cwd, { recursive: true, force: true });
  }
}

export interface Serving {
  /** Resolves when `start` has logged a line with this `msg`. */
  logged(msg: string): Promise<void>;
  exit: Promise<Exited>;
}

/** `shitingInProcess(['start', …])` left running: its log lines can be waited for while it serves. */
export function startInProcess(args: string[], env: Record<string, string>): Serving {
  const waiting: { text: string; resolve: () => void }[] = [];
  let seen = '';
  const exit = shitingInProcess(['start', ...args], env, (output) => {
    seen = output;
    for (const w of waiting.splice(0)) {
      if (output.includes(w.text)) w.resolve();
      else waiting.push(w);
    }
  });
  return {
    exit,
    logged: (msg) =>
      new Promise((resolve) => {
        const text = `"msg":"${msg}"`;
        if (seen.includes(text)) resolve();
        else waiting.push({ text, resolve });
      }),
  };
}
