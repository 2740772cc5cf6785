// What a user typed comes back inert: through discord.js against the fake Discord, every reply that quotes an
// option value shows it as text (no live link, mention, code block or formatting), shortened before the
// explanation so the explanation always arrives and the reply fits Discord's limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { type ChannelProbe, DigestService } from '../../src/digest/service';
import { type DigestStore, SqliteDigestStore } from '../../src/digest/store';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { ECHO_MAX, LIMITS, length } from '../../src/discord-limits';
import { openKnowledge } from '../../src/knowledge/open';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { writeShippedIndex } from '../support/shipped';
import { captureLogger } from './helpers';

/** Everything that Discord would render as something other than the text itself. */
const HOSTILE =
  '[x](https://e.co) <@140000000000000001> <@&120000000000000001> @everyone ```js\nx``` **b** ||s||';

let fake: FakeDiscord;
let bot: BotHandle;
let store: DigestStore;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-echo-'));
  const indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  const knowledge = openKnowledge(indexPath);
  store = new SqliteDigestStore(':memory:');
  const probe: ChannelProbe = () => ({
    status: 'ok',
    permissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
  });
  fake = await startFakeDiscord();
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    knowledge,
    logger: captureLogger('warn').logger,
    clock: () => new Date('2026-03-28T09:00:00Z'),
    services: { digests: new DigestService({ store, knowledge: () => knowledge.kb, probe }) },
    charts: false,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** No live markup left: every Markdown character escaped, every mention broken by a zero-width space. */
function expectInert(content: string): void {
  expect(content).not.toMatch(/<@|<#|<\/|@everyone|@here/);
  expect(content).toContain('<\u200b@140000000000000001>');
  expect(content).toContain('<\u200b@&120000000000000001>');
  expect(content).toContain('@\u200beveryone');
  expect(content).toContain('\\[x\\](https://e.co)');
  expect(content).toContain('\\`\\`\\`js x\\`\\`\\`');
  expect(content).toContain('\\*\\*b\\*\\*');
  expect(content).toContain('\\|\\|s\\|\\|');
  expect(content).not.toContain('\n');
}

describe('option values quoted back in replies', () => {
  it('/onthisday: “…” is not a date, with the value inert', async () => {
    const reply = await fake.sendCommand({ name: 'onthisday', options: { date: HOSTILE } });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const content = reply.data.content ?? '';
    expectInert(content);
    expect(content).toMatch(/^“.*” is not a date\. Write it as MM-DD/);
  });

  it('/stat and /search: "nothing found" or "no clear match" quote the query inert, in both locales', async () => {
    for (const name of ['stat', 'search', 'edition']) {
      for (const locale of ['en-US', 'zh-CN']) {
        const reply = await fake.sendCommand({ name, options: { query: HOSTILE }, locale });
        const content = reply.data.content ?? '';
        expect(content, `${name} ${locale}`).toMatch(
          /Nothing found for “|No clear match for “|没有找到“|没有明确的匹配/,
        );
        expect(content).toContain('\\[x\\](https://e.co)');
        expect(content).not.toMatch(/<@|@everyone/);
      }
    }
  });

  it('/digest set: a 6,000-character time is shortened before the explanation, and the reply fits', async () => {
    const reply = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: FAKE_CHANNEL_ID, time: `<@1400000000000000001>${'9'.repeat(6000)}` },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    const content = reply.data.content ?? '';
    expect(length(content)).toBeLessThanOrEqual(LIMITS.content);
    expect(content).toMatch(/^“<\u200b@1400000000000000001>9+…” is not a time\. .*Nothing was changed\.$/);
    const quoted = content.slice(1, content.indexOf('”'));
    expect(length(quoted.replace('\u200b', ''))).toBe(ECHO_MAX);
    expect(await store.forGuild(FAKE_GUILD_ID)).toEqual([]);
  });

  it('/digest set: a hostile time zone and a hostile empty_days come back inert', async () => {
    const zone = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: FAKE_CHANNEL_ID, timezone: HOSTILE },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expectInert(zone.data.content ?? '');
    expect(zone.data.content).toMatch(/” is not a time zone I know\./);
    const empty = await fake.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: { channel: FAKE_CHANNEL_ID, empty_days: HOSTILE },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expectInert(empty.data.content ?? '');
    expect(empty.data.content).toMatch(/^empty_days must be skip or post, not “/);
  });

  it('/digest preview and off: a hostile date and a channel that is not a snowflake come back inert', async () => {
    const preview = await fake.sendCommand({
      name: 'digest',
      subcommand: 'preview',
      options: { date: HOSTILE },
    });
    expectInert(preview.data.content ?? '');
    expect(preview.data.content).toMatch(/” is not a date\. Write it as YYYY-MM-DD/);
    const off = await fake.sendCommand({
      name: 'digest',
      subcommand: 'off',
      options: { channel: '<@&1200000000000000001> [x](https://evil.example)' },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expect(off.data.content).toBe(
      'There is no digest in “<\u200b@&1200000000000000001> \\[x\\](https://evil.example)” to turn off.',
    );
  });

  it('an unknown option or subcommand name is quoted inert', async () => {
    const option = await fake.sendCommand({ name: 'onthisday', options: { '**@everyone**': 'x' } });
    expect(option.data.content).toMatch(
      /^Unknown option “\\\*\\\*@\u200beveryone\\\*\\\*”\. This command takes: date\./,
    );
    const sub = await fake.sendCommand({ name: 'digest', subcommand: '<@1400000000000000001>' });
    expect(sub.data.content).toMatch(/^Unknown \/digest subcommand “<\u200b@1400000000000000001>”/);
  });
});
