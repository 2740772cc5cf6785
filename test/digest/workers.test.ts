// `shiting worker` as real processes: three of them on one real PostgreSQL, a few hundred digests due at once
// against the fake Discord → each posted exactly once, every day recorded as sent, none left over.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDigestStore } from '../../src/digest/postgres-store';
import { localDateAt } from '../../src/digest/schedule';
import { ensureIndex } from '../../src/knowledge/open';
import { removeTempDirs, type Spawned, spawnShiting, tempDir } from '../discord/helpers';
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from '../fake-discord';
import { startTestPostgres, type TestPostgres } from './postgres-server';

const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const GUILDS = 30;
const PER_GUILD = 10;
const WORKERS = 3;
const guildId = (g: number) => `12000000000000${String(g).padStart(5, '0')}`;
const channelId = (g: number, c: number) => `13000000000000${String(g * PER_GUILD + c).padStart(5, '0')}`;

let server: TestPostgres;
let fake: FakeDiscord;
const workers: Spawned[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  const guilds: FakeGuild[] = Array.from({ length: GUILDS }, (_, g) => ({
    id: guildId(g),
    channels: Array.from({ length: PER_GUILD }, (_, c) => ({ id: channelId(g, c) })),
  }));
  fake = await startFakeDiscord({ guilds });
});
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await fake.close();
  await server.close();
  removeTempDirs();
});

/** A zone whose clock reads about noon now, so that a 10:00 run is due today (caught up at start). */
function zoneNearNoon(now: Date): string {
  const shift = 12 - now.getUTCHours();
  return shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
}

function output(spawned: Spawned, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    spawned.child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      if (seen.includes(text)) resolve();
    });
    void spawned.exit.then(({ output }) => reject(new Error(`worker exited before "${text}":\n${output}`)));
  });
}

describe('shiting worker', () => {
  it('without DATABASE_URL: one line saying it needs one, exit 1', async () => {
    const run = await spawnShiting(['worker'], {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      SHITING_INDEX: path.join(tempDir('shiting-worker-'), 'index.json'),
    }).exit;
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^shiting worker: shiting worker needs DATABASE_URL/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it(`${WORKERS} workers share ${GUILDS * PER_GUILD} digests due at once: each posted once`, async () => {
    const url = await server.database();
    const now = new Date();
    const timezone = zoneNearNoon(now);
    const seed = await PostgresDigestStore.open(url);
    try {
      for (let g = 0; g < GUILDS; g++)
        for (let c = 0; c < PER_GUILD; c++)
          await seed.save(
            {
              guildId: guildId(g),
              channelId: channelId(g, c),
              time: '10:00',
              timezone,
              emptyDays: 'post',
              locale: 'en-US',
            },
            new Date(now.getTime() - 4 * 60 * 60_000),
          );
      // Compiled once here: workers starting together would otherwise all compile it at the same moment.
      const index = path.join(tempDir('shiting-workers-index-'), 'index.json');
      ensureIndex(SEEDS, index);
      const env = {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: url,
        SHITING_INDEX: index,
        LOG_LEVEL: 'info',
      };
      for (let i = 0; i < WORKERS; i++) workers.push(spawnShiting(['worker'], env));
      await Promise.all(workers.map((w) => output(w, '"msg":"digest worker started"')));
      const total = GUILDS * PER_GUILD;
      const exited = Promise.race(workers.map((w) => w.exit.then(({ output }) => output)));
      while (fake.messages.length < total) {
        const next = await Promise.race([
          fake.nextRequest((r) => r.method === 'POST'),
          exited.then((out) => new Error(`a worker exited early:\n${out}`)),
        ]);
        if (next instanceof Error) throw next;
      }
      // Stopping waits for each worker's tick in flight: any second post would have been made by then.
      for (const w of workers) w.child.kill('SIGTERM');
      const runs = await Promise.all(workers.map((w) => w.exit));
      expect(runs.map((r) => r.code)).toEqual(Array.from({ length: WORKERS }, () => 0));

      const posted = fake.messages.map((m) => m.channelId).sort();
      const all = Array.from({ length: GUILDS }, (_, g) =>
        Array.from({ length: PER_GUILD }, (_, c) => channelId(g, c)),
      )
        .flat()
        .sort();
      expect(posted).toEqual(all);
      const day = localDateAt(now, timezone);
      const subs = await seed.runnable();
      const deliveries = await Promise.all(subs.map((s) => seed.delivery(s.id, day)));
      expect(deliveries.every((d) => d?.status === 'sent' && d.attempts === 1)).toBe(true);
      const messageIds = new Set(fake.messages.map((m) => m.id));
      expect(deliveries.every((d) => d?.messageId !== undefined && messageIds.has(d.messageId))).toBe(true);
    } finally {
      await seed.close();
    }
  }, 120_000);
});
