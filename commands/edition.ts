// /edition query:<text> — one edition or season of a conference series.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { lookupCommand } from './lookup-command';
import { EVERYWHERE, queryOption } from './options';

export const definition = {
  name: 'edition',
  name_localizations: { 'zh-CN': '届次' },
  description: 'One edition or season: dates, city, theme, hosts, figures, speakers',
  description_localizations: { 'zh-CN': '查询某一届大会：日期、城市、主题、主办方、规模、嘉宾' },
  options: [
    queryOption(
      'An ordinal (9th, 第九届), a year, a city, theme words or "season 2"',
      '届次（9、第九届）、年份、城市、主题词或“第二季”',
    ),
  ],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const edition = lookupCommand(definition, ['editions']);
