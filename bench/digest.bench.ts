// Digest fan-out: 1,000 subscriptions due at the same minute, through the real scheduler and REST client,
// to the local fake Discord enforcing a 50 requests/s global limit and answering some 429s and 500s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDeliverer, DEFAULT_CONCURRENCY } from '../src/digest/deliver';
import { DigestScheduler } from '../src/digest/schedule';
import { SqliteDigestStore } from '../src/digest/store';
import { createRest } from '../src/discord/rest';
import { compileSeeds } from '../src/knowledge/compile';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base';
import { knowledgeFromIndex } from '../src/knowledge/load';
import { type FakeGuild, faults, startFakeDiscord } from '../test/fake-discord';
import { runCluster } from './digest-cluster.bench';
import { median, type Section } from './lib';

const SUBSCRIPTIONS = 1_000;
const PER_GUILD = 10;
const GLOBAL_LIMIT = 50;
/** Every this many requests, the next post is answered with an injected fault (alternating 500 and 429). */
const FAULT_EVERY = 40;
const RUNS = Number(process.env.BENCH_DIGEST_RUNS ?? 3);

// 09:00 in Shanghai on a day with entries.
const CREATED = new Date('2026-03-28T00:00:00Z');
const DUE = new Date('2026-03-28T01:00:00Z');

const snowflake = (prefix: string, n: number) => `${prefix}${String(n).padStart(15, '0')}`;

interface Sample {
  seconds: number;
  perSecond: number;
  duplicates: number;
  missing: number;
  injected500: number;
  injected429: number;
  all429: number;
  requests: number;
}

async function once(kb: KnowledgeBase): Promise<Sample> {
  const guilds: FakeGuild[] = Array.from({ length: SUBSCRIPTIONS / PER_GUILD }, (_, g) => ({
    id: snowflake('1201', g),
    channels: Array.from({ length: PER_GUILD }, (_, c) => ({ id: snowflake('1301', g * PER_GUILD + c) })),
  }));
  const fake = await startFakeDiscord({ guilds, globalRateLimit: GLOBAL_LIMIT });
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-bench-digest-'));
  const store = new SqliteDigestStore(path.join(dir, 'shiting.db'));
  try {
    for (const guild of guilds)
      for (const channel of guild.channels ?? [])
        await store.save(
          {
            guildId: guild.id,
            channelId: channel.id,
            time: '09:00',
            timezone: 'Asia/Shanghai',
            emptyDays: 'post',
            locale: 'en-US',
          },
          CREATED,
        );
    const route = { method: 'POST', path: '/channels/:id/messages' };
    let posts = 0;
    let injected500 = 0;
    let injected429 = 0;
    fake.on('request', (request) => {
      if (request.method !== 'POST' || !request.path.startsWith('/channels/')) return;
      posts++;
      if (posts % FAULT_EVERY !== 0) return;
      if ((posts / FAULT_EVERY) % 2 === 0) {
        injected429++;
        fake.fail(route, faults.rateLimited(0.1));
      } else {
        injected500++;
        fake.fail(route, faults.serverError);
      }
    });
    // The bot's own REST client settings (429s waited out, 5xx retried, 50 requests/s by itself).
    const rest = createRest({ token: fake.token, apiUrl: fake.apiUrl });
    const deliver = createDeliverer({ rest, store, knowledge: () => kb });
    const scheduler = new DigestScheduler({ store, deliver, clock: () => DUE });
    const t0 = performance.now();
    const report = await scheduler.tick(DUE);
    const seconds = (performance.now() - t0) / 1000;
    // A second tick a minute later (as after a restart) must post nothing more.
    await scheduler.tick(new Date(DUE.getTime() + 60_000));
    const perChannel = new Map<string, number>();
    for (const m of fake.messages) perChannel.set(m.channelId, (perChannel.get(m.channelId) ?? 0) + 1);
    const duplicates = [...perChannel.values()].reduce((n, c) => n + c - 1, 0);
    const missing = SUBSCRIPTIONS - perChannel.size;
    if (report.sent !== SUBSCRIPTIONS - missing)
      process.stderr.write(
        `bench digest: tick reported ${report.sent} sent, Discord has ${perChannel.size}\n`,
      );
    return {
      seconds,
      perSecond: perChannel.size / seconds,
      duplicates,
      missing,
      injected500,
      injected429,
      all429: fake.requests.filter((r) => r.status === 429 && r.path.startsWith('/channels/')).length,
      requests: posts,
    };
  } finally {
    await store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Section[]> {
  const compiled = compileSeeds('seeds');
  if (!compiled.ok) throw new Error('bench digest: the seeds do not compile; run npx shiting compile');
  const kb = knowledgeFromIndex(compiled.index);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once(kb));
  // BENCH_DIGEST_CLUSTER=0 leaves out the multi-process run (about a minute).
  const cluster = process.env.BENCH_DIGEST_CLUSTER === '0' ? [] : await runCluster();
  const med = (key: keyof Sample) => median(samples.map((s) => s[key]));
  const worst = (key: keyof Sample) => Math.max(...samples.map((s) => s[key]));
  return [
    {
      title: `Digest fan-out: ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions due at the same minute`,
      figures: [
        { name: 'time to deliver all (median)', value: med('seconds'), unit: 's' },
        {
          name: 'messages per second (median)',
          value: med('perSecond'),
          unit: 'msg/s',
          target: { op: '>=', value: 45 },
        },
        {
          name: 'duplicate posts (worst run)',
          value: worst('duplicates'),
          unit: '',
          target: { op: '<=', value: 0 },
        },
        {
          name: 'missing posts (worst run)',
          value: worst('missing'),
          unit: '',
          target: { op: '<=', value: 0 },
        },
        { name: 'POST requests answered (median)', value: med('requests'), unit: '' },
        { name: '429s answered, injected + global limit (median)', value: med('all429'), unit: '' },
        { name: '500s injected (median)', value: med('injected500'), unit: '' },
      ],
      notes: [
        `${RUNS} runs. Fake Discord enforces ${GLOBAL_LIMIT} requests/s globally and answers every ${FAULT_EVERY}th post ` +
          'with a 500 or a 429 (alternating); @discordjs/rest (the bot’s settings) waits out 429s and retries 5xx, ' +
          `the deliverer posts ${DEFAULT_CONCURRENCY} at a time. A second tick a minute later checks that nothing is posted twice.`,
      ],
    },
    ...cluster,
  ];
}
