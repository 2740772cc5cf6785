// The REST client every part of Shiting uses (the bot's client, deploy, digest delivery): one place for its options.
import { type RateLimitData, REST, RESTEvents, type RESTOptions } from '@discordjs/rest';
import { INVALID_REQUEST_WARNING_INTERVAL } from './invalid-requests';

export interface RestConfig {
  token: string;
  /** A REST base such as `http://127.0.0.1:PORT/api` (no `/v10`); Discord's own when absent. */
  apiUrl?: string;
}

/** A channel message create (`POST /channels/{id}/messages`), as @discordjs/rest names its bucket route. */
function isChannelPost(data: Pick<RateLimitData, 'method' | 'route'>): boolean {
  return data.method.toUpperCase() === 'POST' && /^\/channels\/[^/]+\/messages$/.test(data.route);
}

/**
 * The waits @discordjs/rest announces (RESTEvents.RateLimited) before it sends: its own pacing under the global
 * 50 a second, or a bucket it knows is spent. Those cost Discord nothing and it waits them out itself; only a
 * 429 that Discord answered is handed back. (The event is emitted synchronously with the same object that
 * `rejectOnRateLimit` then receives.)
 */
const announcedWaits = new WeakSet<RateLimitData>();

/** Call on every REST client built from `restOptions`, so that its local waits are not handed back. */
export function trackLocalWaits(rest: REST): REST {
  rest.on(RESTEvents.RateLimited, (data) => announcedWaits.add(data));
  return rest;
}

/** Options shared by the standalone REST client and the discord.js client's. */
export function restOptions(apiUrl: string | undefined): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    // Digest posts hand rate limits back to the deliverer, which pauses its whole fan-out once; left to
    // @discordjs/rest, each of 50 posts in flight would wait and retry on its own after every retry-after.
    rejectOnRateLimit: (data) => isChannelPost(data) && !announcedWaits.has(data),
    // @discordjs/rest counts the invalid requests it sees and says so every this many (0 would never say).
    invalidRequestWarningInterval: INVALID_REQUEST_WARNING_INTERVAL,
  };
}

/** A token-bearing REST client. 429s are waited out (except channel posts) and 5xx retried by @discordjs/rest. */
export function createRest(config: RestConfig, options: Partial<RESTOptions> = {}): REST {
  return trackLocalWaits(new REST({ ...restOptions(config.apiUrl), ...options })).setToken(config.token);
}
