// The bot's invalid requests (401, 403, 429) over Discord's ten-minute window. Discord bans a bot for a while at
// 10,000 of them, for every process on its token: digests stop well before that and resume when the window clears.

import type { APIRequest, ResponseLike } from '@discordjs/rest';
import { type InvalidRequestWarningData, type RateLimitData, type REST, RESTEvents } from '@discordjs/rest';

/** Discord's window for counting invalid requests. */
const INVALID_REQUEST_WINDOW_MS = 10 * 60_000;
/** Where digests stop by default: a fifth of Discord's 10,000, leaving room for interactions and other shards. */
const DEFAULT_INVALID_REQUEST_LIMIT = 2_000;
/** How often @discordjs/rest reports its own count (`invalidRequestWarning`), in invalid requests. */
export const INVALID_REQUEST_WARNING_INTERVAL = 500;

/**
 * On `shiting rest-proxy`'s refusal of a post while the bot-wide budget is spent (503): the seconds until its
 * window clears. The process that reads it holds its own posting for that long (see watchInvalidRequests).
 */
export const POSTING_STOPPED_HEADER = 'x-shiting-posting-stopped';

const SECOND = 1_000;
const WAIT_LOG_EVERY_MS = 10_000;

/** Whether Discord counts a response against the budget: 401, 403, and 429s other than a shared resource's. */
export function isInvalidRequest(status: number, scope?: string | null): boolean {
  if (status === 401 || status === 403) return true;
  return status === 429 && scope !== 'shared';
}

export interface InvalidRequestBudgetOptions {
  /** Invalid requests in the window at which the budget counts as spent. */
  limit?: number;
  windowMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** A rolling count in one-second slots: constant memory whatever the rate. */
export class InvalidRequestBudget {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly slots = new Map<number, number>();
  private total = 0;
  /** Until when (ms since the epoch) another process's budget (the REST proxy's) says posting is stopped. */
  private heldUntil = 0;

  constructor(options: InvalidRequestBudgetOptions = {}) {
    this.limit = options.limit ?? DEFAULT_INVALID_REQUEST_LIMIT;
    this.windowMs = options.windowMs ?? INVALID_REQUEST_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  /** Count one invalid request now. */
  note(): void {
    const slot = Math.floor(this.now() / SECOND);
    this.expire(slot);
    this.slots.set(slot, (this.slots.get(slot) ?? 0) + 1);
    this.total++;
  }

  /** Count a response if Discord counts it. */
  noteResponse(status: number, scope?: string | null): void {
    if (isInvalidRequest(status, scope)) this.note();
  }

  /** Invalid requests within the window. */
  count(): number {
    this.expire(Math.floor(this.now() / SECOND));
    return this.total;
  }

  /**
   * True while the window holds `limit` or more, or while the bot-wide budget is spent elsewhere (`holdFor`): the
   * caller should send nothing it can put off.
   */
  exhausted(): boolean {
    return this.count() >= this.limit || this.now() < this.heldUntil;
  }

  /** The budget that counts for the whole bot (the REST proxy's) is spent for `ms` more: hold posting too. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  /** Milliseconds until posting may resume: the oldest counted request leaves the window, or a hold ends. */
  clearsInMs(): number {
    const slot = Math.floor(this.now() / SECOND);
    this.expire(slot);
    const oldest = Math.min(...this.slots.keys());
    const span = Math.ceil(this.windowMs / SECOND);
    const own = Number.isFinite(oldest) ? Math.max(0, (oldest + span) * SECOND - this.now()) : 0;
    return Math.max(own, this.heldUntil - this.now());
  }

  private expire(slot: number): void {
    const first = slot - Math.ceil(this.windowMs / SECOND);
    for (const [at, n] of this.slots) {
      if (at > first) continue;
      this.slots.delete(at);
      this.total -= n;
    }
  }
}

/** What the watcher logs through; pino's logger fits. */
export interface BudgetLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What the watcher tells a metrics sink (src/ops/metrics.ts) of each response and each rate-limit wait. */
export interface RestMetrics {
  /** `scope` is Discord's x-ratelimit-scope of a 429 (user, global, shared), null otherwise. */
  response(status: number, scope: string | null): void;
  rateLimitWait(global: boolean): void;
}

/**
 * Feed the budget from every response the REST client receives, and log what @discordjs/rest reports: its
 * pre-emptive rate-limit waits and its own invalid-request count. Returns a function that stops listening.
 */
export function watchInvalidRequests(
  rest: REST,
  budget: InvalidRequestBudget,
  log: BudgetLog,
  now: () => number = Date.now,
  metrics?: RestMetrics,
): () => void {
  let spent = false;
  let waits = 0;
  let lastWaitLog = Number.NEGATIVE_INFINITY;
  const onResponse = (_request: APIRequest, response: ResponseLike) => {
    const scope = response.headers.get('x-ratelimit-scope');
    budget.noteResponse(response.status, scope);
    const stopped = Number(response.headers.get(POSTING_STOPPED_HEADER) ?? Number.NaN);
    if (stopped > 0) budget.holdFor(stopped * SECOND);
    metrics?.response(response.status, scope);
    if (!spent && budget.exhausted()) {
      spent = true;
      log.error(
        { invalidRequests: budget.count(), limit: budget.limit, windowMinutes: budget.windowMs / 60_000 },
        'too many invalid requests to Discord (401/403/429): digests stop posting until the window clears',
      );
    } else if (spent && !budget.exhausted()) spent = false;
  };
  // Emitted when a request waits for a bucket @discordjs/rest knows is spent, or for its own pacing under the
  // global 50 a second (not for the 429s it receives): in a large fan-out that is every request, so one line
  // every 10 seconds says how many waited.
  const onRateLimited = (data: RateLimitData) => {
    metrics?.rateLimitWait(data.global);
    waits++;
    if (now() - lastWaitLog < WAIT_LOG_EVERY_MS) return;
    lastWaitLog = now();
    log.warn(
      { waits, route: data.route, method: data.method, global: data.global, retryAfterMs: data.retryAfter },
      'REST requests waited for a rate limit before sending',
    );
    waits = 0;
  };
  const onWarning = (data: InvalidRequestWarningData) =>
    log.warn(
      { invalidRequests: data.count, windowRemainingMs: data.remainingTime, counted: budget.count() },
      'invalid requests to Discord are adding up (Discord bans at 10,000 in 10 minutes)',
    );
  rest.on(RESTEvents.Response, onResponse);
  rest.on(RESTEvents.RateLimited, onRateLimited);
  rest.on(RESTEvents.InvalidRequestWarning, onWarning);
  return () => {
    rest.off(RESTEvents.Response, onResponse);
    rest.off(RESTEvents.RateLimited, onRateLimited);
    rest.off(RESTEvents.InvalidRequestWarning, onWarning);
  };
}
