// The audit viewer's API on both databases: only supervisors and admins read the log; filters by
// user, action (exact or prefix), record and time; keyset pages that neither skip nor repeat;
// "who viewed this" lists the reads of one ad, entity or conversation; and every call is audited.
import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;
let supervisor: ApiCall;
let admin: ApiCall;
const ad = randomUUID();
const otherAd = randomUUID();
const entity = randomUUID();
const conversation = randomUUID();
const reader = { id: randomUUID(), label: 'reader@example.org' };

interface Entry {
  seq: number;
  at: string;
  actorLabel: string;
  actorUserId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  nextBefore: number | null;
  actions?: string[];
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
  });
  await app.ready();
  supervisor = await signInAs(app, t.database.db, 'supervisor');
  admin = await signInAs(app, t.database.db, 'admin');
  const as = (action: string, targetType: string, targetId: string) =>
    appendAudit(t.database.db, {
      actorUserId: reader.id,
      actorLabel: reader.label,
      action,
      targetType,
      targetId,
    });
  await as('ad.read', 'ad', ad);
  await as('identifier.reveal', 'ad', ad);
  await as('source.update', 'ad', ad); // not a read
  await as('ad.read', 'ad', otherAd);
  await as('captures.export', 'ad', ad);
  await as('entity.read', 'entity', entity);
  await as('lead.assign', 'entity', entity); // not a read
  await as('conversation.open', 'conversation', conversation);
  await appendAudit(t.database.db, { actorLabel: 'system', action: 'test.other' });
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const page = async (call: ApiCall, query: string) => {
  const r = await call('GET', `/api/audit/entries${query}`);
  expect(r.res.statusCode, r.res.body).toBe(200);
  return r.json as unknown as Page;
};

describe('who may read the audit log', () => {
  it('is documented in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/audit/entries', '/api/audit/views/{kind}/{id}']),
    );
  });

  it('supervisors and admins; nobody else, and nobody signed out', async () => {
    for (const role of ['outreach_worker', 'analyst', 'partner'] as const) {
      const call = await signInAs(app, t.database.db, role);
      expect((await call('GET', '/api/audit/entries')).res.statusCode, role).toBe(403);
      expect((await call('GET', `/api/audit/views/ad/${ad}`)).res.statusCode, role).toBe(403);
    }
    expect((await app.inject('/api/audit/entries')).statusCode).toBe(401);
    expect((await app.inject(`/api/audit/views/entity/${entity}`)).statusCode).toBe(401);
    expect((await supervisor('GET', '/api/audit/entries')).res.statusCode).toBe(200);
    expect((await admin('GET', `/api/audit/views/ad/${ad}`)).res.statusCode).toBe(200);
  });
});

