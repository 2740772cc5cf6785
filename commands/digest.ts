// /digest set|off|status|preview|check — a server's daily "on this date" posts (src/digest does the work).
import {
  type APIApplicationCommandChannelOption,
  type APIEmbed,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import {
  type CheckEntry,
  canManageGuild,
  DEFAULT_TIMEZONE,
  type DigestService,
  NEEDED_PERMISSIONS,
} from '../src/digest/service';
import { type DigestText, digestText } from '../src/digest/text';
import { fitChoice, LIMITS } from '../src/discord-limits';
import { described, description, localized } from '../src/locale/discord';
import { echo } from '../src/render/echo';
import type { Messages } from '../src/render/i18n';
import { embedReply, ephemeralReply } from '../src/render/reply';
import type { Choice } from '../src/search/lookup-types';
import type { Command, Context, Options, Reply } from './types';

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

const str = (value: Options[string]) => (value === undefined ? undefined : String(value));

function ephemeralEmbed(embed: APIEmbed, content?: string): Reply {
  const reply = embedReply([embed], content);
  return { ...reply, payload: { ...reply.payload, flags: MessageFlags.Ephemeral } };
}

/** "2025-06-11 09:00 Asia/Shanghai": a run in the subscription's own zone. */
function localTime(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm')} ${zone}`;
}

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

async function set(
  service: DigestService,
  guildId: string,
  options: Options,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const channelId = str(options.channel);
  if (!channelId) return ephemeralReply(t.checkNoChannel);
  // Discord's client offers only this server's channels, but the interaction's option is just an id: refuse
  // another server's, an unknown one or one that is no id at all, before anything is saved.
  if ((await service.channelInGuild(guildId, channelId)) === false)
    return ephemeralReply(t.badChannel(/^\d{1,20}$/.test(channelId) ? channelId : undefined));
  const result = await service.set(
    {
      guildId,
      channelId,
      time: str(options.time),
      timezone: str(options.timezone),
      emptyDays: str(options.empty_days),
      locale: context.locale,
    },
    context.now,
  );
  if (!result.ok) {
    if (result.error === 'channel') return ephemeralReply(t.badChannel(undefined));
    if (result.error === 'time') return ephemeralReply(t.badTime(echo(result.value)));
    if (result.error === 'timezone') return ephemeralReply(t.badTimezone(echo(result.value)));
    if (result.error === 'empty-days') return ephemeralReply(t.badEmptyDays(echo(result.value)));
    return ephemeralReply(t.tooMany(result.max));
  }
  const sub = result.subscription;
  const how = result.created ? 'created' : result.resumed ? 'resumed' : 'updated';
  const lines = [
    t.saved(how, channelId, t.schedule(sub.time, sub.timezone), t.emptyDays(sub.emptyDays)),
    t.nextRun(localTime(result.nextRun, sub.timezone), unix(result.nextRun)),
  ];
  // Say now what would make it pause later, instead of letting it stop silently.
  const [checked] = (await service.check(guildId, [channelId])) ?? [];
  if (checked?.result.status === 'ok' && checked.result.missing.length > 0)
    lines.push(t.warnMissing(channelId, checked.result.missing.map(t.permission).join(t.list)));
  return ephemeralReply(lines.join('\n'));
}

async function off(service: DigestService, guildId: string, options: Options, t: DigestText): Promise<Reply> {
  const channelId = str(options.channel);
  const stopped = await service.off(guildId, channelId);
  if (stopped.length === 0) return ephemeralReply(t.offNone(channelId));
  return ephemeralReply(t.offDone(stopped.map((s) => s.channelId)));
}

async function status(service: DigestService, guildId: string, context: Context): Promise<Reply> {
  const t = digestText(context.locale);
  const entries = await service.status(guildId, context.now);
  if (entries.length === 0) return ephemeralReply(t.statusNone);
  const blocks = entries.map(({ subscription: s, nextRun }) => {
    const lines = [`**<#${s.channelId}>** — ${t.schedule(s.time, s.timezone)}; ${t.emptyDays(s.emptyDays)}`];
    if (s.pausedReason) lines.push(t.statusPaused(t.pauseReason(s.pausedReason), s.channelId));
    else if (nextRun) lines.push(t.statusNext(localTime(nextRun, s.timezone), unix(nextRun)));
    const lastPost = s.lastPostAt ? unix(new Date(s.lastPostAt)) : undefined;
    lines.push(t.statusLastPost(s.lastPostDate, lastPost));
    if (s.lastError) lines.push(t.statusLastError(s.lastError));
    return lines.join('\n');
  });
  return ephemeralEmbed({ title: t.statusTitle, description: blocks.join('\n\n') });
}

async function preview(
  service: DigestService,
  guildId: string,
  options: Options,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const given = str(options.date);
  const shown = await service.preview(guildId, given, context.locale, context.now);
  if (!shown) return ephemeralReply(t.badDate(echo(given ?? '')));
  const [embed] = shown.message.embeds;
  return embed ? ephemeralEmbed(embed, t.previewOf(shown.date)) : ephemeralReply(t.previewOf(shown.date));
}

/** The channels `check` looks at: the one named, else those subscribed, else the one it was used in. */
function channelsToCheck(
  given: string | undefined,
  subscribed: string[],
  here: string | undefined,
): string[] {
  if (given) return [given];
  if (subscribed.length > 0) return subscribed;
  return here ? [here] : [];
}

/** One channel's line of the `check` answer; `all` names every permission the digest needs. */
function checkLine(t: DigestText, { channelId, result }: CheckEntry, all: string): string {
  switch (result.status) {
    case 'unknown-channel':
      return t.checkUnknownChannel(channelId);
    case 'unknown':
      return t.checkUnknown(channelId);
    case 'ok':
      return result.missing.length === 0
        ? t.checkOk(channelId, all)
        : t.checkMissing(channelId, result.missing.map(t.permission).join(t.list));
  }
}

async function check(
  service: DigestService,
  guildId: string,
  options: Options,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const channels = channelsToCheck(str(options.channel), await service.channels(guildId), context.channelId);
  if (channels.length === 0) return ephemeralReply(t.checkNoChannel);
  const entries = await service.check(guildId, channels);
  if (!entries) return ephemeralReply(t.checkUnavailable);
  const all = (Object.keys(NEEDED_PERMISSIONS) as (keyof typeof NEEDED_PERMISSIONS)[])
    .map(t.permission)
    .join(t.list);
  const lines = entries.map((entry) => {
    const line = checkLine(t, entry, all);
    const paused = entry.subscription?.pausedReason;
    return paused ? `${line}\n${t.checkPaused(t.pauseReason(paused))}` : line;
  });
  return ephemeralEmbed({ title: t.checkTitle, description: lines.join('\n') });
}

interface ZoneName {
  zone: string;
  lower: string;
  parts: string[];
}

const zoneName = (zone: string): ZoneName => {
  const lower = zone.toLowerCase();
  return { zone, lower, parts: lower.split('/') };
};

let knownZones: readonly ZoneName[] | undefined;

/** Every zone Intl knows (and UTC), lowercased once: autocomplete asks on every keystroke. */
function allZones(): readonly ZoneName[] {
  knownZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')].map(zoneName);
  return knownZones;
}

/** Zones from Intl, ranked: a part starting with what was typed, then containing it. Offsets as of `now`. */
export function timeZoneChoices(typed: string, now: Date, preferred: readonly string[] = []): Choice[] {
  const query = typed.trim().toLowerCase().replaceAll(' ', '_');
  let ranked: string[] = [...preferred, ...POPULAR_ZONES];
  if (query) {
    const starting: string[] = [];
    const containing: string[] = [];
    for (const z of [...preferred.map(zoneName), ...allZones()]) {
      if (z.parts.some((part) => part.startsWith(query))) starting.push(z.zone);
      else if (z.lower.includes(query)) containing.push(z.zone);
    }
    ranked = [...starting, ...containing];
  }
  return [...new Set(ranked)].slice(0, LIMITS.autocomplete.choices).map((zone) => ({
    name: fitChoice(`${zone} (UTC${DateTime.fromJSDate(now, { zone }).toFormat('ZZ')})`),
    value: zone,
  }));
}

/** Offered before anything is typed: where the audience mostly is, then the big zones elsewhere. */
const POPULAR_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'UTC',
];

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
