// The runtime end to end: discord.js against the fake Discord, with test commands injected.
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYWHERE } from '../../commands/options';
import type { Command, Context, Options } from '../../commands/types';
import { type BotHandle, startBot } from '../../src/discord/bot';
import {
  FAKE_CHANNEL_ID,
  FAKE_GUILD_ID,
  FAKE_USER_ID,
  type FakeDiscord,
  startFakeDiscord,
} from '../fake-discord';
import { type CapturedLogger, captureLogger, NO_KNOWLEDGE } from './helpers';

const NOW = new Date('2024-03-28T08:00:00Z');
const seen: { options: Options; context: Context }[] = [];
let release: () => void = () => {};

const echo: Command = {
  definition: {
    name: 'echo',
    description: 'Echo the options',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'say',
        description: 'Say it',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'text',
            description: 'Text',
            autocomplete: true,
          },
        ],
      },
    ],
    ...EVERYWHERE,
  },
  handle(_knowledge, options, context) {
    seen.push({ options, context });
    return { payload: { content: `${context.locale}: ${String(options.text)}` } };
  },
  autocomplete(_knowledge, focused) {
    const long = 'x'.repeat(150);
    return [
      { name: `${focused.value}-one`, value: 'one' },
      { name: long, value: 'long-name' },
      { name: 'bad value', value: 'v'.repeat(101) },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })),
    ];
  },
};

const broken: Command = {
  definition: { name: 'broken', description: 'Always fails' },
  handle() {
    throw new Error('handler exploded');
  },
  autocomplete() {
    throw new Error('autocomplete exploded');
  },
};

const slow: Command = {
  definition: { name: 'slow', description: 'Takes a while' },
  defer: true,
  async handle() {
    return {
      payload: { content: 'done slowly' },
      files: [{ name: 'chart.png', data: new Uint8Array([1, 2, 3]) }],
    };
  },
};

const late: Command = {
  definition: { name: 'late', description: 'Finishes after the deferral point' },
  handle() {
    return new Promise((resolve) => {
      release = () => resolve({ payload: { content: 'late but here' } });
    });
  },
};

const privately: Command = {
  definition: { name: 'private', description: 'Deferred, answers ephemerally' },
  defer: true,
  handle: () => ({ payload: { content: 'only you', flags: MessageFlags.Ephemeral } }),
};

let fake: FakeDiscord;
let bot: BotHandle;
let log: CapturedLogger;

