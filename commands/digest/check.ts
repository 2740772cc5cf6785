// /digest check [channel] — whether the bot may post where the digest goes, permission by permission.
import { type CheckEntry, type DigestService, NEEDED_PERMISSIONS } from '../../src/digest/service';
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
