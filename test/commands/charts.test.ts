// Charts in replies: /stat attaches its series' chart, /edition compare:true the editions' comparison.
import { describe, expect, it } from 'vitest';
import { edition } from '../../commands/edition';
import { stat } from '../../commands/stat';
import type { Options, Reply } from '../../commands/types';
import { withAttachments } from '../../src/discord/transport';
import type { Locale } from '../../src/locale';
import { chartSvg } from '../../src/render/chart';
import { renderContext } from '../../src/render/format';
import { editionComparison } from '../../src/render/records/edition-chart';
import { statisticChart } from '../../src/render/records/statistic-chart';
import { pngSize } from '../chart/fixtures';
import {
  context,
  expectSendable,
  isEphemeral,
  knowledgeOf,
  realKnowledge,
  seedRecords,
  textOf,
} from './knowledge';

interface Handles {
  handle(...args: Parameters<typeof stat.handle>): Reply | Promise<Reply>;
}

async function reply(
  command: Handles,
  options: Options,
  locale: Locale = 'en-US',
  knowledge = realKnowledge(),
) {
  const answer = await command.handle(knowledge, options, context(locale));
  expectSendable(answer.payload);
  return answer;
}

/** The reply carries one PNG named chart.png, and its embed shows it. */
function expectChart(answer: Reply): void {
  expect(answer.files?.map((f) => f.name)).toEqual(['chart.png']);
  const size = pngSize(answer.files?.[0]?.data ?? new Uint8Array());
  expect(size.width).toBe(800);
  expect(size.height).toBeGreaterThanOrEqual(300);
  expect(answer.payload.embeds?.[0]?.image).toEqual({ url: 'attachment://chart.png' });
  // The payload names its file itself, so `ask --json` prints exactly what is sent...
  expect(answer.payload.attachments).toEqual([
    { id: 0, filename: 'chart.png', description: answer.files?.[0]?.description },
  ]);
  // ...and the transport, which adds entries only to a payload without them, sends it unchanged.
  expect(withAttachments(answer.payload, answer.files)).toBe(answer.payload);
}

function expectNoChart(answer: Reply): void {
  expect(answer.files ?? []).toEqual([]);
  expect(answer.payload.embeds?.[0]?.image).toBeUndefined();
  expect(answer.payload.attachments).toBeUndefined();
}

const statistic = (id: string) => {
  const found = realKnowledge().kb.get('statistics', id);
  if (!found) throw new Error(`no statistic ${id} in the seeds`);
  return found;
};

