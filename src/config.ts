// The bot's configuration: read from the environment (and `.env` when present), validated with zod.
import { existsSync, statSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { PUBLIC_KEY_PATTERN } from './http/signature';

/** Discord bot tokens are three base64url parts joined by dots; the first encodes the bot's user id. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE_PATTERN = /^\d{17,20}$/;
/** The only database path whose directory Shiting creates; an explicit SHITING_DB must be in an existing one. */
export const DEFAULT_DB_PATH = 'data/shiting.db';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** How many shards `shiting start` runs: a number, or `auto` for the count Discord recommends. */
export type ShardCount = number | 'auto';

/** `auto` or a positive whole number, as SHITING_SHARDS and `--shards` take it; undefined otherwise. */
export function parseShardCount(text: string): ShardCount | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value)) return undefined;
  const count = Number(value);
  return Number.isSafeInteger(count) && count > 0 ? count : undefined;
}

/**
 * Told to everyone `start` and `deploy` turn away for want of a token; the command must find something in the
 * shipped seeds (a test runs it).
 */
export const ASK_HINT = 'You can try Shiting without Discord: npx shiting ask "/edition query:11th"';

/** A REST base such as `http://127.0.0.1:8080/api`: http(s) only, since the bot token is sent there; no version. */
function apiUrl(name: string, example: string) {
  return (
    z
      .url({ error: `${name} must be a URL such as ${example}.` })
      // Bearer of the bot token: only a web address may receive it (not ftp:, file: or javascript:).
      .refine(
        (url) => /^https?:$/.test(new URL(url).protocol),
        `${name} must start with http:// or https://, such as ${example}.`,
      )
      .refine((url) => !/\/v\d+\/?$/.test(url), `${name} must not end with the API version (/v10).`)
      .optional()
  );
}

