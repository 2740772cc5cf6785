// End to end: the bot in-process (discord.js, router, real handlers and index) against the local fake Discord.
// Each interaction goes out on the gateway; its time ends when the reply reaches the callback route.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commands, findCommand } from '../commands';
import type { Context, Knowledge, Options } from '../commands/types';
import { startBot } from '../src/discord/bot';
import { ensureIndex, openKnowledge } from '../src/knowledge/open';
import { createLogger } from '../src/logger';
import { type FakeDiscord, type InteractionSpec, startFakeDiscord } from '../test/fake-discord';
import { medianOf, percentile, type Section } from './lib';

const INTERACTIONS = 1_000;
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
      await Promise.all(
        Array.from(
          { length: INTERACTIONS },
          (_, i) => fake.sendInteraction(fake.commandInteraction(mix[i % mix.length]!)).callback,
        ),
      );
      return { perSecond: INTERACTIONS / ((performance.now() - t0) / 1000) };
    });
    return [
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
        ],
        notes: [
          `${INTERACTIONS} interactions per run (median of ${RUNS} runs, after ${WARM_UP} warm-up), a fixed mix over ${commands.length} commands (${mix.length} distinct option sets), one in five as a DM; the bot (discord.js 14) and the fake Discord share one process and talk over 127.0.0.1. Load average when it ran: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
        ],
      },
    ];
  } finally {
    await bot.stop();
    await fake.close();
  }
}