describe('the audit list', () => {
  it('filters by user (id or label), action (exact or prefix) and record', async () => {
    const byId = await page(supervisor, `?user=${reader.id}`);
    expect(byId.entries).toHaveLength(8);
    expect(byId.entries.every((e) => e.actorUserId === reader.id)).toBe(true);
    const byLabel = await page(supervisor, '?user=READER@example.org');
    expect(byLabel.entries.map((e) => e.seq)).toEqual(byId.entries.map((e) => e.seq));

    const reads = await page(supervisor, `?action=ad.read&user=${reader.id}`);
    expect(reads.entries.map((e) => e.targetId)).toEqual([otherAd, ad]);
    const prefix = await page(supervisor, `?action=conversation.*`);
    expect(prefix.entries.map((e) => e.action)).toEqual(['conversation.open']);
    const logins = await page(supervisor, '?action=auth.*');
    expect(logins.entries.length).toBeGreaterThan(0);
    expect(logins.entries.every((e) => e.action.startsWith('auth.'))).toBe(true);

    // The admin's look at who viewed it (above) is an entry on the ad too.
    const record = await page(supervisor, `?targetType=ad&targetId=${ad}`);
    expect(record.entries.map((e) => e.action)).toEqual([
      'audit.views',
      'captures.export',
      'source.update',
      'identifier.reveal',
      'ad.read',
    ]);
  });

  it('filters by time: from `since` on, before `until`', async () => {
    const all = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const times = [...new Set(all.map((r) => new Date(r.at).toISOString()))].sort();
    const since = times[Math.floor(times.length / 3)]!;
    const until = times[Math.floor((2 * times.length) / 3)]!;
    const shown = await page(
      supervisor,
      `?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}&limit=500`,
    );
    const expected = all
      .filter((r) => new Date(r.at).toISOString() >= since && new Date(r.at).toISOString() < until)
      .map((r) => r.seq)
      .reverse();
    expect(expected.length).toBeGreaterThan(0);
    expect(shown.entries.map((e) => e.seq)).toEqual(expected);
  });

  it('pages newest first by keyset, without gaps or repeats, actions on the first page', async () => {
    const first = await page(supervisor, `?user=${reader.id}&limit=3`);
    expect(first.actions).toEqual(expect.arrayContaining(['ad.read', 'conversation.open']));
    const seen = [...first.entries.map((e) => e.seq)];
    let before = first.nextBefore;
    while (before !== null) {
      const next = await page(supervisor, `?user=${reader.id}&limit=3&before=${before}`);
      expect(next.actions).toBeUndefined();
      seen.push(...next.entries.map((e) => e.seq));
      before = next.nextBefore;
    }
    const rows = await t.database.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, reader.id))
      .orderBy(desc(auditLog.seq));
    expect(seen).toEqual(rows.map((r) => r.seq));
  });

  it('refuses filters it cannot read, with a clear message', async () => {
    const badAction = await supervisor('GET', '/api/audit/entries?action=ad%20read');
    expect(badAction.res.statusCode).toBe(400);
    expect(JSON.stringify(badAction.json)).toMatch(/expected an action such as ad.read/);
    const badTime = await supervisor('GET', '/api/audit/entries?since=yesterday');
    expect(badTime.res.statusCode).toBe(400);
    const tooMany = await supervisor('GET', '/api/audit/entries?limit=5000');
    expect(tooMany.res.statusCode).toBe(400);
  });

  it('is itself audited, with the filters used', async () => {
    await page(admin, `?action=entity.read&targetType=entity&targetId=${entity}`);
    const [last] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.list'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(last).toMatchObject({
      targetType: 'audit_log',
      details: {
        filters: { action: 'entity.read', targetType: 'entity', targetId: entity },
        shown: 1,
      },
    });
    expect(last!.actorLabel).toMatch(/^admin\./);
  });
});

describe('who viewed a record', () => {
  it('lists the reads of an ad, newest first, and nothing else', async () => {
    const r = await supervisor('GET', `/api/audit/views/ad/${ad}`);
    expect(r.res.statusCode).toBe(200);
    const views = (r.json as { views: Entry[] }).views;
    expect(views.map((v) => v.action)).toEqual(['captures.export', 'identifier.reveal', 'ad.read']);
    expect(views.every((v) => v.actorLabel === reader.label)).toBe(true);
  });

  it('lists the reads of an entity and of a conversation, and pages', async () => {
    const e = await supervisor('GET', `/api/audit/views/entity/${entity}`);
    expect((e.json as { views: Entry[] }).views.map((v) => v.action)).toEqual(['entity.read']);
    const c = await admin('GET', `/api/audit/views/conversation/${conversation}?limit=1`);
    expect(c.json).toMatchObject({ views: [{ action: 'conversation.open' }], nextBefore: null });
    const paged = await admin('GET', `/api/audit/views/ad/${ad}?limit=2`);
    const first = paged.json as { views: Entry[]; nextBefore: number };
    expect(first.views).toHaveLength(2);
    const rest = await admin('GET', `/api/audit/views/ad/${ad}?before=${first.nextBefore}`);
    expect(rest.json).toMatchObject({ views: [{ action: 'ad.read' }], nextBefore: null });
  });

  it('is audited against the record, and refuses unknown kinds', async () => {
    await supervisor('GET', `/api/audit/views/conversation/${conversation}`);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.views'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(rows[0]).toMatchObject({ targetType: 'conversation', targetId: conversation });
    expect((await supervisor('GET', `/api/audit/views/user/${reader.id}`)).res.statusCode).toBe(
      400,
    );
  });

  it('leaves the chain intact', async () => {
    expect(await verifyAuditChain(t.database.db, t.config.secrets.auditKeys)).toMatchObject({
      ok: true,
    });
  });
});