/** A whole number from `min` to `max`, read from text; `what` says what it is for. */
function wholeNumber(name: string, min: number, max: number, what: string) {
  return z
    .string()
    .refine(
      (text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max,
      `${name} must be a whole number from ${min} to ${max} (${what}).`,
    )
    .optional();
}

function port(name: string, what: string) {
  return z
    .string()
    .refine(
      (text) => /^\d+$/.test(text) && Number(text) <= 65_535,
      `${name} must be a port number from 0 to 65535 (${what}).`,
    )
    .optional();
}

// Messages name the variable and never echo its value: the token must not reach a terminal or a log.
const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({
      error: 'DISCORD_TOKEN is not set. Set it to your bot token (Developer Portal → Bot → Reset Token).',
    })
    .refine(
      (token) => !token.startsWith('Bot '),
      'DISCORD_TOKEN must be the bare token, without the "Bot " prefix.',
    )
    .refine(
      (token) => token.startsWith('Bot ') || TOKEN_PATTERN.test(token),
      'DISCORD_TOKEN does not look like a bot token (three dot-separated parts, like the one the Developer Portal shows).',
    ),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(SNOWFLAKE_PATTERN, 'DISCORD_APPLICATION_ID must be a numeric Discord id (17–20 digits).')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(SNOWFLAKE_PATTERN, 'DISCORD_GUILD_ID must be a numeric Discord server id (17–20 digits).')
    .optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(
      PUBLIC_KEY_PATTERN,
      "DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters (Developer Portal → General Information → Public Key).",
    )
    .optional(),
  DISCORD_API_URL: apiUrl('DISCORD_API_URL', 'http://127.0.0.1:8080/api'),
  // Where `shiting rest-proxy` sends what it is given (DISCORD_API_URL is where the other processes find the proxy).
  SHITING_UPSTREAM_API_URL: apiUrl('SHITING_UPSTREAM_API_URL', 'https://discord.com/api'),
  SHITING_PROXY_PORT: port(
    'SHITING_PROXY_PORT',
    'the port `shiting rest-proxy` listens on (0 picks a free one; default 8080)',
  ),
  SHITING_PROXY_HOST: z.string().optional(),
  // Discord grants some large bots a higher global limit than 50 a second; keep a margin under yours.
  SHITING_PROXY_REQUESTS_PER_SECOND: wholeNumber(
    'SHITING_PROXY_REQUESTS_PER_SECOND',
    1,
    10_000,
    'requests a second `shiting rest-proxy` sends to Discord; default 48 (the global limit is 50)',
  ),
  SHITING_LEASE_SECONDS: wholeNumber(
    'SHITING_LEASE_SECONDS',
    1,
    86_400,
    'how long a worker holds a claimed day before another may take it over; default 300',
  ),
  SHITING_TICK_SECONDS: wholeNumber(
    'SHITING_TICK_SECONDS',
    1,
    60,
    'how often start and worker look for due digests besides each minute; default 60',
  ),
  SHITING_DB: z.string().default(DEFAULT_DB_PATH),
  // Never echoed: the URL carries the database password.
  DATABASE_URL: z
    .string()
    .refine(
      (url) => URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol),
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/shiting (leave it unset to keep digests in the SQLite file SHITING_DB).',
    )
    .optional(),
  SHITING_INDEX: z.string().optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` })
    .default('info'),
  DIGEST_DEFAULT_TIMEZONE: z
    .string()
    .refine(
      (zone) => IANAZone.isValidZone(zone),
      'DIGEST_DEFAULT_TIMEZONE must be an IANA time zone such as Asia/Shanghai.',
    )
    .default('Asia/Shanghai'),
  SHITING_INVALID_REQUEST_LIMIT: z
    .string()
    .refine(
      (text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 9_000,
      'SHITING_INVALID_REQUEST_LIMIT must be a whole number from 1 to 9000 (Discord bans at 10,000 in 10 minutes).',
    )
    .optional(),
  SHITING_DIGESTS: z
    .enum(['on', 'off'], {
      error:
        'SHITING_DIGESTS must be "on" (start posts digests) or "off" (left to `shiting worker` processes).',
    })
    .optional(),
  SHITING_HTTP_PORT: port(
    'SHITING_HTTP_PORT',
    'the port of GET /healthz and GET /metrics (0 picks a free one; leave it unset for no health/metrics server)',
  ),
  SHITING_HTTP_HOST: z.string().optional(),
  SHITING_DIGEST_LEFT_SERVER_DAYS: z
    .string()
    .refine(
      (text) => /^\d+$/.test(text) && Number(text) <= 3_650,
      'SHITING_DIGEST_LEFT_SERVER_DAYS must be a whole number of days from 0 to 3650 (how long the digests of a server that removed the bot are kept; default 30).',
    )
    .optional(),
  SHITING_SHARDS: z
    .string()
    .refine(
      (text) => parseShardCount(text) !== undefined,
      'SHITING_SHARDS (or --shards) must be "auto" or a positive whole number.',
    )
    .optional(),
});

export interface Config {
  /** Empty only where the command does not need one (`serve`, see ConfigNeeds). */
  token: string;
  /** The application's Ed25519 public key (hex), which `serve` checks every request's signature with. */
  publicKey?: string;
  applicationId?: string;
  guildId?: string;
  apiUrl?: string;
  dbPath: string;
  /** PostgreSQL for digests (several processes or machines share it); the SQLite file `dbPath` when absent. */
  databaseUrl?: string;
  indexPath?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  digestTimezone: string;
  /** `off`: `start` runs no digest scheduler, leaving posting to `shiting worker` processes; on when absent. */
  digests?: 'on' | 'off';
  /** Run this many shard processes under a manager; one process with one connection when absent. */
  shards?: ShardCount;
  /** Invalid requests (401/403/429) in 10 minutes at which digests stop posting; the default when absent. */
  invalidRequestLimit?: number;
  /** Port of GET /healthz and GET /metrics (0: any free one); no HTTP server at all when absent. */
  httpPort?: number;
  /** Address that server binds; every interface (0.0.0.0) when absent, so a scraper on another machine reaches it. */
  httpHost?: string;
  /** Days the digests of a server that removed the bot are kept (paused) before deletion; 30 when absent. */
  digestLeftServerDays?: number;
  /** `shiting rest-proxy` only: the REST base it forwards to (Discord's own when absent). */
  upstreamApiUrl?: string;
  /** `shiting rest-proxy` only: its port (8080 when absent; 0 picks a free one) and address (127.0.0.1 when absent). */
  proxyPort?: number;
  proxyHost?: string;
  /** `shiting rest-proxy` only: requests a second it sends on (48 when absent). */
  proxyRequestsPerSecond?: number;
  /** How long a Postgres claim on a day holds, in ms; the store's default (5 minutes) when absent. */
  leaseMs?: number;
  /** Digests tick this often (ms) as well as at each minute; only each minute when absent. */
  tickMs?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Shiting cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }

  /** What to print for a person at a terminal. */
  get userMessage(): string {
    return `${this.message}\nSet these in the environment or in a .env file (see .env.example).\n${ASK_HINT}\n`;
  }
}

const optionalNumber = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const seconds = (text: string | undefined) => (text === undefined ? undefined : Number(text) * 1_000);
/** What a command needs beyond the schema: `serve` answers over HTTP with no bot token. */
export interface ConfigNeeds {
  /** Default true. */
  token?: boolean;
}

/** Validate an environment. Empty values count as unset, as `.env` files often leave them blank. */
export function parseConfig(env: Record<string, string | undefined>, needs: ConfigNeeds = {}): Config {
  const present = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((key) => {
      const value = env[key]?.trim();
      return value ? [[key, value]] : [];
    }),
  );
  const schema = needs.token === false ? EnvSchema.partial({ DISCORD_TOKEN: true }) : EnvSchema;
  const result = schema.safeParse(present);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => issue.message));
  const e = result.data;
  return {
    token: e.DISCORD_TOKEN ?? '',
    publicKey: e.DISCORD_PUBLIC_KEY,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL?.replace(/\/$/, ''),
    dbPath: e.SHITING_DB,
    databaseUrl: e.DATABASE_URL,
    indexPath: e.SHITING_INDEX,
    logLevel: e.LOG_LEVEL,
    digestTimezone: e.DIGEST_DEFAULT_TIMEZONE,
    digests: e.SHITING_DIGESTS,
    shards: e.SHITING_SHARDS === undefined ? undefined : parseShardCount(e.SHITING_SHARDS),
    invalidRequestLimit: optionalNumber(e.SHITING_INVALID_REQUEST_LIMIT),
    httpPort: optionalNumber(e.SHITING_HTTP_PORT),
    httpHost: e.SHITING_HTTP_HOST,
    digestLeftServerDays:
      e.SHITING_DIGEST_LEFT_SERVER_DAYS === undefined ? undefined : Number(e.SHITING_DIGEST_LEFT_SERVER_DAYS),
    upstreamApiUrl: e.SHITING_UPSTREAM_API_URL?.replace(/\/$/, ''),
    proxyPort: optionalNumber(e.SHITING_PROXY_PORT),
    proxyHost: e.SHITING_PROXY_HOST,
    proxyRequestsPerSecond: optionalNumber(e.SHITING_PROXY_REQUESTS_PER_SECOND),
    leaseMs: seconds(e.SHITING_LEASE_SECONDS),
    tickMs: seconds(e.SHITING_TICK_SECONDS),
  };
}

/** Load `.env` (values already in the environment win), then validate `process.env` with `overrides` (flags). */
export function readConfig(
  envFile = '.env',
  overrides: Record<string, string> = {},
  needs: ConfigNeeds = {},
): Config {
  if (existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch (error) {
      // A directory or an unreadable file: say which, not where in Node it failed.
      const reason = statSync(envFile).isDirectory()
        ? 'it is a directory, not a file'
        : error instanceof Error
          ? error.message
          : String(error);
      throw new ConfigError([`cannot read ${envFile}: ${reason}`]);
    }
  }
  return parseConfig({ ...process.env, ...overrides }, needs);
}

/**
 * The configuration, or undefined once a ConfigError's message is on stderr: how every command that needs it
 * starts (the caller exits 1). Anything else is not a configuration mistake and is thrown.
 */
export function readConfigOrSay(
  overrides: Record<string, string> = {},
  needs: ConfigNeeds = {},
): Config | undefined {
  try {
    return readConfig('.env', overrides, needs);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.userMessage);
    return undefined;
  }
}
