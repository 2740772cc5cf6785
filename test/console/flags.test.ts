// One behaviour for every subcommand's flags: an unknown flag or a missing value is one line naming it, then the
// usage with the list of flags, exit 2; --help prints that usage on stdout and exits 0.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFlags } from '../../src/console/flags';
import { main } from '../../src/console/main';

const BIN = fileURLToPath(new URL('../../bin/shiting.mjs', import.meta.url));

/** Each subcommand as typed, and one of its flags that takes a value, with that value's placeholder. */
const SUBCOMMANDS = [
  { command: ['compile'], valued: '--seeds', placeholder: 'DIR' },
  { command: ['ask'], valued: '--index', placeholder: 'FILE' },
  { command: ['complete'], valued: '--now', placeholder: 'ISO-TIME' },
  { command: ['digest', 'preview'], valued: '--date', placeholder: 'YYYY-MM-DD|MM-DD' },
  { command: ['deploy'], valued: '--guild', placeholder: 'ID' },
  { command: ['start'], valued: '--shards', placeholder: 'auto|N' },
  { command: ['worker'], valued: '--index', placeholder: 'FILE' },
] as const;

async function shiting(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join(''), err: err.join('') };
}

describe.each(SUBCOMMANDS)('shiting $command.0', ({ command, valued, placeholder }) => {
  afterEach(() => vi.restoreAllMocks());
  const name = command[0];
  const usageLine = `usage: shiting ${command.join(' ')} [`;

  it('--help and -h print the usage with the list of flags and exit 0', async () => {
    for (const help of ['--help', '-h']) {
      const { code, out, err } = await shiting([...command, help]);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out.startsWith(usageLine)).toBe(true);
      expect(out).toContain(`\n  ${valued} ${placeholder} `);
      expect(out).toMatch(/^ {2}-h, --help +print this help$/m);
    }
  });

  it('an unknown flag: one line naming it, the usage, exit 2', async () => {
    const { code, out, err } = await shiting([...command, '--frobnicate']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n\n')[0]).toBe(`shiting ${name}: unknown flag --frobnicate`);
    expect(err).toContain(`\n\n${usageLine}`);
    expect(err).toContain(`\n  ${valued} ${placeholder} `);
  });

  it('a flag without its value: one line naming it and what it takes, the usage, exit 2', async () => {
    for (const argv of [[valued], [`${valued}=`], [valued, '--help-me']]) {
      const { code, out, err } = await shiting([...command, ...argv]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n\n')[0]).toBe(`shiting ${name}: ${valued} needs a value: ${placeholder}`);
      expect(err).toContain(`\n\n${usageLine}`);
    }
  });

  it('--help wins over a mistake beside it', async () => {
    const { code, out } = await shiting([...command, '--frobnicate', '--help']);
    expect(code).toBe(0);
    expect(out.startsWith(usageLine)).toBe(true);
  });
});

describe('readFlags', () => {
  const flags = { index: { value: 'FILE', about: 'i' }, json: { about: 'j' } } as const;

  it('reads --name value, --name=value and switches, in any order around the operands', () => {
    expect(readFlags(flags, ['a', '--index', 'x.json', '--json'], 1)).toEqual({
      ok: true,
      help: false,
      values: { index: 'x.json', json: true },
      operands: ['a'],
    });
    expect(readFlags(flags, ['--index=-odd-name.json'])).toMatchObject({
      values: { index: '-odd-name.json' },
    });
    // `-` alone (standard input) and anything after `--` are operands.
    expect(readFlags(flags, ['-', '--', '--json'], 2)).toMatchObject({
      operands: ['-', '--json'],
      values: {},
    });
  });

  it('refuses a value given to a switch and more operands than the command takes', () => {
    expect(readFlags(flags, ['--json=yes'])).toEqual({ ok: false, message: '--json takes no value' });
    expect(readFlags(flags, ['seeds'])).toEqual({ ok: false, message: 'unexpected argument "seeds"' });
    expect(readFlags(flags, ['-x'])).toEqual({ ok: false, message: 'unknown flag -x' });
  });
});

describe('the real process', () => {
  it('exits 2 with the line and the usage on stderr, nothing on stdout', () => {
    const run = spawnSync(process.execPath, [BIN, 'ask', '--frobnicate', '/about'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^shiting ask: unknown flag --frobnicate\n\nusage: shiting ask \[--json\]/);
  });
});
