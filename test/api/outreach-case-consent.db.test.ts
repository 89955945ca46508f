// A person's word in their case about being contacted again, enforced by outreach (issue 12): once
// the case linked to their thread or entity records that they withdrew that consent, said no when
// asked, or that it ran out, every send to them is refused with its own rule and translated text —
// in the dialog's check, on Send, in a new thread to another number of the same person, for a
// message already queued, and for a scheduled message at its time. A case that never asked bars
// nothing, and a consent given again opens it again. The clock is the test's; sends go to a real
// SMSC on loopback, and the test runs the send job's work itself.
//
// A message waiting to be sent by hand (manual channel) that may no longer go: refused for the
// person's word in a case, it stays as it was (nothing of the refused step is kept, so a consent
// given again lets it go); refused because the person is on the do-not-contact list, it is
// withdrawn for good — that cancellation is kept, not rolled back with the refusal.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmsc, type TestSmsc } from '../../fixtures/smsc/index.js';
import { caseContactConsent } from '../../src/app/contact-consent.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import {
  createChannelRegistry,
  type ChannelRegistry,
} from '../../src/outreach/channels/channel-registry.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { setDoNotContact } from '../../src/outreach/inbox/contacts.js';
import { contacts, conversations, messages } from '../../src/outreach/schema.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import {
  outreachJobs,
  sendQueuedMessage,
  sessionChannelEvents,
} from '../../src/outreach/sending/jobs.js';
import { handleInbound } from '../../src/outreach/sending/service.js';
import { outreachSettings } from '../../src/outreach/sending/settings.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { ok, signInAs, type ApiCall } from '../helpers/api-client.js';
import { NOON_AMSTERDAM, noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
let t: TestDatabase;
let smsc: TestSmsc;
let jobs: Jobs;
let registry: ChannelRegistry;
let app: FastifyInstance;
let dir: string;
let smppId: string;
let worker: ApiCall;
let supervisor: ApiCall;
let template: string;
const clock = noonClock();
const SENDER = '+31970102031';
/** 23:30 in Amsterdam: quiet hours, so a message can be scheduled for the morning. */
const NIGHT = '2030-06-04T21:30:00Z';
const MORNING = '2030-06-05T07:00:00Z';
const admin = { userId: null, label: 'test admin', role: 'admin' as const };

beforeAll(async () => {
  t = await openTestDatabase();
  smsc = await startTestSmsc({ receiptDelayMs: 50, clock });
  const db = t.database.db;
  registry = createChannelRegistry({
    config: t.config,
    log,
    clock,
    events: sessionChannelEvents({ db, config: t.config, log, jobs: () => jobs, clock }),
  });
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
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-case-consent-'));
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
  supervisor = await signInAs(app, db, 'supervisor');
  const draft = await ok(
    worker('POST', '/api/outreach/templates', {
      name: 'hello case consent',
      language: 'nl',
      variants: ['Hoi, ik zag je advertentie. Hoe gaat het met je?'],
    }),
  );
  await ok(supervisor('POST', `/api/outreach/templates/${draft.id as string}/approve`, {}));
  template = draft.id as string;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await registry?.closeAll();
  await jobs?.stop();
  await smsc?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function messageRow(id: string) {
  const [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

function runSendJob(messageId: string, at: string | Date) {
  return sendQueuedMessage(t.database.db, t.config, registry, messageId, {
    clock: fixedClock(at),
    settings: outreachSettings(t.config),
    contactConsent: caseContactConsent,
    hold: async () => {},
    retryCount: 0,
  });
}

/**
 * A person written to (first message sent), who answered, with a case opened from the thread:
 * the state in which a worker records what the person said about being contacted again.
 */
async function personWithCase(address: string, entityId: string = randomUUID()) {
  clock.set(NOON_AMSTERDAM);
  const first = await ok(
    worker('POST', '/api/outreach/messages', {
      entityId,
      contact: { kind: 'phone', address },
      channelId: smppId,
      templateId: template,
      idempotencyKey: randomUUID(),
    }),
  );
  const messageId = (first.message as { id: string }).id;
  expect(await runSendJob(messageId, clock.now())).toBe('sent');
  const conversationId = first.conversationId as string;
  clock.set(new Date(clock.now().getTime() + 60_000));
  await handleInbound(
    t.database.db,
    t.config,
    { id: smppId, kind: 'smpp' },
    { from: address, to: SENDER, body: 'Hoi, met mij gaat het niet zo goed.', at: clock.now() },
    { clock },
  );
  const c = await ok(worker('POST', '/api/cases', { conversationId }));
  return { caseId: c.id as string, conversationId, entityId };
}

function recordContactAgain(caseId: string, extra: Record<string, unknown> = {}) {
  return ok(
    worker('POST', `/api/cases/${caseId}/consents`, {
      scope: 'contact_again',
      givenAt: clock.now().toISOString(),
      source: 'call_note',
      note: 'Asked on the phone whether we may write to her again.',
      ...extra,
    }),
  );
}

function reply(conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  return worker('POST', '/api/outreach/messages', {
    conversationId,
    channelId: smppId,
    text,
    idempotencyKey: randomUUID(),
    ...extra,
  });
}

async function checkReply(conversationId: string) {
  const res = await worker('POST', '/api/outreach/compose-check', {
    conversationId,
    channelId: smppId,
    text: 'Hoe gaat het nu?',
  });
  expect(res.res.statusCode, res.res.body).toBe(200);
  return res.json;
}

describe('consent to be contacted again, withdrawn', () => {
  it('refuses at once: the check, Send, a new thread, a queued and a scheduled message', async () => {
    const { caseId, conversationId, entityId } = await personWithCase('+31612340001');
    const consent = await recordContactAgain(caseId);
    expect(await checkReply(conversationId)).toMatchObject({ allowed: true });

    // Written while the person still agreed: one queued for the send job, one for the morning.
    const queued = await ok(reply(conversationId, 'Zal ik je morgen bellen?'));
    const queuedId = (queued.message as { id: string }).id;
    clock.set(NIGHT);
    const scheduled = await ok(
      reply(conversationId, 'Goedemorgen, hoe gaat het?', { schedule: true }),
    );
    const scheduledId = (scheduled.message as { id: string }).id;
    expect(scheduled.message).toMatchObject({
      status: 'queued',
      scheduledFor: MORNING.replace('Z', '.000Z'),
    });

    // She calls: do not write to me any more.
    clock.set(new Date(new Date(NIGHT).getTime() + 60_000));
    await ok(
      worker('POST', `/api/cases/${caseId}/consents/${consent.id as string}/withdraw`, {
        source: 'call_note',
        note: 'She called: no more messages, please.',
      }),
    );
    const sentBefore = smsc.received.length;

    clock.set(NOON_AMSTERDAM.replace('2030-06-04', '2030-06-05'));
    const state = await checkReply(conversationId);
    expect(state).toMatchObject({
      allowed: false,
      rule: 'no_contact_consent',
      text: { key: 'no_contact_consent_withdrawn' },
      schedulable: false,
    });
    const refused = await reply(conversationId, 'Hoe gaat het nu?');
    expect(refused.res.statusCode).toBe(409);
    expect(refused.json.error).toMatchObject({
      rule: 'no_contact_consent',
      text: { key: 'no_contact_consent_withdrawn' },
      notBefore: null,
    });
    // Not even a supervisor, and not through another number of the same person (the entity).
    const other = await supervisor('POST', '/api/outreach/messages', {
      entityId,
      contact: { kind: 'phone', address: '+31612340002' },
      channelId: smppId,
      templateId: template,
      idempotencyKey: randomUUID(),
      override: { reason: 'a second number of hers' },
    });
    expect(other.res.statusCode).toBe(409);
    expect((other.json.error as { rule: string }).rule).toBe('no_contact_consent');
    // A new thread to the same number is the same person.
    const again = await worker('POST', '/api/outreach/messages', {
      contact: { kind: 'phone', address: '+31612340001' },
      channelId: smppId,
      templateId: template,
      idempotencyKey: randomUUID(),
    });
    expect(again.res.statusCode).toBe(409);
    expect((again.json.error as { rule: string }).rule).toBe('no_contact_consent');

    // What was waiting does not go: the queued message now, the scheduled one at its time.
    expect(await runSendJob(queuedId, clock.now())).toBe('refused');
    expect(await messageRow(queuedId)).toMatchObject({
      status: 'failed',
      errorCode: 'refused_no_contact_consent',
    });
    expect(await runSendJob(scheduledId, MORNING)).toBe('refused');
    const late = await messageRow(scheduledId);
    expect(late).toMatchObject({ status: 'failed', errorCode: 'refused_no_contact_consent' });
    expect(late.errorMessage).toMatch(/withdrew their consent to be contacted again/);
    expect(smsc.received.length).toBe(sentBefore);

    // She gives it again: writing is possible again.
    await recordContactAgain(caseId, {
      source: 'call_note',
      note: 'She called back: write again.',
    });
    expect(await checkReply(conversationId)).toMatchObject({ allowed: true });
  });
});

describe('consent to be contacted again, not given', () => {
  it('bars nothing while never asked; a no when asked refuses, and a no is not withdrawn', async () => {
    const { caseId, conversationId } = await personWithCase('+31612340011');
    expect(await checkReply(conversationId)).toMatchObject({ allowed: true });
    const no = await recordContactAgain(caseId, { declined: true });
    expect(no).toMatchObject({ state: 'declined' });
    expect(await checkReply(conversationId)).toMatchObject({
      allowed: false,
      rule: 'no_contact_consent',
      text: { key: 'no_contact_consent_declined' },
    });
    const withdraw = await worker(
      'POST',
      `/api/cases/${caseId}/consents/${no.id as string}/withdraw`,
      { source: 'call_note', note: 'Trying to undo a no.' },
    );
    expect(withdraw.res.statusCode).toBe(409);
    // A no to sharing is no consent: it is refused, not stored.
    const shareNo = await worker('POST', `/api/cases/${caseId}/consents`, {
      scope: 'share_with_org',
      organisationId: randomUUID(),
      fields: ['alias'],
      givenAt: clock.now().toISOString(),
      declined: true,
      source: 'call_note',
      note: 'No to sharing.',
    });
    expect(shareNo.res.statusCode).toBe(400);
  });

  it('refuses from the moment a consent to be contacted again expires', async () => {
    const { caseId, conversationId } = await personWithCase('+31612340021');
    const until = new Date(clock.now().getTime() + 3_600_000);
    await recordContactAgain(caseId, { expiresAt: until.toISOString() });
    clock.set(new Date(until.getTime() - 1000));
    expect(await checkReply(conversationId)).toMatchObject({ allowed: true });
    clock.set(until);
    expect(await checkReply(conversationId)).toMatchObject({
      allowed: false,
      rule: 'no_contact_consent',
      text: { key: 'no_contact_consent_expired' },
    });
  });
});

describe('a message sent by hand, refused', () => {
  let manualId: string;

  /** A person written to by hand, with a case from the thread and one more message waiting. */
  async function waitingByHand(handle: string) {
    clock.set(NOON_AMSTERDAM);
    manualId ??= (
      await saveChannel(t.database.db, t.config, admin, {
        name: 'By hand',
        kind: 'manual',
        sender: 'site chat',
      })
    ).id;
    const first = await ok(
      worker('POST', '/api/outreach/messages', {
        entityId: randomUUID(),
        contact: { kind: 'handle', address: handle },
        channelId: manualId,
        templateId: template,
        idempotencyKey: randomUUID(),
      }),
    );
    const conversationId = first.conversationId as string;
    await ok(
      worker(
        'POST',
        `/api/outreach/messages/${(first.message as { id: string }).id}/sent-by-hand`,
        {},
      ),
    );
    clock.set(new Date(clock.now().getTime() + 60_000));
    await ok(
      worker('POST', `/api/conversations/${conversationId}/replies-by-hand`, {
        text: 'Hoi, met mij gaat het niet zo goed.',
      }),
    );
    const c = await ok(worker('POST', '/api/cases', { conversationId }));
    const next = await ok(
      worker('POST', '/api/outreach/messages', {
        conversationId,
        channelId: manualId,
        text: 'Zal ik je morgen bellen?',
        idempotencyKey: randomUUID(),
      }),
    );
    const messageId = (next.message as { id: string }).id;
    expect((await messageRow(messageId)).status).toBe('to_send');
    return { caseId: c.id as string, conversationId, messageId };
  }

  const sentByHandAudits = async (messageId: string) =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'outreach.sent_by_hand'))
    ).filter((a) => (a.details as { messageId?: string }).messageId === messageId);

  it("for the person's word in a case: nothing of the refused step is kept; consent given again lets it go", async () => {
    const { caseId, conversationId, messageId } = await waitingByHand('hand_consent_1');
    const consent = await recordContactAgain(caseId);
    await ok(
      worker('POST', `/api/cases/${caseId}/consents/${consent.id as string}/withdraw`, {
        source: 'call_note',
        note: 'She called: no more messages, please.',
      }),
    );
    const [threadBefore] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    const before = await messageRow(messageId);

    const refused = await worker('POST', `/api/outreach/messages/${messageId}/sent-by-hand`, {});
    expect(refused.res.statusCode).toBe(409);
    expect(refused.json.error).toMatchObject({ text: { key: 'outreach.noContactConsent' } });
    // As it was: still waiting, not sent, not cancelled; the thread unchanged; nothing audited.
    expect(await messageRow(messageId)).toEqual(before);
    const [threadAfter] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(threadAfter).toEqual(threadBefore);
    expect(await sentByHandAudits(messageId)).toEqual([]);

    // She gives it again, later: the waiting message may go after all.
    clock.set(new Date(clock.now().getTime() + 60_000));
    await recordContactAgain(caseId, { note: 'She called back: write again.' });
    const sent = await worker('POST', `/api/outreach/messages/${messageId}/sent-by-hand`, {});
    expect(sent.res.statusCode, sent.res.body).toBe(200);
    expect(sent.json.status).toBe('sent');
    expect(await sentByHandAudits(messageId)).toHaveLength(1);
  });

  it('for the do-not-contact list: the message is withdrawn for good, and the refusal says so again', async () => {
    const { conversationId, messageId } = await waitingByHand('hand_dnc_1');
    const [thread] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    // Marked do-not-contact by a step that left the message waiting (setDoNotContact alone; the
    // inbox's mark cancels what waits in the same transaction).
    await setDoNotContact(
      t.database.db,
      admin,
      thread!.contactId!,
      'asked on another line',
      clock.now(),
    );

    const refused = await worker('POST', `/api/outreach/messages/${messageId}/sent-by-hand`, {});
    expect(refused.res.statusCode).toBe(409);
    expect(refused.json.error).toMatchObject({ text: { key: 'outreach.doNotSend' } });
    // The refusal's cancellation is kept: the message no longer waits to be sent by hand.
    expect(await messageRow(messageId)).toMatchObject({
      status: 'failed',
      errorCode: 'cancelled',
      errorMessage: 'The person is on the do-not-contact list.',
    });
    const again = await worker('POST', `/api/outreach/messages/${messageId}/sent-by-hand`, {});
    expect(again.res.statusCode).toBe(409);
    expect(again.json.error).toMatchObject({ text: { key: 'outreach.withdrawn' } });
    expect(await sentByHandAudits(messageId)).toEqual([]);
    const [contact] = await t.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, thread!.contactId!), eq(contacts.doNotContact, true)));
    expect(contact).toBeDefined();
  });
});
