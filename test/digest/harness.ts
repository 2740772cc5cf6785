// A digest stack (store, service, deliverer, scheduler) wired to a local fake Discord, with an injected clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST } from '@discordjs/rest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { createDeliverer } from '../../src/digest/deliver';
import { DigestScheduler } from '../../src/digest/schedule';
import { type ChannelProbe, DigestService } from '../../src/digest/service';
import { type DigestStore, SqliteDigestStore } from '../../src/digest/store';
import { type FakeDiscord, type FakeDiscordOptions, type FakeGuild, startFakeDiscord } from '../fake-discord';
import { testKnowledgeBase } from './kb';

export const GUILD = '1200000000000000001';
export const OK_CHANNEL = '1300000000000000001';
export const NO_EMBEDS_CHANNEL = '1300000000000000002';
export const HIDDEN_CHANNEL = '1300000000000000003';
export const GONE_CHANNEL = '1300000000000000404';

export const GUILDS: FakeGuild[] = [
  {
    id: GUILD,
    name: 'Test Guild',
    channels: [
      { id: OK_CHANNEL, name: 'news' },
      { id: NO_EMBEDS_CHANNEL, name: 'no-embeds', botDeny: PermissionFlagsBits.EmbedLinks },
      { id: HIDDEN_CHANNEL, name: 'hidden', botDeny: PermissionFlagsBits.ViewChannel },
    ],
  },
];

export interface Harness {
  fake: FakeDiscord;
  rest: REST;
  dbPath: string;
  store: DigestStore;
  service: DigestService;
  scheduler: DigestScheduler;
  sleeps: number[];
  /** Close the store and open a new stack on the same database file, as a restarted bot would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function digestHarness(
  options: { guilds?: FakeGuild[]; probe?: ChannelProbe; fake?: FakeDiscordOptions } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord({ guilds: options.guilds ?? GUILDS, ...options.fake });
  const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  const dir = mkdtempSync(join(tmpdir(), 'shiting-digest-'));
  const dbPath = join(dir, 'shiting.db');
  const kb = testKnowledgeBase();
  const sleeps: number[] = [];
  const build = () => {
    const store = new SqliteDigestStore(dbPath);
    const service = new DigestService({ store, knowledge: () => kb, probe: options.probe });
    const deliver = createDeliverer({
      rest,
      store,
      knowledge: () => kb,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const scheduler = new DigestScheduler({ store, deliver, clock: () => new Date(0) });
    return { store, service, scheduler };
  };
  const harness: Harness = {
    fake,
    rest,
    dbPath,
    sleeps,
    ...build(),
    async restart() {
      await harness.store.close();
      Object.assign(harness, build());
    },
    async close() {
      await harness.scheduler.stop();
      await harness.store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
