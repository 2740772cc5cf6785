// The digest feature assembled for the bot: database, /digest service, and the scheduler posting through REST.
import type { REST } from '@discordjs/rest';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { createDeliverer, type PostingBudget } from './deliver';
import { type DigestLog, type DigestMetrics, DigestScheduler, silentLog } from './schedule';
import { type ChannelProbe, DigestService } from './service';
import { DEFAULT_RETENTION, type DigestStore, SqliteDigestStore } from './store';

export interface DigestsOptions {
  /** An opened store (src/digest/open-store.ts chooses SQLite or Postgres); closed by `stop()`. */
  store?: DigestStore;
  /** Without `store`: the SQLite file to open (default data/shiting.db in the config). */
  dbPath?: string;
  /** Create the file's directory when missing (default true); false makes a missing directory an error. */
  createDirectory?: boolean;
  knowledge: () => KnowledgeBase;
  defaultTimezone?: string;
  log?: DigestLog;
  /** Injected in tests; the wall clock otherwise. */
  clock?: () => Date;
  /** How the deliverer waits (backoff, rate-limit pauses); injected in tests, real waiting otherwise. */
  sleep?: (ms: number) => Promise<void>;
  /** Told of every tick and database error (GET /metrics); nothing is counted when absent. */
  metrics?: DigestMetrics;
  /** Days a server that removed the bot keeps its (paused) digests before they are deleted; 30 when absent. */
  leftServerDays?: number;
}

/**
 * Open once at start-up. `service(probe)` gives `/digest` its service (the probe comes from the client once it
 * exists); `start(client.rest, ownsGuild)` after login begins ticking (and catches up at once); `stop()` at shutdown lets
 * in-flight posts finish, then closes the database.
 */
export class Digests {
  readonly store: DigestStore;
  private readonly options: DigestsOptions;
  private digestService?: DigestService;
  private probe?: ChannelProbe;
  private scheduler?: DigestScheduler;

  constructor(options: DigestsOptions) {
    this.options = options;
    if (options.store) this.store = options.store;
    else if (options.dbPath !== undefined)
      this.store = new SqliteDigestStore(options.dbPath, { createDirectory: options.createDirectory });
    else throw new Error('Digests needs a store or a dbPath');
  }

  /** `rest`: the bot's REST client, for `/digest test` (without it the test says it cannot post). */
  service(probe?: ChannelProbe, rest?: REST): DigestService {
    this.probe ??= probe;
    this.digestService ??= new DigestService({
      store: this.store,
      knowledge: this.options.knowledge,
      defaultTimezone: this.options.defaultTimezone,
      probe,
      rest,
    });
    return this.digestService;
  }

  /**
   * `ownsGuild`: the guilds whose digests this process posts (its shards' guilds); all when absent. `budget`: the
   * bot's invalid-request count (src/discord/invalid-requests.ts); posting stops while it is spent.
   */
  start(rest: REST, ownsGuild?: (guildId: string) => boolean, budget?: PostingBudget): DigestScheduler {
    if (this.scheduler) return this.scheduler;
    const log = this.options.log ?? silentLog;
    const deliver = createDeliverer({
      rest,
      store: this.store,
      knowledge: this.options.knowledge,
      log,
      budget,
      probe: this.probe,
      sleep: this.options.sleep,
    });
    const { clock, metrics, leftServerDays } = this.options;
    const retention = {
      ...DEFAULT_RETENTION,
      ...(leftServerDays === undefined ? {} : { leftGuildMs: leftServerDays * 24 * 60 * 60_000 }),
    };
    this.scheduler = new DigestScheduler({
      store: this.store,
      deliver,
      clock,
      log,
      ownsGuild,
      metrics,
      retention,
    });
    this.scheduler.start();
    const scheduler = this.scheduler;
    // The count is for the log only: a database that cannot answer now does not stop the scheduler starting.
    this.store.runnable().then(
      (subs) => log.info({ subscriptions: scheduler.owned(subs).length }, 'digest scheduler started'),
      (error: unknown) => log.info({ err: error }, 'digest scheduler started'),
    );
    return scheduler;
  }

  /** The bot left a server (GUILD_DELETE without `unavailable`): pause its digests, keep their settings. */
  async guildLeft(guildId: string): Promise<number> {
    return this.guildEvent('left', () => this.service().guildLeft(guildId, this.now()), guildId);
  }

  /** The bot is in a server (GUILD_CREATE): resume digests paused because it had left. */
  async guildJoined(guildId: string): Promise<number> {
    return this.guildEvent('joined', () => this.service().guildJoined(guildId, this.now()), guildId);
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
    this.scheduler = undefined;
    await this.store.close();
  }

  /** The gateway does not wait for these: a database error is logged here, never left unhandled. */
  private async guildEvent(kind: string, run: () => Promise<number>, guildId: string): Promise<number> {
    try {
      return await run();
    } catch (error) {
      this.options.metrics?.databaseError();
      (this.options.log ?? silentLog).error(
        { err: error, guild: guildId, event: kind },
        'digest guild event not recorded',
      );
      return 0;
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
