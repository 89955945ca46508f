// The outreach inbox at scale, on PostgreSQL: N conversations (BENCH_CONVERSATIONS, default
// 100,000) with their contacts and 2–10 encrypted messages each are bulk-loaded into a fresh
// database (bench/lib/synthetic-inbox.ts says how they are made), 20 staff users are created, and
// the real Fastify app, in process, answers a signed-in outreach worker (password + TOTP, as the
// console signs in). Measured, after a warm-up, over BENCH_INBOX_SAMPLES requests each (≥ 200):
// p50/p95/p99 of GET /api/inbox (open, first page), with assignee=me, unread=true, status=all,
// deep pages (following nextCursor 20 pages), a lead's conversations (entityId), the unread badge
// as the console's navigation polls it, and GET /api/conversations/:id — the audited open, which
// decrypts the bodies and writes an audit row (counted, so the figure is what it says), then the
// refresh of the same conversations within the audit window (no new row) — each against the target
// of p95 < 100 ms for an interactive list. Then EXPLAIN ANALYZE of the statements behind them, with
// every sequential scan on conversations or messages flagged. With BENCH_INBOX_INDEXES=1, the same
// requests again after creating by hand, in the bench database only, a candidate index set, so a
// recommendation comes with its before/after figures (the set it first recommended is migration
// 0010 now). The database is dropped at
// the end, also on failure or Ctrl-C (BENCH_KEEP_DB=1 keeps it).
// Runs when named (`npm run bench -- inbox`) or when BENCH_CONVERSATIONS is set. Figures only,
// never pass/fail. BENCH_DATABASE_URL: admin URL of the server (local trust auth by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import pino from 'pino';
import { Rng } from '../fixtures/ad-board/prng.js';
import { saveChannel } from '../src/outreach/channels/channel-store.js';
import { unreadCount } from '../src/outreach/inbox/conversations.js';
import { CLI_ACTOR } from '../src/platform/actor.js';
import { createUser } from '../src/platform/auth/users.js';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { buildHttpServer } from '../src/app/http-server.js';
import { startJobs, type Jobs } from '../src/platform/jobs.js';
import { signInAs, type ApiCall } from '../test/helpers/api-client.js';
import { BENCH_PG_ADMIN_URL, openBenchDatabase, postgresAvailable } from './lib/bench-db.js';
import { duration, fmt, loadLine, quantile } from './lib/measure.js';
import { startQueryProfile, type QueryProfile } from './lib/query-profile.js';
import { INTERACTIVE_P95_MS } from './lib/queue-api.js';
import { loadSyntheticInbox, type InboxStaff } from './lib/synthetic-inbox.js';
import type { BenchResult } from './run.js';

const CONVERSATIONS = Math.max(1000, Number(process.env.BENCH_CONVERSATIONS ?? 100_000));
const SAMPLES = Math.max(200, Number(process.env.BENCH_INBOX_SAMPLES ?? 300));
const WARMUP = 30;
const DEEP_PAGES = 20;
const STAFF = 20;
const TRY_INDEXES = process.env.BENCH_INBOX_INDEXES === '1';

type Sql = { text: string; values: unknown[] };

/** What the statements of a request are, for the per-request SQL breakdown and the plans. */
const STATEMENT_KINDS: [string, RegExp][] = [
  ['inbox query', /from "conversations" left join "contacts"/i],
  ['unread count', /^select count\(\*\)::int from "conversations"/i],
  ['messages', /from "messages" where "messages"\."conversation_id"/i],
  ['mark read', /^update "conversations" set "unread"/i],
  ['conversation', /from "conversations" where "conversations"\."id"/i],
  ['contact', /from "contacts" where "contacts"\."id"/i],
  ['audit', /audit_log|pg_advisory_xact_lock/i],
];

function kindOf(shape: string): string {
  return STATEMENT_KINDS.find(([, re]) => re.test(shape))?.[0] ?? 'other';
}

interface Measured {
  label: string;
  ms: number[];
  statuses: Set<number>;
  items: number;
  profile: QueryProfile;
}

const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;

