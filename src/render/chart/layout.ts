// The frame both charts share: page size, colours, the title on top, the sources caption at the
// bottom and the category labels under the plot (slanted when they would not fit side by side).
import { el, text } from './svg';
import { textWidth, truncate, wrap } from './text';

export const FONT_FAMILY = 'Noto Sans SC';
export const WIDTH = 800;
export const PAD = 24;

export const COLOR = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  grid: '#e6e8eb',
  axis: '#8c959f',
  accent: '#d9480f',
  series: ['#2f6fde', '#0f9d8a', '#c98a0b'],
} as const;

export const SIZE = { title: 22, label: 15, caption: 13 } as const;
const TITLE_LINE = 28;
const CAPTION_LINE = 18;

export interface Block {
  svg: string[];
  height: number;
}

export function titleBlock(title: string): Block {
  const lines = wrap(title, WIDTH - 2 * PAD, SIZE.title, 2);
  const svg = lines.map((line, i) =>
    text(line, { x: PAD, y: PAD + SIZE.title + i * TITLE_LINE, 'font-size': SIZE.title, fill: COLOR.text }),
  );
  return { svg, height: PAD + lines.length * TITLE_LINE };
}

/** The caption sits at the bottom; `bottom` is the page height. */
export function captionBlock(caption: string): { lines: string[]; height: number } {
  const lines = wrap(caption, WIDTH - 2 * PAD, SIZE.caption, 3);
  return { lines, height: lines.length * CAPTION_LINE + PAD };
}

export function drawCaption(lines: readonly string[], pageHeight: number): string[] {
  const top = pageHeight - PAD - lines.length * CAPTION_LINE;
  return lines.map((line, i) =>
    text(line, {
      x: PAD,
      y: top + (i + 1) * CAPTION_LINE - 4,
      'font-size': SIZE.caption,
      fill: COLOR.muted,
    }),
  );
}

const SLANT = 35;
const SLANTED_MAX = 150;

const COS = Math.cos((SLANT * Math.PI) / 180);
const SIN = Math.sin((SLANT * Math.PI) / 180);

export interface CategoryAxis {
  /** Where the plot starts: moved right when the first slanted label would run off the page. */
  left: number;
  band: number;
  /** Centre of each category's slot. */
  xs: number[];
  /** Room the labels take under the plot. */
  height: number;
  slanted: boolean;
}

/** Slots for `labels` between `left` and `right`; labels slant when any would crowd its neighbour. */
export function categoryAxis(labels: readonly string[], left: number, right: number): CategoryAxis {
  const widths = labels.map((l) => Math.min(textWidth(l, SIZE.label), SLANTED_MAX));
  const widest = Math.max(...widths);
  const k = labels.length;
  const slanted = widest > (right - left) / k - 8;
  if (slanted) {
    // The first label ends under its slot's centre and runs down-left: its centre must be far enough in.
    const need = PAD + widths[0]! * COS;
    const centre = left + (right - left) / (2 * k);
    if (centre < need) left = (need - right / (2 * k)) / (1 - 1 / (2 * k));
  }
  const band = (right - left) / k;
  const xs = labels.map((_, i) => left + band * (i + 0.5));
  const height = slanted ? Math.ceil(widest * SIN + SIZE.label + 14) : SIZE.label + 12;
  return { left, band, xs, height, slanted };
}

export function drawCategoryLabels(
  labels: readonly string[],
  xs: readonly number[],
  top: number,
  slanted: boolean,
): string[] {
  return labels.map((label, i) => {
    const x = xs[i]!;
    if (!slanted) {
      return text(label, {
        x,
        y: top + SIZE.label + 4,
        'font-size': SIZE.label,
        'text-anchor': 'middle',
        fill: COLOR.text,
      });
    }
    const y = top + SIZE.label;
    return text(truncate(label, SLANTED_MAX, SIZE.label), {
      x,
      y,
      'font-size': SIZE.label,
      'text-anchor': 'end',
      fill: COLOR.text,
      transform: `rotate(-${SLANT} ${x} ${y})`,
    });
  });
}

function background(height: number): string {
  return el('rect', { x: 0, y: 0, width: WIDTH, height, fill: COLOR.background });
}

/** The page: the fixed font family is set once so every text element uses the bundled font. */
export function page(height: number, body: string[]): string[] {
  return [background(height), el('g', { 'font-family': FONT_FAMILY }, `\n${body.join('\n')}\n`)];
}