describe('/stat charts', () => {
  it.each([
    ['en-US', 'number of short-video users in China'],
    ['zh-CN', '短视频用户规模'],
  ] as const)('attaches the chart of a series (%s)', async (locale, title) => {
    const answer = await reply(stat, { query: 'short video users' }, locale);
    expect(answer.payload.embeds?.[0]?.title).toBe(title);
    expectChart(answer);
    expect(answer.files?.[0]?.description).toBe(title);
  });

  it('attaches no chart to a statistic that stands alone', async () => {
    const answer = await reply(stat, { query: 'online audiovisual users' });
    expect(answer.payload.embeds?.[0]?.title).toBe('number of online audiovisual users in China');
    expectNoChart(answer);
  });

  it('charts the series by as-of date, with the unit, the asked value highlighted and the sources', () => {
    const ctx = renderContext(realKnowledge().kb, 'en-US');
    const spec = statisticChart(ctx, statistic('stat-short-video-users-2020-06'));
    expect(spec?.kind).toBe('series');
    if (spec?.kind !== 'series') return;
    expect(spec.input.unit).toBe('million users');
    expect(spec.input.points).toEqual([
      expect.objectContaining({ value: 817, asOf: 'Jun 2020', highlight: true }),
      expect.objectContaining({ value: 873, asOf: 'Dec 2020', highlight: false }),
    ]);
    expect(spec.input.caption).toMatch(/^Sources: .*June 3, 2021/);
    const svg = chartSvg(spec, 'en-US') ?? '';
    for (const label of ['817', '873', 'Jun 2020', 'Dec 2020', 'million users', 'Sources:']) {
      expect(svg).toContain(label);
    }
  });

  it('writes the as-of dates and the caption in Chinese for zh-CN', () => {
    const ctx = renderContext(realKnowledge().kb, 'zh-CN');
    const spec = statisticChart(ctx, statistic('stat-short-video-daily-minutes-2024'));
    if (spec?.kind !== 'series') throw new Error('expected a series chart');
    expect(spec.input.points.map((p) => p.asOf)).toEqual(['2021年3月', '2024年3月']);
    expect(spec.input.caption).toMatch(/^来源：/);
  });

  it('leaves out members without an as-of date or in another unit', () => {
    const records = seedRecords();
    const base = records.statistics.find((s) => s.id === 'stat-short-video-users-2020-12');
    if (!base) throw new Error('seed missing');
    records.statistics.push(
      { ...base, id: 'stat-short-video-users-undated', asOf: undefined, value: 900 },
      { ...base, id: 'stat-short-video-users-share', unit: '%', value: 88, asOf: '2021-06' },
    );
    const ctx = renderContext(knowledgeOf(records).kb, 'en-US');
    const spec = statisticChart(ctx, base);
    if (spec?.kind !== 'series') throw new Error('expected a series chart');
    expect(spec.input.points.map((p) => p.value)).toEqual([817, 873]);
  });

  it.each([
    [
      'en-US',
      /^“daily short video time” matches one measure at several dates/,
      'average daily short-video usage time per user',
      ['125 minutes', '151 minutes'],
    ],
    [
      'zh-CN',
      /^“daily short video time”对应同一指标在不同时间的数值/,
      '短视频人均单日使用时长',
      ['125分钟', '151分钟'],
    ],
  ] as const)(
    'answers a query matching one series about equally with the series (%s)',
    async (locale, note, title, [older, latest]) => {
      const answer = await reply(stat, { query: 'daily short video time' }, locale);
      expect(isEphemeral(answer.payload)).toBe(false);
      expect(answer.payload.content).toMatch(note);
      // The latest member's card, with the whole series in it and charted.
      expect(answer.payload.embeds?.[0]?.title).toBe(title);
      expect(answer.payload.embeds?.[0]?.fields?.[0]?.value).toBe(latest);
      expect(textOf(answer.payload)).toMatch(new RegExp(`${older}[\\s\\S]*${latest}`));
      expectChart(answer);
    },
  );

  it('still says "no clear match" when the close matches are not one series', async () => {
    const answer = await reply(stat, { query: 'ganzi tourists' });
    expect(isEphemeral(answer.payload)).toBe(true);
    expect(answer.payload.content).toMatch(/No clear match for “ganzi tourists”/);
    expectNoChart(answer);
  });
});

describe('/edition compare', () => {
  it.each(['en-US', 'zh-CN'] as const)('compare:true attaches the comparison chart (%s)', async (locale) => {
    const answer = await reply(edition, { query: '11th', compare: true }, locale);
    expect(answer.payload.embeds?.[0]?.title).toMatch(locale === 'en-US' ? /^11th China/ : /^第十一届/);
    expectChart(answer);
    expect(answer.payload.content ?? '').toBe('');
  });

  it.each([{}, { compare: false }])('attaches no chart without compare:true (%o)', async (extra) => {
    expectNoChart(await reply(edition, { query: '11th', ...extra }));
  });

  it('compares every edition of the series that reports figures, the asked one highlighted', () => {
    const kb = realKnowledge().kb;
    const ninth = kb.get('editions', 'ciac-9');
    if (!ninth) throw new Error('seed missing');
    const spec = editionComparison(renderContext(kb, 'en-US'), ninth);
    if (spec?.kind !== 'comparison') throw new Error('expected a comparison chart');
    expect(spec.input.editions).toEqual(['5th (2017)', '9th (2021)', '11th (2024)']);
    expect(spec.input.highlight).toBe(1);
    expect(spec.input.measures.map((m) => m.label)).toEqual(['Guests', 'Attendees', 'Events']);
    expect(spec.input.measures[1]?.values.map((v) => v?.value)).toEqual([5000, 5000, 10000]);
    expect(spec.input.caption).toMatch(/^Sources: /);
    const zh = editionComparison(renderContext(kb, 'zh-CN'), ninth);
    if (zh?.kind !== 'comparison') throw new Error('expected a comparison chart');
    expect(zh.input.editions).toEqual(['第五届（2017）', '第九届（2021）', '第十一届（2024）']);
    expect(zh.input.measures.map((m) => m.label)).toEqual(['嘉宾', '参会人数', '活动场次']);
  });

  it.each([
    ['en-US', /^No comparison chart: fewer than two editions of the China Short Video Conference/],
    ['zh-CN', /^无法绘制对比图：中国短视频大会中.*不足两届/],
  ] as const)('says why there is no chart when the series has too few figures (%s)', async (locale, note) => {
    const answer = await reply(edition, { query: 'season 2', compare: true }, locale);
    expect(answer.payload.embeds?.[0]?.title).toMatch(/season 2|第二季/);
    expect(answer.payload.content).toMatch(note);
    expectNoChart(answer);
  });
});
