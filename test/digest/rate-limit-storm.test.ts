// A storm of 429s on channel posts with 100 digests due, through discord.js's own client.rest against the fake
// Discord, on an injected clock: the deliverer (not @discordjs/rest, post by post) waits, so the bot sends at most
// one refused request a second, logs what it saw, posts every digest once when the storm ends, and stops posting
// while its invalid requests in the last 10 minutes pass the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { Digests } from '../../src/digest/runtime';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { InvalidRequestBudget, watchInvalidRequests } from '../../src/discord/invalid-requests';
import { channelProbe } from '../../src/discord/probe';
import { captureLogger } from '../discord/helpers';
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from '../fake-discord';
import { testKnowledge, testKnowledgeBase } from './kb';

// 09:00 in Asia/Shanghai (the default zone and time) on a day with entries.
const BEFORE = Date.parse('2025-03-28T00:00:00Z');
const AT_NINE = Date.parse('2025-03-28T01:00:00Z');
const kb = testKnowledgeBase();
const knowledge = testKnowledge(kb);

// Ten servers of ten channels: a server may have ten digests.
const guildId = (g: number) => `12000000000000000${10 + g}`;
const channelId = (g: number, c: number) => `13000000000000${10_000 + g * 10 + c}`;
const GUILDS: FakeGuild[] = Array.from({ length: 10 }, (_, g) => ({
  id: guildId(g),
  channels: Array.from({ length: 10 }, (_, c) => ({ id: channelId(g, c) })),
}));

interface Stack {
  fake: FakeDiscord;
  bot: BotHandle;
  digests: Digests;
  budget: InvalidRequestBudget;
  log: ReturnType<typeof captureLogger>;
  /** The injected clock, in ms: the fake Discord, the scheduler, the budget and the deliverer's waits share it. */
  clock: { now: number };
  close(): Promise<void>;
}

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function start(budgetLimit?: number): Promise<Stack> {
  const clock = { now: BEFORE };
  const dir = mkdtempSync(join(tmpdir(), 'shiting-storm-'));
  const log = captureLogger('info');
  const fake = await startFakeDiscord({ guilds: GUILDS, now: () => clock.now });
  const digests = new Digests({
    dbPath: join(dir, 'shiting.db'),
    knowledge: () => kb,
    clock: () => new Date(clock.now),
    log: log.logger,
    // Waiting moves the injected clock: the storm passes without the test waiting for it.
    sleep: async (ms) => {
      clock.now += ms;
    },
  });
  const bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: log.logger,
    clock: () => new Date(clock.now),
    deploy: false,
    services: (client) => ({ digests: digests.service(channelProbe(client)) }),
  });
  const budget = new InvalidRequestBudget({ limit: budgetLimit, now: () => clock.now });
  const unwatch = watchInvalidRequests(bot.rest, budget, log.logger, () => clock.now);
  for (let g = 0; g < 10; g++)
    for (let c = 0; c < 10; c++) {
      const set = await digests
        .service()
        .set({ guildId: guildId(g), channelId: channelId(g, c), language: 'en-US' }, new Date(BEFORE));
      expect(set.ok).toBe(true);
    }
  return {
    fake,
    bot,
    digests,
    budget,
    log,
    clock,
    async close() {
      await digests.stop();
      unwatch();
      await bot.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const channelPosts = (fake: FakeDiscord) =>
  fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));

async function expectEachPostedOnce(s: Stack): Promise<void> {
  const posted = s.fake.messages.map((m) => m.channelId).sort();
  const all = GUILDS.flatMap((g) => (g.channels ?? []).map((c) => c.id)).sort();
  expect(posted).toEqual(all);
  for (let g = 0; g < 10; g++)
    for (const sub of await s.digests.store.forGuild(guildId(g)))
      expect((await s.digests.store.delivery(sub.id, '2025-03-28'))?.status).toBe('sent');
}

describe('a storm of 429s on channel posts', () => {
  it('costs at most one refused request a second, is logged, and every digest posts once afterwards', async () => {
    stack = await start();
    const s = stack;
    s.clock.now = AT_NINE;
    const stormStart = s.clock.now;
    s.fake.rateLimitStorm({ forMs: 20_000, retryAfter: 1 });
    const scheduler = s.digests.start(s.bot.rest, undefined, s.budget);
    const report = await scheduler.tick(new Date(AT_NINE));
    // start() ticked at once; that tick did the work, so this one finds everything settled.
    expect(report).toMatchObject({ sent: 0, retrying: 0 });

    const refused = channelPosts(s.fake).filter((r) => r.status === 429);
    const duringStorm = refused.filter((r) => r.at < stormStart + 20_000);
    expect(duringStorm.length).toBeGreaterThan(0);
    expect(duringStorm.length / 20).toBeLessThanOrEqual(1);
    // The fake's own per-second counts agree: no second of the storm saw more than one.
    for (const [, count] of s.fake.invalidRequestsPerSecond()) expect(count).toBeLessThanOrEqual(1);
    expect(s.fake.invalidRequests()).toHaveLength(refused.length);
    await expectEachPostedOnce(s);

    const warnings = s.log
      .records()
      .filter((r) => String(r.msg).startsWith('Discord rate-limited a digest post'));
    expect(warnings.length).toBe(refused.length);
    expect(warnings[0]).toMatchObject({ rateLimited: 1, retryAfterMs: expect.any(Number), inFlight: 0 });
    expect(warnings.at(-1)).toMatchObject({ rateLimited: refused.length });
  });

  it('stops posting once the invalid requests of the last 10 minutes reach the limit, until the window clears', async () => {
    stack = await start(3);
    const s = stack;
    s.clock.now = AT_NINE;
    s.fake.rateLimitStorm({ forMs: 20_000, retryAfter: 1 });
    const scheduler = s.digests.start(s.bot.rest, undefined, s.budget);
    await scheduler.tick(new Date(AT_NINE));
    // Three refusals spend the budget; nothing more is sent, though the storm is long over by the clock.
    expect(s.fake.invalidRequests()).toHaveLength(3);
    expect(channelPosts(s.fake)).toHaveLength(3);
    expect(s.budget.exhausted()).toBe(true);
    const errors = s.log.records().filter((r) => r.level === 'error' || r.level === 50);
    expect(errors.map((r) => r.msg)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('digest posting stopped: too many invalid requests'),
        expect.stringContaining('too many invalid requests to Discord'),
      ]),
    );
    expect(errors.find((r) => String(r.msg).startsWith('digest posting stopped'))).toMatchObject({
      invalidRequests: 3,
      limit: 3,
    });
    // A minute later the window still holds them: still nothing.
    s.clock.now += 60_000;
    await scheduler.tick(new Date(s.clock.now));
    expect(channelPosts(s.fake)).toHaveLength(3);
    // Past ten minutes the window is clear, and every digest goes out once (within the catch-up window).
    s.clock.now = AT_NINE + 11 * 60_000;
    await scheduler.tick(new Date(s.clock.now));
    expect(s.budget.exhausted()).toBe(false);
    await expectEachPostedOnce(s);
    expect(s.fake.invalidRequests()).toHaveLength(3);
  });
});
