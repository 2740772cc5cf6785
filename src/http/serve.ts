// `shiting serve`: interactions over HTTP (Discord's Interactions Endpoint URL) instead of the gateway. Stateless:
// every replica answers any interaction, digest settings live in the shared store, and follow-ups go out over
// REST by the interaction's token. GET /healthz and /metrics are served on the same port.
import path from 'node:path';
import { REST } from '@discordjs/rest';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Services } from '../../commands/types';
import { type Config, DEFAULT_DB_PATH, readConfigOrSay } from '../config';
import { parseFlags, type Usage, usageError } from '../console/flags';
import { openPostgresStore } from '../digest/open-store';
import { Digests } from '../digest/runtime';
import { DigestService } from '../digest/service';
import { atSetting, describeDiscordError } from '../discord/errors';
import { installProcessGuards } from '../discord/process-guards';
import { restOptions } from '../discord/rest';
import { createInteractionRouter } from '../discord/router';
import { restTransport } from '../discord/transport';
import type { Knowledge } from '../knowledge/open';
import { createLogger, type Logger } from '../logger';
import { checkHealth, type HealthServer, startHealthServer } from '../ops/health-server';
import { createMetrics, type ProcessMetrics } from '../ops/metrics';
import { stopOnSignal, waitForSignal } from '../ops/stopping';
import type { ChartRenderer } from '../render/chart';
import { type ChartPool, createChartPool } from '../render/chart/pool';
import { createEndpoint } from './endpoint';
import { endpointMetrics } from './metrics';
import { interactionProbe } from './probe';
import { publicKeyFromHex } from './signature';
import { httpTransport } from './transport';

/** Where serve listens when neither --port nor SHITING_HTTP_PORT says. */
export const DEFAULT_SERVE_PORT = 8080;

export const MISSING_PUBLIC_KEY =
  "DISCORD_PUBLIC_KEY is not set. Set it to the application's public key (Developer Portal → General Information → Public Key, 64 hex characters).";

export interface ServeOptions {
  config: Config;
  logger: Logger;
  /** The time handlers see as `now`. */
  clock?: () => Date;
  /** Milliseconds since the epoch, for the signature timestamp check. */
  now?: () => number;
  /** As BotOptions.charts: a pool of serve's own by default, `false` draws in the handler, or a renderer. */
  charts?: ChartRenderer | false;
  /** Given to tests that open the index once for many replicas; otherwise read from config.indexPath. */
  knowledge?: Knowledge;
  metrics?: ProcessMetrics;
}

export interface ServeHandle {
  /** The bound port (the one chosen when the port is 0). */
  readonly port: number;
  readonly metrics: ProcessMetrics;
  /** New requests get 503, those in flight finish; then the server, the charts and the store close. */
  stop(): Promise<void>;
}

async function loadKnowledge(config: Config): Promise<Knowledge> {
  const [{ ensureIndex, openKnowledge, SHIPPED_SEEDS }, { resolveIndexPath }] = await Promise.all([
    import('../knowledge/open'),
    import('../knowledge/load'),
  ]);
  const indexPath = resolveIndexPath(config.indexPath);
  return atSetting('SHITING_INDEX (or --index)', indexPath, () => {
    ensureIndex(SHIPPED_SEEDS, indexPath);
    return openKnowledge(indexPath);
  });
}

/** The digest store `/digest` writes to: PostgreSQL with DATABASE_URL, else the SQLite file (one machine). */
async function openDigests(config: Config, knowledge: Knowledge, logger: Logger): Promise<Digests> {
  const options = { knowledge: () => knowledge.kb, defaultTimezone: config.digestTimezone, log: logger };
  if (config.databaseUrl)
    return new Digests({ ...options, store: await openPostgresStore(config.databaseUrl, { log: logger }) });
  const dbPath = path.resolve(config.dbPath);
  const createDirectory = config.dbPath === DEFAULT_DB_PATH;
  return atSetting('SHITING_DB', dbPath, () => new Digests({ ...options, dbPath, createDirectory }), true);
}

