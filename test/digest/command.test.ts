import { InteractionContextType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digest, timeZoneChoices } from '../../commands/digest';
import type { Context, Options, Reply } from '../../commands/types';
import { type ChannelProbe, DigestService } from '../../src/digest/service';
import { type DigestStore, SqliteDigestStore } from '../../src/digest/store';
import { testKnowledge, testKnowledgeBase } from './kb';

const GUILD = { id: '1200000000000000001', name: 'Test Guild' };
const CHANNEL = '1300000000000000001';
/** A second channel of the server, for a second digest. */
const OTHER = '1300000000000000002';
const NOW = new Date('2025-03-28T00:00:00Z');
const kb = testKnowledgeBase();
const knowledge = testKnowledge(kb);

const probe: ChannelProbe = (_guild, channelId) =>
  channelId === CHANNEL || channelId === OTHER
    ? { status: 'ok', permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages }
    : { status: 'unknown-channel' };

let store: DigestStore;
let service: DigestService;
beforeEach(() => {
  store = new SqliteDigestStore(':memory:');
  service = new DigestService({ store, knowledge: () => kb, probe });
});
afterEach(() => store.close());

function context(over: Partial<Context> = {}): Context {
  return {
    locale: 'en-US',
    now: NOW,
    user: { id: '1400000000000000001' },
    guild: GUILD,
    channelId: CHANNEL,
    memberPermissions: PermissionFlagsBits.ManageGuild,
    services: { digests: service },
    ...over,
  };
}

