// Anchoring the audit chain at a real RFC 3161 authority (`openssl ts` on loopback, on the test's
// clock): anchors verify; a cut-off tail, a chain rebuilt with the key, a removed anchor and tokens
// that are untrusted or cover something else are reported; a TSA that is down or refuses loses
// nothing and leaves the job to retry.
import { randomBytes } from 'node:crypto';
import { asc, count, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTsaPki,
  startLocalTsa,
  type LocalTsa,
  type TsaPki,
} from '../../../test/helpers/local-tsa.js';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { addressGuardFor } from '../address-guard.js';
import { createBlobStore } from '../blobs/index.js';
import { fixedClock } from '../clock.js';
import type { Config } from '../config.js';
import { platformJobs } from '../job-registry.js';
import { PermanentJobError, type JobContext } from '../jobs.js';
import { TimestampError } from '../timestamp/rfc3161.js';
import { loadTrustAnchors, requestTimestamp, type TsaSettings } from '../timestamp/tsa-client.js';
import { anchorAuditHead, anchorMessage, verifyAuditAnchors } from './audit-anchors.js';
import { appendAudit, auditHead, GENESIS_HASH, hashAuditRow } from './audit-log.js';
import { describeAuditReport, verifyAuditLog } from './audit-verify.js';
import { auditAnchors, auditLog } from './schema.js';

const START = '2090-05-06T08:00:00Z';
const clock = fixedClock(START);
let pki: TsaPki;
let otherPki: TsaPki;
let tsa: LocalTsa;
let otherTsa: LocalTsa;
let t: TestDatabase;
let settings: TsaSettings;

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([
    createTsaPki(clock.now()),
    createTsaPki(clock.now(), 'Unknown TSA'),
  ]);
  tsa = await startLocalTsa(pki, clock);
  otherTsa = await startLocalTsa(otherPki, clock);
  t = await openTestDatabase({
    AUDIT_TSA_URL: tsa.url,
    AUDIT_TSA_TRUST_FILE: pki.caFile,
    AUDIT_ANCHOR_INTERVAL_MINUTES: '60',
  });
  settings = { url: tsa.url, trustAnchors: loadTrustAnchors(pki.caFile), timeoutMs: 5000 };
});
afterAll(async () => {
  await t?.cleanup();
  await tsa?.stop();
  await otherTsa?.stop();
  pki?.cleanup();
  otherPki?.cleanup();
});

async function bypassingTriggers(statements: () => Promise<void>): Promise<void> {
  const db = t.database.db;
  await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  await db.execute(sql`ALTER TABLE audit_anchors DISABLE TRIGGER USER`);
  try {
    await statements();
  } finally {
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    await db.execute(sql`ALTER TABLE audit_anchors ENABLE TRIGGER USER`);
  }
}

beforeEach(async () => {
  clock.set(START);
  tsa.setMode('grant');
  await bypassingTriggers(async () => {
    await t.database.db.execute(sql`DELETE FROM audit_anchors`);
    await t.database.db.execute(sql`DELETE FROM audit_log`);
  });
});

async function appendSome(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendAudit(t.database.db, { actorLabel: 'test', action: 'test.event', details: { i } });
  }
}

const anchorCount = async () =>
  (await t.database.db.select({ n: count() }).from(auditAnchors))[0]!.n;
const report = () => verifyAuditLog(t.database.db, t.config, clock);

