// Buttons, select menus and the message command through the real wiring: the discord.js client and the router
// against the fake Discord, which sends the clicks (MESSAGE_COMPONENT) and checks the components it is sent.
import {
  type APIInteraction,
  type APIMessage,
  type APIMessageComponent,
  type APIStringSelectComponent,
  ComponentType,
  InteractionResponseType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, messageCommands } from '../../commands';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { messages } from '../../src/locale/catalogue';
import { knowledgeOf, seedRecords, textOf } from '../commands/knowledge';
import { FAKE_CHANNEL_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { componentsOf, type FakeComponents } from '../fake-discord/components';
import { captureLogger } from './helpers';

const OTHER_USER = { id: '1400000000000000077', username: 'someone-else' };
/** Highlights added to the 9th edition so that its card needs several pages. */
const EXTRA = 30;
const extra = (i: number) =>
  `Extra highlight ${i}: ${'a long line about what the conference discussed, said at length; '.repeat(4)}end ${i}.`;

let fake: FakeDiscord;
let bot: BotHandle;
let clicks: FakeComponents;

beforeAll(async () => {
  const records = seedRecords();
  const editions = records.editions.map((e) =>
    e.id === 'ciac-9'
      ? {
          ...e,
          highlights: [
            ...e.highlights,
            ...Array.from({ length: EXTRA }, (_, i) => ({ text: extra(i), sources: e.sources })),
          ],
        }
      : e,
  );
  fake = await startFakeDiscord();
  clicks = componentsOf(fake);
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands,
    messageCommands,
    knowledge: knowledgeOf({ ...records, editions }),
    logger: captureLogger('warn').logger,
    charts: false,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

function allComponents(message: Pick<APIMessage, 'components'>): APIMessageComponent[] {
  return (message.components ?? []).flatMap(
    (row) => (row as { components?: APIMessageComponent[] }).components ?? [],
  );
}

function buttonLabelled(message: Pick<APIMessage, 'components'>, label: string) {
  return allComponents(message).find(
    (c) => c.type === ComponentType.Button && 'label' in c && c.label === label,
  ) as (APIMessageComponent & { custom_id: string; disabled?: boolean }) | undefined;
}

function selects(message: Pick<APIMessage, 'components'>): APIStringSelectComponent[] {
  return allComponents(message).filter(
    (c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect,
  );
}

describe.each(['en-US', 'zh-CN'] as const)('components in %s', (locale) => {
  const t = messages(locale);

  it('a "did you mean" choice replaces the reply with that record’s card (UPDATE_MESSAGE)', async () => {
    const reply = await fake.sendCommand({ name: 'speaker', options: { query: 'lui zen' }, locale });
    expect(reply.ephemeral).toBe(true);
    const [menu] = selects(reply.data);
    expect(menu?.placeholder).toBe(t.components.didYouMean);
    expect(menu?.options.map((o) => o.value)).toContain('liu-zhen');
    const next = await clicks.click({
      message: clicks.messageOf(reply),
      customId: menu!.custom_id,
      values: ['liu-zhen'],
      locale,
    });
    expect(next.type).toBe(InteractionResponseType.UpdateMessage);
    expect(next.data.embeds?.[0]?.title).toMatch(/^Liu Zhen/);
    // The "no clear match" text is replaced too, not left above the card.
    expect(next.data.content).toBe('');
    expect(next.ephemeral).toBe(true);
    // Still only theirs: its Share button posts it for everyone.
    expect(buttonLabelled(next.data, t.components.share)).toBeDefined();
  });

  it('pages through a long card with ◀ ▶, every highlight on exactly one page', async () => {
    const reply = await fake.sendCommand({ name: 'edition', options: { query: 'ciac-9' }, locale });
    let message = clicks.messageOf(reply);
    const pages = [textOf(reply.data)];
    expect(buttonLabelled(message, t.components.previous)?.disabled).toBe(true);
    for (
      let next = buttonLabelled(message, t.components.next);
      next && !next.disabled;
      next = buttonLabelled(message, t.components.next)
    ) {
      const answer = await clicks.click({ message, customId: next.custom_id, locale });
      expect(answer.type).toBe(InteractionResponseType.UpdateMessage);
      message = answer.message;
      pages.push(textOf(answer.data));
      expect(pages.length).toBeLessThan(20);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(t.components.page(pages.length, pages.length));
    for (let i = 0; i < EXTRA; i++) {
      const holding = pages.filter((p) => p.includes(`Extra highlight ${i}:`) && p.includes(`end ${i}.`));
      expect(holding, `highlight ${i}`).toHaveLength(1);
    }
    // ◀ goes back.
    const back = await clicks.click({
      message,
      customId: buttonLabelled(message, t.components.previous)!.custom_id,
      locale,
    });
    expect(textOf(back.data)).toBe(pages.at(-2));
  });

  it('a related record clicked by someone else is their own ephemeral answer; by the asker, an update', async () => {
    const reply = await fake.sendCommand({ name: 'edition', options: { query: 'ciac-11' }, locale });
    const message = clicks.messageOf(reply);
    const related = selects(message).find((s) => s.options.some((o) => o.value === 'liu-zhen'));
    expect(related?.placeholder).toMatch(new RegExp(`^${t.components.related('').trim()}`));
    const theirs = await clicks.click({
      message,
      customId: related!.custom_id,
      values: ['liu-zhen'],
      user: OTHER_USER,
      locale,
    });
    expect(theirs.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(theirs.ephemeral).toBe(true);
    expect(theirs.data.embeds?.[0]?.title).toMatch(/Liu Zhen|刘臻/);
    const mine = await clicks.click({ message, customId: related!.custom_id, values: ['liu-zhen'], locale });
    expect(mine.type).toBe(InteractionResponseType.UpdateMessage);
    expect(mine.data.embeds?.[0]?.title).toMatch(/Liu Zhen|刘臻/);
  });

  it('private:true answers ephemerally; Share posts the card publicly, or says politely it may not', async () => {
    const reply = await fake.sendCommand({
      name: 'speaker',
      options: { query: 'liu-zhen', private: true },
      locale,
    });
    expect(reply.ephemeral).toBe(true);
    const message = clicks.messageOf(reply);
    const share = buttonLabelled(message, t.components.share)!;
    const shared = await clicks.click({ message, customId: share.custom_id, locale });
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(shared.ephemeral).toBe(false);
    expect(shared.data.embeds).toEqual(reply.data.embeds);
    expect(shared.data.content).toBe(t.components.sharedBy('<@1400000000000000001>'));
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
    expect(buttonLabelled(shared.data, t.components.share)).toBeUndefined();
    const refused = await clicks.click({
      message,
      customId: share.custom_id,
      locale,
      appPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.EmbedLinks,
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.data.content).toBe(t.components.shareRefused);
  });

  it('/search lists every match a page at a time behind "All matches", each openable from a menu', async () => {
    const reply = await fake.sendCommand({ name: 'search', options: { query: 'conference' }, locale });
    let message = clicks.messageOf(reply);
    const all = buttonLabelled(message, t.components.allMatches)!;
    let answer = await clicks.click({ message, customId: all.custom_id, locale });
    expect(answer.type).toBe(InteractionResponseType.UpdateMessage);
    const seen: string[] = [];
    for (let guard = 0; guard < 30; guard++) {
      message = answer.message;
      const [menu] = selects(message);
      seen.push(...(menu?.options.map((o) => o.value) ?? []));
      const next = buttonLabelled(message, t.components.next);
      if (!next || next.disabled) break;
      answer = await clicks.click({ message, customId: next.custom_id, locale });
    }
    // More than the first few, each once.
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen).size).toBe(seen.length);
    const open = await clicks.click({
      message,
      customId: selects(message)[0]!.custom_id,
      values: [seen.at(-1)!],
      locale,
    });
    expect(open.type).toBe(InteractionResponseType.UpdateMessage);
    expect(open.data.embeds?.[0]?.title).toBeTruthy();
  });

  it('a click on an older or unknown menu is told, politely and only to them, to run the command again', async () => {
    const reply = await fake.sendCommand({ name: 'edition', options: { query: 'ciac-11' }, locale });
    const message = clicks.messageOf(reply);
    for (const customId of ['s0:c:e:ciac-11:1:en-US', 's1:c:e:no-such-edition:0:en-US', 's1:zz', 'garbage']) {
      const answer = await clicks.click({ message, customId, locale });
      expect(answer.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(answer.ephemeral).toBe(true);
      expect(answer.data.content).toBe(t.components.outOfDate);
    }
    const gone = await clicks.click({
      message,
      customId: 's1:o:1:en-US',
      values: ['no-such-person'],
      locale,
    });
    expect(gone.data.content).toBe(t.components.outOfDate);
  });

  it('"Look up in Shiting" on a message answers with the best match, only to the one who asked', async () => {
    const reply = await clicks.sendMessageCommand({
      // Discord sends the command's own name whatever the user's language shows.
      name: 'Look up in Shiting',
      target: { content: 'What did Liu Zhen say?' },
      locale,
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.embeds?.[0]?.title).toMatch(/^Liu Zhen/);
    expect(buttonLabelled(reply.data, t.components.share)).toBeDefined();
    const empty = await clicks.sendMessageCommand({
      name: 'Look up in Shiting',
      target: { content: '   ' },
      locale,
    });
    expect(empty.ephemeral).toBe(true);
    expect(empty.data.content).toBe(t.components.noText);
  });
});

it('deploys "Look up in Shiting" as a message command wherever the slash commands are, named in zh-CN and zh-TW', () => {
  const deployed = fake.commands.global as { name: string; type?: number }[];
  expect(deployed.map((c) => c.name)).toEqual([
    ...commands.map((c) => c.definition.name),
    'Look up in Shiting',
  ]);
  expect(deployed.at(-1)).toMatchObject({
    type: 3,
    name_localizations: { 'zh-CN': '在视听中查找', 'zh-TW': '在視聽中查詢' },
    contexts: [0, 1, 2],
    integration_types: [0, 1],
  });
});

it('answers a malformed click (no message, no custom_id) with "out of date", never crashing', async () => {
  const base = fake.commandInteraction({ name: 'component' }) as unknown as Record<string, unknown>;
  const raw = { ...base, type: 3, data: { component_type: 2 } } as unknown as APIInteraction;
  const callback = await fake.sendInteraction(raw).callback;
  expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.data?.content).toBe(messages('en-US').components.outOfDate);
  expect(Number(callback.data?.flags ?? 0) & 64).toBe(64);
});

describe('the fake Discord checks components as Discord does', () => {
  const post = (body: unknown) =>
    fetch(`${fake.apiUrl}/v10/channels/${FAKE_CHANNEL_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const row = (n: number, prefix: string) => ({
    type: 1,
    components: Array.from({ length: n }, (_, i) => ({
      type: 2,
      style: 2,
      label: 'x',
      custom_id: `${prefix}${i}`,
    })),
  });

  it.each([
    ['six rows', { components: Array.from({ length: 6 }, (_, i) => row(1, `r${i}-`)) }],
    ['six buttons in a row', { components: [row(6, 'b')] }],
    [
      'a custom_id over 100',
      {
        components: [
          { type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: 'x'.repeat(101) }] },
        ],
      },
    ],
    [
      'a label over 80',
      {
        components: [{ type: 1, components: [{ type: 2, style: 2, label: 'l'.repeat(81), custom_id: 'a' }] }],
      },
    ],
    [
      '26 options',
      {
        components: [
          {
            type: 1,
            components: [
              {
                type: 3,
                custom_id: 's',
                options: Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
              },
            ],
          },
        ],
      },
    ],
    [
      'two equal custom_ids',
      {
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 2, label: 'a', custom_id: 'same' },
              { type: 2, style: 2, label: 'b', custom_id: 'same' },
            ],
          },
        ],
      },
    ],
  ])('rejects %s with 400 50035', async (_name, body) => {
    const response = await post({ content: 'x', ...body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(50035);
  });

  it('accepts components within the limits', async () => {
    const response = await post({ content: 'x', components: [row(5, 'ok')] });
    expect(response.status).toBe(200);
  });
});
