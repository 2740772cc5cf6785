// The e2e benchmark's HTTP path: the same interactions signed and POSTed to `shiting serve` (src/http) by the fake
// Discord's HTTP mode, instead of put on the gateway. Each interaction's time ends when its HTTP answer (the first
// response: the reply, or a deferral) has arrived, as Discord's 3 s deadline counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { APIInteraction } from 'discord-api-types/v10';
import type { Knowledge } from '../commands/types';
import { parseConfig } from '../src/config';
import { startServe } from '../src/http/serve';
import { createLogger } from '../src/logger';
import { type FakeDiscord, type InteractionSpec, startFakeDiscord } from '../test/fake-discord';
import { type HttpDiscord, startHttpMode } from '../test/fake-discord/http-mode';
import type { BalancerData } from './balancer';
import { medianOf, percentile } from './lib';
import type { ServeReplicaData } from './serve-replica';

const FIRST_RESPONSE_MS = 3_000;
/** An answer not back by then is counted as lost. */
const LOST_AFTER_MS = 60_000;

/** Signed and POSTed; registered with the fake first, so that a deferral's edit of @original is accepted. */
async function timedPost(fake: FakeDiscord, discord: HttpDiscord, interaction: APIInteraction, t0: number) {
  fake.sendInteraction(interaction);
  const answer = await discord.post(JSON.stringify(interaction));
  return { ms: performance.now() - t0, ok: answer.status === 200 };
}

const specAt = (mix: readonly InteractionSpec[], i: number): InteractionSpec => ({
  ...mix[i % mix.length]!,
  guildId: i % 5 === 0 ? null : undefined,
});

async function pass(fake: FakeDiscord, discord: HttpDiscord, mix: readonly InteractionSpec[], count: number) {
  globalThis.gc?.();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const interaction = discord.commandInteraction(specAt(mix, i));
    times.push((await timedPost(fake, discord, interaction, performance.now())).ms);
  }
  return times.sort((a, b) => a - b);
}

/** One at a time against one serve in this process (as the gateway path's bot is): p50 and p99. */
export async function httpSequential(
  knowledge: Knowledge,
  mix: readonly InteractionSpec[],
  options: { interactions: number; warmUp: number; runs: number },
): Promise<{ p50: number; p99: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-bench-serve-'));
  const fake = await startFakeDiscord();
  const discord = await startHttpMode(fake);
  const serving = await startServe({
    config: parseConfig(
      {
        DISCORD_PUBLIC_KEY: discord.publicKey,
        DISCORD_API_URL: discord.apiUrl,
        SHITING_DB: path.join(dir, 'shiting.db'),
        SHITING_HTTP_PORT: '0',
        SHITING_HTTP_HOST: '127.0.0.1',
      },
      { token: false },
    ),
    logger: createLogger({ level: 'error' }),
    knowledge,
  });
  discord.endpoint = `http://127.0.0.1:${serving.port}/interactions`;
  try {
    await pass(fake, discord, mix, options.warmUp);
    return await medianOf(options.runs, async () => {
      const times = await pass(fake, discord, mix, options.interactions);
      return { p50: percentile(times, 50), p99: percentile(times, 99) };
    });
  } finally {
    await serving.stop();
    await discord.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface HttpBurstFigures extends Record<string, number> {
  /** Share of the burst whose answer came within 3 s. */
  withinDeadline: number;
  /** Those answered within 3 s, per second until the last of them. */
  perSecond: number;
  p50: number;
  p99: number;
  lost: number;
}

/**
 * `interactions` POSTed at once to `replicas` serve replicas (worker threads, each with its own chart pool)
 * behind a round-robin proxy (a worker thread too); the fake Discord on this thread.
 */
export async function httpBurst(
  indexPath: string,
  mix: readonly InteractionSpec[],
  options: {
    replicas: number;
    interactions: number;
    warmUp: number;
    runs: number;
    /** One replica straight, without the proxy in between. */
    direct?: boolean;
  },
): Promise<HttpBurstFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shiting-bench-replicas-'));
  const fake = await startFakeDiscord();
  const discord = await startHttpMode(fake);
  const workers = Array.from(
    { length: options.replicas },
    (_, i) =>
      new Worker(new URL('./serve-replica.mjs', import.meta.url), {
        workerData: {
          publicKey: discord.publicKey,
          apiUrl: discord.apiUrl,
          indexPath,
          dbPath: path.join(dir, `replica-${i}.db`),
        } satisfies ServeReplicaData,
      }),
  );
  try {
    const ports = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number>((resolve, reject) => {
            worker.once('message', (m: { port: number }) => resolve(m.port));
            worker.once('error', reject);
          }),
      ),
    );
    const balancer = new Worker(new URL('./balancer.mjs', import.meta.url), {
      workerData: { backends: ports.map((port) => `http://127.0.0.1:${port}`) } satisfies BalancerData,
    });
    const url = await new Promise<string>((resolve, reject) => {
      balancer.once('message', (m: { url: string }) => resolve(m.url));
      balancer.once('error', reject);
    });
    discord.endpoint = options.direct ? `http://127.0.0.1:${ports[0]}/interactions` : `${url}/interactions`;
    try {
      await pass(fake, discord, mix, options.warmUp);
      return await medianOf(options.runs, async () => {
        globalThis.gc?.();
        const interactions = Array.from({ length: options.interactions }, (_, i) =>
          discord.commandInteraction(specAt(mix, i)),
        );
        const t0 = performance.now();
        let timer: NodeJS.Timeout | undefined;
        const lost = new Promise<{ ms: number; ok: false }>((resolve) => {
          timer = setTimeout(() => resolve({ ms: Number.POSITIVE_INFINITY, ok: false }), LOST_AFTER_MS);
        });
        const times = await Promise.all(
          interactions.map((interaction) =>
            Promise.race([
              timedPost(fake, discord, interaction, t0).catch(() => ({
                ms: Number.POSITIVE_INFINITY,
                ok: false,
              })),
              lost,
            ]),
          ),
        );
        clearTimeout(timer);
        const answered = times
          .filter((t) => t.ok)
          .map((t) => t.ms)
          .sort((a, b) => a - b);
        const inTime = answered.filter((ms) => ms <= FIRST_RESPONSE_MS);
        return {
          withinDeadline: (100 * inTime.length) / options.interactions,
          perSecond: inTime.length / ((inTime.at(-1) ?? Number.POSITIVE_INFINITY) / 1000),
          p50: percentile(answered, 50),
          p99: percentile(answered, 99),
          lost: options.interactions - answered.length,
        };
      });
    } finally {
      const exited = new Promise((resolve) => balancer.once('exit', resolve));
      balancer.postMessage('stop');
      await exited;
    }
  } finally {
    await Promise.all(
      workers.map((worker) => {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage('stop');
        return exited;
      }),
    );
    await discord.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
