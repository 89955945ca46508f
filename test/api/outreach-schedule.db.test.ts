// Scheduled sends and the state before Send, over the HTTP API with a real SMSC on loopback and
// leads of the synthetic board: at night the dialog's check says "quiet hours, possible from 09:00"
// without storing anything; a message scheduled for then waits visibly in the thread, is held at
// 08:59 and goes at 09:00 (the clock advanced by the test), and is checked against every rule
// again at its time — an opt-out, do-not-contact or a retired template in between stops it with
// the reason. Its author or a supervisor may cancel it (audited), nobody else. A template with a
// name is refused for a number the ads use under several names until a supervisor allows it
// (audited). The clock is the test's: the suite passes at any hour.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld } from '../../fixtures/ad-board/db-loader.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import { startTestSmsc, type TestSmsc } from '../../fixtures/smsc/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { linkSettings } from '../../src/link/store.js';
import {
  createChannelRegistry,
  type ChannelRegistry,
} from '../../src/outreach/channels/channel-registry.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { contactAddress, setDoNotContact } from '../../src/outreach/inbox/contacts.js';
import { contacts, messages } from '../../src/outreach/schema.js';
import {
  outreachJobs,
  sendMessageJobRef,
  sendQueuedMessage,
  sessionChannelEvents,
} from '../../src/outreach/sending/jobs.js';
import { handleInbound } from '../../src/outreach/sending/service.js';
import { outreachSettings } from '../../src/outreach/sending/settings.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { linkAndScore } from '../../src/score/pipeline.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { NOON_AMSTERDAM, noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { caseContactConsent } from '../../src/app/contact-consent.js';

const log = pino({ level: 'silent' });
let t: TestDatabase;
let smsc: TestSmsc;
let jobs: Jobs;
let registry: ChannelRegistry;
let app: FastifyInstance;
let dir: string;
let smppId: string;
let worker: ApiCall;
let colleague: ApiCall;
let supervisor: ApiCall;
let named: string;
let unnamed: string;
const clock = noonClock();
const SENDER = '+31970102030';
/** 23:30 in Amsterdam (CEST) that Tuesday: quiet hours (21:00–09:00, the defaults). */
const NIGHT = '2030-06-04T21:30:00Z';
/** 09:00 in Amsterdam the next morning: the end of quiet hours. */
const MORNING = '2030-06-05T07:00:00Z';

const admin = { userId: null, label: 'test admin', role: 'admin' as const };

interface Identifier {
  identifierId: string;
  kind: string;
}

beforeAll(async () => {
  t = await openTestDatabase();
  smsc = await startTestSmsc({ receiptDelayMs: 50, clock });
  const db = t.database.db;
  const world = generateWorld({ seed: 'outreach-schedule', ads: 60, days: 2 });
  const settings = linkSettings(t.config);
  await loadWorld(db, t.config, world, {
    onDay: async (_day, adIds) => {
      await linkAndScore(db, settings, adIds);
    },
  });
  registry = createChannelRegistry({
    config: t.config,
    log,
    clock,
    events: sessionChannelEvents({ db, config: t.config, log, jobs: () => jobs, clock }),
  });
  // The queue exists (composing queues into it) but nothing works it: the test runs the send
  // job's work itself, at the times it chooses.
  jobs = await startJobs({
    database: t.database,
    log,
    scheduler: false,
    definitions: outreachJobs({
      db,
      config: t.config,
      log,
      jobs: () => jobs,
      clock,
      registry,
      contactConsent: caseContactConsent,
    }),
  });
  smppId = (
    await saveChannel(db, t.config, admin, {
      name: 'SMSC',
      kind: 'smpp',
      sender: SENDER,
      settings: {
        host: smsc.host,
        port: smsc.port,
        systemId: 'ariadne',
        password: 'secret',
        sourceAddr: SENDER,
        reconnectInitialMs: 50,
        reconnectMaxMs: 200,
        bindTimeoutMs: 5_000,
        submitTimeoutMs: 5_000,
      },
    })
  ).id;
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-outreach-schedule-'));
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
    clock,
  });
  await app.ready();
  worker = await signInAs(app, db, 'outreach_worker');
  colleague = await signInAs(app, db, 'outreach_worker');
  supervisor = await signInAs(app, db, 'supervisor');
  named = await approvedTemplate(['Hoi {displayName}, ik zag je advertentie. Hoe gaat het?']);
  unnamed = await approvedTemplate(['Hoi, ik zag je advertentie. Hoe gaat het met je?']);
}, 300_000);

