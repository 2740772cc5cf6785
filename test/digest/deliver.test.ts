import { Routes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestNonce } from '../../src/digest/deliver';
import { faults } from '../fake-discord';
import {
  digestHarness,
  GONE_CHANNEL,
  GUILD,
  type Harness,
  HIDDEN_CHANNEL,
  NO_EMBEDS_CHANNEL,
  OK_CHANNEL,
} from './harness';

// 2025-03-28 is a day with entries; Asia/Shanghai is UTC+8 all year, so 09:00 local is 01:00Z.
const BEFORE = new Date('2025-03-28T00:00:00Z');
const AT_NINE = new Date('2025-03-28T01:00:00Z');
const at = (iso: string) => new Date(iso);
const messagesRoute = { method: 'POST', path: '/channels/:id/messages' };

let h: Harness;
beforeEach(async () => {
  h = await digestHarness();
});
afterEach(async () => {
  await h.close();
});

async function subscribe(
  channelId: string,
  over: { time?: string; timezone?: string; emptyDays?: string } = {},
) {
  const result = await h.service.set({ guildId: GUILD, channelId, language: 'en-US', ...over }, BEFORE);
  if (!result.ok) throw new Error(`set failed: ${result.error}`);
  return result.subscription;
}

const postsTo = (channelId: string) =>
  h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

describe('digest delivery at the scheduled time', () => {
  it('posts nothing before the time and one digest at it, with a nonce and no mentions', async () => {
    const sub = await subscribe(OK_CHANNEL);
    expect(await h.scheduler.tick(at('2025-03-28T00:59:00Z'))).toMatchObject({ sent: 0 });
    expect(h.fake.messages).toHaveLength(0);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
    const body = h.fake.messages[0]!.body;
    expect(body).toMatchObject({ nonce: digestNonce(sub.id, '2025-03-28'), enforce_nonce: true });
    expect(String(body.nonce).length).toBeLessThanOrEqual(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body.embeds)).toContain('10th China Internet Audiovisual Conference');
    expect(await h.store.get(sub.id)).toMatchObject({
      lastPostDate: '2025-03-28',
      lastMessageId: h.fake.messages[0]!.id,
    });
  });

  it('posts exactly once per local day across repeated ticks, and again the next day', async () => {
    await subscribe(OK_CHANNEL);
    for (let minute = 0; minute < 90; minute += 7)
      await h.scheduler.tick(new Date(AT_NINE.getTime() + minute * 60_000));
    expect(h.fake.messages).toHaveLength(1);
    await h.scheduler.tick(at('2025-03-29T01:00:00Z'));
    expect(h.fake.messages).toHaveLength(2);
  });

  it('concurrent tick calls never overlap and never double-post', async () => {
    await subscribe(OK_CHANNEL);
    await Promise.all([h.scheduler.tick(AT_NINE), h.scheduler.tick(AT_NINE), h.scheduler.tick(AT_NINE)]);
    expect(postsTo(OK_CHANNEL)).toHaveLength(1);
  });

  it('a restart on the same database file does not post twice', async () => {
    await subscribe(OK_CHANNEL);
    await h.scheduler.tick(AT_NINE);
    await h.restart();
    expect(await h.scheduler.tick(at('2025-03-28T01:02:00Z'))).toMatchObject({ sent: 0 });
    expect(postsTo(OK_CHANNEL)).toHaveLength(1);
  });

  it('after a crash between posting and recording, the retry reuses the nonce and Discord keeps one message', async () => {
    const sub = await subscribe(OK_CHANNEL);
    // The first process claimed the day and posted, then died before recording the post.
    await h.store.claim(sub.id, '2025-03-28', AT_NINE);
    await h.rest.post(Routes.channelMessages(OK_CHANNEL), {
      body: { content: 'x', nonce: digestNonce(sub.id, '2025-03-28'), enforce_nonce: true },
    });
    await h.restart();
    expect(await h.scheduler.tick(at('2025-03-28T01:01:00Z'))).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
    expect((await h.store.delivery(sub.id, '2025-03-28'))?.status).toBe('sent');
  });

  it('catches up a missed run within the window after a restart, and drops one outside it', async () => {
    await subscribe(OK_CHANNEL);
    await h.restart();
    expect(await h.scheduler.tick(at('2025-03-28T06:30:00Z'))).toMatchObject({ sent: 1 });
    // Next day the bot comes back 7 hours after 09:00: too late, dropped and recorded.
    await h.restart();
    expect(await h.scheduler.tick(at('2025-03-29T08:00:00Z'))).toMatchObject({ sent: 0, dropped: 1 });
    expect(h.fake.messages).toHaveLength(1);
    expect((await h.store.delivery(1, '2025-03-29'))?.status).toBe('dropped');
  });

  it('a new subscription posts no backlog', async () => {
    const result = await h.service.set(
      { guildId: GUILD, channelId: OK_CHANNEL, language: 'en-US' },
      at('2025-03-28T03:00:00Z'),
    );
    expect(result.ok).toBe(true);
    expect(await h.scheduler.tick(at('2025-03-28T03:01:00Z'))).toMatchObject({ sent: 0, dropped: 0 });
    expect(h.fake.messages).toHaveLength(0);
    expect(await h.scheduler.tick(at('2025-03-29T01:00:00Z'))).toMatchObject({ sent: 1 });
  });

  it('skips an empty day, or with empty_days:post names the next anniversary', async () => {
    await subscribe(OK_CHANNEL, { emptyDays: 'skip' });
    const empty = at('2025-03-31T01:00:00Z');
    expect(await h.scheduler.tick(empty)).toMatchObject({ sent: 0, skipped: 1 });
    await h.service.set(
      { guildId: GUILD, channelId: OK_CHANNEL, emptyDays: 'post', language: 'en-US' },
      empty,
    );
    expect(await h.scheduler.tick(at('2025-04-01T01:00:00Z'))).toMatchObject({ sent: 1 });
    expect(JSON.stringify(h.fake.messages[0]!.body.embeds)).toContain('The next anniversary is');
  });
});

