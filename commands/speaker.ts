// /speaker query:<text> — one person: roles, appearances, what they said and announced.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { lookupCommand } from './lookup-command';
import { EVERYWHERE, queryOption } from './options';

const definition = {
  name: 'speaker',
  name_localizations: { 'zh-CN': '嘉宾' },
  description: 'One person: role, organisation, editions where they spoke and what they said',
  description_localizations: { 'zh-CN': '查询人物：职务、所属机构、出席的届次和发言内容' },
  options: [queryOption('A name in pinyin, English or Chinese', '拼音、英文或中文姓名')],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const speaker = lookupCommand(definition, ['people']);
