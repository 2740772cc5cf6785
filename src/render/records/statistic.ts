// The card of one statistic, with the series of the same measure at other dates when there is one.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Statistic } from '../../knowledge/schema';
import { bullet, card, fact, listField, withCommand } from '../card';
import {
  collectSources,
  formatDate,
  formatStatistic,
  localText,
  measureOf,
  nameById,
  type RenderContext,
  withFieldBasis,
} from '../format';

/** Statistics of the same series, oldest first (undated last), including this one. */
export function seriesOf(ctx: RenderContext, statistic: Statistic): Statistic[] {
  if (!statistic.series) return [statistic];
  // The loader lists a statistic's series siblings under `statistics`: no scan of every statistic.
  const siblings = (ctx.kb.related(statistic.id).statistics ?? [])
    .map((id) => ctx.kb.get('statistics', id))
    .filter((s): s is Statistic => s?.series === statistic.series);
  return [statistic, ...siblings].sort((a, b) => (a.asOf ?? '9999').localeCompare(b.asOf ?? '9999'));
}

function asOfText(ctx: RenderContext, s: Statistic): string | undefined {
  const date = s.asOf ? formatDate(ctx, s.asOf) : undefined;
  const note = localText(ctx, s, 'asOfNote');
  const text = date && note ? ctx.t.aside(date, note) : (date ?? note);
  return text && s.asOf ? withFieldBasis(ctx, s, 'asOf', text) : text;
}

export function renderStatistic(ctx: RenderContext, statistic: Statistic): APIEmbed {
  const { t } = ctx;
  const by = statistic.reportedBy;
  const reporters = [by?.report, by?.person, by?.organisation].filter((id): id is string => Boolean(id));
  const series = seriesOf(ctx, statistic);
  const trend = series.map((s) => {
    const line = `${s.asOf ? formatDate(ctx, s.asOf) : t.undated}: ${formatStatistic(ctx, s)}`;
    return s.id === statistic.id ? `**▸ ${line}**` : bullet(line);
  });
  return card(ctx, {
    kind: 'statistics',
    title: measureOf(ctx, statistic),
    description: withFieldBasis(ctx, statistic, 'summary', localText(ctx, statistic, 'summary')),
    fields: [
      fact(t.label.value, formatStatistic(ctx, statistic)),
      fact(t.label.asOf, asOfText(ctx, statistic)),
      fact(t.label.scope, withFieldBasis(ctx, statistic, 'scope', localText(ctx, statistic, 'scope'))),
      // A figure whose source does not say who gave it says so instead of leaving the reader to assume.
      reporters.length > 0
        ? listField(
            ctx,
            t.label.reportedBy,
            reporters.map((id) => nameById(ctx, id)),
            { inline: true },
          )
        : fact(t.label.reportedBy, t.notStated),
      fact(withCommand(t.label.edition, 'edition'), statistic.edition && nameById(ctx, statistic.edition)),
      listField(ctx, t.label.trend, series.length > 1 ? trend : []),
    ],
    sources: collectSources(statistic.sources),
  });
}
