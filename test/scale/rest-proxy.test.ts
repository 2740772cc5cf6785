// The REST proxy in-process, between the bot's own REST clients and the fake Discord: it forwards the bot's
// requests, refuses other tokens, shares one 50/s budget between clients, and stops channel posts (503) while the
// bot-wide invalid-request count is spent; a deliverer behind it then holds its posting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiscordAPIError } from '@discordjs/rest';
import { type RESTGetAPICurrentUserResult, Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';
import { createDeliverer } from '../../src/digest/deliver';
import { DigestScheduler } from '../../src/digest/schedule';
import { SqliteDigestStore } from '../../src/digest/store';
import {
  InvalidRequestBudget,
  POSTING_STOPPED_HEADER,
  watchInvalidRequests,
} from '../../src/discord/invalid-requests';
import { createRest } from '../../src/discord/rest';
import { type RestProxy, startRestProxy } from '../../src/ops/rest-proxy';
import { testKnowledgeBase } from '../digest/kb';
import { captureLogger } from '../discord/helpers';
import { type FakeDiscord, type FakeDiscordOptions, faults, startFakeDiscord } from '../fake-discord';

const GUILD = '1200000000000000001';
const channel = (n: number) => `13000000000000${String(n).padStart(5, '0')}`;
const CHANNELS = 120;
const postsRoute = { method: 'POST', path: '/channels/:id/messages' };

let fake: FakeDiscord;
let proxy: RestProxy | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await proxy?.close();
  proxy = undefined;
  await fake.close();
});

async function setUp(options: { fake?: FakeDiscordOptions; budget?: InvalidRequestBudget } = {}) {
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD, channels: Array.from({ length: CHANNELS }, (_, n) => ({ id: channel(n) })) }],
    checkToken: true,
    ...options.fake,
  });
  const log = captureLogger('info', [fake.token]);
  const budget = options.budget ?? new InvalidRequestBudget();
  proxy = await startRestProxy({
    token: fake.token,
    upstream: fake.apiUrl,
    port: 0,
    log: log.logger,
    budget,
  });
  return { proxy, log, budget };
}

/** What each process of the bot builds: its own REST client, pointed at the proxy by DISCORD_API_URL. */
const client = (apiUrl: string) => createRest({ token: fake.token, apiUrl });
const post = (rest: ReturnType<typeof client>, n: number) =>
  rest.post(Routes.channelMessages(channel(n)), { body: { content: `post ${n}` } });

