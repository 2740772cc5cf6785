// End to end: the bot in-process (discord.js, router, real handlers and index) against the local fake Discord.
// Each interaction goes out on the gateway; its time ends when the reply reaches the callback route. Beside it the
// HTTP path (bench/http-path.ts): the same interactions POSTed to `shiting serve`, timed to the HTTP answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApplicationCommandOptionType, InteractionResponseType } from 'discord-api-types/v10';
import { commands, findCommand } from '../commands';
import type { Context, Knowledge, Options } from '../commands/types';
import { startBot } from '../src/discord/bot';
import { ensureIndex, openKnowledge } from '../src/knowledge/open';
import { createLogger } from '../src/logger';
import { type FakeDiscord, type InteractionSpec, startFakeDiscord } from '../test/fake-discord';
import type { BurstBotData } from './burst-bot';
import { type HttpBurstFigures, httpBurst, httpSequential } from './http-path';
import { medianOf, percentile, type Section } from './lib';

const INTERACTIONS = 1_000;
/** Discord's deadline for the first response to an interaction. */
const FIRST_RESPONSE_MS = 3_000;
/** An interaction with no callback by then is counted as lost (a request the bot could not deliver). */
const LOST_AFTER_MS = 60_000;
const WARM_UP = 100;
const RUNS = 3;
const HANDLER_CONTEXT: Context = {
  locale: 'en-US',
  now: new Date('2024-03-28T08:00:00Z'),
  user: { id: '1' },
};

/** A fixed mix over every command: what autocomplete offers (ids) and the same names typed as free text. */
function interactionMix(knowledge: Knowledge): InteractionSpec[] {
  const specs: InteractionSpec[] = [];
  for (const command of commands) {
    const options = command.definition.options ?? [];
    if (options.some((o) => o.type === ApplicationCommandOptionType.Subcommand)) continue;
    const typed = options.find(
      (o) => o.type === ApplicationCommandOptionType.String && 'autocomplete' in o && o.autocomplete,
    );
    if (!typed || !command.autocomplete) {
      specs.push({ name: command.definition.name });
      continue;
    }
    for (const choice of command
      .autocomplete(knowledge, { name: typed.name, value: '' }, {}, HANDLER_CONTEXT)
      .slice(0, 10)) {
      specs.push({ name: command.definition.name, options: { [typed.name]: String(choice.value) } });
      specs.push({ name: command.definition.name, options: { [typed.name]: choice.name.slice(0, 40) } });
    }
  }
  return specs;
}

/** The mix with charts in it: every /stat that names a series draws one, and /edition compare:true does. */
function chartMix(knowledge: Knowledge): InteractionSpec[] {
  const mix = interactionMix(knowledge);
  const editions = mix
    .filter((s) => s.name === 'edition' && s.options?.query)
    .map((s) => ({ ...s, options: { ...s.options, compare: true } }));
  return [...mix, ...editions];
}

interface BurstFigures extends Record<string, number> {
  withinDeadline: number;
  deferred: number;
  charts: number;
  p50: number;
  p99: number;
  handledAtFirst: number;
  lost: number;
  /** From the burst's start until every reply (edits and follow-ups included) was sent. */
  completed: number;
}

/** Waits for the worker's next message equal to `expected`. */
function message(worker: Worker, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m !== expected) return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
}

/**
 * A burst through its own bot (in a worker thread: burst-bot.mjs, then burst-bot.ts) and fake Discord: `INTERACTIONS`
 * interactions put on the gateway in one go; each one's time runs from then to its first callback (the reply,
 * or a deferral), as Discord's 3 s deadline counts.
 */
