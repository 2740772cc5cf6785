import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestStore, SCHEMA_VERSION, type SubscriptionSettings } from '../../src/digest/store';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiting-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'digests.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

describe('DigestStore', () => {
  it('creates the file in WAL mode at the latest schema version, and reopens it', () => {
    const path = tempDb();
    const store = new DigestStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    store.save(settings, t0);
    store.close();
    const again = new DigestStore(path);
    expect(again.forGuild(settings.guildId)).toHaveLength(1);
    again.close();
  });

  it('refuses a database from a newer Shiting', () => {
    const path = tempDb();
    new DigestStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new DigestStore(path)).toThrow(/newer than this Shiting/);
  });

  it('upgrades a version 1 database in place; its old claims have no claim time', () => {
    const path = tempDb();
    const store = new DigestStore(path);
    const { id } = store.save(settings, t0).subscription;
    store.close();
    const raw = new Database(path);
    raw.exec('ALTER TABLE deliveries DROP COLUMN claimed_at');
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO deliveries (subscription_id, local_date, status, attempts, updated_at) VALUES (?, ?, 'pending', 1, ?)`,
      )
      .run(id, '2025-06-10', t0.toISOString());
    raw.close();
    const again = new DigestStore(path);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(again.delivery(id, '2025-06-10')).toMatchObject({ status: 'pending', claimedAt: undefined });
    again.close();
  });

  it('upserts by (guild, channel); moving the time moves scheduleFrom, other edits do not', () => {
    const store = new DigestStore(':memory:');
    const first = store.save(settings, t0);
    expect(first).toMatchObject({ created: true, resumed: false });
    const same = store.save({ ...settings, emptyDays: 'post' }, later(5));
    expect(same.created).toBe(false);
    expect(same.subscription.id).toBe(first.subscription.id);
    expect(same.subscription.scheduleFrom).toBe(t0.toISOString());
    const moved = store.save({ ...settings, time: '10:00' }, later(10));
    expect(moved.subscription.scheduleFrom).toBe(later(10).toISOString());
  });

  it('claims a day once; a settled day cannot be claimed again, a pending one can', () => {
    const store = new DigestStore(':memory:');
    const { id } = store.save(settings, t0).subscription;
    expect(store.claim(id, '2025-06-10', t0)).toBe(1);
    expect(store.claim(id, '2025-06-10', later(1))).toBe(2);
    // A retry must see when the day was first claimed, not when it was last retried.
    expect(store.delivery(id, '2025-06-10')).toMatchObject({
      status: 'pending',
      attempts: 2,
      claimedAt: t0.toISOString(),
    });
    store.settle(id, '2025-06-10', 'sent', later(1), { messageId: '300000000000000001' });
    expect(store.claim(id, '2025-06-10', later(2))).toBe(0);
    expect(store.get(id)).toMatchObject({ lastPostDate: '2025-06-10', lastMessageId: '300000000000000001' });
    expect(store.deliveriesSince('2025-06-09').get(`${id}|2025-06-10`)).toBe('sent');
  });

  it('pauses with a reason, keeps every setting, and resumes on save', () => {
    const store = new DigestStore(':memory:');
    const { id } = store.save(settings, t0).subscription;
    expect(store.pause(id, 'missing-permissions', later(1))).toBe(true);
    expect(store.pause(id, 'unknown-channel', later(2))).toBe(false);
    const paused = store.get(id)!;
    expect(paused).toMatchObject({
      pausedReason: 'missing-permissions',
      time: '09:00',
      timezone: 'Asia/Shanghai',
    });
    expect(store.runnable()).toEqual([]);
    expect(store.forGuild(settings.guildId)).toHaveLength(1);
    const resumed = store.save(settings, later(3));
    expect(resumed).toMatchObject({ resumed: true });
    expect(resumed.subscription.pausedReason).toBeUndefined();
    expect(resumed.subscription.scheduleFrom).toBe(later(3).toISOString());
  });

  it('pauses a whole server on leave and resumes it on return', () => {
    const store = new DigestStore(':memory:');
    store.save(settings, t0);
    store.save({ ...settings, channelId: '200000000000000002' }, t0);
    store.save({ ...settings, guildId: '100000000000000002' }, t0);
    expect(store.pauseGuild(settings.guildId, 'left-guild', later(1))).toBe(2);
    expect(store.runnable()).toHaveLength(1);
    expect(store.resumeGuild(settings.guildId, 'left-guild', later(2))).toBe(2);
    expect(store.runnable()).toHaveLength(3);
  });

  it('turns off one channel or all, keeping the rows', () => {
    const store = new DigestStore(':memory:');
    store.save(settings, t0);
    store.save({ ...settings, channelId: '200000000000000002' }, t0);
    expect(store.disable(settings.guildId, settings.channelId).map((s) => s.channelId)).toEqual([
      settings.channelId,
    ]);
    expect(store.disable(settings.guildId)).toHaveLength(1);
    expect(store.forGuild(settings.guildId)).toEqual([]);
    expect(store.find(settings.guildId, settings.channelId)?.enabled).toBe(false);
  });
});
