// `shiting worker`: the digest scheduler and delivery alone, over REST (no gateway connection). Any number of workers,
// on any machines, share one PostgreSQL database (DATABASE_URL): each day of a subscription is claimed by one of
// them, and a worker that dies holding a claim loses it after a lease to another, which posts with the same nonce.
import { type Config, readConfigOrSay } from '../config';
import { parseFlags, type Usage } from '../console/flags';
import { atSetting, describeDiscordError } from '../discord/errors';
import { InvalidRequestBudget, watchInvalidRequests } from '../discord/invalid-requests';
import { installProcessGuards } from '../discord/process-guards';
import { createRest } from '../discord/rest';
import { createLogger, type Logger } from '../logger';
import { checkHealth, type HealthReport, type HealthServer, startHealthServer } from '../ops/health-server';
import type { ProcessMetrics } from '../ops/metrics';
import { stopOnSignal, waitForSignal } from '../ops/stopping';
import { openPostgresStore } from './open-store';
import { Digests } from './runtime';

const USAGE = {
  command: 'worker',
  flags: {
    index: {
      value: 'FILE',
      about: 'render from another compiled index (or SHITING_INDEX; default build/index.json)',
    },
  },
  notes:
    'Posts digests over REST, without a gateway connection; run any number of them against one PostgreSQL\n' +
    '(DATABASE_URL), and SHITING_DIGESTS=off on `shiting start` to leave digests to them. Configuration from\n' +
    'the environment or .env (see .env.example): DISCORD_TOKEN, DATABASE_URL, DISCORD_API_URL (the REST proxy\n' +
    'when several processes share the bot), SHITING_LEASE_SECONDS, SHITING_TICK_SECONDS.',
} as const satisfies Usage;

/** A configuration a worker cannot run with: said as one line, exit 1. */
class WorkerSetupError extends Error {
  override name = 'WorkerSetupError';
}

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv);
  if ('exit' in read) return read.exit;
  if (read.values.index !== undefined) process.env.SHITING_INDEX = read.values.index;
  const config = readConfigOrSay();
  if (!config) return 1;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  installProcessGuards(logger);
  const stopSignal = waitForSignal();
  // Only with SHITING_HTTP_PORT: without it nothing is counted and no port is opened.
  // prom-client is loaded only when metrics are served: a bot without SHITING_HTTP_PORT does not pay its memory.
  const metrics =
    config.httpPort === undefined ? undefined : (await import('../ops/metrics')).createMetrics();
  let worker: WorkerHandle;
  let http: HealthServer | undefined;
  try {
    worker = await startWorker(config, logger, metrics);
    if (metrics && config.httpPort !== undefined) {
      const running = worker;
      const { httpPort: port, httpHost: host } = config;
      const serving = { port, host, registry: metrics.registry, health: () => running.health(), log: logger };
      http = await startHealthServer(serving).catch(async (error: unknown) => {
        await running.stop();
        throw new Error(`SHITING_HTTP_PORT ${port}: ${error instanceof Error ? error.message : error}`);
      });
    }
  } catch (error) {
    logger.debug({ err: error }, 'could not start');
    process.stderr.write(`shiting worker: ${describeDiscordError(error, config.apiUrl)}\n`);
    return 1;
  }
  return stopOnSignal(stopSignal, logger, async () => {
    await http?.close();
    await worker.stop();
  });
}

interface WorkerHandle {
  /** For GET /healthz: the index loaded and the database answering. */
  health(): Promise<HealthReport>;
  stop(): Promise<void>;
}

/** Knowledge, store and REST client; then the scheduler, which catches up at once and ticks every minute. */
export async function startWorker(
  config: Config,
  logger: Logger,
  metrics?: ProcessMetrics,
): Promise<WorkerHandle> {
  const [{ ensureIndex, openKnowledge, SHIPPED_SEEDS }, { resolveIndexPath }] = await Promise.all([
    import('../knowledge/open'),
    import('../knowledge/load'),
  ]);
  const indexPath = resolveIndexPath(config.indexPath);
  const knowledge = atSetting('SHITING_INDEX (or --index)', indexPath, () => {
    ensureIndex(SHIPPED_SEEDS, indexPath);
    return openKnowledge(indexPath);
  });
  // SQLite is one machine's, where `start` posts digests itself; workers exist to share one database.
  if (!config.databaseUrl)
    throw new WorkerSetupError(
      'shiting worker needs DATABASE_URL (a PostgreSQL database that the workers share); on one machine, `shiting start` posts digests itself',
    );
  const store = await openPostgresStore(config.databaseUrl, { log: logger, leaseMs: config.leaseMs });
  const digests = new Digests({
    store,
    knowledge: () => knowledge.kb,
    defaultTimezone: config.digestTimezone,
    log: logger,
    metrics: metrics?.digests,
    leftServerDays: config.digestLeftServerDays,
    // Besides each minute: how soon after its lease a day whose worker died is finished by another.
    tickEveryMs: config.tickMs,
  });
  const rest = createRest(config);
  const budget = new InvalidRequestBudget({ limit: config.invalidRequestLimit });
  const unwatch = watchInvalidRequests(rest, budget, logger, Date.now, metrics?.rest);
  metrics?.watchBudget(budget);
  digests.start(rest, undefined, budget);
  logger.info({ owner: digests.store.owner, store: digests.store.kind }, 'digest worker started');
  return {
    health: () => checkHealth({ index: () => knowledge.kb.counts, database: () => digests.store.ping() }),
    async stop() {
      await digests.stop();
      unwatch();
    },
  };
}