async function burstOf(
  indexPath: string,
  mix: readonly InteractionSpec[],
  options: { queue: boolean; charts: boolean },
): Promise<BurstFigures> {
  const fake = await startFakeDiscord();
  const handled = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./burst-bot.mjs', import.meta.url), {
    workerData: {
      apiUrl: fake.apiUrl,
      token: fake.token,
      indexPath,
      ...options,
      handled: handled.buffer,
    } satisfies BurstBotData,
  });
  try {
    await message(worker, 'ready');
    await pass(fake, mix, WARM_UP);
    const runs: BurstFigures[] = [];
    for (let run = 0; run < RUNS; run++) {
      globalThis.gc?.();
      Atomics.store(handled, 0, 0);
      let handledAtFirst = -1;
      const requestsBefore = fake.requests.length;
      const t0 = performance.now();
      const pending = Array.from({ length: INTERACTIONS }, (_, i) =>
        fake.sendInteraction(
          fake.commandInteraction({ ...mix[i % mix.length]!, guildId: i % 5 === 0 ? null : undefined }),
        ),
      );
      let timer: NodeJS.Timeout | undefined;
      const lost = new Promise<{ ms: number; type: undefined }>((resolve) => {
        timer = setTimeout(() => resolve({ ms: Number.POSITIVE_INFINITY, type: undefined }), LOST_AFTER_MS);
      });
      const times = await Promise.all(
        pending.map((p) =>
          Promise.race([
            p.callback.then((callback) => {
              if (handledAtFirst < 0) handledAtFirst = Atomics.load(handled, 0);
              return { ms: performance.now() - t0, type: callback.type };
            }),
            lost,
          ]),
        ),
      );
      clearTimeout(timer);
      // Every reply (edits and follow-ups after deferrals included) sent before the next burst.
      const idle = message(worker, 'idle');
      worker.postMessage('idle');
      await idle;
      const completed = performance.now() - t0;
      const sent = fake.requests.slice(requestsBefore);
      const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
      runs.push({
        withinDeadline: (100 * sorted.filter((ms) => ms <= FIRST_RESPONSE_MS).length) / INTERACTIONS,
        deferred:
          (100 *
            times.filter((t) => t.type === InteractionResponseType.DeferredChannelMessageWithSource).length) /
          INTERACTIONS,
        charts: sent.filter((r) => r.files.length > 0).length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        handledAtFirst,
        lost: times.filter((t) => t.type === undefined).length,
        completed,
      });
    }
    return medianOf(runs.length, () => runs.shift()!);
  } finally {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
    await fake.close();
  }
}

