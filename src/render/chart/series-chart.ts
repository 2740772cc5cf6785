// One measure over as-of dates: a line (or bars for two points) with every value written on it.
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
import { formatTick, formatValue } from './numbers';
import { niceScale, project } from './scale';
import { el, n, svgDocument, text } from './svg';
import { textWidth, truncate } from './text';
import type { SeriesChartInput, SeriesPoint } from './types';

/** The usual page height; a crowded chart grows to keep its plot at least MIN_PLOT tall. */
const SERIES_HEIGHT = 450;
const MIN_PLOT = 220;
/** Room above the highest value for its label. */
const HEADROOM = 26;

/** The SVG of the chart, or undefined when fewer than two points have a value: one figure is no series. */
export function seriesChartSvg(input: SeriesChartInput, locale: Locale): string | undefined {
  const points = input.points.filter((p) => Number.isFinite(p.value));
  if (points.length < 2) return undefined;
  const kind = input.kind ?? (points.length >= 3 ? 'line' : 'bar');

  const scale = niceScale(points.map((p) => p.value));
  const max = Math.max(...scale.ticks.map(Math.abs));
  const tickLabels = scale.ticks.map((t) => formatTick(locale, t, scale.decimals, max));
  const right = WIDTH - PAD;
  const axis = categoryAxis(
    points.map((p) => p.asOf),
    PAD + Math.max(...tickLabels.map((l) => textWidth(l, SIZE.label))) + 12,
    right,
  );
  const { left, band, xs } = axis;

  const title = titleBlock(input.title);
  const caption = captionBlock(input.caption);
  const unitY = title.height + 22;
  const top = unitY + 10 + HEADROOM;
  // Long titles, captions and slanted dates make the page taller rather than the plot flatter.
  const height = Math.max(SERIES_HEIGHT, top + MIN_PLOT + axis.height + 8 + caption.height);
  const bottom = height - caption.height - axis.height - 8;
  const y = (v: number) => project(scale, v, bottom, top);

  const body: string[] = [...title.svg];
  body.push(
    text(truncate(input.unit, right - PAD, SIZE.label), {
      x: PAD,
      y: unitY,
      'font-size': SIZE.label,
      fill: COLOR.muted,
    }),
  );
  scale.ticks.forEach((t, i) => {
    const ty = y(t);
    body.push(
      el('line', { x1: left, x2: right, y1: ty, y2: ty, stroke: t === 0 ? COLOR.axis : COLOR.grid }),
      text(tickLabels[i]!, {
        x: left - 10,
        y: ty + 5,
        'font-size': SIZE.label,
        'text-anchor': 'end',
        fill: COLOR.muted,
      }),
    );
  });

  const colour = (p: SeriesPoint) => (p.highlight ? COLOR.accent : COLOR.series[0]);
  if (kind === 'line') {
    body.push(
      el('polyline', {
        points: points.map((p, i) => `${n(xs[i]!)},${n(y(p.value))}`).join(' '),
        fill: 'none',
        stroke: COLOR.series[0],
        'stroke-width': 3,
        'stroke-linejoin': 'round',
      }),
    );
    points.forEach((p, i) => {
      body.push(el('circle', { cx: xs[i]!, cy: y(p.value), r: p.highlight ? 7 : 5, fill: colour(p) }));
    });
  } else {
    const barWidth = Math.min(band * 0.6, 96);
    points.forEach((p, i) => {
      const y0 = y(0);
      const yv = y(p.value);
      body.push(
        el('rect', {
          x: xs[i]! - barWidth / 2,
          y: Math.min(y0, yv),
          width: barWidth,
          height: Math.max(Math.abs(y0 - yv), 1),
          fill: colour(p),
        }),
      );
    });
  }

  // Neighbouring labels that would touch alternate above and below the line.
  const crowded =
    kind === 'line' && points.some((p) => textWidth(formatValue(locale, p), SIZE.label) > band - 6);
  points.forEach((p, i) => {
    const below = p.value < 0 || (crowded && i % 2 === 1);
    body.push(
      text(formatValue(locale, p), {
        x: xs[i]!,
        y: y(p.value) + (below ? SIZE.label + 12 : -12),
        'font-size': SIZE.label,
        'text-anchor': 'middle',
        fill: p.highlight ? COLOR.accent : COLOR.text,
      }),
    );
  });

  body.push(
    ...drawCategoryLabels(
      points.map((p) => p.asOf),
      xs,
      bottom + 8,
      axis.slanted,
    ),
    ...drawCaption(caption.lines, height),
  );
  return svgDocument(WIDTH, height, page(height, body));
}
