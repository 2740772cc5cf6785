// Whole reply payloads: every one fits Discord's limits and can never ping anyone.
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { MessageFlags } from 'discord-api-types/v10';
import { recordSelect } from '../components/build';
import { fitContent, fitEmbeds, LIMITS, listWithin } from '../discord-limits';
import type { Hit } from '../search/lookup-types';
import { bullet } from './card';
import { echo } from './echo';
import { kindName, listName, type RenderContext } from './format';

/** A file to attach to a reply (a chart). */
export interface ReplyFile {
  name: string;
  data: Uint8Array;
  description?: string;
}

/** A reply: the exact JSON Discord's API takes, plus files to attach (charts). */
export interface Reply {
  payload: APIInteractionResponseCallbackData;
  files?: ReplyFile[];
}

/** Whether Discord shows the reply only to the person who asked. */
export function isEphemeral(payload: APIInteractionResponseCallbackData): boolean {
  return ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** No text from the data or from a user may mention anyone. */
export const NO_MENTIONS = { parse: [] };

export function embedReply(embeds: readonly APIEmbed[], content?: string): Reply {
  const payload: Reply['payload'] = { embeds: fitEmbeds(embeds), allowed_mentions: NO_MENTIONS };
  if (content) payload.content = fitContent(content);
  return { payload };
}

/** A short message only the user sees: errors, "nothing found", "did you mean". */
export function ephemeralReply(text: string): Reply {
  return {
    payload: { content: fitContent(text), flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
  };
}

/** One line naming a hit and its kind, in the reply's locale: "Liu Zhen (person)". */
export function hitLine(ctx: RenderContext, hit: Hit): string {
  const item = ctx.kb.find(hit.id);
  return ctx.t.aside(item ? listName(ctx, item) : hit.label, kindName(ctx, hit.kind));
}

/** "No clear match …; did you mean: …" when there are suggestions, else "Nothing found …"; ephemeral. */
export function noMatchReply(
  ctx: RenderContext,
  query: string,
  candidates: readonly Hit[],
  options: { what: string; browse: string },
): Reply {
  const { t } = ctx;
  if (candidates.length === 0) {
    return ephemeralReply(
      t.search.notFound(echo(query), options.what) + t.sentenceGap + t.search.tryOther(options.browse),
    );
  }
  const head = t.search.noClearMatch(echo(query)) + t.sentenceGap + t.search.pick;
  const lines = candidates.map((hit) => bullet(hitLine(ctx, hit)));
  const budget = LIMITS.content - head.length - t.search.didYouMean.length - 4;
  const reply = ephemeralReply(`${head}\n${t.search.didYouMean}:\n${listWithin(lines, budget, t.andMore)}`);
  // Choosing one replaces this reply with that record's card.
  const menu = recordSelect(
    ctx,
    0,
    t.components.didYouMean,
    candidates.slice(0, LIMITS.components.selectOptions).map((c) => c.id),
  );
  if (menu) reply.payload.components = [menu];
  return reply;
}
