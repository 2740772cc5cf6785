/**
 * The fake Discord's channels beyond plain text, for digests that a server shapes (issue 14): forum and media
 * channels with tags (and the "require a tag" flag), threads (started in a forum, or from a message), announcement
 * channels and crossposting, role mentions — each with Discord's permission checks. Wired from ./index.ts.
 *
 * - `POST /channels/{forum}/threads` with `{name, message, applied_tags}`: a forum or media channel only (else 400
 *   50024); View Channel and Send Messages (50001/50013), Embed Links for embeds; a channel with REQUIRE_TAG and
 *   no tag is 400 40067; an unknown tag 400 50035. The new thread and its starter message are recorded.
 * - `POST /channels/{channel}/messages/{message}/threads` with `{name}`: a text or announcement channel; View
 *   Channel and Create Public Threads; 10008 for a message that is not there.
 * - `GET /guilds/{guild}/threads/active`: the threads the bot started in that guild (owner: the bot).
 * - `POST /channels/{channel}/messages/{message}/crosspost`: an announcement channel only (400 50024); the bot's
 *   own message needs Send Messages, anyone else's Manage Messages (50013); a second crosspost is 400 40033.
 * - A message's `mention_roles` (in `RecordedMessage.mentionRoles`): the `<@&id>` in its content that
 *   `allowed_mentions` lets through and that the role's `mentionable` (or the bot's Mention Everyone) allows.
 * - `POST /channels/{id}/messages` into a forum is 400 50008; into a thread it needs Send Messages in Threads.
 */
import { ChannelFlags, ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';

export interface FakeForumTag {
  id: string;
  name: string;
  moderated?: boolean;
}

export interface FakeRole {
  id: string;
  name?: string;
  mentionable?: boolean;
}

/** A thread the bot started: a forum post, or a thread on one of its messages. */
export interface RecordedThread {
  id: string;
  parentId: string;
  name: string;
  appliedTags: string[];
  /** The forum post's starter message, or the message the thread was started from. */
  messageId: string;
  kind: 'forum-post' | 'from-message';
}

/** What ./index.ts lends this module: its records, lookups and the way it answers. */
export interface FakeChannelCore {
  route(
    method: string,
    pattern: string,
    handler: (params: string[], body: unknown) => { status: number; body?: unknown },
  ): void;
  channel(id: string): { guild: FakeGuildLike; channel: FakeChannelLike } | undefined;
  /** The bot's permissions in a channel (0 once the guild was deleted). */
  permissions(guild: FakeGuildLike, channel: FakeChannelLike): bigint;
  /** Record a message the bot created and return its API object. */
  createMessage(
    channelId: string,
    body: Record<string, unknown>,
    mentionRoles: string[],
    id?: string,
  ): { id: string; object: Record<string, unknown> };
  findMessage(channelId: string, messageId: string): { authorIsBot: boolean } | undefined;
  newId(): string;
  apiChannel(guild: FakeGuildLike, channel: FakeChannelLike): Record<string, unknown>;
}

export interface FakeChannelLike {
  id: string;
  type?: ChannelType;
  availableTags?: FakeForumTag[];
  requireTag?: boolean;
}

export interface FakeGuildLike {
  id: string;
  roles?: FakeRole[];
}

const err = (status: number, code: number, message: string) => ({ status, body: { code, message } });
const MISSING_ACCESS = err(403, 50001, 'Missing Access');
const MISSING_PERMISSIONS = err(403, 50013, 'Missing Permissions');
const UNKNOWN_CHANNEL = err(404, 10003, 'Unknown Channel');
const WRONG_TYPE = err(400, 50024, 'Cannot execute action on this channel type');

const FORUMS = new Set([ChannelType.GuildForum, ChannelType.GuildMedia]);
const THREADS = new Set([
  ChannelType.PublicThread,
  ChannelType.AnnouncementThread,
  ChannelType.PrivateThread,
]);
const has = (perms: bigint, flag: bigint) => (perms & flag) === flag;

/** The extra channel fields Discord sends for forums (tags, the require-tag flag). */
export function channelExtras(channel: FakeChannelLike): Record<string, unknown> {
  if (!FORUMS.has(channel.type ?? ChannelType.GuildText)) return {};
  return {
    available_tags: (channel.availableTags ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      moderated: t.moderated ?? false,
      emoji_id: null,
      emoji_name: null,
    })),
    flags: channel.requireTag ? ChannelFlags.RequireTag : 0,
    default_reaction_emoji: null,
    default_sort_order: null,
    default_forum_layout: 0,
  };
}