describe('anchoring the chain head', () => {
  it('time-stamps the head, records it in the log, and verifies', async () => {
    await appendSome(3);
    const anchor = await anchorAuditHead(t.database.db, settings, clock);
    expect(anchor).toMatchObject({ seq: 3, genTime: '2090-05-06T08:00:00.000Z' });
    const head = await auditHead(t.database.db);
    expect(head?.seq).toBe(4);
    const [recorded] = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`seq = 4`);
    expect(recorded).toMatchObject({
      action: 'audit.anchor',
      targetType: 'audit_anchor',
      targetId: String(anchor!.id),
    });

    const r = await report();
    expect(r.ok).toBe(true);
    expect(r.anchors).toMatchObject({
      anchors: 1,
      valid: 1,
      problems: [],
      newest: { seq: 3 },
      unanchoredEntries: 1,
      stale: null,
    });
    const lines = describeAuditReport(r).join('\n');
    expect(lines).toMatch(/Audit chain intact: 4 entries verified/);
    expect(lines).toMatch(/Anchors: 1 of 1 time-stamps verified; the newest covers entry 3/);
    expect(lines).not.toMatch(/NOT protected/);
  });

  it('is refused by the database once stored', async () => {
    await appendSome(1);
    await anchorAuditHead(t.database.db, settings, clock);
    await expect(t.database.db.execute(sql`DELETE FROM audit_anchors`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/audit_anchors is append-only/) as unknown },
    });
  });

  it('shows a cut-off tail that the chain alone cannot show', async () => {
    await appendSome(3);
    await anchorAuditHead(t.database.db, settings, clock);
    await appendSome(2);
    const second = await anchorAuditHead(t.database.db, settings, clock);
    expect(second?.seq).toBe(6);
    await bypassingTriggers(async () => {
      await t.database.db.execute(sql`DELETE FROM audit_log WHERE seq >= 6`);
    });
    const r = await report();
    expect(r.chain).toMatchObject({ ok: true, rows: 5 });
    expect(r.ok).toBe(false);
    expect(r.anchors.problems).toEqual([
      expect.objectContaining({ kind: 'truncated', anchorId: second!.id, seq: 6 }),
    ]);
    const lines = describeAuditReport(r).join('\n');
    expect(lines).toMatch(/Audit chain intact: 5 entries/);
    expect(lines).toMatch(
      /Anchor problem \(truncated\): anchor #\d+ time-stamped entry 6 at 2090-05-06T08:00:00.000Z, but the log ends at entry 5/,
    );
  });

  it('shows a chain rebuilt by someone who holds the audit key', async () => {
    await appendSome(3);
    await anchorAuditHead(t.database.db, settings, clock);
    const key = t.config.secrets.auditKeys[0]!;
    await bypassingTriggers(async () => {
      const db = t.database.db;
      await db.execute(sql`UPDATE audit_log SET details = '{"i": "changed"}'::jsonb WHERE seq = 2`);
      let prevHash = GENESIS_HASH;
      for (const row of await db.select().from(auditLog).orderBy(asc(auditLog.seq))) {
        const { prevHash: _p, keyId: _k, hash: _h, ...fields } = row;
        const hash = hashAuditRow(prevHash, fields, key);
        await db.execute(
          sql`UPDATE audit_log SET prev_hash = ${prevHash}, hash = ${hash} WHERE seq = ${row.seq}`,
        );
        prevHash = hash;
      }
    });
    const r = await report();
    expect(r.chain.ok).toBe(true);
    expect(r.ok).toBe(false);
    expect(r.anchors.problems).toEqual([expect.objectContaining({ kind: 'rewritten', seq: 3 })]);
    expect(r.anchors.problems[0]!.reason).toMatch(/entry 3 no longer has the hash that anchor/);
  });

  it('shows an anchor removed from its table', async () => {
    await appendSome(2);
    const anchor = await anchorAuditHead(t.database.db, settings, clock);
    await bypassingTriggers(async () => {
      await t.database.db.execute(sql`DELETE FROM audit_anchors`);
    });
    const r = await report();
    expect(r.ok).toBe(false);
    expect(r.anchors.problems).toEqual([
      expect.objectContaining({ kind: 'missing', anchorId: anchor!.id, seq: 3 }),
    ]);
  });
});

describe('tokens that must not count', () => {
  it('are refused when asked for, and nothing is written', async () => {
    await appendSome(2);
    const before = await auditHead(t.database.db);
    const untrusted = anchorAuditHead(t.database.db, { ...settings, url: otherTsa.url }, clock);
    await expect(untrusted).rejects.toMatchObject({ failure: 'untrusted' });
    tsa.setMode('wrong-imprint');
    const wrong = anchorAuditHead(t.database.db, settings, clock);
    await expect(wrong).rejects.toMatchObject({ failure: 'imprint_mismatch' });
    expect(await auditHead(t.database.db)).toEqual(before);
    expect(await anchorCount()).toBe(0);
  });

  it('are reported when found stored: an untrusted signer, or a token for another entry', async () => {
    await appendSome(3);
    const rows = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const store = async (seq: number, token: Uint8Array) =>
      t.database.db.insert(auditAnchors).values({
        seq,
        headHash: rows[seq - 1]!.hash,
        anchoredAt: clock.now().toISOString(),
        genTime: clock.now().toISOString(),
        tsaUrl: 'http://127.0.0.1/elsewhere',
        policy: '1.2.3',
        serial: '01',
        token: Buffer.from(token).toString('base64'),
      });
    const foreign = await requestTimestamp(
      {
        url: otherTsa.url,
        trustAnchors: loadTrustAnchors(otherPki.caFile),
        timeoutMs: 5000,
      },
      anchorMessage(3, rows[2]!.hash),
      clock,
    );
    await store(3, foreign.token);
    const forEntry2 = await requestTimestamp(settings, anchorMessage(2, rows[1]!.hash), clock);
    await store(1, forEntry2.token);

    const r = await verifyAuditAnchors(t.database.db, {
      trustAnchors: settings.trustAnchors,
      intervalMinutes: 60,
      clock,
    });
    expect(r.valid).toBe(0);
    expect(r.problems).toEqual([
      expect.objectContaining({ kind: 'token', seq: 3 }),
      expect.objectContaining({ kind: 'rewritten', seq: 1 }),
    ]);
    expect(r.problems[0]!.reason).toMatch(/signer is not trusted/);
  });
});

