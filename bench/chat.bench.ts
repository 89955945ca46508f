// The chat line under load, on loopback only, bounded: a real `ariadne serve` process on a fresh
// PostgreSQL database (LISTEN/NOTIFY as in production; PGlite embedded when no server answers),
// BENCH_CHATS visitors (default 1,000) connected at once over WebSockets, each chat taken by one of
// the operators (20 chats each, the highest cap), whose consoles hold the events socket. For
// BENCH_CHAT_SECONDS (default 30) every visitor writes about every BENCH_CHAT_INTERVAL_MS (default
// 10,000, jittered: a brisk live chat) and the operator answers each message over the API. Delivery latency is measured
// from the send (the visitor's frame, the operator's request) to its arrival on the other side's
// socket, both clocks being this process's. Printed: p50/p95/p99 per direction and overall,
// messages per second delivered, losses, the server's resident memory (from /proc, the server
// alone) and the ratio of p95 to the 100 ms target. Figures only, never pass/fail; everything is
// stopped and the database dropped at the end.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OperatorFrame, OperatorServerFrame } from '../src/chat/events.js';
import { CLI_ACTOR } from '../src/platform/actor.js';
import { createUser } from '../src/platform/auth/users.js';
import { JsonSocket, openVisitor, type VisitorSocket } from '../test/helpers/chat-client.js';
import { startServer, type RunningServer } from '../test/helpers/cli.js';
import { firstSignIn } from '../test/helpers/console-session.js';
import { openBenchDatabase, postgresAvailable, type BenchDatabase } from './lib/bench-db.js';
import { fmt, loadLine, quantile } from './lib/measure.js';
import type { BenchResult } from './run.js';

const CHATS = Math.max(10, Number(process.env.BENCH_CHATS ?? 1000));
const SECONDS = Math.max(5, Number(process.env.BENCH_CHAT_SECONDS ?? 30));
const INTERVAL_MS = Math.max(200, Number(process.env.BENCH_CHAT_INTERVAL_MS ?? 10_000));
const PER_OPERATOR = 20;
const TARGET_P95_MS = 100;
const ORIGIN = 'https://help.example.org';
const CONSOLE = 'http://console.example.org';
/** Messages still in flight this long after the last send count as lost. */
const DRAIN_MS = 10_000;

/** Resident memory of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}
/**
 * CPU time a process has used, in seconds (user + system, from /proc/<pid>/stat; clock ticks of
 * 1/100 s, Linux's USER_HZ). Unlike latency, it barely moves when other work shares the machine.
 */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, inside parentheses): utime is the 12th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
