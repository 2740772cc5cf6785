// Which store `start` (and `worker`) opens: PostgreSQL when DATABASE_URL is set, else the SQLite file.
import { SettingPathError } from '../discord/errors';
import { DatabaseOpenError, PostgresDigestStore, type PostgresStoreOptions } from './postgres-store';
import type { DigestStore } from './store';

/**
 * Open the Postgres store of DATABASE_URL, retrying a server that cannot be reached yet. Its failure is a
 * SettingPathError naming DATABASE_URL and the server (user, host, port, database: never the password), which
 * `start` prints as one line before exiting 1.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<DigestStore> {
  try {
    return await PostgresDigestStore.open(url, options);
  } catch (error) {
    if (error instanceof DatabaseOpenError)
      throw new SettingPathError('DATABASE_URL', error.where, error.reason, { cause: error });
    throw error;
  }
}
