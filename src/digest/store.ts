// Digest subscriptions and deliveries: the store interface the digest code uses, and its SQLite implementation (the
// default; src/digest/postgres-store.ts is the other). One row per (subscription, local date) guards "one post a day".
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Locale } from '../locale';

export type EmptyDays = 'skip' | 'post';
export type PauseReason =
  | 'missing-access'
  | 'missing-permissions'
  | 'forbidden'
  | 'unknown-channel'
  | 'left-guild'
  /** Discord answered 400: it will refuse the same post again. */
  | 'rejected';
/** `pending`: claimed, not yet confirmed (a crash or a retryable failure); the others are final for that day. */
export type DeliveryStatus = 'pending' | 'sent' | 'skipped' | 'failed' | 'dropped';

export interface Subscription {
  id: number;
  guildId: string;
  channelId: string;
  /** HH:MM, local to `timezone`. */
  time: string;
  /** IANA name. */
  timezone: string;
  emptyDays: EmptyDays;
  locale: Locale;
  /** The role mentioned at the top of each post (and the only one it may ping); none when absent. */
  roleId?: string;
  /** Open a thread on each post (text and announcement channels). */
  thread: boolean;
  /** Crosspost each post to the servers following the channel (announcement channels). */
  publish: boolean;
  /** Discord's channel type when the subscription was set (0 text, 5 announcement, 15 forum, 16 media, 10/11 threads); absent when unknown. */
  channelType?: number;
  /** Always true since schema version 4 (`/digest off` deletes the row); false only on a row read mid-migration. */
  enabled: boolean;
  pausedReason?: PauseReason;
  pausedAt?: string;
  /** Whether the server was told about the current pause. */
  noticeSent: boolean;
  createdAt: string;
  /** Runs before this instant are not owed (no backlog for a new, changed or resumed schedule). ISO, UTC. */
  scheduleFrom: string;
  lastPostAt?: string;
  lastPostDate?: string;
  lastMessageId?: string;
  lastError?: string;
  lastErrorAt?: string;
}

export interface SubscriptionSettings {
  guildId: string;
  channelId: string;
  time: string;
  timezone: string;
  emptyDays: EmptyDays;
  locale: Locale;
  roleId?: string;
  /** Default false. */
  thread?: boolean;
  /** Default false. */
  publish?: boolean;
  channelType?: number;
}

