// A fresh, migrated database for one test file: embedded PGlite in a temporary data directory, or
// a new database on the PostgreSQL server at 127.0.0.1:5432 that is dropped afterwards. Which one
// is chosen by ARIADNE_TEST_DB (set per Vitest project), so the same tests run on both. Both start
// as a copy of a migrated template (db-template.ts) rather than migrating from nothing each time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/connect.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import {
  cloneMigratedPgDatabase,
  pgUrlFor,
  seedPgliteDataDir,
  TEST_PG_URL,
  withAdminClient,
} from './db-template.js';

export { TEST_PG_URL };

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

/**
 * Creates a PostgreSQL database for a test and returns its URL: empty, or with `migrated` a clone
 * of the migrated template.
 */
export async function createPgDatabase(
  opts: { migrated?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ariadne_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (opts.migrated) await cloneMigratedPgDatabase(name);
  else await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: pgUrlFor(name),
    drop: () =>
      withAdminClient(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
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
    const created = await createPgDatabase({ migrated: true });
    env.DATABASE_URL = created.url;
    env.DB_CONNECT_RETRIES = '0';
    drop = () => created.drop();
  } else {
    await seedPgliteDataDir(dataDir, env);
  }
  const config = loadConfig(env);
  const database = await openDatabase(config, {
    requireOwner: true,
    log: pino({ level: 'silent' }),
  });
  // Nothing to do on a current template; kept so a test never runs on an unmigrated database.
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
