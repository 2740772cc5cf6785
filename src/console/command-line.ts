// Parses a command line written as in Discord: `/name [subcommand] option:value option:value`.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { Command, Options } from '../../commands/types';
import { isCalendarDay } from '../calendar';
import { parseTimeZone } from '../digest/schedule';
import { DEFAULT_TIMEZONE } from '../digest/service';
import { LOCALES, type Locale } from '../locale';
import { type FlagSpecs, readFlags, type Usage } from './flags';

export interface ParsedLine {
  command: Command;
  options: Options;
  /** The option being typed: the last one written, else the first that has autocomplete. */
  focused?: { name: string; value: string };
}

export type ParseResult = { ok: true; line: ParsedLine } | { ok: false; message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });

function isSubcommand(option: APIApplicationCommandOption): boolean {
  return (
    option.type === ApplicationCommandOptionType.Subcommand ||
    option.type === ApplicationCommandOptionType.SubcommandGroup
  );
}

/** Takes the next word off `text`. */
function nextWord(text: string): [string, string] {
  const match = /^\s*(\S*)\s*([\s\S]*)$/.exec(text);
  return [match?.[1] ?? '', match?.[2] ?? ''];
}

function convert(
  option: APIApplicationCommandBasicOption,
  raw: string,
): string | number | boolean | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Number:
      return raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Boolean:
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}

/**
 * Parse one line against the known commands. `partial` (for autocomplete) allows missing required options.
 * A value runs until the next ` word:` whose word names an option of the command.
 */
export function parseCommandLine(
  text: string,
  commands: readonly Command[],
  { partial = false }: { partial?: boolean } = {},
): ParseResult {
  const names = commands.map((c) => `/${c.definition.name}`).join(', ');
  const [head, afterName] = nextWord(text);
  if (!head.startsWith('/') || head.length < 2) {
    return fail(`a command line starts with /name; commands: ${names}`);
  }
  const command = commands.find((c) => c.definition.name === head.slice(1));
  if (!command) return fail(`unknown command "${head}"; commands: ${names}`);

  const options: Options = {};
  let rest = afterName;
  let declared: readonly APIApplicationCommandOption[] = command.definition.options ?? [];
  let where = head;
  // Subcommand groups and subcommands come as bare words before the options.
  while (declared.some(isSubcommand)) {
    const [word, after] = nextWord(rest);
    const sub = declared.find((o) => isSubcommand(o) && o.name === word);
    const choices = declared.map((o) => o.name).join(', ');
    if (!sub) return fail(`${where} needs a subcommand${word ? ` (not "${word}")` : ''}: ${choices}`);
    if (sub.type === ApplicationCommandOptionType.SubcommandGroup) options.subcommandGroup = sub.name;
    else options.subcommand = sub.name;
    declared = 'options' in sub ? (sub.options ?? []) : [];
    where = `${where} ${sub.name}`;
    rest = after;
  }
  const basic = declared.filter((o): o is APIApplicationCommandBasicOption => !isSubcommand(o));
  const known = basic.map((o) => o.name);
  const knownText = known.length ? known.join(', ') : 'none';

  // Every ` word:` whose word is an option name starts a value.
  const starts = [...rest.matchAll(/(?:^|\s)([\p{L}\p{N}_-]+):/gu)].filter((m) => known.includes(m[1] ?? ''));
  const body = rest.trim();
  if (body && (starts.length === 0 || (starts[0]?.index ?? 0) !== rest.search(/\S/))) {
    const first = /^([\p{L}\p{N}_-]+):/u.exec(body);
    return fail(
      first
        ? `unknown option "${first[1]}" for ${where}; options: ${knownText}`
        : `expected option:value after ${where}; options: ${knownText}`,
    );
  }
  let focused: ParsedLine['focused'];
  for (const [i, match] of starts.entries()) {
    const name = match[1] ?? '';
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? rest.length;
    const raw = rest.slice(from, to).trim();
    const option = basic.find((o) => o.name === name);
    if (!option) continue;
    if (options[name] !== undefined) return fail(`option "${name}" given twice`);
    focused = { name, value: raw };
    const value = convert(option, raw);
    if (value === undefined)
      return fail(
        `option "${name}" of ${where} takes a ${ApplicationCommandOptionType[option.type].toLowerCase()}, not "${raw}"`,
      );
    options[name] = value;
  }
  if (!partial) {
    const missing = basic.filter((o) => o.required && options[o.name] === undefined).map((o) => o.name);
    if (missing.length) return fail(`${where} needs ${missing.map((m) => `${m}:…`).join(' ')}`);
  }
  if (!focused) {
    const first = basic.find((o) => 'autocomplete' in o && o.autocomplete);
    if (first) focused = { name: first.name, value: '' };
  }
  return { ok: true, line: { command, options, focused } };
}

