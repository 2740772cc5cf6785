import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import type { Command } from '../../commands/types';
import { parseCommandLine, parseConsoleFlags } from '../../src/console/command-line';

const parse = (line: string, partial = false) => parseCommandLine(line, commands, { partial });

// A command with subcommands and typed options, shaped like /digest.
const withSubcommands: Command = {
  definition: {
    name: 'digest',
    description: 'd',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'set',
        description: 's',
        options: [
          { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'c', required: true },
          { type: ApplicationCommandOptionType.String, name: 'time', description: 't' },
          { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'n' },
          { type: ApplicationCommandOptionType.Boolean, name: 'on', description: 'o' },
        ],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'o' },
    ],
  },
  handle: () => ({ payload: {} }),
};

describe('parseCommandLine', () => {
  it('reads a value up to the next option name, spaces and colons included', () => {
    const result = parse('/speaker query:liu zhen');
    expect(result.ok && result.line.options).toEqual({ query: 'liu zhen' });
    const colon = parse('/search query:time: 09:00 and more');
    expect(colon.ok && colon.line.options).toEqual({ query: 'time: 09:00 and more' });
  });

  it('handles subcommands and typed values', () => {
    const result = parseCommandLine('/digest set channel:123 time:09:00 count:3 on:true', [withSubcommands]);
    expect(result.ok && result.line.options).toEqual({
      subcommand: 'set',
      channel: '123',
      time: '09:00',
      count: 3,
      on: true,
    });
    const off = parseCommandLine('/digest off', [withSubcommands]);
    expect(off.ok && off.line.options).toEqual({ subcommand: 'off' });
  });

  it('names what exists when the command, subcommand or option is unknown', () => {
    const unknown = parse('/frobnicate x:1');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.message).toMatch(/unknown command "\/frobnicate".*\/edition.*\/about/);
    const option = parse('/speaker name:liu');
    expect(!option.ok && option.message).toMatch(/unknown option "name".*query/);
    const bare = parse('/speaker liu zhen');
    expect(!bare.ok && bare.message).toMatch(/expected option:value.*query/);
    const sub = parseCommandLine('/digest sett channel:1', [withSubcommands]);
    expect(!sub.ok && sub.message).toMatch(/subcommand.*set, off/);
    const integer = parseCommandLine('/digest set channel:1 count:many', [withSubcommands]);
    expect(!integer.ok && integer.message).toMatch(/count.*integer/);
    expect(parse('speaker query:x').ok).toBe(false);
  });

  it('requires required options unless partial', () => {
    expect(parse('/speaker').ok).toBe(false);
    const partial = parse('/speaker', true);
    expect(partial.ok && partial.line.focused).toEqual({ name: 'query', value: '' });
    expect(parse('/about').ok).toBe(true);
    expect(parse('/onthisday').ok).toBe(true);
  });

  it('focuses the last option written', () => {
    const result = parse('/speaker query:liu', true);
    expect(result.ok && result.line.focused).toEqual({ name: 'query', value: 'liu' });
    const empty = parse('/speaker query:', true);
    expect(empty.ok && empty.line.focused).toEqual({ name: 'query', value: '' });
  });

  it('refuses an option given twice', () => {
    expect(parse('/speaker query:a query:b').ok).toBe(false);
  });
});

describe('parseConsoleFlags', () => {
  const all = ['--json', '--locale', '--now', '--timezone', '--index', '--out'];

  it('reads flags in any order', () => {
    const result = parseConsoleFlags(
      ['--locale', 'zh-CN', '/about', '--json', '--now=2026-03-28T09:00:00Z', '--index', 'x.json'],
      all,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flags).toMatchObject({ json: true, locale: 'zh-CN', index: 'x.json', line: '/about' });
    expect(result.flags.now.toISOString()).toBe('2026-03-28T09:00:00.000Z');
  });

  it('takes "today" in Asia/Shanghai unless --timezone names another IANA zone', () => {
    const plain = parseConsoleFlags(['/onthisday'], all);
    expect(plain.ok && plain.flags.timeZone).toBe('Asia/Shanghai');
    const berlin = parseConsoleFlags(['--timezone', 'Europe/Berlin', '/onthisday'], all);
    expect(berlin.ok && berlin.flags.timeZone).toBe('Europe/Berlin');
    const bad = parseConsoleFlags(['--timezone=Mars/Base', '/onthisday'], all);
    expect(!bad.ok && bad.message).toContain(
      '--timezone takes an IANA zone like Europe/London, not "Mars/Base"',
    );
  });

  it('rejects unknown flags, locales and times', () => {
    expect(parseConsoleFlags(['--frob', '/about'], all).ok).toBe(false);
    expect(parseConsoleFlags(['--locale', 'fr', '/about'], all).ok).toBe(false);
    expect(parseConsoleFlags(['--now', 'yesterday', '/about'], all).ok).toBe(false);
    // new Date() would roll these over to March; an impossible day is refused, not shifted.
    for (const impossible of ['2026-02-29T09:00:00Z', '2026-02-30', '2026-04-31T00:00:00+08:00', '2026']) {
      const result = parseConsoleFlags(['--now', impossible, '/about'], all);
      expect(!result.ok && result.message).toContain(`not "${impossible}"`);
    }
    const leap = parseConsoleFlags(['--now', '2028-02-29T09:00:00+08:00', '/about'], all);
    expect(leap.ok && leap.flags.now.toISOString()).toBe('2028-02-29T01:00:00.000Z');
    expect(parseConsoleFlags(['--out', '/about'], ['--locale']).ok).toBe(false);
    expect(parseConsoleFlags(['/about', '/edition query:9'], all).ok).toBe(false);
  });
});
