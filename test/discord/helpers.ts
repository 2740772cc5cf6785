// Shared by the Discord tests: a logger whose lines can be read back, and stand-in knowledge.
import { Writable } from 'node:stream';
import type { Knowledge } from '../../commands/types';
import { createLogger, type Logger } from '../../src/logger';

export interface CapturedLogger {
  logger: Logger;
  lines: string[];
  records(): Record<string, unknown>[];
}

export function captureLogger(level = 'debug', secrets: string[] = []): CapturedLogger {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level, secrets, destination });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Test commands do not read the knowledge; the runtime only passes it through. */
export const NO_KNOWLEDGE = {} as Knowledge;
