// Sharding: the guild-to-shard arithmetic, what a process owns, SHITING_SHARDS, that only shard 0 deploys, and
// `shiting start --shards` as a real manager process with its child (its configuration refusals in-process).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/types';
import { ConfigError, parseConfig, parseShardCount } from '../../src/config';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { deploysCommands, guildOwner, isShardProcess, shardOf } from '../../src/discord/shards';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { shitingInProcess } from '../support/in-process';
import { shippedIndexJson } from '../support/shipped';
import {
  captureLogger,
  NO_KNOWLEDGE,
  removeTempDirs,
  spawnShiting as shiting,
  startEnv,
  tempDir,
} from './helpers';

/** A snowflake whose timestamp part (the bits above 22) is `high`, with arbitrary low bits. */
const guildWith = (high: bigint, low = 0x2a_1234n) => ((high << 22n) | low).toString();
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';

describe('which shard a guild is on', () => {
  it('is (guild_id >> 22) % shard count, whatever the low bits', () => {
    expect(shardOf(guildWith(10n), 1)).toBe(0);
    expect(shardOf(guildWith(10n), 2)).toBe(0);
    expect(shardOf(guildWith(11n), 2)).toBe(1);
    expect(shardOf(guildWith(11n, 0n), 3)).toBe(2);
    expect(shardOf(guildWith(11n, (1n << 22n) - 1n), 3)).toBe(2);
    // A real-sized id: exact in BigInt where a Number would lose the low digits.
    const big = '1234567890123456789';
    expect(shardOf(big, 7)).toBe(Number((1234567890123456789n >> 22n) % 7n));
  });

  it('a process owns the guilds of its own shards only; a lone process owns them all', () => {
    const guilds = [0n, 1n, 2n, 3n, 4n, 5n].map((n) => guildWith(1000n + n));
    const second = guildOwner({ ids: [1], count: 2 });
    expect(guilds.filter(second)).toEqual([guilds[1], guilds[3], guilds[5]]);
    const firstOfThree = guildOwner({ ids: [0], count: 3 });
    expect(guilds.filter(firstOfThree)).toEqual([guilds[2], guilds[5]]);
    expect(guilds.filter(guildOwner({ ids: [0, 1, 2], count: 3 }))).toEqual(guilds);
    expect(guilds.filter(guildOwner({ ids: [0], count: 1 }))).toEqual(guilds);
  });

  it('only the process holding shard 0 deploys the commands', () => {
    expect(deploysCommands({ ids: [0], count: 1 })).toBe(true);
    expect(deploysCommands({ ids: [0], count: 4 })).toBe(true);
    expect(deploysCommands({ ids: [2, 3], count: 4 })).toBe(false);
  });

  it('a shard process is one discord.js’s ShardingManager spawned (SHARDING_MANAGER in its environment)', () => {
    expect(isShardProcess({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toBe(true);
    expect(isShardProcess({})).toBe(false);
  });
});

describe('SHITING_SHARDS', () => {
  it('takes "auto" or a positive whole number; absent means one process', () => {
    expect(parseShardCount('auto')).toBe('auto');
    expect(parseShardCount(' AUTO ')).toBe('auto');
    expect(parseShardCount('4')).toBe(4);
    for (const bad of ['0', '-1', '1.5', '2e3', 'two', '', '99999999999999999999'])
      expect(parseShardCount(bad)).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN }).shards).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_SHARDS: '' }).shards).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_SHARDS: '3' }).shards).toBe(3);
  });

  it('rejects anything else with a message naming the variable and the flag', () => {
    const attempt = () => parseConfig({ DISCORD_TOKEN: TOKEN, SHITING_SHARDS: 'lots' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('SHITING_SHARDS (or --shards) must be "auto" or a positive whole number.');
  });
});

describe('a bot started as some of several shards, against the fake Discord', () => {
  const ping: Command = {
    definition: { name: 'ping', description: 'Answers pong' },
    handle: () => ({ payload: { content: 'pong' } }),
  };
  let fake: FakeDiscord | undefined;
  let bot: BotHandle | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
    bot = undefined;
    fake = undefined;
  });

  const start = async (ids: number[], count: number) => {
    fake = await startFakeDiscord();
    const log = captureLogger();
    bot = await startBot({
      token: fake.token,
      apiUrl: fake.apiUrl,
      commands: [ping],
      knowledge: NO_KNOWLEDGE,
      logger: log.logger,
      shards: { ids, count },
    });
    return { fake, bot, log };
  };
  const puts = (f: FakeDiscord) =>
    f.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands'));

  it('shard 1 of 2 does not deploy the commands, yet answers the interactions it receives', async () => {
    const { fake, bot, log } = await start([1], 2);
    expect(bot.shards).toEqual({ ids: [1], count: 2 });
    expect(bot.deployed).toBeUndefined();
    expect(puts(fake)).toHaveLength(0);
    expect(log.records().some((r) => r.msg === 'commands are deployed by the process of shard 0')).toBe(true);
    const reply = await fake.sendCommand({ name: 'ping' });
    expect(reply.data.content).toBe('pong');
  });

  it('shard 0 of 2 deploys them, once', async () => {
    const { fake, bot } = await start([0], 2);
    expect(bot.shards).toEqual({ ids: [0], count: 2 });
    expect(bot.deployed).toMatchObject({ scope: 'global', names: ['ping'] });
    expect(puts(fake)).toHaveLength(1);
  });
});

describe('shiting start --shards, as real processes', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  afterAll(removeTempDirs);

  /** The CLI in an empty directory (no stray .env); `exit` waits for every process holding its output. */
  it('checks the configuration before starting any shard', async () => {
    // Refused before any shard process is spawned, so `start` runs in this process.
    const missing = await shitingInProcess(['start', '--shards', '2'], {});
    const zero = await shitingInProcess(['start', '--shards=0'], { DISCORD_TOKEN: TOKEN });
    const bare = await shitingInProcess(['start', '--shards'], { DISCORD_TOKEN: TOKEN });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('DISCORD_TOKEN is not set');
    expect(zero.code).toBe(1);
    expect(zero.output).toContain('SHITING_SHARDS (or --shards) must be "auto" or a positive whole number.');
    expect(bare.code).toBe(2);
    expect(bare.output).toContain('--shards needs a value');
  });

  // One shard (the fake recommends 1), so no 5.5 s identify spacing: a manager and one child, a few seconds.
  it('auto asks Discord for the count, the child deploys and answers, SIGTERM stops both with 0', async () => {
    fake = await startFakeDiscord();
    const deployed = fake.nextRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    const dir = tempDir('shiting-shards-run-');
    writeFileSync(path.join(dir, 'index.json'), shippedIndexJson());
    const manager = shiting(['start', '--shards', 'auto'], startEnv(fake, dir));
    await deployed;
    const reply = await fake.sendCommand({ name: 'about' });
    expect(reply.data.embeds?.[0]?.title).toBe('About Shiting');
    manager.child.kill('SIGTERM');
    const { code, output } = await manager.exit;
    expect(code).toBe(0);
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; shards?: unknown });
    const messages = lines.map((l) => l.msg);
    expect(lines.find((l) => l.msg === 'starting shard processes')?.shards).toBe(1);
    expect(messages).toContain('shard ready');
    // The child's "stopped", then the manager's, after it saw the child exit.
    expect(messages.filter((m) => m === 'stopped')).toHaveLength(2);
    expect(messages.lastIndexOf('stopped')).toBeGreaterThan(messages.indexOf('stopping shard processes'));
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(output).not.toContain(fake.token);
  });
});
