// Which start-up errors mention Discord: only network ones; a local file's error names its setting and path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  atSetting,
  describeDiscordError,
  GatewayClosedError,
  SettingPathError,
} from '../../src/discord/errors';

const API = 'http://127.0.0.1:9/api';
const dir = mkdtempSync(path.join(tmpdir(), 'shiting-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeDiscordError', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'])(
    'says "could not reach" for %s, directly or as the cause of a fetch failure',
    (code) => {
      expect(describeDiscordError(coded(code), API)).toBe(`could not reach ${API} (${code}).`);
      const fetchFailed = new TypeError('fetch failed', { cause: coded(code) });
      expect(describeDiscordError(fetchFailed, API)).toBe(`could not reach ${API} (${code}).`);
    },
  );

  it('finds a network code inside an AggregateError cause (happy eyeballs)', () => {
    const cause = Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), {});
    expect(describeDiscordError(new TypeError('fetch failed', { cause }))).toBe(
      'could not reach Discord (ECONNREFUSED).',
    );
  });

  it.each(['ENOTDIR', 'EISDIR', 'EACCES', 'EROFS', 'ENOENT'])('never blames Discord for %s', (code) => {
    expect(describeDiscordError(coded(code, `${code}: something local`), API)).not.toContain('reach');
  });

  it('passes a setting error and a gateway close through as their own sentences', () => {
    const setting = new SettingPathError('SHITING_DB', '/x/y.db', 'it is a directory, not a file');
    expect(describeDiscordError(setting, API)).toBe('SHITING_DB is /x/y.db: it is a directory, not a file.');
    const closed = new GatewayClosedError(4004, 0, false);
    expect(describeDiscordError(closed, API)).toMatch(
      /^Discord closed the gateway at login \(4004 .*DISCORD_TOKEN/,
    );
  });
});

describe('atSetting', () => {
  it('names the setting and the path for a file-system error', () => {
    expect(() => atSetting('SHITING_INDEX (or --index)', dir, () => readFileSync(dir))).toThrow(
      `SHITING_INDEX (or --index) is ${dir}: it is a directory, not a file (EISDIR)`,
    );
  });

  it('names the setting and the path for an SQLite error', () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'not a database\n'.repeat(100));
    expect(() =>
      atSetting('SHITING_DB', file, () => new Database(file).pragma('journal_mode = WAL')),
    ).toThrow(`SHITING_DB is ${file}: the file is not an SQLite database (SQLITE_NOTADB)`);
  });

  it('leaves other errors alone, and plain ones unless asked', () => {
    class IndexError extends Error {}
    const own = new IndexError('notes.txt is not a Shiting index');
    expect(() =>
      atSetting('SHITING_INDEX', '/x', () => {
        throw own;
      }),
    ).toThrow(own);
    const plain = new Error('newer than this Shiting');
    expect(() =>
      atSetting('SHITING_DB', '/x.db', () => {
        throw plain;
      }),
    ).toThrow(plain);
    expect(() =>
      atSetting(
        'SHITING_DB',
        '/x.db',
        () => {
          throw plain;
        },
        true,
      ),
    ).toThrow('SHITING_DB is /x.db: newer than this Shiting');
  });
});