async function pass(fake: FakeDiscord, mix: readonly InteractionSpec[], count: number): Promise<number[]> {
  // Each pass starts from a collected heap, so passes are comparable (run.ts gives --expose-gc).
  globalThis.gc?.();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const spec = mix[i % mix.length]!;
    const interaction = fake.commandInteraction({ ...spec, guildId: i % 5 === 0 ? null : undefined });
    const t0 = performance.now();
    await fake.sendInteraction(interaction).callback;
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export async function run(): Promise<Section[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-e2e-'));
  let knowledge: Knowledge;
  try {
    const indexPath = path.join(dir, 'index.json');
    ensureIndex('seeds', indexPath);
    knowledge = openKnowledge(indexPath);
  } finally {
    // Once loaded the knowledge is in memory: the index file is not read again.
    rmSync(dir, { recursive: true, force: true });
  }
  const fake = await startFakeDiscord();
  const bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: createLogger({ level: 'warn' }),
  });
  try {
    const mix = interactionMix(knowledge);
    await pass(fake, mix, WARM_UP);
    const sequential = await medianOf(RUNS, async () => {
      const times = await pass(fake, mix, INTERACTIONS);
      return { p50: percentile(times, 50), p99: percentile(times, 99) };
    });
    // The handlers' share: the same mix called directly, as the console does, with no Discord in between.
    const handlers = await medianOf(RUNS, async () => {
      globalThis.gc?.();
      const times: number[] = [];
      for (let i = 0; i < INTERACTIONS; i++) {
        const spec = mix[i % mix.length]!;
        const command = findCommand(spec.name)!;
        const t0 = performance.now();
        await command.handle(knowledge, (spec.options ?? {}) as Options, HANDLER_CONTEXT);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p99: percentile(times, 99) };
    });
    // The runtime's own share: /about does almost nothing, so this is gateway + routing + REST + fake.
    const runtime = await medianOf(RUNS, async () => {
      const times = await pass(fake, [{ name: 'about' }], INTERACTIONS);
      return { p50: percentile(times, 50), p99: percentile(times, 99) };
    });
    // A burst: all interactions on the gateway at once, as when many users ask in the same second.
    const burst = await medianOf(RUNS, async () => {
      const t0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      // A callback whose request failed never comes; waiting for it would hang the benchmark.
      const lost = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, LOST_AFTER_MS);
      });
      await Promise.race([
        Promise.all(
          Array.from(
            { length: INTERACTIONS },
            (_, i) => fake.sendInteraction(fake.commandInteraction(mix[i % mix.length]!)).callback,
          ),
        ),
        lost,
      ]);
      clearTimeout(timer);
      return { perSecond: INTERACTIONS / ((performance.now() - t0) / 1000) };
    });
    const withCharts = chartMix(knowledge);
    // Its own bots, one after the other: this one's pool and queue must not warm or load the other's run.
    await bot.stop();
    // The same mix over HTTP (shiting serve, in this process as the bot was), with the gateway bot stopped.
    const httpOneAtATime = await httpSequential(knowledge, mix, {
      interactions: INTERACTIONS,
      warmUp: WARM_UP,
      runs: RUNS,
    });
    // The bot threads load the index themselves, from a file kept for as long as they run.
    const burstDir = mkdtempSync(path.join(tmpdir(), 'shiting-burst-'));
    let now: BurstFigures;
    let before: BurstFigures;
    const httpBursts: HttpBurstFigures[] = [];
    try {
      const burstIndex = path.join(burstDir, 'index.json');
      ensureIndex('seeds', burstIndex);
      now = await burstOf(burstIndex, withCharts, { queue: true, charts: true });
      before = await burstOf(burstIndex, withCharts, { queue: false, charts: false });
      for (const [replicas, direct] of [
        [1, true],
        [1, false],
        [2, false],
      ] as const)
        httpBursts.push(
          await httpBurst(burstIndex, withCharts, {
            replicas,
            direct,
            interactions: INTERACTIONS,
            warmUp: WARM_UP,
            runs: RUNS,
          }),
        );
    } finally {
      rmSync(burstDir, { recursive: true, force: true });
    }
    const burstFigures = (label: string, f: BurstFigures, targets: boolean) => [
      {
        name: `${label}: first callback within 3 s`,
        value: f.withinDeadline,
        unit: '%',
        ...(targets ? { target: { op: '>=' as const, value: 99 } } : {}),
      },
      { name: `${label}: time to first callback p50`, value: f.p50, unit: 'ms' },
      {
        name: `${label}: time to first callback p99`,
        value: f.p99,
        unit: 'ms',
        ...(targets ? { target: { op: '<=' as const, value: FIRST_RESPONSE_MS } } : {}),
      },
      { name: `${label}: deferred (first callback a deferral)`, value: f.deferred, unit: '%' },
      { name: `${label}: every reply sent after`, value: f.completed, unit: 'ms' },
      { name: `${label}: handlers run when the first callback arrived`, value: f.handledAtFirst, unit: '' },
      { name: `${label}: replies with a chart`, value: f.charts, unit: '' },
      { name: `${label}: no callback at all (request failed)`, value: f.lost, unit: '' },
    ];
    const httpBurstFigures = (label: string, f: HttpBurstFigures) => {
      return [
        { name: `${label}: answered within 3 s, per second`, value: f.perSecond, unit: '/s' },
        { name: `${label}: answered within 3 s`, value: f.withinDeadline, unit: '%' },
        { name: `${label}: time to the HTTP answer p50`, value: f.p50, unit: 'ms' },
        { name: `${label}: time to the HTTP answer p99`, value: f.p99, unit: 'ms' },
        { name: `${label}: no answer at all`, value: f.lost, unit: '' },
      ];
    };
    return [
      {
        title: `HTTP endpoint (shiting serve): ${INTERACTIONS} mixed interactions (with charts) POSTed at once`,
        figures: [
          ...httpBurstFigures('1 replica, no proxy', httpBursts[0]!),
          ...httpBurstFigures('1 replica behind the proxy', httpBursts[1]!),
          ...httpBurstFigures('2 replicas behind the proxy', httpBursts[2]!),
        ],
        notes: [
          `The burst above, signed and POSTed by the fake Discord's HTTP mode to serve replicas (each in a worker thread, with its own chart pool) behind a round-robin proxy (a worker thread too; the fake keeps at most 256 keep-alive connections, as Discord keeps a pool); an interaction's time runs from the burst's start to its HTTP answer (the reply, or a deferral: charts are deferred and edited in over REST, since a JSON body cannot carry the PNG). "Per second" counts the answers within 3 s over the time until the last of them. Median of ${RUNS} bursts, after ${WARM_UP} warm-up interactions. On ${cpus().length} cores the fake, the proxy and the replicas share them (load average ${loadavg()[0]!.toFixed(1)} when it ran), so a second replica shows how the load spreads more than what a second machine adds.`,
        ],
      },
      {
        title: `Burst: ${INTERACTIONS} mixed interactions (with charts) on the gateway at once`,
        figures: [
          ...burstFigures('queue + chart pool', now, true),
          ...burstFigures('baseline (no queue, charts inline)', before, false),
        ],
        notes: [
          `Each burst puts ${INTERACTIONS} interactions (the mix above plus /edition compare:true, ${withCharts.length} option sets, one in five a DM) on the gateway in one go; an interaction's time runs from then to its first callback (the reply or a deferral), which is what Discord's 3 s deadline counts. Median of ${RUNS} bursts per mode, each mode with its own bot, in a worker thread as Discord is not on a real bot's event loop, after ${WARM_UP} warm-up interactions. Baseline: the same code with \`queue: false, charts: false\` (every handler one setImmediate away, charts drawn in the handler), the behaviour before the queue and the pool.`,
        ],
      },
      {
        title: 'End to end: slash commands through the gateway to the callback route',
        figures: [
          { name: 'reply p50, one at a time', value: sequential.p50, unit: 'ms' },
          {
            name: 'reply p99, one at a time',
            value: sequential.p99,
            unit: 'ms',
            target: { op: '<=', value: 25 },
          },
          { name: 'handlers alone, same mix, p50', value: handlers.p50, unit: 'ms' },
          { name: 'handlers alone, same mix, p99', value: handlers.p99, unit: 'ms' },
          { name: 'runtime only (/about) p50', value: runtime.p50, unit: 'ms' },
          { name: 'runtime only (/about) p99', value: runtime.p99, unit: 'ms' },
          { name: `burst of ${INTERACTIONS}, answered per second`, value: burst.perSecond, unit: '/s' },
          { name: 'HTTP (shiting serve): reply p50, one at a time', value: httpOneAtATime.p50, unit: 'ms' },
          { name: 'HTTP (shiting serve): reply p99, one at a time', value: httpOneAtATime.p99, unit: 'ms' },
        ],
        notes: [
          `HTTP (shiting serve): the same interactions signed and POSTed by the fake Discord's HTTP mode to serve in this process, timed to the HTTP answer; a /stat or /edition chart is a deferral there (its PNG follows as an edit over REST), where on the gateway the chart goes in the callback.`,
          `${INTERACTIONS} interactions per run (median of ${RUNS} runs, after ${WARM_UP} warm-up), a fixed mix over ${commands.length} commands (${mix.length} distinct option sets), one in five as a DM; the bot (discord.js 14) and the fake Discord share one process and talk over 127.0.0.1. Load average when it ran: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
        ],
      },
    ];
  } finally {
    // Already stopped before the bursts when they ran; a second stop is harmless.
    await bot.stop();
    await fake.close();
  }
}
