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

export type DiscordRestError = DiscordApiRefusal | DiscordHttpFailure;

function field(error: object, key: string): unknown {
  return (error as Record<string, unknown>)[key];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The REST error this is, from either build of @discordjs/rest; undefined for anything else (network errors). */
export function discordRestError(error: unknown): DiscordRestError | undefined {
  if (!(error instanceof Error)) return undefined;
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

/** One line for logs and `/digest status`: status, Discord's code and message. */
export function describeRestError(error: unknown): string {
  const found = discordRestError(error);
  if (found?.kind === 'api') return `${found.status} ${found.code}: ${found.message}`;
  if (found) return `${found.status} ${found.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
