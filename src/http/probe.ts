// What /digest may know of a channel without a gateway (no guild cache): only what the interaction carries. Discord
// sends the app's permissions in the channel it was used in (`app_permissions`); of any other channel it says
// nothing the app's permissions could be read from, so those are "cannot tell" and `/digest check` says so. A
// channel or role named in an option arrives resolved, with its type or mentionability, and the server's locale
// comes with every guild interaction: those are used whichever channel it is.
import { type APIInteraction, InteractionType } from 'discord-api-types/v10';
import type { ChannelProbe, ProbeResult } from '../digest/service';

type Resolved = {
  channels?: Record<string, { type: number }>;
  roles?: Record<string, { mentionable: boolean }>;
};

function resolvedOf(interaction: APIInteraction): Resolved | undefined {
  if (interaction.type !== InteractionType.ApplicationCommand) return undefined;
  const data = interaction.data as { resolved?: Resolved };
  return data.resolved;
}

export function interactionProbe(interaction: APIInteraction): ChannelProbe {
  const here = interaction.channel?.id ?? interaction.channel_id;
  const permissions = interaction.app_permissions;
  const resolved = resolvedOf(interaction);
  const guildLocale = interaction.guild_locale;
  return (guildId, channelId): ProbeResult => {
    if (interaction.guild_id !== guildId) return { status: 'unknown' };
    const channelType =
      resolved?.channels?.[channelId]?.type ?? (channelId === here ? interaction.channel?.type : undefined);
    if (channelId !== here || !/^\d+$/.test(permissions ?? ''))
      return { status: 'unknown', channelType, guildLocale };
    const roles = resolved?.roles;
    return {
      status: 'ok',
      permissions: BigInt(permissions),
      channelType,
      guildLocale,
      // Only the roles an option named are known; without any, the runtime cannot tell (absent, not "no such role").
      ...(roles ? { role: (id: string) => roles[id] } : {}),
    };
  };
}
