// The socket server must give each client ordinary PostgreSQL semantics on the one PGlite session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastReadyStatus, startPgliteServer, type PgliteServer } from './pglite-server.js';

let dir: string;
let db: PGlite;
let server: PgliteServer;
let pool: pg.Pool;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-pglite-'));
  db = await PGlite.create(path.join(dir, 'pg'));
  server = await startPgliteServer({
    db,
    socketDir: path.join(dir, 'run'),
    transactionIdleMs: 500,
  });
  pool = new pg.Pool({
    host: path.join(dir, 'run'),
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 8,
  });
  await pool.query('CREATE TABLE t (id serial primary key, v int)');
});
afterAll(async () => {
  await pool.end();
  await server.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PGlite socket server', () => {
  it('keeps concurrent transactions and parameterised queries apart', async () => {
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const r = await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM t WHERE v >= $1',
            [0],
          );
          await c.query('INSERT INTO t (v) VALUES ($1)', [r.rows[0]!.n]);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
        const echo = await pool.query<{ x: number }>('SELECT $1::int + 1 AS x', [i]);
        expect(echo.rows[0]!.x).toBe(i + 1);
      }),
    );
    // Serialised transactions: each saw all the earlier ones, so every count is distinct.
    const r = await pool.query<{ n: number; d: number }>(
      'SELECT count(*)::int n, count(DISTINCT v)::int d FROM t',
    );
    expect(r.rows[0]).toEqual({ n: 40, d: 40 });
  });

  it('rolls back a transaction whose client disappears', async () => {
    const client = new pg.Client({
      host: path.join(dir, 'run'),
      port: 5432,
      user: 'postgres',
      database: 'postgres',
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO t (v) VALUES (-1)');
    (
      client as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
    const r = await pool.query<{ n: number }>('SELECT count(*)::int n FROM t WHERE v = -1');
    expect(r.rows[0]!.n).toBe(0);
  });

  it('drops a client that holds a transaction and goes silent', async () => {
    const client = await pool.connect();
    client.on('error', () => undefined);
    await client.query('BEGIN');
    await client.query('INSERT INTO t (v) VALUES (-2)');
    // Others wait while the transaction is open, then proceed once the idle limit rolls it back.
    const r = await pool.query<{ n: number }>('SELECT count(*)::int n FROM t WHERE v = -2');
    expect(r.rows[0]!.n).toBe(0);
    client.release(true);
  });

  it('returns every result of a multi-statement query', async () => {
    const r = (await pool.query('SELECT 1 AS a; SELECT 2 AS b')) as unknown as pg.QueryResult[];
    expect(r.map((x) => x.rows[0] as unknown)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads the transaction status from a backend reply', () => {
    const z = (s: string) => Buffer.from([0x5a, 0, 0, 0, 5, s.charCodeAt(0)]);
    expect(lastReadyStatus(Buffer.concat([Buffer.from([0x43, 0, 0, 0, 4]), z('T')]))).toBe('T');
    expect(lastReadyStatus(Buffer.concat([z('T'), z('I')]))).toBe('I');
    expect(lastReadyStatus(Buffer.alloc(0))).toBeNull();
  });
});
