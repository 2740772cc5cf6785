// The fake itself: an unmodified discord.js client logs in, and its REST routes behave like Discord's.
import { REST } from '@discordjs/rest';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, type FakeDiscord, faults, startFakeDiscord } from '../fake-discord';

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

function restFor(f: FakeDiscord, options: { retries?: number } = {}): REST {
  return new REST({ api: f.apiUrl, retries: options.retries ?? 0 }).setToken(f.token);
}

describe('fake Discord', () => {
  it('lets an unmodified discord.js client log in and see guilds, channels and its own permissions', async () => {
    fake = await startFakeDiscord();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const ready = new Promise((resolve) => client!.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    const guild = client.guilds.cache.get(FAKE_GUILD_ID)!;
    expect(guild).toBeDefined();
    expect(client.application?.id).toBe(fake.applicationId);
    const channel = guild.channels.cache.get(FAKE_CHANNEL_ID)!;
    const me = guild.members.me!;
    expect(channel.permissionsFor(me).has(['ViewChannel', 'SendMessages', 'EmbedLinks'])).toBe(true);
  });

  it('sees a channel overwrite that denies the bot Send Messages', async () => {
    fake = await startFakeDiscord({
      guilds: [{ id: FAKE_GUILD_ID, channels: [{ id: FAKE_CHANNEL_ID, botDeny: 1n << 11n }] }],
    });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const ready = new Promise((resolve) => client!.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    const guild = client.guilds.cache.get(FAKE_GUILD_ID)!;
    const perms = guild.channels.cache.get(FAKE_CHANNEL_ID)!.permissionsFor(guild.members.me!);
    expect(perms.has('ViewChannel')).toBe(true);
    expect(perms.has('SendMessages')).toBe(false);
    await expect(
      restFor(fake).post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'hi' } }),
    ).rejects.toMatchObject({ status: 403, code: 50013 });
  });

  it('creates a message once per nonce when enforce_nonce is set', async () => {
    fake = await startFakeDiscord();
    const rest = restFor(fake);
    const body = { content: 'digest', nonce: 'abc123', enforce_nonce: true };
    const first = (await rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body })) as { id: string };
    const second = (await rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(fake.messages).toHaveLength(1);
    await rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { ...body, nonce: 'other' } });
    expect(fake.messages).toHaveLength(2);
  });

  it('answers scripted faults with Discord error JSON, in order, then recovers', async () => {
    fake = await startFakeDiscord();
    const rest = restFor(fake);
    const route = { method: 'POST', path: '/channels/:id/messages' };
    fake.fail(route, faults.missingAccess, faults.unknownChannel);
    const post = () => rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } });
    await expect(post()).rejects.toMatchObject({ status: 403, code: 50001 });
    await expect(post()).rejects.toMatchObject({ status: 404, code: 10003 });
    await expect(post()).resolves.toMatchObject({ channel_id: FAKE_CHANNEL_ID });
  });

  it('answers an unknown channel with 404 code 10003', async () => {
    fake = await startFakeDiscord();
    await expect(
      restFor(fake).post(Routes.channelMessages('1300000000000000777'), { body: { content: 'x' } }),
    ).rejects.toMatchObject({ status: 404, code: 10003 });
  });

  it('sends 429s with headers @discordjs/rest understands, and 500s it retries', async () => {
    fake = await startFakeDiscord();
    const rest = restFor(fake, { retries: 2 });
    const route = { method: 'POST', path: '/channels/:id/messages' };
    fake.fail(route, faults.rateLimited(0.01), faults.rateLimited(0.01, true), faults.serverError);
    const rateLimited: unknown[] = [];
    rest.on('rateLimited', (info) => rateLimited.push(info));
    await rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } });
    const statuses = fake.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.status);
    expect(statuses).toEqual([429, 429, 500, 200]);
    expect(fake.messages).toHaveLength(1);
  });

  it('can drop a connection, which the REST client sees as a network error', async () => {
    fake = await startFakeDiscord();
    fake.fail({ method: 'POST', path: '/channels/:id/messages' }, faults.drop);
    const rest = restFor(fake);
    const error = await rest
      .post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toHaveProperty('status');
    await rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'y' } });
    expect(fake.messages.map((m) => m.body.content)).toEqual(['y']);
  });

  it('enforces an optional global rate limit with X-RateLimit-Global', async () => {
    fake = await startFakeDiscord({ globalRateLimit: 2 });
    const rest = restFor(fake);
    const seen: boolean[] = [];
    const onRequest = (r: { status: number; path: string }) => {
      if (r.status === 429) seen.push(true);
    };
    fake.on('request', onRequest);
    // @discordjs/rest waits out the 429 and retries, so every post lands exactly once.
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: `m${n}` } }),
      ),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(fake.messages.map((m) => m.body.content).sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    const limited = fake.requests.find((r) => r.status === 429);
    expect(limited).toBeDefined();
  });

  it('answers 403 Missing Access for channels of a guild it was removed from', async () => {
    fake = await startFakeDiscord();
    fake.deleteGuild(FAKE_GUILD_ID);
    await expect(
      restFor(fake).post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } }),
    ).rejects.toMatchObject({ status: 403, code: 50001 });
  });

  it('parses multipart bodies with files', async () => {
    fake = await startFakeDiscord();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    await restFor(fake).post(Routes.channelMessages(FAKE_CHANNEL_ID), {
      body: { content: 'chart', attachments: [{ id: 0, filename: 'chart.png' }] },
      files: [{ name: 'chart.png', data: png, contentType: 'image/png' }],
    });
    const [message] = fake.messages;
    expect(message?.body.content).toBe('chart');
    expect(message?.files[0]?.name).toBe('chart.png');
    expect(message?.files[0]?.data.equals(png)).toBe(true);
  });

  it('records command deployment', async () => {
    fake = await startFakeDiscord();
    const rest = restFor(fake);
    await rest.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'ping', description: 'Ping' }],
    });
    await rest.put(Routes.applicationGuildCommands(fake.applicationId, FAKE_GUILD_ID), {
      body: [{ name: 'dev', description: 'Dev' }],
    });
    expect(fake.commands.global).toMatchObject([{ name: 'ping' }]);
    expect(fake.commands.guild.get(FAKE_GUILD_ID)).toMatchObject([{ name: 'dev' }]);
  });

  it('answers 400 Invalid Form Body with Discord’s errors tree', async () => {
    fake = await startFakeDiscord();
    fake.fail({ method: 'POST', path: '/channels/:id/messages' }, faults.invalidFormBody);
    const rest = restFor(fake);
    const error = await rest
      .post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } })
      .catch((e) => e);
    expect(error).toMatchObject({
      status: 400,
      code: 50035,
      rawError: { errors: { embeds: expect.any(Object) } },
    });
  });

  it('runs a 429 storm on channel posts for a while of its clock or a number of requests, counting invalid requests', async () => {
    let now = 5_000_000;
    fake = await startFakeDiscord({ now: () => now });
    const rest = new REST({ api: fake.apiUrl, retries: 0, rejectOnRateLimit: () => true }).setToken(
      fake.token,
    );
    const post = () =>
      rest.post(Routes.channelMessages(FAKE_CHANNEL_ID), { body: { content: 'x' } }).then(
        () => 'ok',
        (e: Error) => e.name,
      );
    fake.rateLimitStorm({ forMs: 2_000, retryAfter: 0.5 });
    expect(await post()).toMatch(/^RateLimitError/);
    now += 1_000;
    expect(await post()).toMatch(/^RateLimitError/);
    // Other routes are not in the storm.
    await rest.get(Routes.channel(FAKE_CHANNEL_ID));
    now += 1_000;
    expect(await post()).toBe('ok');
    fake.rateLimitStorm({ requests: 1 });
    expect(await post()).toMatch(/^RateLimitError/);
    expect(await post()).toBe('ok');
    expect(fake.invalidRequests().map((r) => r.status)).toEqual([429, 429, 429]);
    expect([...fake.invalidRequestsPerSecond()]).toEqual([
      [5_000, 1],
      [5_001, 1],
      [5_002, 1],
    ]);
  });
});
