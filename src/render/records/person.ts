// The card of one person: roles, the editions where they appeared and what they said, figures they announced.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Person } from '../../knowledge/schema';
import { bullet, card, fact, listField, withCommand } from '../card';
import {
  collectSources,
  itemsWithBasis,
  localAliases,
  localText,
  nameById,
  nameOf,
  namesOf,
  otherName,
  type RenderContext,
  withBasis,
  withFieldBasis,
} from '../format';
import { relatedIds } from './related';

export function renderPerson(ctx: RenderContext, person: Person): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'people', record: person } as const;
  const roles = person.roles.map((role) => {
    const where = [
      role.organisation && nameById(ctx, role.organisation),
      role.edition && nameById(ctx, role.edition),
    ];
    const context = where.filter(Boolean).join(t.list);
    const title = localText(ctx, role, 'title');
    const line = context ? `${title} — ${context}` : title;
    return withBasis(ctx, line, role.basis, role.note && localText(ctx, role, 'note'));
  });
  const appearances = person.appearances.map((a) => {
    const place = [nameById(ctx, a.edition), a.forum && nameById(ctx, a.forum)].filter(Boolean).join(' · ');
    const summary = localText(ctx, a, 'summary');
    const said = withBasis(ctx, summary, a.basis, a.note && localText(ctx, a, 'note'));
    return bullet(`${t.aside(`**${place}**`, t.appearanceAs[a.as])}: ${said}`);
  });
  return card(ctx, {
    kind: 'people',
    title: nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: roles[0],
    fields: [
      listField(ctx, t.label.roles, roles.length > 1 ? roles : []),
      listField(ctx, withCommand(t.label.appearances, 'edition'), appearances),
      listField(
        ctx,
        withCommand(t.label.announced, 'stat'),
        namesOf(ctx, relatedIds(ctx, person.id, 'statistics')),
      ),
      listField(ctx, t.label.aliases, itemsWithBasis(ctx, person, 'aliases', localAliases(ctx, person)), {
        separator: t.list,
      }),
      fact(t.label.note, withFieldBasis(ctx, person, 'note', localText(ctx, person, 'note')), false),
    ],
    sources: collectSources(
      person.sources,
      ...person.roles.map((r) => r.sources),
      ...person.appearances.map((a) => a.sources),
    ),
  });
}
