import { describe, expect, it } from 'vitest';
import {
  CHART_FILE,
  chartFiles,
  comparisonChartSvg,
  renderPng,
  seriesChartSvg,
} from '../../src/render/chart';
import { editions, pngSize, usersZh, viewingTime } from './fixtures';

describe('renderPng', () => {
  it('gives a PNG of the SVG size', () => {
    expect(pngSize(renderPng(seriesChartSvg(viewingTime, 'en-US')!))).toEqual({ width: 800, height: 450 });
    const svg = comparisonChartSvg(editions, 'en-US')!;
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(pngSize(renderPng(svg))).toEqual({ width: 800, height });
  });

  it('gives the same bytes for the same data', () => {
    const a = renderPng(seriesChartSvg(usersZh, 'zh-CN')!);
    const b = renderPng(seriesChartSvg(usersZh, 'zh-CN')!);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = renderPng(seriesChartSvg({ ...usersZh, title: '网络视听用户' }, 'zh-CN')!);
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });
});

describe('chartFiles', () => {
  it('gives the reply file and the embed image URL', () => {
    const chart = chartFiles({ kind: 'series', input: viewingTime }, 'en-US')!;
    expect(chart.imageUrl).toBe('attachment://chart.png');
    expect(chart.files).toHaveLength(1);
    expect(chart.files[0]!.name).toBe(CHART_FILE);
    expect(chart.files[0]!.description).toBe(viewingTime.title);
    expect(pngSize(chart.files[0]!.data)).toEqual({ width: 800, height: 450 });
    expect(pngSize(chartFiles({ kind: 'comparison', input: editions }, 'zh-CN')!.files[0]!.data).width).toBe(
      800,
    );
  });

  it('gives nothing for a single value', () => {
    const one = { ...viewingTime, points: viewingTime.points.slice(0, 1) };
    expect(chartFiles({ kind: 'series', input: one }, 'en-US')).toBeUndefined();
    expect(chartFiles({ kind: 'series', input: { ...viewingTime, points: [] } }, 'en-US')).toBeUndefined();
  });
});
