// Digests on a real PostgreSQL server against the fake Discord: the server down at start, going away and coming
// back while ticking (nothing lost, nothing posted twice), and two workers sharing one database, one of which dies
// holding a claim that the other finishes after the lease, with the same nonce.
import { REST } from '@discordjs/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDeliverer, digestNonce } from '../../src/digest/deliver';
import { openPostgresStore } from '../../src/digest/open-store';
import { PostgresDigestStore, type PostgresStoreOptions } from '../../src/digest/postgres-store';
import { type DigestLog, DigestScheduler } from '../../src/digest/schedule';
import { DigestService } from '../../src/digest/service';
import type { DigestStore } from '../../src/digest/store';
import { SettingPathError } from '../../src/discord/errors';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { GUILD, GUILDS, OK_CHANNEL } from './harness';
import { testKnowledgeBase } from './kb';
import { startTestPostgres, type TestPostgres } from './postgres-server';

// 2025-03-28 has entries; 09:00 in Asia/Shanghai is 01:00Z.
const BEFORE = new Date('2025-03-28T00:00:00Z');
const AT_NINE = new Date('2025-03-28T01:00:00Z');
const DAY = '2025-03-28';
const minutesAfterNine = (n: number) => new Date(AT_NINE.getTime() + n * 60_000);

let server: TestPostgres;
let fake: FakeDiscord;
// The fake Discord's nonce memory (5 minutes) follows the ticks' injected clock.
let clock = BEFORE;
const stores: DigestStore[] = [];
const kb = testKnowledgeBase();

beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await fake?.close();
});

interface Logged {
  level: 'info' | 'warn' | 'error';
  details: object;
  message: string;
}

function capture(): DigestLog & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (details, message) => lines.push({ level: 'info', details, message }),
    warn: (details, message) => lines.push({ level: 'warn', details, message }),
    error: (details, message) => lines.push({ level: 'error', details, message }),
  };
}

async function open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresDigestStore> {
  const store = await PostgresDigestStore.open(url, options);
  stores.push(store);
  return store;
}

/** One worker: a scheduler and deliverer on its own store (its own pool), posting to the fake. */
function worker(store: DigestStore, log: DigestLog) {
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  const deliver = createDeliverer({ rest, store, knowledge: () => kb, log, sleep: async () => {} });
  const scheduler = new DigestScheduler({ store, deliver, log, clock: () => clock });
  return {
    scheduler,
    tick(at: Date) {
      clock = at;
      return scheduler.tick(at);
    },
  };
}

async function subscribe(store: DigestStore) {
  const result = await new DigestService({ store, knowledge: () => kb }).set(
    { guildId: GUILD, channelId: OK_CHANNEL, language: 'en-US' },
    BEFORE,
  );
  if (!result.ok) throw new Error(`set failed: ${result.error}`);
  return result.subscription;
}

async function startFake() {
  clock = BEFORE;
  fake = await startFakeDiscord({ guilds: GUILDS, now: () => clock.getTime() });
}

