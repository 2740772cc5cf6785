// /digest preview [date] — the digest as it would be posted on a day (the digest of the channel it is asked in,
// else the server's first), shown only to the one who asked.
import type { DigestService } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { echo } from '../../src/render/echo';
import { ephemeralReply } from '../../src/render/reply';
import type { Context, Reply } from '../types';
import type { DigestOptions } from './index';
import { ephemeralEmbed } from './shared';

export async function preview(
  service: DigestService,
  guildId: string,
  options: DigestOptions<'preview'>,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const given = options.date;
  const shown = await service.preview(guildId, given, context.locale, context.now, context.channelId);
  if (!shown) return ephemeralReply(t.badDate(echo(given ?? '')));
  const [embed] = shown.message.embeds;
  return embed ? ephemeralEmbed(embed, t.previewOf(shown.date)) : ephemeralReply(t.previewOf(shown.date));
}
