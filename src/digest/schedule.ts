// When digests run: local wall-clock times through DST (luxon), which runs are due now, and the ticking scheduler.
import { DateTime, IANAZone } from 'luxon';
import cron, { type ScheduledTask } from 'node-cron';
import {
  DEFAULT_RETENTION,
  type DeliveryStatus,
  type DigestStore,
  deliveryKey,
  type RetentionPolicy,
  type Subscription,
} from './store';

/**
 * How late a digest may still go out after its time, for today's runs missed while the bot was down.
 * Six hours: a morning digest still arrives in the morning-to-afternoon after a restart, yet a run missed
 * for longer (or from an earlier day) is dropped and logged rather than posted as stale news.
 */
export const CATCH_UP_MS = 6 * 60 * 60 * 1000;

const MINUTE = 60_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** HH:MM on a 24-hour clock, as `/digest set time:` takes it (`9:30` is accepted and normalised). */
export function parseTime(text: string): string | undefined {
  const padded = /^\d:\d\d$/.test(text.trim()) ? `0${text.trim()}` : text.trim();
  return TIME.test(padded) ? padded : undefined;
}

/** The IANA zone's canonical spelling when it is one luxon and Intl know, else undefined. */
export function parseTimeZone(text: string): string | undefined {
  const name = text.trim();
  if (!name || !IANAZone.isValidZone(name)) return undefined;
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** The local date (YYYY-MM-DD) in `zone` at an instant. */
export function localDateAt(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

function shiftDate(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Instants at which the zone's clock reads `wall` (ms of a wall time written as if UTC): 0, 1 or 2 of them. */
function instantsShowing(zone: IANAZone, wall: number): number[] {
  // Offsets in force within a few hours of the first guess cover both sides of any transition.
  const guess = wall - zone.offset(wall) * MINUTE;
  const offsets = new Set([-3, 0, 3].map((h) => zone.offset(guess + h * 60 * MINUTE)));
  const found = [...offsets]
    .map((o) => wall - o * MINUTE)
    .filter((ts) => zone.offset(ts) === (wall - ts) / MINUTE);
  return [...new Set(found)].sort((a, b) => a - b);
}

/**
 * When a subscription's run for a local date happens: `time` on that date in `zone`. In a repeated hour
 * (clocks going back) the first occurrence, so it runs once; in a skipped hour (clocks going forward)
 * the next minute that exists on that day's clock.
 */
export function runAt(localDate: string, time: string, zone: string): Date {
  const iana = IANAZone.create(zone);
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // A gap is at most a few hours; walking minute by minute finds its end.
  for (let step = 0; step <= 24 * 60; step++) {
    const first = instantsShowing(iana, wall + step * MINUTE)[0];
    if (first !== undefined) return new Date(first);
  }
  throw new Error(`no valid local time for ${localDate} ${time} in ${zone}`);
}

/** The next run strictly after `now` that the subscription owes (never one before `scheduleFrom`). */
export function nextRun(sub: Pick<Subscription, 'time' | 'timezone' | 'scheduleFrom'>, now: Date): Date {
  const from = Math.max(now.getTime(), Date.parse(sub.scheduleFrom) - 1);
  let date = localDateAt(new Date(from), sub.timezone);
  for (;;) {
    const at = runAt(date, sub.time, sub.timezone);
    if (at.getTime() > from) return at;
    date = shiftDate(date, 1);
  }
}

export interface Decision {
  subscription: Subscription;
  localDate: string;
  runAt: Date;
  /** `send`: owed and within the catch-up window; `drop`: missed beyond it, to be recorded and logged. */
  action: 'send' | 'drop';
}

/**
 * Which subscriptions must post now (pure). For each, the latest run at or before `now` is owed when it is
 * not before `scheduleFrom` (no backlog) and its day is not settled in `deliveries` (`pending` is not settled:
 * an interrupted send is retried). It is sent when it is today's run and at most `windowMs` late, else dropped.
 */
export function dueSubscriptions(
  subscriptions: readonly Subscription[],
  deliveries: ReadonlyMap<string, DeliveryStatus>,
  now: Date,
  windowMs = CATCH_UP_MS,
): Decision[] {
  const decisions: Decision[] = [];
  for (const subscription of subscriptions) {
    if (!subscription.enabled || subscription.pausedReason) continue;
    const today = localDateAt(now, subscription.timezone);
    let localDate = today;
    let at = runAt(today, subscription.time, subscription.timezone);
    if (at > now) {
      localDate = shiftDate(today, -1);
      at = runAt(localDate, subscription.time, subscription.timezone);
    }
    if (at.getTime() < Date.parse(subscription.scheduleFrom)) continue;
    const status = deliveries.get(deliveryKey(subscription.id, localDate));
    if (status && status !== 'pending') continue;
    const fresh = localDate === today && now.getTime() - at.getTime() <= windowMs;
    decisions.push({ subscription, localDate, runAt: at, action: fresh ? 'send' : 'drop' });
  }
  return decisions;
}

/** What the scheduler logs through; pino's logger fits. */
export interface DigestLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLog: DigestLog = { info() {}, warn() {}, error() {} };

export interface TickReport {
  at: Date;
  sent: number;
  skipped: number;
  failed: number;
  paused: number;
  dropped: number;
  /** Left `pending` after a retryable failure: the next tick tries again within the window. */
  retrying: number;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'paused' | 'retrying' | 'settled-elsewhere';

/** Sends the `send` decisions of a tick (src/digest/deliver.ts), one outcome per decision, in order. */
export type Deliver = (decisions: readonly Decision[], now: Date) => Promise<DeliveryOutcome[]>;

/** What the scheduler tells a metrics sink (src/ops/metrics.ts) after each tick. */
export interface DigestMetrics {
  tick(report: TickReport): void;
  /** A tick the database failed (it is the store the tick reads and settles through). */
  databaseError(): void;
}

export interface SchedulerOptions {
  store: DigestStore;
  deliver: Deliver;
  clock?: () => Date;
  log?: DigestLog;
  catchUpMs?: number;
  /** The guilds this process posts for (under sharding: those on its shards); every guild by default. */
  ownsGuild?: (guildId: string) => boolean;
  metrics?: DigestMetrics;
  /** What is deleted, and when (PRIVACY.md); DEFAULT_RETENTION when absent. */
  retention?: RetentionPolicy;
  /** How often a tick applies the retention policy (default hourly; the first tick always does). */
  pruneEveryMs?: number;
}

const HOUR = 60 * MINUTE;

/**
 * Ticks once a minute (node-cron) and on `start` (to catch up after a restart). Every tick is awaited and
 * ticks never overlap: a tick asked for while one runs waits for it; a cron firing during a long tick is skipped
 * (the next tick sees anything still owed).
 */
export class DigestScheduler {
  private readonly clock: () => Date;
  private readonly log: DigestLog;
  private readonly catchUpMs: number;
  private task?: ScheduledTask;
  private last: Promise<unknown> = Promise.resolve();
  private prunedAt?: number;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? silentLog;
    this.catchUpMs = options.catchUpMs ?? CATCH_UP_MS;
  }

  start(): void {
    if (this.task) return;
    this.task = cron.createTask('* * * * *', () => this.tick(), { name: 'shiting-digests', noOverlap: true });
    this.task.start();
    void this.tick();
  }

  /** Stop ticking and wait for an in-flight tick (and its posts) to finish. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task) await task.destroy();
    await this.last;
  }

  /** The subscriptions this process delivers; other shards' processes deliver (and drop) the rest. */
  owned(subscriptions: readonly Subscription[]): readonly Subscription[] {
    const { ownsGuild } = this.options;
    return ownsGuild ? subscriptions.filter((s) => ownsGuild(s.guildId)) : subscriptions;
  }

  /** One tick at `now` (default: the clock when the tick begins); never rejects. */
  tick(now?: Date): Promise<TickReport> {
    const run = this.last.then(() => this.runTick(now ?? this.clock()));
    this.last = run;
    return run;
  }

  /**
   * Apply the retention policy, at most once per `pruneEveryMs` of the tick clock: servers the bot left long
   * enough ago lose their digests, and old delivery records go. Every process may do it; deleting twice is harmless.
   */
  private async prune(now: Date): Promise<void> {
    const every = this.options.pruneEveryMs ?? HOUR;
    if (this.prunedAt !== undefined && now.getTime() - this.prunedAt < every) return;
    const pruned = await this.options.store.prune(now, this.options.retention ?? DEFAULT_RETENTION);
    this.prunedAt = now.getTime();
    if (pruned.subscriptions > 0 || pruned.deliveries > 0)
      this.log.info({ ...pruned, at: now.toISOString() }, 'digest retention: deleted what is kept no longer');
  }

  private async runTick(now: Date): Promise<TickReport> {
    const report: TickReport = {
      at: now,
      sent: 0,
      skipped: 0,
      failed: 0,
      paused: 0,
      dropped: 0,
      retrying: 0,
    };
    try {
      const { store } = this.options;
      // Local dates run at most a day either side of UTC's; two days back covers "yesterday" everywhere.
      const deliveries = await store.deliveriesSince(shiftDate(localDateAt(now, 'utc'), -2));
      const runnable = await store.runnable();
      const decisions = dueSubscriptions(this.owned(runnable), deliveries, now, this.catchUpMs);
      for (const d of decisions.filter((d) => d.action === 'drop')) {
        // Another worker may have settled it since the tick read the deliveries: only a recorded drop counts.
        if (!(await store.settle(d.subscription.id, d.localDate, 'dropped', now))) continue;
        report.dropped++;
        this.log.warn(
          {
            subscription: d.subscription.id,
            guild: d.subscription.guildId,
            channel: d.subscription.channelId,
            localDate: d.localDate,
            runAt: d.runAt.toISOString(),
          },
          'digest run missed beyond the catch-up window; dropped',
        );
      }
      const sends = decisions.filter((d) => d.action === 'send');
      if (sends.length > 0) {
        const outcomes = await this.options.deliver(sends, now);
        for (const outcome of outcomes) if (outcome !== 'settled-elsewhere') report[outcome]++;
      }
      if (sends.length > 0 || report.dropped > 0)
        this.log.info({ ...report, at: now.toISOString() }, 'digest tick');
      await this.prune(now);
    } catch (error) {
      this.options.metrics?.databaseError();
      this.log.error({ err: error }, 'digest tick failed; the next tick retries');
    }
    // Also a failed tick's: what it did post before failing was posted.
    this.options.metrics?.tick(report);
    return report;
  }
}
