// The comparison chart of an edition: guests, attendees and events of every edition of its series.
import type { Edition, FigureT } from '../../knowledge/schema';
import { sourcesFooter } from '../card';
import type { ChartSpec } from '../chart';
import { collectSources, nameById, type RenderContext } from '../format';

/** The headline figures compared; the others (organisations, forums) are too sparse in the data to compare. */
const COMPARED = ['guests', 'attendees', 'events'] as const;
type Compared = (typeof COMPARED)[number];

/** The first figure of a measure an edition reports (the card lists any others). */
function figure(edition: Edition, measure: Compared): FigureT | undefined {
  return edition.figures.find((f) => f.measure === measure);
}

const reports = (edition: Edition) => COMPARED.some((m) => figure(edition, m) !== undefined);

function axisLabel(ctx: RenderContext, edition: Edition): string {
  const { chart } = ctx.t;
  const name =
    edition.ordinal !== undefined
      ? chart.ordinal(edition.ordinal)
      : edition.season !== undefined
        ? chart.season(edition.season)
        : undefined;
  return name ? ctx.t.aside(name, String(edition.year)) : String(edition.year);
}

/** The series' editions in order (by ordinal or season, then year), from the index's back-references. */
function editionsOfSeries(ctx: RenderContext, edition: Edition): Edition[] {
  const ids = ctx.kb.related(edition.series).editions ?? [];
  const editions = ids
    .map((id) => ctx.kb.get('editions', id))
    .filter((e): e is Edition => e?.series === edition.series);
  if (!editions.some((e) => e.id === edition.id)) editions.push(edition);
  return editions.sort(
    (a, b) => (a.ordinal ?? a.season ?? 0) - (b.ordinal ?? b.season ?? 0) || a.year - b.year,
  );
}

/**
 * The comparison chart, or undefined when fewer than two editions of the series report any of the
 * compared figures. Editions reporting none are left off the axis, except the one asked about.
 */
export function editionComparison(ctx: RenderContext, edition: Edition): ChartSpec | undefined {
  const shown = editionsOfSeries(ctx, edition).filter((e) => e.id === edition.id || reports(e));
  if (shown.filter(reports).length < 2) return undefined;
  const used = shown.flatMap((e) => COMPARED.map((m) => figure(e, m)).filter((f) => f !== undefined));
  return {
    kind: 'comparison',
    input: {
      title: ctx.t.chart.comparisonTitle(nameById(ctx, edition.series)),
      editions: shown.map((e) => axisLabel(ctx, e)),
      measures: COMPARED.map((m) => ({
        label: ctx.t.chart.measures[m],
        values: shown.map((e) => figure(e, m)),
      })),
      highlight: shown.findIndex((e) => e.id === edition.id),
      caption: sourcesFooter(ctx, collectSources(...used.map((f) => f.sources))) ?? '',
    },
  };
}
