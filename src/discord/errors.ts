// What to tell a person when start-up fails: one sentence, no stack trace, no token. Discord is named only when
// Discord refused or could not be reached; a local file's problem names the setting and the path instead.
import { discordApiRefusal } from './api-errors';

/** Gateway close codes after which discord.js does not reconnect, and what a person can do about each. */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, { name: string; advice: string }> = new Map([
  [
    4004,
    {
      name: 'Authentication failed',
      advice:
        'Discord did not accept DISCORD_TOKEN (it was reset, or is another bot’s). Reset the token in the Developer Portal and set DISCORD_TOKEN again.',
    },
  ],
  [4010, { name: 'Invalid shard', advice: 'check SHITING_SHARDS (or --shards).' }],
  [
    4011,
    {
      name: 'Sharding required',
      advice: 'Discord requires this bot to run sharded: set SHITING_SHARDS=auto (or start --shards auto).',
    },
  ],
  [
    4012,
    {
      name: 'Invalid API version',
      advice: 'this discord.js is too old for Discord: reinstall with npm ci from the shipped lock file.',
    },
  ],
  [4013, { name: 'Invalid intents', advice: 'Discord refused the gateway intents the bot asked for.' }],
  [
    4014,
    {
      name: 'Disallowed intents',
      advice:
        'Discord refused the gateway intents the bot asked for: allow them in the Developer Portal (Bot → Privileged Gateway Intents).',
    },
  ],
]);

/** Discord closed a shard's gateway with a code in FATAL_CLOSE_CODES: discord.js will not reconnect it. */
export class GatewayClosedError extends Error {
  override name = 'GatewayClosedError';
  constructor(
    readonly code: number,
    readonly shardId: number,
    /** The session had been ready (the bot was serving) rather than refused at login. */
    readonly live: boolean,
  ) {
    const known = FATAL_CLOSE_CODES.get(code);
    const what = `${code} ${known?.name ?? 'unrecoverable'}`;
    super(
      live
        ? `Discord closed the gateway connection (${what}) and discord.js will not reconnect; stopping. ${known?.advice ?? ''}`.trim()
        : `Discord closed the gateway at login (${what}): ${known?.advice ?? ''}`.trim(),
    );
  }
}

/** A file or directory that a setting names could not be used. The message names both. */
export class SettingPathError extends Error {
  override name = 'SettingPathError';
  constructor(
    /** How a person sets it, e.g. `SHITING_DB` or `SHITING_INDEX (or --index)`. */
    readonly setting: string,
    readonly path: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${setting} is ${path}: ${reason}`, options);
  }
}

/**
 * Runs `open`; a file-system or SQLite error from it becomes a SettingPathError naming `setting` and `path`.
 * With `plainErrors`, so does a plain Error (a sentence of the opener's own, such as "newer than this Shiting").
 */
export function atSetting<T>(setting: string, path: string, open: () => T, plainErrors = false): T {
  try {
    return open();
  } catch (error) {
    const plain =
      plainErrors && error instanceof Error && error.constructor === Error && codeOf(error) === undefined;
    const reason = plain ? (error as Error).message : localReason(error);
    if (reason === undefined) throw error;
    throw new SettingPathError(setting, path, reason, { cause: error });
  }
}

/** Errors a connection to a server gives (Node, undici and DNS): only these mean "could not reach Discord". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EPROTO',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What a file-system error code means for a path a person typed. */
const FILE_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted (an immutable file or directory?)',
  EROFS: 'it is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has a loop of symbolic links',
  EMFILE: 'too many files are open',
  EIO: 'an I/O error occurred',
};

/** better-sqlite3's SqliteError codes (extended ones start with the primary code). */
const SQLITE_REASONS: [prefix: string, reason: string][] = [
  [
    'SQLITE_CANTOPEN',
    'SQLite cannot open or create the database there (are the file and its directory writable?)',
  ],
  [
    'SQLITE_READONLY',
    'the database cannot be written (a read-only or immutable file, directory or file system)',
  ],
  ['SQLITE_NOTADB', 'the file is not an SQLite database'],
  ['SQLITE_CORRUPT', 'the database file is corrupt'],
  ['SQLITE_IOERR', 'a disk I/O error occurred reading or writing the database'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_BUSY', 'the database is locked by another process (is another Shiting running on it?)'],
  ['SQLITE_PERM', 'the operating system refused access to the database'],
];

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A local file problem in words, or undefined when `error` is not one (a bug, a network error). */
function localReason(error: unknown): string | undefined {
  const code = codeOf(error);
  if (code === undefined || NETWORK_CODES.has(code)) return undefined;
  const sqlite = SQLITE_REASONS.find(([prefix]) => code.startsWith(prefix));
  if (sqlite) return `${sqlite[1]} (${code})`;
  if (/^E[A-Z]+$/.test(code)) return `${FILE_REASONS[code] ?? (error as Error).message} (${code})`;
  return undefined;
}

/** The network error code in `error` or its causes (fetch wraps it: TypeError "fetch failed" with a cause). */
function networkCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (code && NETWORK_CODES.has(code)) return code;
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) {
      const found = inner.map(codeOf).find((c) => c !== undefined && NETWORK_CODES.has(c));
      if (found) return found;
    }
  }
  return undefined;
}

export function describeDiscordError(error: unknown, apiUrl?: string): string {
  const where = apiUrl ?? 'Discord';
  if (error instanceof SettingPathError) return `${error.message}.`;
  if (error instanceof GatewayClosedError) return error.message;
  const refusal = discordApiRefusal(error);
  if (refusal) {
    if (refusal.status === 401)
      return 'Discord did not accept DISCORD_TOKEN (401 Unauthorized). Reset the token in the Developer Portal and set it again.';
    if (refusal.status === 403)
      return `Discord refused (403, code ${refusal.code}): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited to that server with the applications.commands scope.`;
    return `Discord answered ${refusal.status} (code ${refusal.code}): ${refusal.message}`;
  }
  const code = codeOf(error);
  if (code === 'TokenInvalid')
    return 'Discord did not accept DISCORD_TOKEN. Reset the token in the Developer Portal and set it again.';
  if (code === 'DisallowedIntents') return 'Discord refused the gateway intents the bot asked for.';
  const network = networkCode(error);
  if (network) return `could not reach ${where} (${network}).`;
  // @discordjs/rest aborts a request that gets no answer in time.
  if (error instanceof Error && error.name === 'AbortError') return `${where} did not answer in time.`;
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = (error as { cause?: unknown }).cause;
    return `could not reach ${where}${cause instanceof Error ? ` (${cause.message})` : ''}.`;
  }
  return error instanceof Error ? error.message : String(error);
}
