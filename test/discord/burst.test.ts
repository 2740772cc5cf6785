// Under a burst, through discord.js against the fake Discord: replies leave as their handlers finish (not after
// the whole burst has run), and a chart being drawn in the worker pool holds up no other reply. Ordering only:
// counts taken at the moment a callback arrives, and a chart held at a gate, never a clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RESTEvents } from '@discordjs/rest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { stat } from '../../commands/stat';
import type { Command, Knowledge } from '../../commands/types';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { openKnowledge } from '../../src/knowledge/open';
import { type ChartPool, createChartPool } from '../../src/render/chart/pool';
import { pngSize } from '../chart/fixtures';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';
import { type CapturedLogger, captureLogger, NO_KNOWLEDGE } from './helpers';

const BURST = 300;

let dir: string;
let knowledge: Knowledge;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-burst-'));
  const indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  knowledge = openKnowledge(indexPath);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a burst of interactions', () => {
  let handled = 0;
  const count: Command = {
    definition: { name: 'count', description: 'Counts its handler runs' },
    handle() {
      handled += 1;
      return { payload: { content: `run ${handled}` } };
    },
  };
  let fake: FakeDiscord;
  let bot: BotHandle;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      commands: [count],
      knowledge: NO_KNOWLEDGE,
      logger: captureLogger('warn').logger,
      charts: false,
      // Only the order of handlers and callbacks is under test; a deferral would add callbacks of its own.
      deferAfterMs: 600_000,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('sends the first callback before the last handler has run, and answers every interaction', async () => {
    handled = 0;
    const pending = Array.from({ length: BURST }, () =>
      fake.sendInteraction(fake.commandInteraction({ name: 'count' })),
    );
    // Read in the first callback's own continuation: no handler can run in between (they run in later turns).
    const handledAtFirst = await Promise.race(pending.map((p) => p.callback.then(() => handled)));
    const replies = await Promise.all(pending.map((p) => p.reply));
    expect(handledAtFirst).toBeGreaterThan(0);
    expect(handledAtFirst).toBeLessThan(BURST);
    expect(handled).toBe(BURST);
    // Every one answered once, directly or (behind a long queue) deferred and then edited.
    expect(new Set(replies.map((r) => r.data.content)).size).toBe(BURST);
  });
});

describe('an interaction behind a long queue', () => {
  const DEFER_BEYOND = 5;
  let fake: FakeDiscord;
  let bot: BotHandle;
  const order: string[] = [];
  const tagged: Command = {
    definition: { name: 'tagged', description: 'Says which one it is' },
    handle(_knowledge, options) {
      order.push(`handle ${String(options.n)}`);
      return { payload: { content: `n=${String(options.n)}` } };
    },
  };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      commands: [tagged],
      knowledge: NO_KNOWLEDGE,
      logger: captureLogger('warn').logger,
      charts: false,
      deferAfterMs: 600_000,
      deferBeyond: DEFER_BEYOND,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('is deferred on arrival, before its handler runs, and then edited with its answer', async () => {
    const pending = Array.from({ length: 40 }, (_, n) =>
      fake.sendInteraction(fake.commandInteraction({ name: 'tagged', options: { n } })),
    );
    for (const [n, p] of pending.entries()) {
      void p.callback.then((c) => {
        if (c.type === InteractionResponseType.DeferredChannelMessageWithSource) order.push(`deferred ${n}`);
      });
    }
    // The bot's own REST client (whose 50 a second the channel posts need) carries none of the edits.
    const throughBotRest: string[] = [];
    const onResponse = (request: { path: string }) => throughBotRest.push(request.path);
    bot.rest.on(RESTEvents.Response, onResponse);
    const replies = await Promise.all(pending.map((p) => p.reply));
    bot.rest.off(RESTEvents.Response, onResponse);
    expect(throughBotRest.filter((p) => p.startsWith('/webhooks/'))).toEqual([]);
    expect(replies.map((r) => r.data.content)).toEqual(pending.map((_, n) => `n=${n}`));
    // Those with at most DEFER_BEYOND waiting ahead are answered directly, whatever the arrival pattern.
    expect(replies.slice(0, DEFER_BEYOND + 1).every((r) => !r.deferred)).toBe(true);
    const deferred = replies.flatMap((r, n) => (r.deferred ? [n] : []));
    expect(deferred.length).toBeGreaterThan(0);
    for (const n of deferred)
      expect(order.indexOf(`deferred ${n}`)).toBeLessThan(order.indexOf(`handle ${n}`));
  });
});

describe('a chart in the worker pool', () => {
  let fake: FakeDiscord;
  let bot: BotHandle;
  let pool: ChartPool;
  let log: CapturedLogger;
  // Slot 0: the gate (0 closed, 1 open); slot 1: renders started.
  const gate = new Int32Array(new SharedArrayBuffer(8));

  beforeAll(async () => {
    log = captureLogger('warn');
    pool = createChartPool({
      logger: log.logger,
      threads: 1,
      worker: new URL('./fixtures/gated-chart-worker.mjs', import.meta.url),
      workerData: { gate: gate.buffer },
    });
    fake = await startFakeDiscord();
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      commands: [stat, edition],
      knowledge,
      logger: log.logger,
      charts: pool,
      deferAfterMs: 600_000,
    });
  });

  afterAll(async () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await bot?.stop();
    await pool?.destroy();
    await fake?.close();
  });

  it('does not hold up a lookup while it is drawn, and arrives with its PNG once drawn', async () => {
    const chart = fake.sendInteraction(
      fake.commandInteraction({ name: 'stat', options: { query: 'short video users' } }),
    );
    let chartAnswered = false;
    void chart.callback.then(() => {
      chartAnswered = true;
    });
    // Wait, turn by turn (this thread must stay free), until the worker holds the render.
    while (Atomics.load(gate, 1) === 0) await nextTurn();

    const lookup = await fake.sendCommand({ name: 'edition', options: { query: '11th' } });
    expect(lookup.data.embeds?.[0]?.title).toMatch(/^11th China/);
    expect(chartAnswered).toBe(false);

    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    const reply = await chart.reply;
    expect(reply.deferred).toBe(false);
    expect(reply.data.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
    expect(pngSize(reply.files[0]?.data ?? Buffer.alloc(0))).toEqual({ width: 800, height: 450 });
    expect(log.lines.filter((l) => l.includes('chart'))).toEqual([]);
  });
});

describe('a chart pool that cannot start its workers', () => {
  let fake: FakeDiscord;
  let bot: BotHandle;
  let pool: ChartPool;
  let log: CapturedLogger;

  beforeAll(async () => {
    log = captureLogger('warn');
    pool = createChartPool({
      logger: log.logger,
      threads: 1,
      worker: new URL('./fixtures/broken-chart-worker.mjs', import.meta.url),
    });
    fake = await startFakeDiscord();
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      commands: [stat],
      knowledge,
      logger: log.logger,
      charts: pool,
      // A deferral (the fallback render is cold on a busy machine) would only add a callback; not under test.
      deferAfterMs: 600_000,
    });
  });

  afterAll(async () => {
    await bot?.stop();
    await pool?.destroy();
    await fake?.close();
  });

  it('costs the thread, not the chart: drawn on the main thread, logged once, the pool dropped', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = await fake.sendCommand({ name: 'stat', options: { query: 'short video users' } });
      expect(reply.data.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
      expect(pngSize(reply.files[0]?.data ?? Buffer.alloc(0)).width).toBe(800);
    }
    expect(log.records().map((r) => r.msg)).toEqual([
      'chart worker pool failed; charts render on the main thread from now on',
    ]);
  });
});
