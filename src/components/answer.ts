// Answers a click on a button or a select menu from its custom_id (and the chosen value) alone: a pure function,
// shared by the router and the console's `shiting click`. Only the one who ran the command changes the message;
// anyone else gets their own ephemeral answer.
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Knowledge } from '../knowledge/open';
import type { Locale } from '../locale/locales';
import { type RenderContext, renderContext } from '../render/format';
import { ephemeralReply, type Reply } from '../render/reply';
import { decode } from './codec';
import { cardReply, matchesReply } from './views';

export interface Click {
  customId: string;
  /** A select menu's chosen values. */
  values?: readonly string[];
  /** The language of the one who clicked. */
  locale: Locale;
  userId: string;
  /** Who ran the command the clicked message answers; undefined when not known (a shared card). */
  ownerId?: string;
  /** The clicked message is ephemeral: only the one who asked sees it, so only they can click it. */
  ephemeral: boolean;
  /** The app's permissions in the channel (Discord's `app_permissions`); undefined where not told (the console). */
  appPermissions?: bigint;
}

/** Replace the clicked message (callback 7), or answer with a new message (callback 4). */
export type ClickAnswer = { type: 'update'; reply: Reply } | { type: 'message'; reply: Reply };

/** What posting a card in the channel takes. */
const POST =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

function mayPost(permissions: bigint | undefined): boolean {
  return permissions === undefined || (permissions & POST) === POST;
}

export function answerClick(knowledge: Knowledge, click: Click): ClickAnswer {
  const outOfDate = (): ClickAnswer => ({
    type: 'message',
    reply: ephemeralReply(renderContext(knowledge.kb, click.locale).t.components.outOfDate),
  });
  const decoded = decode(click.customId);
  if (!decoded.ok) return outOfDate();
  const action = decoded.value;
  if (action.action === 'label') return outOfDate();
  const owner = click.ephemeral || (click.ownerId !== undefined && click.ownerId === click.userId);
  // The shared message keeps its language; someone else's own answer is in theirs.
  const ctx: RenderContext = renderContext(knowledge.kb, owner ? action.locale : click.locale);
  const answer = (reply: Reply | undefined): ClickAnswer => {
    if (!reply) return outOfDate();
    return owner ? { type: 'update', reply } : { type: 'message', reply };
  };
  const ephemeral = !owner || click.ephemeral;
  switch (action.action) {
    case 'card': {
      if (knowledge.kb.find(action.id)?.kind !== action.kind) return outOfDate();
      return answer(cardReply(ctx, { id: action.id, page: action.page, ephemeral }));
    }
    case 'open': {
      const [id] = click.values ?? [];
      if (!id || !knowledge.kb.find(id)) return outOfDate();
      return answer(cardReply(ctx, { id, ephemeral }));
    }
    case 'matches':
      return answer(matchesReply(knowledge, ctx, action.query, action.page, ephemeral));
    case 'share': {
      if (knowledge.kb.find(action.id)?.kind !== action.kind) return outOfDate();
      const shared = renderContext(knowledge.kb, action.locale);
      if (!mayPost(click.appPermissions))
        return { type: 'message', reply: ephemeralReply(ctx.t.components.shareRefused) };
      const reply = cardReply(shared, {
        id: action.id,
        page: action.page,
        content: shared.t.components.sharedBy(`<@${click.userId}>`),
      });
      return reply ? { type: 'message', reply } : outOfDate();
    }
  }
}
