// What /digest does to subscriptions (set, off, status, preview, check) and what the Discord runtime tells it.
import type { REST } from '@discordjs/rest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { isCalendarDay } from '../calendar';
import { discordApiRefusal, discordRateLimit } from '../discord/api-errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { LOCALES, type Locale, toLocale } from '../locale';
import {
  type ChannelKind,
  channelKind,
  type DigestShape,
  missingRequired,
  type NeededPermission,
  type NeedLine,
  needLines,
} from './needs';
import { type DigestMessage, digestTitle, markedAsTest, renderDigest } from './payload';
import { type FollowUpProblem, messageUrl, postDigest } from './post';
import { localDateAt, nextRun, parseTime, parseTimeZone } from './schedule';
import { digestDate, selectDigest } from './select';
import type { DigestStore, EmptyDays, PauseReason, Subscription } from './store';

export type { NeededPermission };

const DEFAULT_TIME = '09:00';
/** Shiting's conferences happen in China; servers can choose any other zone. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** Enough for any server's real use; stops one server from filling the scheduler. */
const MAX_PER_GUILD = 10;

/** What the Discord runtime knows about the bot in a channel. */
export type ProbeResult =
  | {
      status: 'ok';
      permissions: bigint;
      /** Discord's channel type; absent when the runtime cannot tell. */
      channelType?: number;
      /** The server's preferred locale (Discord's tag, e.g. zh-CN): the default language of a new digest. */
      guildLocale?: string;
      /** A role of the server, by id: undefined when there is no such role. Absent when the runtime cannot tell. */
      role?: (roleId: string) => { mentionable: boolean } | undefined;
    }
  | { status: 'unknown-channel' }
  /**
   * The runtime cannot tell the bot's permissions (guild not cached, outage, or over HTTP a channel other than the
   * interaction's); it may still know the channel's type and the server's locale from the interaction itself.
   */
  | { status: 'unknown'; channelType?: number; guildLocale?: string };
export type ChannelProbe = (guildId: string, channelId: string) => ProbeResult | Promise<ProbeResult>;

export interface SetInput {
  guildId: string;
  channelId: string;
  /** Raw option values; absent ones keep the subscription's current value (or the default). */
  time?: string;
  timezone?: string;
  emptyDays?: string;
  /** en-US, zh-CN or zh-TW; absent keeps the current one, or for a new digest the server's language (else en-US). */
  language?: string;
  /** The role to ping; absent keeps the current one. */
  roleId?: string;
  /** Ping no role any more (Discord cannot send an empty role option). */
  clearRole?: boolean;
  thread?: boolean;
  publish?: boolean;
}

export type SetError =
  /** Not a channel id at all (a snowflake is 17–20 digits). */
  | { error: 'channel'; value: string }
  | { error: 'time'; value: string }
  | { error: 'timezone'; value: string }
  | { error: 'empty-days'; value: string }
  | { error: 'language'; value: string }
  /** A voice channel, a category, a private thread…: not somewhere a digest can go. */
  | { error: 'channel-type'; channelType: number }
  /** thread:true where threads cannot be opened on a message (a forum, a thread). */
  | { error: 'thread'; kind: ChannelKind }
  /** publish:true outside an announcement channel. */
  | { error: 'publish'; kind: ChannelKind }
  /** @everyone (the role whose id is the server's) is never pinged. */
  | { error: 'role-everyone' }
  | { error: 'unknown-role'; roleId: string }
  | { error: 'too-many'; max: number };

export type SetResult =
  | {
      ok: true;
      subscription: Subscription;
      created: boolean;
      resumed: boolean;
      /** Why it had been paused, when this set resumed it. */
      wasPaused?: PauseReason;
      nextRun: Date;
    }
  | ({ ok: false } & SetError);

export interface StatusEntry {
  subscription: Subscription;
  /** Undefined while paused. */
  nextRun?: Date;
}

export interface CheckEntry {
  channelId: string;
  subscription?: Subscription;
  result: /** `lines`: one per need of the digest's shape; `missing`: the required permissions among them not granted. */
    | { status: 'ok'; lines: NeedLine[]; missing: NeededPermission[] }
    | { status: 'unknown-channel' }
    | { status: 'unknown' };
}

