// What a digest needs of its channel, from the channel's kind and the subscription's options (pure): the kinds of
// channel a digest can go to, and the permission lines `/digest check` and `/digest set` show, one per need.
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';

/** How a digest is posted: a message (text, announcement, an existing thread) or a new post (forum, media). */
export type ChannelKind = 'text' | 'announcement' | 'forum' | 'thread';

/** The channel types `/digest set` accepts, as its `channel` option offers them. */
export const DIGEST_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.GuildMedia,
  ChannelType.PublicThread,
  ChannelType.AnnouncementThread,
] as const;

/** The kind of a Discord channel type; text when unknown (subscriptions from before channel types were kept). */
export function channelKind(type: number | undefined): ChannelKind | undefined {
  switch (type) {
    case undefined:
    case ChannelType.GuildText:
      return 'text';
    case ChannelType.GuildAnnouncement:
      return 'announcement';
    case ChannelType.GuildForum:
    case ChannelType.GuildMedia:
      return 'forum';
    case ChannelType.PublicThread:
    case ChannelType.AnnouncementThread:
      return 'thread';
    default:
      return undefined;
  }
}

/** Permissions by the names `/digest check` shows (the catalogues translate them). */
export const PERMISSION_FLAGS = {
  'View Channel': PermissionFlagsBits.ViewChannel,
  'Send Messages': PermissionFlagsBits.SendMessages,
  'Send Messages in Threads': PermissionFlagsBits.SendMessagesInThreads,
  'Embed Links': PermissionFlagsBits.EmbedLinks,
  'Attach Files': PermissionFlagsBits.AttachFiles,
  'Create Public Threads': PermissionFlagsBits.CreatePublicThreads,
  'Mention Everyone': PermissionFlagsBits.MentionEveryone,
  'Manage Messages': PermissionFlagsBits.ManageMessages,
} as const;
export type NeededPermission = keyof typeof PERMISSION_FLAGS;

/** What a digest's options ask of its channel. */
export interface DigestShape {
  kind: ChannelKind;
  roleId?: string;
  thread: boolean;
  publish: boolean;
}

export type NeedLine =
  /** A permission: `required` ones pause the digest when missing; Attach Files is not (digests carry no files). */
  | { need: 'permission'; permission: NeededPermission; ok: boolean; required: boolean }
  /** Pinging the role: it is mentionable, or the bot has Mention Everyone. */
  | {
      need: 'mention';
      roleId: string;
      ok: boolean;
      how: 'mentionable' | 'mention-everyone' | 'none' | 'unknown';
    }
  /** Publishing: Manage Messages, or being the author (the bot publishes only its own posts: Send Messages). */
  | { need: 'publish'; ok: boolean; how: 'manage-messages' | 'author' | 'none' };

const has = (permissions: bigint, flag: bigint) =>
  (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & flag) === flag;

/** Every line `/digest check` shows for a digest of this shape, given the bot's permissions there. */
export function needLines(
  shape: DigestShape,
  permissions: bigint,
  role?: { mentionable: boolean } | 'unknown',
): NeedLine[] {
  const permission = (p: NeededPermission, required = true): NeedLine => ({
    need: 'permission',
    permission: p,
    ok: has(permissions, PERMISSION_FLAGS[p]),
    required,
  });
  // In a forum, Send Messages is what creates posts; in a thread, Send Messages in Threads is what speaks.
  const send = shape.kind === 'thread' ? 'Send Messages in Threads' : 'Send Messages';
  const lines: NeedLine[] = [permission('View Channel'), permission(send), permission('Embed Links')];
  lines.push(permission('Attach Files', false));
  if (shape.thread && (shape.kind === 'text' || shape.kind === 'announcement'))
    lines.push(permission('Create Public Threads'));
  if (shape.roleId) {
    const everyone = has(permissions, PermissionFlagsBits.MentionEveryone);
    const how =
      role === 'unknown' || role === undefined
        ? everyone
          ? 'mention-everyone'
          : 'unknown'
        : role.mentionable
          ? 'mentionable'
          : everyone
            ? 'mention-everyone'
            : 'none';
    lines.push({ need: 'mention', roleId: shape.roleId, ok: how !== 'none' && how !== 'unknown', how });
  }
  if (shape.publish) {
    const how = has(permissions, PermissionFlagsBits.ManageMessages)
      ? 'manage-messages'
      : has(permissions, PermissionFlagsBits.SendMessages)
        ? 'author'
        : 'none';
    lines.push({ need: 'publish', ok: how !== 'none', how });
  }
  return lines;
}

/** The required permissions missing among the lines: what makes a digest pause. */
export function missingRequired(lines: readonly NeedLine[]): NeededPermission[] {
  return lines.flatMap((l) => (l.need === 'permission' && l.required && !l.ok ? [l.permission] : []));
}
