// Structured logs (pino, JSON lines). Secrets are redacted by path and scrubbed from any text.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Strings that must never appear in a log line (the bot token). */
  secrets?: readonly string[];
  /** Where lines go; standard output by default. */
  destination?: DestinationStream;
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'config.token',
  'DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return pino(
    {
      level: options.level,
      base: { app: 'shiting' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // A last line of defence: an error message or text that quotes the token still loses it.
      ...(secrets.length ? { hooks: { streamWrite: scrub } } : {}),
    },
    options.destination,
  );
}