beforeAll(async () => {
  fake = await startFakeDiscord();
  log = captureLogger();
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands: [echo, broken, slow, late, privately],
    knowledge: NO_KNOWLEDGE,
    logger: log.logger,
    clock: () => NOW,
    // Deferral is driven by the handler's promise below, released only once the deferral has arrived.
    deferAfterMs: 20,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('the bot against the fake Discord', () => {
  it('logs in and deploys every command globally, for servers, DMs and user installs', () => {
    expect(bot.applicationId).toBe(fake.applicationId);
    expect(fake.commands.global.map((c) => (c as { name: string }).name)).toEqual([
      'echo',
      'broken',
      'slow',
      'late',
      'private',
    ]);
    expect(fake.commands.global[0]).toMatchObject({ contexts: [0, 1, 2], integration_types: [0, 1] });
  });

  it('answers a slash command in a server at the callback route, with the parsed options and context', async () => {
    const reply = await fake.sendCommand({
      name: 'echo',
      subcommand: 'say',
      options: { text: 'hello' },
      locale: 'zh-TW',
      memberPermissions: 1n << 5n,
    });
    expect(reply.deferred).toBe(false);
    expect(reply.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    // Traditional Chinese since issue 10: a zh-TW client is answered in zh-TW (before, it fell back to zh-CN).
    expect(reply.data.content).toBe('zh-TW: hello');
    const last = seen.at(-1)!;
    expect(last.options).toEqual({ subcommand: 'say', text: 'hello' });
    expect(last.context).toMatchObject({
      locale: 'zh-TW',
      now: NOW,
      user: { id: FAKE_USER_ID },
      guild: { id: FAKE_GUILD_ID },
      channelId: FAKE_CHANNEL_ID,
      memberPermissions: 1n << 5n,
    });
  });

  it('answers in a DM, without a guild', async () => {
    const reply = await fake.sendCommand({
      name: 'echo',
      subcommand: 'say',
      options: { text: 'dm' },
      guildId: null,
      user: { id: '1400000000000000042' },
    });
    expect(reply.data.content).toBe('en-US: dm');
    const { context } = seen.at(-1)!;
    expect(context.guild).toBeUndefined();
    expect(context.memberPermissions).toBeUndefined();
    expect(context.user.id).toBe('1400000000000000042');
  });

  it('answers as a user-installed app in a group DM and in a server the bot is not in', async () => {
    const dm = await fake.sendCommand({
      name: 'echo',
      subcommand: 'say',
      options: { text: 'group' },
      guildId: null,
      privateChannel: true,
      userInstall: true,
    });
    expect(dm.data.content).toBe('en-US: group');
    expect(seen.at(-1)!.context.guild).toBeUndefined();
    const elsewhere = await fake.sendCommand({
      name: 'echo',
      subcommand: 'say',
      options: { text: 'foreign' },
      guildId: '1200000000000000999',
      channelId: '1300000000000000888',
      userInstall: true,
    });
    expect(elsewhere.data.content).toBe('en-US: foreign');
    expect(seen.at(-1)!.context).toMatchObject({
      guild: { id: '1200000000000000999' },
      channelId: '1300000000000000888',
    });
  });

  it('answers autocomplete directly, within Discord limits', async () => {
    const choices = await fake.sendAutocomplete({
      name: 'echo',
      subcommand: 'say',
      options: { text: 'he' },
      focused: 'text',
    });
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'he-one', value: 'one' });
    expect(choices[1]?.name).toHaveLength(100);
    expect(choices[1]?.name).toMatch(/^x+…$/);
    expect(choices.some((c) => String(c.value).length > 100)).toBe(false);
  });

  it('turns a failing handler into an ephemeral reply whose error id is in the log', async () => {
    const reply = await fake.sendCommand({ name: 'broken' });
    expect(reply.ephemeral).toBe(true);
    const id = reply.data.content?.match(/error id ([0-9a-f]{8})/)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    const logged = log.records().find((r) => r.errorId === id);
    expect(logged).toMatchObject({ level: 50, command: 'broken', msg: 'command failed' });
    expect(JSON.stringify(logged)).toContain('handler exploded');
    expect(reply.data.content).not.toContain('exploded');
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a failing autocomplete with no choices and logs it', async () => {
    const choices = await fake.sendAutocomplete({ name: 'broken', focused: 'anything' });
    expect(choices).toEqual([]);
    expect(log.lines.some((l) => l.includes('autocomplete exploded'))).toBe(true);
  });

  it('defers a `defer: true` command, then edits the original with its files attached', async () => {
    const reply = await fake.sendCommand({ name: 'slow' });
    expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.deferred).toBe(true);
    expect(reply.data).toMatchObject({
      content: 'done slowly',
      attachments: [{ id: 0, filename: 'chart.png' }],
    });
    expect(reply.files.map((f) => [f.name, [...f.data]])).toEqual([['chart.png', [1, 2, 3]]]);
  });

  it('defers a handler that is still busy at the deferral point, then edits', async () => {
    const pending = fake.sendInteraction(fake.commandInteraction({ name: 'late' }));
    const callback = await pending.callback;
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    release();
    const reply = await pending.reply;
    expect(reply).toMatchObject({ deferred: true, data: { content: 'late but here' } });
  });

  it('sends an ephemeral answer to a deferred command as a follow-up and removes the public placeholder', async () => {
    const deleted = fake.nextRequest((r) => r.method === 'DELETE' && r.path.endsWith('@original'));
    const followUp = fake.nextRequest((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
    await fake.sendInteraction(fake.commandInteraction({ name: 'private' })).callback;
    expect((await followUp).body).toMatchObject({ content: 'only you', flags: MessageFlags.Ephemeral });
    await deleted;
  });

  it('tells the user about a command it no longer has', async () => {
    const reply = await fake.sendCommand({ name: 'gone' });
    expect(reply).toMatchObject({
      ephemeral: true,
      data: { content: 'This command is not available any more.', allowed_mentions: { parse: [] } },
    });
  });
});

describe('deployment to a development server', () => {
  it('puts the commands on that guild only, without global-only fields', async () => {
    const f = await startFakeDiscord();
    const b = await startBot({
      token: f.token,
      apiUrl: f.apiUrl,
      guildId: FAKE_GUILD_ID,
      commands: [echo],
      knowledge: NO_KNOWLEDGE,
      logger: captureLogger().logger,
    });
    try {
      expect(f.commands.global).toEqual([]);
      const guildCommands = f.commands.guild.get(FAKE_GUILD_ID) as Record<string, unknown>[];
      expect(guildCommands.map((c) => c.name)).toEqual(['echo']);
      expect(guildCommands[0]).not.toHaveProperty('contexts');
    } finally {
      await b.stop();
      await f.close();
    }
  });
});