/** How long what is kept about a server is kept (see PRIVACY.md). */
export interface RetentionPolicy {
  /** A server that removed the bot: its subscriptions (paused at once) are deleted this long after. */
  leftGuildMs: number;
  /** Delivery records of local dates older than this many days are deleted. */
  deliveryDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { leftGuildMs: 30 * 24 * 60 * 60_000, deliveryDays: 90 };

export interface PruneResult {
  /** Subscriptions deleted because the bot had left their server for longer than `leftGuildMs`. */
  subscriptions: number;
  /** Delivery records deleted (theirs, and those older than `deliveryDays`). */
  deliveries: number;
}

export interface SaveResult {
  subscription: Subscription;
  created: boolean;
  /** It had been paused or turned off and now runs again. */
  resumed: boolean;
}

export interface Delivery {
  subscriptionId: number;
  localDate: string;
  status: DeliveryStatus;
  messageId?: string;
  attempts: number;
  /** When the day was first claimed (ISO, UTC); absent for rows from before schema version 2. */
  claimedAt?: string;
  /** Who holds the claim (a store's `owner`) while it is `pending`; absent for rows from before schema version 3. */
  claimedBy?: string;
  /** Until when (ISO, UTC) the holder may still be posting; another owner may take a `pending` day after it. */
  leaseUntil?: string;
}

/** Who claims, and for how long a claim keeps other owners off a `pending` day. */
export interface ClaimOptions {
  /**
   * The claimer's name. Every process on one SQLite file shares one (its shards own disjoint guilds, and a
   * restarted bot retries its own unfinished day at once); each Postgres worker has its own.
   */
  owner?: string;
  /** How long a claim is held; longer than one delivery may take (retries, rate-limit pauses). */
  leaseMs?: number;
}

/**
 * Five minutes: more than a post's worst case (four tries with backoff, a minute of rate-limit pauses, the REST
 * client's own retries), so a live holder is never overtaken, yet a dead one's day is finished the same morning.
 */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** The owner of every claim made through a SQLite file (see ClaimOptions.owner). */
const LOCAL_OWNER = 'local';

/**
 * What the digest code (scheduler, deliverer, /digest service, runtime) needs of a store, whichever it is. Every
 * method may reject when the database cannot be reached; callers log and try again on the next tick or command.
 */
export interface DigestStore {
  readonly kind: 'sqlite' | 'postgres';
  /** This store's claim owner (see ClaimOptions). */
  readonly owner: string;
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query (GET /healthz); rejects when it cannot be reached. */
  ping(): Promise<void>;
  get(id: number): Promise<Subscription | undefined>;
  find(guildId: string, channelId: string): Promise<Subscription | undefined>;
  /** A server's turned-on subscriptions (paused ones included), oldest first. */
  forGuild(guildId: string): Promise<Subscription[]>;
  /** Every subscription the scheduler should consider: turned on and not paused, by id. */
  runnable(): Promise<Subscription[]>;
  /**
   * Create or update the subscription of (guild, channel). Turning it on again, resuming it or changing when it
   * runs moves `scheduleFrom` to `now`, so no run before `now` is owed.
   */
  save(settings: SubscriptionSettings, now: Date): Promise<SaveResult>;
  /**
   * Delete one channel's digest, or every digest of the server, with their delivery records; returns those
   * deleted (as they were). Deleting a server's last digest leaves nothing of that server in the store.
   */
  remove(guildId: string, channelId?: string): Promise<Subscription[]>;
  /**
   * Apply the retention policy at `now`: delete the subscriptions (and deliveries) of servers the bot left more
   * than `leftGuildMs` ago, and delivery records of local dates more than `deliveryDays` before `now`'s UTC date.
   */
  prune(now: Date, policy: RetentionPolicy): Promise<PruneResult>;
  /** Pause (never delete) with a reason shown in `/digest status`. False if it was already paused. */
  pause(id: number, reason: PauseReason, now: Date): Promise<boolean>;
  /**
   * Pause every subscription of a server for `reason`, also those paused for another one (leaving the server is what
   * counts then: it starts the retention clock); those already paused for `reason` keep their time. Returns how many.
   */
  pauseGuild(guildId: string, reason: PauseReason, now: Date): Promise<number>;
  /** Resume a server's subscriptions paused for `reason` (no backlog: they count from `now`). */
  resumeGuild(guildId: string, reason: PauseReason, now: Date): Promise<number>;
  markNoticeSent(id: number): Promise<void>;
  delivery(subscriptionId: number, localDate: string): Promise<Delivery | undefined>;
  /** Deliveries on or after a local date, keyed `id|date`: what the scheduler needs to decide a tick. */
  deliveriesSince(localDate: string): Promise<Map<string, DeliveryStatus>>;
  /**
   * Take (subscription, local date) for sending, atomically. Returns the number of this claim (1 for the first)
   * when there was no delivery yet, or a `pending` one (an interrupted attempt, retried with the same nonce) that
   * this owner holds or whose lease has run out at `now`; 0 when the day is settled or another owner holds it.
   * A re-claim keeps the first claim's `claimedAt`.
   */
  claim(subscriptionId: number, localDate: string, now: Date): Promise<number>;
  /**
   * Settle a day: sent (with its message), skipped (empty day), failed or dropped. The first settlement wins:
   * false (and nothing changed) when the day was already settled, e.g. by a worker that took over the claim.
   */
  settle(
    subscriptionId: number,
    localDate: string,
    status: Exclude<DeliveryStatus, 'pending'>,
    now: Date,
    detail?: { messageId?: string; error?: string },
  ): Promise<boolean>;
  /** Remember the latest error for `/digest status`, without touching any setting. */
  noteError(subscriptionId: number, error: string, now: Date): Promise<void>;
}

/** Ordered; entry i brings the schema from user_version i to i + 1. Never edit a shipped entry, append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     time TEXT NOT NULL,
     timezone TEXT NOT NULL,
     empty_days TEXT NOT NULL CHECK (empty_days IN ('skip', 'post')),
     locale TEXT NOT NULL,
     enabled INTEGER NOT NULL DEFAULT 1,
     paused_reason TEXT,
     paused_at TEXT,
     notice_sent INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     schedule_from TEXT NOT NULL,
     last_post_at TEXT,
     last_post_date TEXT,
     last_message_id TEXT,
     last_error TEXT,
     last_error_at TEXT,
     UNIQUE (guild_id, channel_id)
   );
   CREATE TABLE deliveries (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
     local_date TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'failed', 'dropped')),
     message_id TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (subscription_id, local_date)
   );
   CREATE INDEX deliveries_by_date ON deliveries (local_date);`,
  // The first claim's time tells a retry whether Discord may still remember the nonce of an earlier post.
  `ALTER TABLE deliveries ADD COLUMN claimed_at TEXT;`,
  // Who holds a pending day and until when: several workers share one database (the same columns in Postgres).
  `ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
   ALTER TABLE deliveries ADD COLUMN lease_until TEXT;`,
  // Options a server shapes its digest with (issue 14); `/digest off` now deletes, so rows turned off before go.
  `ALTER TABLE subscriptions ADD COLUMN role_id TEXT;
   ALTER TABLE subscriptions ADD COLUMN thread INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE subscriptions ADD COLUMN channel_type INTEGER;
   DELETE FROM deliveries WHERE subscription_id IN (SELECT id FROM subscriptions WHERE enabled = 0);
   DELETE FROM subscriptions WHERE enabled = 0;
   CREATE INDEX subscriptions_left ON subscriptions (paused_reason, paused_at);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** A subscriptions row; SQLite gives its booleans as 0/1, Postgres as booleans. */
export interface SubscriptionRow {
  id: number;
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  empty_days: EmptyDays;
  locale: Locale;
  role_id: string | null;
  thread: number | boolean;
  publish: number | boolean;
  channel_type: number | null;
  enabled: number | boolean;
  paused_reason: PauseReason | null;
  paused_at: string | null;
  notice_sent: number | boolean;
  created_at: string;
  schedule_from: string;
  last_post_at: string | null;
  last_post_date: string | null;
  last_message_id: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export interface DeliveryRow {
  subscription_id: number;
  local_date: string;
  status: DeliveryStatus;
  message_id: string | null;
  attempts: number;
  claimed_at: string | null;
  claimed_by: string | null;
  lease_until: string | null;
}

export function fromRow(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    emptyDays: r.empty_days,
    locale: r.locale,
    roleId: r.role_id ?? undefined,
    thread: r.thread === 1 || r.thread === true,
    publish: r.publish === 1 || r.publish === true,
    channelType: r.channel_type ?? undefined,
    enabled: r.enabled === 1 || r.enabled === true,
    pausedReason: r.paused_reason ?? undefined,
    pausedAt: r.paused_at ?? undefined,
    noticeSent: r.notice_sent === 1 || r.notice_sent === true,
    createdAt: r.created_at,
    scheduleFrom: r.schedule_from,
    lastPostAt: r.last_post_at ?? undefined,
    lastPostDate: r.last_post_date ?? undefined,
    lastMessageId: r.last_message_id ?? undefined,
    lastError: r.last_error ?? undefined,
    lastErrorAt: r.last_error_at ?? undefined,
  };
}

export function fromDeliveryRow(r: DeliveryRow): Delivery {
  return {
    subscriptionId: r.subscription_id,
    localDate: r.local_date,
    status: r.status,
    messageId: r.message_id ?? undefined,
    attempts: r.attempts,
    claimedAt: r.claimed_at ?? undefined,
    claimedBy: r.claimed_by ?? undefined,
    leaseUntil: r.lease_until ?? undefined,
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length)
    throw new Error(
      `the digest database has schema version ${current}, newer than this Shiting (${MIGRATIONS.length}); upgrade Shiting`,
    );
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * A committed write (the schema version, rewritten unchanged): SQLite opens an immutable file or one on a
 * read-only file system without complaint and refuses only the first write, which would be a user's /digest set.
 */
function proveWritable(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => db.pragma(`user_version = ${version}`))();
}

export interface SqliteStoreOptions extends ClaimOptions {
  /** Create the file's directory when missing (default true); false makes a missing directory an error. */
  createDirectory?: boolean;
}

/**
 * The SQLite store: synchronous underneath (better-sqlite3), each method settled by the time its promise is made,
 * so callers see the same order of effects as before the interface was asynchronous.
 */
export class SqliteDigestStore implements DigestStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  readonly owner: string;
  private readonly leaseMs: number;

