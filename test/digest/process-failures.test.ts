// Discord's refusals of digest posts, through the real process (`shiting start`, discord.js's own client.rest,
// which throws @discordjs/rest's CJS error classes) against the fake Discord: 400, 403 and 404 pause the
// subscription after one refused request; a 5xx is retried until the post goes through.
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDigestStore, type Subscription } from '../../src/digest/store';
import { removeTempDirs, type Spawned, spawnShiting, startEnv, tempDir } from '../discord/helpers';
import { type FakeDiscord, faults, startFakeDiscord } from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';

const GUILD = '1200000000000000001';
const CHANNELS = {
  serverError: '1300000000000000001',
  missingAccess: '1300000000000000002',
  noSend: '1300000000000000003',
  noEmbeds: '1300000000000000004',
  rejected: '1300000000000000005',
  gone: '1300000000000000404',
} as const;
const MANAGE = PermissionFlagsBits.ManageGuild;

let fake: FakeDiscord;
let bot: Spawned;
let dbPath: string;
const subs = new Map<string, Subscription>();

/** A zone whose clock reads about noon now, so that a 10:00 run is due today whatever the UTC time. */
function zoneNearNoon(now: Date): string {
  const shift = 12 - now.getUTCHours();
  return shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
}

function waitForOutput(spawned: Spawned, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += String(chunk);
      if (!seen.includes(text)) return;
      spawned.child.stdout?.off('data', onData);
      resolve();
    };
    spawned.child.stdout?.on('data', onData);
    void spawned.exit.then(({ output }) => reject(new Error(`shiting exited before "${text}":\n${output}`)));
  });
}

const postsTo = (channelId: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const refusedPostsTo = (channelId: string) => postsTo(channelId).filter((r) => r.status >= 400);

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [
      {
        id: GUILD,
        channels: [
          { id: CHANNELS.serverError, name: 'flaky' },
          { id: CHANNELS.missingAccess, botDeny: PermissionFlagsBits.ViewChannel },
          { id: CHANNELS.noSend, botDeny: PermissionFlagsBits.SendMessages },
          { id: CHANNELS.noEmbeds, botDeny: PermissionFlagsBits.EmbedLinks },
          { id: CHANNELS.rejected, name: 'rejected' },
        ],
      },
    ],
  });
  const dir = tempDir('shiting-refusals-');
  dbPath = path.join(dir, 'shiting.db');
  // Subscriptions made before the bot starts, due now: the bot's first tick (at start) posts them.
  const now = new Date();
  const store = new SqliteDigestStore(dbPath);
  for (const channelId of Object.values(CHANNELS)) {
    const { subscription } = await store.save(
      {
        guildId: GUILD,
        channelId,
        time: '10:00',
        timezone: zoneNearNoon(now),
        emptyDays: 'post',
        locale: 'en-US',
      },
      new Date(now.getTime() - 4 * 60 * 60_000),
    );
    subs.set(channelId, subscription);
  }
  await store.close();
  const route = (channelId: string) => ({ method: 'POST', path: `/channels/${channelId}/messages` });
  fake.fail(route(CHANNELS.rejected), faults.invalidFormBody);
  // Four 500s: @discordjs/rest's own tries all fail, so the deliverer's backoff retry is what posts it.
  fake.fail(route(CHANNELS.serverError), ...Array.from({ length: 4 }, () => faults.serverError));
  writeShippedIndex(path.join(dir, 'index.json'));
  bot = spawnShiting(['start'], startEnv(fake, dir));
  await waitForOutput(bot, '"msg":"digest tick"');
}, 60_000);

afterAll(async () => {
  bot?.child.kill('SIGTERM');
  await bot?.exit;
  await fake?.close();
  removeTempDirs();
});

async function stored(channelId: string): Promise<Subscription> {
  const store = new SqliteDigestStore(dbPath);
  try {
    return (await store.get(subs.get(channelId)!.id))!;
  } finally {
    await store.close();
  }
}

describe('digest refusals in the running bot', async () => {
  it('pauses on 403 Missing Access after one refused request', async () => {
    expect((await stored(CHANNELS.missingAccess)).pausedReason).toBe('missing-access');
    expect(refusedPostsTo(CHANNELS.missingAccess)).toHaveLength(1);
  });

  it('pauses on 403 Missing Permissions after one refused request, telling the channel only where it can', async () => {
    expect((await stored(CHANNELS.noEmbeds)).pausedReason).toBe('missing-permissions');
    expect(refusedPostsTo(CHANNELS.noEmbeds)).toHaveLength(1);
    // Text still goes through where only Embed Links is missing: the notice is posted there.
    expect(fake.messages.filter((m) => m.channelId === CHANNELS.noEmbeds)).toHaveLength(1);
    expect((await stored(CHANNELS.noEmbeds)).noticeSent).toBe(true);
    // Without Send Messages a notice would be one more refusal: none is tried.
    expect((await stored(CHANNELS.noSend)).pausedReason).toBe('missing-permissions');
    expect(postsTo(CHANNELS.noSend)).toHaveLength(1);
  });

  it('pauses on 404 Unknown Channel after one refused request', async () => {
    expect((await stored(CHANNELS.gone)).pausedReason).toBe('unknown-channel');
    expect(refusedPostsTo(CHANNELS.gone)).toHaveLength(1);
  });

  it('pauses on 400 Invalid Form Body after one refused request', async () => {
    expect((await stored(CHANNELS.rejected)).pausedReason).toBe('rejected');
    expect(refusedPostsTo(CHANNELS.rejected).map((r) => r.status)).toEqual([400]);
    expect((await stored(CHANNELS.rejected)).lastError).toContain('50035');
  });

  it('retries a 5xx with backoff and posts once', async () => {
    const flaky = await stored(CHANNELS.serverError);
    expect(flaky.pausedReason).toBeUndefined();
    expect(postsTo(CHANNELS.serverError).map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expect(flaky.lastMessageId).toBe(fake.messages.find((m) => m.channelId === CHANNELS.serverError)?.id);
  });

  it('/digest status shows each pause and its reason, in English and Chinese', async () => {
    const en = await fake.sendCommand({ name: 'digest', subcommand: 'status', memberPermissions: MANAGE });
    const shown = String(en.data.embeds?.[0]?.description);
    expect(shown).toContain('**Paused**: the bot cannot see the channel (Missing Access)');
    expect(shown).toContain('**Paused**: the bot lacks a permission in the channel (Missing Permissions)');
    expect(shown).toContain('**Paused**: the channel no longer exists (Unknown Channel)');
    expect(shown).toContain('**Paused**: Discord rejected the digest post as malformed (400)');
    expect(shown).toContain('Last error: 400 50035: Invalid Form Body');
    const zh = await fake.sendCommand({
      name: 'digest',
      subcommand: 'status',
      memberPermissions: MANAGE,
      locale: 'zh-CN',
    });
    expect(String(zh.data.embeds?.[0]?.description)).toContain(
      '**已暂停**：Discord 认为摘要帖子格式有误而拒绝（400）',
    );
  });
});