/** Everything `shiting serve` runs, in-process: knowledge, store, router, and the HTTP server. */
export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const { config, logger } = options;
  if (!config.publicKey) throw new Error(MISSING_PUBLIC_KEY);
  const publicKey = publicKeyFromHex(config.publicKey);
  // Loaded here, not at the top: a configuration mistake is told before any of this is read.
  const { commands, messageCommands } = await import('../../commands');
  const knowledge = options.knowledge ?? (await loadKnowledge(config));
  const digests = await openDigests(config, knowledge, logger);
  const ownPool: ChartPool | undefined =
    options.charts === undefined ? createChartPool({ logger }) : undefined;
  const charts = options.charts === false ? undefined : (options.charts ?? ownPool);
  // Interaction-token routes only, which need no bot token and are exempt from the global limit (see restTransport).
  const webhooks = new REST({ ...restOptions(config.apiUrl), globalRequestsPerSecond: 10_000 });
  const transport = httpTransport(restTransport(webhooks, webhooks));
  const metrics = options.metrics ?? createMetrics();
  const services = (interaction: APIInteraction): Services => ({
    // No guild cache here: the channel checks read the interaction itself.
    digests: new DigestService({
      store: digests.store,
      knowledge: () => knowledge.kb,
      defaultTimezone: config.digestTimezone,
      probe: interactionProbe(interaction),
    }),
    ...(charts ? { charts } : {}),
  });
  const router = createInteractionRouter({
    commands,
    messageCommands,
    knowledge,
    transport,
    logger,
    clock: options.clock,
    services,
    timeZone: config.digestTimezone,
    metrics: metrics.interactions,
  });
  const endpoint = createEndpoint({
    publicKey,
    router,
    transport,
    logger,
    now: options.now,
    metrics: endpointMetrics(metrics.registry),
  });
  const closeRest = () => {
    webhooks.clearHashSweeper();
    webhooks.clearHandlerSweeper();
  };
  let http: HealthServer;
  const port = config.httpPort ?? DEFAULT_SERVE_PORT;
  try {
    http = await startHealthServer({
      port,
      host: config.httpHost,
      registry: metrics.registry,
      health: () => checkHealth({ index: () => knowledge.kb.counts, database: () => digests.store.ping() }),
      log: logger,
      routes: { '/interactions': (req, res) => endpoint.handle(req, res) },
    });
  } catch (error) {
    await ownPool?.destroy();
    await digests.stop();
    closeRest();
    throw new Error(
      `SHITING_HTTP_PORT (or --port) ${port}: ${error instanceof Error ? error.message : error}`,
    );
  }
  logger.info({ port: http.port, path: '/interactions' }, 'interactions endpoint listening');
  return {
    port: http.port,
    metrics,
    async stop() {
      await endpoint.drain();
      await http.close();
      await ownPool?.destroy();
      await digests.stop();
      closeRest();
    },
  };
}

const USAGE = {
  command: 'serve',
  flags: {
    port: { value: 'N', about: `listen on port N (or SHITING_HTTP_PORT; default ${DEFAULT_SERVE_PORT})` },
    index: {
      value: 'FILE',
      about: 'answer from another compiled index (or SHITING_INDEX; default build/index.json)',
    },
  },
  notes:
    'Answers interactions at POST /interactions (set it as the Interactions Endpoint URL in the Developer\n' +
    'Portal), with GET /healthz and /metrics on the same port. Needs DISCORD_PUBLIC_KEY; digests are kept in\n' +
    'DATABASE_URL (or SHITING_DB) and posted by `shiting worker` or `shiting start`. Configuration from the\n' +
    'environment or .env (see .env.example).',
} as const satisfies Usage;

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv);
  if ('exit' in read) return read.exit;
  const { port, index } = read.values;
  if (port !== undefined && !/^\d+$/.test(port))
    return usageError(USAGE, `--port needs a port number: ${port}`);
  if (index !== undefined) process.env.SHITING_INDEX = index;
  const config = readConfigOrSay(port === undefined ? {} : { SHITING_HTTP_PORT: port }, { token: false });
  if (!config) return 1;
  if (!config.publicKey) {
    process.stderr.write(`shiting serve: ${MISSING_PUBLIC_KEY}\n`);
    return 1;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  installProcessGuards(logger);
  const stopSignal = waitForSignal();
  let serving: ServeHandle;
  try {
    serving = await startServe({ config, logger });
  } catch (error) {
    logger.debug({ err: error }, 'could not start');
    process.stderr.write(`shiting serve: ${describeDiscordError(error, config.apiUrl)}\n`);
    return 1;
  }
  return stopOnSignal(stopSignal, logger, () => serving.stop());
}
