// The digest store's contract, run against both stores: SQLite (a temp file) and PostgreSQL (a real server that
// this file starts). Then what only one of them has: SQLite's file and pragmas, Postgres's migrations table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA_VERSION, PostgresDigestStore } from '../../src/digest/postgres-store';
import {
  type ClaimOptions,
  SCHEMA_VERSION,
  SqliteDigestStore,
  type DigestStore as Store,
  type SubscriptionSettings,
} from '../../src/digest/store';
import { startTestPostgres, type TestPostgres } from './postgres-server';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiting-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'digests.db');
}
const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

let server: TestPostgres | undefined;
afterAll(async () => {
  await server?.close();
});

/** Opens stores on one fresh database: several of them are several processes (or machines) sharing it. */
type Opener = (options?: ClaimOptions) => Promise<Store>;

const backends: { name: string; fresh: () => Promise<Opener> }[] = [
  {
    name: 'SQLite',
    async fresh() {
      const path = tempDb();
      return async (options) => {
        const store = new SqliteDigestStore(path, options);
        opened.push(store);
        return store;
      };
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      server ??= await startTestPostgres();
      const url = await server.database();
      return async (options) => {
        const store = await PostgresDigestStore.open(url, options);
        opened.push(store);
        return store;
      };
    },
  },
];

