// Every slash command Shiting has, for deployment, routing and the console.
import { about } from './about';
import { digest } from './digest';
import { edition } from './edition';
import { lookUp } from './look-up';
import { onthisday } from './onthisday';
import { search } from './search';
import { speaker } from './speaker';
import { stat } from './stat';
import type { Command, MessageCommand } from './types';

export const commands: Command[] = [edition, speaker, stat, search, onthisday, digest, about];

/** The message context-menu commands: deployed and routed beside the slash commands. */
export const messageCommands: MessageCommand[] = [lookUp];

const byName = new Map(commands.map((command) => [command.definition.name, command]));

export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}
