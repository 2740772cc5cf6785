// What /digest may know of a channel without a gateway (no guild cache): only what the interaction carries. Discord
// sends the app's permissions in the channel it was used in (`app_permissions`); of any other channel it says
// nothing the app's permissions could be read from, so those are "cannot tell" and `/digest check` says so.
import type { APIInteraction } from 'discord-api-types/v10';
import type { ChannelProbe } from '../digest/service';

export function interactionProbe(interaction: APIInteraction): ChannelProbe {
  const here = interaction.channel?.id ?? interaction.channel_id;
  const permissions = interaction.app_permissions;
  return (guildId, channelId) => {
    if (interaction.guild_id !== guildId || channelId !== here || !/^\d+$/.test(permissions ?? ''))
      return { status: 'unknown' };
    return { status: 'ok', permissions: BigInt(permissions) };
  };
}
