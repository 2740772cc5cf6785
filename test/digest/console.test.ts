// `shiting digest preview` in-process against a freshly compiled index of the real seeds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/console/digest';
import { digestFor } from '../../src/digest/service';
import { embedLength, LIMITS } from '../../src/discord-limits';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { shippedKnowledgeBase, writeShippedIndex } from '../support/shipped';

let dir: string;
let index: string;
let kb: KnowledgeBase;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-digest-console-'));
  index = path.join(dir, 'index.json');
  writeShippedIndex(index);
  kb = shippedKnowledgeBase();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function shiting(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  const code = await run(argv);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('shiting digest preview', () => {
  it('prints the digest for a date as text, in either locale', async () => {
    const day = kb.calendarDays[0]!;
    const en = await shiting(['preview', '--date', `2030-${day}`, '--index', index]);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^# On this day: /);
    expect(en.out).toContain('years ago');
    const zh = await shiting(['preview', '--date', `2030-${day}`, '--locale', 'zh-CN', '--index', index]);
    expect(zh.out).toMatch(/^# 历史上的今天：/);
  });

  it('writes the digest in --language, with the role ping, the forum/thread title and the test mark', async () => {
    const at = ['--date', '2030-03-28', '--index', index];
    const tw = await shiting(['preview', ...at, '--language', 'zh-TW']);
    expect(tw.code).toBe(0);
    expect(tw.out).toMatch(/^# 歷史上的今天：3月28日/);
    expect(tw.out).toContain('論壇帖子或子區標題：歷史上的今天 · 2030年3月28日');
    const zh = await shiting(['preview', ...at, '--language', 'zh-CN', '--json']);
    expect(JSON.parse(zh.out).title).toBe('历史上的今天 · 2030年3月28日');
    const pinged = JSON.parse(
      (await shiting(['preview', ...at, '--json', '--role', '1600000000000000001', '--test'])).out,
    );
    expect(pinged).toMatchObject({
      content: '<@&1600000000000000001>',
      allowed_mentions: { parse: [], roles: ['1600000000000000001'] },
      title: '[Test] On this day · March 28, 2030',
    });
    expect(pinged.embeds[0].title).toBe('[Test] On this day: March 28');
    const bad = await shiting(['preview', ...at, '--language', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--language takes en-US, zh-CN, zh-TW');
    expect((await shiting(['preview', ...at, '--role', '@mods'])).err).toContain('--role takes a role id');
  });

  it('prints the exact payload with --json', async () => {
    const { code, out } = await shiting(['preview', '--json', '--date=2030-01-01', `--index=${index}`]);
    expect(code).toBe(0);
    const payload = JSON.parse(out);
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.embeds).toHaveLength(1);
  });

  it('takes --date as MM-DD in the year of --now, as /onthisday does', async () => {
    const short = await shiting([
      'preview',
      '--json',
      '--date',
      '03-28',
      '--now=2030-06-01T00:00:00Z',
      '--index',
      index,
    ]);
    const full = await shiting(['preview', '--json', '--date', '2030-03-28', '--index', index]);
    expect(short.code).toBe(0);
    expect(short.out).toBe(full.out);
    // 20:00 UTC on Dec 31 is already 2031 in Shanghai, the default zone: "today" decides the year.
    const nextYear = await shiting([
      'preview',
      '--json',
      '--date',
      '03-28',
      '--now=2030-12-31T20:00:00Z',
      '--index',
      index,
    ]);
    const inShanghai = await shiting(['preview', '--json', '--date', '2031-03-28', '--index', index]);
    expect(nextYear.out).toBe(inShanghai.out);
    expect(nextYear.out).not.toBe(short.out);
    const leap = await shiting([
      'preview',
      '--date',
      '02-29',
      '--now',
      '2030-06-01T00:00:00Z',
      '--index',
      index,
    ]);
    expect(leap.code).toBe(2);
    expect(leap.err).toContain('--date 02-29 is not a day in 2030');
  });

  it('without --date, previews today at --now in --timezone', async () => {
    const at = ['--now', '2030-03-27T20:00:00Z', '--index', index, '--json'];
    const shanghai = await shiting(['preview', ...at]);
    const london = await shiting(['preview', ...at, '--timezone', 'Europe/London']);
    expect(shanghai.out).toBe(
      (await shiting(['preview', '--date', '2030-03-28', '--index', index, '--json'])).out,
    );
    expect(london.out).toBe(
      (await shiting(['preview', '--date', '2030-03-27', '--index', index, '--json'])).out,
    );
  });

  it('explains bad flags with exit code 2 and a missing index with 1', async () => {
    expect((await shiting(['preview', '--date', '2030-02-30'])).err).toContain('--date takes a date');
    expect((await shiting(['preview', '--timezone', 'Nowhere'])).code).toBe(2);
    expect((await shiting(['preview', '--date', '13-01'])).err).toContain('--date takes a date');
    expect((await shiting(['preview', '--now', '2026-02-29T09:00:00Z'])).err).toContain(
      '--now takes an ISO time',
    );
    expect((await shiting(['preview', '--locale', 'fr'])).code).toBe(2);
    expect((await shiting(['frobnicate'])).err).toContain('unknown digest command');
    const missing = await shiting(['preview', '--index', path.join(dir, 'no-such-dir', 'none.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('npx shiting compile');
  });
});

describe('digests over the real index', () => {
  it('every day of the year renders within Discord’s limits, with items or the next anniversary', () => {
    let emptyDays = 0;
    for (
      let d = new Date(Date.UTC(2028, 0, 1));
      d.getUTCFullYear() === 2028;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const date = d.toISOString().slice(0, 10);
      for (const locale of ['en-US', 'zh-CN'] as const) {
        const message = digestFor(kb, date, locale);
        const embed = message.embeds[0]!;
        expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
        expect(embed.description!.length).toBeGreaterThan(0);
        if (kb.onMonthDay(date.slice(5)).length === 0 && locale === 'en-US') {
          emptyDays++;
          expect(embed.description).toContain('The next anniversary is');
        }
      }
    }
    // Most days have nothing: the branch above is the one most days take, not a case that may never run.
    expect(emptyDays).toBeGreaterThan(300);
  });
});
