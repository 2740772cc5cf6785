// What Discord's REST answered, read from an error's fields. @discordjs/rest ships CJS and ESM builds with
// separate classes, and discord.js's client.rest throws the CJS ones: `instanceof` with the class imported here
// (ESM) is false for them. Both builds give the same fields and names, so classify by those.

/** Discord refused with a JSON error body (any 4xx, and a 5xx that carries one). */
export interface DiscordApiRefusal {
  kind: 'api';
  status: number;
  /** Discord's JSON error code (RESTJSONErrorCodes), or 0 when the body had none. */
  code: number;
  message: string;
  method?: string;
  url?: string;
}

/** Discord (or a proxy) answered an HTTP error without a JSON error body, typically 5xx. */
export interface DiscordHttpFailure {
  kind: 'http';
  status: number;
  message: string;
  method?: string;
  url?: string;
}

/**
 * @discordjs/rest refused to wait out a rate limit itself (the `rejectOnRateLimit` option): the caller owns the
 * retry. Thrown both for a 429 Discord sent and before sending, when the client already knows the bucket is spent.
 */
export interface DiscordRateLimit {
  kind: 'rate-limit';
  /** How long to wait before trying again, in ms. */
  retryAfter: number;
  global: boolean;
  /** The bucket route, e.g. `/channels/123/messages`. */
  route: string;
  method?: string;
  /** `user`, `global` or `shared` (a shared limit does not count against the invalid-request budget). */
  scope?: string;
}

export type DiscordRestError = DiscordApiRefusal | DiscordHttpFailure | DiscordRateLimit;

function field(error: object, key: string): unknown {
  return (error as Record<string, unknown>)[key];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The REST error this is, from either build of @discordjs/rest; undefined for anything else (network errors). */
function discordRestError(error: unknown): DiscordRestError | undefined {
  if (!(error instanceof Error)) return undefined;
  // RateLimitError's name is `RateLimitError[route]`; it carries no status.
  if (error.name.startsWith('RateLimitError')) {
    const retryAfter = field(error, 'retryAfter');
    const timeToReset = field(error, 'timeToReset');
    const waits = [retryAfter, timeToReset].filter((v): v is number => typeof v === 'number' && v > 0);
    return {
      kind: 'rate-limit',
      retryAfter: waits.length > 0 ? Math.max(...waits) : 0,
      global: field(error, 'global') === true,
      route: text(field(error, 'route')) ?? '',
      method: text(field(error, 'method')),
      scope: text(field(error, 'scope')),
    };
  }
  const status = field(error, 'status');
  if (typeof status !== 'number') return undefined;
  const base = {
    status,
    message: error.message,
    method: text(field(error, 'method')),
    url: text(field(error, 'url')),
  };
  // DiscordAPIError's name is `DiscordAPIError[code]`; HTTPError's is `HTTPError`.
  if (error.name.startsWith('DiscordAPIError')) {
    const code = field(error, 'code');
    return { kind: 'api', ...base, code: typeof code === 'number' ? code : 0 };
  }
  if (error.name === 'HTTPError') return { kind: 'http', ...base };
  return undefined;
}

/** A JSON refusal from Discord (DiscordAPIError of either build). */
export function discordApiRefusal(error: unknown): DiscordApiRefusal | undefined {
  const found = discordRestError(error);
  return found?.kind === 'api' ? found : undefined;
}

/** A rate limit that @discordjs/rest handed back to the caller (RateLimitError of either build). */
export function discordRateLimit(error: unknown): DiscordRateLimit | undefined {
  const found = discordRestError(error);
  return found?.kind === 'rate-limit' ? found : undefined;
}

/** One line for logs and `/digest status`: status, Discord's code and message. */
export function describeRestError(error: unknown): string {
  const found = discordRestError(error);
  if (found?.kind === 'api') return `${found.status} ${found.code}: ${found.message}`;
  if (found?.kind === 'rate-limit')
    return `429 rate limited on ${found.route} (retry after ${Math.round(found.retryAfter)} ms)`;
  if (found) return `${found.status} ${found.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