async function run(options: Options, over: Partial<Context> = {}): Promise<Reply['payload']> {
  return (await digest.handle(knowledge, options, context(over))).payload;
}
const text = (p: Reply['payload']) => `${p.content ?? ''}${JSON.stringify(p.embeds ?? [])}`;
const ephemeral = (p: Reply['payload']) => (Number(p.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe('/digest definition', () => {
  it('is a Manage Server command for servers, localised in Chinese', () => {
    const d = digest.definition;
    expect(d.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(d.contexts).toContain(InteractionContextType.Guild);
    expect(d.contexts).not.toContain(InteractionContextType.PrivateChannel);
    expect(d.name_localizations?.['zh-CN']).toMatch(/^[\p{Script=Han}_-]+$|^digest$/u);
    const subs = (d.options ?? []).map((o) => o.name);
    expect(subs).toEqual(['set', 'off', 'status', 'preview', 'check', 'test']);
    for (const o of d.options ?? [])
      expect(o.description_localizations?.['zh-CN']).toMatch(/\p{Script=Han}/u);
  });
});

describe('/digest set', () => {
  it('is refused without Manage Server, and nothing is saved', async () => {
    const reply = await run({ subcommand: 'set', channel: CHANNEL }, { memberPermissions: 0n });
    expect(ephemeral(reply)).toBe(true);
    expect(reply.content).toContain('Manage Server');
    expect(await store.forGuild(GUILD.id)).toEqual([]);
    const none = await run({ subcommand: 'set', channel: CHANNEL }, { memberPermissions: undefined });
    expect(none.content).toContain('Manage Server');
  });

  it('is accepted with Manage Server (or Administrator), with the schedule, next run and missing permissions', async () => {
    const reply = await run({ subcommand: 'set', channel: CHANNEL, time: '8:30', timezone: 'Europe/London' });
    expect(ephemeral(reply)).toBe(true);
    expect(reply.content).toContain(`Daily digest set for <#${CHANNEL}>: every day at 08:30 (Europe/London)`);
    expect(reply.content).toContain('Next run: 2025-03-28 08:30 Europe/London');
    expect(reply.content).toContain('lacks Embed Links');
    expect((await store.forGuild(GUILD.id))[0]).toMatchObject({
      time: '08:30',
      timezone: 'Europe/London',
      emptyDays: 'skip',
    });
    const admin = await run(
      { subcommand: 'set', channel: CHANNEL, empty_days: 'post' },
      { memberPermissions: PermissionFlagsBits.Administrator },
    );
    expect(admin.content).toContain('Digest updated');
    expect((await store.forGuild(GUILD.id))[0]).toMatchObject({ time: '08:30', emptyDays: 'post' });
  });

  it('rejects a malformed time or an unknown zone clearly, changing nothing', async () => {
    await run({ subcommand: 'set', channel: CHANNEL });
    const before = await store.forGuild(GUILD.id);
    const badTime = await run({ subcommand: 'set', channel: CHANNEL, time: '25:00' });
    expect(ephemeral(badTime)).toBe(true);
    expect(badTime.content).toContain('“25:00” is not a time');
    const badZone = await run({ subcommand: 'set', channel: CHANNEL, timezone: 'Mars/Olympus' });
    expect(badZone.content).toContain('“Mars/Olympus” is not a time zone');
    expect(await store.forGuild(GUILD.id)).toEqual(before);
  });

  it('refuses a channel the probe does not find in the server, or a value that is no channel id', async () => {
    const other = await run({ subcommand: 'set', channel: '1300000000000000009' });
    expect(ephemeral(other)).toBe(true);
    expect(other.content).toContain('<#1300000000000000009> is not a channel of this server');
    expect((await run({ subcommand: 'set', channel: 'abc' })).content).toContain('That is not a channel.');
    expect(await store.forGuild(GUILD.id)).toEqual([]);
    // Without a probe (the runtime cannot tell) a well-formed id is taken; a malformed one never is.
    const blind = new DigestService({ store, knowledge: () => kb });
    expect(await blind.set({ guildId: GUILD.id, channelId: 'abc', language: 'en-US' }, NOW)).toMatchObject({
      ok: false,
      error: 'channel',
    });
    const taken = await run(
      { subcommand: 'set', channel: '1300000000000000009' },
      { services: { digests: blind } },
    );
    expect(taken.content).toContain('Daily digest set');
  });

  it('answers in Chinese', async () => {
    const reply = await run({ subcommand: 'set', channel: CHANNEL }, { locale: 'zh-CN' });
    expect(reply.content).toContain('已设置');
    expect(reply.content).toContain('每天 09:00（Asia/Shanghai）');
  });
});

describe('/digest outside a server', () => {
  it('says in a DM that it is for servers only', async () => {
    for (const subcommand of ['set', 'status', 'preview']) {
      const reply = await run(
        { subcommand, channel: CHANNEL },
        { guild: undefined, memberPermissions: undefined },
      );
      expect(ephemeral(reply)).toBe(true);
      expect(reply.content).toContain('for servers only');
    }
  });

  it('says digests are unavailable where no service runs (the console)', async () => {
    const reply = await run({ subcommand: 'status' }, { services: undefined });
    expect(reply.content).toContain('not available here');
  });
});

describe('/digest off, status, preview, check', () => {
  it('off needs Manage Server, turns off one channel or all, and says when there is none', async () => {
    await run({ subcommand: 'set', channel: CHANNEL });
    expect((await run({ subcommand: 'off' }, { memberPermissions: 0n })).content).toContain('Manage Server');
    expect((await run({ subcommand: 'off', channel: '1300000000000000009' })).content).toContain(
      'no digest in',
    );
    expect((await run({ subcommand: 'off' })).content).toContain(`Turned off the digest in <#${CHANNEL}>`);
    expect((await run({ subcommand: 'status' })).content).toContain('no digests');
  });

  it('status shows each subscription, its next run in local time, last post and pause reason', async () => {
    await run({ subcommand: 'set', channel: CHANNEL, time: '09:00', timezone: 'America/New_York' });
    const sub = (await store.forGuild(GUILD.id))[0]!;
    await store.settle(sub.id, '2025-03-27', 'sent', NOW, { messageId: '1' });
    const shown = text(await run({ subcommand: 'status' }));
    expect(shown).toContain('Next run: 2025-03-28 09:00 America/New_York');
    expect(shown).toContain('Last post: 2025-03-27');
    await store.pause(sub.id, 'missing-access', NOW);
    expect(text(await run({ subcommand: 'status' }))).toContain('**Paused**: the bot cannot see the channel');
  });

  it('preview shows the digest for a date, only to the caller, and refuses a bad date', async () => {
    const reply = await run({ subcommand: 'preview', date: '2025-03-28' });
    expect(ephemeral(reply)).toBe(true);
    expect(reply.content).toBe('Preview of the digest for 2025-03-28:');
    expect(text(reply)).toContain('10th China Internet Audiovisual Conference');
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const monthDay = await run({ subcommand: 'preview', date: '03-28' });
    expect(monthDay.content).toContain('2025-03-28');
    const today = await run({ subcommand: 'preview' });
    expect(today.content).toContain('2025-03-28'); // 08:00 in Shanghai
    expect((await run({ subcommand: 'preview', date: '2025-02-30' })).content).toContain('is not a date');
  });

  it('preview shows the digest of the channel it is asked in, in its language, around it the reader’s', async () => {
    // The server's first digest is English, in another channel; this channel's is Chinese.
    await run({ subcommand: 'set', channel: OTHER, language: 'en-US' });
    await run({ subcommand: 'set', channel: CHANNEL, language: 'zh-CN' });
    const here = await run({ subcommand: 'preview', date: '2025-03-28' });
    expect(here.content).toBe('Preview of the digest for 2025-03-28:');
    expect(text(here)).toContain('第十届中国网络视听大会');
    expect(text(here)).not.toContain('10th China Internet Audiovisual Conference');
    // Asked in the English digest's channel, or in one without a digest (the server's first): English.
    expect(text(await run({ subcommand: 'preview', date: '2025-03-28' }, { channelId: OTHER }))).toContain(
      '10th China Internet Audiovisual Conference',
    );
    const elsewhere = await run(
      { subcommand: 'preview', date: '2025-03-28' },
      { channelId: '1300000000000000009' },
    );
    expect(text(elsewhere)).toContain('10th China Internet Audiovisual Conference');
  });

  it('check lists the permissions the bot lacks, per channel', async () => {
    const reply = text(await run({ subcommand: 'check' }));
    expect(reply).toContain(
      `**<#${CHANNEL}>**\\n✅ View Channel\\n✅ Send Messages\\n❌ Embed Links: missing; the digest pauses without it`,
    );
    const gone = text(await run({ subcommand: 'check', channel: '1300000000000000009' }));
    expect(gone).toContain('does not exist');
    const unprobed = new DigestService({ store, knowledge: () => kb });
    const cannot = await run({ subcommand: 'check' }, { services: { digests: unprobed } });
    expect(cannot.content).toContain('cannot check');
  });
});

describe('time zone autocomplete', () => {
  it('offers zones matching what was typed, with their offset, at most 25', () => {
    const choices = timeZoneChoices('lond', NOW);
    expect(choices[0]).toEqual({ name: 'Europe/London (UTC+00:00)', value: 'Europe/London' });
    expect(timeZoneChoices('new y', NOW).map((c) => c.value)).toContain('America/New_York');
    expect(timeZoneChoices('a', NOW).length).toBeLessThanOrEqual(25);
    expect(timeZoneChoices('', NOW)[0]?.value).toBe('Asia/Shanghai');
    for (const c of timeZoneChoices('america', NOW)) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('answers only the timezone option', () => {
    const ctx = context();
    expect(digest.autocomplete?.(knowledge, { name: 'timezone', value: 'tokyo' }, {}, ctx)[0]?.value).toBe(
      'Asia/Tokyo',
    );
    expect(digest.autocomplete?.(knowledge, { name: 'time', value: '9' }, {}, ctx)).toEqual([]);
  });
});

describe('/digest set options and /digest test, without Discord', () => {
  it('offers the languages by their own names and channels of every kind a digest can go to', () => {
    const set = digest.definition.options.find((o) => o.name === 'set') as {
      options: { name: string; choices?: unknown[]; channel_types?: number[] }[];
    };
    const options = Object.fromEntries(set.options.map((o) => [o.name, o]));
    expect(Object.keys(options)).toEqual([
      'channel',
      'time',
      'timezone',
      'empty_days',
      'language',
      'role',
      'clear_role',
      'thread',
      'publish',
    ]);
    expect(options.language?.choices).toEqual([
      { name: 'English', value: 'en-US' },
      { name: '简体中文', value: 'zh-CN' },
      { name: '繁體中文', value: 'zh-TW' },
    ]);
    expect(options.channel?.channel_types).toEqual([0, 5, 15, 16, 11, 10]);
  });

  it('refuses thread and publish where the channel cannot have them, and says so', async () => {
    // The probe here knows no channel type: a text channel.
    expect((await run({ subcommand: 'set', channel: CHANNEL, publish: true })).content).toContain(
      'which only an announcement channel has',
    );
    expect(await store.forGuild(GUILD.id)).toEqual([]);
    const saved = await run({ subcommand: 'set', channel: CHANNEL, thread: true, language: 'zh-CN' });
    expect(saved.content).toContain('Language: Simplified Chinese; no ping; a thread on each post.');
    expect((await store.forGuild(GUILD.id))[0]).toMatchObject({ thread: true, locale: 'zh-CN' });
  });

  it('/digest test needs Manage Server, a digest, and the running bot', async () => {
    expect((await run({ subcommand: 'test' }, { memberPermissions: 0n })).content).toContain('Manage Server');
    expect((await run({ subcommand: 'test' })).content).toBe(
      'This server has no digest to test. Set one with `/digest set` first.',
    );
    await run({ subcommand: 'set', channel: CHANNEL });
    // This service has no REST client, as in a front end without the bot.
    expect((await run({ subcommand: 'test' })).content).toBe(
      'Test posts need the running bot; they cannot be made from here.',
    );
  });
});