describe('a PostgreSQL server that is down at start', () => {
  it('is tried again with backoff, one warning a try, and then refused with a message naming DATABASE_URL', async () => {
    const url = await server.database();
    await server.stop();
    try {
      const log = capture();
      const sleeps: number[] = [];
      const failure = await openPostgresStore(url, {
        log,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SettingPathError);
      const message = String((failure as Error).message);
      expect(message).toMatch(/^DATABASE_URL is postgres:\/\/postgres@127\.0\.0\.1:\d+\/shiting_test_\d+: /);
      expect(message).toMatch(/ECONNREFUSED.*\(tried 6 times\)/);
      expect(message).not.toContain('test-password');
      expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
      const retries = log.lines.filter((l) => l.message === 'database not reachable; retrying');
      expect(retries.map((l) => l.details)).toEqual(
        sleeps.map((ms, i) => expect.objectContaining({ attempt: i + 1, of: 6, retryInMs: ms })),
      );
      expect(JSON.stringify(log.lines)).not.toContain('test-password');
    } finally {
      await server.start();
    }
  });

  it('opens once the server comes up during the retries', async () => {
    const url = await server.database();
    await server.stop();
    const log = capture();
    let waits = 0;
    const store = await open(url, {
      log,
      // The server is back after the second wait, as when the bot and its database start together.
      sleep: async () => {
        if (++waits === 2) await server.start();
      },
    });
    expect(waits).toBe(2);
    expect(await store.runnable()).toEqual([]);
  });
});

describe('a PostgreSQL server that goes away while the scheduler runs', () => {
  it('fails the ticks in between (logged), loses nothing, and posts once when it is back', async () => {
    await startFake();
    const url = await server.database();
    const log = capture();
    const store = await open(url, { log });
    const sub = await subscribe(store);
    const w = worker(store, log);

    await server.stop();
    try {
      expect(await w.tick(AT_NINE)).toMatchObject({ sent: 0 });
      expect(log.lines.filter((l) => l.message === 'digest tick failed; the next tick retries')).toHaveLength(
        1,
      );
      await expect(
        new DigestService({ store, knowledge: () => kb }).status(GUILD, AT_NINE),
      ).rejects.toThrow();
      expect(fake.messages).toEqual([]);
    } finally {
      await server.start();
    }
    expect(await w.tick(minutesAfterNine(1))).toMatchObject({ sent: 1 });
    expect(await w.tick(minutesAfterNine(2))).toMatchObject({ sent: 0 });
    expect(fake.messages).toHaveLength(1);
    expect(await store.delivery(sub.id, DAY)).toMatchObject({
      status: 'sent',
      messageId: fake.messages[0]!.id,
    });
  });

  it('records a post whose recording failed when the server went away, without a second message', async () => {
    await startFake();
    const url = await server.database();
    const log = capture();
    const store = await open(url, { log });
    const sub = await subscribe(store);
    const w = worker(store, log);
    // The server goes away just after Discord took the post, before it is recorded.
    const settle = store.settle.bind(store);
    vi.spyOn(store, 'settle').mockImplementationOnce(async (...args) => {
      await server.stop();
      return settle(...args);
    });
    try {
      expect(await w.tick(AT_NINE)).toMatchObject({ sent: 0, retrying: 1 });
      expect(log.lines.some((l) => l.message === 'digest delivery crashed')).toBe(true);
      expect(fake.messages).toHaveLength(1);
    } finally {
      await server.start();
    }
    expect(await store.delivery(sub.id, DAY)).toMatchObject({ status: 'pending', claimedBy: store.owner });
    // Retried by the same worker a minute later: enforce_nonce gives back the first message.
    expect(await w.tick(minutesAfterNine(1))).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    expect(await store.delivery(sub.id, DAY)).toMatchObject({
      status: 'sent',
      messageId: fake.messages[0]!.id,
    });
  });
});

describe('two workers on one PostgreSQL database', () => {
  it('post each digest once when both tick at the same moment', async () => {
    await startFake();
    const url = await server.database();
    const log = capture();
    const [a, b] = [await open(url, { log }), await open(url, { log })];
    const service = new DigestService({ store: a, knowledge: () => kb });
    const channels = GUILDS[0]!.channels!.map((c) => c.id);
    for (const channelId of channels)
      expect((await service.set({ guildId: GUILD, channelId, language: 'en-US' }, BEFORE)).ok).toBe(true);
    const [ra, rb] = await Promise.all([worker(a, log).tick(AT_NINE), worker(b, log).tick(AT_NINE)]);
    expect(ra.sent + rb.sent + ra.paused + rb.paused).toBe(channels.length);
    // Each subscription decided by one worker (the other's claim got 0): one digest in the channel that takes it.
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    const nonces = posts.map((p) => (p.body as { nonce?: string }).nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(fake.messages.filter((m) => m.channelId === OK_CHANNEL)).toHaveLength(1);
  });

  it('a worker that dies holding a claim: another takes it after the lease and finds the post it made', async () => {
    await startFake();
    const url = await server.database();
    const log = capture();
    const a = await open(url, { log, owner: 'worker-a' });
    const b = await open(url, { log, owner: 'worker-b' });
    const sub = await subscribe(a);
    // Worker A posts and dies before recording it.
    vi.spyOn(a, 'settle').mockRejectedValueOnce(new Error('killed before recording'));
    expect(await worker(a, log).tick(AT_NINE)).toMatchObject({ sent: 0 });
    expect(fake.messages).toHaveLength(1);

    const wb = worker(b, log);
    // Within A's lease (5 minutes) B leaves the day alone.
    expect(await wb.tick(minutesAfterNine(3))).toMatchObject({ sent: 0 });
    expect(await b.delivery(sub.id, DAY)).toMatchObject({ status: 'pending', claimedBy: 'worker-a' });
    // After it, B takes the day; past Discord's nonce memory it looks for A's post first and records it.
    expect(await wb.tick(minutesAfterNine(6))).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    expect(await b.delivery(sub.id, DAY)).toMatchObject({
      status: 'sent',
      claimedBy: 'worker-b',
      messageId: fake.messages[0]!.id,
    });
  });

  it('a worker that dies after claiming, before posting: the other posts after the lease with the same nonce', async () => {
    await startFake();
    const url = await server.database();
    const log = capture();
    const a = await open(url, { log, owner: 'worker-a' });
    const b = await open(url, { log, owner: 'worker-b' });
    const sub = await subscribe(a);
    expect(await a.claim(sub.id, DAY, AT_NINE)).toBe(1);
    const wb = worker(b, log);
    expect(await wb.tick(minutesAfterNine(4))).toMatchObject({ sent: 0 });
    expect(fake.messages).toEqual([]);
    expect(await wb.tick(minutesAfterNine(5))).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]!.body).toMatchObject({ nonce: digestNonce(sub.id, DAY), enforce_nonce: true });
    expect(await wb.tick(minutesAfterNine(6))).toMatchObject({ sent: 0 });
    expect(await a.delivery(sub.id, DAY)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
