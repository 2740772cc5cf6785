// Two `shiting serve` replicas behind a round-robin proxy, sharing one PostgreSQL: each interaction lands on the
// other replica from the one before, and the conversation still holds together (an autocomplete on one and its
// command on the other, /digest set on one and /digest status on the other); then a real `shiting worker`
// (startWorker) posts the digest that was set over HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type APIUser,
  ApplicationCommandOptionType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../commands/types';
import { parseConfig } from '../../src/config';
import { startWorker } from '../../src/digest/worker';
import type { ServeHandle } from '../../src/http/serve';
import { openKnowledge } from '../../src/knowledge/open';
import { startTestPostgres, type TestPostgres } from '../digest/postgres-server';
import { captureLogger } from '../discord/helpers';
import { FAKE_CHANNEL_ID, type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { type HttpDiscord, type RoundRobin, roundRobin, startHttpMode } from '../fake-discord/http-mode';
import { writeShippedIndex } from '../support/shipped';
import { serveFor } from './harness';

const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ViewChannel;

let postgres: TestPostgres;
let databaseUrl: string;
let fake: FakeDiscord;
let discord: HttpDiscord;
let replicas: (ServeHandle & { url: string })[] = [];
let balancer: RoundRobin;
let dir: string;
let indexPath: string;
let knowledge: Knowledge;
// Set an hour before the digest's run, which is an hour ago: owed now, inside the catch-up window. In a zone whose
// clock reads about noon, so that both are today there (a run from an earlier day is dropped, not posted late).
const realNow = new Date();
const shift = 12 - realNow.getUTCHours();
const timezone = shift >= 0 ? `Etc/GMT-${shift}` : `Etc/GMT+${-shift}`;
const setAt = new Date(realNow.getTime() - 2 * 60 * 60_000);
const runTime = DateTime.fromMillis(realNow.getTime() - 60 * 60_000, { zone: timezone }).toFormat('HH:mm');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'shiting-replicas-'));
  indexPath = path.join(dir, 'index.json');
  writeShippedIndex(indexPath);
  knowledge = openKnowledge(indexPath);
  postgres = await startTestPostgres();
  databaseUrl = await postgres.database();
  fake = await startFakeDiscord();
  discord = await startHttpMode(fake);
  for (let i = 0; i < 2; i++)
    replicas.push(
      await serveFor(fake, discord, {
        knowledge,
        dir,
        env: { DATABASE_URL: databaseUrl },
        clock: () => setAt,
        now: Date.now,
      }),
    );
  balancer = await roundRobin(replicas.map((r) => r.url));
  discord.endpoint = `${balancer.url}/interactions`;
}, 60_000);

