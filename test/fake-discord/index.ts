/**
 * A local fake Discord (REST + gateway) that an unmodified discord.js 14 client or @discordjs/rest talks to.
 *
 *   const fake = await startFakeDiscord({ guilds: [{ id: FAKE_GUILD_ID, channels: [{ id: FAKE_CHANNEL_ID }] }] });
 *   const client = new Client({ intents: ['Guilds'], rest: { api: fake.apiUrl } });   // no `/v10` in it
 *   await client.login(fake.token);
 *   const reply = await fake.sendCommand({ name: 'edition', options: { query: '2023' } });
 *   reply.data.embeds;  // what the bot answered at POST /interactions/{id}/{token}/callback
 *   await fake.close();
 *
 * Everything listens on 127.0.0.1 with a random port. The API:
 * - `apiUrl` (`http://127.0.0.1:PORT/api`), `gatewayUrl`, `token` (a well-formed bot token the fake accepts),
 *   `botUser`, `applicationId`.
 * - Gateway: HELLO, heartbeat ACKs, IDENTIFY → READY (guilds unavailable, `application`) then one GUILD_CREATE
 *   per guild with channels, roles and members (the bot included), RESUME → RESUMED. `identified()` resolves
 *   on the next IDENTIFY (or at once if a session is open); `dispatch(event, data)` sends any event;
 *   `deleteGuild(id)` sends GUILD_DELETE and makes that guild's channels answer 403 Missing Access;
 *   `closeGateway(code)` closes the live sessions with a close code; option `closeOnIdentify` closes IDENTIFY.
 * - Interactions: `sendCommand(spec)` dispatches a slash command (type 2) and resolves with the reply the bot
 *   shows — the type 4 callback, or for a deferred (type 5) callback the PATCH of `@original` that follows.
 *   `sendAutocomplete(spec)` resolves with the choices of the type 8 callback. `sendInteraction(raw)` is the
 *   low-level form: it returns `{ callback, reply }` promises. Guild interactions carry the member with
 *   `permissions`; `guildId: null` sends a DM with the bot (`privateChannel: true`: a group DM, context 2);
 *   `userInstall: true` makes it a user-installed app's interaction (also in a guild the bot is not in).
 *   Follow-ups (`POST /webhooks/{app}/{token}`) are recorded in `followUps`.
 * - REST: `GET /gateway/bot` (option `maxConcurrency` sets its max_concurrency), `/users/@me`,
 *   `/applications/@me`, channels, guilds, guild members;
 *   `PUT /applications/{app}/commands` and `/applications/{app}/guilds/{guild}/commands` (recorded in
 *   `commands`); `POST /channels/{id}/messages` (recorded in `messages`; the same `nonce` with
 *   `enforce_nonce: true` within `nonceWindowMs` returns the first message instead of a duplicate; the bot's
 *   permissions in the channel are checked: 403 50001 without View Channel, 50013 without Send Messages or,
 *   with embeds, Embed Links; 404 10003 for an unknown channel; 400 50006 for a message with nothing in
 *   it). `GET /channels/{id}/messages?limit=N` (1–100,
 *   default 50) lists that channel's recorded messages newest first, without `nonce` (as Discord), with the same
 *   404 and 403 50001 checks; without Read Message History the list is empty. JSON and multipart bodies
 *   (files) are parsed. `now` (an injectable clock) also times the nonce window.
 * - `hold(route)` keeps the next request on a route waiting until released (a slow Discord).
 * - Faults: `fail(route, ...faults)` queues scripted answers for a route (each used once, in order): 403/404/500
 *   with Discord's error JSON, 429 with Discord's headers, or a dropped connection. `globalRateLimit`
 *   (requests per second, interaction routes exempt as on Discord) answers 429 with `X-RateLimit-Global`.
 * - `rateLimitStorm({ forMs | requests, retryAfter })`: every `POST /channels/{id}/messages` (or `route`) answers
 *   429 for the next `forMs` of `now` or the next `requests` matching requests; `invalidRequests()` counts the
 *   401/403/429 answers (what Discord's ban counts) and `invalidRequestsPerSecond()` buckets them by second of `now`.
 *   `faults.invalidFormBody` is Discord's 400 50035 with its `errors` tree.
 * - Digest channels (./digest-channels.ts): guild `preferredLocale` and `roles` (with `mentionable`), forum and
 *   media channels with `availableTags` and `requireTag`, threads (`parentId`), `botAllow` overwrites;
 *   `POST /channels/{id}/threads` (forum posts), `POST /channels/{id}/messages/{m}/threads`, `.../crosspost`, each
 *   with Discord's permission checks; recorded in `threads` and `crossposted`, role pings in `mentionRoles`.
 * - Records: `requests` (every REST request, with parsed body, files and the status answered), `messages`,
 *   `commands`, `callbacks`, `followUps`; `nextRequest(predicate)` resolves on the next matching request.
 * - Components (./components.ts): messages whose buttons or select menus break Discord's limits get 400 50035,
 *   on every route that posts a message; `componentsOf(fake)` sends clicks and message context-menu commands.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  apiRoles,
  channelExtras,
  type FakeForumTag,
  type FakeRole,
  installDigestChannelRoutes,
  isThread,
  mentionedRoles,
  messageRefusal,
  type RecordedThread,
} from './digest-channels';

export type { FakeForumTag, FakeRole, RecordedThread };

import { invalidComponents } from './components';

/** Ids the fake uses when a test does not name its own; 18–19 digit snowflakes, as @discordjs/rest expects. */
const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_GUILD_ID = '1200000000000000001';
export const FAKE_CHANNEL_ID = '1300000000000000001';
export const FAKE_USER_ID = '1400000000000000001';
export const FAKE_DM_CHANNEL_ID = '1300000000000000999';

