// What /digest does to subscriptions (set, off, status, preview, check) and what the Discord runtime tells it.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { isCalendarDay } from '../calendar';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { Locale } from '../locale';
import { type DigestMessage, renderDigest } from './payload';
import { localDateAt, nextRun, parseTime, parseTimeZone } from './schedule';
import { digestDate, selectDigest } from './select';
import type { DigestStore, EmptyDays, Subscription } from './store';

const DEFAULT_TIME = '09:00';
/** Shiting's conferences happen in China; servers can choose any other zone. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** Enough for any server's real use; stops one server from filling the scheduler. */
const MAX_PER_GUILD = 10;

/** The permissions a digest needs in its channel, in the order `/digest check` lists them. */
export const NEEDED_PERMISSIONS = {
  'View Channel': PermissionFlagsBits.ViewChannel,
  'Send Messages': PermissionFlagsBits.SendMessages,
  'Embed Links': PermissionFlagsBits.EmbedLinks,
} as const;
export type NeededPermission = keyof typeof NEEDED_PERMISSIONS;

/** What the Discord runtime knows about the bot in a channel. */
export type ProbeResult =
  | { status: 'ok'; permissions: bigint }
  | { status: 'unknown-channel' }
  /** The runtime cannot tell (guild not cached, outage). */
  | { status: 'unknown' };
export type ChannelProbe = (guildId: string, channelId: string) => ProbeResult | Promise<ProbeResult>;

export interface SetInput {
  guildId: string;
  channelId: string;
  /** Raw option values; absent ones keep the subscription's current value (or the default). */
  time?: string;
  timezone?: string;
  emptyDays?: string;
  locale: Locale;
}

export type SetError =
  /** Not a channel id at all (a snowflake is 17–20 digits). */
  | { error: 'channel'; value: string }
  | { error: 'time'; value: string }
  | { error: 'timezone'; value: string }
  | { error: 'empty-days'; value: string }
  | { error: 'too-many'; max: number };

export type SetResult =
  | { ok: true; subscription: Subscription; created: boolean; resumed: boolean; nextRun: Date }
  | ({ ok: false } & SetError);

export interface StatusEntry {
  subscription: Subscription;
  /** Undefined while paused. */
  nextRun?: Date;
}

export interface CheckEntry {
  channelId: string;
  subscription?: Subscription;
  result:
    | { status: 'ok'; missing: NeededPermission[] }
    | { status: 'unknown-channel' }
    | { status: 'unknown' };
}

export interface Preview {
  date: string;
  message: DigestMessage;
}

