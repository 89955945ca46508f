// `ariadne start` for the browser journeys, as a process: free loopback ports, a fresh data
// directory whose database is already migrated, the start (with or without the demo, whose ad
// board, recruitment board and simulated SMSC get free ports of their own), the wait until the
// demo's first crawl and its pipeline are done, SQL on the embedded database, and the stop. Free of Vitest, so the e2e
// project's global setup can stop the journeys' shared app with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { embeddedPaths } from '../../src/platform/db/connect.js';
import { seedPgliteDataDir } from '../helpers/db-template.js';
import { testSecretsEnv } from '../helpers/test-db.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function listen(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(null));
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

const close = (srv: net.Server) => new Promise<void>((r) => srv.close(() => r()));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A free loopback port, none of `avoid` (ports already handed out for the same start). With
 * `pair` one whose next port is free too: the demo ad board serves site B on the next port.
 */
export async function freePort(opts: { pair?: boolean; avoid?: number[] } = {}): Promise<number> {
  const avoid = new Set(opts.avoid ?? []);
  for (let i = 0; i < 50; i++) {
    const first = await listen(0);
    if (!first) continue;
    const address = first.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const second = opts.pair && port < 65535 ? await listen(port + 1) : null;
    await close(first);
    if (second) await close(second);
    const taken = avoid.has(port) || (opts.pair === true && avoid.has(port + 1));
    if (port && !taken && (!opts.pair || second)) return port;
  }
  throw new Error('no free port');
}

export interface Started {
  proc: ChildProcess;
  url: string;
  /** The first admin's address and one-time password, as `ariadne start` printed them. */
  email: string;
  password: string;
  output: () => string;
}

export interface StartOptions {
  /** Demo data: the synthetic ad and recruitment boards and the simulated SMSC, on free ports. */
  demo: boolean;
  /** More settings for this journey (OUTREACH_RULES_FILE, PUBLIC_URL, …). */
  env?: Record<string, string>;
  /**
   * The port to listen on, when the journey needs it before the start (a PUBLIC_URL or the chat's
   * allowed origins naming the server itself); a free one otherwise.
   */
  port?: number;
  /** How long the server may take to print the admin and answer /readyz. */
  readyTimeoutMs?: number;
  /**
   * Writes the server's output to this file instead of a pipe to this process, so that it outlives
   * the test worker that started it (the journeys' shared app). It stays in the worker's process
   * group: an interrupted run (Ctrl-C) stops it with everything else.
   */
  logFile?: string;
}

/** A fresh data directory for one journey's server. */
export const freshDataDir = (name: string) => mkdtempSync(path.join(tmpdir(), `ariadne-${name}-`));

export function removeDataDir(dataDir: string | undefined): void {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** `ariadne start` in embedded mode on `dataDir`, ready once it printed the admin and is ready. */
export async function startServer(dataDir: string, opts: StartOptions): Promise<Started> {
  // Start from a copy of the migrated database: `ariadne start` on an empty directory (initdb and
  // every migration) is proved by test/e2e/cli.test.ts; a journey need not pay for it again.
  if (!existsSync(embeddedPaths(dataDir).pgData))
    await seedPgliteDataDir(dataDir, testSecretsEnv());
  const port = opts.port ?? (await freePort());
  const ports: Record<string, string> = {};
  if (opts.demo) {
    // Explicit ports, so parallel runs (or a developer's own demo on the defaults) do not collide.
    const board = await freePort({ pair: true, avoid: [port] });
    const recruit = await freePort({ pair: true, avoid: [port, board, board + 1] });
    const smsc = await freePort({ avoid: [port, board, board + 1, recruit, recruit + 1] });
    ports.AD_BOARD_PORT = String(board);
    ports.RECRUIT_BOARD_PORT = String(recruit);
    ports.DEMO_SMSC_PORT = String(smsc);
  }
  const logFd = opts.logFile ? openSync(opts.logFile, 'a', 0o600) : null;
  const proc = spawn(process.execPath, [path.join(repo, 'bin/ariadne.js'), 'start'], {
    cwd: repo,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: String(opts.demo),
      ...ports,
      WEB_DEV: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...opts.env,
    },
    stdio: logFd === null ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
  });
  let piped = '';
  let output = () => piped;
  if (logFd === null) {
    proc.stdout?.on('data', (d: Buffer) => (piped += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (piped += d.toString()));
  } else {
    closeSync(logFd);
    proc.unref();
    const file = opts.logFile!;
    output = () => readFileSync(file, 'utf8');
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`ariadne start exited early:\n${output()}`);
    if (Date.now() > deadline) {
      // The journey never learns of this process: stop it here.
      await stopServer({ proc });
      throw new Error(`ariadne start did not become ready:\n${output()}`);
    }
    const out = output();
    const email = /admin (?:e-?mail|user): (\S+)/i.exec(out)?.[1];
    const password = /one-time password: (\S+)/i.exec(out)?.[1];
    if (email && password) {
      const ready = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return { proc, url, email, password, output };
    }
    await pause(250);
  }
}

export async function stopServer(server: Pick<Started, 'proc'> | undefined): Promise<void> {
  const proc = server?.proc;
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops a server this run started in another process (the shared app: no ChildProcess handle
 * here, so its exit is watched by its pid).
 */
export async function stopPid(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await pause(100);
  }
}

/** SQL on a running server's embedded database, through the socket in its data directory. */
export async function queryDataDir<T>(dataDir: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({
    host: path.join(dataDir, 'run'),
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Queues the demo's data passes through, from the crawl to the scores (not the cron ticks). */
const PIPELINE_QUEUES = ['collect.crawl', 'extract.%', 'link.%', 'score.entity', 'score.rescore-%'];

/**
 * Waits until the demo's first crawls have ended and extraction, linking and scoring have nothing
 * left to do: then a journey signs in on a server that is not also crawling, and finds every ad,
 * entity and lead the demo makes. Each step queues the next before it completes, so an empty
 * pipeline with every crawl run ended is the end of the demo's work, not a pause in it.
 */
export async function waitForDemoSettled(dataDir: string, timeoutMs = 1_200_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [state] = await queryDataDir<{ runs: number; open: number; jobs: number }>(
      dataDir,
      `select (select count(*)::int from crawl_runs) as runs,
              (select count(*)::int from crawl_runs where status in ('queued', 'running')) as open,
              (select count(*)::int from pgboss.job
                 where state in ('created', 'retry', 'active') and start_after <= now()
                   and name like any ($1)) as jobs`,
      [PIPELINE_QUEUES],
    );
    if (state && state.runs > 0 && state.open === 0 && state.jobs === 0) return;
    if (Date.now() > deadline) {
      const seen = JSON.stringify(state);
      throw new Error(`the demo did not settle in ${timeoutMs / 1000} s (last seen ${seen})`);
    }
    await pause(1_000);
  }
}
