import { describe, expect, it } from 'vitest';
import { comparisonChartSvg, seriesChartSvg } from '../../src/render/chart';
import { escapeXml } from '../../src/render/chart/svg';
import { editions, usersZh, viewingTime } from './fixtures';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('seriesChartSvg', () => {
  const svg = seriesChartSvg(viewingTime, 'en-US')!;

  it('is one SVG document of the chart size', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('font-family="Noto Sans SC"');
  });

  it('writes the title, the unit, every as-of date and every value', () => {
    const t = texts(svg);
    expect(t).toContain('Average daily short-video viewing time per user');
    expect(t).toContain('minutes per day');
    expect(t).toEqual(expect.arrayContaining(['Dec 2021', 'Dec 2022', 'Dec 2023']));
    // The source's hedge stays with the figure: "more than 168".
    expect(t).toEqual(expect.arrayContaining(['125', '&gt;168', '151']));
  });

  it('draws a line with a dot per point for three points, and the asked-for point stands out', () => {
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<circle [^>]*fill="#d9480f"/g)).toHaveLength(1);
  });

  it('has round ticks from zero on the value axis', () => {
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['0', '50', '100', '150', '200']));
  });

  it('escapes text from the data', () => {
    expect(svg).toContain('Sources: Annual report &lt;2024&gt; &amp; Xinhua');
    expect(svg).not.toContain('<2024>');
    const hostile = seriesChartSvg({ ...viewingTime, title: '"></text><script>x</script>\u0001' }, 'en-US')!;
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&quot;&gt;&lt;/text&gt;&lt;script&gt;');
    expect(hostile).not.toContain('\u0001');
  });

  it('draws bars for two points, or when asked', () => {
    const two = seriesChartSvg(usersZh, 'zh-CN')!;
    expect(two).not.toContain('<polyline');
    expect(two.match(/<rect /g)).toHaveLength(3); // background + two bars
    expect(texts(two)).toEqual(
      expect.arrayContaining(['网络视听用户规模', '亿人', '2022年12月', '10.4', '10.74']),
    );
    const bars = seriesChartSvg({ ...viewingTime, kind: 'bar' }, 'en-US')!;
    expect(bars.match(/<rect /g)).toHaveLength(4);
  });

  it('gives no chart for an empty or one-point series', () => {
    expect(seriesChartSvg({ ...viewingTime, points: [] }, 'en-US')).toBeUndefined();
    expect(
      seriesChartSvg({ ...viewingTime, points: viewingTime.points.slice(0, 1) }, 'en-US'),
    ).toBeUndefined();
    const oneReal = [viewingTime.points[0]!, { asOf: 'x', value: Number.NaN }];
    expect(seriesChartSvg({ ...viewingTime, points: oneReal }, 'en-US')).toBeUndefined();
  });

  it('formats numbers for the locale and shortens large ones', () => {
    const big = seriesChartSvg(
      {
        ...viewingTime,
        points: [
          { asOf: '2022', value: 1_040_000_000 },
          { asOf: '2023', value: 1_074_000_000 },
        ],
      },
      'en-US',
    )!;
    expect(texts(big)).toEqual(expect.arrayContaining(['1.04B', '1.074B']));
    const zh = seriesChartSvg(
      {
        ...viewingTime,
        points: [
          { asOf: '2022', value: 1_040_000_000 },
          { asOf: '2023', value: 1_074_000_000 },
        ],
      },
      'zh-CN',
    )!;
    expect(texts(zh)).toEqual(expect.arrayContaining(['10.4亿', '10.74亿']));
  });

  it('labels negative values below the zero line', () => {
    const svg2 = seriesChartSvg(
      {
        ...viewingTime,
        points: [
          { asOf: 'a', value: -5 },
          { asOf: 'b', value: 10 },
        ],
      },
      'en-US',
    )!;
    expect(texts(svg2)).toEqual(expect.arrayContaining(['-5', '10']));
  });

  it('grows the page rather than flatten the plot when titles, captions and dates crowd it', () => {
    const dates = Array.from({ length: 12 }, (_, i) => `December ${2012 + i}`);
    const crowded = seriesChartSvg(
      {
        ...viewingTime,
        title: 'A title long enough to need a second line on the chart, and then some more words to cut',
        caption: 'Sources: '.padEnd(400, 'x '),
        points: dates.map((asOf, i) => ({ asOf, value: i })),
      },
      'en-US',
    )!;
    expect(Number(/height="(\d+)"/.exec(crowded)![1])).toBeGreaterThan(450);
    expect(crowded).toMatch(/transform="rotate\(-35 /);
  });

  it('is the same text for the same data', () => {
    expect(seriesChartSvg(viewingTime, 'en-US')).toBe(svg);
  });
});

describe('comparisonChartSvg', () => {
  const svg = comparisonChartSvg(editions, 'en-US')!;

  it('has a panel per reported measure and the editions along the axis', () => {
    const t = texts(svg);
    expect(t).toEqual(
      expect.arrayContaining(['Headline figures by edition', 'Guests', 'Attendees', '9th', '10th', '11th']),
    );
    // Events has no figure for any edition: no empty panel.
    expect(t).not.toContain('Events');
    expect(t).toContain('Sources: Xinhua');
  });

  it('labels every bar and marks missing figures', () => {
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['500', '&gt;800', '1,000', '8,000', '≈10,000']));
    expect(t.filter((x) => x === '–')).toHaveLength(1);
    expect(svg.match(/<rect /g)).toHaveLength(1 + 5);
  });

  it('dims the other editions when one is highlighted', () => {
    expect(svg.match(/fill-opacity="0.45"/g)).toHaveLength(3);
    const plain = comparisonChartSvg({ ...editions, highlight: undefined }, 'en-US')!;
    expect(plain).not.toContain('fill-opacity');
  });

  it('gives no chart unless two editions report a figure', () => {
    const one = {
      ...editions,
      measures: [{ label: 'Guests', values: [{ value: 1 }, undefined, undefined] }],
    };
    expect(comparisonChartSvg(one, 'en-US')).toBeUndefined();
    expect(comparisonChartSvg({ ...editions, editions: [], measures: [] }, 'en-US')).toBeUndefined();
  });

  it('slants edition labels that would not fit side by side', () => {
    const long = Array.from({ length: 8 }, (_, i) => `Season ${i + 1} of the festival`);
    const crowded = comparisonChartSvg(
      {
        ...editions,
        editions: long,
        measures: [{ label: 'Guests', values: long.map((_, i) => ({ value: i + 1 })) }],
      },
      'en-US',
    )!;
    expect(crowded).toMatch(/transform="rotate\(-35 /);
    expect(svg).not.toContain('rotate(');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
