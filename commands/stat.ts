// /stat query:<text> — one statistic, with the same measure at other dates as a series (and its chart).
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Statistic } from '../src/knowledge/schema';
import { described } from '../src/locale/discord';
import { echo } from '../src/render/echo';
import type { RenderContext } from '../src/render/format';
import { seriesOf } from '../src/render/records/statistic';
import { statisticChart } from '../src/render/records/statistic-chart';
import type { Hit } from '../src/search/lookup-types';
import { defineCommand } from './define';
import { lookupHandlers } from './lookup-command';
import { EVERYWHERE, privateOption, queryOption } from './options';

const definition = {
  name: 'stat',
  ...described((t) => t.commands.stat),
  options: [queryOption((t) => t.commands.stat.query), privateOption],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The latest dated member of a statistic's series (the statistic itself when none is dated). */
function latestOfSeries(ctx: RenderContext, statistic: Statistic): Statistic {
  return seriesOf(ctx, statistic).reduce(
    (latest, s) => ((s.asOf ?? '') > (latest.asOf ?? '') ? s : latest),
    statistic,
  );
}

/**
 * A query matching several members of one series about equally ("daily short video time") asks for the
 * measure, not one date of it: answer with the series, shown from its latest value, instead of "no clear match".
 */
function settleSeries(ctx: RenderContext, query: string, candidates: readonly Hit[]) {
  const members = candidates.map((c) =>
    c.kind === 'statistics' ? ctx.kb.get('statistics', c.id) : undefined,
  );
  const series = members[0]?.series;
  const first = members[0];
  if (!first || !series || members.length < 2 || !members.every((s) => s?.series === series))
    return undefined;
  const latest = latestOfSeries(ctx, first);
  const hit: Hit = {
    kind: 'statistics',
    id: latest.id,
    score: candidates[0]?.score ?? 0,
    label: latest.measure,
  };
  return { hit, note: ctx.t.chart.seriesMatch(echo(query)) };
}

// Not deferred up front: a chart renders in ~20–50 ms (≤ ~60 ms cold, while the font loads), far inside
// Discord's 3 s, and a deferral would cost every answer an extra round trip. In the bot the chart is drawn in
// the worker pool, so the handler is pending meanwhile and the router's 2 s deferral still covers a long queue
// of charts under a burst.
export const stat = defineCommand(
  definition,
  lookupHandlers(['statistics'], {
    extra: (ctx, item) => {
      const chart = item.kind === 'statistics' ? statisticChart(ctx, item.record) : undefined;
      return chart && { chart };
    },
    settle: settleSeries,
  }),
);