/** What the bot may do in a guild by default: everything a digest and a reply need. */
const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory;

export interface FakeChannel {
  id: string;
  name?: string;
  /** Defaults to a text channel. */
  type?: ChannelType;
  /** Permissions denied to the bot in this channel (a member overwrite, which discord.js sees too). */
  botDeny?: bigint;
  /** Permissions allowed to the bot in this channel beyond the guild's (a member overwrite). */
  botAllow?: bigint;
  /** Forum and media channels: their tags, and whether a post must carry one (ChannelFlags.RequireTag). */
  availableTags?: FakeForumTag[];
  requireTag?: boolean;
  /** Threads (types 10, 11, 12): the channel they are in. */
  parentId?: string;
}

export interface FakeGuild {
  id: string;
  name?: string;
  channels?: FakeChannel[];
  /** The bot's permissions in the guild (the @everyone role); default DEFAULT_BOT_PERMISSIONS. */
  botPermissions?: bigint;
  preferredLocale?: string;
  /** Roles besides @everyone, with whether anyone may mention them. */
  roles?: FakeRole[];
}

export interface FakeDiscordOptions {
  applicationId?: string;
  botUsername?: string;
  /** Guilds sent after READY; default one guild FAKE_GUILD_ID with one text channel FAKE_CHANNEL_ID. */
  guilds?: FakeGuild[];
  /** Requests per second across non-interaction routes; beyond it a global 429. Off by default. */
  globalRateLimit?: number;
  /** How long a message nonce is remembered (Discord: a few minutes). */
  nonceWindowMs?: number;
  heartbeatIntervalMs?: number;
  /** Time source for nonce windows and rate-limit windows. */
  now?: () => number;
  /** When true, REST requests whose `Authorization` is not `Bot <token>` get 401 (and IDENTIFY closes 4004). */
  checkToken?: boolean;
  /** Close every IDENTIFY with this gateway close code (e.g. 4004 while REST still accepts the token). */
  closeOnIdentify?: number;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot: shards that may identify at once (default 1). */
  maxConcurrency?: number;
}

/** A scripted answer for one request. */
export type Fault =
  | { status: 403; code: 50001 | 50013; message?: string }
  | { status: 404; code?: number; message?: string }
  | { status: 500 | 502 | 503 }
  | { status: 429; retryAfter?: number; global?: boolean }
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { drop: true };

export const faults = {
  missingAccess: { status: 403, code: 50001 },
  missingPermissions: { status: 403, code: 50013 },
  unknownChannel: { status: 404, code: 10003 },
  serverError: { status: 500 },
  rateLimited: (retryAfter = 0.05, global = false): Fault => ({ status: 429, retryAfter, global }),
  drop: { drop: true },
  invalidFormBody: {
    status: 400,
    body: {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        embeds: {
          '0': {
            description: {
              _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 4096 or fewer in length.' }],
            },
          },
        },
      },
    },
  },
} as const satisfies Record<string, Fault | ((...args: never[]) => Fault)>;

/** A 429 storm: a route answers 429 for a while, as during an outage or a ban at Discord's edge. */
export interface RateLimitStorm {
  /** Default `POST /channels/:id/messages`. */
  route?: RouteSpec;
  /** Lasts this long on the fake's clock (`now`)... */
  forMs?: number;
  /** ...or for this many matching requests. */
  requests?: number;
  /** Seconds, in `Retry-After` (default 1). */
  retryAfter?: number;
  /**
   * Also send the bucket headers (`X-RateLimit-Remaining: 0`, `-Reset-After`). Off by default: with them
   * @discordjs/rest also holds the bucket for `retryAfter` on its own wall clock, which tests on an injected
   * clock cannot move; without them (as from Discord's edge) only the caller waits.
   */
  bucketHeaders?: boolean;
}

/** A route to script: method plus a path after `/api/v10` with `:param` segments, e.g. `/channels/:id/messages`. */
export interface RouteSpec {
  method: string;
  path: string;
}

export interface ReceivedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** After `/api/v10`, percent-decoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON (or `payload_json` of a multipart body); undefined when empty. */
  body: unknown;
  files: ReceivedFile[];
  status: number;
  at: number;
}

export interface RecordedMessage {
  id: string;
  channelId: string;
  body: Record<string, unknown>;
  files: ReceivedFile[];
  at: number;
  /** The roles this message pinged (see ./digest-channels.ts). */
  mentionRoles: string[];
}

export interface InteractionCallback {
  interactionId: string;
  type: InteractionResponseType;
  data?: APIInteractionResponseCallbackData & { choices?: APIApplicationCommandOptionChoice[] };
  files: ReceivedFile[];
}

/** The reply a user sees: the type 4 callback, or the edit of `@original` after a type 5. */
export interface InteractionReply {
  deferred: boolean;
  ephemeral: boolean;
  data: APIInteractionResponseCallbackData;
  files: ReceivedFile[];
  callback: InteractionCallback;
}

export interface PendingInteraction {
  interaction: APIInteraction;
  callback: Promise<InteractionCallback>;
  reply: Promise<InteractionReply>;
}

/** An option value; plain values get their type from JS (string, integer, number, boolean). */
export type OptionValue =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface InteractionSpec {
  name: string;
  subcommand?: string;
  subcommandGroup?: string;
  options?: Record<string, OptionValue>;
  /** A guild id (one the bot is not in is fine: a user-installed command), or null for a DM; default the first guild. */
  guildId?: string | null;
  /** Without a guild: a group DM or a DM between users (context 2) instead of a DM with the bot (context 1). */
  privateChannel?: boolean;
  /** Installed by the user rather than the server (`authorizing_integration_owners` names the user). */
  userInstall?: boolean;
  channelId?: string;
  user?: { id: string; username?: string };
  locale?: string;
  /** The member's permissions in a guild; default everything but Administrator/Manage Server. */
  memberPermissions?: bigint;
}

