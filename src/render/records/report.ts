// The card of one report: publisher, release, edition and the statistics it gave.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Report } from '../../knowledge/schema';
import { card, fact, listField, withCommand } from '../card';
import {
  formatDate,
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

export function renderReport(ctx: RenderContext, report: Report): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'reports', record: report } as const;
  return card(ctx, {
    kind: 'reports',
    title: nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: withFieldBasis(ctx, report, 'summary', localText(ctx, report, 'summary')),
    fields: [
      fact(t.label.publisher, report.publisher && nameById(ctx, report.publisher)),
      fact(
        t.label.released,
        report.released && withFieldBasis(ctx, report, 'released', formatDate(ctx, report.released)),
      ),
      fact(
        withCommand(t.label.edition, 'edition'),
        report.edition && withFieldBasis(ctx, report, 'edition', nameById(ctx, report.edition)),
      ),
      listField(ctx, t.label.aliases, localAliases(ctx, report), { separator: t.list }),
      listField(
        ctx,
        withCommand(t.label.statistics, 'stat'),
        namesOf(ctx, relatedIds(ctx, report.id, 'statistics')),
      ),
    ],
    sources: report.sources,
  });
}
