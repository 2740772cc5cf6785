// The card of one organisation: what it is, its names, and the editions, people and figures tied to it.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Organization } from '../../knowledge/schema';
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
import { relatedIds } from './related';

export function renderOrganization(ctx: RenderContext, org: Organization): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'organizations', record: org } as const;
  const list = (kind: 'editions' | 'people' | 'statistics' | 'reports' | 'works') =>
    namesOf(ctx, relatedIds(ctx, org.id, kind));
  return card(ctx, {
    kind: 'organizations',
    title: nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: withFieldBasis(ctx, org, 'summary', localText(ctx, org, 'summary')),
    fields: [
      fact(t.label.kind, withFieldBasis(ctx, org, 'kind', t.orgKinds[org.kind])),
      fact(t.label.parent, org.parent && withFieldBasis(ctx, org, 'parent', nameById(ctx, org.parent))),
      listField(ctx, t.label.aliases, itemsWithBasis(ctx, org, 'aliases', localAliases(ctx, org)), {
        separator: t.list,
      }),
      listField(ctx, withCommand(t.label.editions, 'edition'), list('editions')),
      listField(ctx, withCommand(t.label.people, 'speaker'), list('people'), { separator: t.list }),
      listField(ctx, withCommand(t.label.reports, 'search'), list('reports')),
      listField(ctx, withCommand(t.label.statistics, 'stat'), list('statistics')),
      listField(ctx, withCommand(t.label.works, 'search'), list('works')),
      fact(t.label.note, withFieldBasis(ctx, org, 'note', localText(ctx, org, 'note')), false),
    ],
    sources: org.sources,
  });
}
