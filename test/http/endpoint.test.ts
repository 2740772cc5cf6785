// POST /interactions of `shiting serve`, in-process, against the fake Discord's HTTP mode: PING, every refusal
// (counted, never routed), every command and an autocomplete answered in the HTTP body exactly as the handler
// answers, a chart deferred and edited in over REST, and /digest on the interaction's own permissions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type APIInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionResponseType,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import type { Knowledge } from '../../commands/types';
import { digestText } from '../../src/digest/text';
import type { ServeHandle } from '../../src/http/serve';
import { openKnowledge } from '../../src/knowledge/open';
import {
  FAKE_CHANNEL_ID,
  FAKE_GUILD_ID,
  FAKE_USER_ID,
  type FakeDiscord,
  startFakeDiscord,
} from '../fake-discord';
import { type HttpDiscord, startHttpMode } from '../fake-discord/http-mode';
import { sample } from '../ops/scrape';
import { expectHandlerPayload, lookupCommands, sampleOptions } from '../support/sample-options';
import { writeShippedIndex } from '../support/shipped';
import { NOW, serveFor } from './harness';

const OTHER_CHANNEL_ID = '1300000000000000002';
const FORUM_CHANNEL_ID = '1300000000000000003';
const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel;

let fake: FakeDiscord;
let discord: HttpDiscord;
let serving: ServeHandle & { url: string };
let dir: string;
let knowledge: Knowledge;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-serve-'));
  const indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  knowledge = openKnowledge(indexPath);
  fake = await startFakeDiscord({
    guilds: [
      {
        id: FAKE_GUILD_ID,
        channels: [
          { id: FAKE_CHANNEL_ID, name: 'general' },
          { id: OTHER_CHANNEL_ID, name: 'news' },
          { id: FORUM_CHANNEL_ID, name: 'digests', type: ChannelType.GuildForum },
        ],
      },
    ],
  });
  discord = await startHttpMode(fake, { now: () => NOW.getTime() });
  serving = await serveFor(fake, discord, { knowledge, dir });
  discord.endpoint = `${serving.url}/interactions`;
});

