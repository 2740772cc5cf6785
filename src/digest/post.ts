// How one digest goes out in the shape its server chose: the role ping at the top (that role alone may be pinged), a
// message in a text, announcement or thread channel or a new post in a forum (titled with the date, tagged), then a
// thread on it and its crosspost to following servers. The deliverer (./deliver.ts) and `/digest test` share it.
import type { REST } from '@discordjs/rest';
import {
  type APIAllowedMentions,
  type APIEmbed,
  type APIGuildForumTag,
  ChannelFlags,
  type RESTGetAPIChannelResult,
  type RESTGetAPIGuildThreadsResult,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageResult,
  type RESTPostAPIGuildForumThreadsJSONBody,
  Routes,
  ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import { describeRestError } from '../discord/api-errors';
import { fitChoice } from '../discord-limits';
import { LOCALES } from '../locale';
import { NO_MENTIONS } from '../render/reply';
import { channelKind } from './needs';
import type { DigestMessage } from './payload';
import type { Subscription } from './store';
import { digestText } from './text';

/** What of a subscription shapes its post. */
export type PostShape = Pick<
  Subscription,
  'guildId' | 'channelId' | 'channelType' | 'roleId' | 'thread' | 'publish' | 'locale'
>;

export interface PostOptions {
  /** The post's title in forums and its thread's name: the date as the digest's language writes it. */
  title: string;
  /** Where the marker url points (see deliver.ts's digestMarkerUrl); none for a test post. */
  markerUrl?: string;
  /** Deterministic nonce with enforce_nonce (message channels only: Discord takes none with a forum post). */
  nonce?: string;
}

/** A step after the post that did not happen: the post stands, the server is told why. */
export interface FollowUpProblem {
  step: 'thread' | 'publish';
  error: unknown;
}

export interface Posted {
  messageId: string;
  /** Where the message is: the forum post's thread, or the channel. */
  inChannelId: string;
  problems: FollowUpProblem[];
}

/** Only the subscription's role may be pinged; never @everyone, @here or anyone named in the data. */
function digestMentions(roleId: string | undefined): APIAllowedMentions {
  return roleId ? { parse: [], roles: [roleId] } : NO_MENTIONS;
}

/** The embeds with the marker on the first (only the first: Discord merges embeds that share a url). */
function withMarker(embeds: readonly APIEmbed[], url: string | undefined): APIEmbed[] {
  if (!url) return [...embeds];
  const [first, ...rest] = embeds;
  return first ? [{ ...first, url }, ...rest] : [];
}

/** Words a fitting forum tag's name contains, in every language Shiting speaks. */
const TAG_WORDS = [...new Set(LOCALES.flatMap((l) => digestText(l).forumTagWords))].map((w) =>
  w.toLowerCase(),
);

/**
 * The tag a forum post carries: one whose name fits a digest, else (when the channel requires one) the first the
 * bot may apply. Moderated tags need Manage Threads, so they are passed over.
 */
function chooseForumTag(
  tags: readonly Pick<APIGuildForumTag, 'id' | 'name' | 'moderated'>[],
  required: boolean,
): string | undefined {
  const usable = tags.filter((t) => !t.moderated);
  const fitting = usable.find((t) => TAG_WORDS.some((w) => t.name.toLowerCase().includes(w)));
  return (fitting ?? (required ? usable[0] : undefined))?.id;
}

/** The message of a post: the role ping (if any) above the digest's embeds, pinging that role alone. */
export function digestBody(
  roleId: string | undefined,
  message: DigestMessage,
  markerUrl?: string,
): Pick<RESTPostAPIChannelMessageJSONBody, 'content' | 'embeds' | 'allowed_mentions'> {
  return {
    ...(roleId ? { content: `<@&${roleId}>` } : {}),
    embeds: withMarker(message.embeds, markerUrl),
    allowed_mentions: digestMentions(roleId),
  };
}

/**
 * The id of the bot's forum post for a day (its starter message's, which is the thread's), among the server's active
 * threads: a forum post carries no nonce, so a retry whose earlier try may have gone through looks for it first.
 */
export async function findForumPost(
  rest: REST,
  shape: Pick<PostShape, 'guildId' | 'channelId'>,
  title: string,
  botId: string,
): Promise<string | undefined> {
  const active = (await rest.get(Routes.guildActiveThreads(shape.guildId))) as RESTGetAPIGuildThreadsResult;
  const name = fitChoice(title);
  return (
    active.threads as { id: string; parent_id?: string | null; name?: string; owner_id?: string }[]
  ).find((t) => t.parent_id === shape.channelId && t.name === name && t.owner_id === botId)?.id;
}

export function messageUrl(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/**
 * Post a digest. Rejects with Discord's error when the post itself fails (the caller pauses or retries); a thread
 * or crosspost that fails afterwards is returned in `problems`, the post having gone out.
 */
export async function postDigest(
  rest: REST,
  shape: PostShape,
  message: DigestMessage,
  options: PostOptions,
): Promise<Posted> {
  const base = digestBody(shape.roleId, message, options.markerUrl);
  const name = fitChoice(options.title);
  const kind = channelKind(shape.channelType) ?? 'text';
  if (kind === 'forum') {
    const channel = (await rest.get(Routes.channel(shape.channelId))) as RESTGetAPIChannelResult;
    const tags = 'available_tags' in channel ? (channel.available_tags ?? []) : [];
    const required = ((channel.flags ?? 0) & ChannelFlags.RequireTag) !== 0;
    const tag = chooseForumTag(tags, required);
    const body: RESTPostAPIGuildForumThreadsJSONBody = {
      name,
      message: base,
      ...(tag ? { applied_tags: [tag] } : {}),
    };
    const thread = (await rest.post(Routes.threads(shape.channelId), { body })) as {
      id: string;
      message?: { id: string };
    };
    return { messageId: thread.message?.id ?? thread.id, inChannelId: thread.id, problems: [] };
  }
  const body: RESTPostAPIChannelMessageJSONBody = {
    ...base,
    ...(options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {}),
  };
  const posted = (await rest.post(Routes.channelMessages(shape.channelId), {
    body,
  })) as RESTPostAPIChannelMessageResult;
  return {
    messageId: posted.id,
    inChannelId: shape.channelId,
    problems: await followUps(rest, shape, posted.id, name),
  };
}

/** The thread and the crosspost of a posted message, each tried once; what failed is returned. */
async function followUps(
  rest: REST,
  shape: PostShape,
  messageId: string,
  name: string,
): Promise<FollowUpProblem[]> {
  const kind = channelKind(shape.channelType) ?? 'text';
  const problems: FollowUpProblem[] = [];
  if (shape.thread && (kind === 'text' || kind === 'announcement')) {
    try {
      await rest.post(Routes.threads(shape.channelId, messageId), {
        body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
      });
    } catch (error) {
      problems.push({ step: 'thread', error });
    }
  }
  if (shape.publish && kind === 'announcement') {
    try {
      await rest.post(Routes.channelMessageCrosspost(shape.channelId, messageId));
    } catch (error) {
      problems.push({ step: 'publish', error });
    }
  }
  return problems;
}

/** A follow-up problem as the log and `/digest status` show it. */
export function describeFollowUp(problem: FollowUpProblem): string {
  return `${problem.step === 'thread' ? 'thread' : 'crosspost'} failed: ${describeRestError(problem.error)}`;
}
