// /digest test [channel] — post one digest now, marked as a test, with the subscription's options; reply with its
// link or with what failed and how to fix it. Not the day's post; a failure pauses nothing.

import type { DigestService } from '../../src/digest/service';
import { digestText } from '../../src/digest/text';
import { discordApiRefusal } from '../../src/discord/api-errors';
import { ephemeralReply } from '../../src/render/reply';
import type { Context, Reply } from '../types';
import type { DigestOptions } from './index';

export async function test(
  service: DigestService,
  guildId: string,
  options: DigestOptions<'test'>,
  context: Context,
): Promise<Reply> {
  const t = digestText(context.locale);
  const result = await service.test(guildId, options.channel, context.now);
  switch (result.status) {
    case 'unavailable':
      return ephemeralReply(t.testUnavailable);
    case 'no-subscription':
      return ephemeralReply(t.testNone(result.channelId));
    case 'which':
      return ephemeralReply(t.testWhich(result.channelIds));
    case 'failed':
      return ephemeralReply(t.testFailed(result.channelId, result.failure));
    case 'posted':
      return ephemeralReply(
        [
          t.testPosted(result.url),
          ...result.problems.map((p) =>
            t.testProblem(p.step, t.followUpWhy(p.step, discordApiRefusal(p.error)?.code)),
          ),
        ].join('\n'),
      );
  }
}
