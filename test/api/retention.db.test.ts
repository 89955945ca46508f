// Retention on both databases with a clock the test moves: closed cases past their period are
// erased (tombstone, audit), conversations that belong to no case go after theirs, a held case and
// every case's own threads stay, the preview says exactly what the run then erases and when the
// next records fall due, and a second run finds nothing. A case erased by retention takes its
// traces in the person's vault along (requests made through it; its links), as an erasure on
// request does. (Leads and captures: retention-leads.db.test.ts; here there are none, and none
// are counted.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { generatePhone } from '../../fixtures/ad-board/phones.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { previewRetention, runRetention, type RetentionRunDeps } from '../../src/app/retention.js';
import { cases } from '../../src/cases/schema.js';
import { caseTombstones } from '../../src/cases/subject-rights/schema.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { recordInbound } from '../../src/outreach/inbox/conversations.js';
import { conversations, messages } from '../../src/outreach/schema.js';
import type { Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { vaultRecipients, vaultShareRequests } from '../../src/vault/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { noonClock, NOON_AMSTERDAM } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { newVaultRequest, VaultClient } from '../helpers/vault-client.js';

const DAY = 86_400_000;
/** No leads or captures in this test: none erased. */
const NONE = { unkept_case: 0, uncontacted_lead: 0, never_lead: 0, capture: 0, chat: 0 };
const T0 = new Date(NOON_AMSTERDAM).getTime();
const day = (n: number) => new Date(T0 + n * DAY);
const clock = noonClock();
let t: TestDatabase;
let app: FastifyInstance;
let deps: RetentionRunDeps;
let dir: string;
let channelId: string;
let worker: ApiCall;
let supervisor: ApiCall;
let admin: ApiCall;
const rng = new Rng('retention');
const taken = new Set<string>();
const setup: Actor = { userId: null, label: 'setup', role: 'admin' };
const db = () => t.database.db;

async function thread(text: string) {
  const phone = generatePhone(rng, 'NL', taken);
  const inbound = await recordInbound(
    db(),
    t.config,
    { id: channelId, kind: 'smpp' },
    { from: phone.e164, to: 'outreach', body: text, at: clock.now() },
  );
  return inbound.conversation.id;
}

async function caseFrom(text: string, close: boolean) {
  const conversationId = await thread(text);
  const { res, json } = await worker('POST', '/api/cases', { conversationId });
  expect(res.statusCode, res.body).toBe(200);
  const id = json.id as string;
  if (close) {
    const closed = await worker('POST', `/api/cases/${id}/status`, {
      status: 'closed',
      outcome: 'helped',
    });
    expect(closed.res.statusCode, closed.res.body).toBe(200);
  }
  return { id, conversationId };
}

const caseIds = async () => (await db().select({ id: cases.id }).from(cases)).map((c) => c.id);
const threadIds = async () =>
  (await db().select({ id: conversations.id }).from(conversations)).map((c) => c.id);

beforeAll(async () => {
  t = await openTestDatabase();
  // Short periods, so a few days of the test's clock cross them.
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-retention-'));
  const config = {
    ...t.config,
    retention: {
      closedCaseDays: 30,
      conversationDays: 10,
      uncontactedLeadDays: 20,
      captureDays: 20,
      chatDays: 90,
    },
  };
  app = await buildHttpServer({
    config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
    // The person's vault is served where there is a blob store.
    blobs: createFsBlobStore(dir),
  });
  await app.ready();
  worker = await signInAs(app, db(), 'outreach_worker');
  supervisor = await signInAs(app, db(), 'supervisor');
  admin = await signInAs(app, db(), 'admin');
  channelId = (
    await saveChannel(db(), t.config, setup, {
      name: 'by hand',
      kind: 'manual',
      sender: null,
      settings: {},
    })
  ).id;
  deps = { db: db(), config, clock, blobs: createFsBlobStore(dir) };
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('retention', () => {
  it('erases what is due, keeps what is not and what is held, as the preview said', async () => {
    clock.set(day(0));
    const due = await caseFrom('Ik wil weg.', true);
    const held = await caseFrom('Help me, ik ben in Utrecht.', true);
    const open = await caseFrom('Kun je bellen?', false);
    const lone1 = await thread('Wie is dit?');
    await ok(supervisor('POST', `/api/cases/${held.id}/hold`, { reason: 'Court order 2030/17' }));
    clock.set(day(5));
    const later = await caseFrom('Ik ben er nog.', true);
    const lone2 = await thread('Stop.');

    // Day 12: the first lone thread is past ten days; no closed case past thirty.
    clock.set(day(12));
    let preview = await previewRetention(deps);
    expect(preview).toEqual({
      at: day(12).toISOString(),
      types: [
        {
          type: 'closed_case',
          periodDays: 30,
          due: 0,
          held: 0,
          nextDueAt: day(30).toISOString(),
        },
        { type: 'unkept_case', periodDays: 0, due: 0, held: 0, nextDueAt: null },
        {
          type: 'conversation',
          periodDays: 10,
          due: 1,
          held: 0,
          nextDueAt: day(15).toISOString(),
        },
        { type: 'uncontacted_lead', periodDays: 20, due: 0, held: 0, nextDueAt: null },
        { type: 'never_lead', periodDays: 20, due: 0, held: 0, nextDueAt: null },
        { type: 'capture', periodDays: 20, due: 0, held: 0, nextDueAt: null },
        { type: 'chat', periodDays: 90, due: 0, held: 0, nextDueAt: null },
      ],
    });
    expect(await runRetention(deps)).toEqual({ ...NONE, closed_case: 0, conversation: 1 });
    expect(await threadIds()).not.toContain(lone1);
    expect(await threadIds()).toContain(lone2);
    expect(await db().select().from(messages).where(eq(messages.conversationId, lone1))).toEqual(
      [],
    );

    // Day 31: one closed case is due, one is held; the case-linked threads stay whatever their age.
    clock.set(day(31));
    preview = await previewRetention(deps);
    expect(preview.types).toEqual([
      {
        type: 'closed_case',
        periodDays: 30,
        due: 1,
        held: 1,
        nextDueAt: day(35).toISOString(),
      },
      { type: 'unkept_case', periodDays: 0, due: 0, held: 0, nextDueAt: null },
      { type: 'conversation', periodDays: 10, due: 1, held: 0, nextDueAt: null },
      { type: 'uncontacted_lead', periodDays: 20, due: 0, held: 0, nextDueAt: null },
      { type: 'never_lead', periodDays: 20, due: 0, held: 0, nextDueAt: null },
      { type: 'capture', periodDays: 20, due: 0, held: 0, nextDueAt: null },
      { type: 'chat', periodDays: 90, due: 0, held: 0, nextDueAt: null },
    ]);
    // The console's view is the same, for those who oversee it.
    const shown = await admin('GET', '/api/admin/retention');
    expect(shown.res.statusCode, shown.res.body).toBe(200);
    expect(shown.json).toEqual(preview);
    expect((await worker('GET', '/api/admin/retention')).res.statusCode).toBe(403);

    expect(await runRetention(deps)).toEqual({ ...NONE, closed_case: 1, conversation: 1 });
    const left = await caseIds();
    expect(left).not.toContain(due.id);
    expect(left).toEqual(expect.arrayContaining([held.id, open.id, later.id]));
    const threads = await threadIds();
    expect(threads).not.toContain(due.conversationId);
    expect(threads).not.toContain(lone2);
    expect(threads).toEqual(
      expect.arrayContaining([held.conversationId, open.conversationId, later.conversationId]),
    );
    const [tomb] = await db()
      .select()
      .from(caseTombstones)
      .where(eq(caseTombstones.caseId, due.id));
    expect(tomb).toMatchObject({
      cause: 'retention',
      outcome: 'helped',
      closedAt: day(0),
      erasedAt: day(31),
    });

    // Nothing is left to do until the next date.
    expect(await runRetention(deps)).toEqual({ ...NONE, closed_case: 0, conversation: 0 });
    const runs = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'retention.run')));
    expect(runs.map((r) => r.details)).toEqual([
      expect.objectContaining({ closed_case: 0, conversation: 1, chat: 0 }),
      expect.objectContaining({ closed_case: 1, conversation: 1, chat: 0 }),
      expect.objectContaining({ closed_case: 0, conversation: 0, chat: 0 }),
    ]);
    const erased = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.erased'), inArray(auditLog.targetId, [due.id])));
    expect(erased).toEqual([
      expect.objectContaining({
        actorLabel: 'system',
        details: expect.objectContaining({ cause: 'retention' }) as unknown,
      }),
    ]);

    // Once the hold is lifted the held case goes with the next run.
    await ok(supervisor('DELETE', `/api/cases/${held.id}/hold`), 204);
    expect((await previewRetention(deps)).types[0]).toMatchObject({ due: 1, held: 0 });
    expect(await runRetention(deps)).toEqual({ ...NONE, closed_case: 1, conversation: 0 });
    expect(await caseIds()).not.toContain(held.id);
  });
});

