// Turns an interaction's option tree into the flat Options handlers take: subcommands under `subcommand`.
import {
  type APIApplicationCommandInteractionDataOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import type { Options } from '../../commands/types';

export interface ParsedOptions {
  options: Options;
  /** The option being typed, in an autocomplete interaction. */
  focused?: { name: string; value: string };
}

export function parseOptions(
  list: readonly APIApplicationCommandInteractionDataOption[] | undefined,
): ParsedOptions {
  const options: Options = {};
  let focused: ParsedOptions['focused'];
  const walk = (items: readonly APIApplicationCommandInteractionDataOption[]) => {
    for (const option of items) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
        options.subcommandGroup = option.name;
        walk(option.options);
      } else if (option.type === ApplicationCommandOptionType.Subcommand) {
        options.subcommand = option.name;
        walk(option.options ?? []);
      } else {
        options[option.name] = option.value;
        if ('focused' in option && option.focused)
          focused = { name: option.name, value: String(option.value) };
      }
    }
  };
  walk(list ?? []);
  return focused ? { options, focused } : { options };
}
