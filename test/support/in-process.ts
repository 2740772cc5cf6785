// The console's entry point (main) run in this process, as `node bin/shiting.mjs ARGS` would run it: the same
// arguments, environment, working directory and standard input, with stdout and stderr captured. Spawning a
// process for each of the console's many cases cost half a second apiece; a few tests still spawn the real
// process (test/console/bin.test.ts, fresh-index.test.ts) for what only a process shows.
import { Readable } from 'node:stream';
import { main } from '../../src/console/main';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

type Write = typeof process.stdout.write;

/** Runs `main(args)` with `env` merged over this process's environment and `input` as standard input. */
export async function runMain(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): Promise<Ran> {
  let out = '';
  let err = '';
  const saved = {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
  };
  process.env = { ...process.env, ...options.env };
  if (options.cwd) process.chdir(options.cwd);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as Write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  }) as Write;
  if (options.input !== undefined)
    Object.defineProperty(process, 'stdin', { value: Readable.from([options.input]), configurable: true });
  try {
    const code = await main(args);
    return { code, out, err };
  } catch (error) {
    // What bin/shiting.mjs does with anything main throws.
    err += `shiting: ${error instanceof Error ? error.message : String(error)}\n`;
    return { code: 1, out, err };
  } finally {
    process.env = saved.env;
    process.chdir(saved.cwd);
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    if (saved.stdin) Object.defineProperty(process, 'stdin', saved.stdin);
  }
}
