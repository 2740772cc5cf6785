// What serve counts of the requests at POST /interactions, beside the router's counts of interactions answered.
import { Counter, type Registry } from 'prom-client';

/** How a request to the endpoint ended: refused (and why), a PING, or routed to the router. */
export const REQUEST_OUTCOMES = [
  'method',
  'too-large',
  'missing-signature',
  'malformed-signature',
  'bad-signature',
  'stale-timestamp',
  'not-json',
  'ping',
  'routed',
  'unanswered',
  'draining',
] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

export interface EndpointMetrics {
  request(outcome: RequestOutcome): void;
}

export function endpointMetrics(registry: Registry): EndpointMetrics {
  const requests = new Counter({
    name: 'shiting_interaction_requests_total',
    help: 'Requests to POST /interactions by outcome: refused (method, too-large, missing-signature, malformed-signature, bad-signature, stale-timestamp, not-json, draining), ping, routed, unanswered',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  // Zero from the start, so that a rate() over one that has not moved yet is 0, not missing.
  for (const outcome of REQUEST_OUTCOMES) requests.inc({ outcome }, 0);
  return { request: (outcome) => requests.inc({ outcome }) };
}
