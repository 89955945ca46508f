// Opens the database for one process. Production: a pg pool on DATABASE_URL. Embedded: PGlite in
// DATA_DIR/pglite, served over a Unix socket by whichever process owns it, so every `ariadne`
// command works whether or not the server runs, and the data directory is never opened twice.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { useAuditKeys } from '../audit/audit-keys.js';
import type { Config } from '../config.js';
import { assertPrivateDir, makePrivate, usePrivateUmask } from '../data-dir.js';
import { AppError } from '../errors.js';
import { startPgliteServer, type PgliteServer } from './pglite-server.js';

// Untyped by tables on purpose: each context queries its own tables with the query builder, so the
// platform never needs to know them (the relational `db.query.*` API, which would, is not used).
export type Db = NodePgDatabase;
/** A transaction handle; domain functions that only run statements accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Connection settings for libraries that open their own connections (pg-boss). */
  connection: pg.PoolConfig;
  mode: 'embedded' | 'production';
  /** True when this process opened PGlite itself (and serves it to the others). */
  ownsEmbedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Long-running roles must own the embedded database rather than borrow another process's. */
  requireOwner?: boolean;
  log?: Logger;
}

const SOCKET_PORT = 5432;

export function embeddedPaths(dataDir: string) {
  return {
    pgData: path.join(dataDir, 'pglite'),
    socketDir: path.join(dataDir, 'run'),
    socketFile: path.join(dataDir, 'run', `.s.PGSQL.${SOCKET_PORT}`),
    lockFile: path.join(dataDir, 'pglite.lock'),
  };
}

function canConnect(socketFile: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (!existsSync(socketFile)) return resolve(false);
    const s = net.connect(socketFile);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockPid(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function tryLock(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function makePool(connection: pg.PoolConfig, log?: Logger): pg.Pool {
  const pool = new pg.Pool(connection);
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => log?.warn({ err }, 'database connection lost'));
  return pool;
}

async function openEmbedded(config: Config, opts: OpenOptions): Promise<Database> {
  const paths = embeddedPaths(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // Refuse a data directory others can read before anything is written to or read from it.
  assertPrivateDir(config.dataDir, 'DATA_DIR');
  const clientConnection: pg.PoolConfig = {
    host: paths.socketDir,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: config.databasePoolSize,
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (tryLock(paths.lockFile)) break;
    const owner = readLockPid(paths.lockFile);
    if (owner !== null && !isAlive(owner)) {
      opts.log?.warn({ pid: owner }, 'removing stale embedded database lock');
      rmSync(paths.lockFile, { force: true });
      continue;
    }
    if (!opts.requireOwner && (await canConnect(paths.socketFile))) {
      const pool = makePool(clientConnection, opts.log);
      return {
        db: drizzle(pool),
        pool,
        connection: clientConnection,
        mode: 'embedded',
        ownsEmbedded: false,
        close: () => pool.end(),
      };
    }
    if (opts.requireOwner && owner !== null && (await canConnect(paths.socketFile))) {
      throw new AppError(
        'already_running',
        `Ariadne already runs on this data directory (process ${owner}). Stop it first, or use another DATA_DIR.`,
      );
    }
    if (Date.now() > deadline) {
      throw new AppError(
        'database_unavailable',
        `The embedded database in ${config.dataDir} is held by process ${owner ?? '?'} and does not answer. If no Ariadne process runs, remove ${paths.lockFile}.`,
      );
    }
    await sleep(200);
  }

  let pglite: PGlite | undefined;
  let server: PgliteServer | undefined;
  try {
    // PGlite creates its files 0755/0644; with this umask they are born private, and the chmod
    // covers the files it created before (or in a worker thread, where no umask can be set).
    usePrivateUmask();
    pglite = await PGlite.create(paths.pgData);
    makePrivate(paths.pgData);
    server = await startPgliteServer({
      db: pglite,
      socketDir: paths.socketDir,
      port: SOCKET_PORT,
      onError: (err) => opts.log?.error({ err }, 'embedded database connection failed'),
    });
  } catch (err) {
    await server?.stop().catch(() => undefined);
    await pglite?.close().catch(() => undefined);
    rmSync(paths.lockFile, { force: true });
    throw new AppError(
      'database_unavailable',
      `Could not open the embedded database in ${paths.pgData}: ${String(err)}`,
    );
  }
  const pool = makePool(clientConnection, opts.log);
  const ownedServer = server;
  const ownedDb = pglite;
  let closed = false;
  return {
    db: drizzle(pool),
    pool,
    connection: clientConnection,
    mode: 'embedded',
    ownsEmbedded: true,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
      await ownedServer.stop();
      await ownedDb.close();
      rmSync(paths.lockFile, { force: true });
    },
  };
}

async function openProduction(config: Config, opts: OpenOptions): Promise<Database> {
  const connection: pg.PoolConfig = {
    connectionString: config.databaseUrl,
    max: config.databasePoolSize,
    connectionTimeoutMillis: 10_000,
  };
  const pool = makePool(connection, opts.log);
  for (let attempt = 0; ; attempt++) {
    try {
      const client = await pool.connect();
      client.release();
      break;
    } catch (err) {
      if (attempt >= config.dbConnectRetries) {
        await pool.end().catch(() => undefined);
        throw new AppError(
          'database_unavailable',
          `Cannot reach PostgreSQL at ${redactUrl(config.databaseUrl ?? '')} after ${attempt + 1} attempts: ${(err as Error).message}. Check DATABASE_URL and that the server runs.`,
        );
      }
      opts.log?.warn(
        { attempt: attempt + 1, of: config.dbConnectRetries + 1, reason: (err as Error).message },
        'database not reachable yet, retrying in 2 s',
      );
      await sleep(2000);
    }
  }
  return {
    db: drizzle(pool),
    pool,
    connection,
    mode: 'production',
    ownsEmbedded: false,
    close: () => pool.end(),
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  // Every process opens its database here with its configuration: from now on its audit entries
  // are chained with its audit key.
  useAuditKeys(config.secrets.auditKeys);
  return config.mode === 'embedded' ? openEmbedded(config, opts) : openProduction(config, opts);
}
