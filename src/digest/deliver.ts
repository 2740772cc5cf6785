// Posting due digests through @discordjs/rest: idempotent nonces, backoff on 5xx, pause (never delete) on 403/404.
import type { REST } from '@discordjs/rest';
import {
  type APIEmbed,
  type RESTGetAPIChannelMessagesResult,
  type RESTGetAPICurrentUserResult,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord-api-types/v10';
import { describeRestError, discordApiRefusal } from '../discord/api-errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Locale } from '../locale';
import { NO_MENTIONS } from '../render/reply';
import { type DigestMessage, renderDigest } from './payload';
import type { Decision, Deliver, DeliveryOutcome, DigestLog } from './schedule';
import { silentLog } from './schedule';
import { selectDigest } from './select';
import type { DigestStore, PauseReason, Subscription } from './store';
import { digestText } from './text';

export interface DelivererOptions {
  /** The bot's REST client (client.rest): it queues under the global rate limit and waits out 429s. */
  rest: REST;
  store: DigestStore;
  /** The knowledge to render from, read at each tick (the bot may reload its index). */
  knowledge: () => KnowledgeBase;
  log?: DigestLog;
  /** Injectable for tests; real waiting by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Tries per post against 5xx and network errors before leaving the day to the next tick. */
  attempts?: number;
  /** Wait before try n + 1 (n from 1). */
  backoffMs?: (attempt: number) => number;
  /** Posts in flight at once; the REST client's queue spaces them under the global limit. */
  concurrency?: number;
  /** Ticks that may retry one day's post after 5xx or network failures before that day is given up. */
  maxTicks?: number;
}

/** A digest's message, and whether its own day had nothing (an `empty_days: skip` subscription then posts nothing). */
type RenderedDigest = DigestMessage & { empty: boolean };

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MAX_TICKS = 10;
export const DEFAULT_CONCURRENCY = 50;
const defaultBackoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** (attempt - 1));
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The deterministic nonce of a digest post (≤ 25 characters, Discord's limit): the same subscription and day
 * always send the same nonce, so with `enforce_nonce` a retried post is not created twice.
 */
export function digestNonce(subscriptionId: number, localDate: string): string {
  return `d${subscriptionId}.${localDate.replaceAll('-', '')}`;
}

/**
 * How long after a day's first claim a retry may trust `enforce_nonce` alone. Discord remembers a nonce for
 * only a few minutes; past this, a retry whose earlier post may have gone through looks for it first.
 */
export const NONCE_TRUST_MS = 2 * 60_000;

/**
 * Where a digest post carries its nonce so that it can be found again: Discord returns no `nonce` when
 * messages are fetched, but it does return the embed's `url`. The url is the channel itself (clicking the
 * title goes nowhere new) with the nonce as its fragment.
 */
export function digestMarkerUrl(sub: Pick<Subscription, 'guildId' | 'channelId'>, nonce: string): string {
  return `https://discord.com/channels/${sub.guildId}/${sub.channelId}#${nonce}`;
}

/** The embeds with the marker on the first (only the first: Discord merges embeds that share a url). */
function withMarker(embeds: readonly APIEmbed[], url: string): APIEmbed[] {
  const [first, ...rest] = embeds;
  return first ? [{ ...first, url }, ...rest] : [];
}

/** The nonce of the one pause notice for a subscription's pause on a day. */
export function noticeNonce(subscriptionId: number, localDate: string): string {
  return `n${subscriptionId}.${localDate.replaceAll('-', '')}`;
}

/** Why Discord refused for good, when it did: 403 and 404 pause the subscription instead of retrying. */
export function pauseReasonOf(error: unknown): PauseReason | undefined {
  const refusal = discordApiRefusal(error);
  if (!refusal) return undefined;
  if (refusal.status === 404) return 'unknown-channel';
  if (refusal.status !== 403) return undefined;
  if (refusal.code === RESTJSONErrorCodes.MissingAccess) return 'missing-access';
  if (refusal.code === RESTJSONErrorCodes.MissingPermissions) return 'missing-permissions';
  return 'forbidden';
}

/** Whether a day's first claim is recent enough for Discord to still de-duplicate its nonce. */
function claimedWithin(claimedAt: string | undefined, now: Date): boolean {
  // A claim without a time (from before schema version 2) is of unknown age: assume it is old.
  return claimedAt !== undefined && now.getTime() - Date.parse(claimedAt) <= NONCE_TRUST_MS;
}

/** 5xx (HTTPError), dropped connections and timeouts are worth another try; any other 4xx is not. */
function isRetryable(error: unknown): boolean {
  const refusal = discordApiRefusal(error);
  return refusal === undefined || refusal.status >= 500;
}

const describe = describeRestError;

/** Run `fn` over `items` with at most `limit` in flight; results in input order, none lost. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function createDeliverer(options: DelivererOptions): Deliver {
  const { rest, store } = options;
  const log = options.log ?? silentLog;
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultBackoff;
  const maxTicks = options.maxTicks ?? DEFAULT_MAX_TICKS;

  async function post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<string> {
    const message = (await rest.post(Routes.channelMessages(channelId), {
      body,
    })) as RESTPostAPIChannelMessageResult;
    return message.id;
  }

  // The bot's own user id, fetched once and only when a lookup needs it.
  let me: Promise<string> | undefined;
  const botId = () =>
    (me ??= (rest.get(Routes.user()) as Promise<RESTGetAPICurrentUserResult>).then(
      (user) => user.id,
      (error: unknown) => {
        me = undefined;
        throw error;
      },
    ));

  /** The id of the bot's earlier post carrying this nonce among the channel's latest 50 messages, if any. */
  async function findEarlierPost(channelId: string, nonce: string): Promise<string | undefined> {
    const self = await botId();
    const recent = (await rest.get(Routes.channelMessages(channelId), {
      query: new URLSearchParams({ limit: '50' }),
    })) as RESTGetAPIChannelMessagesResult;
    return recent.find((m) => m.author.id === self && m.embeds.some((e) => e.url?.endsWith(`#${nonce}`)))?.id;
  }

  /** Tell the server once, in the channel when Discord may still let the bot speak there, else in the log. */
  async function notify(sub: Subscription, reason: PauseReason, localDate: string): Promise<void> {
    const t = digestText(sub.locale);
    const details = { subscription: sub.id, guild: sub.guildId, channel: sub.channelId, reason };
    // Without access, or without the channel, a notice would only be one more invalid request.
    if (reason === 'missing-permissions') {
      try {
        await post(sub.channelId, {
          content: t.pauseNotice(t.pauseReason(reason)),
          allowed_mentions: NO_MENTIONS,
          nonce: noticeNonce(sub.id, localDate),
          enforce_nonce: true,
        });
        store.markNoticeSent(sub.id);
        log.warn(details, 'digest paused; told the channel');
        return;
      } catch (error) {
        log.warn({ ...details, err: describe(error) }, 'digest paused; the channel notice failed too');
        return;
      }
    }
    log.warn(details, 'digest paused; the channel cannot be reached, so only /digest status shows why');
  }

  async function deliverOne(
    decision: Decision,
    now: Date,
    render: (date: string, locale: Locale) => RenderedDigest,
  ): Promise<DeliveryOutcome> {
    const { subscription: sub, localDate } = decision;
    const claim = store.claim(sub.id, localDate, now);
    if (claim === 0) return 'settled-elsewhere';
    if (claim > maxTicks) {
      // Discord has failed this post for many ticks in a row: give the day up rather than keep hammering.
      store.settle(sub.id, localDate, 'failed', now, { error: store.get(sub.id)?.lastError ?? 'gave up' });
      log.error(
        { subscription: sub.id, localDate, ticks: maxTicks },
        'digest post kept failing; gave up today',
      );
      return 'failed';
    }
    const message = render(localDate, sub.locale);
    if (message.empty && sub.emptyDays === 'skip') {
      store.settle(sub.id, localDate, 'skipped', now);
      return 'skipped';
    }
    const nonce = digestNonce(sub.id, localDate);
    const body: RESTPostAPIChannelMessageJSONBody = {
      embeds: withMarker(message.embeds, digestMarkerUrl(sub, nonce)),
      allowed_mentions: message.allowed_mentions,
      nonce,
      enforce_nonce: true,
    };
    // A re-claim means an earlier attempt's outcome is unknown (it may have crashed after Discord took the
    // post). Past Discord's nonce memory, look for that post before posting again; never on the first claim.
    let lookFirst = claim > 1 && !claimedWithin(store.delivery(sub.id, localDate)?.claimedAt, now);
    const send = async (): Promise<{ messageId: string; earlier: boolean }> => {
      if (lookFirst) {
        const earlier = await findEarlierPost(sub.channelId, nonce);
        lookFirst = false;
        if (earlier) return { messageId: earlier, earlier: true };
      }
      return { messageId: await post(sub.channelId, body), earlier: false };
    };
    for (let attempt = 1; ; attempt++) {
      // Only Discord's answers are caught here: a store failure after a post must not post again.
      let sent: { messageId: string; earlier: boolean };
      try {
        sent = await send();
      } catch (error) {
        const reason = pauseReasonOf(error);
        if (reason) {
          store.settle(sub.id, localDate, 'failed', now, { error: describe(error) });
          if (store.pause(sub.id, reason, now)) await notify(sub, reason, localDate);
          return 'paused';
        }
        if (!isRetryable(error)) {
          store.settle(sub.id, localDate, 'failed', now, { error: describe(error) });
          log.error({ subscription: sub.id, err: describe(error) }, 'digest post refused; not retried today');
          return 'failed';
        }
        if (attempt >= attempts) {
          // Left `pending`: the next tick retries with the same nonce while the catch-up window lasts.
          store.noteError(sub.id, describe(error), now);
          log.warn(
            { subscription: sub.id, attempts, err: describe(error) },
            'digest post failed; will retry',
          );
          return 'retrying';
        }
        await sleep(backoff(attempt));
        continue;
      }
      store.settle(sub.id, localDate, 'sent', now, { messageId: sent.messageId });
      if (sent.earlier)
        log.info(
          { subscription: sub.id, localDate, message: sent.messageId },
          'digest had been posted before a restart; recorded it instead of posting again',
        );
      return 'sent';
    }
  }

  return async (decisions, now) => {
    const kb = options.knowledge();
    // Many subscriptions share a date and a locale: select and render each pair once per tick.
    const cache = new Map<string, RenderedDigest>();
    const render = (date: string, locale: Locale): RenderedDigest => {
      const key = `${date}|${locale}`;
      let rendered = cache.get(key);
      if (!rendered) {
        const digest = selectDigest(kb, date);
        rendered = { ...renderDigest(kb, digest, locale), empty: digest.items.length === 0 };
        cache.set(key, rendered);
      }
      return rendered;
    };
    return mapConcurrent(decisions, options.concurrency ?? DEFAULT_CONCURRENCY, async (d) => {
      try {
        return await deliverOne(d, now, render);
      } catch (error) {
        // A store or rendering failure must not sink the other deliveries of the tick.
        log.error({ subscription: d.subscription.id, err: describe(error) }, 'digest delivery crashed');
        return 'retrying';
      }
    });
  };
}
