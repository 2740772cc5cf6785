// The Context a handler sees, built from the raw interaction: who asked, where, in which language, and when.
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
} from 'discord-api-types/v10';
import type { Context, Services } from '../../commands/types';
import { toLocale } from '../locale';

export type CommandInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIMessageApplicationCommandInteraction
  | APIMessageComponentInteraction;

/** What the runtime adds to every Context: handlers' services and the zone that decides "today". */
export interface RuntimeContext {
  /** The same for every interaction, or made for each (serve's digest checks read the interaction's own payload). */
  services?: Services | ((interaction: CommandInteraction) => Services);
  timeZone?: string;
}

export function buildContext(
  interaction: CommandInteraction,
  now: Date,
  runtime: RuntimeContext = {},
): Context {
  const user = interaction.member?.user ?? interaction.user;
  const context: Context = {
    locale: toLocale(interaction.locale),
    now,
    user: { id: user?.id ?? '0', name: user?.global_name ?? user?.username },
  };
  if (interaction.guild_id) context.guild = { id: interaction.guild_id };
  const channelId = interaction.channel?.id ?? interaction.channel_id;
  if (channelId) context.channelId = channelId;
  if (interaction.member) context.memberPermissions = BigInt(interaction.member.permissions);
  if (runtime.timeZone) context.timeZone = runtime.timeZone;
  const services = typeof runtime.services === 'function' ? runtime.services(interaction) : runtime.services;
  if (services) context.services = services;
  return context;
}
