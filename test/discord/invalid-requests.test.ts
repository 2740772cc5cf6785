// The rolling ten-minute count of invalid requests, on an injected clock.
import { describe, expect, it } from 'vitest';
import { InvalidRequestBudget, isInvalidRequest } from '../../src/discord/invalid-requests';

describe('the invalid-request budget', () => {
  it('counts 401, 403 and 429 (not a shared resource’s 429), and nothing else', () => {
    expect([200, 204, 400, 401, 403, 404, 429, 500].filter((s) => isInvalidRequest(s))).toEqual([
      401, 403, 429,
    ]);
    expect(isInvalidRequest(429, 'shared')).toBe(false);
    expect(isInvalidRequest(429, 'user')).toBe(true);
  });

  it('is spent at its limit and clears as the requests leave the ten-minute window', () => {
    let now = 1_000_000;
    const budget = new InvalidRequestBudget({ limit: 3, now: () => now });
    budget.noteResponse(403);
    now += 60_000;
    budget.noteResponse(429);
    budget.noteResponse(200);
    expect(budget.exhausted()).toBe(false);
    budget.noteResponse(401);
    expect(budget.count()).toBe(3);
    expect(budget.exhausted()).toBe(true);
    expect(budget.clearsInMs()).toBe(9 * 60_000);
    now += 9 * 60_000 - 1;
    expect(budget.exhausted()).toBe(true);
    now += 1;
    expect(budget.count()).toBe(2);
    expect(budget.exhausted()).toBe(false);
    now += 60_000;
    expect(budget.count()).toBe(0);
    expect(budget.clearsInMs()).toBe(0);
  });
});
