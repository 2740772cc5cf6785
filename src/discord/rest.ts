// The REST client every part of Shiting uses (the bot's client, deploy, digest delivery): one place for its options.
import { REST, type RESTOptions } from '@discordjs/rest';

export interface RestConfig {
  token: string;
  /** A REST base such as `http://127.0.0.1:PORT/api` (no `/v10`); Discord's own when absent. */
  apiUrl?: string;
}

/** Options shared by the standalone REST client and the discord.js client's. */
export function restOptions(apiUrl: string | undefined): Partial<RESTOptions> {
  return apiUrl ? { api: apiUrl } : {};
}

/** A token-bearing REST client. 429s are waited out and 5xx retried by @discordjs/rest itself. */
export function createRest(config: RestConfig, options: Partial<RESTOptions> = {}): REST {
  return new REST({ ...restOptions(config.apiUrl), ...options }).setToken(config.token);
}
