// /digest set refuses a channel that is not one of the server's, through the fake Discord's gateway and the real
// discord.js client (whose guild cache the service's probe reads): another server's, an unknown id, not an id.
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
import { testKnowledge, testKnowledgeBase } from './kb';

const GUILD = '1200000000000000001';
const OTHER_GUILD = '1200000000000000002';
const CHANNEL = '1300000000000000001';
const OTHER_GUILDS_CHANNEL = '1300000000000000002';
const UNKNOWN_CHANNEL = '1300000000000000999';
const MANAGE = PermissionFlagsBits.ManageGuild;

const kb = testKnowledgeBase();
const knowledge = testKnowledge(kb);
let fake: FakeDiscord;
let bot: BotHandle;
let digests: Digests;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiting-digest-channel-'));
  digests = new Digests({ dbPath: join(dir, 'shiting.db'), knowledge: () => kb });
  fake = await startFakeDiscord({
    guilds: [
      { id: GUILD, channels: [{ id: CHANNEL, name: 'news' }] },
      { id: OTHER_GUILD, channels: [{ id: OTHER_GUILDS_CHANNEL, name: 'elsewhere' }] },
    ],
  });
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: createLogger({ level: 'silent' }),
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

const set = (value: string, locale = 'en-US') =>
  fake.sendCommand({
    name: 'digest',
    subcommand: 'set',
    guildId: GUILD,
    locale,
    options: { channel: { type: ApplicationCommandOptionType.Channel, value } },
    memberPermissions: MANAGE,
  });

describe('/digest set channel:', () => {
  it('refuses another server’s channel, an unknown id and a value that is no id, saving nothing', async () => {
    for (const value of [OTHER_GUILDS_CHANNEL, UNKNOWN_CHANNEL]) {
      const reply = await set(value);
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toBe(
        `<#${value}> is not a channel of this server that the bot knows. Pick a text, announcement or forum channel of this server from the list. Nothing was changed.`,
      );
    }
    for (const value of ['abc', `[link](https://example.com) <@${'1'.repeat(18)}>`, '9'.repeat(60)]) {
      const reply = await set(value);
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toMatch(/^That is not a channel\. .* Nothing was changed\.$/);
    }
    expect((await set('abc', 'zh-CN')).data.content).toContain('这不是一个频道');
    expect((await set(UNKNOWN_CHANNEL, 'zh-CN')).data.content).toContain('不是机器人所知的本服务器频道');
    expect(await digests.store.forGuild(GUILD)).toEqual([]);
    expect(await digests.store.forGuild(OTHER_GUILD)).toEqual([]);
    const status = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      guildId: GUILD,
      memberPermissions: MANAGE,
    });
    expect(status.data.content).toContain('no digests');
  });

  it('accepts one of the server’s own channels', async () => {
    const reply = await set(CHANNEL);
    expect(reply.data.content).toContain(`Daily digest set for <#${CHANNEL}>`);
    expect((await digests.store.forGuild(GUILD)).map((s) => s.channelId)).toEqual([CHANNEL]);
  });
});
