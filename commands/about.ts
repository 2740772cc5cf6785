// /about — what the bot knows: records per kind, the sources, the index version and hash.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { KINDS } from '../src/knowledge/schema';
import { described } from '../src/locale/discord';
import { bullet, card, fact, listField } from '../src/render/card';
import { formatDate, kindName, renderContext } from '../src/render/format';
import { embedReply } from '../src/render/reply';
import { defineCommand } from './define';
import { EVERYWHERE } from './options';

const definition = {
  name: 'about',
  ...described((t) => t.commands.about),
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Enough of the hash to tell two indexes apart at a glance. */
const HASH_SHOWN = 12;

export const about = defineCommand(definition, {
  handle(knowledge, _options, context) {
    const { kb } = knowledge;
    const ctx = renderContext(kb, context.locale);
    const { t } = ctx;
    const counts = KINDS.map((kind) => `${kindName(ctx, kind, true)}: ${kb.records[kind].length}`);
    const sources = kb.records.sources.map((s) =>
      bullet(t.aside(`${s.outlet} — ${s.title}`, s.published ? formatDate(ctx, s.published) : t.undated)),
    );
    const embed = card(ctx, {
      kind: 'series',
      title: t.about.title,
      description: t.about.description,
      fields: [
        listField(ctx, t.label.records, counts, { inline: true }),
        listField(ctx, t.label.sources, sources),
        fact(t.label.index, t.about.version(kb.schemaVersion, kb.hash.slice(0, HASH_SHOWN)), false),
      ],
      sources: [],
    });
    return embedReply([embed]);
  },
});
