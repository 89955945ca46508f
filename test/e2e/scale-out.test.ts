// Scale-out proven (issue 11 §9): production mode as README "Running it in production" describes
// it — one fresh PostgreSQL database, an S3-compatible store (s3rver), two `ariadne serve` and two
// `ariadne worker` processes (both workers also run the scheduler: pg-boss must elect one). Through
// the HTTP API of either server an admin adds a source on the synthetic ad board and crawls it;
// extraction, linking and scoring produce leads; a worker writes to a lead over SMPP to a real SMSC
// on loopback. Then the shared state is checked: every pg-boss job completed once without a retry;
// no crawl run or ad version was queued twice and no cron slot was sent twice; each board page was
// fetched once; the SMSC got the message once (the repeat of the request at the other server may
// queue a second send job, which must send nothing); both workers ran jobs (each job's output names
// its worker); both servers answer the same data; every capture is in the bucket.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adBoardSources,
  generateWorld,
  startAdBoard,
  type AdBoard,
} from '../../fixtures/ad-board/index.js';
import { startTestSmsc, type TestSmsc } from '../fixtures/smsc.js';
import { runCli, startServer, type RunningServer } from '../helpers/cli.js';
import { farQuietHours } from '../helpers/clock.js';
import { firstSignIn, type ConsoleSession, type Reply } from '../helpers/console-session.js';
import { createPgDatabase, testSecretsEnv } from '../helpers/test-db.js';

const BUCKET = 'ariadne-scale-out';
/** s3rver's built-in account. */
const S3_KEYS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };
const WORKERS = ['scale-worker-1', 'scale-worker-2'] as const;
/** Four processes compile TypeScript at start on a shared machine. */
const START_TIMEOUT_MS = 300_000;
const PIPELINE_TIMEOUT_MS = 600_000;
const SENDER = '+31970102030';
const PASSWORDS = {
  admin: 'quiet harbour lamp 61',
  worker: 'amber field stone 27',
  supervisor: 'silver birch canal 45',
};

