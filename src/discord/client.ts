// The discord.js client: only the Guilds intent and small caches, since Shiting reads guilds and channels only.
import { Client, GatewayIntentBits, Options } from 'discord.js';
import { restOptions, trackLocalWaits } from './rest';

export interface ClientConfig {
  apiUrl?: string;
}

export function createClient(config: ClientConfig): Client {
  const client = new Client({
    // Guilds gives guilds, channels, roles and the bot's own member: enough for permission checks.
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(config.apiUrl),
    // Interactions arrive with everything a handler needs; nothing else is worth keeping in memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      // The bot's own member is needed for permissionsIn; other members and users are not.
      GuildMemberManager: { maxSize: 1, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    allowedMentions: { parse: [] },
  });
  trackLocalWaits(client.rest);
  return client;
}
