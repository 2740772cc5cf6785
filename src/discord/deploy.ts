// Registers the slash command definitions with one bulk PUT: globally, or to one server while developing.
import type { REST } from '@discordjs/rest';
import {
  type RESTGetCurrentApplicationResult,
  type RESTPostAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord-api-types/v10';

export interface DeployOptions {
  rest: REST;
  applicationId: string;
  definitions: readonly RESTPostAPIApplicationCommandsJSONBody[];
  /** Deploy to this server only (instant updates); global otherwise. */
  guildId?: string;
}

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId?: string;
  names: string[];
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const names = options.definitions.map((d) => d.name);
  if (options.guildId) {
    // Guild commands take neither contexts nor integration_types; they only exist in that server.
    const body = options.definitions.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
    await options.rest.put(Routes.applicationGuildCommands(options.applicationId, options.guildId), { body });
    return { scope: 'guild', guildId: options.guildId, names };
  }
  // Each definition says where it works (commands/options.ts EVERYWHERE); it is sent as it is.
  await options.rest.put(Routes.applicationCommands(options.applicationId), { body: options.definitions });
  return { scope: 'global', names };
}

/** The application id, when the configuration does not give it: Discord tells the token's owner. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const app = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  return app.id;
}