function peakRssMiBOf(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** An operator signed in at the server, its calls bound to it. */
async function signIn(base: string, email: string, oneTime: string) {
  const s = await firstSignIn(
    base,
    email,
    oneTime,
    `quiet harbour lamp ${randomUUID().slice(0, 6)}`,
  );
  return {
    call: <T = Record<string, unknown>>(method: 'GET' | 'POST', url: string, body?: unknown) =>
      s.call<T>(base, method, url, body),
    cookie: s.cookieHeader,
  };
}
type Console = Awaited<ReturnType<typeof signIn>>;

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export async function chatBench(): Promise<BenchResult> {
  const kind = (await postgresAvailable()) ? 'postgres' : 'pglite';
  const operatorsNeeded = Math.ceil(CHATS / PER_OPERATOR);
  const env = {
    CHAT_PUBLIC_ORIGINS: ORIGIN,
    PUBLIC_URL: CONSOLE,
    CHAT_MAX_PER_OPERATOR: String(PER_OPERATOR),
    // One loopback address carries every visitor here; the per-chat limit stays as configured.
    CHAT_ADDRESS_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    CHAT_UNANSWERED_MINUTES: '60',
    DATABASE_POOL_SIZE: '20',
  };
  let db: BenchDatabase | undefined;
  let server: RunningServer | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ariadne-chat-bench-'));
  const sockets: { close(): void }[] = [];
  try {
    db = await openBenchDatabase(kind, { env });
    const users = [];
    for (let i = 0; i < operatorsNeeded; i++) {
      const email = `op${i}@bench.example.org`;
      const { oneTimePassword } = await createUser(db.database.db, CLI_ACTOR, {
        email,
        displayName: `Op${i}`,
        role: 'outreach_worker',
        partnerOrgId: null,
      });
      users.push({ email, oneTimePassword });
    }
    const serverEnv: Record<string, string> = {
      ...env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: kind === 'pglite' ? db.config.dataDir : dataDir,
      SESSION_SECRET: db.config.secrets.sessionSecret.toString('base64'),
      FIELD_ENCRYPTION_KEYS: db.config.secrets.fieldKeys
        .map((k) => `${k.id}:${k.key.toString('base64')}`)
        .join(','),
      IDENTIFIER_PEPPER: db.config.secrets.identifierPepper.toString('base64'),
      AUDIT_KEYS: db.config.secrets.auditKeys
        .map((k) => `${k.id}:${k.key.toString('base64')}`)
        .join(','),
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    };
    if (kind === 'pglite') {
      // The embedded database has one owner: the server takes it over from the bench.
      await db.database.close();
    }
    server = await startServer(serverEnv, ['serve'], 300_000);
    const base = server.url;
    const pid = server.child.pid!;
    const idleRss = rssMiB(pid);

    // Operators: signed in, console events open.
    const operators: {
      console: Console;
      events: JsonSocket<OperatorServerFrame, OperatorFrame>;
    }[] = [];
    await pool(users, 4, async (u) => {
      const c = await signIn(base, u.email, u.oneTimePassword);
      const events = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
        `${base.replace(/^http/, 'ws')}/api/chat/events`,
        { origin: CONSOLE, cookie: c.cookie() },
      );
      sockets.push(events);
      operators.push({ console: c, events });
    });

    // Visitors: all connected and waiting.
    const visitors: VisitorSocket[] = [];
    const connectStart = performance.now();
    await pool(
      Array.from({ length: CHATS }, (_, i) => i),
      50,
      async () => {
        const v = await openVisitor(base, ORIGIN);
        sockets.push(v);
        v.send({ type: 'start', language: 'en' });
        await v.take('welcome', () => true, 60_000);
        visitors.push(v);
      },
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;

    // Every chat taken; the operator of each chat known by its id.
    const holder = new Map<string, Console>();
    await pool(operators, 10, async (op) => {
      for (let i = 0; i < PER_OPERATOR && holder.size < CHATS; i++) {
        const r = await op.console.call<{ id: string }>('POST', '/api/chat/take', {});
        if (r.status !== 200) break;
        holder.set(r.json.id, op.console);
      }
    });

    // Let the takes' announcements settle (the visitors hear who answers) before measuring.
    await sleep(3000);

    // The traffic: visitor → operator over the socket, operator → visitor over the API.
    const toOperator: number[] = [];
    const toVisitor: number[] = [];
    const sentAt = new Map<string, number>();
    const replyFailures = new Map<number, number>();
    const replies: Promise<void>[] = [];
    for (const op of operators) {
      op.events.ws.addEventListener('message', (ev: MessageEvent) => {
        const frame = JSON.parse(String(ev.data)) as OperatorServerFrame;
        if (frame.type !== 'message' || frame.message.from !== 'visitor') return;
        const id = frame.message.body.slice(0, 36);
        const t0 = sentAt.get(id);
        if (t0 === undefined) return;
        sentAt.delete(id);
        toOperator.push(performance.now() - t0);
        const replyId = randomUUID();
        sentAt.set(replyId, performance.now());
        replies.push(
          op.console
            .call('POST', `/api/chat/chats/${frame.chatId}/messages`, {
              body: `${replyId} thank you for writing, we are here`,
              clientId: randomUUID(),
            })
            .then((r) => {
              if (r.status !== 200)
                replyFailures.set(r.status, (replyFailures.get(r.status) ?? 0) + 1);
            }),
        );
      });
    }
    for (const v of visitors) {
      v.ws.addEventListener('message', (ev: MessageEvent) => {
        const frame = JSON.parse(String(ev.data)) as { type: string; message?: { body: string } };
        if (frame.type !== 'message' || !frame.message) return;
        const id = frame.message.body.slice(0, 36);
        const t0 = sentAt.get(id);
        if (t0 === undefined) return;
        sentAt.delete(id);
        toVisitor.push(performance.now() - t0);
      });
    }
    // Signing in hashes passwords (argon2 takes tens of MiB each), so the figure that says what
    // the chats cost is the one with every chat connected and taken, before the traffic.
    const setupRss = rssMiB(pid);
    const cpuBefore = cpuSeconds(pid);
    // The bench's own clock reads both ends: when its event loop lags (the machine busy with other
    // work), every delivery it times lags as much, whatever the server did.
    const ownCpuBefore = process.cpuUsage();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    // Probes, five times a second: the server's event loop (GET /healthz touches nothing else) and
    // the database server (SELECT 1 from here): where a delivery's time goes when it is slow.
    const probes = { healthz: [] as number[], database: [] as number[] };
    const probe = async (into: number[], fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    };
    const database = kind === 'postgres' ? db.database : undefined;
    const prober = setInterval(() => {
      void probe(probes.healthz, () => fetch(`${base}/healthz`).then((r) => r.arrayBuffer()));
      if (database) void probe(probes.database, () => database.pool.query('SELECT 1'));
    }, 200);
    const runStart = performance.now();
    const end = runStart + SECONDS * 1000;
    let sent = 0;
    let peakDuring = 0;
    const sampler = setInterval(() => {
      peakDuring = Math.max(peakDuring, rssMiB(pid));
    }, 1000);
    await Promise.all(
      visitors.map(async (v) => {
        // Spread the first message over one interval, then about one per interval each.
        await sleep(Math.random() * INTERVAL_MS);
        while (performance.now() < end) {
          const id = randomUUID();
          sentAt.set(id, performance.now());
          v.send({ type: 'message', clientId: id, body: `${id} a message from the visitor` });
          sent++;
          await sleep(INTERVAL_MS * (0.5 + Math.random()));
        }
      }),
    );
    const drainUntil = performance.now() + DRAIN_MS;
    while (sentAt.size > 0 && performance.now() < drainUntil) await sleep(100);
    await Promise.all(replies);
    clearInterval(sampler);
    const serverCpu = cpuSeconds(pid) - cpuBefore;
    lag.disable();
    clearInterval(prober);
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const elapsed = (performance.now() - runStart) / 1000;
    const delivered = toOperator.length + toVisitor.length;
    const all = [...toOperator, ...toVisitor];
    const p95 = quantile(all, 0.95);
    const line = (name: string, ms: number[]) =>
      `${name}: p50 ${fmt(quantile(ms, 0.5), 1)} ms, p95 ${fmt(quantile(ms, 0.95), 1)} ms, p99 ${fmt(quantile(ms, 0.99), 1)} ms (${ms.length.toLocaleString('en-US')} messages)`;
    return {
      name: `chat line: ${CHATS.toLocaleString('en-US')} concurrent chats on ${kind === 'postgres' ? 'PostgreSQL (LISTEN/NOTIFY)' : 'embedded PGlite'}, ${SECONDS} s of traffic`,
      lines: [
        `setup: ${operators.length} operators (cap ${PER_OPERATOR}), ${visitors.length} visitors connected in ${fmt(connectSeconds)} s, ${holder.size} chats taken`,
        line('visitor → operator', toOperator),
        line('operator → visitor', toVisitor),
        line('all deliveries', all),
        `throughput: ${fmt(delivered / elapsed, 1)} messages/s delivered (${sent.toLocaleString('en-US')} visitor messages sent, ${delivered.toLocaleString('en-US')} deliveries, ${sentAt.size} undelivered after ${DRAIN_MS / 1000} s, ${[...replyFailures.values()].reduce((a, b) => a + b, 0)} failed replies${replyFailures.size ? ` (HTTP ${[...replyFailures].map(([s, n]) => `${s}×${n}`).join(', ')})` : ''})`,
        `server CPU during the traffic: ${fmt(serverCpu, 1)} s in ${fmt(elapsed, 1)} s (${fmt((100 * serverCpu) / elapsed, 0)}% of one core), ${fmt((1000 * serverCpu) / Math.max(1, delivered), 2)} ms per delivered message`,
        `the bench's own side (1,000 visitors and ${operators.length} consoles in this process): ${fmt((ownCpu.user + ownCpu.system) / 1e6, 1)} s CPU; its event loop lagged p50 ${fmt(lag.percentile(50) / 1e6, 1)} ms, p99 ${fmt(lag.percentile(99) / 1e6, 1)} ms, at most ${fmt(lag.max / 1e6, 1)} ms (a lag there is in every figure above)`,
        `probes every 200 ms: the server's GET /healthz p50 ${fmt(quantile(probes.healthz, 0.5), 1)} ms, p99 ${fmt(quantile(probes.healthz, 0.99), 1)} ms${database ? `; SELECT 1 on the PostgreSQL server p50 ${fmt(quantile(probes.database, 0.5), 1)} ms, p99 ${fmt(quantile(probes.database, 0.99), 1)} ms` : ''}`,
        `server memory (RSS of the serve process): ${fmt(idleRss)} MiB started, ${fmt(setupRss)} MiB with every chat connected and taken (after ${operators.length} sign-ins), ${fmt(peakDuring)} MiB at most during the traffic, ${fmt(peakRssMiBOf(pid))} MiB peak overall`,
        `target p95 < ${TARGET_P95_MS} ms: ${fmt(p95, 1)} ms, ratio ${fmt(p95 / TARGET_P95_MS, 2)} (below 1 meets it)`,
        loadLine(),
      ],
    };
  } finally {
    for (const s of sockets) s.close();
    await server?.stop();
    await db?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
