// /speaker query:<text> — one person: roles, appearances, what they said and announced.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { described } from '../src/locale/discord';
import { defineCommand } from './define';
import { lookupHandlers } from './lookup-command';
import { EVERYWHERE, privateOption, queryOption } from './options';

const definition = {
  name: 'speaker',
  ...described((t) => t.commands.speaker),
  options: [queryOption((t) => t.commands.speaker.query), privateOption],
  ...EVERYWHERE,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const speaker = defineCommand(definition, lookupHandlers(['people']));