describe('digest delivery failures', () => {
  it('pauses on 403 Missing Permissions, keeps the settings and tells the channel once', async () => {
    const sub = await subscribe(NO_EMBEDS_CHANNEL);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ paused: 1 });
    const after = (await h.store.get(sub.id))!;
    expect(after).toMatchObject({ pausedReason: 'missing-permissions', noticeSent: true, time: '09:00' });
    expect(after.lastError).toContain('50013');
    // The notice is plain text (embeds are what is missing), mentioning nobody.
    expect(h.fake.messages).toHaveLength(1);
    expect(h.fake.messages[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(String(h.fake.messages[0]!.body.content)).toContain('paused the daily digest');
    await h.scheduler.tick(at('2025-03-28T01:05:00Z'));
    await h.scheduler.tick(at('2025-03-29T01:00:00Z'));
    expect(postsTo(NO_EMBEDS_CHANNEL)).toHaveLength(2); // the refused post and the notice, nothing more
    expect((await h.service.status(GUILD, AT_NINE))[0]?.subscription.pausedReason).toBe(
      'missing-permissions',
    );
  });

  it('pauses on 403 Missing Access without posting into the channel again', async () => {
    const sub = await subscribe(HIDDEN_CHANNEL);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ paused: 1 });
    expect(await h.store.get(sub.id)).toMatchObject({ pausedReason: 'missing-access', noticeSent: false });
    await h.scheduler.tick(at('2025-03-29T01:00:00Z'));
    expect(postsTo(HIDDEN_CHANNEL)).toHaveLength(1);
  });

  it('pauses on 404 Unknown Channel, and /digest set resumes it', async () => {
    const sub = await subscribe(GONE_CHANNEL);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ paused: 1 });
    expect((await h.store.get(sub.id))?.pausedReason).toBe('unknown-channel');
    expect(postsTo(GONE_CHANNEL)).toHaveLength(1);
    const resumed = await h.service.set(
      { guildId: GUILD, channelId: GONE_CHANNEL, language: 'en-US' },
      AT_NINE,
    );
    expect(resumed).toMatchObject({ ok: true, resumed: true });
    expect((await h.store.get(sub.id))?.pausedReason).toBeUndefined();
  });

  it('retries a 500 (the REST client first, then with backoff) and posts once', async () => {
    await subscribe(OK_CHANNEL);
    // @discordjs/rest makes 4 tries (3 retries) itself; the 5th 500 is met by our backoff retry.
    h.fake.fail(
      messagesRoute,
      faults.serverError,
      faults.serverError,
      faults.serverError,
      faults.serverError,
    );
    h.fake.fail(messagesRoute, faults.serverError);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 1 });
    expect(h.sleeps).toEqual([1000]);
    expect(h.fake.messages).toHaveLength(1);
    expect(postsTo(OK_CHANNEL).filter((r) => r.status === 500)).toHaveLength(5);
  });

  it('leaves the day pending after repeated 5xx, and the next tick sends it', async () => {
    const sub = await subscribe(OK_CHANNEL);
    h.fake.fail(messagesRoute, ...Array.from({ length: 16 }, () => faults.serverError));
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 0, retrying: 1 });
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    expect((await h.store.delivery(sub.id, '2025-03-28'))?.status).toBe('pending');
    expect((await h.store.get(sub.id))?.lastError).toContain('500');
    expect(await h.scheduler.tick(at('2025-03-28T01:01:00Z'))).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
  });

  it('gives a day up after many failing ticks, keeping the subscription', async () => {
    const sub = await subscribe(OK_CHANNEL);
    h.fake.fail(messagesRoute, ...Array.from({ length: 200 }, () => faults.serverError));
    let last = {};
    for (let minute = 0; minute <= 10; minute++)
      last = await h.scheduler.tick(new Date(AT_NINE.getTime() + minute * 60_000));
    expect(last).toMatchObject({ failed: 1, retrying: 0 });
    expect((await h.store.delivery(sub.id, '2025-03-28'))?.status).toBe('failed');
    expect(await h.store.get(sub.id)).toMatchObject({
      time: '09:00',
      lastError: expect.stringContaining('500'),
    });
    expect((await h.store.get(sub.id))?.pausedReason).toBeUndefined();
  });

  it('leaves 429s to the REST client, which waits and retries', async () => {
    await subscribe(OK_CHANNEL);
    h.fake.fail(messagesRoute, faults.rateLimited(0.05), faults.rateLimited(0.05, true));
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 1 });
    expect(postsTo(OK_CHANNEL).map((r) => r.status)).toEqual([429, 429, 200]);
    expect(h.sleeps).toEqual([]);
  });

  it('retries a dropped connection', async () => {
    await subscribe(OK_CHANNEL);
    h.fake.fail(messagesRoute, faults.drop);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
  });

  it('pauses a server’s digests when the bot leaves it, and resumes them when it is back', async () => {
    await subscribe(OK_CHANNEL);
    expect(await h.service.guildLeft(GUILD, BEFORE)).toBe(1);
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 0 });
    expect((await h.service.status(GUILD, BEFORE))[0]?.subscription.pausedReason).toBe('left-guild');
    expect(await h.service.guildJoined(GUILD, at('2025-03-28T02:00:00Z'))).toBe(1);
    expect(await h.scheduler.tick(at('2025-03-28T02:01:00Z'))).toMatchObject({ sent: 0 }); // no backlog
    expect(await h.scheduler.tick(at('2025-03-29T01:00:00Z'))).toMatchObject({ sent: 1 });
  });

  it('delivers many subscriptions due at the same minute, none lost, despite 429s and 500s', async () => {
    // Three servers of ten channels (a server may have ten digests).
    const channels = Array.from({ length: 30 }, (_, i) => `13000000000000${String(10000 + i)}`);
    const guildOf = (i: number) => `12000000000000000${10 + Math.floor(i / 10)}`;
    await h.close();
    h = await digestHarness({
      guilds: [0, 10, 20].map((first) => ({
        id: guildOf(first),
        channels: channels.slice(first, first + 10).map((id) => ({ id })),
      })),
    });
    for (const [i, channelId] of channels.entries())
      expect((await h.service.set({ guildId: guildOf(i), channelId, language: 'zh-CN' }, BEFORE)).ok).toBe(
        true,
      );
    h.fake.fail(messagesRoute, faults.rateLimited(0.02), faults.serverError, faults.rateLimited(0.02, true));
    expect(await h.scheduler.tick(AT_NINE)).toMatchObject({ sent: 30 });
    expect(new Set(h.fake.messages.map((m) => m.channelId))).toEqual(new Set(channels));
    expect(h.fake.messages).toHaveLength(30);
  });
});
