// What the bot can do in a channel, from discord.js's cache (filled by GUILD_CREATE): for `/digest set` and `check`
// (its permissions, the channel's type, the server's language and roles).
import type { Client } from 'discord.js';
import type { ChannelProbe } from '../digest/service';

export function channelProbe(client: Client): ChannelProbe {
  return (guildId, channelId) => {
    const guild = client.guilds.cache.get(guildId);
    const me = guild?.members.me;
    if (!guild || !me) return { status: 'unknown' };
    const channel = guild.channels.cache.get(channelId);
    if (!channel) return { status: 'unknown-channel' };
    return {
      status: 'ok',
      permissions: channel.permissionsFor(me).bitfield,
      channelType: channel.type,
      guildLocale: guild.preferredLocale,
      role: (roleId) => {
        const role = guild.roles.cache.get(roleId);
        return role && { mentionable: role.mentionable };
      },
    };
  };
}