export interface AutocompleteSpec extends InteractionSpec {
  /** The option being typed; its value comes from `options` (default ''). */
  focused: string;
}

export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  botUser: { id: string; username: string };
  guilds: FakeGuild[];
  requests: RecordedRequest[];
  messages: RecordedMessage[];
  /** Threads the bot started: forum posts and threads on its messages. */
  threads: RecordedThread[];
  /** Messages the bot crossposted from announcement channels. */
  crossposted: { channelId: string; messageId: string }[];
  callbacks: InteractionCallback[];
  followUps: RecordedRequest[];
  commands: { global: unknown[]; guild: Map<string, unknown[]> };
  /** Open gateway sessions. */
  readonly sessions: number;
  identified(): Promise<void>;
  dispatch(event: GatewayDispatchEvents | string, data: unknown): void;
  deleteGuild(id: string): void;
  /**
   * Close every open gateway session with `code` (4004 authentication failed, 4014 disallowed intents, 4000 an
   * unknown error discord.js resumes from…); resolves once the sockets have closed.
   */
  closeGateway(code: number, reason?: string): Promise<void>;
  sendInteraction(interaction: APIInteraction): PendingInteraction;
  sendCommand(spec: InteractionSpec): Promise<InteractionReply>;
  sendAutocomplete(spec: AutocompleteSpec): Promise<APIApplicationCommandOptionChoice[]>;
  /** Build (without sending) the raw interaction for a spec. */
  commandInteraction(spec: InteractionSpec): APIInteraction;
  fail(route: RouteSpec, ...faults: Fault[]): void;
  /**
   * Holds the next request on `route` before answering it (a slow Discord), until the returned function is called;
   * `held` resolves once such a request has arrived.
   */
  hold(route: RouteSpec): { held: Promise<void>; release(): void };
  setGlobalRateLimit(perSecond: number | undefined): void;
  rateLimitStorm(storm: RateLimitStorm): void;
  /** Ends a storm early. */
  calmStorm(): void;
  /** REST requests answered 401, 403 or 429 (what Discord counts toward its invalid-request ban). */
  invalidRequests(): RecordedRequest[];
  /** Those answers per second of the fake's clock: `floor(now / 1000)` → count. */
  invalidRequestsPerSecond(): Map<number, number>;
  nextRequest(predicate: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  on(event: 'request', listener: (request: RecordedRequest) => void): void;
  off(event: 'request', listener: (request: RecordedRequest) => void): void;
  close(): Promise<void>;
}

interface Waiter {
  resolveCallback(callback: InteractionCallback): void;
  resolveReply(reply: InteractionReply): void;
  callback?: InteractionCallback;
}

let idCounter = 0n;
/** Unique snowflake-shaped ids (19 digits) for messages, interactions and commands. */
function snowflake(): string {
  idCounter += 1n;
  return (1500000000000000000n + BigInt(process.pid) * 1_000_000n + idCounter).toString();
}

function tokenFor(botId: string): string {
  const first = Buffer.from(botId).toString('base64url');
  return `${first}.FakeTS.${randomBytes(27).toString('base64url')}`;
}

const EVERYTHING_BUT_ADMIN =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

function errorBody(code: number, message: string): { code: number; message: string } {
  return { code, message };
}

const ERROR_MESSAGES: Record<number, string> = {
  0: '404: Not Found',
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10062: 'Unknown interaction',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
};

