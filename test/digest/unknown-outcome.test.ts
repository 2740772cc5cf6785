// "One post a day" past Discord's nonce memory: a retry whose earlier attempt may have posted looks for that post first.
import { PermissionFlagsBits, type RESTGetAPIChannelMessagesResult, Routes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { digestMarkerUrl, digestNonce } from '../../src/digest/deliver';
import { faults } from '../fake-discord';
import {
  digestHarness,
  GONE_CHANNEL,
  GUILD,
  GUILDS,
  type Harness,
  HIDDEN_CHANNEL,
  OK_CHANNEL,
} from './harness';

// 2025-03-28 has entries; 09:00 in Asia/Shanghai is 01:00Z.
const BEFORE = new Date('2025-03-28T00:00:00Z');
const AT_NINE = new Date('2025-03-28T01:00:00Z');
const DAY = '2025-03-28';
const minutesAfterNine = (n: number) => new Date(AT_NINE.getTime() + n * 60_000);
const listRoute = { method: 'GET', path: '/channels/:id/messages' };

let h: Harness;
// The fake Discord's clock (its nonce memory, 5 minutes) follows the ticks' injected clock.
let clock = BEFORE;
beforeEach(async () => {
  clock = BEFORE;
  h = await digestHarness({ fake: { now: () => clock.getTime() } });
});
afterEach(async () => {
  await h.close();
});

async function subscribe(channelId: string) {
  const result = await h.service.set({ guildId: GUILD, channelId, language: 'en-US' }, BEFORE);
  if (!result.ok) throw new Error(`set failed: ${result.error}`);
  return result.subscription;
}

async function tickAt(at: Date) {
  clock = at;
  return h.scheduler.tick(at);
}

const requestsTo = (method: string, channelId: string) =>
  h.fake.requests.filter((r) => r.method === method && r.path === `/channels/${channelId}/messages`);

/** The first process claims the day, and Discord takes the post, but the process dies before recording it. */
async function crashAfterPosting(): Promise<void> {
  const settle = vi.spyOn(h.store, 'settle').mockImplementation(() => {
    throw new Error('killed before recording');
  });
  expect(await tickAt(AT_NINE)).toMatchObject({ sent: 0, retrying: 1 });
  expect(settle).toHaveBeenCalled();
  await h.restart();
}

describe('a retry after Discord may have forgotten the nonce', () => {
  it('finds the post that went through before the crash and records it instead of posting again', async () => {
    const sub = await subscribe(OK_CHANNEL);
    await crashAfterPosting();
    expect(h.fake.messages).toHaveLength(1);
    const original = h.fake.messages[0]!;
    const nonce = digestNonce(sub.id, DAY);
    expect((original.body.embeds as { url?: string }[])[0]?.url).toBe(digestMarkerUrl(sub, nonce));
    expect((await h.store.delivery(sub.id, DAY))?.status).toBe('pending');

    expect(await tickAt(minutesAfterNine(10))).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
    expect(requestsTo('POST', OK_CHANNEL)).toHaveLength(1);
    expect(requestsTo('GET', OK_CHANNEL).map((r) => r.query.get('limit'))).toEqual(['50']);
    expect(await h.store.delivery(sub.id, DAY)).toMatchObject({ status: 'sent', messageId: original.id });
    expect(await h.store.get(sub.id)).toMatchObject({ lastPostDate: DAY, lastMessageId: original.id });

    // The lookup mattered: ten minutes on, the nonce alone no longer stops a duplicate.
    await h.rest.post(Routes.channelMessages(OK_CHANNEL), {
      body: { content: 'x', nonce, enforce_nonce: true },
    });
    expect(h.fake.messages).toHaveLength(2);
  });

  it('posts exactly once when the earlier attempt never reached Discord', async () => {
    const sub = await subscribe(OK_CHANNEL);
    // Yesterday's digest in the channel carries another nonce and must not be taken for today's.
    const yesterday = digestNonce(sub.id, '2025-03-27');
    await h.rest.post(Routes.channelMessages(OK_CHANNEL), {
      body: { embeds: [{ title: 'yesterday', url: digestMarkerUrl(sub, yesterday) }] },
    });
    await h.store.claim(sub.id, DAY, AT_NINE);
    await h.restart();

    expect(await tickAt(minutesAfterNine(10))).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(2);
    expect(requestsTo('GET', OK_CHANNEL)).toHaveLength(1);
    expect(await h.store.delivery(sub.id, DAY)).toMatchObject({
      status: 'sent',
      messageId: h.fake.messages[1]!.id,
    });
    expect(await tickAt(minutesAfterNine(20))).toMatchObject({ sent: 0 });
    expect(h.fake.messages).toHaveLength(2);
  });

  it('never looks on the normal path, nor on a retry while Discord still remembers the nonce', async () => {
    const sub = await subscribe(OK_CHANNEL);
    await crashAfterPosting();
    // Retried a minute later: enforce_nonce alone returns the first message.
    expect(await tickAt(minutesAfterNine(1))).toMatchObject({ sent: 1 });
    expect(h.fake.messages).toHaveLength(1);
    expect((await h.store.delivery(sub.id, DAY))?.messageId).toBe(h.fake.messages[0]!.id);
    expect(await tickAt(new Date('2025-03-29T01:00:00Z'))).toMatchObject({ sent: 1 });
    expect(requestsTo('GET', OK_CHANNEL)).toEqual([]);
  });

  it.each([
    ['403 Missing Access', HIDDEN_CHANNEL, 'missing-access', '50001'],
    ['404 Unknown Channel', GONE_CHANNEL, 'unknown-channel', '10003'],
  ])('pauses with the reason when the lookup gets %s, posting nothing', async (_, channel, reason, code) => {
    const sub = await subscribe(channel);
    await h.store.claim(sub.id, DAY, AT_NINE);
    await h.restart();
    expect(await tickAt(minutesAfterNine(10))).toMatchObject({ paused: 1, sent: 0 });
    expect(requestsTo('GET', channel).map((r) => r.status)).toEqual([channel === GONE_CHANNEL ? 404 : 403]);
    expect(requestsTo('POST', channel)).toEqual([]);
    expect(await h.store.get(sub.id)).toMatchObject({ pausedReason: reason, time: '09:00' });
    expect((await h.store.get(sub.id))?.lastError).toContain(code);
    expect((await h.service.status(GUILD, minutesAfterNine(10)))[0]?.subscription.pausedReason).toBe(reason);
  });

  it('retries a 5xx on the lookup like a post, then still finds the earlier post', async () => {
    const sub = await subscribe(OK_CHANNEL);
    await crashAfterPosting();
    // @discordjs/rest tries 4 times itself; the 5th 500 is met by the deliverer's backoff.
    h.fake.fail(listRoute, ...Array.from({ length: 5 }, () => faults.serverError));
    expect(await tickAt(minutesAfterNine(10))).toMatchObject({ sent: 1 });
    expect(h.sleeps).toEqual([1000]);
    expect(requestsTo('GET', OK_CHANNEL).map((r) => r.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(h.fake.messages).toHaveLength(1);
    expect((await h.store.delivery(sub.id, DAY))?.messageId).toBe(h.fake.messages[0]!.id);
  });
});

describe("the fake Discord's message list", () => {
  it('lists a channel’s messages newest first, up to `limit`, without nonces', async () => {
    for (const content of ['a', 'b', 'c'])
      await h.rest.post(Routes.channelMessages(OK_CHANNEL), { body: { content, nonce: content } });
    const list = (await h.rest.get(Routes.channelMessages(OK_CHANNEL), {
      query: new URLSearchParams({ limit: '2' }),
    })) as RESTGetAPIChannelMessagesResult;
    expect(list.map((m) => m.content)).toEqual(['c', 'b']);
    expect(list.every((m) => m.nonce === undefined && m.author.id === h.fake.botUser.id)).toBe(true);
  });

  it('returns an empty list without Read Message History, as Discord does', async () => {
    await h.close();
    h = await digestHarness({
      guilds: [
        {
          ...GUILDS[0]!,
          channels: [{ id: OK_CHANNEL, botDeny: PermissionFlagsBits.ReadMessageHistory }],
        },
      ],
    });
    await h.rest.post(Routes.channelMessages(OK_CHANNEL), { body: { content: 'a' } });
    expect(await h.rest.get(Routes.channelMessages(OK_CHANNEL))).toEqual([]);
  });
});