afterAll(async () => {
  await serving?.stop();
  await discord?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function metrics(): Promise<string> {
  return (await fetch(`${serving.url}/metrics`)).text();
}

const requests = async (outcome: string) =>
  sample(await metrics(), 'shiting_interaction_requests_total', { outcome }) ?? 0;
const routed = async () => {
  const text = await metrics();
  return text
    .split('\n')
    .filter((l) => l.startsWith('shiting_interactions_total{'))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
};

describe('POST /interactions', () => {
  it('answers a PING with a PONG', async () => {
    const answer = await discord.post(JSON.stringify({ id: '1', application_id: '1', token: 't', type: 1 }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.json).toEqual({ type: 1 });
    expect(await requests('ping')).toBe(1);
  });

  const command = () => JSON.stringify(discord.commandInteraction({ name: 'about' }));
  const stale = String(Math.floor(NOW.getTime() / 1000) - 5 * 60 - 1);
  const refusals = [
    [
      'a wrong signature',
      401,
      'bad-signature',
      () => discord.post(command(), { signature: 'ab'.repeat(64) }),
    ],
    [
      "another body's signature",
      401,
      'bad-signature',
      () => {
        const ts = String(Math.floor(NOW.getTime() / 1000));
        return discord.post(command(), { timestamp: ts, signature: discord.sign(ts, '{}') });
      },
    ],
    [
      'a signature that is not hex',
      401,
      'malformed-signature',
      () => discord.post(command(), { signature: 'zz' }),
    ],
    [
      'a timestamp that is not a number',
      401,
      'malformed-signature',
      () => discord.post(command(), { timestamp: 'now' }),
    ],
    ['no signature header', 401, 'missing-signature', () => discord.post(command(), { signature: null })],
    [
      'no timestamp header',
      401,
      'missing-signature',
      () => discord.post(command(), { timestamp: null, signature: 'ab'.repeat(64) }),
    ],
    [
      'a timestamp over 5 minutes old, well signed',
      401,
      'stale-timestamp',
      () => discord.post(command(), { timestamp: stale }),
    ],
    [
      'a timestamp over 5 minutes ahead, well signed',
      401,
      'stale-timestamp',
      () => discord.post(command(), { timestamp: String(Math.floor(NOW.getTime() / 1000) + 5 * 60 + 1) }),
    ],
    ['a body over 1 MiB', 413, 'too-large', () => discord.post(`{"pad":"${'x'.repeat(1024 * 1024)}"}`)],
    ['a signed body that is not JSON', 400, 'not-json', () => discord.post('{"type": 2,')],
    ['signed JSON that is not an interaction', 400, 'not-json', () => discord.post('[1,2]')],
    ['a GET', 405, 'method', () => discord.post('', { method: 'GET' })],
    ['a PUT', 405, 'method', () => discord.post(command(), { method: 'PUT' })],
  ] as const;

  it.each(refusals)('refuses %s (%i), counted and never routed', async (_label, status, outcome, send) => {
    const before = {
      counted: await requests(outcome),
      routed: await routed(),
      callbacks: fake.callbacks.length,
    };
    const answer = await send();
    expect(answer.status).toBe(status);
    if (status === 405) expect(answer.headers.get('allow')).toBe('POST');
    expect(answer.text.length).toBeLessThan(40);
    expect(await requests(outcome)).toBe(before.counted + 1);
    expect(await routed()).toBe(before.routed);
    expect(fake.callbacks.length).toBe(before.callbacks);
  });

  it('accepts a timestamp 4 minutes old (within the 5)', async () => {
    const reply = await discord.send(discord.commandInteraction({ name: 'about' }), {
      timestamp: String(Math.floor(NOW.getTime() / 1000) - 4 * 60),
    });
    expect(reply.answer.status).toBe(200);
    expect((reply.answer.json as { type: number }).type).toBe(
      InteractionResponseType.ChannelMessageWithSource,
    );
  });

  it('answers 400 to an interaction the router does not answer (a user command), counted', async () => {
    const before = await requests('unanswered');
    const interaction = discord.commandInteraction({ name: 'Look up' });
    const { answer } = await discord.send({
      ...interaction,
      data: { ...interaction.data, type: ApplicationCommandType.User, target_id: FAKE_USER_ID },
    } as APIInteraction);
    expect(answer.status).toBe(400);
    expect(await requests('unanswered')).toBe(before + 1);
  });

  it('answers the message command “Look up in Shiting” ephemerally, from the resolved message’s text', async () => {
    const interaction = discord.commandInteraction({ name: 'Look up in Shiting' });
    const target = {
      id: '1500000000000000002',
      channel_id: FAKE_CHANNEL_ID,
      type: 0,
      author: {
        id: '1400000000000000002',
        username: 'someone',
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
      content: 'liu zhen',
      embeds: [],
      attachments: [],
      flags: 0,
    };
    const { answer } = await discord.send({
      ...interaction,
      data: {
        ...interaction.data,
        options: undefined,
        type: ApplicationCommandType.Message,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
    } as unknown as APIInteraction);
    const body = answer.json as { type: number; data: { flags?: number; embeds?: { title?: string }[] } };
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data.embeds?.[0]?.title).toContain('Liu Zhen');
  });

  it('serves /healthz on the same port', async () => {
    const health = await fetch(`${serving.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, checks: { index: true, database: true } });
  });
});

describe.each(lookupCommands.map((c) => [c.definition.name, c] as const))(
  '/%s over HTTP',
  (_name, command) => {
    it.each([
      ['in a server, en-US', FAKE_GUILD_ID, 'en-US'],
      ['in a DM, zh-CN', null, 'zh-CN'],
    ] as const)('answers %s with exactly the handler payload', async (_label, guildId, locale) => {
      const options = await sampleOptions(discord, command, guildId);
      const reply = await discord.sendCommand({
        name: command.definition.name,
        options: options as Record<string, string>,
        guildId,
        locale,
      });
      await expectHandlerPayload(knowledge, command, options, { guildId, locale, now: NOW }, reply);
      // A reply with files cannot be a JSON body: it is deferred and edited in; the rest is the body itself.
      expect(reply.deferred).toBe(reply.files.length > 0);
    });
  },
);

describe('autocomplete and charts over HTTP', () => {
  it('answers autocomplete with type 8 and the handler’s choices', async () => {
    const { answer } = await discord.send(
      discord.autocompleteInteraction({ name: 'edition', focused: 'query', options: { query: '11th' } }),
    );
    expect(answer.status).toBe(200);
    const body = answer.json as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const edition = commands.find((c) => c.definition.name === 'edition')!;
    const expected = edition.autocomplete!(
      knowledge,
      { name: 'query', value: '11th' },
      { query: '11th' },
      {
        locale: 'en-US',
        now: NOW,
        user: { id: FAKE_USER_ID },
      },
    );
    expect(body.data.choices.map((c) => c.value)).toEqual(expected.slice(0, 25).map((c) => c.value));
    expect(body.data.choices.length).toBeGreaterThan(0);
  });

  it('answers a chart with type 5 at once, then edits @original with the PNG over REST', async () => {
    const interaction = discord.commandInteraction({
      name: 'edition',
      options: { query: '11th', compare: true },
    });
    const { answer, reply } = await discord.send(interaction);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const shown = await reply;
    expect(shown.deferred).toBe(true);
    expect(shown.files.map((f) => f.name)).toEqual(['chart.png']);
    expect(shown.files[0]!.data.subarray(1, 4).toString()).toBe('PNG');
    const edit = fake.requests.findLast((r) => r.method === 'PATCH')!;
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    // The webhook route authenticates by the interaction's token: serve has no bot token to send.
    expect(edit.headers.authorization).toBeUndefined();
  });
});

describe('/digest over HTTP: the shared store, and the interaction’s own permissions', () => {
  const digest = (
    subcommand: string,
    options: Record<string, string | boolean> = {},
    channelId = FAKE_CHANNEL_ID,
  ) =>
    discord.sendCommand({
      name: 'digest',
      subcommand,
      options: Object.fromEntries(
        Object.entries(options).map(([name, value]) => [
          name,
          name === 'channel' ? { type: ApplicationCommandOptionType.Channel, value } : value,
        ]),
      ),
      channelId,
      memberPermissions: MANAGER,
    });

  it('/digest set here: saved, and no warning since app_permissions has all it needs', async () => {
    const reply = await digest('set', { channel: FAKE_CHANNEL_ID, time: '08:30' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(`<#${FAKE_CHANNEL_ID}>`);
    expect(reply.data.content).toContain('08:30');
    expect(reply.data.content).not.toMatch(/missing|lacks|cannot/i);
    const status = await digest('status');
    expect(JSON.stringify(status.data)).toContain(FAKE_CHANNEL_ID);
  });

  it('/digest check here reads app_permissions; another channel is “cannot tell”', async () => {
    const interaction = discord.commandInteraction({
      name: 'digest',
      subcommand: 'check',
      options: { channel: { type: ApplicationCommandOptionType.Channel, value: FAKE_CHANNEL_ID } },
      channelId: FAKE_CHANNEL_ID,
      memberPermissions: MANAGER,
    });
    // The bot may view and send here, but not embed links.
    const lacking = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
    const { reply } = await discord.send({ ...interaction, app_permissions: String(lacking) });
    const text = JSON.stringify((await reply).data);
    const check = digestText('en-US');
    expect(text).toContain(check.checkPermission('Embed Links', false, true));
    expect(text).toContain(check.checkPermission('Send Messages', true, true));

    const elsewhere = await discord.sendCommand({
      name: 'digest',
      subcommand: 'check',
      options: { channel: { type: ApplicationCommandOptionType.Channel, value: OTHER_CHANNEL_ID } },
      channelId: FAKE_CHANNEL_ID,
      memberPermissions: MANAGER,
    });
    // Nothing in the interaction tells the app's permissions there; no guild cache to ask.
    expect(JSON.stringify(elsewhere.data)).toContain(
      JSON.stringify(digestText('en-US').checkUnknown(OTHER_CHANNEL_ID)).slice(1, -1),
    );
  });

  it('/digest set to a forum used from another channel: its type comes from the resolved option', async () => {
    // No guild cache to ask: without the resolved channel's type the forum would be kept as a text channel.
    const refused = await digest('set', { channel: FORUM_CHANNEL_ID, thread: true });
    expect(refused.data.content).toBe(digestText('en-US').badThread(FORUM_CHANNEL_ID, true));
    const saved = await digest('set', { channel: FORUM_CHANNEL_ID });
    expect(saved.data.content).toContain('a new forum post each day');
    const off = await digest('off', { channel: FORUM_CHANNEL_ID });
    expect(off.ephemeral).toBe(true);
  });

  it('a new digest takes the server’s locale from the interaction (guild_locale), as on the gateway', async () => {
    const interaction = discord.commandInteraction({
      name: 'digest',
      subcommand: 'set',
      options: { channel: { type: ApplicationCommandOptionType.Channel, value: OTHER_CHANNEL_ID } },
      channelId: FAKE_CHANNEL_ID,
      memberPermissions: MANAGER,
    });
    const { reply } = await discord.send({ ...interaction, guild_locale: Locale.ChineseTW });
    expect(JSON.stringify((await reply).data)).toContain(digestText('en-US').languageName('zh-TW'));
    await digest('off', { channel: OTHER_CHANNEL_ID });
  });

  it('/digest preview and /digest off answer from the same store', async () => {
    const preview = await digest('preview', { date: '03-28' });
    expect(JSON.stringify(preview.data)).toMatch(/March 28|03-28|2026-03-28/);
    const off = await digest('off', { channel: FAKE_CHANNEL_ID });
    expect(off.ephemeral).toBe(true);
    expect(off.data.content).toContain(`<#${FAKE_CHANNEL_ID}>`);
    const status = await digest('status');
    expect(JSON.stringify(status.data)).not.toContain(FAKE_CHANNEL_ID);
  });

  it('refuses /digest set to a member without Manage Server', async () => {
    const reply = await discord.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: { type: ApplicationCommandOptionType.Channel, value: FAKE_CHANNEL_ID } },
      memberPermissions: PermissionFlagsBits.ViewChannel,
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toMatch(/Manage Server/);
  });
});