function routeMatches(route: RouteSpec, method: string, path: string): boolean {
  if (route.method.toUpperCase() !== method) return false;
  const want = route.path.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i]);
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: ReceivedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    let body: unknown;
    const files: ReceivedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({
          field,
          name: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  return { body: type.includes('json') ? JSON.parse(text) : text, files: [] };
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const now = options.now ?? Date.now;
  const applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
  const botUser = {
    id: applicationId,
    username: options.botUsername ?? 'Shiting',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    flags: 0,
  };
  const token = tokenFor(botUser.id);
  const guilds: FakeGuild[] = options.guilds ?? [
    { id: FAKE_GUILD_ID, name: 'Fake Guild', channels: [{ id: FAKE_CHANNEL_ID, name: 'general' }] },
  ];
  const deletedGuilds = new Set<string>();
  const nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;
  let globalRateLimit = options.globalRateLimit;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const requests: RecordedRequest[] = [];
  const messages: RecordedMessage[] = [];
  const callbacks: InteractionCallback[] = [];
  const followUps: RecordedRequest[] = [];
  const commands = { global: [] as unknown[], guild: new Map<string, unknown[]>() };
  const scripted: { route: RouteSpec; fault: Fault }[] = [];
  const holds: { route: RouteSpec; arrived(): void; released: Promise<void> }[] = [];
  const nonces = new Map<string, { message: RecordedMessage; at: number }>();
  const waiters = new Map<string, Waiter>();
  const interactionTokens = new Map<string, string>();
  const tokenToInteraction = new Map<string, string>();
  const originals = new Map<string, Record<string, unknown>>();
  let windowStart = 0;
  let windowCount = 0;
  let storm:
    | { route: RouteSpec; until?: number; left?: number; retryAfter: number; bucketHeaders: boolean }
    | undefined;

  /** Whether this request falls in the storm (and uses up one of its requests). */
  function stormHits(method: string, path: string): boolean {
    if (!storm || !routeMatches(storm.route, method, path)) return false;
    if (
      (storm.until !== undefined && now() >= storm.until) ||
      (storm.left !== undefined && storm.left <= 0)
    ) {
      storm = undefined;
      return false;
    }
    if (storm.left !== undefined) storm.left--;
    return true;
  }

  const sockets = new Set<WebSocket>();
  const sessionsOpen = new Set<WebSocket>();
  const identifyListeners: (() => void)[] = [];
  const sequence = new WeakMap<WebSocket, number>();

  function channelById(id: string): { guild: FakeGuild; channel: FakeChannel } | undefined {
    for (const guild of guilds) {
      const channel = guild.channels?.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  function botPermissionsIn(guild: FakeGuild, channel: FakeChannel): bigint {
    const base = guild.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
    if (base & PermissionFlagsBits.Administrator) return ~0n;
    // A thread has no overwrites of its own: its parent's apply, as on Discord (and in discord.js).
    const parent = isThread(channel) ? guild.channels?.find((c) => c.id === channel.parentId) : undefined;
    const from = parent ?? channel;
    return (base | (from.botAllow ?? 0n)) & ~(from.botDeny ?? 0n);
  }

  function apiChannel(guild: FakeGuild, channel: FakeChannel, position: number) {
    return {
      id: channel.id,
      type: channel.type ?? ChannelType.GuildText,
      guild_id: guild.id,
      name: channel.name ?? `channel-${position}`,
      position,
      permission_overwrites:
        channel.botDeny || channel.botAllow
          ? [
              {
                id: botUser.id,
                type: 1,
                allow: (channel.botAllow ?? 0n).toString(),
                deny: (channel.botDeny ?? 0n).toString(),
              },
            ]
          : [],
      nsfw: false,
      parent_id: channel.parentId ?? null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
      ...(isThread(channel)
        ? {
            owner_id: botUser.id,
            thread_metadata: {
              archived: false,
              auto_archive_duration: 1440,
              archive_timestamp: new Date(0).toISOString(),
              locked: false,
            },
          }
        : {}),
      ...channelExtras(channel),
    };
  }

  function apiGuild(guild: FakeGuild) {
    const joinedAt = new Date(0).toISOString();
    return {
      id: guild.id,
      name: guild.name ?? `Guild ${guild.id}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: FAKE_USER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      max_video_channel_users: 25,
      preferred_locale: guild.preferredLocale ?? 'en-US',
      features: [],
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: (guild.botPermissions ?? DEFAULT_BOT_PERMISSIONS).toString(),
          position: 0,
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          hoist: false,
          managed: false,
          mentionable: false,
          icon: null,
          unicode_emoji: null,
          flags: 0,
        },
        ...apiRoles(guild),
      ],
      emojis: [],
      stickers: [],
      joined_at: joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [{ user: botUser, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
      channels: (guild.channels ?? []).filter((c) => !isThread(c)).map((c, i) => apiChannel(guild, c, i)),
      threads: (guild.channels ?? []).filter(isThread).map((c, i) => apiChannel(guild, c, i)),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  function send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  function dispatchTo(socket: WebSocket, event: string, data: unknown): void {
    const s = (sequence.get(socket) ?? 0) + 1;
    sequence.set(socket, s);
    send(socket, { op: GatewayOpcodes.Dispatch, t: event, s, d: data });
  }

  function dispatch(event: string, data: unknown): void {
    for (const socket of sessionsOpen) dispatchTo(socket, event, data);
  }

  // --- REST -------------------------------------------------------------------------------------------------

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  function answerFault(res: ServerResponse, fault: Fault): number {
    if ('drop' in fault) {
      res.socket?.destroy();
      return 0;
    }
    if ('body' in fault) {
      json(res, fault.status, fault.body, fault.headers);
      return fault.status;
    }
    if (fault.status === 429) {
      const f = fault as { retryAfter?: number; global?: boolean };
      const retryAfter = f.retryAfter ?? 0.05;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': f.global ? 'global' : 'user',
      };
      if (f.global) headers['x-ratelimit-global'] = 'true';
      else {
        Object.assign(headers, {
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String((now() + retryAfter * 1000) / 1000),
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'fake-bucket',
        });
      }
      json(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: !!f.global },
        headers,
      );
      return 429;
    }
    if (fault.status >= 500) {
      json(res, fault.status, { message: '500: Internal Server Error', code: 0 });
      return fault.status;
    }
    const code = (fault as { code?: number }).code ?? (fault.status === 404 ? 0 : 50013);
    json(
      res,
      fault.status,
      errorBody(code, (fault as { message?: string }).message ?? ERROR_MESSAGES[code] ?? ''),
    );
    return fault.status;
  }

  function isInteractionRoute(path: string): boolean {
    return path.startsWith('/interactions/') || path.startsWith('/webhooks/');
  }

  function overGlobalLimit(): boolean {
    if (!globalRateLimit) return false;
    const t = now();
    if (t - windowStart >= 1000) {
      windowStart = t;
      windowCount = 0;
    }
    windowCount += 1;
    return windowCount > globalRateLimit;
  }

  function messageObject(
    channelId: string,
    body: Record<string, unknown>,
    files: ReceivedFile[],
    id = snowflake(),
    at = now(),
  ) {
    return {
      id,
      channel_id: channelId,
      type: 0,
      author: botUser,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: files.map((f, i) => ({
        id: String(i),
        filename: f.name,
        size: f.data.length,
        url: `https://cdn.invalid/${f.name}`,
        proxy_url: `https://cdn.invalid/${f.name}`,
      })),
      flags: body.flags ?? 0,
      nonce: body.nonce,
      timestamp: new Date(at).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: (body.mention_roles as string[] | undefined) ?? [],
      pinned: false,
    };
  }

  function finishCallback(interactionId: string, callback: InteractionCallback): void {
    callbacks.push(callback);
    const waiter = waiters.get(interactionId);
    if (!waiter) return;
    waiter.callback = callback;
    waiter.resolveCallback(callback);
    if (callback.type === InteractionResponseType.ChannelMessageWithSource) {
      waiters.delete(interactionId);
      const data = callback.data ?? {};
      waiter.resolveReply({
        deferred: false,
        ephemeral: ((data.flags ?? 0) & 64) !== 0,
        data,
        files: callback.files,
        callback,
      });
    } else if (
      callback.type === InteractionResponseType.ApplicationCommandAutocompleteResult ||
      callback.type === InteractionResponseType.DeferredMessageUpdate ||
      callback.type === InteractionResponseType.UpdateMessage
    ) {
      waiters.delete(interactionId);
    }
  }

  function finishDeferred(
    interactionId: string,
    data: APIInteractionResponseCallbackData,
    files: ReceivedFile[],
  ) {
    const waiter = waiters.get(interactionId);
    if (!waiter?.callback) return;
    waiters.delete(interactionId);
    waiter.resolveReply({
      deferred: true,
      ephemeral: ((waiter.callback.data?.flags ?? 0) & 64) !== 0,
      data,
      files,
      callback: waiter.callback,
    });
  }

  type Handler = (
    params: string[],
    body: unknown,
    files: ReceivedFile[],
    query: URLSearchParams,
  ) => { status: number; body?: unknown };
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const route = (method: string, pattern: string, handler: Handler) => {
    const source = pattern.replace(/:[a-zA-Z]+/g, '([^/]+)');
    routes.push({ method, pattern: new RegExp(`^${source}$`), handler });
  };

  route('GET', '/gateway/bot', () => ({
    status: 200,
    body: {
      url: gatewayUrl,
      shards: 1,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 14_400_000,
        max_concurrency: options.maxConcurrency ?? 1,
      },
    },
  }));
  route('GET', '/gateway', () => ({ status: 200, body: { url: gatewayUrl } }));
  route('GET', '/users/@me', () => ({ status: 200, body: botUser }));
  route('GET', '/applications/@me', () => ({
    status: 200,
    body: { id: applicationId, name: botUser.username, bot: botUser, flags: 0, description: '', icon: null },
  }));
  const putCommands = (list: unknown[]) =>
    (list as RESTPutAPIApplicationCommandsJSONBody).map((c) => ({
      id: snowflake(),
      application_id: applicationId,
      version: snowflake(),
      ...c,
    }));
  route('PUT', '/applications/:app/commands', ([app], body) => {
    if (app !== applicationId) return { status: 403, body: errorBody(50001, 'Missing Access') };
    commands.global = putCommands(body as unknown[]);
    return { status: 200, body: commands.global };
  });
  route('GET', '/applications/:app/commands', () => ({ status: 200, body: commands.global }));
  route('PUT', '/applications/:app/guilds/:guild/commands', ([app, guild], body) => {
    if (app !== applicationId) return { status: 403, body: errorBody(50001, 'Missing Access') };
    const list = putCommands(body as unknown[]);
    commands.guild.set(guild!, list);
    return { status: 200, body: list };
  });
  route('GET', '/applications/:app/guilds/:guild/commands', ([, guild]) => ({
    status: 200,
    body: commands.guild.get(guild!) ?? [],
  }));
  route('POST', '/interactions/:id/:token/callback', ([id, tok], body, files, query) => {
    if (interactionTokens.get(id!) !== tok)
      return { status: 404, body: errorBody(10062, 'Unknown interaction') };
    const badComponents = invalidComponents((body as { data?: unknown } | undefined)?.data);
    if (badComponents) return { status: 400, body: badComponents };
    interactionTokens.delete(id!);
    const b = body as { type: InteractionResponseType; data?: InteractionCallback['data'] };
    finishCallback(id!, { interactionId: id!, type: b.type, data: b.data, files });
    if (b.type === InteractionResponseType.ChannelMessageWithSource) {
      originals.set(tok!, messageObject(FAKE_CHANNEL_ID, (b.data ?? {}) as Record<string, unknown>, files));
    }
    if (query.get('with_response') === 'true') {
      const message = originals.get(tok!);
      return {
        status: 200,
        body: {
          interaction: { id, type: 2 },
          resource: message ? { type: b.type, message } : { type: b.type },
        },
      };
    }
    return { status: 204 };
  });
  route('PATCH', '/webhooks/:app/:token/messages/@original', ([, tok], body, files) => {
    const interactionId = tokenToInteraction.get(tok!);
    if (!interactionId) return { status: 404, body: errorBody(10008, 'Unknown Message') };
    const badComponents = invalidComponents(body);
    if (badComponents) return { status: 400, body: badComponents };
    const message = messageObject(FAKE_CHANNEL_ID, (body ?? {}) as Record<string, unknown>, files);
    originals.set(tok!, message);
    finishDeferred(interactionId, (body ?? {}) as APIInteractionResponseCallbackData, files);
    return { status: 200, body: message };
  });
  route('GET', '/webhooks/:app/:token/messages/@original', ([, tok]) => {
    const message = originals.get(tok!);
    return message
      ? { status: 200, body: message }
      : { status: 404, body: errorBody(10008, 'Unknown Message') };
  });
  route('DELETE', '/webhooks/:app/:token/messages/@original', ([, tok]) => {
    originals.delete(tok!);
    return { status: 204 };
  });
  route('POST', '/webhooks/:app/:token', ([, tok], body, files) => {
    if (!tokenToInteraction.has(tok!)) return { status: 404, body: errorBody(10015, 'Unknown Webhook') };
    const badComponents = invalidComponents(body);
    if (badComponents) return { status: 400, body: badComponents };
    return {
      status: 200,
      body: messageObject(FAKE_CHANNEL_ID, (body ?? {}) as Record<string, unknown>, files),
    };
  });
  route('GET', '/channels/:id', ([id]) => {
    const found = channelById(id!);
    if (!found) return { status: 404, body: errorBody(10003, ERROR_MESSAGES[10003]!) };
    if (deletedGuilds.has(found.guild.id))
      return { status: 403, body: errorBody(50001, ERROR_MESSAGES[50001]!) };
    return { status: 200, body: apiChannel(found.guild, found.channel, 0) };
  });
  route('POST', '/channels/:id/messages', ([id], body, files) => {
    const found = channelById(id!);
    if (!found) return { status: 404, body: errorBody(10003, ERROR_MESSAGES[10003]!) };
    const perms = deletedGuilds.has(found.guild.id) ? 0n : botPermissionsIn(found.guild, found.channel);
    const b = (body ?? {}) as Record<string, unknown>;
    const badComponents = invalidComponents(b);
    if (badComponents) return { status: 400, body: badComponents };
    const refused = messageRefusal(found.channel, perms, b);
    if (refused) return refused;
    // As Discord: a message needs something to show (a proxy that lost a body on a retry sends none).
    const shows = ['content', 'embeds', 'sticker_ids', 'components', 'poll'].some((k) => {
      const v = b[k];
      return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '';
    });
    if (!shows && files.length === 0)
      return { status: 400, body: errorBody(50006, 'Cannot send an empty message') };
    const nonce = typeof b.nonce === 'string' || typeof b.nonce === 'number' ? `${id}:${b.nonce}` : undefined;
    if (nonce && b.enforce_nonce === true) {
      const seen = nonces.get(nonce);
      if (seen && now() - seen.at < nonceWindowMs) {
        return {
          status: 200,
          body: messageObject(id!, seen.message.body, seen.message.files, seen.message.id, seen.at),
        };
      }
    }
    const message = recordMessage(id!, b, files, mentionedRoles(found.guild, perms, b));
    if (nonce) nonces.set(nonce, { message, at: message.at });
    return {
      status: 200,
      body: messageObject(id!, { ...b, mention_roles: message.mentionRoles }, files, message.id),
    };
  });
  route('GET', '/channels/:id/messages', ([id], _body, _files, query) => {
    const found = channelById(id!);
    if (!found) return { status: 404, body: errorBody(10003, ERROR_MESSAGES[10003]!) };
    const perms = deletedGuilds.has(found.guild.id) ? 0n : botPermissionsIn(found.guild, found.channel);
    if (!(perms & PermissionFlagsBits.ViewChannel))
      return { status: 403, body: errorBody(50001, 'Missing Access') };
    const limit = Number(query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return { status: 400, body: errorBody(50035, 'Invalid Form Body') };
    // Like Discord: without Read Message History the list is empty, not an error.
    if (!(perms & PermissionFlagsBits.ReadMessageHistory)) return { status: 200, body: [] };
    const recent = messages
      .filter((m) => m.channelId === id)
      .reverse()
      .slice(0, limit);
    // Discord returns no `nonce` when messages are fetched, only when they are created.
    return {
      status: 200,
      body: recent.map((m) => ({ ...messageObject(id!, m.body, m.files, m.id, m.at), nonce: undefined })),
    };
  });
  function recordMessage(
    channelId: string,
    body: Record<string, unknown>,
    files: ReceivedFile[],
    mentionRoles: string[],
    id = snowflake(),
  ): RecordedMessage {
    const message: RecordedMessage = { id, channelId, body, files, at: now(), mentionRoles };
    messages.push(message);
    return message;
  }
  const digestChannels = installDigestChannelRoutes({
    route: (method, pattern, handler) => route(method, pattern, (params, body) => handler(params, body)),
    channel: channelById,
    permissions: (guild, channel) =>
      deletedGuilds.has(guild.id) ? 0n : botPermissionsIn(guild as FakeGuild, channel as FakeChannel),
    createMessage(channelId, body, mentionRoles, id) {
      // A forum post's starter message has the thread's id, as on Discord.
      const message = recordMessage(channelId, body, [], mentionRoles, id);
      return {
        id: message.id,
        object: messageObject(channelId, { ...body, mention_roles: mentionRoles }, [], message.id),
      };
    },
    findMessage(channelId, messageId) {
      const m = messages.find((x) => x.channelId === channelId && x.id === messageId);
      return m && { authorIsBot: true };
    },
    newId: snowflake,
    apiChannel: (guild, channel) => apiChannel(guild as FakeGuild, channel as FakeChannel, 0),
  });

  route('GET', '/guilds/:id', ([id]) => {
    const guild = guilds.find((g) => g.id === id);
    if (!guild || deletedGuilds.has(guild.id))
      return { status: 404, body: errorBody(10004, 'Unknown Guild') };
    return { status: 200, body: apiGuild(guild) };
  });
  route('GET', '/guilds/:id/channels', ([id]) => {
    const guild = guilds.find((g) => g.id === id);
    if (!guild || deletedGuilds.has(guild.id))
      return { status: 404, body: errorBody(10004, 'Unknown Guild') };
    return { status: 200, body: (guild.channels ?? []).map((c, i) => apiChannel(guild, c, i)) };
  });
  route('GET', '/guilds/:id/members/:user', ([id, user]) => {
    const guild = guilds.find((g) => g.id === id);
    if (!guild || deletedGuilds.has(guild.id))
      return { status: 404, body: errorBody(10004, 'Unknown Guild') };
    if (user !== botUser.id) return { status: 404, body: errorBody(10007, 'Unknown Member') };
    return { status: 200, body: apiGuild(guild).members[0] };
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = url.pathname.match(/^\/api(\/v\d+)?/);
    const path = decodeURIComponent(prefix ? url.pathname.slice(prefix[0].length) : url.pathname);
    const method = req.method ?? 'GET';
    let parsed: { body: unknown; files: ReceivedFile[] };
    try {
      parsed = await readBody(req);
    } catch {
      json(res, 400, errorBody(50109, 'The request body contains invalid JSON.'));
      return;
    }
    const holdIndex = holds.findIndex((h) => routeMatches(h.route, method, path));
    if (holdIndex >= 0) {
      const [hold] = holds.splice(holdIndex, 1);
      hold!.arrived();
      await hold!.released;
    }
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body: parsed.body,
      files: parsed.files,
      status: 0,
      at: now(),
    };
    record.status = answer(record, res);
    requests.push(record);
    if (method === 'POST' && path.startsWith('/webhooks/') && record.status === 200) followUps.push(record);
    events.emit('request', record);
  }

  function answer(record: RecordedRequest, res: ServerResponse): number {
    const { method, path } = record;
    const scriptedIndex = scripted.findIndex((s) => routeMatches(s.route, method, path));
    if (scriptedIndex >= 0) {
      const [entry] = scripted.splice(scriptedIndex, 1);
      return answerFault(res, entry!.fault);
    }
    if (stormHits(method, path)) {
      const retryAfter = storm!.retryAfter;
      if (storm!.bucketHeaders) return answerFault(res, { status: 429, retryAfter });
      json(
        res,
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
        { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
      );
      return 429;
    }
    if (!isInteractionRoute(path)) {
      if (options.checkToken && record.headers.authorization !== `Bot ${token}`) {
        json(res, 401, errorBody(0, '401: Unauthorized'));
        return 401;
      }
      if (overGlobalLimit()) {
        // Like Discord: wait until the current one-second window ends.
        const retryAfter = Math.max(0.001, (windowStart + 1000 - now()) / 1000);
        return answerFault(res, { status: 429, retryAfter, global: true });
      }
    }
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = path.match(r.pattern);
      if (!m) continue;
      const out = r.handler(m.slice(1), record.body, record.files, record.query);
      json(res, out.status, out.body);
      return out.status;
    }
    json(res, 404, errorBody(0, '404: Not Found'));
    return 404;
  }

  // --- gateway ----------------------------------------------------------------------------------------------

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      json(res, 500, { message: String(error), code: 0 });
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  function ready(socket: WebSocket): void {
    sessionsOpen.add(socket);
    dispatchTo(socket, GatewayDispatchEvents.Ready, {
      v: 10,
      user: botUser,
      guilds: guilds.filter((g) => !deletedGuilds.has(g.id)).map((g) => ({ id: g.id, unavailable: true })),
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: gatewayUrl,
      shard: [0, 1],
      application: { id: applicationId, flags: 0 },
      user_settings: {},
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
    });
    for (const guild of guilds) {
      if (!deletedGuilds.has(guild.id))
        dispatchTo(socket, GatewayDispatchEvents.GuildCreate, apiGuild(guild));
    }
    for (const listener of identifyListeners.splice(0)) listener();
  }

  wss.on('connection', (socket) => {
    sockets.add(socket);
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs } });
    socket.on('message', (raw) => {
      let packet: { op: number; d: unknown };
      try {
        packet = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      if (packet.op === GatewayOpcodes.Heartbeat) send(socket, { op: GatewayOpcodes.HeartbeatAck });
      else if (packet.op === GatewayOpcodes.Identify) {
        const d = packet.d as { token?: string };
        if (options.checkToken && d.token !== token) socket.close(4004, 'Authentication failed.');
        else if (options.closeOnIdentify !== undefined)
          socket.close(options.closeOnIdentify, 'Closed by the fake.');
        else ready(socket);
      } else if (packet.op === GatewayOpcodes.Resume) {
        sessionsOpen.add(socket);
        dispatchTo(socket, GatewayDispatchEvents.Resumed, {});
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      sessionsOpen.delete(socket);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  // --- interactions -----------------------------------------------------------------------------------------

  function optionList(spec: InteractionSpec, focused?: string): APIApplicationCommandInteractionDataOption[] {
    const leaves = Object.entries(spec.options ?? {}).map(([name, value]) => {
      const typed =
        typeof value === 'object'
          ? value
          : {
              type:
                typeof value === 'boolean'
                  ? ApplicationCommandOptionType.Boolean
                  : typeof value === 'number'
                    ? Number.isInteger(value)
                      ? ApplicationCommandOptionType.Integer
                      : ApplicationCommandOptionType.Number
                    : ApplicationCommandOptionType.String,
              value,
            };
      return { name, ...typed, ...(name === focused ? { focused: true } : {}) };
    });
    if (focused && !(focused in (spec.options ?? {}))) {
      leaves.push({ name: focused, type: ApplicationCommandOptionType.String, value: '', focused: true });
    }
    let list = leaves as APIApplicationCommandInteractionDataOption[];
    if (spec.subcommand) {
      list = [
        { name: spec.subcommand, type: ApplicationCommandOptionType.Subcommand, options: list },
      ] as typeof list;
    }
    if (spec.subcommandGroup) {
      list = [
        { name: spec.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: list },
      ] as typeof list;
    }
    return list;
  }

  function buildInteraction(spec: InteractionSpec, type: InteractionType, focused?: string): APIInteraction {
    const guildId = spec.guildId === undefined ? guilds[0]?.id : (spec.guildId ?? undefined);
    const guild: FakeGuild | undefined = guildId
      ? (guilds.find((g) => g.id === guildId) ?? { id: guildId })
      : undefined;
    const user = { id: FAKE_USER_ID, username: 'tester', ...spec.user };
    const apiUser = { ...user, discriminator: '0', global_name: null, avatar: null };
    const channelId = spec.channelId ?? guild?.channels?.[0]?.id ?? FAKE_DM_CHANNEL_ID;
    const deployed = [...commands.global, ...(guildId ? (commands.guild.get(guildId) ?? []) : [])] as {
      id: string;
      name: string;
    }[];
    const commandId = deployed.find((c) => c.name === spec.name)?.id ?? snowflake();
    const id = snowflake();
    const interactionToken = `fake-token-${id}-${randomBytes(8).toString('hex')}`;
    const base = {
      id,
      application_id: applicationId,
      type,
      token: interactionToken,
      version: 1,
      locale: spec.locale ?? 'en-US',
      app_permissions: (guild ? DEFAULT_BOT_PERMISSIONS : EVERYTHING_BUT_ADMIN).toString(),
      entitlements: [],
      attachment_size_limit: 10_485_760,
      data: {
        id: commandId,
        name: spec.name,
        type: ApplicationCommandType.ChatInput,
        options: optionList(spec, focused),
        ...(guildId ? { guild_id: guildId } : {}),
      },
    };
    if (guild) {
      const channel = guild.channels?.find((c) => c.id === channelId);
      return {
        ...base,
        guild_id: guild.id,
        guild: { id: guild.id, locale: guild.preferredLocale ?? 'en-US', features: [] },
        guild_locale: guild.preferredLocale ?? 'en-US',
        channel_id: channelId,
        channel: { ...apiChannel(guild, channel ?? { id: channelId }, 0) },
        member: {
          user: apiUser,
          roles: [],
          permissions: (spec.memberPermissions ?? EVERYTHING_BUT_ADMIN).toString(),
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
        authorizing_integration_owners: spec.userInstall ? { '1': user.id } : { '0': guild.id },
        context: InteractionContextType.Guild,
      } as unknown as APIInteraction;
    }
    return {
      ...base,
      channel_id: channelId,
      channel: {
        id: channelId,
        type: spec.privateChannel ? ChannelType.GroupDM : ChannelType.DM,
        recipients: [apiUser],
        last_message_id: null,
        flags: 0,
      },
      user: apiUser,
      authorizing_integration_owners: { '1': user.id },
      context: spec.privateChannel ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM,
    } as unknown as APIInteraction;
  }

  function sendInteraction(interaction: APIInteraction): PendingInteraction {
    let resolveCallback!: (c: InteractionCallback) => void;
    let resolveReply!: (r: InteractionReply) => void;
    const callback = new Promise<InteractionCallback>((r) => {
      resolveCallback = r;
    });
    const reply = new Promise<InteractionReply>((r) => {
      resolveReply = r;
    });
    waiters.set(interaction.id, { resolveCallback, resolveReply });
    interactionTokens.set(interaction.id, interaction.token);
    tokenToInteraction.set(interaction.token, interaction.id);
    dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return { interaction, callback, reply };
  }

  return {
    apiUrl,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    guilds,
    requests,
    messages,
    threads: digestChannels.threads,
    crossposted: digestChannels.crossposted,
    callbacks,
    followUps,
    commands,
    get sessions() {
      return sessionsOpen.size;
    },
    identified() {
      if (sessionsOpen.size > 0) return Promise.resolve();
      return new Promise<void>((resolve) => identifyListeners.push(resolve));
    },
    dispatch,
    deleteGuild(id) {
      deletedGuilds.add(id);
      dispatch(GatewayDispatchEvents.GuildDelete, { id });
    },
    async closeGateway(code, reason = 'Closed by the fake.') {
      const open = [...sessionsOpen];
      const closed = open.map(
        (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
      );
      for (const socket of open) socket.close(code, reason);
      await Promise.all(closed);
    },
    sendInteraction,
    commandInteraction: (spec) => buildInteraction(spec, InteractionType.ApplicationCommand),
    sendCommand(spec) {
      return sendInteraction(buildInteraction(spec, InteractionType.ApplicationCommand)).reply;
    },
    async sendAutocomplete(spec) {
      const pending = sendInteraction(
        buildInteraction(spec, InteractionType.ApplicationCommandAutocomplete, spec.focused),
      );
      const callback = await pending.callback;
      return callback.data?.choices ?? [];
    },
    hold(route) {
      let arrived = () => {};
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ route, arrived, released });
      return { held, release };
    },
    fail(route, ...list) {
      for (const fault of list) scripted.push({ route, fault });
    },
    setGlobalRateLimit(perSecond) {
      globalRateLimit = perSecond;
    },
    rateLimitStorm(spec) {
      storm = {
        route: spec.route ?? { method: 'POST', path: '/channels/:id/messages' },
        until: spec.forMs === undefined ? undefined : now() + spec.forMs,
        left: spec.requests,
        retryAfter: spec.retryAfter ?? 1,
        bucketHeaders: spec.bucketHeaders ?? false,
      };
    },
    calmStorm() {
      storm = undefined;
    },
    invalidRequests() {
      return requests.filter((r) => r.status === 401 || r.status === 403 || r.status === 429);
    },
    invalidRequestsPerSecond() {
      const counts = new Map<number, number>();
      for (const r of requests) {
        if (r.status !== 401 && r.status !== 403 && r.status !== 429) continue;
        const second = Math.floor(r.at / 1000);
        counts.set(second, (counts.get(second) ?? 0) + 1);
      }
      return counts;
    },
    nextRequest(predicate) {
      return new Promise((resolve) => {
        const listener = (request: RecordedRequest) => {
          if (!predicate(request)) return;
          events.off('request', listener);
          resolve(request);
        };
        events.on('request', listener);
      });
    },
    on(event, listener) {
      events.on(event, listener);
    },
    off(event, listener) {
      events.off(event, listener);
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
