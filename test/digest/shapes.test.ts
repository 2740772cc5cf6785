// Digests a server shapes (issue 14), end to end: /digest through the gateway of the local fake Discord with the real
// bot and its REST client, the posts made by the real deliverer and scheduler on an injected clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { createDeliverer } from '../../src/digest/deliver';
import { digestTitle } from '../../src/digest/payload';
import { postDigest } from '../../src/digest/post';
import { Digests } from '../../src/digest/runtime';
import { DigestScheduler } from '../../src/digest/schedule';
import { digestFor } from '../../src/digest/service';
import type { Subscription } from '../../src/digest/store';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { channelProbe } from '../../src/discord/probe';
import { createLogger } from '../../src/logger';
import { type FakeDiscord, type FakeGuild, faults, startFakeDiscord } from '../fake-discord';
import { testKnowledge, testKnowledgeBase } from './kb';

const GUILD = '1200000000000000001';
const ZH_GUILD = '1200000000000000002';
const ch = (n: number) => `13000000000000001${String(n).padStart(2, '0')}`;
const TEXT = ch(1);
const ZH_TW_TEXT = ch(2);
const PING = ch(3);
const QUIET_PING = ch(4);
const FORUM = ch(5);
const FORUM_ANY_TAG = ch(6);
const THREADED = ch(7);
const NEWS = ch(8);
const NO_THREADS = ch(9);
const NO_EMBEDS = ch(10);
const HIDDEN = ch(11);
const LATER = ch(12);
const ZH_TEXT = ch(20);
const PUBLISH_REFUSED = ch(13);
const GONE = ch(14);
const A_THREAD = ch(15);
const ROLE = '1600000000000000001';
const QUIET_ROLE = '1600000000000000002';

const GUILDS: FakeGuild[] = [
  {
    id: GUILD,
    name: 'Shapes',
    preferredLocale: 'fr',
    roles: [
      { id: ROLE, name: 'digest-fans', mentionable: true },
      { id: QUIET_ROLE, name: 'quiet', mentionable: false },
    ],
    channels: [
      // Its threads inherit its overwrites.
      { id: TEXT, name: 'text', botAllow: PermissionFlagsBits.SendMessagesInThreads },
      { id: ZH_TW_TEXT, name: 'zh-tw' },
      { id: PING, name: 'ping' },
      { id: QUIET_PING, name: 'quiet-ping' },
      {
        id: FORUM,
        name: 'forum',
        type: ChannelType.GuildForum,
        requireTag: true,
        availableTags: [
          { id: '1700000000000000001', name: 'Announcements', moderated: true },
          { id: '1700000000000000002', name: 'Chat' },
          { id: '1700000000000000003', name: 'Daily digest' },
        ],
      },
      {
        id: FORUM_ANY_TAG,
        name: 'media',
        type: ChannelType.GuildMedia,
        requireTag: true,
        availableTags: [
          { id: '1700000000000000011', name: 'Mods', moderated: true },
          { id: '1700000000000000012', name: 'Misc' },
        ],
      },
      { id: THREADED, name: 'threaded', botAllow: PermissionFlagsBits.CreatePublicThreads },
      {
        id: NEWS,
        name: 'news',
        type: ChannelType.GuildAnnouncement,
        botAllow: PermissionFlagsBits.CreatePublicThreads,
      },
      { id: NO_THREADS, name: 'no-threads' },
      { id: NO_EMBEDS, name: 'no-embeds', botDeny: PermissionFlagsBits.EmbedLinks },
      { id: HIDDEN, name: 'hidden', botDeny: PermissionFlagsBits.ViewChannel },
      { id: LATER, name: 'later' },
      { id: PUBLISH_REFUSED, name: 'publish-refused', type: ChannelType.GuildAnnouncement },
      { id: GONE, name: 'gone' },
      {
        id: A_THREAD,
        name: 'a-thread',
        type: ChannelType.PublicThread,
        parentId: TEXT,
      },
    ],
  },
  { id: ZH_GUILD, name: '中文', preferredLocale: 'zh-CN', channels: [{ id: ZH_TEXT, name: 'zh' }] },
];

