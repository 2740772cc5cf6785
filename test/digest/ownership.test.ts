// Digests under sharding: each process opens the same database but posts only for the guilds it owns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDeliverer } from '../../src/digest/deliver';
import { Digests } from '../../src/digest/runtime';
import { DigestScheduler } from '../../src/digest/schedule';
import { DigestService } from '../../src/digest/service';
import { SqliteDigestStore } from '../../src/digest/store';
import { type FakeDiscord, type FakeGuild, startFakeDiscord } from '../fake-discord';
import { GUILD, GUILDS, OK_CHANNEL } from './harness';
import { testKnowledgeBase } from './kb';

const OTHER_GUILD = '1200000000000000002';
const OTHER_CHANNEL = '1300000000000000021';
const TWO_GUILDS: FakeGuild[] = [
  ...GUILDS,
  { id: OTHER_GUILD, name: 'Other Guild', channels: [{ id: OTHER_CHANNEL, name: 'news' }] },
];

let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await startFakeDiscord({ guilds: TWO_GUILDS });
  dir = mkdtempSync(join(tmpdir(), 'shiting-ownership-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const postsTo = (channelId: string) => fake.messages.filter((m) => m.channelId === channelId);

it('two processes on one database each post only their own guilds’ digests, once', async () => {
  let now = new Date('2025-03-28T00:00:00Z');
  const kb = testKnowledgeBase();
  const dbPath = join(dir, 'shiting.db');
  const open = () => new Digests({ dbPath, knowledge: () => kb, clock: () => now });
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  const setup = open();
  for (const [guildId, channelId] of [
    [GUILD, OK_CHANNEL],
    [OTHER_GUILD, OTHER_CHANNEL],
  ] as const)
    expect((await setup.service().set({ guildId, channelId, language: 'en-US' }, now)).ok).toBe(true);
  await setup.stop();

  // 09:00 Shanghai has passed; both subscriptions are owed.
  now = new Date('2025-03-28T01:00:00Z');
  // start() ticks at once; the next tick() waits for that one.
  const first = open();
  await first.start(rest, (id) => id === GUILD).tick();
  expect(postsTo(OK_CHANNEL)).toHaveLength(1);
  expect(postsTo(OTHER_CHANNEL)).toHaveLength(0);

  const second = open();
  await second.start(rest, (id) => id === OTHER_GUILD).tick();
  expect(postsTo(OK_CHANNEL)).toHaveLength(1);
  expect(postsTo(OTHER_CHANNEL)).toHaveLength(1);

  // Later ticks of both find nothing owed: each day is claimed once in the shared file.
  now = new Date('2025-03-28T01:05:00Z');
  expect(await first.start(rest).tick()).toMatchObject({ sent: 0 });
  expect(await second.start(rest).tick()).toMatchObject({ sent: 0 });
  await Promise.all([first.stop(), second.stop()]);
  expect(fake.messages).toHaveLength(2);
});

it('a scheduler that owns none of the guilds neither posts nor drops their missed runs', async () => {
  const kb = testKnowledgeBase();
  const store = new SqliteDigestStore(join(dir, 'shiting.db'));
  const set = await new DigestService({ store, knowledge: () => kb }).set(
    { guildId: GUILD, channelId: OK_CHANNEL, language: 'en-US' },
    new Date('2025-03-27T00:00:00Z'),
  );
  expect(set.ok).toBe(true);
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  const deliver = createDeliverer({ rest, store, knowledge: () => kb });
  const scheduler = (ownsGuild: (id: string) => boolean) =>
    new DigestScheduler({ store, deliver, ownsGuild });
  // A day later the 27th's run is beyond the catch-up window: only its owner settles it as dropped.
  const later = new Date('2025-03-28T00:30:00Z');
  expect(await scheduler(() => false).tick(later)).toMatchObject({ sent: 0, dropped: 0 });
  expect(await scheduler((id) => id === GUILD).tick(later)).toMatchObject({ sent: 0, dropped: 1 });
  expect(fake.messages).toHaveLength(0);
  await store.close();
});