export function apiRoles(guild: FakeGuildLike) {
  return (guild.roles ?? []).map((r, i) => ({
    id: r.id,
    name: r.name ?? `role-${i + 1}`,
    permissions: '0',
    position: i + 1,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: r.mentionable ?? false,
    icon: null,
    unicode_emoji: null,
    flags: 0,
  }));
}

export const isThread = (channel: FakeChannelLike) => THREADS.has(channel.type ?? ChannelType.GuildText);

/** Why Discord would refuse `POST /channels/{id}/messages` in this channel, beyond plain text's checks. */
export function messageRefusal(
  channel: FakeChannelLike,
  perms: bigint,
  body: Record<string, unknown>,
): { status: number; body: unknown } | undefined {
  const type = channel.type ?? ChannelType.GuildText;
  if (!has(perms, PermissionFlagsBits.ViewChannel)) return MISSING_ACCESS;
  if (FORUMS.has(type)) return err(400, 50008, 'Cannot send messages in a non-text channel');
  const send = THREADS.has(type)
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  const embeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  if (!has(perms, send) || (embeds && !has(perms, PermissionFlagsBits.EmbedLinks)))
    return MISSING_PERMISSIONS;
  return undefined;
}

/** The roles a message pings: mentioned in its content, allowed by allowed_mentions, mentionable by the bot. */
export function mentionedRoles(
  guild: FakeGuildLike | undefined,
  perms: bigint,
  body: Record<string, unknown>,
) {
  const content = typeof body.content === 'string' ? body.content : '';
  const allowed = body.allowed_mentions as { parse?: string[]; roles?: string[] } | undefined;
  const everyone = has(perms, PermissionFlagsBits.MentionEveryone);
  return [...content.matchAll(/<@&(\d+)>/g)]
    .map((m) => m[1]!)
    .filter((id) => !allowed || allowed.parse?.includes('roles') || allowed.roles?.includes(id))
    .filter((id) => everyone || guild?.roles?.find((r) => r.id === id)?.mentionable === true);
}

