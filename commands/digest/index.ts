// /digest set|off|status|preview|check|test — a server's daily "on this date" posts (src/digest does the work).
import {
  type APIApplicationCommandChannelOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DIGEST_CHANNEL_TYPES } from '../../src/digest/needs';
import { canManageGuild, DEFAULT_TIMEZONE, type DigestService } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { LOCALES } from '../../src/locale';
import { described, description, localized } from '../../src/locale/discord';
import { echo } from '../../src/render/echo';
import type { Messages } from '../../src/render/i18n';
import { ephemeralReply } from '../../src/render/reply';
import { defineCommand, readOptions, type SubcommandOptions } from '../define';
import type { Context, Reply } from '../types';
import { check } from './check';
import { off } from './off';
import { preview } from './preview';
import { set, timeZoneChoices } from './set';
import { status } from './status';
import { test } from './test';

export { timeZoneChoices };

// Generic in `required`, and typed by hand, so that each subcommand's options type knows whether `channel` is
// always there: inferred inside the definition's `satisfies`, `required` would widen to boolean.
const channelOption = <Required extends boolean>(
  required: Required,
  pick: (t: Messages) => string,
): APIApplicationCommandChannelOption & { name: 'channel'; required: Required } => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  name_localizations: localized((t) => t.commands.digest.channel),
  ...description(pick),
  channel_types: [...DIGEST_CHANNEL_TYPES],
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
        {
          type: ApplicationCommandOptionType.String,
          name: 'language',
          ...described((t) => t.commands.digest.set.language),
          // Each language named in itself, as a language picker does.
          choices: LOCALES.map((l) => ({ name: digestText(l).languageName(l), value: l })),
        },
        {
          type: ApplicationCommandOptionType.Role,
          name: 'role',
          ...described((t) => t.commands.digest.set.role),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'clear_role',
          ...described((t) => t.commands.digest.set.clearRole),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'thread',
          ...described((t) => t.commands.digest.set.thread),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'publish',
          ...described((t) => t.commands.digest.set.publish),
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
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'test',
      ...described((t) => t.commands.digest.test),
      options: [channelOption(false, (t) => t.commands.digest.test.channel)],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The options of one subcommand, as its handler takes them. */
export type DigestOptions<Name extends string> = SubcommandOptions<typeof definition, Name>;

type Guarded = { ok: true; service: DigestService; guildId: string } | { ok: false; reply: Reply };

/** What every subcommand needs first: a server, the digest service, and Manage Server to change anything. */
function guard(context: Context, subcommand: string | undefined): Guarded {
  const t = digestText(context.locale);
  if (!context.guild) return { ok: false, reply: ephemeralReply(t.serversOnly) };
  const service = context.services?.digests;
  if (!service) return { ok: false, reply: ephemeralReply(t.unavailable) };
  if (
    (subcommand === 'set' || subcommand === 'off' || subcommand === 'test') &&
    !canManageGuild(context.memberPermissions)
  )
    return { ok: false, reply: ephemeralReply(t.needManageGuild) };
  return { ok: true, service, guildId: context.guild.id };
}

export const digest = defineCommand(definition, {
  // As before the options were typed: an option this definition lacks (a stale deployment) is ignored.
  ignoreUnknownOptions: true,
  async handle(_knowledge, options, context) {
    const guarded = guard(context, options.subcommand);
    if (!guarded.ok) return guarded.reply;
    const { service, guildId } = guarded;
    switch (options.subcommand) {
      case 'set':
        return set(service, guildId, options, context);
      case 'off':
        return off(service, guildId, options, digestText(context.locale));
      case 'test':
        return test(service, guildId, options, context);
      case 'status':
        return status(service, guildId, context);
      case 'preview':
        return preview(service, guildId, options, context);
      case 'check':
        return check(service, guildId, options, context);
    }
  },
  // Each problem is told after the same checks, in the same order, as when the handler read raw options.
  async invalid(problem, _knowledge, raw, context) {
    const guarded = guard(context, problem.kind === 'subcommand' ? undefined : problem.subcommand);
    if (!guarded.ok) return guarded.reply;
    const t = digestText(context.locale);
    if (problem.kind === 'subcommand') return ephemeralReply(t.unknownSubcommand(echo(problem.given ?? '')));
    // set's channel is the one required option.
    if (problem.kind === 'missing') return ephemeralReply(t.checkNoChannel);
    if (problem.kind === 'choice' && (problem.name === 'empty_days' || problem.name === 'language')) {
      // The service names a bad choice only after checking the channel, time and zone: let it. The rest
      // reads (a missing channel, checked first, would have been the problem).
      const rest = readOptions(definition, { ...raw, [problem.name]: undefined }, { ignoreUnknown: true });
      if (rest.ok && rest.options.subcommand === 'set')
        return set(
          guarded.service,
          guarded.guildId,
          { ...rest.options, [problem.name]: String(problem.value) },
          context,
        );
    }
    throw new Error(`/digest: unexpected option problem ${JSON.stringify(problem)}`);
  },
  autocomplete(_knowledge, focused, _options, context) {
    if (focused.name !== 'timezone') return [];
    const service = context.services?.digests;
    return timeZoneChoices(focused.value, context.now, [service?.defaultTimezone ?? DEFAULT_TIMEZONE]);
  },
});
