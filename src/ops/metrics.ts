// The Prometheus metrics of one process (GET /metrics). Each process entry (start, worker) makes one registry of
// its own and passes the sinks below down to the router, the scheduler and the REST watcher: not prom-client's
// global registry, so that tests can run several processes' worth side by side without their counts mixing.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DigestMetrics, TickReport } from '../digest/schedule';
import type { InvalidRequestBudget, RestMetrics } from '../discord/invalid-requests';
import type { RouterMetrics } from '../discord/router';

/** Seconds to a first response; Discord drops an interaction not answered within 3 s, so the buckets crowd there. */
const RESPONSE_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5, 10];

const TICK_OUTCOMES = ['sent', 'skipped', 'failed', 'paused', 'dropped', 'retrying'] as const;

export interface ProcessMetrics {
  readonly registry: Registry;
  readonly interactions: RouterMetrics;
  readonly digests: DigestMetrics;
  readonly rest: RestMetrics;
  /** Report this budget's current count as shiting_invalid_requests (read at each scrape). */
  watchBudget(budget: InvalidRequestBudget): void;
}

export function createMetrics(): ProcessMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: 'shiting_interactions_total',
    help: 'Interactions answered, by command and outcome (ok, error, autocomplete)',
    labelNames: ['command', 'outcome'] as const,
    registers,
  });
  const firstResponse = new Histogram({
    name: 'shiting_interaction_response_seconds',
    help: 'Seconds from an interaction arriving to its first response (reply, deferral or choices) being accepted',
    labelNames: ['command'] as const,
    buckets: RESPONSE_BUCKETS,
    registers,
  });
  const digests = new Counter({
    name: 'shiting_digests_total',
    help: 'Digest runs by outcome: sent, skipped (empty day), failed, paused, dropped (missed), retrying',
    labelNames: ['outcome'] as const,
    registers,
  });
  const databaseErrors = new Counter({
    name: 'shiting_database_errors_total',
    help: 'Digest ticks and guild events the database failed',
    registers,
  });
  const restResponses = new Counter({
    name: 'shiting_rest_responses_total',
    help: 'Responses to the bot-token REST client, by HTTP status',
    labelNames: ['status'] as const,
    registers,
  });
  const rest429 = new Counter({
    name: 'shiting_rest_429_total',
    help: 'REST responses that were 429 Too Many Requests, by x-ratelimit-scope (user, global, shared, none)',
    labelNames: ['scope'] as const,
    registers,
  });
  const rateLimitWaits = new Counter({
    name: 'shiting_rest_rate_limit_waits_total',
    help: 'REST requests @discordjs/rest held back for a rate limit before sending',
    labelNames: ['global'] as const,
    registers,
  });
  const budgets: InvalidRequestBudget[] = [];
  new Gauge({
    name: 'shiting_invalid_requests',
    help: "Invalid requests (401, 403, 429) in Discord's current 10-minute window",
    registers,
    collect() {
      this.set(budgets.reduce((sum, budget) => sum + budget.count(), 0));
    },
  });
  // Zero from the start, so that a rate() over a counter that has not moved yet is 0, not missing.
  for (const outcome of TICK_OUTCOMES) digests.inc({ outcome }, 0);
  databaseErrors.inc(0);
  return {
    registry,
    interactions: {
      interaction: (command, outcome) => interactions.inc({ command, outcome }),
      firstResponse: (command, seconds) => firstResponse.observe({ command }, seconds),
    },
    digests: {
      tick(report: TickReport) {
        for (const outcome of TICK_OUTCOMES)
          if (report[outcome] > 0) digests.inc({ outcome }, report[outcome]);
      },
      databaseError: () => databaseErrors.inc(),
    },
    rest: {
      response(status, scope) {
        restResponses.inc({ status: String(status) });
        if (status === 429) rest429.inc({ scope: scope ?? 'none' });
      },
      rateLimitWait: (global) => rateLimitWaits.inc({ global: String(global) }),
    },
    watchBudget: (budget) => void budgets.push(budget),
  };
}