describe('shiting rest-proxy', () => {
  it('forwards the bot’s requests and hands back Discord’s answers, errors included', async () => {
    const { proxy } = await setUp();
    const rest = client(proxy.apiUrl);
    const me = (await rest.get(Routes.user())) as RESTGetAPICurrentUserResult;
    expect(me.id).toBe(fake.botUser.id);
    await post(rest, 0);
    expect(fake.messages.map((m) => [m.channelId, m.body.content])).toEqual([[channel(0), 'post 0']]);
    const unknown = await rest
      .post(Routes.channelMessages('1399999999999999999'), { body: { content: 'x' } })
      .catch((e) => e);
    expect(unknown).toBeInstanceOf(DiscordAPIError);
    expect(unknown).toMatchObject({ status: 404, code: 10003 });
  });

  it('a post that meets a 429 at Discord is sent again with its body, once', async () => {
    const { proxy } = await setUp();
    fake.fail(postsRoute, faults.rateLimited(0.05), faults.rateLimited(0.05));
    await post(client(proxy.apiUrl), 0);
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(posts.map((r) => (r.body as { content?: string }).content)).toEqual([
      'post 0',
      'post 0',
      'post 0',
    ]);
    expect(fake.messages.map((m) => m.body.content)).toEqual(['post 0']);
  });

  it('refuses another token, or none on a route that needs one (401), without asking Discord', async () => {
    const { proxy, log } = await setUp();
    const seen = fake.requests.length;
    const other = await fetch(`${proxy.apiUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot someone.else.entirely' },
    });
    const none = await fetch(`${proxy.apiUrl}/v10/channels/${channel(0)}/messages`, { method: 'POST' });
    expect([other.status, none.status]).toEqual([401, 401]);
    expect(fake.requests).toHaveLength(seen);
    expect(log.lines.join('')).not.toContain('someone.else');
    // Interaction callbacks carry their token in the path and no Authorization: forwarded.
    const callback = await fetch(`${proxy.apiUrl}/v10/interactions/1500000000000000001/tok/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'hi' } }),
    });
    expect(fake.requests).toHaveLength(seen + 1);
    expect(fake.requests.at(-1)!.status).toBe(callback.status);
  });

  it('two clients posting at once share one 50/s budget: Discord answers (almost) no 429', async () => {
    const { proxy } = await setUp({ fake: { globalRateLimit: 50 } });
    const [a, b] = [client(proxy.apiUrl), client(proxy.apiUrl)];
    // Each client would send 50 a second by itself; together they would be refused half the time.
    const half = CHANNELS / 2;
    await Promise.all([
      ...Array.from({ length: half }, (_, n) => post(a, n)),
      ...Array.from({ length: half }, (_, n) => post(b, half + n)),
    ]);
    expect(new Set(fake.messages.map((m) => m.channelId)).size).toBe(CHANNELS);
    // Without the proxy about half would be refused. The fake shares this process's event loop, whose stalls bunch
    // arrivals together, so the bound here is 5 %; test/scale/shards.test.ts holds real processes to 1 %.
    const answered429 = fake.requests.filter((r) => r.status === 429).length;
    expect(answered429).toBeLessThanOrEqual(Math.floor(fake.requests.length / 20));
  });

  it('while the bot’s invalid requests are at the limit, posts are refused here (503) and resume when the window clears', async () => {
    let now = 5_000_000;
    const budget = new InvalidRequestBudget({ limit: 2, now: () => now });
    const { proxy, log } = await setUp({ budget });
    fake.fail(postsRoute, faults.missingAccess, faults.missingAccess);
    const rest = client(proxy.apiUrl);
    for (const n of [0, 1]) await expect(post(rest, n)).rejects.toMatchObject({ status: 403 });
    const forwarded = fake.requests.length;
    const refused = await fetch(`${proxy.apiUrl}/v10/channels/${channel(2)}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'x' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get(POSTING_STOPPED_HEADER)).toBe('600');
    expect(fake.requests).toHaveLength(forwarded);
    const loud = log.records().find((r) => String(r.msg).startsWith('REST proxy refusing channel posts'));
    expect(loud).toMatchObject({ level: 50, invalidRequests: 2, limit: 2, clearsInSeconds: 600 });
    // Reading goes on (only posting stops).
    await rest.get(Routes.user());
    expect(fake.requests).toHaveLength(forwarded + 1);
    now += 10 * 60_000;
    await post(rest, 3);
    expect(fake.messages.map((m) => m.channelId)).toEqual([channel(3)]);
    expect(log.records().find((r) => r.msg === 'REST proxy forwarding channel posts again')).toMatchObject({
      refused: 1,
      invalidRequests: 0,
    });
  });

  it('a deliverer behind a refusing proxy holds its posting: the day stays owed, nothing reaches Discord', async () => {
    const budget = new InvalidRequestBudget({ limit: 1 });
    budget.note();
    const { proxy } = await setUp({ budget });
    const dir = mkdtempSync(path.join(tmpdir(), 'shiting-proxy-digest-'));
    const store = new SqliteDigestStore(path.join(dir, 'shiting.db'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => store.close());
    const rest = client(proxy.apiUrl);
    const local = new InvalidRequestBudget();
    const worker = captureLogger('info');
    cleanups.push(watchInvalidRequests(rest, local, worker.logger));
    const kb = testKnowledgeBase();
    const deliver = createDeliverer({
      rest,
      store,
      knowledge: () => kb,
      budget: local,
      sleep: async () => {},
      log: worker.logger,
    });
    const scheduler = new DigestScheduler({ store, deliver });
    const base = {
      guildId: GUILD,
      time: '09:00',
      timezone: 'Asia/Shanghai',
      emptyDays: 'post',
      locale: 'en-US',
    } as const;
    for (const n of [0, 1, 2])
      await store.save({ ...base, channelId: channel(n) }, new Date('2025-03-28T00:00:00Z'));
    const report = await scheduler.tick(new Date('2025-03-28T01:00:00Z'));
    expect(report).toMatchObject({ sent: 0, retrying: 3 });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(local.exhausted()).toBe(true);
    expect(local.clearsInMs()).toBeGreaterThan(9 * 60_000);
    // The first post met the refusal (its client's own retries included); the others were never sent.
    expect(proxy.refused).toBe(4);
    expect(worker.records().some((r) => String(r.msg).startsWith('digest posting stopped'))).toBe(true);
    const subs = await store.runnable();
    for (const s of subs)
      expect((await store.delivery(s.id, '2025-03-28'))?.status ?? 'pending').toBe('pending');
  });
});

describe('the variables of several processes', () => {
  const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig({ DISCORD_TOKEN: TOKEN, ...env });
      return [];
    } catch (error) {
      return error instanceof ConfigError ? error.problems : [String(error)];
    }
  };

  it('reads the proxy’s upstream, port and host, the lease and the extra ticks', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'http://proxy.internal:8080/api',
      SHITING_UPSTREAM_API_URL: 'https://discord.com/api/',
      SHITING_PROXY_PORT: '8080',
      SHITING_PROXY_HOST: '10.0.0.5',
      SHITING_LEASE_SECONDS: '30',
      SHITING_TICK_SECONDS: '5',
    });
    expect(config).toMatchObject({
      apiUrl: 'http://proxy.internal:8080/api',
      upstreamApiUrl: 'https://discord.com/api',
      proxyPort: 8080,
      proxyHost: '10.0.0.5',
      leaseMs: 30_000,
      tickMs: 5_000,
    });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN })).toMatchObject({
      upstreamApiUrl: undefined,
      leaseMs: undefined,
    });
  });

  it('names the variable and what it takes when a value is wrong', () => {
    expect(problems({ SHITING_UPSTREAM_API_URL: 'ftp://discord.com/api' })).toEqual([
      'SHITING_UPSTREAM_API_URL must start with http:// or https://, such as https://discord.com/api.',
    ]);
    expect(problems({ SHITING_UPSTREAM_API_URL: 'https://discord.com/api/v10' })).toEqual([
      'SHITING_UPSTREAM_API_URL must not end with the API version (/v10).',
    ]);
    expect(problems({ SHITING_PROXY_PORT: '70000' })[0]).toMatch(
      /^SHITING_PROXY_PORT must be a port number from 0 to 65535/,
    );
    expect(problems({ SHITING_LEASE_SECONDS: '0' })[0]).toMatch(
      /^SHITING_LEASE_SECONDS must be a whole number from 1 to 86400/,
    );
    expect(problems({ SHITING_TICK_SECONDS: '61' })[0]).toMatch(
      /^SHITING_TICK_SECONDS must be a whole number from 1 to 60/,
    );
  });
});
