// Every subcommand's `--flags`, read one way over util.parseArgs: unknown flags, missing values and --help get the
// same words and exit codes everywhere (2 with the usage on stderr; --help prints it on stdout and exits 0).
import { parseArgs } from 'node:util';

export interface Flag {
  /** The value's placeholder in the usage (`FILE`, `auto|N`); absent for a switch such as `--json`. */
  value?: string;
  about: string;
}

export type FlagSpecs = Readonly<Record<string, Flag>>;

/** `--name value` gives a string, a switch gives true; absent flags are undefined. */
export type FlagValues<F extends FlagSpecs> = {
  [K in keyof F]?: NonNullable<F[K]> extends { value: string } ? string : true;
};

export interface Usage<F extends FlagSpecs = FlagSpecs> {
  /** As typed after `shiting`: `ask`, `digest preview`. */
  command: string;
  flags: F;
  /** What follows the flags in the usage line, such as `"/command option:value"`. */
  operands?: string;
  /** Text after the list of flags. */
  notes?: string;
}

export type ReadResult<F extends FlagSpecs> =
  | { ok: true; help: boolean; values: FlagValues<F>; operands: string[] }
  | { ok: false; message: string };

const fail = (message: string) => ({ ok: false, message }) as const;

/**
 * Reads `argv` against `flags` without printing: `--name value` or `--name=value`, switches, `--help`/`-h`
 * anywhere, and at most `maxOperands` other arguments (`-` alone is one; so is everything after `--`).
 */
export function readFlags<F extends FlagSpecs>(
  flags: F,
  argv: readonly string[],
  maxOperands = 0,
): ReadResult<F> {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, { type: flag.value ? 'string' : 'boolean' } as const]),
  );
  // Not strict: parseArgs's own errors are long and differ by case; the tokens let every case be worded here.
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | true> = {};
  const operands: string[] = [];
  let help = false;
  // The first mistake is reported, but only after every token is seen: --help anywhere wins over it.
  let mistake: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (operands.length >= maxOperands) mistake ??= `unexpected argument "${token.value}"`;
      else operands.push(token.value);
      continue;
    }
    const flag = token.name === 'help' ? undefined : flags[token.name];
    if (token.name === 'help') help = true;
    else if (!flag) mistake ??= `unknown flag ${token.rawName}`;
    else if (!flag.value) {
      if (token.inlineValue) mistake ??= `${token.rawName} takes no value`;
      else values[token.name] = true;
    } else {
      const value = token.value;
      // `--index --json` is a forgotten value, not a file named "--json" (parseArgs's strict mode says the same).
      const missing = !value || (!token.inlineValue && value.startsWith('-') && value !== '-');
      if (missing) mistake ??= `${token.rawName} needs a value: ${flag.value}`;
      else values[token.name] = value;
    }
  }
  if (help) return { ok: true, help, values: {}, operands: [] };
  if (mistake) return fail(mistake);
  return { ok: true, help, values: values as FlagValues<F>, operands };
}

function usageText(usage: Usage): string {
  const entries = Object.entries(usage.flags).map(([name, flag]) => ({
    shown: `--${name}${flag.value ? ` ${flag.value}` : ''}`,
    about: flag.about,
  }));
  const synopsis = [`usage: shiting ${usage.command}`, ...entries.map((e) => `[${e.shown}]`)];
  if (usage.operands) synopsis.push(usage.operands);
  const rows = [...entries, { shown: '-h, --help', about: 'print this help' }];
  const width = Math.max(...rows.map((r) => r.shown.length)) + 2;
  const list = rows.map(
    (r) => `  ${r.shown.padEnd(width)}${r.about.replaceAll('\n', `\n  ${' '.repeat(width)}`)}`,
  );
  return `${synopsis.join(' ')}\n\nflags:\n${list.join('\n')}\n${usage.notes ? `\n${usage.notes.trimEnd()}\n` : ''}`;
}

/** A mistake in the command line: one line naming it, then the usage, on stderr. Returns the exit code, 2. */
export function usageError(usage: Usage, message: string): 2 {
  const command = usage.command.split(' ')[0];
  process.stderr.write(`shiting ${command}: ${message}\n\n${usageText(usage)}`);
  return 2;
}

/** Prints the usage for --help. Returns the exit code, 0. */
export function printHelp(usage: Usage): 0 {
  process.stdout.write(usageText(usage));
  return 0;
}

/** readFlags, then the help or the mistake printed: `exit` is set when the command should stop there. */
export function parseFlags<F extends FlagSpecs>(
  usage: Usage<F>,
  argv: readonly string[],
  maxOperands = 0,
): { values: FlagValues<F>; operands: string[] } | { exit: 0 | 2 } {
  const result = readFlags(usage.flags, argv, maxOperands);
  if (!result.ok) return { exit: usageError(usage, result.message) };
  if (result.help) return { exit: printHelp(usage) };
  return { values: result.values, operands: result.operands };
}
