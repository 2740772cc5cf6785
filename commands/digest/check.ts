// /digest check [channel] — what the bot may do where each digest goes: one line per thing its options need.
import type { NeedLine } from '../../src/digest/needs';
import type { CheckEntry, DigestService } from '../../src/digest/service';
import { type DigestText, digestText } from '../../src/digest/text';
import { ephemeralReply } from '../../src/render/reply';
import type { Context, Reply } from '../types';
import type { DigestOptions } from './index';
import { ephemeralEmbed } from './shared';

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

function needLine(t: DigestText, line: NeedLine): string {
  switch (line.need) {
    case 'permission':
      return t.checkPermission(t.permission(line.permission), line.ok, line.required);
    case 'mention':
      return t.checkMention(line.roleId, line.how);
    case 'publish':
      return t.checkPublish(line.how);
  }
}

/** One channel's block of the `check` answer: its name, then a line per need. */
function checkBlock(t: DigestText, { channelId, result }: CheckEntry): string {
  switch (result.status) {
    case 'unknown-channel':
      return t.checkUnknownChannel(channelId);
    case 'unknown':
      return t.checkUnknown(channelId);
    case 'ok':
      return [t.checkHeader(channelId), ...result.lines.map((line) => needLine(t, line))].join('\n');
  }
}

export async function check(
  service: DigestService,
  guildId: string,
  options: DigestOptions<'check'>,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const channels = channelsToCheck(options.channel, await service.channels(guildId), context.channelId);
  if (channels.length === 0) return ephemeralReply(t.checkNoChannel);
  const entries = await service.check(guildId, channels);
  if (!entries) return ephemeralReply(t.checkUnavailable);
  const blocks = entries.map((entry) => {
    const block = checkBlock(t, entry);
    const paused = entry.subscription?.pausedReason;
    return paused ? `${block}\n${t.checkPaused(t.pauseReason(paused))}` : block;
  });
  return ephemeralEmbed({ title: t.checkTitle, description: blocks.join('\n\n') });
}
