// DATABASE_URL through the real `shiting start` process: a bad one or a database that cannot be opened is one line
// naming DATABASE_URL (never the password) and exit 1; a good one keeps and posts digests in PostgreSQL.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { PostgresDigestStore } from '../../src/digest/postgres-store';
import { localDateAt } from '../../src/digest/schedule';
import { removeTempDirs, type Spawned, spawnShiting, startEnv, tempDir } from '../discord/helpers';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';
import { startTestPostgres, type TestPostgres } from './postgres-server';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';
const SECRET = 'hunter2-secret';
const GUILD = '1200000000000000001';
const CHANNEL = '1300000000000000001';

let server: TestPostgres;
let fake: FakeDiscord;
let index: string;
const running: Spawned[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  fake = await startFakeDiscord({ guilds: [{ id: GUILD, channels: [{ id: CHANNEL, name: 'news' }] }] });
  index = path.join(tempDir('shiting-dburl-index-'), 'index.json');
  writeShippedIndex(index);
});
afterAll(async () => {
  for (const bot of running) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake.close();
  await server.close();
  removeTempDirs();
});

function outputOf(spawned: Spawned, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    spawned.child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      if (seen.includes(text)) resolve();
    });
    void spawned.exit.then(({ output }) => reject(new Error(`shiting exited before "${text}":\n${output}`)));
  });
}

function start(databaseUrl: string, more: Record<string, string> = {}): Spawned {
  const env = {
    ...startEnv(fake, tempDir('shiting-dburl-')),
    SHITING_INDEX: index,
    DATABASE_URL: databaseUrl,
    ...more,
  };
  const bot = spawnShiting(['start'], env);
  running.push(bot);
  return bot;
}

describe('DATABASE_URL in the configuration', () => {
  it.each([
    ['another scheme', `mysql://root:${SECRET}@db.example/shiting`],
    ['no URL at all', `host=db.example password=${SECRET}`],
    ['a bare path', '/var/lib/shiting.db'],
  ])('refuses %s, naming the variable but not its value', (_, value) => {
    const error = (() => {
      try {
        parseConfig({ DISCORD_TOKEN: TOKEN, DATABASE_URL: value });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/),
    ]);
    expect((error as ConfigError).userMessage).not.toContain(SECRET);
  });

  it.each([
    'postgres://u:p@db.example:5432/shiting',
    'postgresql://db.example/shiting',
    'postgres:///shiting',
  ])('takes %s', (url) => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('SHITING_DIGESTS is on unless off; anything else is refused', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }).digests).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_DIGESTS: 'on' }).digests).toBe('on');
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_DIGESTS: 'off' }).digests).toBe('off');
    expect(() => parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_DIGESTS: 'no' })).toThrow(
      /SHITING_DIGESTS must be/,
    );
  });

  it('is absent unless set (blank counts as unset): SQLite as before', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, DATABASE_URL: ' ' }).databaseUrl).toBeUndefined();
  });
});

describe('shiting start with DATABASE_URL', () => {
  it('a URL of another scheme: one line naming DATABASE_URL, exit 1, the password nowhere', async () => {
    const run = await start(`mysql://root:${SECRET}@127.0.0.1/shiting`).exit;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
    expect(run.output).not.toContain(SECRET);
    expect(fake.sessions).toBe(0);
  });

  it('a database that does not exist: said at once (no retries), naming the server but not the password', async () => {
    const run = await start(`postgres://postgres:test-password@127.0.0.1:${server.port}/no_such_db`).exit;
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^shiting start: DATABASE_URL is postgres://postgres@127\\.0\\.0\\.1:${server.port}/no_such_db: .*"no_such_db" does not exist; create it first`,
      ),
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.output).not.toContain('test-password');
    expect(run.output).not.toContain('retrying');
    expect(fake.sessions).toBe(0);
  });

  it('SHITING_DIGESTS=off: the bot serves but leaves the due digest to workers', async () => {
    const url = await server.database();
    const now = new Date();
    const shift = 12 - now.getUTCHours();
    const timezone = shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
    const seed = await PostgresDigestStore.open(url);
    const { subscription } = await seed.save(
      { guildId: GUILD, channelId: CHANNEL, time: '10:00', timezone, emptyDays: 'post', locale: 'en-US' },
      new Date(now.getTime() - 4 * 60 * 60_000),
    );
    const before = fake.messages.length;
    const bot = start(url, { SHITING_DIGESTS: 'off' });
    await outputOf(bot, '"msg":"digests left to workers (SHITING_DIGESTS=off)"');
    bot.child.kill('SIGTERM');
    const run = await bot.exit;
    expect(run.code).toBe(0);
    expect(run.output).not.toContain('digest scheduler started');
    expect(fake.messages.length).toBe(before);
    expect(await seed.delivery(subscription.id, localDateAt(now, timezone))).toBeUndefined();
    await seed.close();
  });

  it('a reachable database: migrated at start, and the digest due now is posted and recorded there', async () => {
    const url = await server.database();
    const now = new Date();
    // A zone whose clock reads about noon, so that a 10:00 run is due today (and caught up at start).
    const shift = 12 - now.getUTCHours();
    const timezone = shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
    const seed = await PostgresDigestStore.open(url);
    const { subscription } = await seed.save(
      { guildId: GUILD, channelId: CHANNEL, time: '10:00', timezone, emptyDays: 'post', locale: 'en-US' },
      new Date(now.getTime() - 4 * 60 * 60_000),
    );
    const bot = start(url);
    const posted = fake.nextRequest((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages`);
    // The tick's summary is logged after its posts are recorded.
    await outputOf(bot, '"msg":"digest tick"');
    expect((await posted).status).toBe(200);
    expect(await seed.delivery(subscription.id, localDateAt(now, timezone))).toMatchObject({
      status: 'sent',
    });
    await seed.close();
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    expect(fake.messages.filter((m) => m.channelId === CHANNEL)).toHaveLength(1);
  });
});