function figures(m: Measured): string {
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(m.ms, q)) as [
    number,
    number,
    number,
  ];
  const byKind = new Map<string, { ms: number; calls: number }>();
  for (const [shape, e] of m.profile.entries) {
    const k = byKind.get(kindOf(shape)) ?? { ms: 0, calls: 0 };
    k.ms += e.ms;
    k.calls += e.calls;
    byKind.set(kindOf(shape), k);
  }
  const n = m.ms.length;
  const sqlMs = [...byKind.values()].reduce((a, e) => a + e.ms, 0) / n;
  const calls = [...byKind.values()].reduce((a, e) => a + e.calls, 0) / n;
  const parts = [...byKind]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([k, e]) => `${k} ${ms(e.ms / n)}`)
    .join(', ');
  return `p50 ${ms(p50)}, p95 ${ms(p95)}, p99 ${ms(p99)} (${fmt(p95 / INTERACTIVE_P95_MS, 2)}× the ${INTERACTIVE_P95_MS} ms target); ${n} samples, ${m.items} items, HTTP ${[...m.statuses].join('/')}; SQL ${fmt(calls, 0)} statements, ${ms(sqlMs)} a request (${parts})`;
}

/** Times `n` requests after a warm-up; every one must answer 200. */
async function measure(
  label: string,
  call: ApiCall,
  pathAt: (i: number) => string,
  n = SAMPLES,
  warmup = WARMUP,
): Promise<Measured> {
  for (let i = 0; i < warmup; i++) await call('GET', pathAt(n + i));
  const result: Measured = {
    label,
    ms: [],
    statuses: new Set(),
    items: 0,
    profile: startQueryProfile(),
  };
  try {
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const r = await call('GET', pathAt(i));
      result.ms.push(performance.now() - t);
      result.statuses.add(r.res.statusCode);
      if (r.res.statusCode !== 200) {
        throw new Error(`${label}: HTTP ${r.res.statusCode} ${r.res.body.slice(0, 200)}`);
      }
      const items = r.json.items ?? r.json.messages;
      result.items = Array.isArray(items) ? items.length : 0;
    }
  } finally {
    result.profile.stop();
  }
  return result;
}

/** The plan of a recorded statement under EXPLAIN (ANALYZE, BUFFERS), rolled back (it may write). */
async function planOf(pool: pg.Pool, sample: Sql): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const res = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sample.text}`,
      sample.values,
    );
    return res.rows.map((r) => r['QUERY PLAN']);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

const SEQ_FLAG = /Seq Scan on (conversations|messages)\b/;

/** Top node, how each table was read, the sort, the time; sequential scans on the big tables flagged. */
function planSummary(plan: string[]): string[] {
  const node = (l: string) =>
    l
      .trim()
      .replace(/^->\s*/, '')
      .replace(/\s+\(cost=[^)]*\)/, '')
      .replace(/\(actual time=([\d.]+)\.\.([\d.]+) rows=(\d+) loops=(\d+)\)/, (_m, _a, b, r, l2) =>
        l2 === '1' ? `(${b} ms, ${r} rows)` : `(${b} ms × ${l2} loops, ${r} rows)`,
      );
  const scans = plan
    .filter((l) => /(Scan|Scan Backward) (using \S+ )?on \w+/.test(l) && !/Subquery Scan/.test(l))
    .map((l) => {
      const s = node(l);
      return SEQ_FLAG.test(l) ? `⚠ ${s}` : s;
    });
  const sorts = plan.filter((l) => /Sort Method/.test(l)).map((l) => l.trim());
  const removed = plan
    .filter((l) => /Rows Removed by (Filter|Index Recheck)/.test(l))
    .map((l) => Number(/(\d+)/.exec(l)?.[1] ?? 0))
    .reduce((a, b) => a + b, 0);
  const exec = plan.find((l) => /Execution Time/.test(l))?.trim() ?? '';
  const flagged = plan.some((l) => SEQ_FLAG.test(l));
  return [
    `top node: ${node(plan[0] ?? '?')}; ${exec}${flagged ? ' — SEQUENTIAL SCAN on conversations/messages' : ''}`,
    `  reads: ${scans.join('; ') || 'none'}${sorts.length ? `; ${sorts.join('; ')}` : ''}; ${fmt(removed, 0)} rows read and thrown away`,
  ];
}

/** The statement of a kind a measurement ran (its sample with parameters), if any. */
function statementOf(m: Measured, kind: string): Sql | null {
  const hit = m.profile.top(50).find((t) => kindOf(t.shape) === kind);
  return hit?.sample ?? null;
}

interface Run {
  list: Measured[];
  walk: { ms: number[]; byPage: number[][] };
  badgeFn: number[];
  open: Measured;
  /** Audit rows the measured first opens wrote (one each, or the figure is not what it says). */
  openAudited: number;
  refresh: Measured;
  refreshAudited: number;
}

interface RunInput {
  pool: pg.Pool;
  db: Parameters<typeof unreadCount>[0];
  me: ApiCall;
  meId: string;
  /** SAMPLES + WARMUP conversations this worker has not opened in the audit window. */
  openIds: string[];
  /** An entity with conversations, for a lead's conversation list. */
  entityId: string;
}

async function openAudits(pool: pg.Pool, userId: string): Promise<number> {
  const res = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'conversation.open' AND actor_user_id = $1`,
    [userId],
  );
  return res.rows[0]?.n ?? 0;
}

