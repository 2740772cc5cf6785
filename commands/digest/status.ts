// /digest status — the server's digests: schedule, next run, last post, why one is paused.
import type { DigestService } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { ephemeralReply } from '../../src/render/reply';
import type { Context, Reply } from '../types';
import { ephemeralEmbed, localTime, unix } from './shared';

export async function status(service: DigestService, guildId: string, context: Context): Promise<Reply> {
  const t = digestText(context.locale);
  const entries = await service.status(guildId, context.now);
  if (entries.length === 0) return ephemeralReply(t.statusNone);
  const blocks = entries.map(({ subscription: s, nextRun }) => {
    const lines = [`**<#${s.channelId}>** — ${t.schedule(s.time, s.timezone)}; ${t.emptyDays(s.emptyDays)}`];
    if (s.pausedReason) lines.push(t.statusPaused(t.pauseReason(s.pausedReason), s.channelId));
    else if (nextRun) lines.push(t.statusNext(localTime(nextRun, s.timezone), unix(nextRun)));
    const lastPost = s.lastPostAt ? unix(new Date(s.lastPostAt)) : undefined;
    lines.push(t.statusLastPost(s.lastPostDate, lastPost));
    if (s.lastError) lines.push(t.statusLastError(s.lastError));
    return lines.join('\n');
  });
  return ephemeralEmbed({ title: t.statusTitle, description: blocks.join('\n\n') });
}
