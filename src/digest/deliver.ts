// Posting due digests through @discordjs/rest: idempotent nonces, backoff on 5xx, pause (never delete) on 400/403/404,
// one pause for the whole fan-out on a 429, and no posts while the bot's invalid-request budget is spent.
import type { REST } from '@discordjs/rest';
import {
  PermissionFlagsBits,
  type RESTGetAPIChannelMessagesResult,
  type RESTGetAPICurrentUserResult,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord-api-types/v10';
import {
  type DiscordRateLimit,
  describeRestError,
  discordApiRefusal,
  discordRateLimit,
} from '../discord/api-errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Locale } from '../locale';
import { NO_MENTIONS } from '../render/reply';
import { channelKind } from './needs';
import { type DigestMessage, digestTitle, renderDigest } from './payload';
import { describeFollowUp, type FollowUpProblem, findForumPost, postDigest } from './post';
import type { Decision, Deliver, DeliveryOutcome, DigestLog } from './schedule';
import { silentLog } from './schedule';
import { selectDigest } from './select';
import type { ChannelProbe } from './service';
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
  /** The bot's invalid requests (401/403/429) in Discord's window: while spent, nothing is posted. */
  budget?: PostingBudget;
  /** Shortest pause of every post after Discord answers 429; it doubles while 429s continue. */
  rateLimitFloorMs?: number;
  /** Longest a tick waits out 429s; the posts still owed are left to the next tick. */
  maxRateLimitWaitMs?: number;
  /** What the bot may do in a channel, so that a pause notice is not sent where it cannot be. */
  probe?: ChannelProbe;
}

/** What the deliverer needs of src/discord/invalid-requests.ts's budget. */
export interface PostingBudget {
  readonly limit: number;
  exhausted(): boolean;
  count(): number;
  /** When the oldest counted request leaves the window, in ms. */
  clearsInMs?(): number;
}

/** A digest's message, and whether its own day had nothing (an `empty_days: skip` subscription then posts nothing). */
type RenderedDigest = DigestMessage & { empty: boolean; title: string };

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MAX_TICKS = 10;
export const DEFAULT_CONCURRENCY = 50;
const DEFAULT_RATE_LIMIT_FLOOR_MS = 1_000;
const RATE_LIMIT_CEILING_MS = 30_000;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;
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
const NONCE_TRUST_MS = 2 * 60_000;

/**
 * Where a digest post carries its nonce so that it can be found again: Discord returns no `nonce` when
 * messages are fetched, but it does return the embed's `url`. The url is the channel itself (clicking the
 * title goes nowhere new) with the nonce as its fragment.
 */
export function digestMarkerUrl(sub: Pick<Subscription, 'guildId' | 'channelId'>, nonce: string): string {
  return `https://discord.com/channels/${sub.guildId}/${sub.channelId}#${nonce}`;
}

/** The nonce of the one pause notice for a subscription's pause on a day. */
function noticeNonce(subscriptionId: number, localDate: string): string {
  return `n${subscriptionId}.${localDate.replaceAll('-', '')}`;
}

/**
 * Why Discord refused for good, when it did: 400, 403 and 404 pause the subscription instead of retrying (the
 * same post would be refused again, and every refusal counts toward Discord's invalid-request ban).
 */
