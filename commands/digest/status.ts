// /digest status — the server's digests one by one: schedule, language and options, next run, last post, and
// why one is paused (and whether the channel could be told).
import type { DigestService } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { ephemeralReply } from '../../src/render/reply';
import type { Context, Reply } from '../types';
import { shapeLine } from './set';
import { ephemeralEmbed, localTime, unix } from './shared';

export async function status(service: DigestService, guildId: string, context: Context): Promise<Reply> {
  const t = digestText(context.locale);
  const entries = await service.status(guildId, context.now);
  if (entries.length === 0) return ephemeralReply(t.statusNone);
  const blocks = entries.map(({ subscription: s, nextRun }) => {
    const lines = [
      `**<#${s.channelId}>** — ${t.schedule(s.time, s.timezone)}; ${t.emptyDays(s.emptyDays)}`,
      shapeLine(t, s),
    ];
    if (s.pausedReason) {
      lines.push(t.statusPaused(t.pauseReason(s.pausedReason), s.channelId));
      if (s.pausedReason !== 'left-guild') lines.push(t.statusTold(s.noticeSent));
    } else if (nextRun) lines.push(t.statusNext(localTime(nextRun, s.timezone), unix(nextRun)));
    const lastPost = s.lastPostAt ? unix(new Date(s.lastPostAt)) : undefined;
    lines.push(t.statusLastPost(s.lastPostDate, lastPost));
    if (s.lastError) lines.push(t.statusLastError(s.lastError));
    return lines.join('\n');
  });
  return ephemeralEmbed({ title: t.statusTitle, description: blocks.join('\n\n') });
}