/** What `/digest test` did: the post's link (and any step after it that failed), or why there was no post. */
export type TestResult =
  | { status: 'posted'; url: string; problems: FollowUpProblem[] }
  | { status: 'failed'; channelId: string; failure: TestFailure }
  | { status: 'no-subscription'; channelId?: string }
  | { status: 'which'; channelIds: string[] }
  | { status: 'unavailable' };

export type TestFailure =
  | { kind: 'missing-access' }
  | { kind: 'missing-permission'; permissions: NeededPermission[] }
  | { kind: 'unknown-channel' }
  | { kind: 'tag-required' }
  | { kind: 'rate-limited' }
  | { kind: 'other'; detail: string };

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
  /** The bot's REST client, for `/digest test`; without it the test says it cannot post from here. */
  rest?: REST;
}

const SNOWFLAKE = /^\d{17,20}$/;

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The shape of a subscription (or of one about to be saved), as `needLines` takes it. */
function shapeOf(s: Pick<Subscription, 'channelType' | 'roleId' | 'thread' | 'publish'>): DigestShape {
  return {
    kind: channelKind(s.channelType) ?? 'text',
    roleId: s.roleId,
    thread: s.thread,
    publish: s.publish,
  };
}

/** The permissions a failed post's 403 most likely means, from what the runtime knows of the channel. */
function missingFor(found: ProbeResult | undefined, shape: DigestShape): NeededPermission[] {
  return found?.status === 'ok' ? missingRequired(needLines(shape, found.permissions)) : [];
}

