// The assembled feature as the bot uses it: start (node-cron plus an immediate catch-up tick), stop, guild events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { Digests } from '../../src/digest/runtime';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { GUILD, GUILDS, OK_CHANNEL } from './harness';
import { testKnowledgeBase } from './kb';

let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await startFakeDiscord({ guilds: GUILDS });
  dir = mkdtempSync(join(tmpdir(), 'shiting-runtime-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('catches up on start, stops cleanly, and a restarted runtime on the same file posts nothing more', async () => {
  let now = new Date('2025-03-28T00:00:00Z');
  const kb = testKnowledgeBase();
  const open = () =>
    new Digests({ dbPath: join(dir, 'data', 'shiting.db'), knowledge: () => kb, clock: () => now });
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  const first = open();
  expect(
    (await first.service().set({ guildId: GUILD, channelId: OK_CHANNEL, language: 'en-US' }, now)).ok,
  ).toBe(true);
  // The bot was down at 09:00 Shanghai (01:00Z) and starts at 02:00Z: within the catch-up window.
  now = new Date('2025-03-28T02:00:00Z');
  const posted = fake.nextRequest(
    (r) => r.method === 'POST' && r.path === `/channels/${OK_CHANNEL}/messages`,
  );
  const scheduler = first.start(rest);
  await posted;
  await scheduler.tick(); // waits for the start-up tick to finish recording
  await first.stop();
  expect(fake.messages).toHaveLength(1);

  const second = open();
  const report = await second.start(rest).tick();
  expect(report).toMatchObject({ sent: 0, dropped: 0 });
  expect(await second.guildLeft(GUILD)).toBe(1);
  expect((await second.service().status(GUILD, now))[0]?.subscription.pausedReason).toBe('left-guild');
  expect(await second.guildJoined(GUILD)).toBe(1);
  await second.stop();
  expect(fake.messages).toHaveLength(1);
});

it('deletes a removed server’s digests after SHITING_DIGEST_LEFT_SERVER_DAYS, as the scheduler ticks', async () => {
  const config = parseConfig({ DISCORD_TOKEN: fake.token, SHITING_DIGEST_LEFT_SERVER_DAYS: '7' });
  expect(config.digestLeftServerDays).toBe(7);
  expect(() => parseConfig({ DISCORD_TOKEN: fake.token, SHITING_DIGEST_LEFT_SERVER_DAYS: 'soon' })).toThrow(
    /SHITING_DIGEST_LEFT_SERVER_DAYS must be a whole number of days/,
  );
  const now = new Date('2025-03-28T00:00:00Z');
  const kb = testKnowledgeBase();
  const digests = new Digests({
    dbPath: join(dir, 'shiting.db'),
    knowledge: () => kb,
    clock: () => now,
    leftServerDays: config.digestLeftServerDays,
  });
  await digests.service().set({ guildId: GUILD, channelId: OK_CHANNEL, language: 'en-US' }, now);
  expect(await digests.guildLeft(GUILD)).toBe(1);
  const scheduler = digests.start(new REST({ api: fake.apiUrl }).setToken(fake.token));
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  await scheduler.tick(at(7 * 24 * 60 - 1));
  expect(await digests.store.forGuild(GUILD)).toHaveLength(1);
  await scheduler.tick(at(7 * 24 * 60 + 60));
  expect(await digests.store.forGuild(GUILD)).toEqual([]);
  await digests.stop();
});
