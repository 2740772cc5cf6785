// `shiting rest-proxy`: the one owner of the bot's REST budget. Discord allows a bot 50 requests a second for all its
// processes together, and bans it for a while at 10,000 invalid requests (401/403/429) in ten minutes; every other
// process (start, its shards, workers) points DISCORD_API_URL here, and this process sends everything through one
// @discordjs/rest client (with the discord.js team's @discordjs/proxy helpers), which paces the global limit and each route's
// bucket, waits out 429s, and counts the invalid requests of the whole bot. While that count is at its limit,
// channel posts are refused here (503) instead of reaching Discord, and the process that sent one holds its own posting.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { populateErrorResponse, populateSuccessfulResponse } from '@discordjs/proxy';
import { REST, type RESTOptions, type RequestMethod, type RouteLike } from '@discordjs/rest';
import { readConfigOrSay } from '../config';
import { parseFlags, type Usage } from '../console/flags';
import {
  INVALID_REQUEST_WARNING_INTERVAL,
  InvalidRequestBudget,
  POSTING_STOPPED_HEADER,
  watchInvalidRequests,
} from '../discord/invalid-requests';
import { installProcessGuards } from '../discord/process-guards';
import { createLogger, type Logger } from '../logger';
import { checkHealth, type HealthServer, startHealthServer } from './health-server';
import type { ProcessMetrics } from './metrics';
import { stopOnSignal, waitForSignal } from './stopping';

const DEFAULT_UPSTREAM = 'https://discord.com/api';
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';
/**
 * Requests the proxy lets through to Discord in any second (interaction routes aside, which Discord does not
 * count). Not Discord's 50: @discordjs/rest sends its 50 in a burst at the start of each second of its own while
 * Discord's second starts when a request arrives, so a burst that arrives a little early lands in the previous
 * second and is refused. Sent evenly and at most 48 a second by their actual send times, latency has two
 * requests' worth of slack (measured: /work/notes/scale.md).
 */
const DEFAULT_REQUESTS_PER_SECOND = 48;
/** Discord's 50 a second, evenly: the schedule the limiter keeps below its per-second cap. */
const GAP_MS = 20;
/** How far behind its schedule the limiter may be before it gives up catching up. */
const CATCH_UP_MS = 100;
/** Refusals are logged at most this often, with how many there were since the last line. */
const REFUSAL_LOG_EVERY_MS = 10_000;

const USAGE = {
  command: 'rest-proxy',
  flags: {},
  notes:
    "Forwards the bot's REST requests to Discord through one rate-limit budget: point DISCORD_API_URL of every\n" +
    'other process (start, its shards, worker) at http://HOST:PORT/api. Configuration from the environment or\n' +
    '.env: DISCORD_TOKEN (only requests bearing it are forwarded), SHITING_PROXY_PORT (default 8080),\n' +
    'SHITING_PROXY_HOST (default 127.0.0.1), SHITING_UPSTREAM_API_URL (default https://discord.com/api),\n' +
    'SHITING_INVALID_REQUEST_LIMIT, SHITING_HTTP_PORT for GET /healthz and GET /metrics.',
} as const satisfies Usage;

export interface RestProxyOptions {
  /** The bot's token: a request bearing another is refused here (401) and never reaches Discord. */
  token: string;
  /** The REST base forwarded to, without the version; Discord's own by default. */
  upstream?: string;
  port: number;
  host?: string;
  log: Logger;
  /** The bot-wide invalid-request count; posts are refused while it is spent. */
  budget: InvalidRequestBudget;
  metrics?: ProcessMetrics;
  /** Milliseconds since the epoch, for the budget's watcher; injectable for tests. */
  now?: () => number;
  /** Requests a second sent on to Discord, spread evenly (interaction routes are not held); default 48. */
  requestsPerSecond?: number;
  /** Extra options for the upstream client (tests shorten its timeouts). */
  rest?: Partial<RESTOptions>;
}

export interface RestProxy {
  readonly port: number;
  /** What the other processes set DISCORD_API_URL to: `http://host:port/api`. */
  readonly apiUrl: string;
  /** The requests the proxy refused because the budget was spent. */
  readonly refused: number;
  close(): Promise<void>;
}

