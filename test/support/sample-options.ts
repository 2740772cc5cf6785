// Shared by the tests that send every lookup command through a transport (the gateway, HTTP): each command with
// options a user could pick, taken from the autocomplete that transport answers.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commands } from '../../commands';
import type { Command, Options } from '../../commands/types';
import type { FakeDiscord } from '../fake-discord';

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
