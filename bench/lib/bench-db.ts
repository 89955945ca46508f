// A fresh, migrated database for one benchmark: embedded PGlite in a temporary data directory (what
// the other benches use), or a new database on a PostgreSQL server, created from an admin URL and
// dropped afterwards (BENCH_KEEP_DB=1 keeps it, to look at it or to re-run queries by hand).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/connect.js';
import { runMigrations } from '../../src/platform/db/migrate.js';

/** Where PostgreSQL benches create their database; the local server with trust auth by default. */
export const BENCH_PG_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.ARIADNE_TEST_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  /** Database name on the server (postgres only). */
  name: string | null;
  url: string | null;
  config: Config;
  database: Database;
  close(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: BENCH_PG_ADMIN_URL,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** True when the PostgreSQL server of BENCH_PG_ADMIN_URL answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function secretsEnv(): Record<string, string> {
  return {
    SESSION_SECRET: randomBytes(32).toString('base64'),
    FIELD_ENCRYPTION_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    IDENTIFIER_PEPPER: randomBytes(32).toString('base64'),
    AUDIT_KEYS: `b1:${randomBytes(32).toString('base64')}`,
  };
}

export async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
  opts: { poolSize?: number; env?: Record<string, string> } = {},
): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ariadne-link-bench-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...secretsEnv(),
    ...(opts.poolSize ? { DATABASE_POOL_SIZE: String(opts.poolSize) } : {}),
    ...opts.env,
  };
  let name: string | null = null;
  let url: string | null = null;
  if (kind === 'postgres') {
    name = `ariadne_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(BENCH_PG_ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    env.DATABASE_URL = url;
    env.DB_CONNECT_RETRIES = '0';
  }
  const dropCreated = async () => {
    if (name && process.env.BENCH_KEEP_DB !== '1') {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let config: Config;
  let database: Database | undefined;
  try {
    config = loadConfig(env);
    database = await openDatabase(config, {
      requireOwner: true,
      log: pino({ level: 'silent' }),
    });
    await runMigrations(database.pool);
  } catch (err) {
    // A database created for a bench that never started is dropped too.
    await database?.close().catch(() => undefined);
    await dropCreated().catch(() => undefined);
    throw err;
  }
  const opened = database;
  return {
    kind,
    name,
    url,
    config,
    database: opened,
    close: async () => {
      await opened.close();
      await dropCreated();
    },
  };
}