export interface DigestServiceOptions {
  store: DigestStore;
  knowledge: () => KnowledgeBase;
  defaultTimezone?: string;
  /** Injected by the Discord runtime; without it `/digest check` says it cannot tell. */
  probe?: ChannelProbe;
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Missing digest permissions in a permission bitfield (Administrator implies all). */
function missingPermissions(permissions: bigint): NeededPermission[] {
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return [];
  return (Object.keys(NEEDED_PERMISSIONS) as NeededPermission[]).filter(
    (name) => (permissions & NEEDED_PERMISSIONS[name]) === 0n,
  );
}

export function canManageGuild(permissions: bigint | undefined): boolean {
  if (permissions === undefined) return false;
  return (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

/** A digest for a local date, rendered: what preview, the console and deliveries show. */
export function digestFor(kb: KnowledgeBase, date: string, locale: Locale): DigestMessage {
  return renderDigest(kb, selectDigest(kb, date), locale);
}

export class DigestService {
  readonly defaultTimezone: string;

  constructor(private readonly options: DigestServiceOptions) {
    this.defaultTimezone = parseTimeZone(options.defaultTimezone ?? DEFAULT_TIMEZONE) ?? DEFAULT_TIMEZONE;
  }

  /** Create, change or resume (guild, channel)'s digest. Nothing changes when an option is invalid. */
  async set(input: SetInput, now: Date): Promise<SetResult> {
    const { store } = this.options;
    if (!SNOWFLAKE.test(input.channelId)) return { ok: false, error: 'channel', value: input.channelId };
    const before = await store.find(input.guildId, input.channelId);
    const time = input.time === undefined ? (before?.time ?? DEFAULT_TIME) : parseTime(input.time);
    if (!time) return { ok: false, error: 'time', value: input.time ?? '' };
    const timezone =
      input.timezone === undefined
        ? (before?.timezone ?? this.defaultTimezone)
        : parseTimeZone(input.timezone);
    if (!timezone) return { ok: false, error: 'timezone', value: input.timezone ?? '' };
    const emptyDays = input.emptyDays ?? before?.emptyDays ?? 'skip';
    if (emptyDays !== 'skip' && emptyDays !== 'post')
      return { ok: false, error: 'empty-days', value: emptyDays };
    if (!before?.enabled && (await store.forGuild(input.guildId)).length >= MAX_PER_GUILD)
      return { ok: false, error: 'too-many', max: MAX_PER_GUILD };
    const saved = await store.save(
      {
        guildId: input.guildId,
        channelId: input.channelId,
        time,
        timezone,
        emptyDays: emptyDays as EmptyDays,
        locale: input.locale,
      },
      now,
    );
    return { ok: true, ...saved, nextRun: nextRun(saved.subscription, now) };
  }

  /**
   * Whether a channel is one of the server's, from what the runtime knows (the guild's channels): false for
   * something that is not a channel id, another server's channel or an unknown one; undefined when it cannot tell.
   */
  async channelInGuild(guildId: string, channelId: string): Promise<boolean | undefined> {
    if (!SNOWFLAKE.test(channelId)) return false;
    const { probe } = this.options;
    if (!probe) return undefined;
    const found = await probe(guildId, channelId);
    return found.status === 'unknown' ? undefined : found.status === 'ok';
  }

  /** Delete one channel's digest, or all of the server's, with their delivery records (see PRIVACY.md). */
  off(guildId: string, channelId?: string): Promise<Subscription[]> {
    return this.options.store.remove(guildId, channelId);
  }

  async status(guildId: string, now: Date): Promise<StatusEntry[]> {
    return (await this.options.store.forGuild(guildId)).map((subscription) => ({
      subscription,
      nextRun: subscription.pausedReason ? undefined : nextRun(subscription, now),
    }));
  }

  /**
   * The digest for `date` (YYYY-MM-DD, or MM-DD in the current year), by default today in the zone of the
   * server's first digest (or the default zone). Undefined when the date is not a real day.
   */
  async preview(
    guildId: string | undefined,
    date: string | undefined,
    locale: Locale,
    now: Date,
  ): Promise<Preview | undefined> {
    const first = guildId ? (await this.options.store.forGuild(guildId))[0] : undefined;
    const zone = first?.timezone || this.defaultTimezone;
    const today = localDateAt(now, zone);
    const full = digestDate(date, today);
    if (!isCalendarDay(full)) return undefined;
    return { date: full, message: digestFor(this.options.knowledge(), full, locale) };
  }

  /** Which needed permissions the bot lacks in a channel, or in each of the server's digest channels. */
  async check(guildId: string, channelIds: readonly string[]): Promise<CheckEntry[] | undefined> {
    const { probe, store } = this.options;
    if (!probe) return undefined;
    const entries: CheckEntry[] = [];
    for (const channelId of channelIds) {
      const found = await probe(guildId, channelId);
      const subscription = await store.find(guildId, channelId);
      const result =
        found.status === 'ok'
          ? { status: 'ok' as const, missing: missingPermissions(found.permissions) }
          : found;
      entries.push({ channelId, subscription: subscription?.enabled ? subscription : undefined, result });
    }
    return entries;
  }

  /** The channels `/digest check` looks at by default: the server's digest channels. */
  async channels(guildId: string): Promise<string[]> {
    return (await this.options.store.forGuild(guildId)).map((s) => s.channelId);
  }

  /**
   * The bot left (or was removed from) a server: pause its digests, keeping every setting. Call on GUILD_DELETE
   * only when `unavailable` is not true (an outage is not a leave).
   */
  guildLeft(guildId: string, now: Date): Promise<number> {
    return this.options.store.pauseGuild(guildId, 'left-guild', now);
  }

  /** The bot is (back) in a server: resume digests paused because it had left, with no backlog. */
  guildJoined(guildId: string, now: Date): Promise<number> {
    return this.options.store.resumeGuild(guildId, 'left-guild', now);
  }
}