function pauseReasonOf(error: unknown): PauseReason | undefined {
  const refusal = discordApiRefusal(error);
  if (!refusal) return undefined;
  if (refusal.status === 400) return 'rejected';
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

/** Thrown by the throttle once a tick has waited out 429s for as long as it may. */
class RateLimitGiveUp extends Error {
  constructor() {
    super('Discord kept rate-limiting digest posts; left to the next tick');
    this.name = 'RateLimitGiveUp';
  }
}

/** Thrown in place of a post while the bot's invalid-request budget is spent. */
class PostingStopped extends Error {
  constructor(count: number, limit: number) {
    super(
      `not posted: ${count} invalid requests to Discord in 10 minutes (limit ${limit}); resumes when that clears`,
    );
    this.name = 'PostingStopped';
  }
}

/**
 * One tick's fan-out: how many posts may be in flight, and one pause for all of them when Discord says wait.
 * It starts with one post in flight and doubles after each answer that is not a 429 (slow start: a storm that
 * is already on costs one refused request, not fifty); a 429 drops it back to one and pauses every post for
 * the retry-after, at least `floorMs`, doubling while the 429s go on.
 */
class Throttle {
  private limit = 1;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private gate?: Promise<void>;
  private streak = 0;
  private waitedMs = 0;
  private seen429 = 0;
  givenUp = false;

  constructor(
    private readonly max: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly floorMs: number,
    private readonly maxWaitMs: number,
    private readonly log: DigestLog,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      const result = await fn();
      this.answered();
      return result;
    } catch (error) {
      const limited = discordRateLimit(error);
      if (limited) this.rateLimited(limited);
      else this.answered();
      throw error;
    } finally {
      this.inFlight--;
      this.wake();
    }
  }

  private async acquire(): Promise<void> {
    for (;;) {
      if (this.givenUp) throw new RateLimitGiveUp();
      if (this.gate) {
        await this.gate;
        continue;
      }
      if (this.inFlight < this.limit) {
        this.inFlight++;
        return;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Waiters check again for themselves (there are at most `max`): simpler than counting free slots here. */
  private wake(): void {
    for (const resume of this.waiting.splice(0)) resume();
  }

  private answered(): void {
    this.streak = 0;
    this.limit = Math.min(this.max, this.limit * 2);
  }

  private rateLimited(limited: DiscordRateLimit): void {
    this.seen429++;
    this.limit = 1;
    // Posts already in flight when the pause began come back 429 too; they join the pause, not lengthen it.
    if (this.gate) return;
    this.streak++;
    const backoff = Math.min(RATE_LIMIT_CEILING_MS, this.floorMs * 2 ** (this.streak - 1));
    const waitMs = Math.ceil(Math.max(limited.retryAfter, backoff));
    if (this.waitedMs + waitMs > this.maxWaitMs) {
      this.givenUp = true;
      this.log.error(
        { rateLimited: this.seen429, waitedMs: this.waitedMs, inFlight: this.inFlight - 1 },
        'Discord kept rate-limiting digest posts; the rest wait for the next tick',
      );
      this.wake();
      return;
    }
    this.waitedMs += waitMs;
    this.log.warn(
      {
        rateLimited: this.seen429,
        retryAfterMs: Math.round(limited.retryAfter),
        waitMs,
        inFlight: this.inFlight - 1,
        global: limited.global,
        route: limited.route,
      },
      'Discord rate-limited a digest post; every post pauses, then resumes one at a time',
    );
    this.gate = this.sleep(waitMs).finally(() => {
      this.gate = undefined;
      this.wake();
    });
  }
}

const describe = describeRestError;

/** Run `fn` over `items` with at most `limit` in flight; results in input order, none lost. */
async function mapConcurrent<T, R>(
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
  const { budget, probe } = options;

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

  /** Whether the bot may still send text in the channel (a 50013 for Embed Links leaves that open). */
  async function canSpeak(sub: Subscription): Promise<boolean> {
    if (!probe) return true;
    const found = await probe(sub.guildId, sub.channelId);
    if (found.status === 'unknown') return true;
    if (found.status !== 'ok') return false;
    const send =
      channelKind(sub.channelType) === 'thread'
        ? PermissionFlagsBits.SendMessagesInThreads
        : PermissionFlagsBits.SendMessages;
    const needed = PermissionFlagsBits.ViewChannel | send;
    return (
      (found.permissions & PermissionFlagsBits.Administrator) !== 0n ||
      (found.permissions & needed) === needed
    );
  }

  /** Tell the server once, in the channel when Discord may still let the bot speak there, else in the log. */
  async function notify(sub: Subscription, reason: PauseReason, localDate: string): Promise<void> {
    const t = digestText(sub.locale);
    const details = { subscription: sub.id, guild: sub.guildId, channel: sub.channelId, reason };
    if (reason === 'rejected') {
      // Discord found the post itself malformed: a fault in Shiting, not in the server's settings.
      log.error(details, 'digest paused: Discord rejected the post (400); /digest status shows why');
      return;
    }
    // Without access, or without the channel, a notice would only be one more invalid request; a forum takes
    // posts, not messages, so there too only /digest status can tell.
    if (
      reason === 'missing-permissions' &&
      channelKind(sub.channelType) !== 'forum' &&
      (await canSpeak(sub))
    ) {
      try {
        await post(sub.channelId, {
          content: t.pauseNotice(t.pauseReason(reason)),
          allowed_mentions: NO_MENTIONS,
          nonce: noticeNonce(sub.id, localDate),
          enforce_nonce: true,
        });
        await store.markNoticeSent(sub.id);
        log.warn(details, 'digest paused; told the channel');
        return;
      } catch (error) {
        log.warn({ ...details, err: describe(error) }, 'digest paused; the channel notice failed too');
        return;
      }
    }
    log.warn(details, 'digest paused; the channel cannot be reached, so only /digest status shows why');
  }

  // Said once per tick, not once per post, while the budget is spent.
  let spentSaid = false;
  const budgetSpent = (): boolean => {
    if (!budget?.exhausted()) return false;
    if (!spentSaid) {
      spentSaid = true;
      log.error(
        { invalidRequests: budget.count(), limit: budget.limit, clearsInMs: budget.clearsInMs?.() },
        'digest posting stopped: too many invalid requests to Discord in the last 10 minutes; it resumes when the window clears',
      );
    }
    return true;
  };

  async function deliverOne(
    decision: Decision,
    now: Date,
    render: (date: string, locale: Locale) => RenderedDigest,
    throttle: Throttle,
  ): Promise<DeliveryOutcome> {
    const { subscription: sub, localDate } = decision;
    // Not claimed: a day left unclaimed costs none of its tries.
    if (budgetSpent() || throttle.givenUp) return 'retrying';
    const claim = await store.claim(sub.id, localDate, now);
    if (claim === 0) return 'settled-elsewhere';
    if (claim > maxTicks) {
      // Discord has failed this post for many ticks in a row: give the day up rather than keep hammering.
      const lastError = (await store.get(sub.id))?.lastError;
      await store.settle(sub.id, localDate, 'failed', now, { error: lastError ?? 'gave up' });
      log.error(
        { subscription: sub.id, localDate, ticks: maxTicks },
        'digest post kept failing; gave up today',
      );
      return 'failed';
    }
    const message = render(localDate, sub.locale);
    if (message.empty && sub.emptyDays === 'skip') {
      await store.settle(sub.id, localDate, 'skipped', now);
      return 'skipped';
    }
    const nonce = digestNonce(sub.id, localDate);
    // The shape the server chose (role ping, forum post, thread, crosspost): ./post.ts.
    const shaped = { title: message.title, markerUrl: digestMarkerUrl(sub, nonce), nonce };
    // A re-claim means an earlier attempt's outcome is unknown (it may have crashed after Discord took the
    // post). Past Discord's nonce memory, look for that post before posting again; never on the first claim.
    let lookFirst = claim > 1 && !claimedWithin((await store.delivery(sub.id, localDate))?.claimedAt, now);
    // A forum post carries no nonce: after any try whose outcome is unknown (a re-claim, a 5xx, a dropped
    // connection), look for the day's post among the server's active threads before posting again.
    const forum = channelKind(sub.channelType) === 'forum';
    let forumUnsure = forum && claim > 1;
    const send = async (): Promise<{ messageId: string; earlier: boolean; problems: FollowUpProblem[] }> => {
      if (forumUnsure) {
        const earlier = await findForumPost(rest, sub, message.title, await botId());
        if (earlier) return { messageId: earlier, earlier: true, problems: [] };
      }
      if (lookFirst && !forum) {
        const earlier = await findEarlierPost(sub.channelId, nonce);
        lookFirst = false;
        if (earlier) return { messageId: earlier, earlier: true, problems: [] };
      }
      forumUnsure = forum;
      const posted = await postDigest(rest, sub, message, shaped);
      return { messageId: posted.messageId, earlier: false, problems: posted.problems };
    };
    // Checked once a slot is free, not before waiting for one: the budget may be spent meanwhile.
    const sendIfAllowed = () => {
      if (budgetSpent()) throw new PostingStopped(budget?.count() ?? 0, budget?.limit ?? 0);
      return send();
    };
    for (let attempt = 1; ; attempt++) {
      // Only Discord's answers are caught here: a store failure after a post must not post again.
      let sent: { messageId: string; earlier: boolean; problems: FollowUpProblem[] };
      try {
        sent = await throttle.run(sendIfAllowed);
      } catch (error) {
        if (
          error instanceof RateLimitGiveUp ||
          error instanceof PostingStopped ||
          (discordRateLimit(error) && throttle.givenUp)
        ) {
          // Left `pending`, as for 5xx: the next tick tries again with the same nonce.
          await store.noteError(sub.id, describe(error), now);
          return 'retrying';
        }
        if (discordRateLimit(error)) {
          // The throttle has paused every post; this one goes again when the pause ends, costing no try.
          attempt--;
          continue;
        }
        const reason = pauseReasonOf(error);
        if (reason) {
          await store.settle(sub.id, localDate, 'failed', now, { error: describe(error) });
          if (await store.pause(sub.id, reason, now)) await notify(sub, reason, localDate);
          return 'paused';
        }
        if (!isRetryable(error)) {
          await store.settle(sub.id, localDate, 'failed', now, { error: describe(error) });
          log.error({ subscription: sub.id, err: describe(error) }, 'digest post refused; not retried today');
          return 'failed';
        }
        if (attempt >= attempts) {
          // Left `pending`: the next tick retries with the same nonce while the catch-up window lasts.
          await store.noteError(sub.id, describe(error), now);
          log.warn(
            { subscription: sub.id, attempts, err: describe(error) },
            'digest post failed; will retry',
          );
          return 'retrying';
        }
        await sleep(backoff(attempt));
        continue;
      }
      await store.settle(sub.id, localDate, 'sent', now, { messageId: sent.messageId });
      await noteFollowUps(sub, sent.problems, now);
      if (sent.earlier)
        log.info(
          { subscription: sub.id, localDate, message: sent.messageId },
          'digest had been posted before a restart; recorded it instead of posting again',
        );
      return 'sent';
    }
  }

  /** A thread or crosspost that failed after the post: kept for `/digest status`, never a pause. */
  async function noteFollowUps(sub: Subscription, problems: FollowUpProblem[], now: Date): Promise<void> {
    if (problems.length === 0) return;
    const said = problems.map(describeFollowUp).join('; ');
    await store.noteError(sub.id, said, now);
    log.warn({ subscription: sub.id, err: said }, 'digest posted; a step after it failed');
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
        rendered = {
          ...renderDigest(kb, digest, locale),
          empty: digest.items.length === 0,
          title: digestTitle(kb, date, locale),
        };
        cache.set(key, rendered);
      }
      return rendered;
    };
    const max = options.concurrency ?? DEFAULT_CONCURRENCY;
    const throttle = new Throttle(
      max,
      sleep,
      options.rateLimitFloorMs ?? DEFAULT_RATE_LIMIT_FLOOR_MS,
      options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
      log,
    );
    spentSaid = false;
    return mapConcurrent(decisions, max, async (d) => {
      try {
        return await deliverOne(d, now, render, throttle);
      } catch (error) {
        // A store or rendering failure must not sink the other deliveries of the tick.
        log.error({ subscription: d.subscription.id, err: describe(error) }, 'digest delivery crashed');
        return 'retrying';
      }
    });
  };
}