/** Every measured request of the bench, once. */
async function runAll({ pool, db, me, meId, openIds, entityId }: RunInput): Promise<Run> {
  const inbox = (q: string) => `/api/inbox${q ? `?${q}` : ''}`;
  const list: Measured[] = [];
  list.push(await measure('GET /api/inbox (open, first page of 50)', me, () => inbox('')));
  list.push(await measure('  assignee=me', me, () => inbox('assignee=me')));
  list.push(await measure('  unread=true', me, () => inbox('unread=true')));
  list.push(await measure('  status=all', me, () => inbox('status=all')));

  // Deep paging: the cursors of the first DEEP_PAGES pages, then walks that follow them.
  const cursorsFor = async (q: string) => {
    const cursors: (string | null)[] = [null];
    while (cursors.length < DEEP_PAGES) {
      const c = cursors[cursors.length - 1] ?? null;
      const r = await me('GET', inbox([q, c ? `cursor=${c}` : ''].filter(Boolean).join('&')));
      const next = r.json.nextCursor;
      if (typeof next !== 'string') break;
      cursors.push(next);
    }
    return cursors;
  };
  const openCursors = await cursorsFor('');
  const walks = Math.ceil(SAMPLES / openCursors.length);
  const byPage: number[][] = openCursors.map(() => []);
  const walkMs: number[] = [];
  for (let w = 0; w < walks + 1; w++) {
    let cursor: string | null = null;
    for (let p = 0; p < openCursors.length; p++) {
      const t = performance.now();
      const r = await me('GET', inbox(cursor ? `cursor=${cursor}` : ''));
      const took = performance.now() - t;
      if (r.res.statusCode !== 200) throw new Error(`deep paging: HTTP ${r.res.statusCode}`);
      // The first walk is the warm-up.
      if (w > 0) {
        walkMs.push(took);
        byPage[p]?.push(took);
      }
      cursor = typeof r.json.nextCursor === 'string' ? r.json.nextCursor : null;
      if (!cursor) break;
    }
  }
  const lastOpen = openCursors[openCursors.length - 1] as string;
  list.push(
    await measure(`  page ${openCursors.length} alone (open, cursor)`, me, () =>
      inbox(`cursor=${lastOpen}`),
    ),
  );
  const allCursors = await cursorsFor('status=all');
  const lastAll = allCursors[allCursors.length - 1] as string;
  list.push(
    await measure(`  page ${allCursors.length} alone (status=all, cursor)`, me, () =>
      inbox(`status=all&cursor=${lastAll}`),
    ),
  );
  list.push(
    await measure("  a lead's conversations (status=all&entityId, the lead page)", me, () =>
      inbox(`status=all&limit=50&entityId=${entityId}`),
    ),
  );
  // What the console's navigation polls for its badge (outreach/hooks.ts: useUnreadCount).
  list.push(
    await measure(
      'unread badge (GET /api/inbox?status=open&limit=1, as the console polls it)',
      me,
      () => inbox('status=open&limit=1'),
    ),
  );

  // The badge's count alone, in process: what the SQL costs without HTTP and session.
  const badgeFn: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const t = performance.now();
    await unreadCount(db, meId);
    if (i >= WARMUP) badgeFn.push(performance.now() - t);
  }

  // The audited open: conversations this worker has not opened lately, so each writes its row;
  // then the same ones again, as the console refreshes an open conversation (no new row within
  // OPEN_AUDIT_WINDOW_MS).
  const conversation = (i: number) => `/api/conversations/${openIds[i % openIds.length] as string}`;
  const audits0 = await openAudits(pool, meId);
  const open = await measure('GET /api/conversations/:id (audited open)', me, conversation);
  const audits1 = await openAudits(pool, meId);
  const refresh = await measure(
    '  the same again (refresh within the audit window)',
    me,
    conversation,
  );
  const audits2 = await openAudits(pool, meId);
  return {
    list,
    walk: { ms: walkMs, byPage },
    badgeFn,
    open,
    openAudited: audits1 - audits0,
    refresh,
    refreshAudited: audits2 - audits1,
  };
}