describe('the anchoring job', () => {
  const jobOf = (config: Config) => {
    const job = platformJobs({
      config,
      database: t.database,
      blobs: createBlobStore(config.blobs),
      log: pino({ level: 'silent' }),
      addressGuard: addressGuardFor(config),
      jobs: () => {
        throw new Error('no queue in this test');
      },
      clock,
    }).find((j) => j.name === 'platform.audit-anchor')!;
    const ctx: JobContext = { log: pino({ level: 'silent' }), jobId: 'test', retryCount: 0 };
    return { job, run: () => job.handler({}, ctx) };
  };

  it('runs on the configured interval and anchors', async () => {
    const { job, run } = jobOf(t.config);
    expect(job.schedule?.cron).toBe('0 * * * *');
    await appendSome(1);
    await run();
    expect(await anchorCount()).toBe(1);
  });

  it('loses nothing when the TSA is down or busy, and leaves it to the retries', async () => {
    await appendSome(2);
    const before = await auditHead(t.database.db);
    const down = await startLocalTsa(pki, clock);
    await down.stop();
    const config: Config = {
      ...t.config,
      audit: { ...t.config.audit, tsa: { url: down.url, timeoutMs: 5000 } },
    };
    const downError = await jobOf(config)
      .run()
      .catch((e: unknown) => e);
    expect(downError).toBeInstanceOf(TimestampError);
    expect(downError).not.toBeInstanceOf(PermanentJobError);
    expect((downError as TimestampError).message).toMatch(/cannot be reached/);

    tsa.setMode('http-error');
    const busy = await jobOf(t.config)
      .run()
      .catch((e: unknown) => e);
    expect(busy).toMatchObject({ failure: 'http_status', retryable: true });

    expect(await auditHead(t.database.db)).toEqual(before);
    expect(await anchorCount()).toBe(0);
    expect((await report()).chain).toMatchObject({ ok: true, rows: 2 });

    tsa.setMode('grant');
    await jobOf(t.config).run();
    expect(await anchorCount()).toBe(1);
  });

  it('does not retry at once what will not get better (a refusal)', async () => {
    await appendSome(1);
    tsa.setMode('refuse');
    const refused = await jobOf(t.config)
      .run()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentJobError);
    expect((refused as Error).message).toMatch(/refused the request/);
    expect(await anchorCount()).toBe(0);
  });

  it('has no schedule without a TSA, and does nothing when run', async () => {
    await appendSome(1);
    const { job, run } = jobOf({ ...t.config, audit: { ...t.config.audit, tsa: null } });
    expect(job.schedule).toBeUndefined();
    await run();
    expect(await anchorCount()).toBe(0);
  });
});

describe('the report', () => {
  it('warns when anchoring has stopped', async () => {
    await appendSome(1);
    await anchorAuditHead(t.database.db, settings, clock);
    clock.advance(2 * 3_600_000);
    expect((await report()).anchors.stale).toBeNull();
    clock.advance(3_600_000);
    const r = await report();
    expect(r.ok).toBe(true);
    expect(describeAuditReport(r).join('\n')).toMatch(
      /WARNING: the newest anchor is from 2090-05-06T08:00:00.000Z, although anchoring runs every 60 min/,
    );
  });

  it('says the tail is not protected without a TSA, and fails when stored anchors cannot be checked', async () => {
    await appendSome(1);
    const off: Config = {
      ...t.config,
      audit: { ...t.config.audit, tsa: null, tsaTrustFile: null },
    };
    const plain = await verifyAuditLog(t.database.db, off, clock);
    expect(plain.ok).toBe(true);
    expect(describeAuditReport(plain).join('\n')).toMatch(
      /The tail is NOT protected: no time-stamping authority is configured/,
    );
    await anchorAuditHead(t.database.db, settings, clock);
    const unchecked = await verifyAuditLog(t.database.db, off, clock);
    expect(unchecked.ok).toBe(false);
    expect(describeAuditReport(unchecked).join('\n')).toMatch(
      /1 anchors NOT checked: AUDIT_TSA_TRUST_FILE is not set/,
    );
  });

  it('keys rotate under anchors: an unknown key id fails the chain, not the process', async () => {
    await appendSome(2);
    const r = await verifyAuditLog(
      t.database.db,
      {
        ...t.config,
        secrets: { ...t.config.secrets, auditKeys: [{ id: 'other', key: randomBytes(32) }] },
      },
      clock,
    );
    expect(r.ok).toBe(false);
    expect(describeAuditReport(r)[0]).toMatch(
      /Audit chain BROKEN at entry 1: entry 1 was chained with audit key "ta", which is not configured/,
    );
  });
});