afterAll(async () => {
  await app?.close();
  await registry?.closeAll();
  await jobs?.stop();
  await smsc?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function approvedTemplate(variants: string[]): Promise<string> {
  const draft = await worker('POST', '/api/outreach/templates', {
    name: `hello ${randomUUID().slice(0, 6)}`,
    language: 'nl',
    variants,
  });
  expect(draft.res.statusCode).toBe(200);
  const ok = await supervisor(
    'POST',
    `/api/outreach/templates/${draft.json.id as string}/approve`,
    {},
  );
  expect(ok.res.statusCode).toBe(200);
  return draft.json.id as string;
}

/** Every lead's phone numbers, with the names the ads with each go by. */
async function phonesOfLeads() {
  const leads = await worker('GET', '/api/leads?limit=200');
  const out: { entityId: string; identifierId: string }[] = [];
  for (const lead of leads.json.items as { entityId: string }[]) {
    const e = await worker('GET', `/api/entities/${lead.entityId}`);
    for (const i of e.json.identifiers as Identifier[]) {
      if (i.kind === 'phone') out.push({ entityId: lead.entityId, identifierId: i.identifierId });
    }
  }
  return out;
}

let phones: { entityId: string; identifierId: string; names: number }[] = [];
/** A phone of a lead not written to yet, shared by several names or not. */
async function freshPhone(shared: boolean) {
  if (phones.length === 0) {
    clock.set(NOON_AMSTERDAM);
    for (const p of await phonesOfLeads()) {
      const state = await check(worker, p, unnamed);
      phones.push({ ...p, names: state.sharedByNames as number });
    }
  }
  const i = phones.findIndex((p) => (shared ? p.names > 1 : p.names <= 1));
  expect(i, `a lead with a number ${shared ? 'shared by names' : 'of one name'}`).toBeGreaterThan(
    -1,
  );
  const [p] = phones.splice(i, 1);
  // One lead, one test: its other numbers leave the pool too.
  phones = phones.filter((q) => q.entityId !== p!.entityId);
  return p!;
}

async function check(
  who: ApiCall,
  p: { entityId: string; identifierId: string },
  templateId: string,
): Promise<Record<string, unknown>> {
  const res = await who('POST', '/api/outreach/compose-check', {
    entityId: p.entityId,
    contact: { identifierId: p.identifierId },
    channelId: smppId,
    templateId,
    values: { displayName: 'Lina' },
  });
  expect(res.res.statusCode, res.res.body).toBe(200);
  return res.json;
}

/** A lead's number by identifier, or a number written to directly. */
type Target = { entityId: string; identifierId: string } | { address: string };
const toBody = (p: Target) =>
  'address' in p
    ? { contact: { kind: 'phone', address: p.address } }
    : { entityId: p.entityId, contact: { identifierId: p.identifierId } };

function compose(who: ApiCall, p: Target, templateId: string, extra: Record<string, unknown> = {}) {
  return who('POST', '/api/outreach/messages', {
    ...toBody(p),
    channelId: smppId,
    templateId,
    values: { displayName: 'Lina' },
    idempotencyKey: randomUUID(),
    ...extra,
  });
}

async function messageRow(id: string) {
  const [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

const held: Date[] = [];
function runSendJob(messageId: string, at: string | Date) {
  return sendQueuedMessage(t.database.db, t.config, registry, messageId, {
    clock: fixedClock(at),
    settings: outreachSettings(t.config),
    contactConsent: caseContactConsent,
    hold: async (until) => {
      held.push(until);
    },
    retryCount: 0,
  });
}

/** Schedules a first message at night; returns its id and conversation. */
async function scheduleAtNight(p: Target, who = worker) {
  clock.set(NIGHT);
  try {
    const res = await compose(who, p, unnamed, { schedule: true });
    expect(res.res.statusCode, res.res.body).toBe(200);
    return {
      id: (res.json.message as { id: string }).id,
      conversationId: res.json.conversationId as string,
      res,
    };
  } finally {
    clock.set(NOON_AMSTERDAM);
  }
}

describe('the state before Send', () => {
  it('says at night that quiet hours hold it until 09:00 where the person is, storing nothing', async () => {
    const p = await freshPhone(false);
    const [before] = await t.database.db.select({ n: count() }).from(contacts);
    clock.set(NIGHT);
    try {
      const state = await check(worker, p, unnamed);
      expect(state).toMatchObject({
        allowed: false,
        rule: 'quiet_hours',
        possibleFrom: new Date(MORNING).toISOString(),
        timeZone: { zone: 'Europe/Amsterdam' },
        schedulable: true,
      });
      expect(state.message).toMatch(/quiet hours \(21:00–09:00\).*from \w+ 09:00/);
      // Without schedule the same message is refused with the same rule.
      const refused = await compose(worker, p, unnamed);
      expect(refused.res.statusCode).toBe(409);
      expect((refused.json.error as { rule: string }).rule).toBe('quiet_hours');
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
    const [after] = await t.database.db.select({ n: count() }).from(contacts);
    expect(after!.n).toBe(before!.n);
    // By day the same message may go.
    expect(await check(worker, p, unnamed)).toMatchObject({ allowed: true, possibleFrom: null });
  });

  it('records the read of the number once per person and ten minutes, a send every time', async () => {
    const p = await freshPhone(false);
    const reveals = async () =>
      (
        await t.database.db
          .select({ actor: auditLog.actorUserId, details: auditLog.details })
          .from(auditLog)
          .where(eq(auditLog.action, 'identifier.reveal'))
      ).filter((a) => (a.details as { identifierId?: string }).identifierId === p.identifierId);
    // The dialog asks after typing stops and every minute: the checks (freshPhone's among them)
    // leave one entry.
    for (let i = 0; i < 3; i++) await check(worker, p, unnamed);
    expect(await reveals()).toHaveLength(1);
    // A colleague's check is their own read.
    await check(colleague, p, unnamed);
    expect(await reveals()).toHaveLength(2);
    // Sending reads it again, on record whatever was checked before.
    const sent = await compose(worker, p, unnamed);
    expect(sent.res.statusCode, sent.res.body).toBe(200);
    expect(await reveals()).toHaveLength(3);
  });

  it('refuses a bad request clearly', async () => {
    const res = await worker('POST', '/api/outreach/compose-check', {
      channelId: smppId,
      templateId: unnamed,
    });
    expect(res.res.statusCode).toBe(400);
    const other = await worker('POST', '/api/outreach/compose-check', {
      entityId: randomUUID(),
      contact: { identifierId: randomUUID() },
      channelId: smppId,
      templateId: unnamed,
    });
    expect(other.res.statusCode).toBe(404);
  });
});

describe('a scheduled message', () => {
  it('waits visibly for 09:00, is held at 08:59, and goes at 09:00 after every rule again', async () => {
    const p = await freshPhone(false);
    const before = smsc.received.length;
    const { id, conversationId, res } = await scheduleAtNight(p);
    expect(res.json.message).toMatchObject({
      status: 'queued',
      scheduledFor: new Date(MORNING).toISOString(),
      scheduledZone: 'Europe/Amsterdam',
    });
    // Its job waits for the time.
    const found = await jobs.boss.findJobs(sendMessageJobRef.name, { key: id });
    expect(found.map((j) => new Date(j.startAfter).toISOString())).toContain(
      new Date(MORNING).toISOString(),
    );
    // The thread and the inbox show it.
    const thread = await worker('GET', `/api/conversations/${conversationId}`);
    expect(thread.json.messages).toEqual([
      expect.objectContaining({
        id,
        status: 'queued',
        scheduledFor: new Date(MORNING).toISOString(),
      }),
    ]);
    const inbox = await worker('GET', '/api/inbox?kind=outreach');
    const listed = (inbox.json.items as { id: string; scheduledFor: string | null }[]).find(
      (i) => i.id === conversationId,
    );
    expect(listed?.scheduledFor).toBe(new Date(MORNING).toISOString());
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, conversationId),
          eq(auditLog.action, 'outreach.message_scheduled'),
        ),
      );
    expect(audits).toHaveLength(1);

    held.length = 0;
    expect(await runSendJob(id, new Date(new Date(MORNING).getTime() - 60_000))).toBe('held');
    expect(held).toEqual([new Date(MORNING)]);
    expect((await messageRow(id)).errorCode).toBe('held_quiet_hours');
    expect(smsc.received.length).toBe(before);

    expect(await runSendJob(id, MORNING)).toBe('sent');
    const sent = await messageRow(id);
    expect(sent.status).toBe('sent');
    expect(sent.errorCode).toBeNull();
    expect(smsc.received.length).toBe(before + 1);
    expect(smsc.received.at(-1)?.text).toBe('Hoi, ik zag je advertentie. Hoe gaat het met je?');
    // Sent, it is no longer waiting: the inbox stops saying so.
    const after = await worker('GET', '/api/inbox?kind=outreach');
    expect(
      (after.json.items as { id: string; scheduledFor: string | null }[]).find(
        (i) => i.id === conversationId,
      )?.scheduledFor,
    ).toBeNull();
  });

  it('is cancelled when the person opts out meanwhile, and says so', async () => {
    const p = await freshPhone(false);
    const before = smsc.received.length;
    const { id } = await scheduleAtNight(p);
    const conv = await worker('GET', `/api/conversations/${(await messageRow(id)).conversationId}`);
    const from = await revealOf((conv.json.contact as { id: string }).id);
    await handleInbound(
      t.database.db,
      t.config,
      { id: smppId, kind: 'smpp' },
      { from, to: SENDER, body: 'STOP', at: new Date(NIGHT) },
      { clock: fixedClock(NIGHT) },
    );
    const cancelled = await messageRow(id);
    expect(cancelled).toMatchObject({ status: 'failed', errorCode: 'cancelled' });
    expect(cancelled.errorMessage).toMatch(/opted out/);
    expect(await runSendJob(id, MORNING)).toBe('not_queued');
    // Only the one confirmation of the opt-out went; the scheduled message did not.
    expect(smsc.received.slice(before).every((r) => !/advertentie/.test(r.text))).toBe(true);
  });

  it('is refused at its time when do-not-contact was set or its template retired meanwhile', async () => {
    const dnc = await freshPhone(false);
    const a = await scheduleAtNight(dnc);
    const convA = await worker('GET', `/api/conversations/${a.conversationId}`);
    await setDoNotContact(
      t.database.db,
      admin,
      (convA.json.contact as { id: string }).id,
      'asked by phone',
      clock.now(),
    );
    expect(await runSendJob(a.id, MORNING)).toBe('do_not_contact');
    expect((await messageRow(a.id)).status).toBe('failed');

    const retired = await approvedTemplate(['Hallo, hoe is je week tot nu toe?']);
    const p = await freshPhone(false);
    clock.set(NIGHT);
    let id: string;
    try {
      const res = await compose(worker, p, retired, { schedule: true });
      expect(res.res.statusCode).toBe(200);
      id = (res.json.message as { id: string }).id;
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
    const r = await supervisor('POST', `/api/outreach/templates/${retired}/retire`, {});
    expect(r.res.statusCode, r.res.body).toBe(200);
    expect(await runSendJob(id, MORNING)).toBe('refused');
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'failed', errorCode: 'refused_template_not_approved' });
    expect(row.errorMessage).toMatch(/Not sent at its time: Only approved templates/);
  });

  it('is cancelled by its author or a supervisor (audited), by nobody else', async () => {
    const first = await scheduleAtNight({ address: '+31612345301' });
    const byColleague = await colleague('POST', `/api/outreach/messages/${first.id}/cancel`, {});
    expect(byColleague.res.statusCode).toBe(403);
    expect((await messageRow(first.id)).status).toBe('queued');
    const byAuthor = await worker('POST', `/api/outreach/messages/${first.id}/cancel`, {});
    expect(byAuthor.res.statusCode, byAuthor.res.body).toBe(200);
    expect(byAuthor.json).toMatchObject({
      status: 'failed',
      errorCode: 'cancelled',
      errorMessage: 'Cancelled by its author.',
    });
    const again = await worker('POST', `/api/outreach/messages/${first.id}/cancel`, {});
    expect(again.res.statusCode).toBe(409);
    expect(await runSendJob(first.id, MORNING)).toBe('not_queued');

    const second = await scheduleAtNight({ address: '+31612345302' });
    const bySupervisor = await supervisor('POST', `/api/outreach/messages/${second.id}/cancel`, {});
    expect(bySupervisor.res.statusCode).toBe(200);
    expect(bySupervisor.json.errorMessage).toBe('Cancelled by a supervisor.');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'outreach.scheduled_cancelled'));
    expect(audits.map((a) => (a.details as { messageId: string }).messageId)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    // A message that goes now has nothing to cancel.
    const now = await compose(worker, { address: '+31612345303' }, unnamed);
    expect(now.res.statusCode).toBe(200);
    const late = await worker(
      'POST',
      `/api/outreach/messages/${(now.json.message as { id: string }).id}/cancel`,
      {},
    );
    expect(late.res.statusCode).toBe(409);
  });
});