function runLines(run: Run): string[] {
  const lines = run.list.map((m) => `${m.label}: ${figures(m)}`);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(run.walk.ms, q)) as [
    number,
    number,
    number,
  ];
  const pageP50 = run.walk.byPage.map((p) => quantile(p, 0.5));
  lines.splice(
    4,
    0,
    `  deep paging (open, following nextCursor ${run.walk.byPage.length} pages, ${run.walk.ms.length} page requests): p50 ${ms(p50)}, p95 ${ms(p95)}, p99 ${ms(p99)} (${fmt(p95 / INTERACTIVE_P95_MS, 2)}× the ${INTERACTIVE_P95_MS} ms target); median page 1 ${ms(pageP50[0] ?? NaN)}, page ${pageP50.length} ${ms(pageP50[pageP50.length - 1] ?? NaN)}`,
  );
  const [b50, b95, b99] = [0.5, 0.95, 0.99].map((q) => quantile(run.badgeFn, q)) as [
    number,
    number,
    number,
  ];
  lines.push(
    `  unreadCount() alone, in process (SQL only): p50 ${ms(b50)}, p95 ${ms(b95)}, p99 ${ms(b99)} (${fmt(b95 / INTERACTIVE_P95_MS, 2)}× the ${INTERACTIVE_P95_MS} ms target)`,
    `${run.open.label}: ${figures(run.open)}; ${fmt(run.openAudited, 0)} audit rows written for ${fmt(run.open.ms.length + WARMUP, 0)} opens (warm-up included)`,
    `${run.refresh.label}: ${figures(run.refresh)}; ${fmt(run.refreshAudited, 0)} audit rows written`,
  );
  return lines;
}

/** EXPLAIN ANALYZE of the statements behind the main requests. */
async function planLines(pool: pg.Pool, run: Run, full: boolean): Promise<string[]> {
  const lines: string[] = [];
  const targets: [string, Sql | null][] = [
    ['inbox, open, first page', statementOf(run.list[0] as Measured, 'inbox query')],
    ['inbox, assignee=me', statementOf(run.list[1] as Measured, 'inbox query')],
    ['inbox, unread=true', statementOf(run.list[2] as Measured, 'inbox query')],
    ['inbox, status=all', statementOf(run.list[3] as Measured, 'inbox query')],
    ['inbox, open, deep page (cursor)', statementOf(run.list[4] as Measured, 'inbox query')],
    ['inbox, status=all, deep page', statementOf(run.list[5] as Measured, 'inbox query')],
    ["inbox, a lead's conversations", statementOf(run.list[6] as Measured, 'inbox query')],
    ['unread badge count', statementOf(run.list[0] as Measured, 'unread count')],
    ['open: messages of the conversation', statementOf(run.open, 'messages')],
    ['open: mark read', statementOf(run.open, 'mark read')],
  ];
  for (const [label, sample] of targets) {
    if (!sample) {
      lines.push(`  ${label}: (statement not recorded)`);
      continue;
    }
    const plan = await planOf(pool, sample);
    const [top, reads] = planSummary(plan);
    lines.push(`  ${label} — ${top}`, `  ${reads}`);
    if (full && label === 'inbox, open, first page') {
      lines.push(
        ...plan.slice(0, 24).map((l) => `      ${l.length > 150 ? `${l.slice(0, 147)}...` : l}`),
      );
    }
  }
  return lines;
}

/**
 * The index set the plans ask for: every inbox list reads its page in order and stops, the badge
 * counts only unread rows. The two migrated inbox indexes order by last_message_at, which the
 * queries never sort by (they sort by coalesce(last_message_at, created_at), id), and nothing else
 * reads them, so the set replaces them. Made by hand in the bench database; src/ is not touched.
 */
const CANDIDATE_INDEXES: [string, string[]][] = [
  [
    'status + activity order, replacing conversations_inbox_idx (status, last_message_at)',
    [
      'DROP INDEX conversations_inbox_idx',
      'CREATE INDEX bench_conversations_status_activity ON conversations (status, (coalesce(last_message_at, created_at)) DESC, id DESC)',
    ],
  ],
  [
    'assignee + activity order, replacing conversations_assignee_idx (assignee_id, last_message_at)',
    [
      'DROP INDEX conversations_assignee_idx',
      'CREATE INDEX bench_conversations_assignee_activity ON conversations (assignee_id, (coalesce(last_message_at, created_at)) DESC, id DESC)',
    ],
  ],
  [
    'activity order, for status=all',
    [
      'CREATE INDEX bench_conversations_activity ON conversations ((coalesce(last_message_at, created_at)) DESC, id DESC)',
    ],
  ],
  [
    'unread and not closed, partial, for the badge',
    [
      "CREATE INDEX bench_conversations_unread ON conversations (assignee_id) WHERE unread > 0 AND status <> 'closed'",
    ],
  ],
];

