// The card of one source document: outlet, title, date (and why it is uncertain), language.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Source } from '../../knowledge/schema';
import { card, fact } from '../card';
import { formatDate, localText, type RenderContext, withFieldBasis } from '../format';

export function renderSource(ctx: RenderContext, source: Source): APIEmbed {
  const { t } = ctx;
  const published = source.published
    ? withFieldBasis(ctx, source, 'published', formatDate(ctx, source.published))
    : t.undated;
  const dateNote = localText(ctx, source, 'dateNote');
  return card(ctx, {
    kind: 'sources',
    title: source.title,
    description: withFieldBasis(ctx, source, 'summary', localText(ctx, source, 'summary')),
    fields: [
      fact(t.label.outlet, source.outlet),
      fact(t.label.published, dateNote ? `${published}\n${dateNote}` : published),
      fact(t.label.language, t.languages[source.language]),
      fact(t.label.machineTranslated, source.machineTranslated ? t.yes : undefined),
      fact(t.label.repostedBy, source.repostedBy),
      fact(t.label.author, source.author),
    ],
    sources: [],
  });
}
