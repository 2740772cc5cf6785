// /digest off [channel] — delete the digest of one channel, or of every channel of the server (see PRIVACY.md).
import type { DigestService } from '../../src/digest/service';
import type { DigestText } from '../../src/digest/text';
import { ephemeralReply } from '../../src/render/reply';
import type { Reply } from '../types';
import type { DigestOptions } from './index';

export async function off(
  service: DigestService,
  guildId: string,
  options: DigestOptions<'off'>,
  t: DigestText,
): Promise<Reply> {
  const channelId = options.channel;
  const stopped = await service.off(guildId, channelId);
  if (stopped.length === 0) return ephemeralReply(t.offNone(channelId));
  const last = (await service.channels(guildId)).length === 0;
  return ephemeralReply(
    t.offDone(
      stopped.map((s) => s.channelId),
      last,
    ),
  );
}
