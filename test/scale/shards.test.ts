// `shiting start --shards 4` through `shiting rest-proxy`, as real processes against the fake Discord with its 50
// requests/s global limit: four shard processes posting their guilds' digests at the same moment stay within the
// one budget — Discord answers at most 1 % of their requests with a 429 (each shard alone would send 50 a second).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/digest/store';
import { spawnDelayMs } from '../../src/discord/shards';
import { removeTempDirs, type Spawned, spawnShiting, startEnv, tempDir } from '../discord/helpers';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { sample } from '../ops/scrape';
import { writeShippedIndex } from '../support/shipped';
import { killAll, logLines, manyGuilds, startProxyProcess, zoneNearNoon } from './processes';

const SHARDS = 4;
const GUILDS = 40;
const PER_GUILD = 10;
const TOTAL = GUILDS * PER_GUILD;

let fake: FakeDiscord | undefined;
const processes: Spawned[] = [];
afterAll(async () => {
  killAll(processes);
  await fake?.close();
  removeTempDirs();
});

describe('how far apart the manager spawns shards', () => {
  it('5.5 s divided by Discord’s max_concurrency, 5.5 s when it is missing or nonsense', () => {
    expect([1, 4, 16, undefined, 0, -2, 1.5].map(spawnDelayMs)).toEqual([
      5500, 1375, 344, 5500, 5500, 5500, 5500,
    ]);
  });
});

describe(`shiting start --shards ${SHARDS} through shiting rest-proxy`, () => {
  it(`${TOTAL} digests due on every shard at once: each posted once, 429s ≤ 1 % of requests`, async () => {
    const guilds = manyGuilds(GUILDS, PER_GUILD);
    // max_concurrency 4: the four shards may identify together, so the manager spawns them 1.4 s apart, not 5.5 s.
    fake = await startFakeDiscord({ guilds, globalRateLimit: 50, checkToken: true, maxConcurrency: SHARDS });
    // 40 a second, not the default 48: the fake counts arrivals in its own event loop, which a loaded test
    // machine stalls and then drains in a bunch; what is tested is that four shards share one budget.
    const proxy = await startProxyProcess(fake, true, { SHITING_PROXY_REQUESTS_PER_SECOND: '40' });
    processes.push(proxy.spawned);
    const dir = tempDir('shiting-scale-shards-');
    const env: Record<string, string> = {
      ...startEnv(fake, dir),
      DISCORD_API_URL: proxy.apiUrl,
      // The subscriptions are made once every shard is up; each looks for due digests every second.
      SHITING_TICK_SECONDS: '1',
    };
    writeShippedIndex(env.SHITING_INDEX!);
    const manager = spawnShiting(['start', '--shards', String(SHARDS)], env);
    processes.push(manager);
    await logLines(manager, (r) => r.msg === 'digest scheduler started', SHARDS);

    const now = new Date();
    const timezone = zoneNearNoon(now);
    const store = new SqliteDigestStore(path.join(dir, 'shiting.db'));
    const before = fake.requests.length;
    try {
      for (const guild of guilds)
        for (const channel of guild.channels ?? [])
          await store.save(
            {
              guildId: guild.id,
              channelId: channel.id,
              time: '10:00',
              timezone,
              emptyDays: 'post',
              locale: 'en-US',
            },
            new Date(now.getTime() - 4 * 60 * 60_000),
          );
    } finally {
      await store.close();
    }
    const exited = manager.exit.then(({ output }) => new Error(`the manager exited early:\n${output}`));
    while (new Set(fake.messages.map((m) => m.channelId)).size < TOTAL) {
      const next = await Promise.race([fake.nextRequest((r) => r.method === 'POST'), exited]);
      if (next instanceof Error) throw next;
    }
    manager.child.kill('SIGTERM');
    const { code, output } = await manager.exit;
    expect(code).toBe(0);

    // Each shard posted its own guilds' digests (all four took part), each digest once.
    expect(fake.messages).toHaveLength(TOTAL);
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; sent?: number });
    const sentByTicks = lines.filter((l) => l.msg === 'digest tick').map((l) => l.sent ?? 0);
    expect(sentByTicks.reduce((a, b) => a + b, 0)).toBe(TOTAL);
    expect(sentByTicks.filter((n) => n > 0).length).toBeGreaterThanOrEqual(SHARDS);
    const during = fake.requests.slice(before);
    const answered429 = during.filter((r) => r.status === 429).length;
    expect(answered429).toBeLessThanOrEqual(during.length / 100);

    // The proxy saw every one of those answers, and says so on /metrics; /healthz is 200; SIGTERM stops it with 0.
    const http = `http://127.0.0.1:${proxy.httpPort}`;
    const metrics = await (await fetch(`${http}/metrics`)).text();
    expect(sample(metrics, 'shiting_rest_responses_total', { status: '200' })).toBe(
      fake.requests.filter((r) => r.status === 200).length,
    );
    const all429 = fake.requests.filter((r) => r.status === 429).length;
    expect(sample(metrics, 'shiting_rest_429_total', { scope: 'global' }) ?? 0).toBe(all429);
    expect(sample(metrics, 'shiting_invalid_requests')).toBe(all429);
    expect((await fetch(`${http}/healthz`)).status).toBe(200);
    proxy.spawned.child.kill('SIGTERM');
    expect((await proxy.spawned.exit).code).toBe(0);
  }, 120_000);
});
