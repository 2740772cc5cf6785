// Registers the slash command definitions with one bulk PUT: globally, or to one server while developing.
import type { REST } from '@discordjs/rest';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTGetCurrentApplicationResult,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from 'discord-api-types/v10';

export interface DeployOptions {
  rest: REST;
  applicationId: string;
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** Deploy to this server only (instant updates); global otherwise. */
  guildId?: string;
}

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId?: string;
  names: string[];
}

/** Commands that do not say otherwise work in servers, bot DMs and private channels, installed either way. */
export function withDefaultReach(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    ...definition,
  };
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const names = options.definitions.map((d) => d.name);
  if (options.guildId) {
    // Guild commands take neither contexts nor integration_types; they only exist in that server.
    const body = options.definitions.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
    await options.rest.put(Routes.applicationGuildCommands(options.applicationId, options.guildId), { body });
    return { scope: 'guild', guildId: options.guildId, names };
  }
  const body = options.definitions.map(withDefaultReach);
  await options.rest.put(Routes.applicationCommands(options.applicationId), { body });
  return { scope: 'global', names };
}

/** The application id, when the configuration does not give it: Discord tells the token's owner. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const app = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  return app.id;
}