afterAll(async () => {
  await balancer?.close();
  for (const replica of replicas) await replica.stop();
  replicas = [];
  await discord?.close();
  await fake?.close();
  await postgres?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two serve replicas behind a round-robin proxy', () => {
  it('an autocomplete on one replica, the command it completes on the other', async () => {
    const first = balancer.served.length;
    const choices = await discord.sendAutocomplete({
      name: 'edition',
      focused: 'query',
      options: { query: '11th' },
    });
    expect(choices.length).toBeGreaterThan(0);
    const reply = await discord.sendCommand({
      name: 'edition',
      options: { query: String(choices[0]!.value) },
    });
    expect(reply.deferred).toBe(false);
    expect(reply.data.embeds?.[0]?.title).toBe(
      '11th China Internet Audiovisual Conference (2024) · 第十一届中国网络视听大会',
    );
    expect(balancer.served.slice(first)).toEqual([balancer.served[first]!, 1 - balancer.served[first]!]);
  });

  it('a command answered by one replica, a click on its menu by the other: custom_ids carry all they need', async () => {
    const first = balancer.served.length;
    const made = discord.commandInteraction({ name: 'edition', options: { query: '9th' } });
    const { answer } = await discord.send(made);
    const data = (answer.json as { data: APIInteractionResponseCallbackData }).data;
    const menu = (data.components ?? [])
      .flatMap((row): readonly { type: ComponentType }[] => ('components' in row ? row.components : []))
      .find((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect)!;
    expect(menu.options.length).toBeGreaterThan(0);
    const user = (made as { member?: { user: APIUser } }).member!.user;
    // The message as Discord sends it with a click: the reply, with the interaction that made it.
    const message = {
      id: '1500000000000000001',
      channel_id: FAKE_CHANNEL_ID,
      type: 20,
      author: fake.botUser,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: 0,
      interaction_metadata: { id: made.id, type: made.type, user },
    };
    const click = (byUser: APIUser) => {
      const base = discord.commandInteraction({ name: 'edition' }) as unknown as Record<string, unknown>;
      return discord.send({
        ...base,
        member: { ...(base.member as object), user: byUser },
        type: InteractionType.MessageComponent,
        data: {
          custom_id: menu.custom_id,
          component_type: ComponentType.StringSelect,
          values: [menu.options[0]!.value],
        },
        message,
      } as unknown as APIInteraction);
    };
    const mine = (await click(user)).answer.json as {
      type: number;
      data: APIInteractionResponseCallbackData;
    };
    // Chosen by whoever ran the command: the reply itself becomes that record's card.
    expect(mine.type).toBe(InteractionResponseType.UpdateMessage);
    expect(mine.data.embeds?.[0]?.title).not.toBe(data.embeds?.[0]?.title);
    const theirs = (await click({ ...user, id: '1400000000000000999' })).answer.json as {
      type: number;
      data: APIInteractionResponseCallbackData;
    };
    // By someone else, on the third interaction: their own answer, only to them.
    expect(theirs.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(theirs.data.flags).toBe(MessageFlags.Ephemeral);
    expect(theirs.data.embeds?.[0]?.title).toBe(mine.data.embeds?.[0]?.title);
    const served = balancer.served.slice(first);
    expect(served).toEqual([served[0]!, 1 - served[0]!, served[0]!]);
  });

  it('a deferred chart: type 5 from one replica, its @original edited over REST; the next on the other', async () => {
    const first = balancer.served.length;
    const interaction = discord.commandInteraction({
      name: 'edition',
      options: { query: '11th', compare: true },
    });
    const { answer, reply } = await discord.send(interaction);
    expect(answer.json).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect((await reply).files.map((f) => f.name)).toEqual(['chart.png']);
    const again = await discord.sendCommand({ name: 'about' });
    expect(again.data.embeds?.[0]?.title).toBe('About Shiting');
    expect(balancer.served.slice(first)).toEqual([balancer.served[first]!, 1 - balancer.served[first]!]);
  });

  it('/digest set on one replica, /digest status on the other, then a worker posts it', async () => {
    const first = balancer.served.length;
    const set = await discord.sendCommand({
      name: 'digest',
      subcommand: 'set',
      options: {
        channel: { type: ApplicationCommandOptionType.Channel, value: FAKE_CHANNEL_ID },
        time: runTime,
        timezone,
        empty_days: 'post',
      },
      memberPermissions: MANAGER,
    });
    expect(set.data.content).toContain(`<#${FAKE_CHANNEL_ID}>`);
    const status = await discord.sendCommand({
      name: 'digest',
      subcommand: 'status',
      memberPermissions: MANAGER,
    });
    expect(JSON.stringify(status.data)).toContain(FAKE_CHANNEL_ID);
    expect(JSON.stringify(status.data)).toContain(runTime);
    expect(balancer.served.slice(first)).toEqual([balancer.served[first]!, 1 - balancer.served[first]!]);

    const config = parseConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: databaseUrl,
      SHITING_INDEX: indexPath,
    });
    const posted = fake.nextRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`,
    );
    const worker = await startWorker(config, captureLogger('warn').logger);
    try {
      const post = await posted;
      expect(post.status).toBe(200);
      expect(fake.messages.map((m) => m.channelId)).toEqual([FAKE_CHANNEL_ID]);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
