// The health and metrics server on its own: its two routes, 404 and 405 for anything else, a request that is not
// HTTP, and /healthz failing when the real SQLite store behind it is closed.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/digest/store';
import { checkHealth, type HealthServer, startHealthServer } from '../../src/ops/health-server';
import { createMetrics } from '../../src/ops/metrics';
import { captureLogger } from '../discord/helpers';
import { sample } from './scrape';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(health: () => ReturnType<typeof checkHealth>) {
  const metrics = createMetrics();
  const { logger } = captureLogger();
  server = await startHealthServer({
    port: 0,
    host: '127.0.0.1',
    registry: metrics.registry,
    health,
    log: logger,
  });
  return { metrics, url: `http://127.0.0.1:${server.port}` };
}

/** Raw bytes to the server, and everything it sends back before closing. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (d) => {
      got += d;
    });
    socket.on('end', () => resolve(got));
    socket.on('error', reject);
  });
}

describe('health server', () => {
  it('answers /healthz with a JSON report and /metrics in the Prometheus format', async () => {
    const { metrics, url } = await serve(() => checkHealth({ index: () => true }));
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { index: true } });
    metrics.interactions.interaction('about', 'ok');
    const scraped = await fetch(`${url}/metrics?x=1`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(sample(text, 'shiting_interactions_total', { command: 'about', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'shiting_digests_total', { outcome: 'sent' })).toBe(0);
    // collectDefaultMetrics, on this registry only.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });

  it('404 for another path, 405 (with Allow) for another method', async () => {
    const { url } = await serve(() => checkHealth({}));
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/healthz/extra`)).status).toBe(404);
    const posted = await fetch(`${url}/metrics`, { method: 'POST', body: 'x' });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${url}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers 400 to bytes that are not HTTP and keeps serving', async () => {
    const { url } = await serve(() => checkHealth({}));
    const port = server!.port;
    expect(await raw(port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400 /,
    );
    // An odd request target that node accepts is just not found.
    expect(await raw(port, 'GET http://[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 (400|404) /,
    );
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('a health report that cannot be made answers 500, and the server keeps serving', async () => {
    const { url } = await serve(async () => {
      throw new Error('boom');
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(500);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });

  it('503 once the real SQLite store is closed: the database no longer answers', async () => {
    const store = new SqliteDigestStore(':memory:');
    const { url } = await serve(() => checkHealth({ index: () => true, database: () => store.ping() }));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await store.close();
    const down = await fetch(`${url}/healthz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { ok: boolean; checks: Record<string, unknown> };
    expect(body.ok).toBe(false);
    expect(body.checks.index).toBe(true);
    expect(body.checks.database).toEqual(expect.stringMatching(/not open/i));
  });
});
