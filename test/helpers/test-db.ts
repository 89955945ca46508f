// A fresh, migrated database for one test file: embedded PGlite in a temporary data directory, or
// a new database on the PostgreSQL server at 127.0.0.1:5432 that is dropped afterwards. Which one
// is chosen by ARIADNE_TEST_DB (set per Vitest project), so the same tests run on both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/connect.js';
import { runMigrations } from '../../src/platform/db/migrate.js';

export const TEST_PG_URL =
  process.env.ARIADNE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// One audit key per test process: the process's audit key is set when a database opens (see
// src/platform/audit/audit-keys.ts), so every test database a file opens must share it.
const TEST_AUDIT_KEYS = `ta:${randomBytes(32).toString('base64')}`;

export function testSecretsEnv(): Record<string, string> {
  return {
    SESSION_SECRET: randomBytes(32).toString('base64'),
    FIELD_ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    IDENTIFIER_PEPPER: randomBytes(32).toString('base64'),
    AUDIT_KEYS: TEST_AUDIT_KEYS,
  };
}

export interface TestDatabase {
  config: Config;
  database: Database;
  env: Record<string, string>;
  kind: 'pglite' | 'postgres';
  cleanup(): Promise<void>;
}

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.ARIADNE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}). ` +
        'The database tests need a PostgreSQL server with trust auth on 127.0.0.1:5432 ' +
        '(Debian: apt-get install postgresql && pg_ctlcluster 15 main start), or set ARIADNE_TEST_PG_URL.',
      { cause: err },
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database for a test and returns its URL. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ariadne_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function openTestDatabase(
  extraEnv: Record<string, string> = {},
): Promise<TestDatabase> {
  const kind = testDbKind();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ariadne-test-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...testSecretsEnv(),
    ...extraEnv,
  };
  let drop = async () => {};
  if (kind === 'postgres') {
    const created = await createPgDatabase();
    env.DATABASE_URL = created.url;
    env.DB_CONNECT_RETRIES = '0';
    drop = () => created.drop();
  }
  const config = loadConfig(env);
  const database = await openDatabase(config, {
    requireOwner: true,
    log: pino({ level: 'silent' }),
  });
  await runMigrations(database.pool);
  return {
    config,
    database,
    env,
    kind,
    cleanup: async () => {
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
