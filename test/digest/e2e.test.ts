// /digest through the gateway of the local fake Discord, with the real bot runtime, and a scheduled post.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { Digests } from '../../src/digest/runtime';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { channelProbe } from '../../src/discord/probe';
import { createLogger } from '../../src/logger';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { GUILD, GUILDS, NO_EMBEDS_CHANNEL, OK_CHANNEL } from './harness';
import { testKnowledge, testKnowledgeBase } from './kb';

let now = new Date('2025-03-28T00:00:00Z');
const kb = testKnowledgeBase();
const knowledge = testKnowledge(kb);
let fake: FakeDiscord;
let bot: BotHandle;
let digests: Digests;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiting-digest-e2e-'));
  digests = new Digests({ dbPath: join(dir, 'shiting.db'), knowledge: () => kb, clock: () => now });
  fake = await startFakeDiscord({ guilds: GUILDS });
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: createLogger({ level: 'silent' }),
    clock: () => now,
    deploy: false,
    services: (client) => ({ digests: digests.service(channelProbe(client)) }),
  });
});

afterAll(async () => {
  await digests?.stop();
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = (id: string) => ({ type: ApplicationCommandOptionType.Channel, value: id });
const MANAGE = PermissionFlagsBits.ManageGuild;

describe('/digest through the gateway', () => {
  it('refuses /digest set without Manage Server', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: channel(OK_CHANNEL) },
      memberPermissions: PermissionFlagsBits.SendMessages,
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('Manage Server');
    expect(await digests.store.forGuild(GUILD)).toEqual([]);
  });

  it('accepts /digest set with Manage Server', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: channel(OK_CHANNEL), time: '09:00', timezone: 'Asia/Shanghai' },
      memberPermissions: MANAGE,
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(`Daily digest set for <#${OK_CHANNEL}>`);
    expect(reply.data.content).not.toContain('Warning');
    expect(await digests.store.forGuild(GUILD)).toHaveLength(1);
  });

  it('says in a DM that /digest is for servers only', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      guildId: null,
      locale: 'zh-CN',
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain('只能在服务器里使用');
  });

  it('checks the bot’s permissions from the client’s cache', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'check',
      options: { channel: channel(NO_EMBEDS_CHANNEL) },
      memberPermissions: MANAGE,
    });
    expect(JSON.stringify(reply.data.embeds)).toContain(
      `❌ Embed Links: missing; the digest pauses without it`,
    );
  });

  it('autocompletes time zones', async () => {
    const choices = await fake.sendAutocomplete({
      name: 'digest',
      subcommand: 'set',
      focused: 'timezone',
      options: { timezone: 'berl' },
      memberPermissions: MANAGE,
    });
    expect(choices[0]?.value).toBe('Europe/Berlin');
  });

  it('delivers the digest at its scheduled time (injected clock) through the bot’s REST client', async () => {
    const scheduler = digests.start(bot.rest);
    await scheduler.tick(new Date('2025-03-28T00:59:00Z'));
    expect(fake.messages.filter((m) => m.channelId === OK_CHANNEL)).toHaveLength(0);
    now = new Date('2025-03-28T01:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    const posted = fake.messages.filter((m) => m.channelId === OK_CHANNEL);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]!.body.embeds)).toContain('On this day: March 28');
    const status = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      memberPermissions: MANAGE,
    });
    expect(JSON.stringify(status.data.embeds)).toContain('Last post: 2025-03-28');
  });
});
