import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process';
import { realIndex } from '../support/real-index';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const real = realIndex('shiting-ask-');

function shiting(args: string[], input?: string) {
  return runMain(args, { cwd: ROOT, input, env: { SHITING_INDEX: real.index } });
}

const NOW = ['--now', '2026-03-28T09:00:00Z'];

describe('shiting ask', () => {
  it('prints a reply as readable text', async () => {
    const { code, out } = await shiting(['ask', '/speaker query:liu zhen']);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Liu Zhen/);
    expect(out).toMatch(/## Appearances · \/edition/);
    expect(out).toMatch(/— Sources: /);
  });

  it('prints the exact payload with --json, in the locale and at the time given', async () => {
    const { code, out } = await shiting([
      'ask',
      '--json',
      '--locale',
      'zh-CN',
      ...NOW,
      '--index',
      real.index,
      '/onthisday',
    ]);
    expect(code).toBe(0);
    const payload = JSON.parse(out);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.embeds[0].title).toBe('历史上的今天：3月28日');
    expect(JSON.stringify(payload)).toContain('2年前');
  });

  it('answers one command line per stdin line, one JSON payload per line', async () => {
    const lines = ['/edition query:9', '/frobnicate', '', '/speaker query:', '/about'];
    const { code, out } = await shiting(['ask', ...NOW, '-'], `${lines.join('\n')}\n`);
    expect(code).toBe(2);
    const replies = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(replies).toHaveLength(4);
    expect(replies[0].embeds[0].title).toMatch(/^9th China Internet Audiovisual Conference/);
    expect(replies[1].error).toMatch(/unknown command "\/frobnicate"/);
    expect(replies[2].flags).toBe(64);
    expect(replies[3].embeds[0].title).toBe('About Shiting');
  });

  it('answers every command in both locales', async () => {
    const lines = [
      '/edition query:11th',
      '/speaker query:han zhi jie',
      '/stat query:daily usage 2021',
      '/search query:Aauto Quicker',
      '/onthisday date:12-01',
      '/onthisday',
      '/digest status',
      '/about',
    ];
    for (const locale of ['en-US', 'zh-CN']) {
      const { code, out } = await shiting(['ask', '--locale', locale, ...NOW, '-'], lines.join('\n'));
      expect(code).toBe(0);
      const replies = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(replies).toHaveLength(lines.length);
      for (const payload of replies) expect(payload.allowed_mentions).toEqual({ parse: [] });
      // One embed each, but /digest outside a server: a private line saying it is for servers.
      expect(replies.map((p) => p.embeds?.length ?? p.content?.slice(0, 9))).toEqual([
        1,
        1,
        1,
        1,
        1,
        1,
        '`/digest`',
        1,
      ]);
      expect(replies[6].flags).toBe(64);
    }
  });

  it('exits 2 naming what exists for an unknown command or option', async () => {
    const command = await shiting(['ask', '/frobnicate query:x']);
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/unknown command "\/frobnicate"; commands: \/edition, \/speaker.*\/about/);
    const option = await shiting(['ask', '/speaker name:liu']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/unknown option "name" for \/speaker; options: query/);
    const flag = await shiting(['ask', '--colour', '/about']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/unknown flag --colour/);
    expect((await shiting(['ask'])).code).toBe(2);
    const leap = await shiting(['ask', '--now', '2026-02-29T09:00:00Z', '/onthisday']);
    expect(leap.code).toBe(2);
    expect(leap.err).toMatch(/--now takes an ISO time .* not "2026-02-29T09:00:00Z"/);
    expect(leap.out).toBe('');
  });

  it('exits 1 with a message naming the compile step when there is no index', async () => {
    // In a folder that does not exist: a missing index where one can be written is compiled (fresh-index.test.ts).
    const { code, err } = await shiting([
      'ask',
      '--index',
      path.join(real.dir, 'no-such-dir', 'missing.json'),
      '/about',
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/npx shiting compile/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('says so when --out is asked of a reply without a file', async () => {
    const { code, err } = await shiting(['ask', '--out', path.join(real.dir, 'x.png'), '/about']);
    expect(code).toBe(1);
    expect(err).toMatch(/no file/);
  });

  it('says which file it cannot write and why, without a stack trace', async () => {
    const target = path.join(real.dir, 'no-such-dir', 'c.png');
    const { code, err } = await shiting(['ask', '/stat query:short video users', '--out', target]);
    expect(code).toBe(1);
    expect(err).toBe(`shiting ask: cannot write ${target}: ENOENT: no such file or directory\n`);
  });

  it('takes "today" in Asia/Shanghai, or in the zone --timezone names', async () => {
    const evening = ['--now', '2026-03-27T20:00:00Z', '--json', '/onthisday'];
    const shanghai = await shiting(['ask', ...evening]);
    expect(shanghai.code).toBe(0);
    expect(JSON.parse(shanghai.out).embeds[0].title).toBe('On this day: March 28');
    const utc = await shiting(['ask', '--timezone', 'UTC', ...evening]);
    expect(utc.code).toBe(0);
    expect(JSON.parse(utc.out).embeds[0].title).toBe('On this day: March 27');
  });

  it('refuses --out with - (many replies, one file) before reading standard input', async () => {
    const { code, out, err } = await shiting(['ask', '-', '--out', path.join(real.dir, 'x.png')], '/about\n');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^shiting ask: --out .* cannot be combined with -/);
  });
});

describe('shiting complete', () => {
  it('prints the choices for the last option as JSON', async () => {
    const { code, out } = await shiting(['complete', '/speaker query:liu']);
    expect(code).toBe(0);
    const choices = JSON.parse(out);
    expect(choices[0]).toEqual({ name: 'Liu Zhen', value: 'liu-zhen' });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('shows the curated list for an empty value, and exits 2 for unknown commands', async () => {
    const empty = await shiting(['complete', '/edition query:']);
    expect(empty.code).toBe(0);
    // The featured editions of the seeds.
    expect(JSON.parse(empty.out).map((c: { value: string }) => c.value)).toEqual([
      'csvc-s2',
      'ciac-11',
      'csvc-s1',
      'ciac-9',
      'ciac-5',
    ]);
    expect((await shiting(['complete', '/nope query:x'])).code).toBe(2);
    expect((await shiting(['complete', '/about'])).code).toBe(2);
  });
});