const settings: SubscriptionSettings = {
  guildId: '100000000000000001',
  channelId: '200000000000000001',
  time: '09:00',
  timezone: 'Asia/Shanghai',
  emptyDays: 'skip',
  locale: 'zh-CN',
};
const t0 = new Date('2025-06-10T00:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

describe.each(backends)('the $name store', ({ fresh }) => {
  let open: Opener;
  let store: Store;
  beforeAll(async () => {
    // Starts the Postgres server once for this file, outside any one test's time.
    await fresh();
  });
  const setup = async (options?: ClaimOptions) => {
    open = await fresh();
    store = await open(options);
  };

  it('keeps what it saved across a reopen', async () => {
    await setup();
    await store.save(settings, t0);
    await store.close();
    const again = await open();
    expect(await again.forGuild(settings.guildId)).toHaveLength(1);
  });

  it('upserts by (guild, channel); moving the time moves scheduleFrom, other edits do not', async () => {
    await setup();
    const first = await store.save(settings, t0);
    expect(first).toMatchObject({ created: true, resumed: false });
    expect(first.subscription).toMatchObject({ ...settings, enabled: true, noticeSent: false });
    const same = await store.save({ ...settings, emptyDays: 'post' }, later(5));
    expect(same.created).toBe(false);
    expect(same.subscription.id).toBe(first.subscription.id);
    expect(same.subscription.scheduleFrom).toBe(t0.toISOString());
    const moved = await store.save({ ...settings, time: '10:00' }, later(10));
    expect(moved.subscription.scheduleFrom).toBe(later(10).toISOString());
  });

  it('claims a day once; a settled day cannot be claimed again, a pending one can', async () => {
    await setup();
    const { id } = (await store.save(settings, t0)).subscription;
    expect(await store.claim(id, '2025-06-10', t0)).toBe(1);
    expect(await store.claim(id, '2025-06-10', later(1))).toBe(2);
    // A retry must see when the day was first claimed, not when it was last retried.
    expect(await store.delivery(id, '2025-06-10')).toMatchObject({
      status: 'pending',
      attempts: 2,
      claimedAt: t0.toISOString(),
      claimedBy: store.owner,
    });
    expect(await store.settle(id, '2025-06-10', 'sent', later(1), { messageId: '300000000000000001' })).toBe(
      true,
    );
    expect(await store.claim(id, '2025-06-10', later(2))).toBe(0);
    expect(await store.get(id)).toMatchObject({
      lastPostDate: '2025-06-10',
      lastMessageId: '300000000000000001',
    });
    expect((await store.deliveriesSince('2025-06-09')).get(`${id}|2025-06-10`)).toBe('sent');
  });

  it('settles a day once: a later settlement changes nothing', async () => {
    await setup();
    const { id } = (await store.save(settings, t0)).subscription;
    expect(await store.settle(id, '2025-06-09', 'dropped', t0)).toBe(true);
    await store.claim(id, '2025-06-10', t0);
    expect(await store.settle(id, '2025-06-10', 'sent', later(1), { messageId: '300000000000000001' })).toBe(
      true,
    );
    // A worker whose lease ran out finishing late must not turn a sent day into a failed one.
    expect(await store.settle(id, '2025-06-10', 'failed', later(2), { error: 'late' })).toBe(false);
    expect(await store.delivery(id, '2025-06-10')).toMatchObject({
      status: 'sent',
      messageId: '300000000000000001',
    });
    expect((await store.get(id))?.lastError).toBeUndefined();
    expect(await store.delivery(id, '2025-06-09')).toMatchObject({ status: 'dropped', attempts: 0 });
  });

  it('records errors without touching settings, and clears them on a post', async () => {
    await setup();
    const { id } = (await store.save(settings, t0)).subscription;
    await store.claim(id, '2025-06-10', t0);
    await store.noteError(id, 'HTTP 500', later(1));
    expect(await store.get(id)).toMatchObject({ lastError: 'HTTP 500', lastErrorAt: later(1).toISOString() });
    await store.settle(id, '2025-06-10', 'sent', later(2), { messageId: '1' });
    expect(await store.get(id)).toMatchObject({ lastError: undefined, time: '09:00' });
  });

  it('pauses with a reason, keeps every setting, and resumes on save', async () => {
    await setup();
    const { id } = (await store.save(settings, t0)).subscription;
    expect(await store.pause(id, 'missing-permissions', later(1))).toBe(true);
    expect(await store.pause(id, 'unknown-channel', later(2))).toBe(false);
    expect(await store.get(id)).toMatchObject({
      pausedReason: 'missing-permissions',
      pausedAt: later(1).toISOString(),
      time: '09:00',
      timezone: 'Asia/Shanghai',
    });
    await store.markNoticeSent(id);
    expect((await store.get(id))?.noticeSent).toBe(true);
    expect(await store.runnable()).toEqual([]);
    expect(await store.forGuild(settings.guildId)).toHaveLength(1);
    const resumed = await store.save(settings, later(3));
    expect(resumed).toMatchObject({ resumed: true });
    expect(resumed.subscription.pausedReason).toBeUndefined();
    expect(resumed.subscription.noticeSent).toBe(false);
    expect(resumed.subscription.scheduleFrom).toBe(later(3).toISOString());
  });

  it('pauses a whole server on leave and resumes it on return', async () => {
    await setup();
    await store.save(settings, t0);
    await store.save({ ...settings, channelId: '200000000000000002' }, t0);
    await store.save({ ...settings, guildId: '100000000000000002' }, t0);
    await store.pause(2, 'missing-access', t0);
    // Leaving overrides an earlier pause (its clock decides deletion); pausing again keeps the first time.
    expect(await store.pauseGuild(settings.guildId, 'left-guild', later(1))).toBe(2);
    expect(await store.pauseGuild(settings.guildId, 'left-guild', later(5))).toBe(0);
    expect(await store.get(2)).toMatchObject({
      pausedReason: 'left-guild',
      pausedAt: later(1).toISOString(),
    });
    expect(await store.runnable()).toHaveLength(1);
    expect(await store.resumeGuild(settings.guildId, 'left-guild', later(2))).toBe(2);
    expect((await store.runnable()).map((s) => s.id)).toEqual([1, 2, 3]);
    expect((await store.get(1))?.scheduleFrom).toBe(later(2).toISOString());
  });

  it('deletes one channel or all, with their delivery records; the last one leaves nothing of the server', async () => {
    await setup();
    const a = (await store.save(settings, t0)).subscription;
    const b = (await store.save({ ...settings, channelId: '200000000000000002' }, t0)).subscription;
    await store.settle(a.id, '2025-06-10', 'sent', t0, { messageId: '1' });
    await store.settle(b.id, '2025-06-10', 'sent', t0, { messageId: '2' });
    expect((await store.remove(settings.guildId, settings.channelId)).map((s) => s.channelId)).toEqual([
      settings.channelId,
    ]);
    expect(await store.find(settings.guildId, settings.channelId)).toBeUndefined();
    expect(await store.delivery(a.id, '2025-06-10')).toBeUndefined();
    expect(await store.delivery(b.id, '2025-06-10')).toMatchObject({ status: 'sent' });
    expect(await store.remove(settings.guildId)).toHaveLength(1);
    expect(await store.remove(settings.guildId)).toEqual([]);
    expect(await store.forGuild(settings.guildId)).toEqual([]);
    expect((await store.deliveriesSince('2000-01-01')).size).toBe(0);
    // A post in flight when its subscription went records nothing, and does not fail.
    expect(await store.settle(b.id, '2025-06-11', 'sent', later(1), { messageId: '3' })).toBe(false);
    expect((await store.save(settings, later(1))).created).toBe(true);
  });

  it('keeps the shaping options (language, role, thread, publish, channel type) and changes them on save', async () => {
    await setup();
    const shaped = {
      ...settings,
      locale: 'zh-TW' as const,
      roleId: '300000000000000001',
      thread: true,
      publish: true,
      channelType: 5,
    };
    const first = await store.save(shaped, t0);
    expect(first.subscription).toMatchObject({ ...shaped });
    await store.settle(first.subscription.id, '2025-06-10', 'sent', t0, { messageId: '1' });
    const changed = await store.save({ ...settings, locale: 'en-US', channelType: 15 }, later(5));
    expect(changed.subscription).toMatchObject({
      id: first.subscription.id,
      locale: 'en-US',
      roleId: undefined,
      thread: false,
      publish: false,
      channelType: 15,
    });
    // Every option change keeps the delivery history.
    expect(await store.delivery(first.subscription.id, '2025-06-10')).toMatchObject({ status: 'sent' });
  });

  it('prunes by the retention policy: servers left 30 days ago, delivery records older than 90 days', async () => {
    await setup();
    const day = 24 * 60;
    const policy = { leftGuildMs: 30 * day * 60_000, deliveryDays: 90 };
    const left = (await store.save(settings, t0)).subscription;
    const back = (await store.save({ ...settings, guildId: '100000000000000002' }, t0)).subscription;
    const stays = (await store.save({ ...settings, guildId: '100000000000000003' }, t0)).subscription;
    await store.settle(left.id, '2025-06-09', 'sent', t0, { messageId: '1' });
    await store.settle(stays.id, '2025-04-11', 'sent', t0, { messageId: '2' });
    await store.settle(stays.id, '2025-04-12', 'sent', t0, { messageId: '3' });
    await store.pauseGuild(left.guildId, 'left-guild', t0);
    await store.pauseGuild(back.guildId, 'left-guild', t0);
    await store.resumeGuild(back.guildId, 'left-guild', later(day));
    // At 2025-07-09 23:59 the bot has been gone a minute short of 30 days; 90 days back is 2025-04-10.
    expect(await store.prune(later(30 * day - 1), policy)).toEqual({ subscriptions: 0, deliveries: 0 });
    expect(await store.prune(later(30 * day), policy)).toEqual({ subscriptions: 1, deliveries: 1 });
    expect(await store.get(left.id)).toBeUndefined();
    expect(await store.get(back.id)).toBeDefined();
    expect(await store.delivery(stays.id, '2025-04-11')).toBeDefined();
    // On 2025-07-11, 2025-04-11 is more than 90 days ago.
    expect(await store.prune(later(31 * day), policy)).toEqual({ subscriptions: 0, deliveries: 1 });
    expect(await store.delivery(stays.id, '2025-04-11')).toBeUndefined();
    expect(await store.delivery(stays.id, '2025-04-12')).toBeDefined();
  });

  it('gives a day claimed at the same moment by two processes to exactly one of them', async () => {
    await setup({ owner: 'worker-a' });
    const other = await open({ owner: 'worker-b' });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++)
      ids.push((await store.save({ ...settings, channelId: `2000000000000001${i}` }, t0)).subscription.id);
    // Both claim all twenty days at once, interleaved: each day must have one winner.
    const results = await Promise.all(
      ids.flatMap((id) => [store.claim(id, '2025-06-10', t0), other.claim(id, '2025-06-10', t0)]),
    );
    for (let i = 0; i < ids.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]].sort();
      expect(pair).toEqual([0, 1]);
    }
    // The row names the winner, whose claim it is.
    for (const [i, id] of ids.entries())
      expect((await store.delivery(id, '2025-06-10'))?.claimedBy).toBe(
        results[2 * i] === 1 ? 'worker-a' : 'worker-b',
      );
  });

  it("keeps another process off a pending day until the holder's lease runs out", async () => {
    await setup({ owner: 'worker-a', leaseMs: 5 * 60_000 });
    const other = await open({ owner: 'worker-b', leaseMs: 5 * 60_000 });
    const { id } = (await store.save(settings, t0)).subscription;
    expect(await store.claim(id, '2025-06-10', t0)).toBe(1);
    expect(await other.claim(id, '2025-06-10', later(4))).toBe(0);
    // The holder itself may retry within its lease (its next tick), and that renews the lease.
    expect(await store.claim(id, '2025-06-10', later(4))).toBe(2);
    expect(await other.claim(id, '2025-06-10', later(8))).toBe(0);
    expect(await other.claim(id, '2025-06-10', later(9))).toBe(3);
    expect(await store.delivery(id, '2025-06-10')).toMatchObject({
      status: 'pending',
      claimedBy: 'worker-b',
      claimedAt: t0.toISOString(),
      leaseUntil: later(14).toISOString(),
    });
    expect(await store.claim(id, '2025-06-10', later(10))).toBe(0);
    await other.settle(id, '2025-06-10', 'sent', later(10), { messageId: '1' });
    expect(await store.claim(id, '2025-06-10', later(30))).toBe(0);
  });
});