export function installDigestChannelRoutes(core: FakeChannelCore) {
  const threads: RecordedThread[] = [];
  const crossposted: { channelId: string; messageId: string }[] = [];

  core.route('POST', '/channels/:id/threads', ([id], raw) => {
    const found = core.channel(id!);
    if (!found) return UNKNOWN_CHANNEL;
    const perms = core.permissions(found.guild, found.channel);
    if (!has(perms, PermissionFlagsBits.ViewChannel)) return MISSING_ACCESS;
    // Threads without a message (in text channels) are not something digests make.
    if (!FORUMS.has(found.channel.type ?? ChannelType.GuildText)) return WRONG_TYPE;
    const body = (raw ?? {}) as { name?: string; message?: Record<string, unknown>; applied_tags?: string[] };
    const message = body.message ?? {};
    const embeds = Array.isArray(message.embeds) && message.embeds.length > 0;
    if (
      !has(perms, PermissionFlagsBits.SendMessages) ||
      (embeds && !has(perms, PermissionFlagsBits.EmbedLinks))
    )
      return MISSING_PERMISSIONS;
    if (!body.name || body.name.length > 100) return err(400, 50035, 'Invalid Form Body');
    const tags = body.applied_tags ?? [];
    const known = found.channel.availableTags ?? [];
    if (tags.some((t) => !known.some((k) => k.id === t))) return err(400, 50035, 'Invalid Form Body');
    if (found.channel.requireTag && tags.length === 0)
      return err(400, 40067, 'A tag is required to create a forum post in this channel');
    if (
      tags.some((t) => known.find((k) => k.id === t)?.moderated) &&
      !has(perms, PermissionFlagsBits.ManageThreads)
    )
      return MISSING_PERMISSIONS;
    const threadId = core.newId();
    const starter = core.createMessage(
      threadId,
      message,
      mentionedRoles(found.guild, perms, message),
      threadId,
    );
    threads.push({
      id: threadId,
      parentId: id!,
      name: body.name,
      appliedTags: tags,
      messageId: starter.id,
      kind: 'forum-post',
    });
    return {
      status: 201,
      body: {
        ...core.apiChannel(found.guild, { id: threadId, type: ChannelType.PublicThread }),
        name: body.name,
        parent_id: id,
        applied_tags: tags,
        message: starter.object,
      },
    };
  });

  core.route('POST', '/channels/:id/messages/:message/threads', ([id, messageId], raw) => {
    const found = core.channel(id!);
    if (!found) return UNKNOWN_CHANNEL;
    const perms = core.permissions(found.guild, found.channel);
    if (!has(perms, PermissionFlagsBits.ViewChannel)) return MISSING_ACCESS;
    const type = found.channel.type ?? ChannelType.GuildText;
    if (type !== ChannelType.GuildText && type !== ChannelType.GuildAnnouncement) return WRONG_TYPE;
    if (!has(perms, PermissionFlagsBits.CreatePublicThreads)) return MISSING_PERMISSIONS;
    if (!core.findMessage(id!, messageId!)) return err(404, 10008, 'Unknown Message');
    if (threads.some((t) => t.messageId === messageId && t.kind === 'from-message'))
      return err(400, 160004, 'A thread has already been created for this message');
    const body = (raw ?? {}) as { name?: string };
    if (!body.name || body.name.length > 100) return err(400, 50035, 'Invalid Form Body');
    // Discord gives a thread started from a message that message's id.
    threads.push({
      id: messageId!,
      parentId: id!,
      name: body.name,
      appliedTags: [],
      messageId: messageId!,
      kind: 'from-message',
    });
    const threadType =
      type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
    return {
      status: 201,
      body: {
        ...core.apiChannel(found.guild, { id: messageId!, type: threadType }),
        name: body.name,
        parent_id: id,
      },
    };
  });

  core.route('POST', '/channels/:id/messages/:message/crosspost', ([id, messageId]) => {
    const found = core.channel(id!);
    if (!found) return UNKNOWN_CHANNEL;
    const perms = core.permissions(found.guild, found.channel);
    if (!has(perms, PermissionFlagsBits.ViewChannel)) return MISSING_ACCESS;
    if ((found.channel.type ?? ChannelType.GuildText) !== ChannelType.GuildAnnouncement) return WRONG_TYPE;
    const message = core.findMessage(id!, messageId!);
    if (!message) return err(404, 10008, 'Unknown Message');
    const needed = message.authorIsBot
      ? PermissionFlagsBits.SendMessages
      : PermissionFlagsBits.ManageMessages;
    if (!has(perms, needed) && !has(perms, PermissionFlagsBits.ManageMessages)) return MISSING_PERMISSIONS;
    if (crossposted.some((c) => c.messageId === messageId))
      return err(400, 40033, 'This message has already been crossposted');
    crossposted.push({ channelId: id!, messageId: messageId! });
    return { status: 200, body: { id: messageId, channel_id: id, flags: 1 } };
  });

  core.route('GET', '/guilds/:id/threads/active', ([guildId]) => {
    const inGuild = threads.filter((t) => core.channel(t.parentId)?.guild.id === guildId);
    return {
      status: 200,
      body: {
        threads: inGuild.map((t) => {
          const parent = core.channel(t.parentId)!;
          const type =
            parent.channel.type === ChannelType.GuildAnnouncement
              ? ChannelType.AnnouncementThread
              : ChannelType.PublicThread;
          return {
            ...core.apiChannel(parent.guild, { id: t.id, type }),
            name: t.name,
            parent_id: t.parentId,
            applied_tags: t.appliedTags,
          };
        }),
        members: [],
      },
    };
  });

  return { threads, crossposted };
}