/** The flags `shiting ask` and `shiting complete` share. */
type CommonFlags = Pick<ConsoleFlags, 'locale' | 'now' | 'timeZone'>;

/**
 * `--locale`, `--now` and `--timezone`, which every console command that answers takes, checked one way:
 * the field to set, a message, or undefined for any other flag.
 */
export function readCommonFlag(
  flag: string,
  value: string,
): { ok: true; set: Partial<CommonFlags> } | { ok: false; message: string } | undefined {
  if (flag === '--locale') {
    return (LOCALES as readonly string[]).includes(value)
      ? { ok: true, set: { locale: value as Locale } }
      : { ok: false, message: `unknown locale "${value}"; locales: ${LOCALES.join(', ')}` };
  }
  if (flag === '--now') {
    const now = parseNow(value);
    return now ? { ok: true, set: { now } } : { ok: false, message: NOW_HINT(value) };
  }
  if (flag === '--timezone') {
    const timeZone = parseTimeZone(value);
    return timeZone
      ? { ok: true, set: { timeZone } }
      : { ok: false, message: `--timezone takes an IANA zone like Europe/London, not "${value}"` };
  }
  return undefined;
}

export interface ConsoleFlags {
  json: boolean;
  locale: Locale;
  now: Date;
  /** The zone that decides "today", as the bot's DIGEST_DEFAULT_TIMEZONE does. */
  timeZone: string;
  index?: string;
  out?: string;
  /** The command line, or `-` for one per line of standard input. */
  line?: string;
}

/** `help` is set for --help or -h, which the command answers with its usage whatever else was given. */
export type FlagsResult = { ok: true; flags: ConsoleFlags; help: boolean } | { ok: false; message: string };

/** What `--now` takes, for every console command that has it. */
const NOW_HINT = (value: string) =>
  `--now takes an ISO time like 2026-03-28T09:00:00Z (a real calendar day), not "${value}"`;

/**
 * An ISO time starting with a real calendar day. `new Date` quietly rolls 2026-02-29 over to March 1, so the
 * day written is checked on its own; other spellings `new Date` accepts ("2026", "March 1") are refused.
 */
function parseNow(text: string): Date | undefined {
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text)?.[1];
  const now = new Date(text);
  return day && isCalendarDay(day) && !Number.isNaN(now.getTime()) ? now : undefined;
}

/** The flags of the console commands that answer; each takes the ones it uses (see `consoleUsage`). */
export const CONSOLE_FLAGS = {
  json: { about: 'print the exact payload Discord would receive' },
  locale: { value: LOCALES.join('|'), about: 'the language of the reply (default en-US)' },
  now: { value: 'ISO-TIME', about: 'the time taken as now (default: the clock)' },
  timezone: { value: 'ZONE', about: `IANA zone that decides "today" (default ${DEFAULT_TIMEZONE})` },
  index: {
    value: 'FILE',
    about: 'the index to answer from (default: $SHITING_INDEX, else build/index.json)',
  },
  out: { value: 'FILE', about: "write the reply's attached file (a chart) there" },
} as const satisfies FlagSpecs;

export type ConsoleFlagName = keyof typeof CONSOLE_FLAGS;

/** The usage of a console command made of some of CONSOLE_FLAGS, in that order. */
export function consoleUsage(
  command: string,
  names: readonly ConsoleFlagName[],
  rest: Omit<Usage, 'command' | 'flags'>,
): Usage {
  return { command, flags: Object.fromEntries(names.map((n) => [n, CONSOLE_FLAGS[n]])), ...rest };
}

/** Parse `[--json] [--locale L] [--now ISO] [--timezone ZONE] [--index FILE] [--out FILE] "<command line>" | -`. */
export function parseConsoleFlags(argv: readonly string[], allowed: readonly string[]): FlagsResult {
  const names = Object.keys(CONSOLE_FLAGS).filter((n) => allowed.includes(`--${n}`)) as ConsoleFlagName[];
  const spec: Partial<typeof CONSOLE_FLAGS> = Object.fromEntries(names.map((n) => [n, CONSOLE_FLAGS[n]]));
  const read = readFlags(spec, argv, Number.POSITIVE_INFINITY);
  if (!read.ok) return read;
  const { values, operands } = read;
  const flags: ConsoleFlags = {
    json: values.json === true,
    locale: 'en-US',
    now: new Date(),
    timeZone: DEFAULT_TIMEZONE,
    index: values.index,
    out: values.out,
  };
  for (const name of ['locale', 'now', 'timezone'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    const common = readCommonFlag(`--${name}`, value);
    if (common && !common.ok) return common;
    if (common) Object.assign(flags, common.set);
  }
  if (operands.length > 1)
    return { ok: false, message: 'give one command line, quoted: "/speaker query:liu zhen"' };
  flags.line = operands[0];
  return { ok: true, flags, help: read.help };
}