describe('the SQLite store', () => {
  it('keeps exactly the columns PRIVACY.md describes (a new column must be described there first)', () => {
    const store = new SqliteDigestStore(tempDb());
    opened.push(store);
    const columns = (table: string) =>
      (store.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('subscriptions')).toEqual([
      'id',
      'guild_id',
      'channel_id',
      'time',
      'timezone',
      'empty_days',
      'locale',
      'enabled',
      'paused_reason',
      'paused_at',
      'notice_sent',
      'created_at',
      'schedule_from',
      'last_post_at',
      'last_post_date',
      'last_message_id',
      'last_error',
      'last_error_at',
      'role_id',
      'thread',
      'publish',
      'channel_type',
    ]);
    expect(columns('deliveries')).toEqual([
      'subscription_id',
      'local_date',
      'status',
      'message_id',
      'attempts',
      'updated_at',
      'claimed_at',
      'claimed_by',
      'lease_until',
    ]);
    // No user ids, names or message content anywhere.
    const all = [...columns('subscriptions'), ...columns('deliveries')].join(' ');
    expect(all).not.toMatch(/user|member|author|content|name/);
  });

  it('creates the file in WAL mode at the latest schema version', async () => {
    const store = new SqliteDigestStore(tempDb());
    opened.push(store);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('refuses a database from a newer Shiting', async () => {
    const path = tempDb();
    await new SqliteDigestStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new SqliteDigestStore(path)).toThrow(/newer than this Shiting/);
  });

  it('upgrades a version 1 database in place; its old claims have no claim time and no holder', async () => {
    const path = tempDb();
    const store = new SqliteDigestStore(path);
    const { id } = (await store.save(settings, t0)).subscription;
    const off = (await store.save({ ...settings, channelId: '200000000000000009' }, t0)).subscription;
    await store.close();
    const raw = new Database(path);
    raw.exec('DROP INDEX subscriptions_left');
    for (const column of ['role_id', 'thread', 'publish', 'channel_type'])
      raw.exec(`ALTER TABLE subscriptions DROP COLUMN ${column}`);
    // Turned off under version 3, which kept the row: version 4 deletes it, as `/digest off` now does.
    raw.prepare('UPDATE subscriptions SET enabled = 0 WHERE id = ?').run(off.id);
    raw.exec('ALTER TABLE deliveries DROP COLUMN claimed_by');
    raw.exec('ALTER TABLE deliveries DROP COLUMN lease_until');
    raw.exec('ALTER TABLE deliveries DROP COLUMN claimed_at');
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO deliveries (subscription_id, local_date, status, attempts, updated_at) VALUES (?, ?, 'pending', 1, ?)`,
      )
      .run(id, '2025-06-10', t0.toISOString());
    raw.close();
    const again = new SqliteDigestStore(path);
    opened.push(again);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(await again.delivery(id, '2025-06-10')).toMatchObject({
      status: 'pending',
      claimedAt: undefined,
      claimedBy: undefined,
    });
    // An interrupted claim from before leases is anyone's to retry.
    expect(await again.claim(id, '2025-06-10', later(1))).toBe(2);
    expect(await again.get(id)).toMatchObject({ thread: false, publish: false, roleId: undefined });
    expect(await again.get(off.id)).toBeUndefined();
  });
});

describe('the PostgreSQL store', () => {
  let url: string;
  beforeAll(async () => {
    server ??= await startTestPostgres();
  });

  it('records each migration in schema_migrations, and several processes opening at once migrate once', async () => {
    url = await server!.database();
    const stores = await Promise.all([1, 2, 3].map(() => PostgresDigestStore.open(url)));
    opened.push(...stores);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      const { rows } = await raw.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(
        Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1),
      );
      await raw.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        POSTGRES_SCHEMA_VERSION + 1,
        t0.toISOString(),
      ]);
    } finally {
      await raw.end();
    }
    await expect(PostgresDigestStore.open(url)).rejects.toThrow(/newer than this Shiting/);
  });

  it('says at once, naming no password, when the database does not exist or the login is refused', async () => {
    const missing = `postgres://postgres:test-password@127.0.0.1:${server!.port}/no_such_db`;
    const wrong = `postgres://postgres:wrong-secret@127.0.0.1:${server!.port}/postgres`;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    await expect(PostgresDigestStore.open(missing, { sleep })).rejects.toThrow(
      /127\.0\.0\.1:\d+\/no_such_db: .*does not exist/,
    );
    const refused = await PostgresDigestStore.open(wrong, { sleep }).catch((error: Error) => error);
    expect(String(refused)).toMatch(/refused the login/);
    expect(String(refused)).not.toContain('wrong-secret');
    expect(sleeps).toEqual([]);
  });
});
