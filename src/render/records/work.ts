// The card of one work (documentary, drama, exhibition …) shown or released at an edition.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Work } from '../../knowledge/schema';
import { card, fact, listField, withCommand } from '../card';
import {
  itemsWithBasis,
  localAliases,
  localText,
  nameById,
  nameOf,
  namesOf,
  otherName,
  type RenderContext,
  withFieldBasis,
} from '../format';

export function renderWork(ctx: RenderContext, work: Work): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'works', record: work } as const;
  return card(ctx, {
    kind: 'works',
    title: nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: withFieldBasis(ctx, work, 'summary', localText(ctx, work, 'summary')),
    fields: [
      fact(t.label.kind, withFieldBasis(ctx, work, 'kind', t.workKinds[work.kind])),
      fact(withCommand(t.label.edition, 'edition'), work.edition && nameById(ctx, work.edition)),
      listField(ctx, t.label.by, itemsWithBasis(ctx, work, 'by', namesOf(ctx, work.by)), { inline: true }),
      listField(ctx, t.label.aliases, itemsWithBasis(ctx, work, 'aliases', localAliases(ctx, work)), {
        separator: t.list,
      }),
    ],
    sources: work.sources,
  });
}