describe('consent to keep data', () => {
  const keep = async (caseId: string, extra: Record<string, unknown> = {}) => {
    const { res, json } = await worker('POST', `/api/cases/${caseId}/consents`, {
      scope: 'keep_data',
      givenAt: clock.now().toISOString(),
      source: 'call_note',
      note: 'Asked on the phone whether we may keep what she told us.',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    return json.id as string;
  };
  const unkept = async () =>
    (await previewRetention(deps)).types.find((x) => x.type === 'unkept_case');

  it('withdrawn or refused: the case is due at once, open or not, unless a legal hold keeps it', async () => {
    clock.set(day(100));
    const withdrawn = await caseFrom('Ik wil niet dat jullie iets bewaren.', false);
    const refused = await caseFrom('Nee, niets bewaren.', false);
    const heldCase = await caseFrom('Bewaar niets, maar er loopt een zaak.', false);
    const kept = await caseFrom('Jullie mogen het bewaren.', false);
    const never = await caseFrom('Ik weet het nog niet.', false);
    const consent = await keep(withdrawn.id);
    await keep(refused.id, { declined: true });
    await keep(heldCase.id, { declined: true });
    await keep(kept.id);
    await ok(
      supervisor('POST', `/api/cases/${heldCase.id}/hold`, { reason: 'Court order 2030/41' }),
    );
    expect(await unkept()).toEqual({
      type: 'unkept_case',
      periodDays: 0,
      due: 1,
      held: 1,
      nextDueAt: null,
    });

    // She calls: do not keep my data. Due from that moment, with no period to wait for.
    clock.set(new Date(day(100).getTime() + 60_000));
    await ok(
      worker('POST', `/api/cases/${withdrawn.id}/consents/${consent}/withdraw`, {
        source: 'call_note',
        note: 'She called: erase what you have about me.',
      }),
    );
    expect(await unkept()).toMatchObject({ due: 2, held: 1 });
    // Supervisors are told at once (the run erases at night): a hold, if the law requires one,
    // can still be set before it. Each no and the withdrawal raised one; a yes raised none.
    const alerts = (await supervisor('GET', '/api/cases/alerts')).json.items as {
      caseId: string;
      kind: string;
    }[];
    expect(
      alerts
        .filter((a) => a.kind === 'keep_data_ended')
        .map((a) => a.caseId)
        .sort(),
    ).toEqual([withdrawn.id, refused.id, heldCase.id].sort());
    expect(await runRetention(deps)).toMatchObject({ unkept_case: 2 });
    const left = await caseIds();
    expect(left).not.toContain(withdrawn.id);
    expect(left).not.toContain(refused.id);
    expect(left).toEqual(expect.arrayContaining([heldCase.id, kept.id, never.id]));
    expect(await threadIds()).not.toContain(withdrawn.conversationId);
    const tombs = await db()
      .select()
      .from(caseTombstones)
      .where(inArray(caseTombstones.caseId, [withdrawn.id, refused.id]));
    expect(tombs.map((x) => x.cause)).toEqual(['retention', 'retention']);
    expect(tombs.map((x) => x.status)).toEqual(['open', 'open']);
    expect(await unkept()).toMatchObject({ due: 0, held: 1 });
  });

  it('ran out: due from the moment the consent to keep data expires, vault traces too', async () => {
    clock.set(day(200));
    const c = await caseFrom('Bewaar het een week.', false);
    await keep(c.id, { expiresAt: day(207).toISOString() });
    // Her vault added the worker for this case, and the worker asked through it.
    const age = `age1${'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.repeat(2).slice(0, 58)}`;
    await ok(worker('POST', '/api/vault-recipient/key', { agePublicKey: age }));
    const code = await worker('POST', '/api/vault-recipient/share-codes', { caseId: c.id });
    expect(code.res.statusCode, code.res.body).toBe(201);
    const owner = new VaultClient(app, '10.2.0.1');
    const made = await owner.call(
      'POST',
      '/api/vault/vaults',
      newVaultRequest('her own long passphrase').body,
    );
    expect(made.status).toBe(201);
    const shareCode = code.json.shareCode as string;
    expect((await owner.call('POST', '/api/vault/recipients', { shareCode })).status).toBe(201);
    await ok(
      worker('POST', '/api/vault-recipient/requests', { caseId: c.id, message: 'The photos?' }),
      201,
    );
    const traces = async () => ({
      requests: await db()
        .select()
        .from(vaultShareRequests)
        .where(eq(vaultShareRequests.caseId, c.id)),
      links: await db().select().from(vaultRecipients).where(eq(vaultRecipients.caseId, c.id)),
    });
    expect(await traces()).toMatchObject({ requests: [{}], links: [{}] });
    clock.set(new Date(day(207).getTime() - 1000));
    expect(await runRetention(deps)).toMatchObject({ unkept_case: 0 });
    expect(await caseIds()).toContain(c.id);
    clock.set(day(207));
    expect(await runRetention(deps)).toMatchObject({ unkept_case: 1 });
    expect(await caseIds()).not.toContain(c.id);
    expect(await traces()).toEqual({ requests: [], links: [] });
  });
});

async function ok(p: Promise<{ res: { statusCode: number; body: string } }>, status = 200) {
  const { res } = await p;
  expect(res.statusCode, res.body).toBe(status);
}
