// GET /healthz and GET /metrics of the real processes: `shiting start` against the fake Discord (an interaction
// and a digest counted), and `shiting worker` against a real PostgreSQL that is stopped under it (503) and back.
// A port already taken ends `start` before it serves, so that case runs in this process.
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/digest/store';
import { startTestPostgres, type TestPostgres } from '../digest/postgres-server';
import { removeTempDirs, type Spawned, spawnShiting, startEnv, tempDir } from '../discord/helpers';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';
import { listeningPort, sample } from './scrape';

/** One compiled index for every process of this file (each would otherwise compile its own). */
let index = '';
beforeAll(() => {
  index = path.join(tempDir('shiting-ops-index-'), 'index.json');
  writeFileSync(index, shippedIndexJson());
});
/** startEnv with the file's index. */
const envIn = (discord: FakeDiscord, dir: string) => ({ ...startEnv(discord, dir), SHITING_INDEX: index });

let fake: FakeDiscord | undefined;
let spawned: Spawned | undefined;
let postgres: TestPostgres | undefined;

afterEach(async () => {
  spawned?.child.kill('SIGTERM');
  await spawned?.exit;
  spawned = undefined;
  await fake?.close();
  fake = undefined;
  await postgres?.close();
  postgres = undefined;
});
afterAll(removeTempDirs);

/** A zone whose clock reads about noon now, so that a 10:00 run is due today whatever the UTC time. */
function zoneNearNoon(now: Date): string {
  const shift = 12 - now.getUTCHours();
  return shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
}

function output(run: Spawned, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += String(chunk);
      if (!seen.includes(text)) return;
      run.child.stdout?.off('data', onData);
      resolve();
    };
    run.child.stdout?.on('data', onData);
    void run.exit.then(({ output }) => reject(new Error(`exited before "${text}":\n${output}`)));
  });
}

const HTTP = { SHITING_HTTP_PORT: '0', SHITING_HTTP_HOST: '127.0.0.1' };

/**
 * Scrapes until `name{labels}` reaches `value`: the router counts an interaction once Discord has accepted its
 * reply, which the fake sees a moment before the bot does. Bounded by scrapes, not by time.
 */
async function scrapeUntil(base: string, name: string, labels: Record<string, string>, value: number) {
  let text = '';
  for (let i = 0; i < 500; i++) {
    text = await (await fetch(`${base}/metrics`)).text();
    if (sample(text, name, labels) === value) return text;
  }
  throw new Error(`${name} never reached ${value}:\n${text}`);
}

describe('health and metrics of shiting start', () => {
  it('serves /healthz, counts an interaction with its latency, and counts a digest sent', async () => {
    fake = await startFakeDiscord();
    const dir = tempDir('shiting-ops-');
    // Due now: the first tick, at start, posts it.
    const now = new Date();
    const store = new SqliteDigestStore(path.join(dir, 'shiting.db'));
    await store.save(
      {
        guildId: FAKE_GUILD_ID,
        channelId: FAKE_CHANNEL_ID,
        time: '10:00',
        timezone: zoneNearNoon(now),
        emptyDays: 'post',
        locale: 'en-US',
      },
      new Date(now.getTime() - 4 * 60 * 60_000),
    );
    await store.close();
    spawned = spawnShiting(['start'], { ...envIn(fake, dir), ...HTTP });
    const ticked = output(spawned, '"msg":"digest tick"');
    const base = `http://127.0.0.1:${await listeningPort(spawned)}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { index: true, database: true } });

    const reply = await fake.sendCommand({ name: 'about' });
    expect(reply.data.embeds?.[0]?.title).toBe('About Shiting');
    const text = await scrapeUntil(
      base,
      'shiting_interactions_total',
      { command: 'about', outcome: 'ok' },
      1,
    );
    expect(sample(text, 'shiting_interaction_response_seconds_count', { command: 'about' })).toBe(1);
    expect(
      sample(text, 'shiting_interaction_response_seconds_bucket', { command: 'about', le: '+Inf' }),
    ).toBe(1);

    // The tick logs its report and counts it in the same turn: once logged, a scrape sees it.
    await ticked;
    const after = await (await fetch(`${base}/metrics`)).text();
    expect(sample(after, 'shiting_digests_total', { outcome: 'sent' })).toBe(1);
    expect(sample(after, 'shiting_digests_total', { outcome: 'failed' })).toBe(0);
    expect(fake.messages.filter((m) => m.channelId === FAKE_CHANNEL_ID)).toHaveLength(1);
    // The digest's POST went through the bot-token REST client the watcher counts.
    expect(sample(after, 'shiting_rest_responses_total', { status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'shiting_invalid_requests')).toBe(0);
    expect(sample(after, 'shiting_database_errors_total')).toBe(0);
  }, 60_000);

  // Without SHITING_HTTP_PORT no port is opened and no server logged: checked on the bot of
  // test/discord/start.test.ts, which serves without it.

  it('a port already taken: one line naming SHITING_HTTP_PORT, exit 1', async () => {
    fake = await startFakeDiscord();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await shitingInProcess(['start'], {
        ...envIn(fake, tempDir('shiting-ops-')),
        ...HTTP,
        SHITING_HTTP_PORT: String(port),
      });
      expect(code).toBe(1);
      expect(stderr.trim()).toMatch(new RegExp(`^shiting start: SHITING_HTTP_PORT ${port}: .*EADDRINUSE`));
      expect(stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      taken.close();
    }
  }, 60_000);
});

describe('health and metrics of shiting worker', () => {
  it('serves the same endpoints; /healthz is 503 while its PostgreSQL is down and 200 once it is back', async () => {
    fake = await startFakeDiscord();
    postgres = await startTestPostgres();
    const url = await postgres.database();
    spawned = spawnShiting(['worker'], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: url,
      SHITING_INDEX: index,
      LOG_LEVEL: 'info',
      ...HTTP,
    });
    const base = `http://127.0.0.1:${await listeningPort(spawned)}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'shiting_digests_total', { outcome: 'sent' })).toBe(0);
    expect(sample(text, 'shiting_invalid_requests')).toBe(0);

    await postgres.stop();
    // Refused or reset here means the worker died with its database: say what it logged.
    const down = await fetch(`${base}/healthz`).catch(async (e) => {
      const ended = await spawned?.exit;
      throw new Error(`${e}\n${ended?.output ?? ''}`);
    });
    expect(down.status).toBe(503);
    const body = (await down.json()) as { ok: boolean; checks: Record<string, unknown> };
    expect(body.checks.index).toBe(true);
    expect(body.checks.database).toEqual(expect.any(String));

    await postgres.start();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  }, 90_000);
});