describe('a number shared by several names', () => {
  it('refuses a template with a name until a supervisor allows it, audited', async () => {
    const p = await freshPhone(true);
    const state = await check(worker, p, named);
    expect(state).toMatchObject({
      allowed: false,
      rule: 'shared_number_name',
      templateNames: true,
      namesAllowed: false,
    });
    expect(state.sharedByNames).toBeGreaterThan(1);
    // Not only the dialog: the API refuses it too.
    const refused = await compose(worker, p, named);
    expect(refused.res.statusCode).toBe(409);
    expect((refused.json.error as { rule: string }).rule).toBe('shared_number_name');
    // A template without a name is fine.
    expect(await check(worker, p, unnamed)).toMatchObject({ allowed: true, templateNames: false });

    const body = { entityId: p.entityId, identifierId: p.identifierId, reason: 'she asked us to' };
    const byWorker = await worker('POST', '/api/outreach/shared-number-names', body);
    expect(byWorker.res.statusCode).toBe(403);
    const short = await supervisor('POST', '/api/outreach/shared-number-names', {
      ...body,
      reason: '',
    });
    expect(short.res.statusCode).toBe(400);
    const allowed = await supervisor('POST', '/api/outreach/shared-number-names', body);
    expect(allowed.res.statusCode, allowed.res.body).toBe(204);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'outreach.shared_number_names_allowed'),
          eq(auditLog.targetId, p.entityId),
        ),
      );
    expect(audits).toHaveLength(1);
    expect(await check(worker, p, named)).toMatchObject({ allowed: true, namesAllowed: true });
    const sent = await compose(worker, p, named);
    expect(sent.res.statusCode, sent.res.body).toBe(200);
  });
});

/** The number of a contact in the clear, as the SMSC would see it write back. */
async function revealOf(contactId: string): Promise<string> {
  const [c] = await t.database.db.select().from(contacts).where(eq(contacts.id, contactId));
  return contactAddress(t.config, c!);
}