// 2025-03-28 has entries; 09:00 in Asia/Shanghai is 01:00Z.
let now = new Date('2025-03-28T00:00:00Z');
const AT_NINE = new Date('2025-03-28T01:00:00Z');
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const DAY = 24 * 60;
const kb = testKnowledgeBase();
const knowledge = testKnowledge(kb);
let fake: FakeDiscord;
let bot: BotHandle;
let digests: Digests;
let scheduler: DigestScheduler;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiting-digest-shapes-'));
  digests = new Digests({ dbPath: join(dir, 'shiting.db'), knowledge: () => kb, clock: () => now });
  fake = await startFakeDiscord({ guilds: GUILDS, now: () => now.getTime() });
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: createLogger({ level: 'silent' }),
    clock: () => now,
    deploy: false,
    services: (client) => ({ digests: digests.service(channelProbe(client), client.rest) }),
    guildEvents: { left: (id) => digests.guildLeft(id), joined: (id) => digests.guildJoined(id) },
  });
  // The scheduler the runtime starts, without its cron: every tick here is explicit, on the injected clock.
  const deliver = createDeliverer({
    rest: bot.rest,
    store: digests.store,
    knowledge: () => kb,
    probe: channelProbe(bot.client),
    sleep: async () => {},
  });
  scheduler = new DigestScheduler({ store: digests.store, deliver, clock: () => now });
});

