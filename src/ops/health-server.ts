// GET /healthz and GET /metrics over node:http, for a supervisor's probe and a Prometheus scraper. Nothing else is
// served (but the `routes` a caller adds, such as serve's POST /interactions): 404 for other paths, 405 for other methods, 400 for a request node cannot parse. No request can end it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** Whether the process can do its work: each check true, or a short reason why not. */
export interface HealthReport {
  ok: boolean;
  checks: Record<string, true | string>;
}

/** What the server logs through; pino's logger fits. */
interface HealthLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface HealthServerOptions {
  port: number;
  /** Every interface when absent. */
  host?: string;
  registry: Registry;
  health(): Promise<HealthReport>;
  log: HealthLog;
  /** More paths on the same server, each answered by its own handler whatever the method (`shiting serve`). */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
}

export interface HealthServer {
  /** The bound port (the one chosen when `port` was 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Runs each check; one that throws (or rejects) is reported by its message and makes the report not ok. */
export async function checkHealth(checks: Record<string, () => unknown>): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, true | string]> => {
      try {
        await check();
        return [name, true];
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)];
      }
    }),
  );
  return { ok: entries.every(([, result]) => result === true), checks: Object.fromEntries(entries) };
}

const ROUTES = new Set(['/healthz', '/metrics']);

function send(res: ServerResponse, status: number, type: string, body: string, headers = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Listens, then logs `{ port }` "health and metrics listening"; rejects when the port cannot be bound. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { registry, log } = options;
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only the path matters; a request target node accepted but URL cannot read is simply not found.
    const path = URL.canParse(req.url ?? '', 'http://localhost')
      ? new URL(req.url ?? '', 'http://localhost').pathname
      : '';
    const extra = options.routes && Object.hasOwn(options.routes, path) ? options.routes[path] : undefined;
    if (extra) return extra(req, res);
    if (!ROUTES.has(path)) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
    if (path === '/metrics') return send(res, 200, registry.contentType, await registry.metrics());
    const report = await options.health();
    send(res, report.ok ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`);
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      log.warn({ err: error, url: req.url }, 'health/metrics request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  // Bytes that are not HTTP: answer 400 where the socket still can, and never let it reach 'error' unhandled.
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.warn({ err: error }, 'health/metrics server error'));
  const { port, address } = server.address() as AddressInfo;
  log.info({ port, host: address }, 'health and metrics listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
