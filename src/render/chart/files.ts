// What a handler attaches: the PNG as a reply file and the URL the embed's image points at.
import type { RESTAPIAttachment } from 'discord-api-types/v10';
import type { Locale } from '../../locale';
import type { ReplyFile } from '../reply';
import { comparisonChartSvg } from './comparison-chart';
import { renderPng } from './png';
import { seriesChartSvg } from './series-chart';
import type { ComparisonChartInput, SeriesChartInput } from './types';

export const CHART_FILE = 'chart.png';

export type ChartSpec =
  | { kind: 'series'; input: SeriesChartInput }
  | { kind: 'comparison'; input: ComparisonChartInput };

export interface ChartAttachment {
  /** For `Reply.files`. */
  files: ReplyFile[];
  /** For the payload's `attachments`: one entry per file, `id` its index in `files`, so the payload is exact. */
  attachments: RESTAPIAttachment[];
  /** For the embed: `image: { url: imageUrl }`. */
  imageUrl: string;
}

export function chartSvg(spec: ChartSpec, locale: Locale): string | undefined {
  return spec.kind === 'series' ? seriesChartSvg(spec.input, locale) : comparisonChartSvg(spec.input, locale);
}

/** The chart's PNG as a reply file, or undefined when the data makes no chart (fewer than two values). */
export function chartFile(spec: ChartSpec, locale: Locale): ReplyFile | undefined {
  const svg = chartSvg(spec, locale);
  if (svg === undefined) return undefined;
  return { name: CHART_FILE, data: renderPng(svg), description: spec.input.title.slice(0, 1024) };
}

/** What a reply needs to show a chart file: the file, its `attachments` entry and the embed image's URL. */
export function chartAttachment(file: ReplyFile): ChartAttachment {
  return {
    files: [file],
    attachments: [{ id: 0, filename: file.name, description: file.description }],
    imageUrl: `attachment://${file.name}`,
  };
}

/** The chart as an attachment, or undefined when the data makes no chart (fewer than two values). */
export function chartFiles(spec: ChartSpec, locale: Locale): ChartAttachment | undefined {
  const file = chartFile(spec, locale);
  return file && chartAttachment(file);
}

/** Renders charts for replies; the bot's is a worker pool (./pool.ts), so a chart never blocks other replies. */
export interface ChartRenderer {
  /** Like `chartFiles`; rejects with ChartFontError when the font is missing. */
  render(spec: ChartSpec, locale: Locale): Promise<ChartAttachment | undefined>;
}
