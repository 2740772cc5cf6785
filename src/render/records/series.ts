// The card of a conference series: its names and its editions in order.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Series } from '../../knowledge/schema';
import { card, listField, withCommand } from '../card';
import {
  editionName,
  itemsWithBasis,
  localAliases,
  localText,
  nameOf,
  otherName,
  type RenderContext,
  withFieldBasis,
} from '../format';

export function renderSeries(ctx: RenderContext, series: Series): APIEmbed {
  const { t } = ctx;
  const item = { kind: 'series', record: series } as const;
  const editions = ctx.kb.records.editions
    .filter((e) => e.series === series.id)
    .sort((a, b) => a.year - b.year || (a.ordinal ?? a.season ?? 0) - (b.ordinal ?? b.season ?? 0))
    .map((e) => ctx.t.aside(editionName(ctx, e), String(e.year)));
  return card(ctx, {
    kind: 'series',
    title: series.short ? t.aside(nameOf(ctx, item), series.short) : nameOf(ctx, item),
    subtitle: otherName(ctx, item),
    description: withFieldBasis(ctx, series, 'summary', localText(ctx, series, 'summary')),
    fields: [
      listField(ctx, withCommand(t.label.editions, 'edition'), editions),
      listField(ctx, t.label.aliases, itemsWithBasis(ctx, series, 'aliases', localAliases(ctx, series)), {
        separator: t.list,
      }),
    ],
    sources: series.sources,
  });
}
