// The card of one forum: its edition, day, hosts and the people who spoke there.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Forum } from '../../knowledge/schema';
import { card, fact, listField, withCommand } from '../card';
import {
  formatDate,
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
import { relatedIds } from './related';

export function renderForum(ctx: RenderContext, forum: Forum): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'forums', record: forum } as const;
  return card(ctx, {
    kind: 'forums',
    title: nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: withFieldBasis(ctx, forum, 'summary', localText(ctx, forum, 'summary')),
    fields: [
      fact(withCommand(t.label.edition, 'edition'), nameById(ctx, forum.edition)),
      fact(t.label.date, forum.date && withFieldBasis(ctx, forum, 'date', formatDate(ctx, forum.date))),
      listField(ctx, t.label.aliases, itemsWithBasis(ctx, forum, 'aliases', localAliases(ctx, forum)), {
        separator: t.list,
      }),
      listField(ctx, t.label.hosts, itemsWithBasis(ctx, forum, 'hosts', namesOf(ctx, forum.hosts)), {
        inline: true,
      }),
      listField(
        ctx,
        t.label.organisers,
        itemsWithBasis(ctx, forum, 'organisers', namesOf(ctx, forum.organisers)),
        {
          inline: true,
        },
      ),
      listField(
        ctx,
        withCommand(t.label.speakers, 'speaker'),
        namesOf(ctx, relatedIds(ctx, forum.id, 'people')),
        {
          separator: t.list,
        },
      ),
    ],
    sources: forum.sources,
  });
}
