// "Look up in Shiting": a message context-menu command that looks up the text of the message it is run on and
// answers only to the one who ran it: the best match's card, a menu of the other matches, and a Share button.
import {
  ApplicationCommandType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { messages } from '../src/locale/catalogue';
import { localized } from '../src/locale/discord';
import { renderContext } from '../src/render/format';
import { ephemeralReply, noMatchReply } from '../src/render/reply';
import { hitCard } from './lookup-command';
import { EVERYWHERE, QUERY_MAX } from './options';
import type { MessageCommand } from './types';

const definition = {
  type: ApplicationCommandType.Message,
  name: messages('en-US').commands.lookUp.name,
  name_localizations: localized((t) => t.commands.lookUp.name),
  ...EVERYWHERE,
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** How many other matches the menu under the card offers (Discord's 25, the best match aside). */
const OTHERS = 24;

export const lookUp: MessageCommand = {
  definition,
  handle(knowledge, text, context) {
    const ctx = renderContext(knowledge.kb, context.locale);
    // A message may run to 2,000 characters: its first line of words is what a lookup can use.
    const query = Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, QUERY_MAX).join('').trim();
    if (!query) return ephemeralReply(ctx.t.components.noText);
    const result = knowledge.lookup.resolve(query, { limit: OTHERS + 1 });
    const shown = { ephemeral: true };
    if (result.status === 'found')
      return hitCard(knowledge, ctx, result.hit, result.others.slice(0, OTHERS), shown);
    // A message is prose, not a query: its closest match is the answer even when not clear-cut, the rest in a menu.
    const candidates =
      result.candidates.length > 0
        ? result.candidates
        : knowledge.lookup.search(query, { limit: OTHERS + 1 });
    const [best, ...rest] = candidates;
    if (best) return hitCard(knowledge, ctx, best, rest.slice(0, OTHERS), shown);
    return noMatchReply(ctx, query, [], { what: ctx.t.label.records.toLowerCase(), browse: '/search' });
  },
};
