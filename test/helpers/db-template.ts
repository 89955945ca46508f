// Migrate once, clone for every test: a migrated template database, built the first time a run
// needs it and reused until the migrations change. Creating and migrating a database costs
// seconds (PGlite runs initdb in wasm, then every migration); a copy costs a fraction of that.
//
// - PostgreSQL: a template database on the server, `CREATE DATABASE … TEMPLATE` per test file.
//   Other runs (other checkouts) share the server, so the build holds an advisory lock and the
//   template is named by a hash of drizzle/: each set of migrations has its own, never a stale one.
// - PGlite: a migrated data directory under the temporary folder, named by the same hash and the
//   PGlite version (its file format); each test copies it into its own data directory.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/platform/config.js';
import { makePrivate } from '../../src/platform/data-dir.js';
import { embeddedPaths, openDatabase } from '../../src/platform/db/connect.js';
import { MIGRATIONS_DIR, runMigrations } from '../../src/platform/db/migrate.js';

export const TEST_PG_URL =
  process.env.ARIADNE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Serialises template builds across every run on the server (any value no other lock uses). */
const TEMPLATE_LOCK = 727_002;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A short hash of every file in drizzle/ (names and contents) and of `extra`. */
export function migrationsKey(extra = ''): string {
  const hash = createHash('sha256').update(extra);
  for (const file of filesUnder(MIGRATIONS_DIR)) {
    hash.update(path.relative(MIGRATIONS_DIR, file)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export function pgUrlFor(database: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
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
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const pgTemplateName = () => `ariadne_template_${migrationsKey()}`;

/**
 * The migrated template database on the PostgreSQL server, built when missing. It is built under
 * another name and renamed when complete, so a run that died half-way leaves no half template;
 * it accepts no connections, so a clone never fails on someone connected to it.
 */
export async function ensurePgTemplate(): Promise<string> {
  const name = pgTemplateName();
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const pool = new pg.Pool({ connectionString: pgUrlFor(building), max: 1 });
      try {
        await runMigrations(pool);
      } finally {
        await pool.end();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

/** A new database on the server cloned from the migrated template (built first if missing). */
export async function cloneMigratedPgDatabase(name: string): Promise<void> {
  const create = (client: pg.Client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`);
  await withAdminClient(async (client) => {
    try {
      await create(client);
    } catch (err) {
      // 3D000: the template does not exist yet (a run without the global setup, or new migrations).
      if ((err as { code?: string }).code !== '3D000') throw err;
      await ensurePgTemplate();
      await create(client);
    }
  });
}

// Its package.json is not among the package's exports, so it is read from node_modules.
const pgliteVersion = (): string =>
  (
    JSON.parse(
      readFileSync(
        new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
        'utf8',
      ),
    ) as { version: string }
  ).version;

/** Where the migrated PGlite data directory for these migrations lives. */
export function pgliteTemplateDir(): string {
  const root = path.join(tmpdir(), `ariadne-test-templates-${userInfo().uid}`);
  return path.join(root, `pglite-${pgliteVersion()}-${migrationsKey(pgliteVersion())}`);
}

/**
 * The migrated PGlite data directory, built when missing: in a private scratch directory, then
 * renamed into place in one step, so a reader never sees half of it (when two processes build at
 * once, the second rename fails and its copy is dropped). Opening a database sets the process's
 * audit key (audit-keys.ts), so the caller passes the secrets its own databases use.
 */
export async function ensurePgliteTemplate(secrets: Record<string, string>): Promise<string> {
  const dir = pgliteTemplateDir();
  if (existsSync(dir)) return dir;
  const root = path.dirname(dir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const scratch = mkdtempSync(path.join(root, 'building-'));
  try {
    const config = loadConfig({ ...secrets, DATA_DIR: scratch, LOG_LEVEL: 'silent' });
    const database = await openDatabase(config, {
      requireOwner: true,
      log: pino({ level: 'silent' }),
    });
    try {
      await runMigrations(database.pool);
    } finally {
      await database.close();
    }
    makePrivate(scratch);
    try {
      renameSync(embeddedPaths(scratch).pgData, dir);
    } catch (err) {
      if (!existsSync(dir)) throw err;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

/** Puts a copy of the migrated PGlite template where `dataDir`'s embedded database lives. */
export async function seedPgliteDataDir(
  dataDir: string,
  secrets: Record<string, string>,
): Promise<void> {
  const template = await ensurePgliteTemplate(secrets);
  const target = embeddedPaths(dataDir).pgData;
  cpSync(template, target, { recursive: true });
  // The copy is born with the process umask; the data directory must be private (data-dir.ts).
  makePrivate(dataDir);
}
