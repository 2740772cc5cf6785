// Chart rendering: SVG building plus resvg's PNG render, for a series chart (Chinese labels) and an
// edition comparison. Target from the issue: ≤ 50 ms a chart.

import type { Locale } from '../src/locale';
import {
  type ChartSpec,
  type ComparisonChartInput,
  chartFiles,
  type SeriesChartInput,
} from '../src/render/chart';
import { type Figure, latencies, medianOf, type Section } from './lib';

const RENDERS = 40;
const RUNS = 3;
const TARGET_MS = 50;
/**
 * The long series lays out ~250 texts (resvg shapes each at parse, ~35 ms here): not held to the 50 ms of an
 * ordinary chart; while truncating its caption was quadratic, this one chart took 352 s here.
 */
const LONG_TARGET_MS = 200;

const series: SeriesChartInput = {
  title: '网络视听用户规模',
  unit: '亿人',
  caption: '来源：中国网络视听协会《中国网络视听发展研究报告》；新华社；人民日报',
  points: ['2019', '2020', '2021', '2022', '2023', '2024'].map((year, i) => ({
    asOf: `${year}年12月`,
    value: 8.5 + i * 0.45,
    highlight: i === 5,
  })),
};

const comparison: ComparisonChartInput = {
  title: 'China Internet Audiovisual Convention: headline figures by edition',
  editions: ['5th', '6th', '7th', '8th', '9th', '10th', '11th', '12th'],
  highlight: 6,
  caption: 'Sources: Xinhua; China Netcasting Services Association; Chengdu Daily',
  measures: [
    { label: 'Guests', values: [300, 350, 400, 500, 600, 800, 1000, 1100].map((value) => ({ value })) },
    {
      label: 'Attendees',
      values: [5000, 6000, 7000, 8000, 9000, 12000, 10000, 11000].map((value) => ({ value })),
    },
    { label: 'Events', values: [20, 22, 25, 30, 32, 38, 40, 45].map((value) => ({ value })) },
  ],
};

// A long series as /stat draws it for a measure dated 120 times, each source with a long title: the caption
// that lists them all once took minutes to cut to its three lines (text fitting was quadratic in its length).
const longSeries: SeriesChartInput = {
  title: `Longest measure ${Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ')}`,
  unit: 'people',
  caption: Array.from(
    { length: 60 },
    (_, i) => `Source ${i}: ${Array.from({ length: 200 }, (_, j) => `title${j}`).join(' ')}`,
  ).join('; '),
  points: Array.from({ length: 120 }, (_, i) => ({
    asOf: `${2000 + (i % 30)}`,
    value: i * 1_234_567,
    highlight: i === 3,
  })),
};

function measure(name: string, spec: ChartSpec, locale: Locale): Promise<{ p50: number; p99: number }> {
  // The first render unwraps the font files; the figures are for a warm process, as in the bot.
  if (!chartFiles(spec, locale)) throw new Error(`bench chart "${name}" gave no chart`);
  return medianOf(RUNS, () => latencies(Array.from({ length: RENDERS }), () => chartFiles(spec, locale)));
}

export async function run(): Promise<Section[]> {
  const figures: Figure[] = [];
  for (const [name, spec, locale, ms] of [
    ['series chart, 6 points, zh-CN', { kind: 'series', input: series }, 'zh-CN', TARGET_MS],
    [
      'comparison chart, 8 editions × 3 measures',
      { kind: 'comparison', input: comparison },
      'en-US',
      TARGET_MS,
    ],
    [
      'series chart, 120 points, 60 long sources, en-US',
      { kind: 'series', input: longSeries },
      'en-US',
      LONG_TARGET_MS,
    ],
  ] as const) {
    const { p50, p99 } = await measure(name, spec, locale);
    const target = { op: '<=', value: ms } as const;
    figures.push({ name: `${name}: median`, value: p50, unit: 'ms', target });
    figures.push({ name: `${name}: p99`, value: p99, unit: 'ms', target });
  }
  return [
    {
      title: 'Chart rendering (SVG + PNG)',
      figures,
      notes: [
        `SVG build + resvg render + PNG encode, ${RENDERS} renders × median of ${RUNS} runs, warm process (fonts already unwrapped).`,
      ],
    },
  ];
}
