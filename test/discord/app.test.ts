// The whole application in-process (startShiting: index, knowledge, commands, digests, client), through the
// gateway: /digest with its services wired by the runtime, refused without Manage Server, servers only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { digestText } from '../../src/digest/text';
import { type ShitingHandle, startShiting } from '../../src/discord/start';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { captureLogger } from './helpers';

const t = digestText('en-US');
const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;
const channel = { type: ApplicationCommandOptionType.Channel, value: FAKE_CHANNEL_ID };
let fake: FakeDiscord;
let app: ShitingHandle;
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-app-'));
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    SHITING_INDEX: path.join(dir, 'index.json'),
    SHITING_DB: path.join(dir, 'shiting.db'),
    // Not the Asia/Shanghai default, so that /onthisday shows the configured zone reaches handlers.
    DIGEST_DEFAULT_TIMEZONE: 'America/New_York',
  });
  // A fixed clock far from the default 09:00 digest time: nothing falls due while the test runs.
  app = await startShiting({
    config,
    logger: captureLogger('warn').logger,
    clock: () => new Date('2024-03-28T20:00:00Z'),
  });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('/digest through the running application', () => {
  it('refuses /digest set to a member without Manage Server', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel },
      memberPermissions: PermissionFlagsBits.SendMessages,
    });
    expect(reply).toMatchObject({ ephemeral: true, data: { content: t.needManageGuild } });
  });

  it('sets a digest for a member with Manage Server, then shows it in /digest status and /digest check', async () => {
    const set = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel, time: '09:00', timezone: 'Asia/Shanghai' },
      memberPermissions: MANAGER,
    });
    expect(JSON.stringify(set.data)).toContain('Daily digest set');
    const status = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      memberPermissions: MANAGER,
    });
    expect(JSON.stringify(status.data)).toContain(FAKE_CHANNEL_ID);
    const check = await fake.sendCommand({
      name: 'digest',
      subcommand: 'check',
      options: { channel },
      memberPermissions: MANAGER,
    });
    expect(JSON.stringify(check.data)).not.toContain('error id');
  });

  it('autocompletes time zones', async () => {
    const choices = await fake.sendAutocomplete({
      name: 'digest',
      subcommand: 'set',
      options: { channel, timezone: 'Berl' },
      focused: 'timezone',
      memberPermissions: MANAGER,
    });
    expect(choices.map((c) => c.value)).toContain('Europe/Berlin');
  });

  it('answers /onthisday for today in the configured zone', async () => {
    // 20:00 UTC on March 28 is still March 28 in New York (it is March 29 in Shanghai).
    const reply = await fake.sendCommand({ name: 'onthisday' });
    expect(reply.data.embeds?.[0]?.title).toBe('On this day: March 28');
  });

  it('says in a DM that digests are for servers', async () => {
    const reply = await fake.sendCommand({ name: 'digest', subcommand: 'status', guildId: null });
    expect(reply).toMatchObject({ ephemeral: true, data: { content: t.serversOnly } });
  });

  it("pauses the server's digests when the bot is removed from it (settings kept)", async () => {
    fake.deleteGuild(FAKE_GUILD_ID);
    // Gateway events arrive in order: the removal is handled before this interaction.
    const status = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      memberPermissions: MANAGER,
    });
    const text = JSON.stringify(status.data);
    expect(text).toContain(FAKE_CHANNEL_ID);
    expect(text).toContain('the bot was removed from the server');
  });
});
