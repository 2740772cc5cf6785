// /digest set|off|status|preview|check — a server's daily "on this date" posts (src/digest does the work).
import {
  type APIApplicationCommandChannelOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { canManageGuild, DEFAULT_TIMEZONE } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { described, description, localized } from '../../src/locale/discord';
import { echo } from '../../src/render/echo';
import type { Messages } from '../../src/render/i18n';
import { ephemeralReply } from '../../src/render/reply';
import type { Command } from '../types';
import { check } from './check';
import { off } from './off';
import { preview } from './preview';
import { set, timeZoneChoices } from './set';
import { status } from './status';

export { timeZoneChoices };

const channelOption = (
  required: boolean,
  pick: (t: Messages) => string,
): APIApplicationCommandChannelOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  name_localizations: localized((t) => t.commands.digest.channel),
  ...description(pick),
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  required,
});

/**
 * Servers only. `contexts` keeps the bot's DM too (not private channels, where it could not post) so that a
 * user who tries it there is told what it is for rather than finding nothing; the handler refuses anywhere
 * without a guild. `default_member_permissions` hides it from members without Manage Server, and the handler
 * checks again because server admins can override that default.
 */
const definition = {
  name: 'digest',
  ...described((t) => t.commands.digest),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      ...described((t) => t.commands.digest.set),
      options: [
        channelOption(true, (t) => t.commands.digest.set.channel),
        {
          type: ApplicationCommandOptionType.String,
          name: 'time',
          ...described((t) => t.commands.digest.set.time),
          min_length: 4,
          max_length: 5,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          name_localizations: localized((t) => t.commands.digest.set.timezone.name),
          ...description((t) => t.commands.digest.set.timezone.description(DEFAULT_TIMEZONE)),
          autocomplete: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'empty_days',
          ...described((t) => t.commands.digest.set.emptyDays),
          choices: [
            {
              name: 'skip',
              name_localizations: localized((t) => t.commands.digest.set.emptyDays.skip),
              value: 'skip',
            },
            {
              name: 'post',
              name_localizations: localized((t) => t.commands.digest.set.emptyDays.post),
              value: 'post',
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'off',
      ...described((t) => t.commands.digest.off),
      options: [channelOption(false, (t) => t.commands.digest.off.channel)],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'status',
      ...described((t) => t.commands.digest.status),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'preview',
      ...described((t) => t.commands.digest.preview),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'date',
          ...described((t) => t.commands.digest.preview.date),
          max_length: 10,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'check',
      ...described((t) => t.commands.digest.check),
      options: [channelOption(false, (t) => t.commands.digest.check.channel)],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const digest: Command = {
  definition,
  async handle(_knowledge, options, context) {
    const t = digestText(context.locale);
    if (!context.guild) return ephemeralReply(t.serversOnly);
    const service = context.services?.digests;
    if (!service) return ephemeralReply(t.unavailable);
    const guildId = context.guild.id;
    switch (options.subcommand) {
      case 'set':
        if (!canManageGuild(context.memberPermissions)) return ephemeralReply(t.needManageGuild);
        return set(service, guildId, options, context);
      case 'off':
        if (!canManageGuild(context.memberPermissions)) return ephemeralReply(t.needManageGuild);
        return off(service, guildId, options, t);
      case 'status':
        return status(service, guildId, context);
      case 'preview':
        return preview(service, guildId, options, context);
      case 'check':
        return check(service, guildId, options, context);
      default:
        return ephemeralReply(t.unknownSubcommand(echo(String(options.subcommand ?? ''))));
    }
  },
  autocomplete(_knowledge, focused, _options, context) {
    if (focused.name !== 'timezone') return [];
    const service = context.services?.digests;
    return timeZoneChoices(focused.value, context.now, [service?.defaultTimezone ?? DEFAULT_TIMEZONE]);
  },
};
