// `npm start` / `shiting start`: validate the configuration, load the knowledge, connect, deploy, serve, and
// shut down cleanly on SIGINT/SIGTERM.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Config, DEFAULT_DB_PATH, readConfigOrSay } from '../config';
import { parseFlags, type Usage } from '../console/flags';
import { openPostgresStore } from '../digest/open-store';
import { Digests } from '../digest/runtime';
import { createLogger, type Logger } from '../logger';
import { checkHealth, type HealthReport, type HealthServer, startHealthServer } from '../ops/health-server';
import type { ProcessMetrics } from '../ops/metrics';
import { afterStop, waitForSignal } from '../ops/stopping';
import { type BotHandle, startBot } from './bot';
import { atSetting, describeDiscordError, type GatewayClosedError, SettingPathError } from './errors';
import { InvalidRequestBudget, watchInvalidRequests } from './invalid-requests';
import { watchParent } from './parent-watch';
import { channelProbe } from './probe';
import { installProcessGuards } from './process-guards';
import { fatalShardMessage, guildOwner, isShardProcess, runShardManager } from './shards';

export { type BotHandle, type BotOptions, startBot } from './bot';

export interface ShitingOptions {
  config: Config;
  logger: Logger;
  clock?: () => Date;
  /** Told when Discord closes the gateway for good after start (see BotOptions.onGatewayLost). */
  onGatewayLost?: (error: GatewayClosedError) => void;
  /** This process's metrics (GET /metrics), fed by the router, the scheduler and the REST watcher. */
  metrics?: ProcessMetrics;
}

export interface ShitingHandle {
  bot: BotHandle;
  /** For GET /healthz: the index loaded and the database answering. */
  health(): Promise<HealthReport>;
  stop(): Promise<void>;
}

/** Everything `npm start` runs, in-process: index, knowledge, commands, digests, the Discord client. */
export async function startShiting(options: ShitingOptions): Promise<ShitingHandle> {
  const { config, logger, clock, metrics } = options;
  // Loaded here, not at the top: a configuration error is reported before any of this is read.
  const [{ ensureIndex, openKnowledge, SHIPPED_SEEDS }, { resolveIndexPath }, { commands, messageCommands }] =
    await Promise.all([import('../knowledge/open'), import('../knowledge/load'), import('../../commands')]);
  const indexPath = resolveIndexPath(config.indexPath);
  const knowledge = atSetting('SHITING_INDEX (or --index)', indexPath, () => {
    ensureIndex(SHIPPED_SEEDS, indexPath);
    return openKnowledge(indexPath);
  });
  logger.info(
    { indexPath: path.relative(process.cwd(), indexPath), records: knowledge.kb.counts },
    'knowledge loaded',
  );

  // Opened, and written once, before login (the database is local and may refuse, e.g. a read-only file); ticks
  // start after it. Only the default location gets its directory made: an explicit path that does not exist is
  // more likely a typo than a wish for new directories.
  const digestOptions = {
    knowledge: () => knowledge.kb,
    defaultTimezone: config.digestTimezone,
    log: logger,
    clock,
    metrics: metrics?.digests,
    leftServerDays: config.digestLeftServerDays,
    tickEveryMs: config.tickMs,
  };
  let digests: Digests;
  if (config.databaseUrl) {
    // Shared with other processes: reached (with retries while the server comes up) and migrated before login.
    const store = await openPostgresStore(config.databaseUrl, { log: logger, leaseMs: config.leaseMs });
    digests = new Digests({ ...digestOptions, store });
  } else {
    const dbPath = path.resolve(config.dbPath);
    const createDirectory = config.dbPath === DEFAULT_DB_PATH;
    const problem = dbPathProblem(dbPath, createDirectory);
    if (problem) throw new SettingPathError('SHITING_DB', dbPath, problem);
    digests = atSetting(
      'SHITING_DB',
      dbPath,
      () => new Digests({ ...digestOptions, dbPath, createDirectory }),
      true,
    );
  }
  let bot: BotHandle;
  try {
    bot = await startBot({
      token: config.token,
      apiUrl: config.apiUrl,
      applicationId: config.applicationId,
      guildId: config.guildId,
      commands,
      messageCommands,
      knowledge,
      logger,
      clock,
      timeZone: config.digestTimezone,
      services: (client) => ({ digests: digests.service(channelProbe(client), client.rest) }),
      guildEvents: { left: (id) => digests.guildLeft(id), joined: (id) => digests.guildJoined(id) },
      onGatewayLost: options.onGatewayLost,
      metrics: metrics?.interactions,
    });
  } catch (error) {
    await digests.stop();
    throw error;
  }
  // Counted from here on: start-up's few requests cannot spend a budget in the thousands.
  const budget = new InvalidRequestBudget({ limit: config.invalidRequestLimit });
  const unwatch = watchInvalidRequests(bot.rest, budget, logger, Date.now, metrics?.rest);
  metrics?.watchBudget(budget);
  // Each shard's process posts the digests of its own guilds; together they cover all of them once. With
  // SHITING_DIGESTS=off, `shiting worker` processes post them instead (the store still serves /digest).
  if (config.digests === 'off') logger.info('digests left to workers (SHITING_DIGESTS=off)');
  else digests.start(bot.rest, guildOwner(bot.shards), budget);
  return {
    bot,
    health: () => checkHealth({ index: () => knowledge.kb.counts, database: () => digests.store.ping() }),
    async stop() {
      // Interactions in flight finish; then the scheduler stops after its in-flight posts and the database
      // closes; the client (whose REST those posts used) goes last.
      await bot.drain();
      await digests.stop();
      unwatch();
      await bot.stop();
    },
  };
}

