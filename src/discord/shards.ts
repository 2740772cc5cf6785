// Sharding: which shard a guild belongs to, what one process's shards own, and the manager that runs one child
// process per shard (discord.js's ShardingManager over `bin/shiting.mjs start`) for `start --shards`.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { type Client, ShardingManager } from 'discord.js';
import { type RESTGetAPIGatewayBotResult, Routes } from 'discord-api-types/v10';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { PROJECT_ROOT } from '../project-root';
import { describeDiscordError } from './errors';
import { createRest } from './rest';

export interface ShardInfo {
  /** The shards this process connects. */
  ids: readonly number[];
  /** All shards of the bot, across processes. */
  count: number;
}

/** Discord routes a guild's events to shard (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Whether a guild is served by one of these shards (every guild when there is a single shard). */
export function guildOwner(shards: ShardInfo): (guildId: string) => boolean {
  const ids = new Set(shards.ids);
  return (guildId) => ids.has(shardOf(guildId, shards.count));
}

/**
 * The client's shards. discord.js fills these from the SHARDS/SHARD_COUNT environment a ShardingManager gives
 * its children (or from explicit client options); a lone process is shard 0 of 1.
 */
export function clientShards(client: Client): ShardInfo {
  const { shards, shardCount } = client.options;
  const ids = typeof shards === 'number' ? [shards] : Array.isArray(shards) ? [...shards] : [0];
  return { ids, count: shardCount ?? 1 };
}

/** Commands are one bulk PUT for the whole application: the process holding shard 0 sends it, no other. */
export function deploysCommands(shards: ShardInfo): boolean {
  return shards.ids.includes(0);
}

/** Set by discord.js in the environment of every process a ShardingManager spawns. */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SHARDING_MANAGER);
}

/** The CLI entry each shard process runs, with `start` as its argument. */
const ENTRY = path.join(PROJECT_ROOT, 'bin', 'shiting.mjs');

/** Generous: a child compiles nothing (the index exists by then) but waits for all its guilds before READY. */
const SHARD_READY_TIMEOUT_MS = 90_000;
/** discord.js's spacing between shards identifying (Discord allows one identify per 5 s per bucket). */
const IDENTIFY_SPACING_MS = 5_500;

/**
 * The manager process of `shiting start --shards`: spawns one child per shard (discord.js waits for each to be
 * ready, 5.5 s apart for Discord's identify limit, and respawns a child that dies), forwards SIGINT/SIGTERM to
 * the children and returns 0 once they have all exited. A shard that cannot start the first time stops the
 * others and returns 1. A second signal kills the children at once.
 */
