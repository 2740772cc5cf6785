// The chart of a statistic's series: the same measure at each dated as-of, the asked value highlighted.
import type { Statistic } from '../../knowledge/schema';
import type { Locale } from '../../locale';
import { sourcesFooter } from '../card';
import type { ChartSpec } from '../chart';
import { collectSources, measureOf, ownText, type RenderContext, statisticAmount } from '../format';
import { seriesOf } from './statistic';

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** An as-of date short enough for an axis: "Jun 2020", "2020年6月", or just the year. */
function axisDate(locale: Locale, partial: string): string {
  const [year, month = 0] = partial.split('-').map(Number);
  if (!month) return String(year);
  let format = shortDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    shortDates.set(locale, format);
  }
  return format.format(new Date(Date.UTC(year ?? 0, month - 1, 1)));
}

/**
 * The series chart for a statistic, or undefined when it stands alone: a chart needs two dated values
 * in the statistic's own unit (a member in another unit would share an axis it does not belong on).
 */
export function statisticChart(ctx: RenderContext, statistic: Statistic): ChartSpec | undefined {
  const dated = seriesOf(ctx, statistic).filter(
    (s): s is Statistic & { asOf: string } => s.asOf !== undefined && s.unit === statistic.unit,
  );
  if (dated.length < 2) return undefined;
  // A translated unit counts the thing itself (人, 分钟) and the numbers carry 万/亿, as the card does.
  const unit = ownText(ctx, statistic, 'unit');
  return {
    kind: 'series',
    input: {
      title: measureOf(ctx, statistic),
      unit: unit ?? statistic.unit,
      points: dated.map((s) => ({
        value: unit ? statisticAmount(s) : s.value,
        qualifier: s.qualifier,
        asOf: axisDate(ctx.locale, s.asOf),
        highlight: s.id === statistic.id,
      })),
      caption: sourcesFooter(ctx, collectSources(...dated.map((s) => s.sources))) ?? '',
    },
  };
}
