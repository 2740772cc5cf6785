// Malformed interactions through discord.js against the fake Discord: the error boundary covers reading the
// context and the options, so each gets the usual ephemeral failure reply (autocomplete: no choices), is
// logged, and the bot goes on answering.
import { type APIInteraction, ApplicationCommandOptionType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYWHERE } from '../../commands/options';
import type { Command } from '../../commands/types';
import { type BotHandle, startBot } from '../../src/discord/bot';
import { type FakeDiscord, startFakeDiscord } from '../fake-discord';
import { type CapturedLogger, captureLogger, NO_KNOWLEDGE } from './helpers';

let handled = 0;
const echo: Command = {
  definition: {
    name: 'echo',
    description: 'Echo',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'text',
        description: 'Text',
        autocomplete: true,
      },
    ],
    ...EVERYWHERE,
  },
  handle(_knowledge, options) {
    handled += 1;
    return { payload: { content: `echo: ${String(options.text)}` } };
  },
  autocomplete: () => [{ name: 'one', value: 'one' }],
};

let fake: FakeDiscord;
let bot: BotHandle;
let log: CapturedLogger;

beforeAll(async () => {
  fake = await startFakeDiscord();
  log = captureLogger();
  bot = await startBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    commands: [echo],
    knowledge: NO_KNOWLEDGE,
    logger: log.logger,
    charts: false,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

type Raw = Record<string, unknown> & { data: Record<string, unknown>; member?: Record<string, unknown> };

/** A well-formed interaction from the fake, then broken by `spoil`. */
function spoiled(spoil: (raw: Raw) => void, autocomplete = false): APIInteraction {
  const base = autocomplete
    ? { ...fake.commandInteraction({ name: 'echo', options: { text: 'he' } }), type: 4 }
    : fake.commandInteraction({ name: 'echo', options: { text: 'hi' } });
  const raw = structuredClone(base) as unknown as Raw;
  if (autocomplete) (raw.data.options as Record<string, unknown>[])[0]!.focused = true;
  spoil(raw);
  return raw as unknown as APIInteraction;
}

const MALFORMED: [string, (raw: Raw) => void][] = [
  ['member permissions that are not a number', (raw) => Object.assign(raw.member!, { permissions: 'lots' })],
  ['options that are not a list', (raw) => Object.assign(raw.data, { options: { text: 'hi' } })],
  [
    'a subcommand group without its options',
    (raw) =>
      Object.assign(raw.data, {
        options: [{ name: 'g', type: ApplicationCommandOptionType.SubcommandGroup }],
      }),
  ],
  ['a locale that is not a string', (raw) => Object.assign(raw, { locale: 42 })],
];

describe('malformed interactions', () => {
  it.each(MALFORMED)('%s: an ephemeral failure reply, logged with its error id', async (_label, spoil) => {
    const before = handled;
    const reply = await fake.sendInteraction(spoiled(spoil)).reply;
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    const id = reply.data.content?.match(
      /^Something went wrong while answering this \(error id ([0-9a-f]{8})\)/,
    )?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(log.records().find((r) => r.errorId === id)).toMatchObject({
      level: 50,
      command: 'echo',
      msg: 'command failed',
    });
    // The handler never saw the malformed interaction.
    expect(handled).toBe(before);
  });

  it.each(MALFORMED)('%s, in autocomplete: no choices, and a log line', async (_label, spoil) => {
    const lines = log.lines.length;
    const callback = await fake.sendInteraction(spoiled(spoil, true)).callback;
    expect(callback.data?.choices).toEqual([]);
    expect(log.lines.slice(lines).some((l) => l.includes('autocomplete failed'))).toBe(true);
  });

  it('goes on answering well-formed interactions, and nothing escaped as an unhandled error', async () => {
    const reply = await fake.sendCommand({ name: 'echo', options: { text: 'still here' } });
    expect(reply.data.content).toBe('echo: still here');
    expect(log.lines.some((l) => l.includes('unhandled') || l.includes('could not answer'))).toBe(false);
  });
});