/** Polls `check` until it returns a value (not undefined), or fails with what it last saw. */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  seen: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${seen()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('two servers and two workers on one PostgreSQL and one S3 store', () => {
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const d = mkdtempSync(path.join(tmpdir(), `ariadne-scale-${name}-`));
    dirs.push(d);
    return d;
  };
  let database: { url: string; drop(): Promise<void> } | undefined;
  let s3: S3rver | undefined;
  let s3Endpoint = '';
  /** Every object key written to the bucket, once per write. */
  const written: string[] = [];
  let board: AdBoard | undefined;
  let smsc: TestSmsc | undefined;
  const servers: RunningServer[] = [];
  const workers: RunningServer[] = [];
  let sql: pg.Client;
  let env: Record<string, string>;
  const outputs = () =>
    [...servers, ...workers]
      .map((p, i) => `--- process ${i}:\n${p.output().slice(-3000)}`)
      .join('\n');

  let admin: ConsoleSession;
  let worker: ConsoleSession;
  let supervisor: ConsoleSession;
  let runId = '';
  let entityId = '';
  let identifierId = '';
  let destination = '';
  let channelId = '';
  let templateId = '';
  let messageId = '';

  const A = () => servers[0]!.url;
  const B = () => servers[1]!.url;

  beforeAll(async () => {
    database = await createPgDatabase();
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();

    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: tempDir('s3'),
      // s3rver signs bucket-level requests over `/bucket` where current AWS SDKs sign `/bucket/`.
      allowMismatchedSignatures: true,
      configureBuckets: [{ name: BUCKET }],
    });
    s3.on('event', (event) => {
      for (const r of event.Records)
        if (r.eventName.startsWith('ObjectCreated')) written.push(r.s3.object.key);
    });
    s3Endpoint = `http://127.0.0.1:${(await s3.run()).port}`;

    board = await startAdBoard({ world: generateWorld({ seed: 'scale-out', ads: 120, days: 2 }) });
    smsc = await startTestSmsc({ receiptDelayMs: 300 });

    const rulesDir = tempDir('rules');
    const rulesFile = path.join(rulesDir, 'outreach-rules.json');
    // The servers run on the wall clock: quiet hours twelve hours away, so the send is allowed.
    writeFileSync(rulesFile, JSON.stringify({ quietHours: farQuietHours(new Date()) }), {
      mode: 0o600,
    });
    env = {
      DATABASE_URL: database.url,
      ...testSecretsEnv(),
      BLOB_STORE: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3Endpoint,
      ...S3_KEYS,
      // Exactly the board's two origins, as an operator would open an internal site.
      CRAWL_ALLOW_PRIVATE_ADDRESSES: Object.values(board.urls)
        .map((u) => new URL(u).host)
        .join(','),
      OUTREACH_RULES_FILE: rulesFile,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };

    const migrated = await runCli(['migrate'], { ...env, DATA_DIR: tempDir('cli') }, 240_000);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    const created = await runCli(
      ['users', 'create', '--email', 'admin@example.org', '--role', 'admin'],
      { ...env, DATA_DIR: tempDir('cli') },
      240_000,
    );
    expect(created.code).toBe(0);
    const oneTime = /One-time password: (\S+)/.exec(created.stdout)?.[1];
    expect(oneTime).toBeTruthy();

    // All four at once, as a deployment starts them; each migrates under the advisory lock.
    const started = await Promise.allSettled([
      ...[0, 1].map((i) =>
        startServer(
          { ...env, DATA_DIR: tempDir(`serve-${i}`), PORT: '0' },
          ['serve'],
          START_TIMEOUT_MS,
        ),
      ),
      ...WORKERS.map((name, i) =>
        startServer(
          { ...env, DATA_DIR: tempDir(`worker-${i}`), WORKER_NAME: name },
          ['worker', '--with-scheduler'],
          START_TIMEOUT_MS,
        ),
      ),
    ]);
    for (const [i, s] of started.entries()) {
      if (s.status === 'fulfilled') (i < 2 ? servers : workers).push(s.value);
    }
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    expect(servers.map((s) => s.url)).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    ]);
    for (const s of servers) expect((await fetch(`${s.url}/readyz`)).status).toBe(200);

    admin = await firstSignIn(A(), 'admin@example.org', oneTime!, PASSWORDS.admin);
  }, START_TIMEOUT_MS + 240_000);

  afterAll(async () => {
    await Promise.all([...servers, ...workers].map((p) => p.stop()));
    await sql?.end().catch(() => undefined);
    await smsc?.close();
    await board?.close();
    await s3?.close();
    await database?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('keeps a session made at one server valid at the other', async () => {
    const a = await admin.get<{ user: { email: string } }>(A(), '/api/auth/session');
    const b = await admin.get<{ user: { email: string } }>(B(), '/api/auth/session');
    expect(a.status).toBe(200);
    expect(a.json.user.email).toBe('admin@example.org');
    expect(b.json.user).toEqual(a.json.user);
  });

  it(
    'crawls the board through one server; extraction, linking and scoring make leads',
    async () => {
      const def = adBoardSources(board!.urls, { maxPages: 1000 }).a;
      const saved = await admin.post<{ source: { id: string } }>(A(), '/api/sources', {
        ...def,
        recrawlHours: 0,
      });
      expect(saved.status).toBe(200);
      const crawl = await admin.post<{ runId: string }>(
        B(),
        `/api/sources/${saved.json.source.id}/crawl`,
        {},
      );
      expect(crawl.status).toBe(202);
      runId = crawl.json.runId;

      const run = await waitFor(
        'the crawl to finish',
        async () => {
          const r = await admin.get<{ run: { status: string; adsNew: number } }>(
            A(),
            `/api/crawl-runs/${runId}`,
          );
          return ['finished', 'failed'].includes(r.json.run.status) ? r.json.run : undefined;
        },
        PIPELINE_TIMEOUT_MS,
        outputs,
      );
      expect(run.status).toBe('finished');
      expect(run.adsNew).toBeGreaterThan(0);

      // The pipeline is done when nothing waits or runs on the queue and leads are there.
      await waitFor(
        'extraction, linking and scoring to finish',
        async () => {
          const pending = await sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pgboss.job
            WHERE state IN ('created', 'retry', 'active')
              AND name IN ('collect.crawl', 'extract.ad-version', 'link.ads', 'score.entity')`,
          );
          const leads = await admin.get<{ items: unknown[] }>(B(), '/api/leads?limit=10');
          return pending.rows[0]!.n === 0 && leads.json.items.length > 0 ? true : undefined;
        },
        PIPELINE_TIMEOUT_MS,
        outputs,
      );
    },
    PIPELINE_TIMEOUT_MS * 2,
  );

  it('sets up an SMPP channel, a worker, a supervisor and an approved template across servers', async () => {
    const channel = await admin.post<{ id: string; warnings: string[] }>(
      A(),
      '/api/outreach/channels',
      {
        name: 'Scale-out SMSC',
        kind: 'smpp',
        sender: SENDER,
        enabled: true,
        settings: {
          host: smsc!.host,
          port: smsc!.port,
          systemId: 'ariadne',
          password: 'secret',
          sourceAddr: SENDER,
          reconnectInitialMs: 100,
          reconnectMaxMs: 1_000,
          bindTimeoutMs: 5_000,
          submitTimeoutMs: 10_000,
        },
      },
    );
    expect(channel.status).toBe(200);
    expect(channel.json.warnings).toEqual([]);
    channelId = channel.json.id;

    const colleague = async (email: string, role: string, at: string, password: string) => {
      const created = await admin.post<{ oneTimePassword: string }>(B(), '/api/users', {
        email,
        displayName: email.split('@')[0],
        role,
      });
      expect(created.status).toBe(201);
      return firstSignIn(at, email, created.json.oneTimePassword, password);
    };
    worker = await colleague('wendy@example.org', 'outreach_worker', B(), PASSWORDS.worker);
    supervisor = await colleague('sam@example.org', 'supervisor', A(), PASSWORDS.supervisor);

    const draft = await worker.post<{ id: string }>(B(), '/api/outreach/templates', {
      name: 'Kennismaking scale-out',
      language: 'nl',
      purpose: 'first_contact',
      variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?'],
    });
    expect(draft.status).toBe(200);
    templateId = draft.json.id;
    const approved = await supervisor.post<{ status: string }>(
      A(),
      `/api/outreach/templates/${templateId}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('approved');
  }, 120_000);

  it('sends to a lead with a phone number once, however many servers are asked', async () => {
    const leads = await worker.get<{ items: { entityId: string }[] }>(A(), '/api/leads?limit=200');
    for (const item of leads.json.items) {
      const e = await worker.get<{ identifiers: { identifierId: string; kind: string }[] }>(
        B(),
        `/api/entities/${item.entityId}`,
      );
      const phone = e.json.identifiers.find((i) => i.kind === 'phone');
      if (e.status === 200 && phone) {
        entityId = item.entityId;
        identifierId = phone.identifierId;
        break;
      }
    }
    expect(entityId, 'a lead with a phone number').not.toBe('');
    const revealed = await worker.post<{ value: string }>(
      A(),
      `/api/identifiers/${identifierId}/reveal`,
      {},
    );
    expect(revealed.status).toBe(200);
    destination = revealed.json.value.replace(/\D/g, '');

    // A name in the message needs a supervisor's leave when the ads use the number under several
    // names (the board's operators do); given here, once, whichever the number is.
    const leave = await supervisor.post(A(), '/api/outreach/shared-number-names', {
      entityId,
      identifierId,
      reason: 'checked: her own number',
    });
    expect(leave.status).toBe(204);

    const compose = {
      entityId,
      contact: { identifierId },
      channelId,
      templateId,
      values: { displayName: 'Mira' },
      idempotencyKey: randomUUID(),
    };
    const sent = await worker.post<{ message: { id: string }; conversationId: string }>(
      B(),
      '/api/outreach/messages',
      compose,
    );
    expect(sent.status).toBe(200);
    messageId = sent.json.message.id;
    // The console retries a request whose answer it lost, perhaps through the other server.
    const again = await worker.post<{ message: { id: string } }>(
      A(),
      '/api/outreach/messages',
      compose,
    );
    expect(again.status).toBe(200);
    expect(again.json.message.id).toBe(messageId);

    const toPerson = () => smsc!.messages().filter((m) => m.destination === destination);
    await waitFor(
      'the message to be delivered',
      async () => {
        const r = await sql.query<{ status: string }>('SELECT status FROM messages WHERE id = $1', [
          messageId,
        ]);
        const pending = await sql.query(
          `SELECT id FROM pgboss.job WHERE name = 'outreach.send' AND state <> 'completed'`,
        );
        return r.rows[0]?.status === 'delivered' && pending.rows.length === 0 ? true : undefined;
      },
      60_000,
      outputs,
    );
    expect(toPerson().map((m) => m.text)).toEqual([
      'Hoi Mira, ik zag je advertentie. Hoe gaat het met je?',
    ]);
    const conversation = await worker.get<{ messages: { id: string; status: string }[] }>(
      A(),
      `/api/conversations/${sent.json.conversationId}`,
    );
    expect(conversation.json.messages.map((m) => [m.id, m.status])).toEqual([
      [messageId, 'delivered'],
    ]);
    expect(toPerson()).toHaveLength(1);
  }, 180_000);

  it('ran every job once at its first try, queued no work twice, and both workers took part', async () => {
    const jobs = await sql.query<{
      id: string;
      name: string;
      state: string;
      retry_count: number;
      data: Record<string, unknown> | null;
      output: { worker?: string } | null;
      singleton_on: Date | null;
    }>(
      `SELECT id, name, state::text AS state, retry_count, data, output, singleton_on
         FROM pgboss.job WHERE name NOT LIKE '\\_\\_%' ESCAPE '\\'`,
    );
    const finished = jobs.rows.filter((j) => j.state !== 'created');
    const summary = (rows: typeof jobs.rows) =>
      rows.map((j) => `${j.name} ${j.state} retries=${j.retry_count} ${JSON.stringify(j.data)}`);
    // Completed, and at the first try: no job failed, expired or was taken by a second worker.
    expect(summary(finished.filter((j) => j.state !== 'completed' || j.retry_count > 0))).toEqual(
      [],
    );
    const byName = (name: string) => jobs.rows.filter((j) => j.name === name);
    for (const name of ['collect.crawl', 'extract.ad-version', 'link.ads', 'score.entity'])
      expect(byName(name).length, name).toBeGreaterThan(0);

    // One job per piece of work that must happen once.
    const once = (name: string, key: string) => {
      const keys = byName(name).map((j) => String(j.data?.[key]));
      return keys.filter((k, i) => keys.indexOf(k) !== i);
    };
    expect(once('collect.crawl', 'runId')).toEqual([]);
    expect(once('extract.ad-version', 'adVersionId')).toEqual([]);
    // A repeated compose request that finds the message still queued queues its send again
    // (pg-boss keeps a second job with the same singleton key on a standard queue); such a job
    // finds the message taken and sends nothing (the SMSC got it once, checked above).
    const sends = byName('outreach.send').map((j) => j.data?.messageId);
    expect(new Set(sends)).toEqual(new Set([messageId]));
    expect(sends.length).toBeLessThanOrEqual(2);
    const versions = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ad_versions');
    expect(byName('extract.ad-version')).toHaveLength(versions.rows[0]!.n);
    // Two schedulers: each cron slot was sent once (pg-boss elects one).
    const slots = jobs.rows
      .filter((j) => j.singleton_on !== null)
      .map((j) => `${j.name}@${j.singleton_on!.toISOString()}`);
    expect(slots.filter((s, i) => slots.indexOf(s) !== i)).toEqual([]);

    // Who ran what: every completed job names one of the two workers, and both worked.
    const ranBy = new Map<string, number>();
    for (const j of finished) {
      expect(WORKERS as readonly string[], j.name).toContain(j.output?.worker);
      ranBy.set(j.output!.worker!, (ranBy.get(j.output!.worker!) ?? 0) + 1);
    }
    expect([...ranBy.keys()].sort()).toEqual([...WORKERS]);
    const run = await sql.query<{ worker_name: string }>(
      'SELECT worker_name FROM crawl_runs WHERE id = $1',
      [runId],
    );
    expect(WORKERS as readonly string[]).toContain(run.rows[0]!.worker_name);
  });

  it('fetched each page of the board once and stored its capture in the bucket', async () => {
    // Pages, not images: an image shown in several ads is fetched for each ad's evidence.
    const pages = [...board!.stats.byPath('a')].filter(([p]) => !p.startsWith('/img/'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter(([, n]) => n > 1)).toEqual([]);
    const captures = await sql.query<{ url: string; record_key: string; kind: string }>(
      'SELECT url, record_key, kind FROM captures',
    );
    expect(captures.rows.length).toBeGreaterThan(0);
    const urls = captures.rows.filter((c) => c.kind === 'page').map((c) => c.url);
    expect(urls.filter((u, i) => urls.indexOf(u) !== i)).toEqual([]);

    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3Endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: S3_KEYS.S3_ACCESS_KEY_ID, secretAccessKey: 'S3RVER' },
    });
    const inBucket = new Set<string>();
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) inBucket.add(o.Key);
      token = page.NextContinuationToken;
    } while (token);
    client.destroy();
    expect(captures.rows.filter((c) => !inBucket.has(c.record_key))).toEqual([]);
    // Each capture's record was written once.
    const keys = captures.rows.map((c) => c.record_key);
    expect(written.filter((k) => keys.includes(k))).toHaveLength(keys.length);
  });

  it('answers the same data at both servers', async () => {
    const everything = async (base: string) => {
      const adIds: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply<{ items: { id: string }[]; nextCursor: string | null }> =
          await worker.get(base, `/api/ads?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        adIds.push(...page.json.items.map((i) => i.id));
        cursor = page.json.nextCursor;
      } while (cursor);
      const leads = await worker.get<{ items: { entityId: string; state: string }[] }>(
        base,
        '/api/leads?limit=200&state=all',
      );
      const entity = await worker.get(base, `/api/entities/${entityId}`);
      const run = await worker.get(base, `/api/crawl-runs/${runId}`);
      return { adIds, leads: leads.json.items, entity: entity.json, run: run.json };
    };
    const [a, b] = [await everything(A()), await everything(B())];
    const stored = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM ads');
    expect(a.adIds).toHaveLength(stored.rows[0]!.n);
    expect(b).toEqual(a);
    // The lead written to left the open queue for "contacted" once its message went out, at
    // whichever server's worker sent it: both servers say so.
    expect(a.leads.find((l) => l.entityId === entityId)?.state).toBe('contacted');
  });
});
