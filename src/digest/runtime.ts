// The digest feature assembled for the bot: database, /digest service, and the scheduler posting through REST.
import type { REST } from '@discordjs/rest';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { createDeliverer, type PostingBudget } from './deliver';
import { type DigestLog, DigestScheduler, silentLog } from './schedule';
import { type ChannelProbe, DigestService } from './service';
import { DigestStore } from './store';

export interface DigestsOptions {
  /** The SQLite file (default data/shiting.db in the config). */
  dbPath: string;
  /** Create the file's directory when missing (default true); false makes a missing directory an error. */
  createDirectory?: boolean;
  knowledge: () => KnowledgeBase;
  defaultTimezone?: string;
  log?: DigestLog;
  /** Injected in tests; the wall clock otherwise. */
  clock?: () => Date;
  /** How the deliverer waits (backoff, rate-limit pauses); injected in tests, real waiting otherwise. */
  sleep?: (ms: number) => Promise<void>;
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
    this.store = new DigestStore(options.dbPath, { createDirectory: options.createDirectory });
  }

  service(probe?: ChannelProbe): DigestService {
    this.probe ??= probe;
    this.digestService ??= new DigestService({
      store: this.store,
      knowledge: this.options.knowledge,
      defaultTimezone: this.options.defaultTimezone,
      probe,
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
    const { clock } = this.options;
    this.scheduler = new DigestScheduler({ store: this.store, deliver, clock, log, ownsGuild });
    this.scheduler.start();
    log.info(
      { subscriptions: this.scheduler.owned(this.store.runnable()).length },
      'digest scheduler started',
    );
    return this.scheduler;
  }

  /** The bot left a server (GUILD_DELETE without `unavailable`): pause its digests, keep their settings. */
  guildLeft(guildId: string): number {
    return this.service().guildLeft(guildId, this.now());
  }

  /** The bot is in a server (GUILD_CREATE): resume digests paused because it had left. */
  guildJoined(guildId: string): number {
    return this.service().guildJoined(guildId, this.now());
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
    this.scheduler = undefined;
    this.store.close();
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}