  /**
   * `path` is a file or `:memory:`. Its directory is created unless `createDirectory` is false, when a missing
   * directory is an error (a mistyped path should not grow a tree of directories). Throws when the database
   * cannot be opened, migrated or written.
   */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.owner = options.owner ?? LOCAL_OWNER;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    if (path !== ':memory:') {
      const dir = dirname(path);
      if (options.createDirectory === false) {
        if (!existsSync(dir)) throw new Error(`its directory ${dir} does not exist`);
      } else mkdirSync(dir, { recursive: true });
    }
    this.db = new Database(path);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
      proveWritable(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async get(id: number): Promise<Subscription | undefined> {
    return this.getNow(id);
  }

  async find(guildId: string, channelId: string): Promise<Subscription | undefined> {
    return this.findNow(guildId, channelId);
  }

  async forGuild(guildId: string): Promise<Subscription[]> {
    return this.forGuildNow(guildId);
  }

  async runnable(): Promise<Subscription[]> {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions WHERE enabled = 1 AND paused_reason IS NULL ORDER BY id')
      .all() as SubscriptionRow[];
    return rows.map(fromRow);
  }

  async save(settings: SubscriptionSettings, now: Date): Promise<SaveResult> {
    const at = now.toISOString();
    return this.db.transaction((): SaveResult => {
      const before = this.findNow(settings.guildId, settings.channelId);
      if (!before) {
        const info = this.db
          .prepare(
            `INSERT INTO subscriptions (guild_id, channel_id, time, timezone, empty_days, locale, role_id, thread,
               publish, channel_type, created_at, schedule_from)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            settings.guildId,
            settings.channelId,
            settings.time,
            settings.timezone,
            settings.emptyDays,
            settings.locale,
            settings.roleId ?? null,
            settings.thread ? 1 : 0,
            settings.publish ? 1 : 0,
            settings.channelType ?? null,
            at,
            at,
          );
        return { subscription: this.getNow(Number(info.lastInsertRowid))!, created: true, resumed: false };
      }
      const { resumed, scheduleFrom } = changeOf(before, settings, at);
      this.db
        .prepare(
          `UPDATE subscriptions SET time = ?, timezone = ?, empty_days = ?, locale = ?, role_id = ?, thread = ?,
             publish = ?, channel_type = ?, enabled = 1, paused_reason = NULL, paused_at = NULL, notice_sent = 0, schedule_from = ?,
             last_error = CASE WHEN ? THEN NULL ELSE last_error END,
             last_error_at = CASE WHEN ? THEN NULL ELSE last_error_at END
           WHERE id = ?`,
        )
        .run(
          settings.time,
          settings.timezone,
          settings.emptyDays,
          settings.locale,
          settings.roleId ?? null,
          settings.thread ? 1 : 0,
          settings.publish ? 1 : 0,
          settings.channelType ?? null,
          scheduleFrom,
          resumed ? 1 : 0,
          resumed ? 1 : 0,
          before.id,
        );
      return { subscription: this.getNow(before.id)!, created: false, resumed };
    })();
  }

  async remove(guildId: string, channelId?: string): Promise<Subscription[]> {
    return this.db.transaction(() => {
      const targets = this.forGuildNow(guildId).filter(
        (s) => channelId === undefined || s.channelId === channelId,
      );
      for (const s of targets) this.deleteNow(s.id);
      return targets;
    })();
  }

  async prune(now: Date, policy: RetentionPolicy): Promise<PruneResult> {
    const { leftBefore, datesBefore } = retentionCutoffs(now, policy);
    return this.db.transaction((): PruneResult => {
      const gone = this.db
        .prepare("SELECT id FROM subscriptions WHERE paused_reason = 'left-guild' AND paused_at <= ?")
        .all(leftBefore) as { id: number }[];
      let deliveries = 0;
      for (const { id } of gone) deliveries += this.deleteNow(id);
      deliveries += this.db.prepare('DELETE FROM deliveries WHERE local_date < ?').run(datesBefore).changes;
      return { subscriptions: gone.length, deliveries };
    })();
  }

  async pause(id: number, reason: PauseReason, now: Date): Promise<boolean> {
    const info = this.db
      .prepare(
        `UPDATE subscriptions SET paused_reason = ?, paused_at = ?, notice_sent = 0
         WHERE id = ? AND paused_reason IS NULL`,
      )
      .run(reason, now.toISOString(), id);
    return info.changes > 0;
  }

  async pauseGuild(guildId: string, reason: PauseReason, now: Date): Promise<number> {
    return this.db
      .prepare(
        `UPDATE subscriptions SET paused_reason = ?, paused_at = ?, notice_sent = 0
         WHERE guild_id = ? AND enabled = 1 AND (paused_reason IS NULL OR paused_reason <> ?)`,
      )
      .run(reason, now.toISOString(), guildId, reason).changes;
  }

  async resumeGuild(guildId: string, reason: PauseReason, now: Date): Promise<number> {
    return this.db
      .prepare(
        `UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL, notice_sent = 0, schedule_from = ?
         WHERE guild_id = ? AND paused_reason = ?`,
      )
      .run(now.toISOString(), guildId, reason).changes;
  }

  async markNoticeSent(id: number): Promise<void> {
    this.db.prepare('UPDATE subscriptions SET notice_sent = 1 WHERE id = ?').run(id);
  }

  async delivery(subscriptionId: number, localDate: string): Promise<Delivery | undefined> {
    const row = this.db
      .prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND local_date = ?')
      .get(subscriptionId, localDate) as DeliveryRow | undefined;
    return row && fromDeliveryRow(row);
  }

  async deliveriesSince(localDate: string): Promise<Map<string, DeliveryStatus>> {
    const rows = this.db
      .prepare('SELECT subscription_id, local_date, status FROM deliveries WHERE local_date >= ?')
      .all(localDate) as Pick<DeliveryRow, 'subscription_id' | 'local_date' | 'status'>[];
    return new Map(rows.map((r) => [deliveryKey(r.subscription_id, r.local_date), r.status]));
  }

  async claim(subscriptionId: number, localDate: string, now: Date): Promise<number> {
    const at = now.toISOString();
    // One statement, so one write lock: a second process on the file sees the first's claim or waits for it.
    const row = this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, local_date, status, attempts, updated_at, claimed_at, claimed_by, lease_until)
         VALUES (@id, @date, 'pending', 1, @now, @now, @owner, @until)
         ON CONFLICT (subscription_id, local_date) DO UPDATE SET attempts = attempts + 1,
           updated_at = excluded.updated_at, claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
         WHERE status = 'pending'
           AND (claimed_by IS NULL OR claimed_by = excluded.claimed_by OR lease_until IS NULL OR lease_until <= excluded.updated_at)
         RETURNING attempts`,
      )
      .get({
        id: subscriptionId,
        date: localDate,
        now: at,
        owner: this.owner,
        until: new Date(now.getTime() + this.leaseMs).toISOString(),
      }) as { attempts: number } | undefined;
    return row?.attempts ?? 0;
  }

  async settle(
    subscriptionId: number,
    localDate: string,
    status: Exclude<DeliveryStatus, 'pending'>,
    now: Date,
    detail: { messageId?: string; error?: string } = {},
  ): Promise<boolean> {
    const at = now.toISOString();
    return this.db.transaction(() => {
      // Deleted (`/digest off`, retention) while its post was in flight: nothing is left to record it against.
      if (!this.getNow(subscriptionId)) return false;
      const recorded = this.db
        .prepare(
          `INSERT INTO deliveries (subscription_id, local_date, status, message_id, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (subscription_id, local_date)
           DO UPDATE SET status = excluded.status, message_id = excluded.message_id, updated_at = excluded.updated_at
           WHERE status = 'pending'`,
        )
        .run(subscriptionId, localDate, status, detail.messageId ?? null, at).changes;
      if (recorded === 0) return false;
      if (status === 'sent')
        this.db
          .prepare(
            `UPDATE subscriptions SET last_post_at = ?, last_post_date = ?, last_message_id = ?,
               last_error = NULL, last_error_at = NULL WHERE id = ?`,
          )
          .run(at, localDate, detail.messageId ?? null, subscriptionId);
      if (detail.error) this.noteErrorNow(subscriptionId, detail.error, now);
      return true;
    })();
  }

  async noteError(subscriptionId: number, error: string, now: Date): Promise<void> {
    this.noteErrorNow(subscriptionId, error, now);
  }

  private getNow(id: number): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id) as
      | SubscriptionRow
      | undefined;
    return row && fromRow(row);
  }

  private findNow(guildId: string, channelId: string): Subscription | undefined {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE guild_id = ? AND channel_id = ?')
      .get(guildId, channelId) as SubscriptionRow | undefined;
    return row && fromRow(row);
  }

  private forGuildNow(guildId: string): Subscription[] {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions WHERE guild_id = ? AND enabled = 1 ORDER BY id')
      .all(guildId) as SubscriptionRow[];
    return rows.map(fromRow);
  }

  /** Delete a subscription and its deliveries; returns how many deliveries went with it. */
  private deleteNow(id: number): number {
    const deliveries = this.db.prepare('DELETE FROM deliveries WHERE subscription_id = ?').run(id).changes;
    this.db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id);
    return deliveries;
  }

  private noteErrorNow(subscriptionId: number, error: string, now: Date): void {
    this.db
      .prepare('UPDATE subscriptions SET last_error = ?, last_error_at = ? WHERE id = ?')
      .run(error, now.toISOString(), subscriptionId);
  }
}

/**
 * What saving over an existing subscription changes: resuming (it was off or paused) and moving its time or zone
 * restart the schedule at `at`; any other edit keeps it.
 */
export function changeOf(
  before: Subscription,
  settings: SubscriptionSettings,
  at: string,
): { resumed: boolean; scheduleFrom: string } {
  const resumed = !before.enabled || before.pausedReason !== undefined;
  const moved = resumed || before.time !== settings.time || before.timezone !== settings.timezone;
  return { resumed, scheduleFrom: moved ? at : before.scheduleFrom };
}

/** What `prune` deletes before: pauses for leaving at or before `leftBefore`, local dates before `datesBefore`. */
export function retentionCutoffs(
  now: Date,
  policy: RetentionPolicy,
): { leftBefore: string; datesBefore: string } {
  const leftBefore = new Date(now.getTime() - policy.leftGuildMs).toISOString();
  const datesBefore = new Date(now.getTime() - policy.deliveryDays * 24 * 60 * 60_000)
    .toISOString()
    .slice(0, 10);
  return { leftBefore, datesBefore };
}

export function deliveryKey(subscriptionId: number, localDate: string): string {
  return `${subscriptionId}|${localDate}`;
}