export function canManageGuild(permissions: bigint | undefined): boolean {
  if (permissions === undefined) return false;
  return (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
}

/** A digest for a local date, rendered: what preview, the console and deliveries show. */
export function digestFor(kb: KnowledgeBase, date: string, locale: Locale): DigestMessage {
  return renderDigest(kb, selectDigest(kb, date), locale);
}

/** Why a test post failed, as something a server admin can fix. */
function testFailure(error: unknown, found: ProbeResult | undefined, shape: DigestShape): TestFailure {
  if (discordRateLimit(error)) return { kind: 'rate-limited' };
  const refusal = discordApiRefusal(error);
  if (refusal?.code === 50001) return { kind: 'missing-access' };
  if (refusal?.code === 50013) return { kind: 'missing-permission', permissions: missingFor(found, shape) };
  if (refusal?.status === 404) return { kind: 'unknown-channel' };
  if (refusal?.code === 40067) return { kind: 'tag-required' };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}

export class DigestService {
  readonly defaultTimezone: string;

  constructor(private readonly options: DigestServiceOptions) {
    this.defaultTimezone = parseTimeZone(options.defaultTimezone ?? DEFAULT_TIMEZONE) ?? DEFAULT_TIMEZONE;
  }

  /** Create, change or resume (guild, channel)'s digest. Nothing changes when an option is invalid. */
  async set(input: SetInput, now: Date): Promise<SetResult> {
    const { store, probe } = this.options;
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
    if (input.language !== undefined && !isLocale(input.language))
      return { ok: false, error: 'language', value: input.language };
    const found = probe ? await probe(input.guildId, input.channelId) : undefined;
    const known = found?.status === 'ok' ? found : undefined;
    const described = found?.status === 'unknown-channel' ? undefined : found;
    const channelType = described?.channelType ?? before?.channelType;
    const kind = channelKind(channelType);
    if (!kind) return { ok: false, error: 'channel-type', channelType: channelType ?? -1 };
    const thread = input.thread ?? before?.thread ?? false;
    if (thread && kind !== 'text' && kind !== 'announcement') return { ok: false, error: 'thread', kind };
    const publish = input.publish ?? before?.publish ?? false;
    if (publish && kind !== 'announcement') return { ok: false, error: 'publish', kind };
    const roleId = input.clearRole ? undefined : (input.roleId ?? before?.roleId);
    if (input.roleId !== undefined && !input.clearRole) {
      if (input.roleId === input.guildId) return { ok: false, error: 'role-everyone' };
      if (known?.role && !known.role(input.roleId))
        return { ok: false, error: 'unknown-role', roleId: input.roleId };
    }
    const locale: Locale =
      (input.language as Locale | undefined) ?? before?.locale ?? toLocale(described?.guildLocale);
    if (!before && (await store.forGuild(input.guildId)).length >= MAX_PER_GUILD)
      return { ok: false, error: 'too-many', max: MAX_PER_GUILD };
    const saved = await store.save(
      {
        guildId: input.guildId,
        channelId: input.channelId,
        time,
        timezone,
        emptyDays: emptyDays as EmptyDays,
        locale,
        roleId,
        thread,
        publish,
        channelType,
      },
      now,
    );
    return {
      ok: true,
      ...saved,
      ...(saved.resumed && before?.pausedReason ? { wasPaused: before.pausedReason } : {}),
      nextRun: nextRun(saved.subscription, now),
    };
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
    channelId?: string,
  ): Promise<Preview | undefined> {
    // The digest of the channel asked in, else the server's first: as its channel gets it, in the digest's
    // language whoever asks (the reply around it is in theirs).
    const all = guildId ? await this.options.store.forGuild(guildId) : [];
    const shown = all.find((s) => s.channelId === channelId) ?? all[0];
    const zone = shown?.timezone || this.defaultTimezone;
    const today = localDateAt(now, zone);
    const full = digestDate(date, today);
    if (!isCalendarDay(full)) return undefined;
    return { date: full, message: digestFor(this.options.knowledge(), full, shown?.locale ?? locale) };
  }

  /** Which needed permissions the bot lacks in a channel, or in each of the server's digest channels. */
  async check(guildId: string, channelIds: readonly string[]): Promise<CheckEntry[] | undefined> {
    const { probe, store } = this.options;
    if (!probe) return undefined;
    const entries: CheckEntry[] = [];
    for (const channelId of channelIds) {
      const found = await probe(guildId, channelId);
      const subscription = await store.find(guildId, channelId);
      let result: CheckEntry['result'];
      if (found.status === 'ok') {
        // A channel without a digest is checked for a plain digest of its kind.
        const shape = subscription
          ? shapeOf({ ...subscription, channelType: found.channelType ?? subscription.channelType })
          : { kind: channelKind(found.channelType) ?? 'text', thread: false, publish: false };
        const role = shape.roleId ? (found.role ? found.role(shape.roleId) : 'unknown') : undefined;
        const lines = needLines(shape, found.permissions, role ?? 'unknown');
        result = { status: 'ok', lines, missing: missingRequired(lines) };
      } else result = found;
      entries.push({ channelId, subscription: subscription?.enabled ? subscription : undefined, result });
    }
    return entries;
  }

  /**
   * Post one digest now with a subscription's options, marked as a test: no delivery is recorded (it is not the
   * day's post) and a failure never pauses anything. `channelId` may be left out when the server has one digest.
   */
  async test(guildId: string, channelId: string | undefined, now: Date): Promise<TestResult> {
    const { rest, store, probe } = this.options;
    const subs = await store.forGuild(guildId);
    const chosen = channelId ? subs.filter((s) => s.channelId === channelId) : subs;
    if (chosen.length === 0) return { status: 'no-subscription', channelId };
    if (chosen.length > 1) return { status: 'which', channelIds: chosen.map((s) => s.channelId) };
    if (!rest) return { status: 'unavailable' };
    const sub = chosen[0]!;
    const kb = this.options.knowledge();
    const date = localDateAt(now, sub.timezone);
    const message = markedAsTest(digestFor(kb, date, sub.locale), sub.locale);
    try {
      const posted = await postDigest(rest, sub, message, { title: digestTitle(kb, date, sub.locale, true) });
      return {
        status: 'posted',
        url: messageUrl(guildId, posted.inChannelId, posted.messageId),
        problems: posted.problems,
      };
    } catch (error) {
      const found = probe ? await probe(guildId, sub.channelId) : undefined;
      return { status: 'failed', channelId: sub.channelId, failure: testFailure(error, found, shapeOf(sub)) };
    }
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
