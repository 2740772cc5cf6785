// /edition query:<text> [compare:true] — one edition or season of a conference series, optionally with a
// chart comparing its headline figures with the series' other editions.
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { nameById } from '../src/render/format';
import { editionComparison } from '../src/render/records/edition-chart';
import { lookupCommand } from './lookup-command';
import { EVERYWHERE, queryOption } from './options';

const definition = {
  name: 'edition',
  name_localizations: { 'zh-CN': '届次' },
  description: 'One edition or season: dates, city, theme, hosts, figures, speakers',
  description_localizations: { 'zh-CN': '查询某一届大会：日期、城市、主题、主办方、规模、嘉宾' },
  options: [
    queryOption(
      'An ordinal (9th, 第九届), a year, a city, theme words or "season 2"',
      '届次（9、第九届）、年份、城市、主题词或“第二季”',
    ),
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'compare',
      name_localizations: { 'zh-CN': '对比' },
      description: 'Add a chart of guests, attendees and events across the editions of the series',
      description_localizations: { 'zh-CN': '附上该系列历届嘉宾、参会人数和活动场次的对比图' },
    },
  ],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

// Not deferred, like /stat: the comparison chart renders in tens of milliseconds, inside Discord's 3 s. The
// handler is synchronous, so only `defer: true` (not the router's timer) could defer it.
export const edition = lookupCommand(definition, ['editions'], {
  extra: (ctx, item, options) => {
    if (options.compare !== true || item.kind !== 'editions') return undefined;
    const chart = editionComparison(ctx, item.record);
    return chart ? { chart } : { note: ctx.t.chart.noComparison(nameById(ctx, item.record.series)) };
  },
});
