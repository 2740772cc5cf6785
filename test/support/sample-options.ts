// Shared by the tests that send every lookup command through a transport (the gateway, HTTP): each command with
// options a user could pick, taken from the autocomplete that transport answers, and the check that the reply
// Discord got is exactly what the handler returns.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { commands } from '../../commands';
import type { Command, Context, Knowledge, Options } from '../../commands/types';
import type { Locale } from '../../src/locale';
import {
  FAKE_CHANNEL_ID,
  FAKE_DM_CHANNEL_ID,
  FAKE_USER_ID,
  type FakeDiscord,
  type InteractionReply,
} from '../fake-discord';

/** The commands whose options are all plain values (no subcommands): the lookups. */
export const lookupCommands = commands.filter((c) => !(c.definition.options ?? []).some((o) => o.type <= 2));

/** Options for a command: each autocompleted string option takes the first choice `via` offers. */
export async function sampleOptions(
  via: Pick<FakeDiscord, 'sendAutocomplete'>,
  command: Command,
  guildId: string | null,
): Promise<Options> {
  const options: Options = {};
  for (const option of command.definition.options ?? []) {
    if (
      option.type !== ApplicationCommandOptionType.String ||
      !('autocomplete' in option) ||
      !option.autocomplete
    )
      continue;
    const choices = await via.sendAutocomplete({
      name: command.definition.name,
      focused: option.name,
      guildId,
    });
    if (choices[0]) options[option.name] = String(choices[0].value);
  }
  return options;
}

/** Asserts that `reply` is what the handler answers in the fake's server (or its DM, without `guildId`). */
export async function expectHandlerPayload(
  knowledge: Knowledge,
  command: Command,
  options: Options,
  where: { guildId: string | null; locale: Locale; now: Date },
  reply: InteractionReply,
): Promise<void> {
  const { guildId, locale, now } = where;
  const context: Context = {
    locale,
    now,
    user: { id: FAKE_USER_ID, name: 'tester' },
    guild: guildId ? { id: guildId } : undefined,
    channelId: guildId ? FAKE_CHANNEL_ID : FAKE_DM_CHANNEL_ID,
  };
  const expected = await command.handle(knowledge, options, context);
  expect(reply.data.content ?? '').toEqual(expected.payload.content ?? '');
  expect(reply.data.embeds ?? []).toEqual(expected.payload.embeds ?? []);
  expect(reply.ephemeral).toBe(((expected.payload.flags ?? 0) & 64) !== 0);
  expect(reply.files.map((f) => f.name)).toEqual((expected.files ?? []).map((f) => f.name));
  // A real answer, not the error boundary's.
  expect(JSON.stringify(reply.data)).not.toContain('error id');
}
