// Platform figures: the cost of going through the embedded socket server (reference: PGlite queried
// in-process), audit log appends and verification, Argon2id sign-in cost, and HTTP request rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import pino from 'pino';
import { appendAudit, verifyAuditChain } from '../src/platform/audit/audit-log.js';
import { hashPassword, verifyPassword } from '../src/platform/auth/passwords.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { startPgliteServer } from '../src/platform/db/pglite-server.js';
import { buildHttpServer } from '../src/app/http-server.js';
import type { BenchResult } from './run.js';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (performance.now() - t0) / 1000;
}

export async function platformBench(): Promise<BenchResult> {
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-bench-'));
  try {
    // 1. Socket server overhead vs in-process PGlite.
    const db = await PGlite.create(path.join(dir, 'pg'));
    await db.exec('CREATE TABLE kv (k int primary key, v text)');
    const n = 3000;
    const direct = await timed(n, (i) =>
      db.query('INSERT INTO kv VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = $2', [i, 'x']),
    );
    const server = await startPgliteServer({ db, socketDir: path.join(dir, 'run') });
    const pool = new pg.Pool({
      host: path.join(dir, 'run'),
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      max: 4,
    });
    const viaSocket = await timed(n, (i) =>
      pool.query('INSERT INTO kv VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = $2', [i, 'y']),
    );
    lines.push(
      `PGlite parameterised upserts: ${fmt(n / viaSocket)}/s through the socket server vs ${fmt(n / direct)}/s in-process (reference); socket/in-process ratio ${(direct / viaSocket).toFixed(2)}`,
    );
    await pool.end();
    await server.stop();
    await db.close();

    // 2. Audit log on the embedded database.
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' });
    const database = await openDatabase(config, { requireOwner: true });
    await runMigrations(database.pool);
    const appends = 1000;
    const appendTime = await timed(appends, (i) =>
      appendAudit(database.db, { actorLabel: 'bench', action: 'bench.event', details: { i } }),
    );
    const verifyStart = performance.now();
    const verified = await verifyAuditChain(database.db, config.secrets.auditKeys);
    const verifyTime = (performance.now() - verifyStart) / 1000;
    lines.push(
      `audit log (PGlite): ${fmt(appends / appendTime)} appends/s; verify ${fmt(verified.rows / verifyTime)} entries/s`,
    );

    // 3. HTTP: /healthz and an authenticated-path miss, sequential, in-process (light-my-request).
    const app = await buildHttpServer({ config, database, log: pino({ level: 'silent' }) });
    await app.ready();
    const reqs = 2000;
    const httpTime = await timed(reqs, () => app.inject('/healthz'));
    const sessionTime = await timed(500, () => app.inject('/api/auth/session'));
    lines.push(
      `HTTP in-process: /healthz ${fmt(reqs / httpTime)} req/s; /api/auth/session ${fmt(500 / sessionTime)} req/s`,
    );
    await app.close();
    await database.close();

    // 4. Argon2id cost per sign-in (OWASP parameters).
    const hash = await hashPassword('correct horse battery staple');
    const verifyT = await timed(10, () => verifyPassword(hash, 'correct horse battery staple'));
    lines.push(`Argon2id password check: ${fmt((verifyT / 10) * 1000)} ms each (m=19 MiB, t=2)`);
    lines.push(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'platform', lines };
}
