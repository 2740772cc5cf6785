// /digest set channel:<#channel> [time] [timezone] [empty_days] [language] [role] [clear_role] [thread] [publish]
// — start, change or resume a channel's digest. An option left out keeps its current value.
import { DateTime } from 'luxon';
import { channelKind } from '../../src/digest/needs';
import type { DigestService, SetError } from '../../src/digest/service';
import type { Subscription } from '../../src/digest/store';
import { type DigestText, digestText } from '../../src/digest/text';
import { fitChoice, LIMITS } from '../../src/discord-limits';
import { echo } from '../../src/render/echo';
import { ephemeralReply } from '../../src/render/reply';
import type { Choice } from '../../src/search/lookup-types';
import type { Context, Reply } from '../types';
import type { DigestOptions } from './index';
import { localTime, unix } from './shared';

export async function set(
  service: DigestService,
  guildId: string,
  // empty_days and language as any text: a value that is not a choice comes here too, for the service to refuse.
  options: Omit<DigestOptions<'set'>, 'empty_days' | 'language'> & {
    empty_days?: string | undefined;
    language?: string | undefined;
  },
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const channelId = options.channel;
  // Required, so always given, but the console can give it empty.
  if (!channelId) return ephemeralReply(t.checkNoChannel);
  // Discord's client offers only this server's channels, but the interaction's option is just an id: refuse
  // another server's, an unknown one or one that is no id at all, before anything is saved.
  if ((await service.channelInGuild(guildId, channelId)) === false)
    return ephemeralReply(t.badChannel(/^\d{1,20}$/.test(channelId) ? channelId : undefined));
  const result = await service.set(
    {
      guildId,
      channelId,
      time: options.time,
      timezone: options.timezone,
      emptyDays: options.empty_days,
      language: options.language,
      roleId: options.role,
      clearRole: options.clear_role === true,
      thread: options.thread,
      publish: options.publish,
    },
    context.now,
  );
  if (!result.ok) return ephemeralReply(setError(t, channelId, result));
  const sub = result.subscription;
  const how = result.created ? 'created' : result.resumed ? 'resumed' : 'updated';
  const lines = [
    t.saved(how, channelId, t.schedule(sub.time, sub.timezone), t.emptyDays(sub.emptyDays)),
    `${shapeLine(t, sub)}.`,
    t.nextRun(localTime(result.nextRun, sub.timezone), unix(result.nextRun)),
  ];
  if (result.wasPaused) lines.push(t.resumedFrom(t.pauseReason(result.wasPaused)));
  // Say now what would make it pause (or not ping) later, instead of letting it stop silently.
  const [checked] = (await service.check(guildId, [channelId])) ?? [];
  if (checked?.result.status === 'ok') {
    if (checked.result.missing.length > 0)
      lines.push(t.warnMissing(channelId, checked.result.missing.map(t.permission).join(t.list)));
    for (const line of checked.result.lines)
      if (line.need === 'mention' && !line.ok) lines.push(t.checkMention(line.roleId, line.how));
  }
  return ephemeralReply(lines.join('\n'));
}

/** Language, ping, forum post, thread, publish: how a digest is shaped, as set and status say it. */
export function shapeLine(t: DigestText, sub: Subscription): string {
  return t.shape({
    language: t.languageName(sub.locale),
    role: sub.roleId,
    thread: sub.thread,
    publish: sub.publish,
    forum: channelKind(sub.channelType) === 'forum',
  });
}

function setError(t: DigestText, channelId: string, result: SetError): string {
  switch (result.error) {
    case 'channel':
      return t.badChannel(undefined);
    case 'time':
      return t.badTime(echo(result.value));
    case 'timezone':
      return t.badTimezone(echo(result.value));
    case 'empty-days':
      return t.badEmptyDays(echo(result.value));
    case 'language':
      return t.badLanguage(echo(result.value));
    case 'channel-type':
      return t.badChannelType(channelId);
    case 'thread':
      return t.badThread(channelId, result.kind === 'forum');
    case 'publish':
      return t.badPublish(channelId);
    case 'role-everyone':
      return t.roleEveryone;
    case 'unknown-role':
      return t.unknownRole(result.roleId);
    case 'too-many':
      return t.tooMany(result.max);
  }
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
