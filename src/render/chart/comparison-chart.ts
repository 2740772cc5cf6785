// The headline figures of a series' editions side by side: one panel per measure (guests, attendees,
// events), a bar per edition. The measures differ by orders of magnitude, so each panel has its own
// scale and every bar carries its value; one shared axis would flatten the small counts to nothing.
import type { Locale } from '../../locale';
import {
  COLOR,
  captionBlock,
  categoryAxis,
  drawCaption,
  drawCategoryLabels,
  PAD,
  page,
  SIZE,
  titleBlock,
  WIDTH,
} from './layout';
import { formatValue } from './numbers';
import { el, svgDocument, text } from './svg';
import { truncate } from './text';
import type { ChartValue, ComparisonChartInput } from './types';

const PANEL_HEIGHT = 132;
const PANEL_LABEL = 24;
/** Room above the tallest bar for its value. */
const HEADROOM = 24;
const MISSING = '–';

const valid = (v: ChartValue | undefined): v is ChartValue => v !== undefined && Number.isFinite(v.value);

/** The SVG of the chart, or undefined unless at least two editions report a figure. */
export function comparisonChartSvg(input: ComparisonChartInput, locale: Locale): string | undefined {
  const measures = input.measures.filter((m) => m.values.some(valid));
  const reporting = input.editions.filter((_, i) => measures.some((m) => valid(m.values[i])));
  if (reporting.length < 2) return undefined;

  const right = WIDTH - PAD;
  const axis = categoryAxis(input.editions, PAD, right);
  const { xs } = axis;
  const left = PAD;
  const barWidth = Math.min(axis.band * 0.6, 80);

  const title = titleBlock(input.title);
  const caption = captionBlock(input.caption);
  const panelsTop = title.height + 12;
  const panelsBottom = panelsTop + measures.length * PANEL_HEIGHT;
  const height = panelsBottom + 8 + axis.height + caption.height;
  const dim = (i: number) => (input.highlight === undefined || input.highlight === i ? undefined : 0.45);

  const body: string[] = [...title.svg];
  measures.forEach((measure, m) => {
    const top = panelsTop + m * PANEL_HEIGHT;
    const base = top + PANEL_HEIGHT - 10;
    const barTop = top + PANEL_LABEL + HEADROOM;
    const max = Math.max(...measure.values.filter(valid).map((v) => v.value)) || 1;
    const colour = COLOR.series[m % COLOR.series.length]!;
    body.push(
      text(truncate(measure.label, right - left, SIZE.label), {
        x: left,
        y: top + SIZE.label + 2,
        'font-size': SIZE.label,
        fill: COLOR.muted,
      }),
      el('line', { x1: left, x2: right, y1: base, y2: base, stroke: COLOR.axis }),
    );
    input.editions.forEach((_, i) => {
      const v = measure.values[i];
      if (!valid(v)) {
        body.push(
          text(MISSING, {
            x: xs[i]!,
            y: base - 6,
            'font-size': SIZE.label,
            'text-anchor': 'middle',
            fill: COLOR.muted,
          }),
        );
        return;
      }
      const h = Math.max((Math.max(v.value, 0) / max) * (base - barTop), 1);
      body.push(
        el('rect', {
          x: xs[i]! - barWidth / 2,
          y: base - h,
          width: barWidth,
          height: h,
          fill: colour,
          'fill-opacity': dim(i),
        }),
        text(formatValue(locale, v), {
          x: xs[i]!,
          y: base - h - 8,
          'font-size': SIZE.label,
          'text-anchor': 'middle',
          fill: input.highlight === i ? COLOR.accent : COLOR.text,
        }),
      );
    });
  });

  body.push(
    ...drawCategoryLabels(input.editions, xs, panelsBottom + 8, axis.slanted),
    ...drawCaption(caption.lines, height),
  );
  return svgDocument(WIDTH, height, page(height, body));
}