export async function inboxBench(): Promise<BenchResult> {
  const name = `outreach inbox at scale (${fmt(CONVERSATIONS, 0)} conversations, PostgreSQL)`;
  if (!(await postgresAvailable())) {
    return {
      name,
      lines: [
        `skipped: no PostgreSQL at ${BENCH_PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//…@')} (set BENCH_DATABASE_URL)`,
      ],
    };
  }
  const lines: string[] = [];
  const bench = await openBenchDatabase('postgres', {
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  // Ctrl-C during a long load must not leave a database of synthetic people behind. The run then
  // fails on the closed pool; its own clean-up shares the one close and exits as interrupted.
  let closing: Promise<void> | undefined;
  const closeOnce = () => (closing ??= bench.close());
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    console.error('[inbox] interrupted: dropping the bench database');
    void closeOnce().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const { db, pool } = bench.database;
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-inbox-bench-'));
  let jobs: Jobs | undefined;
  let app: FastifyInstance | undefined;
  try {
    const [{ server_version: version } = { server_version: '?' }] = (
      await pool.query<{ server_version: string }>('SHOW server_version')
    ).rows;
    jobs = await startJobs({
      database: bench.database,
      log: pino({ level: 'silent' }),
      scheduler: false,
      definitions: [],
    });
    app = await buildHttpServer({
      config: bench.config,
      database: bench.database,
      blobs: createFsBlobStore(dir),
      jobs,
      log: pino({ level: 'silent' }),
    });
    await app.ready();

    // ---- staff, channels, the inbox ----------------------------------------------------------
    const me = await signInAs(app, db, 'outreach_worker');
    const session = (await me('GET', '/api/auth/session')).json.user as { id?: string } | null;
    if (!session?.id) throw new Error('the signed-in worker has no session');
    const meId = session.id;
    const rng = new Rng('inbox-staff');
    const staff: InboxStaff[] = [{ id: meId, weight: 1 }];
    for (let i = 1; i < STAFF; i++) {
      const { user } = await createUser(db, CLI_ACTOR, {
        email: `staff${i}@example.org`,
        displayName: `Staff ${i}`,
        role: i % 6 === 0 ? 'supervisor' : 'outreach_worker',
      });
      staff.push({ id: user.id, weight: 0.5 + rng.next() * 1.5 });
    }
    const sms = await saveChannel(db, bench.config, CLI_ACTOR, {
      name: 'SMS',
      kind: 'smpp',
      sender: '+31970102030',
      settings: {
        host: '127.0.0.1',
        port: 2775,
        systemId: 'ariadne',
        password: 'secret',
        sourceAddr: '+31970102030',
      },
    });
    const whatsapp = await saveChannel(db, bench.config, CLI_ACTOR, {
      name: 'WhatsApp',
      kind: 'whatsapp',
      sender: '+31970102031',
      settings: {
        accessToken: 'bench-access-token-0123456789',
        phoneNumberId: '1234567890',
        appSecret: 'bench-app-secret-0123',
        verifyToken: 'bench-verify-token-0123',
      },
    });
    let lastReport = performance.now();
    const loaded = await loadSyntheticInbox(bench.database, bench.config, CONVERSATIONS, {
      staff,
      channelIds: { sms: sms.id, whatsapp: whatsapp.id },
      onProgress: (n, s) => {
        if (performance.now() - lastReport < 30_000 && n < CONVERSATIONS) return;
        lastReport = performance.now();
        console.error(`[inbox] loading: ${fmt(n, 0)}/${fmt(CONVERSATIONS, 0)} (${fmt(n / s)}/s)`);
      },
    });
    const mine = await pool.query<{ all: number; open: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'open')::int AS open
       FROM conversations WHERE assignee_id = $1`,
      [meId],
    );
    lines.push(
      `PostgreSQL ${version}, database ${bench.name}; ${fmt(loaded.conversations, 0)} conversations (${Object.entries(
        loaded.byStatus,
      )
        .map(([s, n]) => `${s} ${fmt(n, 0)}`)
        .join(
          ', ',
        )}; ${fmt(loaded.unread, 0)} unread = ${fmt((100 * loaded.unread) / loaded.conversations)}%; ${fmt(loaded.unassigned, 0)} unassigned) of ${fmt(loaded.contacts, 0)} contacts, ${fmt(loaded.messages, 0)} messages, ${STAFF} staff; the signed-in worker has ${fmt(mine.rows[0]?.all ?? 0, 0)} (${fmt(mine.rows[0]?.open ?? 0, 0)} open)`,
      `load: ${duration(loaded.seconds)} = ${fmt(loaded.conversations / loaded.seconds)} conversations/s; every one of the ${fmt(loaded.encryptedBodies, 0)} message bodies encrypted with the real field encryption (encryptBody, AES-256-GCM: ${fmt(loaded.encryptMs / 1000)} s, ${fmt((loaded.encryptMs * 1000) / loaded.encryptedBodies)} µs each; no reused ciphertexts)`,
    );

    // Conversations to open, spread over the whole inbox: a fresh set for each run, so every
    // measured open writes its audit row. And a lead with conversations, for the lead page's list.
    const toOpen = (
      await pool.query<{ id: string }>(
        'SELECT id FROM conversations ORDER BY md5(id::text) LIMIT $1',
        [2 * (SAMPLES + WARMUP)],
      )
    ).rows.map((r) => r.id);
    const [{ entity_id: entityId } = { entity_id: '' }] = (
      await pool.query<{ entity_id: string }>(
        'SELECT entity_id FROM conversations WHERE entity_id IS NOT NULL ORDER BY md5(id::text) LIMIT 1',
      )
    ).rows;
    const input = { pool, db, me, meId, entityId };

    // ---- as migrated ---------------------------------------------------------------------------
    const before = await runAll({ ...input, openIds: toOpen.slice(0, SAMPLES + WARMUP) });
    lines.push(
      `API latency, schema as migrated (in-process app, signed-in outreach worker; warm-up ${WARMUP}, then ${SAMPLES} requests each; target: p95 < ${INTERACTIVE_P95_MS} ms for an interactive list; the inbox answer includes the unread badge, so every list request also runs the count):`,
      ...runLines(before).map((l) => `  ${l}`),
      'query plans, schema as migrated (EXPLAIN (ANALYZE, BUFFERS), rolled back):',
      ...(await planLines(pool, before, true)),
    );

    // ---- with the candidate indexes -------------------------------------------------------------
    if (TRY_INDEXES) {
      const built: string[] = [];
      for (const [label, statements] of CANDIDATE_INDEXES) {
        const t = performance.now();
        for (const statement of statements) await pool.query(statement);
        built.push(`${label} (${fmt((performance.now() - t) / 1000)} s to build)`);
      }
      await pool.query('ANALYZE conversations');
      const after = await runAll({ ...input, openIds: toOpen.slice(SAMPLES + WARMUP) });
      lines.push(
        `the same with the candidate index set, made by hand in this database only (not in src/ or the migrations): ${built.join('; ')}:`,
        ...CANDIDATE_INDEXES.flatMap(([, statements]) => statements.map((st) => `    ${st};`)),
        ...runLines(after).map((l) => `  ${l}`),
        'query plans with the candidate indexes:',
        ...(await planLines(pool, after, false)),
      );
      const sizes = await pool.query<{ name: string; size: string }>(
        `SELECT indexrelname AS name, pg_size_pretty(pg_relation_size(indexrelid)) AS size
         FROM pg_stat_user_indexes WHERE relname = 'conversations' ORDER BY indexrelname`,
      );
      lines.push(
        `indexes on conversations: ${sizes.rows.map((r) => `${r.name} ${r.size}`).join(', ')}`,
      );
    }

    const size = await pool.query<{ t: string; s: string }>(
      `SELECT relname AS t, pg_size_pretty(pg_total_relation_size(c.oid)) AS s
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname IN ('conversations', 'messages', 'contacts', 'audit_log')
       ORDER BY pg_total_relation_size(c.oid) DESC`,
    );
    const [{ s: dbSize } = { s: '?' }] = (
      await pool.query<{ s: string }>(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
      )
    ).rows;
    lines.push(
      `database size ${dbSize} (${size.rows.map((r) => `${r.t} ${r.s}`).join(', ')})`,
      loadLine(),
    );
  } finally {
    await app?.close();
    await jobs?.stop();
    await closeOnce();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    rmSync(dir, { recursive: true, force: true });
    if (interrupted) process.exit(130);
  }
  return { name, lines };
}