/** What is wrong with the database's path before SQLite tries it (SQLite says only "unable to open"). */
function dbPathProblem(dbPath: string, createDirectory: boolean): string | undefined {
  if (existsSync(dbPath) && statSync(dbPath).isDirectory()) return 'it is a directory, not a file';
  const dir = path.dirname(dbPath);
  if (!existsSync(dir))
    return createDirectory
      ? undefined
      : `its directory ${dir} does not exist; create it or choose another path (only the default data/ is created for you)`;
  if (!statSync(dir).isDirectory()) return `${dir} is a file, not a directory`;
  return undefined;
}

const START_USAGE = {
  command: 'start',
  flags: {
    shards: {
      value: 'auto|N',
      about: 'run N shard processes, or as many as Discord recommends (or SHITING_SHARDS)',
    },
    index: {
      value: 'FILE',
      about: 'answer from another compiled index (or SHITING_INDEX; default build/index.json)',
    },
  },
  notes: 'Runs the bot; configuration from the environment or .env (see .env.example).',
} as const satisfies Usage;

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(START_USAGE, argv);
  if ('exit' in read) return read.exit;
  const { shards: shardsFlag, index: indexFlag } = read.values;
  // Through the environment, so that shard processes spawned from here answer from the same index.
  if (indexFlag !== undefined) process.env.SHITING_INDEX = indexFlag;
  const config = readConfigOrSay(shardsFlag === undefined ? {} : { SHITING_SHARDS: shardsFlag });
  if (!config) return 1;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  installProcessGuards(logger);
  const shardProcess = isShardProcess();
  if (config.shards !== undefined && !shardProcess) return runShardManager(config, logger);
  try {
    return await serve(config, logger, shardProcess);
  } finally {
    // The IPC channel to the manager keeps a shard process alive; closing it lets the process exit.
    if (shardProcess && process.connected) process.disconnect();
  }
}

/**
 * Under `--shards`, shard process N serves on SHITING_HTTP_PORT + N, since they share one machine's ports (0 stays
 * "any free port"). discord.js names each process's shard in SHARDS.
 */
function shardPort(port: number, shardProcess: boolean): number {
  const shard = Number(process.env.SHARDS);
  return shardProcess && port !== 0 && Number.isInteger(shard) ? port + shard : port;
}

/** Why serving ends: a signal, the parent that started the bot going away, or a gateway Discord closed for good. */
type StopReason = { signal: NodeJS.Signals } | { parentGone: string } | { lost: GatewayClosedError };

async function serve(config: Config, logger: Logger, shardProcess: boolean): Promise<number> {
  // A second signal means "now", except in a shard process, which gets Ctrl-C from the terminal and the same
  // signal forwarded by its manager: there the manager decides what "now" is.
  const stopSignal = waitForSignal(!shardProcess);
  const parent = watchParent();
  if (parent) logger.info({ pid: process.pid, parents: parent.chain }, 'watching the parent process');
  let gatewayLost!: (error: GatewayClosedError) => void;
  const lost = new Promise<GatewayClosedError>((resolve) => {
    gatewayLost = resolve;
  });
  // Only with SHITING_HTTP_PORT: without it nothing is counted and no port is opened.
  // prom-client is loaded only when metrics are served: a bot without SHITING_HTTP_PORT does not pay its memory.
  const metrics =
    config.httpPort === undefined ? undefined : (await import('../ops/metrics')).createMetrics();
  let app: ShitingHandle;
  let http: HealthServer | undefined;
  try {
    app = await startShiting({ config, logger, onGatewayLost: gatewayLost, metrics });
    if (metrics && config.httpPort !== undefined) {
      const port = shardPort(config.httpPort, shardProcess);
      const health = () => app.health();
      const serving = { port, host: config.httpHost, registry: metrics.registry, health, log: logger };
      http = await startHealthServer(serving).catch(async (error: unknown) => {
        await app.stop();
        throw new Error(`SHITING_HTTP_PORT ${port}: ${error instanceof Error ? error.message : error}`);
      });
    }
  } catch (error) {
    parent?.stop();
    const message = describeDiscordError(error, config.apiUrl);
    // A person gets the one line on stderr; the stack is for whoever turns on debug logs.
    logger.debug({ err: error }, 'could not start');
    process.stderr.write(`shiting start: ${message}\n`);
    return 1;
  }
  const reason = await Promise.race<StopReason>([
    stopSignal.then((signal) => ({ signal })),
    ...(parent ? [parent.gone.then((parentGone) => ({ parentGone }))] : []),
    lost.then((error) => ({ lost: error })),
  ]);
  parent?.stop();
  if ('lost' in reason) {
    // No reconnect will come: exit non-zero so that a supervisor restarts the bot or tells someone.
    logger.error({ code: reason.lost.code, shardId: reason.lost.shardId }, 'gateway lost; shutting down');
    process.stderr.write(`shiting start: ${reason.lost.message}\n`);
    // Under a shard manager, tell it first: it would otherwise respawn this shard into the same close forever.
    if (shardProcess && process.send) process.send(fatalShardMessage(reason.lost.message));
  } else if ('parentGone' in reason) {
    logger.warn({ reason: reason.parentGone }, 'parent process gone; shutting down');
  } else {
    logger.info({ signal: reason.signal }, 'shutting down');
  }
  await http?.close();
  await app.stop();
  logger.info('stopped');
  afterStop.exit();
  return 'lost' in reason ? 1 : 0;
}
