// The Context a handler sees, built from the raw interaction: who asked, where, in which language, and when.
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
} from 'discord-api-types/v10';
import type { Context, Services } from '../../commands/types';
import { toLocale } from '../locale';

export type CommandInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction;

export function buildContext(interaction: CommandInteraction, now: Date, services?: Services): Context {
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
  if (services) context.services = services;
  return context;
}
