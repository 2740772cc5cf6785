// /stat query:<text> — one statistic, with the same measure at other dates as a series.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { lookupCommand } from './lookup-command';
import { EVERYWHERE, queryOption } from './options';

export const definition = {
  name: 'stat',
  name_localizations: { 'zh-CN': '数据' },
  description: 'One statistic: value, unit, as-of date, who reported it and how it changed',
  description_localizations: { 'zh-CN': '查询数据：数值、单位、截至日期、发布方及历年变化' },
  options: [
    queryOption(
      'What is measured, optionally with a year: "daily usage 2024"',
      '统计的内容，可加年份：“日均使用时长 2024”',
    ),
  ],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const stat = lookupCommand(definition, ['statistics']);
