// `shiting worker` as real processes behind `shiting rest-proxy`, on one real PostgreSQL, against the fake Discord with
// its 50 requests/s global limit: 1,000 digests due at once, three workers, one of them SIGKILLed after about a third
// → every digest posted once, none lost, and the days the dead worker held finished by another after their lease.
// (Three workers without a kill, at 1,000 and timed: `npm run bench -- digest`.)
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDigestStore } from '../../src/digest/postgres-store';
import { localDateAt } from '../../src/digest/schedule';
import { startTestPostgres, type TestPostgres } from '../digest/postgres-server';
import { removeTempDirs, type Spawned, spawnShiting, tempDir } from '../discord/helpers';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';
import { killAll, logLine, manyGuilds, startProxyProcess, zoneNearNoon } from './processes';

const GUILDS = 100;
const PER_GUILD = 10;
const TOTAL = GUILDS * PER_GUILD;
const WORKERS = 3;

let server: TestPostgres;
let index: string;
let fake: FakeDiscord | undefined;
const processes: Spawned[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  // Compiled once here: workers starting together would otherwise all compile it at the same moment.
  index = path.join(tempDir('shiting-scale-index-'), 'index.json');
  writeShippedIndex(index);
});
afterAll(async () => {
  killAll(processes);
  await fake?.close();
  await server.close();
  removeTempDirs();
});

interface Run {
  fake: FakeDiscord;
  store: PostgresDigestStore;
  workers: Spawned[];
  day: string;
}

/** A fake Discord with its proxy, a database with TOTAL subscriptions due now, and three workers started. */
async function startRun(env: Record<string, string>): Promise<Run> {
  const guilds = manyGuilds(GUILDS, PER_GUILD);
  fake = await startFakeDiscord({ guilds, globalRateLimit: 50, checkToken: true });
  const proxy = await startProxyProcess(fake);
  processes.push(proxy.spawned);
  const url = await server.database();
  const store = await PostgresDigestStore.open(url);
  const now = new Date();
  const timezone = zoneNearNoon(now);
  const channels = guilds.flatMap((g) => (g.channels ?? []).map((c) => ({ guildId: g.id, channelId: c.id })));
  for (let i = 0; i < channels.length; i += 10)
    await Promise.all(
      channels
        .slice(i, i + 10)
        .map((c) =>
          store.save(
            { ...c, time: '10:00', timezone, emptyDays: 'post', locale: 'en-US' },
            new Date(now.getTime() - 4 * 60 * 60_000),
          ),
        ),
    );
  const workerEnv = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: proxy.apiUrl,
    DATABASE_URL: url,
    SHITING_INDEX: index,
    LOG_LEVEL: 'info',
    ...env,
  };
  const workers = Array.from({ length: WORKERS }, () => spawnShiting(['worker'], workerEnv));
  processes.push(...workers);
  await Promise.all(workers.map((w) => logLine(w, (r) => r.msg === 'digest worker started')));
  return { fake, store, workers, day: localDateAt(now, timezone) };
}

/** Resolves once every channel has a message; rejects if a worker exits first. */
async function allPosted(run: Run, alive: readonly Spawned[]): Promise<void> {
  const exited = Promise.race(alive.map((w) => w.exit.then(({ output }) => output)));
  const channels = () => new Set(run.fake.messages.map((m) => m.channelId)).size;
  while (channels() < TOTAL) {
    const next = await Promise.race([
      run.fake.nextRequest((r) => r.method === 'POST'),
      exited.then((out) => new Error(`a worker exited early:\n${out}`)),
    ]);
    if (next instanceof Error) throw next;
  }
}

/** Each channel's messages: exactly one each means posted once, none lost. */
function postsPerChannel(fake: FakeDiscord): number[] {
  const counts = new Map<string, number>();
  for (const m of fake.messages) counts.set(m.channelId, (counts.get(m.channelId) ?? 0) + 1);
  return [...counts.values()];
}

async function deliveries(run: Run) {
  const subs = await run.store.runnable();
  return Promise.all(subs.map(async (s) => ({ sub: s, delivery: await run.store.delivery(s.id, run.day) })));
}

/** Polls the database until no day is left pending (a worker settles a post just after Discord answers). */
async function allSettled(run: Run): Promise<void> {
  for (;;) {
    const { rows } = await run.store.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM deliveries WHERE status = 'pending'",
    );
    const { rows: all } = await run.store.pool.query<{ n: string }>('SELECT count(*) AS n FROM deliveries');
    if (rows[0]!.n === '0' && Number(all[0]!.n) === TOTAL) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopped(workers: readonly Spawned[]): Promise<(number | null)[]> {
  for (const w of workers) w.child.kill('SIGTERM');
  return (await Promise.all(workers.map((w) => w.exit))).map((r) => r.code);
}

describe('shiting worker', () => {
  it('without DATABASE_URL: one line saying it needs one, exit 1', async () => {
    const run = await spawnShiting(['worker'], {
      DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123',
      SHITING_INDEX: index,
    }).exit;
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^shiting worker: shiting worker needs DATABASE_URL/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe(`${WORKERS} shiting workers behind shiting rest-proxy, ${TOTAL.toLocaleString('en-US')} digests due at once`, () => {
  it('each posted once and none lost with one worker SIGKILLed after about a third: another finishes its claimed days', async () => {
    // A short lease and a tick every second, so that the survivors take the dead worker's days over soon after.
    const run = await startRun({ SHITING_LEASE_SECONDS: '10', SHITING_TICK_SECONDS: '1' });
    try {
      const [victim, ...survivors] = run.workers as [Spawned, ...Spawned[]];
      while (run.fake.messages.length < TOTAL / 3) await run.fake.nextRequest((r) => r.method === 'POST');
      victim.child.kill('SIGKILL');
      await victim.exit;
      // The days it held when it died: claimed (pending) under its owner name, which carries its pid.
      const { rows } = await run.store.pool.query<{ subscription_id: number }>(
        "SELECT subscription_id FROM deliveries WHERE status = 'pending' AND claimed_by LIKE $1",
        [`%:${victim.child.pid}:%`],
      );
      const held = new Set(rows.map((r) => r.subscription_id));
      expect(held.size).toBeGreaterThan(0);

      await allPosted(run, survivors);
      await allSettled(run);
      expect(await stopped(survivors)).toEqual([0, 0]);
      expect(postsPerChannel(run.fake)).toHaveLength(TOTAL);
      expect(postsPerChannel(run.fake).filter((n) => n !== 1)).toEqual([]);
      const days = await deliveries(run);
      expect(days.filter(({ delivery }) => delivery?.status !== 'sent')).toEqual([]);
      const ids = new Set(run.fake.messages.map((m) => m.id));
      expect(days.every(({ delivery }) => ids.has(delivery?.messageId ?? ''))).toBe(true);
      // All three took part: the dead worker posted some days before it died, each survivor others.
      const owners = new Set(days.map(({ delivery }) => delivery?.claimedBy?.split(':').at(-2)));
      expect(owners).toEqual(new Set(run.workers.map((w) => String(w.child.pid))));
      // Each day the dead worker held was claimed again by a survivor, and settled by it.
      const takenOver = days.filter(({ sub }) => held.has(sub.id));
      expect(takenOver).toHaveLength(held.size);
      for (const { delivery } of takenOver) {
        expect(delivery!.attempts).toBeGreaterThanOrEqual(2);
        expect(delivery!.claimedBy).not.toContain(`:${victim.child.pid}:`);
      }
    } finally {
      await run.store.close();
    }
  }, 120_000);
});