/** The route of a proxied request as @discordjs/proxy reads it: the path without `/api` and `/vN`. */
function routeOf(url: string | undefined): string {
  const path = URL.canParse(url ?? '', 'http://proxy') ? new URL(url ?? '', 'http://proxy').pathname : '';
  return path.replace(/^\/api(\/v\d+)?/, '');
}

/** Interaction callbacks and webhook follow-ups carry their own token in the path and no Authorization. */
function isTokenlessRoute(route: string): boolean {
  return route.startsWith('/interactions/') || route.startsWith('/webhooks/');
}

/** A message created in a channel: digests and their notices, what stops while the budget is spent. */
function isChannelPost(method: string | undefined, route: string): boolean {
  return method === 'POST' && /^\/channels\/\d+\/messages\/?$/.test(route);
}

/**
 * Lets requests go in the order they asked: at most `perSecond` within any 1,000 ms by the times they actually
 * leave, and otherwise on a schedule of one every GAP_MS. The schedule is kept even when timers fire late on a
 * busy machine (a late request is followed by the next at once), but never runs more than CATCH_UP_MS behind, so
 * that a stalled event loop releases a handful at once, not a second's worth.
 */
function sendLimiter(perSecond: number): () => Promise<void> {
  const sent: number[] = [];
  let slot = 0;
  let queue: Promise<void> = Promise.resolve();
  const take = async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      while (sent.length > 0 && sent[0]! <= now - 1_000) sent.shift();
      slot = Math.max(slot, now - CATCH_UP_MS);
      const wait = Math.max(sent.length >= perSecond ? sent[0]! + 1_000 - now : 0, slot - now);
      if (wait <= 0) {
        sent.push(now);
        slot += GAP_MS;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  return () => {
    queue = queue.then(take);
    return queue;
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/**
 * Sends one request through the shared client and writes Discord's answer back, with @discordjs/proxy's helpers
 * (which drop the x-ratelimit headers: the budget is kept here). Unlike its `proxyRequests`, the body is read
 * first: the client re-sends it after a 429 it waits out, and a stream would already be spent (an empty post).
 * A request whose sender has gone (a timeout, a killed process) is dropped from the queue, never sent.
 */
async function forwardRequest(
  rest: REST,
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  turn: () => Promise<void>,
): Promise<void> {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const body = await readBody(req);
  if (!isTokenlessRoute(route)) await turn();
  const headers: Record<string, string> = {};
  const type = req.headers['content-type'];
  if (type) headers['Content-Type'] = type;
  if (req.headers.authorization) headers.Authorization = req.headers.authorization;
  const reason = req.headers['x-audit-log-reason'];
  if (typeof reason === 'string') headers['X-Audit-Log-Reason'] = reason;
  try {
    const answer = await rest.queueRequest({
      fullRoute: route as RouteLike,
      // Whatever the method, Discord answers it (405 for one it does not know).
      method: (req.method ?? 'GET') as RequestMethod,
      body,
      passThroughBody: true,
      // The sender's Authorization is forwarded as it is.
      auth: false,
      query: new URL(req.url ?? '', 'http://proxy').searchParams,
      headers,
      signal: gone.signal,
    });
    await populateSuccessfulResponse(res, answer);
  } catch (error) {
    if (!populateErrorResponse(res, error)) throw error;
  } finally {
    res.end();
  }
}

function refuse(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startRestProxy(options: RestProxyOptions): Promise<RestProxy> {
  const { budget, log, token } = options;
  const now = options.now ?? Date.now;
  // No token of its own: each request's Authorization is forwarded, once checked below to be the bot's.
  // retries 0: a 5xx goes back to the process that asked, whose client retries it (one retry policy, not two).
  const rest = new REST({
    api: options.upstream ?? DEFAULT_UPSTREAM,
    retries: 0,
    invalidRequestWarningInterval: INVALID_REQUEST_WARNING_INTERVAL,
    ...options.rest,
  });
  const unwatch = watchInvalidRequests(rest, budget, log, now, options.metrics?.rest);
  options.metrics?.watchBudget(budget);
  const turn = sendLimiter(options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND);
  const expected = `Bot ${token}`;
  let refused = 0;
  let refusedSinceLog = 0;
  let refusing = false;
  let lastRefusalLog = Number.NEGATIVE_INFINITY;

  const refusePost = (res: ServerResponse, route: string) => {
    refused++;
    refusing = true;
    refusedSinceLog++;
    const clearsInSeconds = Math.max(1, Math.ceil(budget.clearsInMs() / 1_000));
    if (now() - lastRefusalLog >= REFUSAL_LOG_EVERY_MS) {
      lastRefusalLog = now();
      log.error(
        {
          refused: refusedSinceLog,
          route,
          invalidRequests: budget.count(),
          limit: budget.limit,
          clearsInSeconds,
        },
        'REST proxy refusing channel posts: the bot has too many invalid requests to Discord in 10 minutes; posting resumes when the window clears',
      );
      refusedSinceLog = 0;
    }
    refuse(
      res,
      503,
      { message: 'Posting stopped: too many invalid requests to Discord in 10 minutes.', code: 0 },
      { [POSTING_STOPPED_HEADER]: String(clearsInSeconds), 'retry-after': String(clearsInSeconds) },
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const route = routeOf(req.url);
    const auth = req.headers.authorization;
    // Another bot's token, or none where Discord needs one: refused here, where it costs Discord nothing.
    if (auth === undefined ? !isTokenlessRoute(route) : auth !== expected) {
      log.warn({ method: req.method, route }, 'REST proxy refused a request without this bot’s token (401)');
      return refuse(res, 401, { message: '401: Unauthorized', code: 0 });
    }
    if (isChannelPost(req.method, route)) {
      if (budget.exhausted()) return refusePost(res, route);
      if (refusing) {
        refusing = false;
        log.warn({ refused, invalidRequests: budget.count() }, 'REST proxy forwarding channel posts again');
      }
    }
    forwardRequest(rest, req, res, route, turn).catch((error: unknown) => {
      // Discord unreachable, or a request @discordjs/proxy cannot read: the caller's client retries a 502.
      log.warn({ err: error, method: req.method, route }, 'REST proxy could not forward a request');
      if (!res.headersSent) refuse(res, 502, { message: 'REST proxy could not reach Discord', code: 0 });
      else res.destroy();
    });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? DEFAULT_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.warn({ err: error }, 'REST proxy server error'));
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  log.info({ port, host: address, upstream: options.upstream ?? DEFAULT_UPSTREAM }, 'REST proxy listening');
  return {
    port,
    apiUrl: `http://${host}:${port}/api`,
    get refused() {
      return refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        unwatch();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function run(argv: string[]): Promise<number> {
  const read = parseFlags(USAGE, argv);
  if ('exit' in read) return read.exit;
  const config = readConfigOrSay();
  if (!config) return 1;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  installProcessGuards(logger);
  const stopSignal = waitForSignal();
  const metrics = config.httpPort === undefined ? undefined : (await import('./metrics')).createMetrics();
  let proxy: RestProxy;
  let http: HealthServer | undefined;
  const port = config.proxyPort ?? DEFAULT_PORT;
  try {
    proxy = await startRestProxy({
      token: config.token,
      upstream: config.upstreamApiUrl,
      port,
      host: config.proxyHost,
      requestsPerSecond: config.proxyRequestsPerSecond,
      log: logger,
      budget: new InvalidRequestBudget({ limit: config.invalidRequestLimit }),
      metrics,
    }).catch((error: unknown) => {
      throw new Error(`SHITING_PROXY_PORT ${port}: ${error instanceof Error ? error.message : error}`);
    });
    if (metrics && config.httpPort !== undefined) {
      const { httpPort, httpHost: host } = config;
      const health = () => checkHealth({ proxy: () => true });
      http = await startHealthServer({
        port: httpPort,
        host,
        registry: metrics.registry,
        health,
        log: logger,
      }).catch(async (error: unknown) => {
        await proxy.close();
        throw new Error(`SHITING_HTTP_PORT ${httpPort}: ${error instanceof Error ? error.message : error}`);
      });
    }
  } catch (error) {
    process.stderr.write(`shiting rest-proxy: ${error instanceof Error ? error.message : error}\n`);
    return 1;
  }
  return stopOnSignal(stopSignal, logger, async () => {
    await http?.close();
    await proxy.close();
  });
}
