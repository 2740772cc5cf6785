// What a handler hands the chart builders: plain labels and numbers, already in the reader's language.
import type { z } from 'zod';
import type { Qualifier } from '../../knowledge/schema';

export type QualifierT = z.infer<typeof Qualifier>;

/** A figure as stated: a Figure or Statistic record fits as is. */
export interface ChartValue {
  value: number;
  qualifier?: QualifierT;
  /** Shown instead of the formatted number (e.g. the card's own wording of the quantity). */
  valueLabel?: string;
}

export interface SeriesPoint extends ChartValue {
  /** The as-of date as the reader should see it on the axis: "Dec 2023", "2023年12月". */
  asOf: string;
  /** Draws this point in the accent colour: the statistic the user asked about. */
  highlight?: boolean;
}

/** One measure over as-of dates; points in chronological order. */
export interface SeriesChartInput {
  title: string;
  /** The unit every value is in, shown at the top of the value axis. */
  unit: string;
  points: SeriesPoint[];
  /** Sources, in one line of text; wrapped under the chart. */
  caption: string;
  /** Line by default from three points on, bars for two. */
  kind?: 'line' | 'bar';
}

export interface ComparisonMeasure {
  /** "Guests", "嘉宾". */
  label: string;
  /** One per edition, in the order of `editions`; undefined where the edition reports none. */
  values: (ChartValue | undefined)[];
}

/** Headline figures of the editions of one series, one panel per measure. */
export interface ComparisonChartInput {
  title: string;
  /** Edition labels along the axis, in order: "9th", "第十届". */
  editions: string[];
  measures: ComparisonMeasure[];
  /** Index into `editions` of the edition the user asked about. */
  highlight?: number;
  caption: string;
}