afterAll(async () => {
  await scheduler?.stop();
  await digests?.stop();
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = (id: string) => ({ type: ApplicationCommandOptionType.Channel, value: id });
const role = (id: string) => ({ type: ApplicationCommandOptionType.Role, value: id });
const MANAGE = PermissionFlagsBits.ManageGuild;

async function digest(
  subcommand: string,
  options: Parameters<FakeDiscord['sendCommand']>[0]['options'] = {},
  guildId = GUILD,
) {
  const reply = await fake.sendCommand({
    name: 'digest',
    subcommand,
    options,
    guildId,
    channelId: guildId === GUILD ? TEXT : ZH_TEXT,
    memberPermissions: MANAGE,
  });
  return `${reply.data.content ?? ''}${(reply.data.embeds ?? []).map((e) => e.description ?? '').join('\n')}`;
}

const postsIn = (id: string) => fake.messages.filter((m) => m.channelId === id);
const sub = async (id: string, guildId = GUILD) => (await digests.store.find(guildId, id)) as Subscription;
const tick = (at: Date) => {
  now = at;
  return scheduler.tick(at);
};
const title = (body: Record<string, unknown>) => (body.embeds as { title?: string }[])[0]?.title ?? '';

describe('language', () => {
  it('defaults to the server’s preferred locale when Shiting speaks it, else English; status shows it', async () => {
    expect(await digest('set', { channel: channel(ZH_TEXT) }, ZH_GUILD)).toContain('Simplified Chinese');
    expect((await sub(ZH_TEXT, ZH_GUILD)).locale).toBe('zh-CN');
    // French is not one of Shiting's languages.
    expect(await digest('set', { channel: channel(TEXT) })).toContain('Language: English; no ping');
    expect((await sub(TEXT)).locale).toBe('en-US');
    expect(await digest('set', { channel: channel(ZH_TW_TEXT), language: 'zh-TW' })).toContain(
      'Language: Traditional Chinese',
    );
    const status = await digest('status');
    expect(status).toContain(`**<#${TEXT}>**`);
    expect(status).toContain(`**<#${ZH_TW_TEXT}>**`);
    expect(status).toContain('Language: Traditional Chinese; no ping');
  });

  it('posts a zh-CN and a zh-TW digest in their own script', async () => {
    expect((await tick(AT_NINE)).sent).toBeGreaterThanOrEqual(3);
    const [zh] = postsIn(ZH_TEXT);
    expect(title(zh!.body)).toBe('历史上的今天：3月28日');
    const [tw] = postsIn(ZH_TW_TEXT);
    expect(title(tw!.body)).toBe('歷史上的今天：3月28日');
    expect(title(postsIn(TEXT)[0]!.body)).toBe('On this day: March 28');
  });

  it('refuses a language Shiting does not speak, changing nothing', async () => {
    expect(await digest('set', { channel: channel(TEXT), language: 'fr' })).toContain(
      'language must be en-US, zh-CN or zh-TW, not “fr”. Nothing was changed.',
    );
    expect((await sub(TEXT)).locale).toBe('en-US');
  });
});

describe('role ping', () => {
  it('mentions the role at the top, and allowed_mentions lets only that role through', async () => {
    now = minutes(AT_NINE, 1);
    const reply = await digest('set', { channel: channel(PING), role: role(ROLE), time: '09:30' });
    expect(reply).toContain(`pings <@&${ROLE}>`);
    expect(reply).not.toContain('not mentionable');
    await tick(minutes(AT_NINE, 30));
    const [post] = postsIn(PING);
    expect(post!.body.content).toBe(`<@&${ROLE}>`);
    expect(post!.body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    expect(post!.mentionRoles).toEqual([ROLE]);
  });

  it('says at set and at check when the bot may not mention the role, which then pings nobody', async () => {
    now = minutes(AT_NINE, 31);
    const reply = await digest('set', {
      channel: channel(QUIET_PING),
      role: role(QUIET_ROLE),
      time: '09:40',
    });
    expect(reply).toContain(
      `❌ Mention <@&${QUIET_ROLE}>: the role is not mentionable and the bot lacks Mention Everyone`,
    );
    expect(await digest('check', { channel: channel(QUIET_PING) })).toContain(
      `❌ Mention <@&${QUIET_ROLE}>: the role is not mentionable`,
    );
    expect(await digest('check', { channel: channel(PING) })).toContain(
      `✅ Mention <@&${ROLE}>: the role is mentionable`,
    );
    await tick(minutes(AT_NINE, 40));
    const [post] = postsIn(QUIET_PING);
    expect(post!.body.allowed_mentions).toEqual({ parse: [], roles: [QUIET_ROLE] });
    expect(post!.mentionRoles).toEqual([]);
  });

  it('never pings @everyone; a role left out is kept, clear_role:true stops the ping', async () => {
    expect(await digest('set', { channel: channel(PING), role: role(GUILD) })).toContain(
      'Shiting never pings @everyone or @here',
    );
    expect(await digest('set', { channel: channel(PING), role: role('1600000000000000099') })).toContain(
      'is not a role of this server',
    );
    await digest('set', { channel: channel(PING), empty_days: 'post' });
    expect((await sub(PING)).roleId).toBe(ROLE);
    expect(await digest('set', { channel: channel(PING), clear_role: true })).toContain('no ping');
    expect((await sub(PING)).roleId).toBeUndefined();
  });
});

describe('forums and threads', () => {
  it('posts each day as a new forum post titled with the date, with the tag that fits', async () => {
    now = minutes(AT_NINE, 41);
    expect(await digest('set', { channel: channel(FORUM), time: '10:00' })).toContain(
      'a new forum post each day',
    );
    expect(await digest('set', { channel: channel(FORUM), thread: true })).toContain(
      'is a forum, where each digest is a post of its own already',
    );
    await tick(minutes(AT_NINE, 60));
    const [post] = fake.threads.filter((t) => t.parentId === FORUM);
    expect(post).toMatchObject({
      kind: 'forum-post',
      name: 'On this day · March 28, 2025',
      appliedTags: ['1700000000000000003'],
    });
    const starter = fake.messages.find((m) => m.id === post!.messageId)!;
    expect(title(starter.body)).toBe('On this day: March 28');
    expect((await digests.store.delivery((await sub(FORUM)).id, '2025-03-28'))?.messageId).toBe(
      post!.messageId,
    );
  });

  it('takes the first tag the bot may apply when the forum requires one and none fits; Chinese titles too', async () => {
    now = minutes(AT_NINE, 61);
    await digest('set', { channel: channel(FORUM_ANY_TAG), time: '10:05', language: 'zh-CN' });
    await tick(minutes(AT_NINE, 65));
    const [post] = fake.threads.filter((t) => t.parentId === FORUM_ANY_TAG);
    expect(post).toMatchObject({
      name: '历史上的今天 · 2025年3月28日',
      appliedTags: ['1700000000000000012'],
    });
  });

  it('opens a thread named by the date on each post with thread:true', async () => {
    now = minutes(AT_NINE, 66);
    expect(await digest('set', { channel: channel(THREADED), time: '10:10', thread: true })).toContain(
      'a thread on each post',
    );
    expect(await digest('check', { channel: channel(THREADED) })).toContain('✅ Create Public Threads');
    await tick(minutes(AT_NINE, 70));
    const [post] = postsIn(THREADED);
    expect(fake.threads.filter((t) => t.parentId === THREADED)).toEqual([
      expect.objectContaining({
        kind: 'from-message',
        messageId: post!.id,
        name: 'On this day · March 28, 2025',
      }),
    ]);
  });

  it('posts into an existing thread, which needs Send Messages in Threads; a thread cannot hold threads', async () => {
    now = minutes(AT_NINE, 67);
    expect(await digest('set', { channel: channel(A_THREAD), thread: true })).toContain('is a thread itself');
    expect(await digest('set', { channel: channel(A_THREAD), time: '10:12' })).toContain('Daily digest set');
    expect(await digest('check', { channel: channel(A_THREAD) })).toContain('✅ Send Messages in Threads');
    await tick(minutes(AT_NINE, 72));
    expect(postsIn(A_THREAD)).toHaveLength(1);
    await digest('off', { channel: channel(A_THREAD) });
  });

  it('keeps the post when the thread cannot be opened, and says why in status and check', async () => {
    now = minutes(AT_NINE, 71);
    const reply = await digest('set', { channel: channel(NO_THREADS), time: '10:15', thread: true });
    expect(reply).toContain('the bot lacks Create Public Threads');
    await tick(minutes(AT_NINE, 75));
    expect(postsIn(NO_THREADS)).toHaveLength(1);
    const s = await sub(NO_THREADS);
    expect(s).toMatchObject({ lastPostDate: '2025-03-28', pausedReason: undefined });
    expect(s.lastError).toContain('thread failed');
    expect(await digest('check', { channel: channel(NO_THREADS) })).toContain(
      '❌ Create Public Threads: missing',
    );
  });
});

describe('announcement channels', () => {
  it('crossposts each post with publish:true; the bot publishes its own posts without Manage Messages', async () => {
    now = minutes(AT_NINE, 76);
    expect(await digest('set', { channel: channel(TEXT), publish: true })).toContain(
      'which only an announcement channel has',
    );
    const reply = await digest('set', { channel: channel(NEWS), time: '10:20', publish: true, thread: true });
    expect(reply).toContain('published to following servers');
    expect(await digest('check', { channel: channel(NEWS) })).toContain(
      '✅ Manage Messages: not granted, and not needed: the bot publishes only its own posts',
    );
    await tick(minutes(AT_NINE, 80));
    const [post] = postsIn(NEWS);
    expect(fake.crossposted).toContainEqual({ channelId: NEWS, messageId: post!.id });
    expect(fake.threads.some((t) => t.messageId === post!.id)).toBe(true);
  });

  it('keeps the post when Discord refuses the crosspost, and /digest test names the missing permission', async () => {
    now = minutes(AT_NINE, 81);
    await digest('set', { channel: channel(PUBLISH_REFUSED), time: '10:25', publish: true });
    const crosspost = { method: 'POST', path: '/channels/:id/messages/:message/crosspost' };
    fake.fail(crosspost, faults.missingPermissions);
    await tick(minutes(AT_NINE, 85));
    expect(postsIn(PUBLISH_REFUSED)).toHaveLength(1);
    expect(fake.crossposted.some((c) => c.channelId === PUBLISH_REFUSED)).toBe(false);
    const s = await sub(PUBLISH_REFUSED);
    expect(s.pausedReason).toBeUndefined();
    expect(s.lastError).toContain('crosspost failed');
    expect(await digest('status')).toContain('crosspost failed');
    fake.fail(crosspost, faults.missingPermissions);
    const tested = await digest('test', { channel: channel(PUBLISH_REFUSED) });
    expect(tested).toContain('Test digest posted: https://discord.com/channels/');
    expect(tested).toContain(
      'It could not be published to following servers: the bot lacks Manage Messages in the channel.',
    );
  });
});

describe('/digest test', () => {
  it('posts now with the options, marked as a test, links to it, and is not the day’s post', async () => {
    now = new Date('2025-03-29T00:30:00Z');
    const before = postsIn(PING).length;
    const reply = await digest('test', { channel: channel(PING) });
    const posted = postsIn(PING).slice(before);
    expect(posted).toHaveLength(1);
    expect(reply).toBe(
      `Test digest posted: https://discord.com/channels/${GUILD}/${PING}/${posted[0]!.id}. It does not count as today’s post.`,
    );
    expect(title(posted[0]!.body)).toBe('[Test] On this day: March 29');
    expect(posted[0]!.body.nonce).toBeUndefined();
    expect(await digests.store.delivery((await sub(PING)).id, '2025-03-29')).toBeUndefined();
    // The day's post still goes out at its time.
    await tick(new Date('2025-03-29T01:30:00Z'));
    expect(postsIn(PING)).toHaveLength(before + 2);
  });

  it('tests a forum post with its tag and a test title', async () => {
    await digest('test', { channel: channel(FORUM) });
    const last = fake.threads.filter((t) => t.parentId === FORUM).at(-1);
    expect(last).toMatchObject({
      name: '[Test] On this day · March 29, 2025',
      appliedTags: ['1700000000000000003'],
    });
  });

  it('says what failed and how to fix it, and pauses nothing', async () => {
    now = new Date('2025-03-29T02:00:00Z');
    // A server has at most 10 digests: make room.
    for (const id of [QUIET_PING, FORUM_ANY_TAG, THREADED, NO_THREADS])
      expect(await digest('off', { channel: channel(id) })).toContain(`Turned off the digest in <#${id}>`);
    await digest('set', { channel: channel(NO_EMBEDS) });
    await digest('set', { channel: channel(HIDDEN) });
    await digest('set', { channel: channel(GONE) });
    expect(await digest('test', { channel: channel(NO_EMBEDS) })).toBe(
      `The test post to <#${NO_EMBEDS}> failed: the bot lacks Embed Links there. Grant it in the channel’s settings → Permissions, then try again.`,
    );
    expect(await digest('test', { channel: channel(HIDDEN) })).toContain(
      'the bot cannot see the channel (Missing Access). Give the bot View Channel there',
    );
    fake.fail({ method: 'POST', path: '/channels/:id/messages' }, faults.unknownChannel);
    expect(await digest('test', { channel: channel(GONE) })).toContain('the channel no longer exists');
    for (const id of [NO_EMBEDS, HIDDEN, GONE]) expect((await sub(id)).pausedReason).toBeUndefined();
    expect(await digest('test', { channel: channel(ch(99)) })).toContain('There is no digest in');
    expect(await digest('test')).toContain('This server has several digests');
  });
});

describe('told, not silent', () => {
  it('tells the channel once when a digest pauses, shows it in status, and says so when set resumes it', async () => {
    await tick(new Date('2025-03-30T01:00:00Z'));
    const s = await sub(NO_EMBEDS);
    expect(s.pausedReason).toBe('missing-permissions');
    const notices = postsIn(NO_EMBEDS);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.content).toContain('Shiting paused the daily digest for this channel');
    expect(notices[0]!.body.allowed_mentions).toEqual({ parse: [] });
    // Hidden: the channel cannot be told; status is where it shows.
    expect((await sub(HIDDEN)).pausedReason).toBe('missing-access');
    expect(postsIn(HIDDEN)).toHaveLength(0);
    const status = await digest('status');
    expect(status).toContain('The channel was told when it paused.');
    expect(status).toContain('The channel could not be told when it paused; this is where it shows.');
    await tick(new Date('2025-03-31T01:00:00Z'));
    expect(postsIn(NO_EMBEDS)).toHaveLength(1);
    const resumed = await digest('set', { channel: channel(NO_EMBEDS) });
    expect(resumed).toContain('Digest resumed');
    expect(resumed).toContain(
      'It had been paused (the bot lacks a permission in the channel (Missing Permissions))',
    );
  });
});

describe('a forum post is never made twice', () => {
  it('finds the day’s post of a try that crashed before recording it, instead of posting again', async () => {
    now = new Date('2025-03-31T02:00:00Z');
    // 31 March has no entries: post the next anniversary rather than skip the day.
    await digest('set', { channel: channel(FORUM), empty_days: 'post' });
    const forum = await sub(FORUM);
    // The crashed try: it claimed the day and made the post, then died before recording it.
    expect(await digests.store.claim(forum.id, '2025-03-31', now)).toBe(1);
    const posted = await postDigest(bot.rest, forum, digestFor(kb, '2025-03-31', 'en-US'), {
      title: digestTitle(kb, '2025-03-31', 'en-US'),
    });
    await tick(new Date('2025-03-31T02:05:00Z'));
    const day = fake.threads.filter((t) => t.parentId === FORUM && t.name === 'On this day · March 31, 2025');
    expect(day).toHaveLength(1);
    expect(await digests.store.delivery(forum.id, '2025-03-31')).toMatchObject({
      status: 'sent',
      messageId: posted.messageId,
    });
  });
});

describe('exactly once a day across option changes', () => {
  it('a same-day change of time (or zone) after the day’s post does not post again; the history stays', async () => {
    now = new Date('2025-04-01T00:00:00Z');
    // 1 April has no entries: empty_days:post posts the next anniversary.
    await digest('set', { channel: channel(LATER), time: '09:00', empty_days: 'post' });
    await tick(new Date('2025-04-01T01:00:00Z'));
    expect(postsIn(LATER)).toHaveLength(1);
    now = new Date('2025-04-01T01:30:00Z');
    await digest('set', { channel: channel(LATER), time: '10:00', language: 'zh-CN', role: role(ROLE) });
    await tick(new Date('2025-04-01T02:00:00Z'));
    now = new Date('2025-04-01T02:10:00Z');
    await digest('set', { channel: channel(LATER), timezone: 'Asia/Tokyo', time: '11:30' });
    await tick(new Date('2025-04-01T02:30:00Z'));
    expect(postsIn(LATER)).toHaveLength(1);
    const { id } = await sub(LATER);
    expect(await digests.store.delivery(id, '2025-04-01')).toMatchObject({ status: 'sent' });
    await tick(new Date('2025-04-02T02:30:00Z'));
    expect(postsIn(LATER)).toHaveLength(2);
  });
});

describe('several digests, off, and what is kept', () => {
  it('off removes one digest; off on the last deletes everything of the server', async () => {
    const before = (await digests.store.forGuild(ZH_GUILD)).length;
    expect(before).toBe(1);
    const zhId = (await sub(ZH_TEXT, ZH_GUILD)).id;
    const reply = await digest('off', { channel: channel(ZH_TEXT) }, ZH_GUILD);
    expect(reply).toContain('Nothing of this server is kept any more.');
    expect(await digests.store.forGuild(ZH_GUILD)).toEqual([]);
    expect(await digests.store.delivery(zhId, '2025-03-28')).toBeUndefined();
    const one = await digest('off', { channel: channel(LATER) });
    expect(one).not.toContain('Nothing of this server');
    expect(await digests.store.find(GUILD, LATER)).toBeUndefined();
    expect((await digests.store.forGuild(GUILD)).length).toBeGreaterThan(5);
  });

  it('pauses a server’s digests when the bot is removed, deletes them 30 days later, prunes 90-day-old records', async () => {
    now = new Date('2025-04-02T03:00:00Z');
    const textId = (await sub(TEXT)).id;
    // One is paused already (the bot could not see it): leaving the server is what counts now.
    expect((await sub(HIDDEN)).pausedReason).toBe('missing-access');
    fake.deleteGuild(GUILD);
    await expect.poll(async () => (await sub(TEXT)).pausedReason).toBe('left-guild');
    for (const s of await digests.store.forGuild(GUILD)) expect(s.pausedReason).toBe('left-guild');
    await tick(new Date('2025-04-02T04:00:00Z'));
    expect(await digests.store.delivery(textId, '2025-03-28')).toBeDefined();
    await tick(minutes(now, 30 * DAY - 61));
    expect((await digests.store.forGuild(GUILD)).length).toBeGreaterThan(0);
    await tick(minutes(now, 61));
    expect(await digests.store.forGuild(GUILD)).toEqual([]);
    expect(await digests.store.delivery(textId, '2025-03-28')).toBeUndefined();
  });
});