export async function runShardManager(config: Config, logger: Logger): Promise<number> {
  let count: number;
  let delay = IDENTIFY_SPACING_MS;
  try {
    // Discord's recommended count, and how many shards may identify at once (max_concurrency: 1 for most bots,
    // 16 or more for large ones). A count given is used as it is, even when Discord cannot be asked.
    const gateway = await gatewayBot(config).catch((error: unknown) => {
      if (typeof config.shards === 'number') return undefined;
      throw error;
    });
    count = typeof config.shards === 'number' ? config.shards : gateway!.shards;
    delay = spawnDelayMs(gateway?.session_start_limit.max_concurrency);
  } catch (error) {
    // One line for a person below; the stack only at debug level.
    logger.debug({ err: error }, 'could not ask Discord for the shard count');
    process.stderr.write(`shiting start: ${describeDiscordError(error, config.apiUrl)}\n`);
    return 1;
  }
  const manager = new ShardingManager(ENTRY, {
    totalShards: count,
    shardArgs: ['start'],
    token: config.token,
    mode: 'process',
    // Shards run with the manager's node flags (npm start's small young generation among them).
    execArgv: process.execArgv,
    respawn: true,
  });
  const children = new Set<ChildProcess>();
  let stopping: NodeJS.Signals | undefined;
  manager.on('shardCreate', (shard) => {
    shard.on('spawn', () => {
      const child = shard.process;
      if (!child) return;
      children.add(child);
      child.once('exit', () => children.delete(child));
      // The manager spawns shards one by one; one spawned while stopping stops at once.
      if (stopping) child.kill(stopping);
    });
    shard.on('death', () => {
      if (!stopping) logger.warn({ shard: shard.id }, 'shard process exited; discord.js respawns it');
    });
    shard.on('ready', () => logger.info({ shard: shard.id, shards: count }, 'shard ready'));
    // A shard whose gateway Discord closed for good (4004, 4010–4014) says so before it exits 1: respawning it
    // would only meet the same close, so the whole manager stops and exits 1 for its supervisor to see.
    shard.on('message', (message: unknown) => {
      const fatal = fatalMessageOf(message);
      if (fatal !== undefined && !stopping) onFatal(shard.id, fatal);
    });
    // discord.js emits a failed respawn as 'error'; unheard, that would be an unhandled rejection.
    shard.on('error', (error) => {
      if (!stopping) logger.error({ err: error, shard: shard.id }, 'shard process could not be respawned');
    });
  });

  let onFatal: (shardId: number, message: string) => void = () => {};
  const fatal = new Promise<{ shardId: number; message: string }>((resolve) => {
    onFatal = (shardId, message) => {
      stopping = 'SIGTERM';
      manager.respawn = false;
      resolve({ shardId, message });
    };
  });
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal means "now".
        for (const child of children) child.kill('SIGKILL');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      stopping = signal;
      manager.respawn = false;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });

  logger.info({ shards: count }, 'starting shard processes');
  const spawning = manager.spawn({ amount: count, delay, timeout: SHARD_READY_TIMEOUT_MS }).then(
    () => 'spawned' as const,
    (error: unknown) => ({ error }),
  );
  const fatalStop = fatal.then((f) => ({ fatal: f }));
  const first = await Promise.race([spawning, signalled, fatalStop]);
  let code = 0;
  const stopForFatal = (f: { shardId: number; message: string }) => {
    logger.fatal({ shard: f.shardId }, 'a shard lost its gateway for good; stopping every shard');
    process.stderr.write(`shiting start: shard ${f.shardId}: ${f.message}\n`);
    code = 1;
  };
  if (first === 'spawned') {
    const after = await Promise.race([signalled, fatalStop]);
    if (typeof after === 'object') stopForFatal(after.fatal);
  } else if (typeof first === 'object' && 'fatal' in first) {
    stopForFatal(first.fatal);
  } else if (typeof first === 'object') {
    logger.fatal({ err: first.error }, 'a shard could not start; stopping the others');
    process.stderr.write('shiting start: a shard process could not start; see its log above.\n');
    stopping = 'SIGTERM';
    manager.respawn = false;
    code = 1;
  }
  const signal = stopping ?? 'SIGTERM';
  logger.info({ signal, processes: children.size }, 'stopping shard processes');
  await stopChildren(children, signal);
  // The spawn loop ends when the shard it is waiting for has died; a shard it creates meanwhile is stopped too.
  await spawning;
  await stopChildren(children, signal);
  logger.info('stopped');
  return code;
}

/** The IPC message a shard process sends its manager when Discord closed its gateway for good. */
export function fatalShardMessage(message: string): { shitingFatal: string } {
  return { shitingFatal: message };
}

function fatalMessageOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || !('shitingFatal' in message)) return undefined;
  const text = (message as { shitingFatal: unknown }).shitingFatal;
  return typeof text === 'string' ? text : undefined;
}

/** How many shards Discord recommends, and its identify limits (GET /gateway/bot), through DISCORD_API_URL when set. */
async function gatewayBot(config: Config): Promise<RESTGetAPIGatewayBotResult> {
  const rest = createRest({ token: config.token, apiUrl: config.apiUrl });
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

/**
 * Discord lets one shard of each of `max_concurrency` buckets (shard id % max_concurrency) identify every 5 s.
 * Spawned one after another this far apart, shards of one bucket (max_concurrency apart) are 5.5 s apart, as
 * discord.js's default spacing keeps every shard when max_concurrency is 1.
 */
export function spawnDelayMs(maxConcurrency: number | undefined): number {
  const n = Number.isSafeInteger(maxConcurrency) && maxConcurrency! > 0 ? maxConcurrency! : 1;
  return Math.ceil(IDENTIFY_SPACING_MS / n);
}

function stopChildren(children: ReadonlySet<ChildProcess>, signal: NodeJS.Signals): Promise<void> {
  const exits = [...children].map(
    (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
  );
  for (const child of children) child.kill(signal);
  return Promise.all(exits).then(() => undefined);
}
