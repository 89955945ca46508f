// Outreach end to end on both databases, with a real SMSC on loopback (fixtures/smsc/):
// a message composed from an approved template goes out through the real send job over SMPP and is
// delivered; the reply lands in the same conversation; STOP ends contact at once and is confirmed
// exactly once; the contact rules refuse what they must; a retried send never sends twice. The
// rules, the jobs, the SMSC and the server share a clock the test sets (noon in Amsterdam), so the
// suite passes at any hour and the quiet-hours test is at night by that clock.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createChannelRegistry,
  type ChannelRegistry,
} from '../../src/outreach/channels/channel-registry.js';
import { channelForSending, saveChannel } from '../../src/outreach/channels/channel-store.js';
import { contactById, setDoNotContact } from '../../src/outreach/inbox/contacts.js';
import {
  encryptBody,
  openConversation,
  unreadCount,
} from '../../src/outreach/inbox/conversations.js';
import {
  outreachJobs,
  queueSend,
  sendMessageJobRef,
  sendQueuedMessage,
  sessionChannelEvents,
} from '../../src/outreach/sending/jobs.js';
import { conversations, messages } from '../../src/outreach/schema.js';
import { entities } from '../../src/link/schema.js';
import { leadEvents, leads } from '../../src/score/schema.js';
import { optOutConfirmation } from '../../src/outreach/domain/index.js';
import {
  composeMessage,
  SendRefused,
  type ComposeInput,
} from '../../src/outreach/sending/service.js';
import { outreachSettings } from '../../src/outreach/sending/settings.js';
import {
  changeTemplateStatus,
  createTemplate,
} from '../../src/outreach/templates/templates-store.js';
import type { Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { fixedClock, type Clock } from '../../src/platform/clock.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { startCmFixture } from '../fixtures/gateways/cm.js';
import { startWhatsAppFixture } from '../fixtures/gateways/whatsapp.js';
import { startTestSmsc, type TestSmsc } from '../../fixtures/smsc/index.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { NOON_AMSTERDAM, noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { caseContactConsent } from '../../src/app/contact-consent.js';

const log = pino({ level: 'silent' });
let t: TestDatabase;
let smsc: TestSmsc;
let jobs: Jobs;
let registry: ChannelRegistry;
let smppId: string;
let cmId: string;
let templateId: string;
let app: FastifyInstance;
let dir: string;

const actor = (role: Actor['role']): Actor => ({
  userId: randomUUID(),
  label: `${role}@example.org`,
  role,
});
const worker = actor('outreach_worker');
const supervisor = actor('supervisor');
const admin = actor('admin');

const clock = noonClock();
const HOUR = 3_600_000;
const hoursLater = (h: number) => new Date(clock.now().getTime() + h * HOUR);

/** Composes under the installation's rules (the defaults here), now or at another time. */
async function compose(a: Actor, input: Omit<ComposeInput, 'idempotencyKey'>, at?: Date) {
  return composeMessage(
    t.database.db,
    t.config,
    a,
    { idempotencyKey: randomUUID(), ...input },
    { clock: at ? fixedClock(at) : clock, contactConsent: caseContactConsent },
  );
}

/** Runs the send job's work for one message, here and now; holds are recorded in `held`. */
const held: { messageId: string; until: Date }[] = [];
function sendNow(messageId: string, opts: { clock?: Clock; retryCount?: number } = {}) {
  return sendQueuedMessage(t.database.db, t.config, registry, messageId, {
    clock,
    settings: outreachSettings(t.config),
    contactConsent: caseContactConsent,
    hold: async (until) => {
      held.push({ messageId, until });
    },
    ...opts,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SendRefused) return err.rule;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function messageRow(id: string) {
  const [row] = await t.database.db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const until = Date.now() + 30_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const waitStatus = (id: string, status: string) =>
  waitFor(`message ${status}`, async () => {
    const m = await messageRow(id);
    return m.status === status ? m : null;
  });

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
  const defs = outreachJobs({
    db,
    config: t.config,
    log,
    jobs: () => jobs,
    clock,
    registry,
    contactConsent: caseContactConsent,
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 2);
  smppId = (
    await saveChannel(db, t.config, admin, {
      name: 'SMSC',
      kind: 'smpp',
      sender: '+31970102030',
      settings: {
        host: smsc.host,
        port: smsc.port,
        systemId: 'ariadne',
        password: 'secret',
        sourceAddr: '+31970102030',
        reconnectInitialMs: 50,
        reconnectMaxMs: 200,
        bindTimeoutMs: 5_000,
        submitTimeoutMs: 5_000,
      },
    })
  ).id;
  cmId = (
    await saveChannel(db, t.config, admin, {
      name: 'CM',
      kind: 'cm',
      sender: '+31970102031',
      settings: {
        productToken: '00000000-0000-4000-8000-000000000001',
        sender: '+31970102031',
        webhookToken: 't'.repeat(32),
      },
    })
  ).id;
  const draft = await createTemplate(db, worker, {
    name: 'first hello',
    language: 'nl',
    variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?'],
  });
  templateId = (
    await changeTemplateStatus(db, supervisor, draft.id, { action: 'approve' }, {}, clock.now())
  ).id;
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-outreach-api-'));
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
    clock,
  });
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await registry?.closeAll();
  await jobs?.stop();
  await smsc?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('templates', () => {
  it('are approved by a supervisor other than the author, with safety hits confirmed', async () => {
    const db = t.database.db;
    const draft = await createTemplate(db, worker, {
      name: 'risky',
      language: 'en',
      variants: ['Hi {displayName}, we help victims of trafficking.'],
    });
    expect(draft.safetyHits.length).toBeGreaterThan(0);
    expect(draft.variants[0]?.encoding).toBe('GSM-7');
    await expect(
      changeTemplateStatus(db, worker, draft.id, { action: 'approve' }, {}, clock.now()),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeTemplateStatus(db, supervisor, draft.id, { action: 'approve' }, {}, clock.now()),
    ).rejects.toMatchObject({ code: 'conflict' });
    const ok = await changeTemplateStatus(
      db,
      supervisor,
      draft.id,
      { action: 'approve', confirmSafety: true },
      {},
      clock.now(),
    );
    expect(ok.status).toBe('approved');
    expect(ok.safetyConfirmedBy).toBe(supervisor.userId);
    const retired = await changeTemplateStatus(
      db,
      supervisor,
      draft.id,
      { action: 'retire' },
      {},
      clock.now(),
    );
    expect(retired.status).toBe('retired');
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'outreach.template_create',
        'outreach.template_approve',
        'outreach.template_retire',
      ]),
    );
  });

  it('refuses a draft with an unknown placeholder', async () => {
    await expect(
      createTemplate(t.database.db, worker, {
        name: 'bad',
        language: 'en',
        variants: ['Hi {name}!'],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('a thread over SMPP', () => {
  const A = '+31612345001';
  let conversationId: string;
  let firstId: string;

  it('composes from an approved template, sends through the real job and is delivered', async () => {
    const before = smsc.received.length;
    const { message, conversation } = await compose(worker, {
      contact: { kind: 'phone', address: A },
      channelId: smppId,
      templateId,
      values: { displayName: 'Anna' },
      entityId: randomUUID(),
    });
    conversationId = conversation.id;
    firstId = message.id;
    expect(message.status).toBe('queued');
    await queueSend(jobs, message.id);
    const sent = await waitFor('delivered', async () => {
      const m = await messageRow(message.id);
      return m.status === 'delivered' ? m : null;
    });
    expect(sent.providerId).toBeTruthy();
    expect(smsc.received.length).toBe(before + 1);
    expect(smsc.messages().at(-1)?.text).toBe(
      'Hoi Anna, ik zag je advertentie. Hoe gaat het met je?',
    );
  });

  it('a retried send job never sends twice', async () => {
    const count = smsc.received.length;
    expect(await sendNow(firstId)).toBe('not_queued');
    const sendJobs = () => jobs.boss.findJobs(sendMessageJobRef.name, { key: firstId });
    const jobsBefore = (await sendJobs()).length;
    await queueSend(jobs, firstId);
    // A message left 'sending' by a crash: a retry reports the outcome unknown, sends nothing.
    const { message } = await compose(
      worker,
      { conversationId, channelId: smppId, templateId, values: {} },
      hoursLater(49),
    );
    await t.database.db
      .update(messages)
      .set({ status: 'sending' })
      .where(eq(messages.id, message.id));
    expect(await sendNow(message.id)).toBe('outcome_unknown');
    const m = await messageRow(message.id);
    expect(m.status).toBe('failed');
    expect(m.errorMessage).toMatch(/outcome unknown/);
    // The queued job for the sent message has run to its end, and sent nothing.
    await waitFor('the send job to complete', async () => {
      const found = await sendJobs();
      return found.length === jobsBefore + 1 && found.every((j) => j.state === 'completed');
    });
    expect(smsc.received.length).toBe(count);
  });

  it('a second job for a message that another job is sending leaves it alone', async () => {
    const count = smsc.received.length;
    const { message } = await compose(
      worker,
      { conversationId, channelId: smppId, templateId, values: {} },
      hoursLater(49),
    );
    // The first job has claimed it and is talking to the SMSC; a repeated request queued another.
    await t.database.db
      .update(messages)
      .set({ status: 'sending' })
      .where(eq(messages.id, message.id));
    expect(await sendNow(message.id, { retryCount: 0 })).toBe('not_queued');
    expect((await messageRow(message.id)).status).toBe('sending');
    // A retry of a job (its worker was lost mid-send) reports the outcome unknown instead.
    expect(await sendNow(message.id, { retryCount: 1 })).toBe('outcome_unknown');
    expect((await messageRow(message.id)).status).toBe('failed');
    expect(smsc.received.length).toBe(count);
  });

  it('a reply lands in the same conversation, counted unread; opening it is audited', async () => {
    await smsc.sendInbound({ from: A, to: '31970102030', text: 'Wie is dit?' });
    const conv = await waitFor('reply', async () => {
      const [c] = await t.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      return c && c.unread > 0 ? c : null;
    });
    expect(conv.unread).toBe(1);
    expect(conv.unanswered).toBe(0);
    expect(await unreadCount(t.database.db, worker.userId!)).toBeGreaterThanOrEqual(1);
    const opened = await openConversation(t.database.db, t.config, worker, conversationId);
    expect(opened.messages.map((m) => m.body)).toContain('Wie is dit?');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, conversationId), eq(auditLog.action, 'conversation.open')));
    expect(audits.length).toBe(1);
    // A view kept open refreshes: one entry per user and conversation per window, not per refresh;
    // someone else reading it is recorded.
    await openConversation(t.database.db, t.config, worker, conversationId);
    await openConversation(t.database.db, t.config, supervisor, conversationId);
    const after = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, conversationId), eq(auditLog.action, 'conversation.open')));
    expect(after.map((a) => a.actorUserId).sort()).toEqual(
      [worker.userId, supervisor.userId].sort(),
    );
  });

  it('STOP ends contact: do-not-contact, queued messages cancelled, one confirmation', async () => {
    // Free text is allowed now that the person wrote; this one stays queued.
    const pending = await compose(worker, {
      conversationId,
      channelId: smppId,
      text: 'Fijn dat je schrijft. Gaat het goed?',
    });
    const before = smsc.received.length;
    await smsc.sendInbound({ from: A, to: '31970102030', text: 'STOP' });
    await waitStatus(pending.message.id, 'failed');
    expect((await messageRow(pending.message.id)).errorCode).toBe('cancelled');
    const confirmation = await waitFor('confirmation', async () => {
      const [m] = await t.database.db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            eq(messages.purpose, 'opt_out_confirmation'),
          ),
        );
      return m && m.status !== 'queued' && m.status !== 'sending' ? m : null;
    });
    expect(['sent', 'delivered']).toContain(confirmation.status);
    expect(smsc.received.length).toBe(before + 1);
    // The thread closed by itself, saying why.
    const thread = async () =>
      (
        await t.database.db.select().from(conversations).where(eq(conversations.id, conversationId))
      )[0];
    expect(await thread()).toMatchObject({ status: 'closed', closedReason: 'opt_out' });
    // A second STOP: nothing more goes out. Its handling stores it and would queue a confirmation
    // in one transaction, so once it is stored, nothing is queued and nothing more was sent.
    const inbound = async () => {
      const [row] = await t.database.db
        .select({ n: count() })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')));
      return row!.n;
    };
    const inboundBefore = await inbound();
    await smsc.sendInbound({ from: A, to: '31970102030', text: 'stop' });
    await waitFor('the second STOP', async () => (await inbound()) === inboundBefore + 1);
    const waiting = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.status, 'queued')));
    expect(waiting).toEqual([]);
    expect(smsc.received.length).toBe(before + 1);
    const confirmations = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.purpose, 'opt_out_confirmation'));
    expect(confirmations.length).toBe(1);
    // It landed in the same thread, which stays closed for the same reason.
    expect(await thread()).toMatchObject({ status: 'closed', closedReason: 'opt_out' });
  });

  it('refuses any later message to that person, on any channel', async () => {
    expect(
      await refusal(compose(worker, { conversationId, channelId: smppId, text: 'Nog één vraag' })),
    ).toBe('do_not_contact');
    expect(
      await refusal(
        compose(supervisor, {
          contact: { kind: 'phone', address: A },
          channelId: cmId,
          templateId,
          values: {},
        }),
      ),
    ).toBe('do_not_contact');
    // Nor on another number of the same person without a supervisor: their closed thread counts.
    const [stopped] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(stopped).toMatchObject({ status: 'closed', closedReason: 'opt_out' });
    expect(
      await refusal(
        compose(worker, {
          contact: { kind: 'phone', address: '+31612345026' },
          channelId: smppId,
          templateId,
          values: {},
          entityId: stopped!.entityId!,
        }),
      ),
    ).toBe('one_thread_per_entity');
  });

  it('a person who opted out and writes again reopens their thread, still not to be contacted', async () => {
    const inbound = async () =>
      (
        await t.database.db
          .select({ n: count() })
          .from(messages)
          .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')))
      )[0]!.n;
    const before = await inbound();
    await smsc.sendInbound({ from: A, to: '31970102030', text: 'Kunnen jullie toch helpen?' });
    await waitFor('the message in the same thread', async () => (await inbound()) === before + 1);
    const [thread] = await t.database.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    expect(thread).toMatchObject({ status: 'open', closedReason: null, closedAt: null });
    expect(thread!.unread).toBeGreaterThan(0);
    const contact = await contactById(t.database.db, thread!.contactId!);
    expect(contact.doNotContact).toBe(true);
  });

  it('an unknown number writing in opens a new conversation', async () => {
    await smsc.sendInbound({ from: '+31612345099', to: '31970102030', text: 'Hallo?' });
    const conv = await waitFor('new conversation', async () => {
      const rows = await t.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.kind, 'inbound'));
      return rows[0];
    });
    expect(conv.unread).toBe(1);
    expect(conv.channelId).toBe(smppId);
  });
});

describe('the send job', () => {
  it('retries a throttled send with backoff and sends it once', async () => {
    const before = smsc.received.length;
    const { message } = await compose(worker, {
      contact: { kind: 'phone', address: '+31612345010' },
      channelId: smppId,
      templateId,
      values: {},
    });
    smsc.throttleNext(1);
    await queueSend(jobs, message.id);
    const sent = await waitFor('sent after a retry', async () => {
      const m = await messageRow(message.id);
      return m.status === 'sent' || m.status === 'delivered' || m.status === 'failed' ? m : null;
    });
    expect(sent.status).not.toBe('failed');
    expect(smsc.stats.throttled).toBeGreaterThanOrEqual(1);
    expect(smsc.received.length).toBe(before + 1);
  }, 60_000);

  it('never sends to a person marked do-not-contact after the message was queued', async () => {
    const before = smsc.received.length;
    const { message, conversation } = await compose(worker, {
      contact: { kind: 'phone', address: '+31612345011' },
      channelId: smppId,
      templateId,
      values: {},
    });
    await setDoNotContact(
      t.database.db,
      worker,
      conversation.contactId!,
      'asked by phone',
      clock.now(),
    );
    expect(await sendNow(message.id)).toBe('do_not_contact');
    expect((await messageRow(message.id)).status).toBe('failed');
    expect(smsc.received.length).toBe(before);
  });

  it('holds a message whose send falls in quiet hours until they end, then sends it', async () => {
    const before = smsc.received.length;
    // Written at noon, allowed then; the send job runs late, at 23:30 in Amsterdam.
    const { message } = await compose(worker, {
      contact: { kind: 'phone', address: '+31612345021' },
      channelId: smppId,
      templateId,
      values: {},
    });
    const night = new Date('2030-06-04T21:30:00Z');
    const morning = new Date('2030-06-05T07:00:00Z'); // 09:00 CEST, the end of quiet hours
    clock.set(night);
    try {
      await queueSend(jobs, message.id);
      // The real job holds it: a new job for the morning, the message still queued with the reason.
      const again = await waitFor('the held send to be queued for the morning', async () => {
        const found = await jobs.boss.findJobs(sendMessageJobRef.name, { key: message.id });
        return found.find((j) => j.state === 'created' && j.startAfter > night) ?? null;
      });
      expect(new Date(again.startAfter).toISOString()).toBe(morning.toISOString());
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
    const waiting = await messageRow(message.id);
    expect(waiting.status).toBe('queued');
    expect(waiting.errorCode).toBe('held_quiet_hours');
    expect(waiting.errorMessage).toMatch(/quiet hours \(21:00–09:00\).*Europe\/Amsterdam/);
    expect(smsc.received.length).toBe(before);

    // At 08:59 it is still held; at 09:00 it goes.
    held.length = 0;
    expect(
      await sendNow(message.id, { clock: fixedClock(new Date(morning.getTime() - 60_000)) }),
    ).toBe('held');
    expect(held).toEqual([{ messageId: message.id, until: morning }]);
    expect(await sendNow(message.id, { clock: fixedClock(morning) })).toBe('sent');
    const sent = await messageRow(message.id);
    expect(sent.errorCode).toBeNull();
    expect(smsc.received.length).toBe(before + 1);
  });

  it('plans contact when a message to the person is written, contacted once it has gone out', async () => {
    const leadOf = async (address: string, state: 'new' | 'no_action') => {
      const [entity] = await t.database.db.insert(entities).values({}).returning();
      await t.database.db.insert(leads).values({
        entityId: entity!.id,
        urgent: false,
        score: 60,
        state,
        evidenceAt: clock.now(),
        createdAt: clock.now(),
      });
      const { message } = await compose(worker, {
        contact: { kind: 'phone', address },
        channelId: smppId,
        templateId,
        values: {},
        entityId: entity!.id,
      });
      return { entityId: entity!.id, messageId: message.id };
    };
    const stateOf = async (entityId: string) =>
      (await t.database.db.select().from(leads).where(eq(leads.entityId, entityId)))[0]?.state;
    const planned = await leadOf('+31612345023', 'new');
    const dismissed = await leadOf('+31612345024', 'no_action');
    // Written and queued: planned. Queued is not contacted: the message may yet fail.
    expect(await stateOf(planned.entityId)).toBe('contact_planned');
    expect(await sendNow(planned.messageId)).toBe('sent');
    expect(await stateOf(planned.entityId)).toBe('contacted');
    const history = await t.database.db
      .select()
      .from(leadEvents)
      .where(eq(leadEvents.entityId, planned.entityId));
    // The writer took the unheld lead, planned by writing; the send made it contacted.
    expect(history.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['assign', 'new', 'new'],
      ['state', 'new', 'contact_planned'],
      ['state', 'contact_planned', 'contacted'],
    ]);
    const [held] = await t.database.db
      .select()
      .from(leads)
      .where(eq(leads.entityId, planned.entityId));
    expect(held?.assigneeId).toBe(worker.userId);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lead.state'), eq(auditLog.targetId, planned.entityId)))
      .orderBy(auditLog.seq);
    // The worker took and planned it by writing; the system recorded the send.
    expect(audited.map((a) => a.actorLabel)).toEqual(['outreach_worker@example.org', 'system']);
    // A lead a worker closed as "no action" keeps that decision, and nobody takes it.
    expect(await sendNow(dismissed.messageId)).toBe('sent');
    expect(await stateOf(dismissed.entityId)).toBe('no_action');
    const [untouched] = await t.database.db
      .select()
      .from(leads)
      .where(eq(leads.entityId, dismissed.entityId));
    expect(untouched?.assigneeId).toBeNull();

    // A lead a colleague holds stays theirs when someone else writes.
    const colleague = randomUUID();
    const [entity] = await t.database.db.insert(entities).values({}).returning();
    await t.database.db.insert(leads).values({
      entityId: entity!.id,
      urgent: false,
      score: 60,
      state: 'in_review',
      assigneeId: colleague,
      evidenceAt: clock.now(),
      createdAt: clock.now(),
    });
    await compose(worker, {
      contact: { kind: 'phone', address: '+31612345025' },
      channelId: smppId,
      templateId,
      values: {},
      entityId: entity!.id,
    });
    const [kept] = await t.database.db.select().from(leads).where(eq(leads.entityId, entity!.id));
    expect(kept).toMatchObject({ assigneeId: colleague, state: 'contact_planned' });
  });

  it('answers at night someone who has just written', async () => {
    // The person wrote at 23:20; a reply composed at once may go out when the job runs at 23:30.
    const address = '+31612345022';
    const { conversation } = await compose(worker, {
      contact: { kind: 'phone', address },
      channelId: smppId,
      templateId,
      values: {},
    });
    await t.database.db.insert(messages).values({
      conversationId: conversation.id,
      channelId: smppId,
      direction: 'in',
      status: 'received',
      bodyEnc: encryptBody(t.config, 'ben je er nog?'),
      createdAt: new Date('2030-06-04T21:20:00Z'),
    });
    const { message } = await compose(
      worker,
      { conversationId: conversation.id, channelId: smppId, text: 'Ja, ik ben er.' },
      new Date('2030-06-04T21:25:00Z'),
    );
    expect(await sendNow(message.id, { clock: fixedClock('2030-06-04T21:30:00Z') })).toBe('sent');
  });
});

describe('contact rules', () => {
  it('refuses in quiet hours where the person is, saying when it can go', async () => {
    const input = {
      contact: { kind: 'phone' as const, address: '+31612345012' },
      channelId: cmId,
      templateId,
      values: {},
    };
    // 23:30 in Amsterdam (CEST): inside the default quiet hours, 21:00–09:00.
    const refused = await compose(worker, input, new Date('2030-06-04T21:30:00Z')).catch(
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(SendRefused);
    expect((refused as SendRefused).rule).toBe('quiet_hours');
    expect((refused as SendRefused).check.notBefore?.toISOString()).toBe(
      '2030-06-05T07:00:00.000Z',
    );
    // The same message at 09:00 goes (and one minute earlier does not).
    expect(await refusal(compose(worker, input, new Date('2030-06-05T06:59:00Z')))).toBe(
      'quiet_hours',
    );
    const ok = await compose(worker, input, new Date('2030-06-05T07:00:00Z'));
    expect(ok.message.status).toBe('queued');
  });

  it('refuses WhatsApp for a cold first contact', async () => {
    const wa = await saveChannel(t.database.db, t.config, admin, {
      name: 'WhatsApp',
      kind: 'whatsapp',
      sender: '+31970102033',
      settings: {
        accessToken: 'a'.repeat(30),
        phoneNumberId: '1234567891',
        appSecret: 's'.repeat(20),
        verifyToken: 'v'.repeat(20),
      },
    });
    expect(
      await refusal(
        compose(worker, {
          contact: { kind: 'phone', address: '+31612345013' },
          channelId: wa.id,
          templateId,
          values: {},
        }),
      ),
    ).toBe('whatsapp_no_opt_in');
  });

  it('refuses within the minimum gap and beyond the unanswered limit', async () => {
    const B = '+31612345002';
    const first = await compose(worker, {
      contact: { kind: 'phone', address: B },
      channelId: cmId,
      templateId,
      values: {},
    });
    const conversationId = first.conversation.id;
    const later = hoursLater;
    expect(
      await refusal(
        compose(worker, { conversationId, channelId: cmId, templateId, values: {} }, later(1)),
      ),
    ).toBe('min_gap');
    await compose(worker, { conversationId, channelId: cmId, templateId, values: {} }, later(49));
    expect(
      await refusal(
        compose(worker, { conversationId, channelId: cmId, templateId, values: {} }, later(98)),
      ),
    ).toBe('unanswered_limit');
    const rows = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId));
    expect(rows.length).toBe(2);
  });

  it('refuses free text before the person has written', async () => {
    expect(
      await refusal(
        compose(worker, {
          contact: { kind: 'phone', address: '+31612345003' },
          channelId: cmId,
          text: 'Hoi, hoe gaat het?',
        }),
      ),
    ).toBe('template_required');
  });

  it('one thread per entity unless a supervisor overrides', async () => {
    const entityId = randomUUID();
    await compose(worker, {
      entityId,
      contact: { kind: 'phone', address: '+31612345004' },
      channelId: cmId,
      templateId,
      values: {},
    });
    const second = {
      entityId,
      contact: { kind: 'phone' as const, address: '+31612345005' },
      channelId: cmId,
      templateId,
      values: {},
    };
    expect(await refusal(compose(worker, second))).toBe('one_thread_per_entity');
    expect(
      await refusal(compose(worker, { ...second, override: { reason: 'second number' } })),
    ).toBe('one_thread_per_entity');
    const ok = await compose(supervisor, { ...second, override: { reason: 'second number' } });
    expect(ok.conversation.overrideBy).toBe(supervisor.userId);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, ok.conversation.id));
    expect(audits.map((a) => a.action)).toContain('conversation.start_override');
  });

  it('the same idempotency key gives the same message', async () => {
    const input = {
      idempotencyKey: randomUUID(),
      contact: { kind: 'phone' as const, address: '+31612345006' },
      channelId: cmId,
      templateId,
      values: {},
    };
    const a = await composeMessage(t.database.db, t.config, worker, input, {
      clock,
      contactConsent: caseContactConsent,
    });
    const b = await composeMessage(t.database.db, t.config, worker, input, {
      clock,
      contactConsent: caseContactConsent,
    });
    expect(b.message.id).toBe(a.message.id);
  });
});

describe('over HTTP', () => {
  const webhookToken = 'w'.repeat(40);
  let channelId: string;

  const messageCount = async () =>
    (await t.database.db.select({ n: count() }).from(messages))[0]!.n;
  const inbound = (token: string, from: string, text: string) =>
    app.inject({
      method: 'POST',
      url: `/api/webhooks/${channelId}?token=${token}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        from: { number: from },
        to: { number: '003197010000002' },
        message: { text },
        reference: randomUUID(),
      }),
    });

  it('an admin saves a channel; its settings never come back; a name as sender warns', async () => {
    const adminCall = await signInAs(app, t.database.db, 'admin');
    const res = await adminCall('POST', '/api/outreach/channels', {
      name: 'CM hook',
      kind: 'cm',
      sender: '+31970102032',
      settings: {
        productToken: randomUUID(),
        sender: '+31970102032',
        webhookToken,
      },
    });
    expect(res.res.statusCode).toBe(200);
    channelId = res.json.id as string;
    expect(res.res.body).not.toContain(webhookToken);
    // Settings are checked on save, naming what is wrong; nothing is stored.
    const broken = await adminCall('POST', '/api/outreach/channels', {
      name: 'Named',
      kind: 'cm',
      sender: 'Hulplijn',
      settings: { productToken: 'not-a-token', sender: 'Hulplijn', webhookToken },
    });
    expect(broken.res.statusCode).toBe(400);
    expect(JSON.stringify(broken.json)).toMatch(/productToken/);
    const named = await adminCall('POST', '/api/outreach/channels', {
      name: 'Named',
      kind: 'cm',
      sender: 'Hulplijn',
      settings: { productToken: randomUUID(), sender: 'Hulplijn', webhookToken },
    });
    expect(named.res.statusCode).toBe(200);
    expect(named.json.repliesPossible).toBe(false);
    expect((named.json.warnings as string[])[0]).toMatch(/cannot reply/);
    // Changing the sender without typing the secrets again keeps the stored ones.
    const renamed = await adminCall('POST', '/api/outreach/channels', {
      name: 'Named',
      kind: 'cm',
      sender: '+31970102039',
      settings: { productToken: '', sender: '+31970102039', webhookToken: '' },
    });
    expect(renamed.res.statusCode).toBe(200);
    expect(renamed.json.repliesPossible).toBe(true);
    // The sender shown (and the reply warning) is what the provider sends from, not a label.
    const disguised = await adminCall('POST', '/api/outreach/channels', {
      name: 'Disguised',
      kind: 'cm',
      sender: '+31970102040',
      settings: { productToken: randomUUID(), sender: 'Hulplijn', webhookToken },
    });
    expect(disguised.json).toMatchObject({ sender: 'Hulplijn', repliesPossible: false });
    const kept = await channelForSending(t.database.db, t.config, named.json.id as string);
    expect(kept.settings.webhookToken).toBe(webhookToken);
    expect(kept.settings.sender).toBe('+31970102039');
    // The admin form gets the settings back without their secrets, and the webhook address.
    const one = await adminCall('GET', `/api/outreach/channels/${named.json.id as string}`);
    expect(one.json.settings).toMatchObject({ sender: '+31970102039' });
    expect(one.res.body).not.toContain(webhookToken);
    expect(one.json.webhookUrl).toMatch(new RegExp(`/api/webhooks/${named.json.id as string}$`));
    const workerCall = await signInAs(app, t.database.db, 'outreach_worker');
    const forWorker = await workerCall('GET', `/api/outreach/channels/${named.json.id as string}`);
    expect(forWorker.res.statusCode).toBe(403);
    const kinds = await adminCall('GET', '/api/outreach/channel-kinds');
    const cm = (
      kinds.json.items as {
        kind: string;
        settingsSchema: { properties: Record<string, { writeOnly?: boolean }> };
      }[]
    ).find((k) => k.kind === 'cm');
    expect(cm?.settingsSchema.properties.productToken?.writeOnly).toBe(true);
    expect(cm?.settingsSchema.properties.sender?.writeOnly).toBeUndefined();
    const list = await adminCall('GET', '/api/outreach/channels');
    expect(list.res.body).not.toContain(webhookToken);
    const worker = await signInAs(app, t.database.db, 'outreach_worker');
    expect(
      (await worker('POST', '/api/outreach/channels', { name: 'x', kind: 'manual' })).res
        .statusCode,
    ).toBe(403);
  });

  it('a webhook with a bad signature is refused and stores nothing', async () => {
    const before = await messageCount();
    const res = await inbound('wrong-token', '0031612345077', 'hallo');
    expect(res.statusCode).toBe(401);
    expect(await messageCount()).toBe(before);
  });

  it('a verified webhook from an unknown number opens a conversation in the inbox', async () => {
    const res = await inbound(webhookToken, '0031612345078', 'Hallo, wie is dit?');
    expect(res.statusCode).toBe(200);
    const sup = await signInAs(app, t.database.db, 'supervisor');
    const inbox = await sup('GET', '/api/inbox?status=open&unread=true');
    expect(inbox.res.statusCode).toBe(200);
    const items = inbox.json.items as { id: string; channelId: string; kind: string }[];
    const mine = items.find((c) => c.channelId === channelId);
    expect(mine?.kind).toBe('inbound');
    expect(inbox.json.unread as number).toBeGreaterThanOrEqual(1);
    const opened = await sup('GET', `/api/conversations/${mine!.id}`);
    expect(opened.res.statusCode).toBe(200);
    expect((opened.json.messages as { body: string }[])[0]?.body).toBe('Hallo, wie is dit?');
    const note = await sup('POST', `/api/conversations/${mine!.id}/notes`, { text: 'call back' });
    expect(note.res.statusCode).toBe(200);
    const patched = await sup('PATCH', `/api/conversations/${mine!.id}`, { status: 'waiting' });
    expect(patched.json.status).toBe('waiting');
  });

  it('STOP through a verified webhook ends contact, and the one confirmation goes out', async () => {
    const productToken = randomUUID();
    const cm = await startCmFixture({ productToken });
    try {
      const hooked = await saveChannel(t.database.db, t.config, admin, {
        name: 'CM stop',
        kind: 'cm',
        sender: '+31970102042',
        settings: {
          productToken,
          sender: '+31970102042',
          endpoint: cm.endpoint,
          webhookToken,
        },
      });
      const res = await app.inject({
        method: 'POST',
        url: `/api/webhooks/${hooked.id}?token=${webhookToken}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          from: { number: '0031612345081' },
          to: { number: '0031970102042' },
          message: { text: 'STOP' },
          reference: randomUUID(),
        }),
      });
      expect(res.statusCode).toBe(200);
      const [conv] = await t.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.channelId, hooked.id));
      const contact = await contactById(t.database.db, conv!.contactId!);
      expect(contact.doNotContact).toBe(true);
      expect(contact.optOutAt?.toISOString()).toBe(clock.now().toISOString());
      await waitFor('the confirmation at the gateway', async () => cm.accepted.length === 1);
      expect(cm.accepted[0]).toMatchObject({
        to: '0031612345081',
        content: optOutConfirmation('en'),
      });
    } finally {
      await cm.close();
    }
  });

  it('composes over the API and answers a refusal with its rule', async () => {
    const worker = await signInAs(app, t.database.db, 'outreach_worker');
    const body = {
      contact: { kind: 'phone', address: '+31612345079' },
      channelId: cmId,
      text: 'Hoi, hoe gaat het?',
      idempotencyKey: randomUUID(),
    };
    const refused = await worker('POST', '/api/outreach/messages', body);
    expect(refused.res.statusCode).toBe(409);
    expect((refused.json.error as { rule: string }).rule).toBe('template_required');
    const templates = await worker('GET', '/api/outreach/templates?status=approved');
    expect((templates.json.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('templates go from draft to approved over the API, by another supervisor', async () => {
    const worker = await signInAs(app, t.database.db, 'outreach_worker');
    const sup = await signInAs(app, t.database.db, 'supervisor');
    const created = await worker('POST', '/api/outreach/templates', {
      name: 'via api',
      language: 'en',
      variants: ['Hi {displayName}, saw your ad. How are you doing?', 'Hey, how is your week?'],
    });
    expect(created.res.statusCode).toBe(200);
    const id = created.json.id as string;
    expect((await worker('POST', `/api/outreach/templates/${id}/approve`, {})).res.statusCode).toBe(
      403,
    );
    const approved = await sup('POST', `/api/outreach/templates/${id}/approve`, {});
    expect(approved.res.statusCode).toBe(200);
    expect(approved.json.status).toBe('approved');
    const edit = await worker('PATCH', `/api/outreach/templates/${id}`, {
      name: 'via api',
      language: 'en',
      variants: ['changed'],
    });
    expect(edit.res.statusCode).toBe(409);
  });

  it('do-not-contact over the API cancels what is queued', async () => {
    const sup = await signInAs(app, t.database.db, 'supervisor');
    const { message, conversation } = await compose(worker, {
      contact: { kind: 'phone', address: '+31612345080' },
      channelId: cmId,
      templateId,
      values: {},
    });
    const res = await sup('POST', `/api/contacts/${conversation.contactId}/do-not-contact`, {
      reason: 'asked by a partner',
    });
    expect(res.json).toEqual({ changed: true, cancelled: 1 });
    expect((await messageRow(message.id)).status).toBe('failed');
  });

  it('do-not-contact stops what waits in every conversation of the person, once', async () => {
    const sup = await signInAs(app, t.database.db, 'supervisor');
    const analyst = await signInAs(app, t.database.db, 'analyst');
    const { message, conversation } = await compose(worker, {
      contact: { kind: 'phone', address: '+31612345082' },
      channelId: cmId,
      templateId,
      values: {},
    });
    const contactId = conversation.contactId!;
    // The same person on a second thread, where a message waits to be sent by hand.
    const [other] = await t.database.db
      .insert(conversations)
      .values({ kind: 'inbound', status: 'open', contactId })
      .returning();
    const [waiting] = await t.database.db
      .insert(messages)
      .values({
        conversationId: other!.id,
        direction: 'out',
        status: 'to_send',
        bodyEnc: encryptBody(t.config, 'Hoi, hier is de hulplijn.'),
      })
      .returning();
    const url = `/api/contacts/${contactId}/do-not-contact`;

    expect((await analyst('POST', url, { reason: 'not theirs to set' })).res.statusCode).toBe(403);
    expect((await sup('POST', url, { reason: 'x' })).res.statusCode).toBe(400);
    const unknown = await sup('POST', `/api/contacts/${randomUUID()}/do-not-contact`, {
      reason: 'nobody we know',
    });
    expect(unknown.res.statusCode).toBe(404);
    expect((await messageRow(message.id)).status).toBe('queued');

    const first = await sup('POST', url, { reason: 'asked by a partner' });
    expect(first.json).toEqual({ changed: true, cancelled: 2 });
    expect(await messageRow(message.id)).toMatchObject({
      status: 'failed',
      errorCode: 'cancelled',
    });
    expect(await messageRow(waiting!.id)).toMatchObject({
      status: 'failed',
      errorCode: 'cancelled',
    });
    // Marked once: a second call changes nothing, finds nothing left to cancel, audits nothing.
    const again = await sup('POST', url, { reason: 'asked again' });
    expect(again.json).toEqual({ changed: false, cancelled: 0 });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, contactId), eq(auditLog.action, 'contact.do_not_contact')));
    expect(audits.map((a) => (a.details as { reason: string }).reason)).toEqual([
      'asked by a partner',
    ]);
  });

  it('WhatsApp: the verification handshake answers the challenge; a bad signature is refused', async () => {
    const verifyToken = 'v'.repeat(20);
    const wa = await saveChannel(t.database.db, t.config, admin, {
      name: 'WhatsApp API',
      kind: 'whatsapp',
      sender: '+31970102034',
      settings: {
        accessToken: 'a'.repeat(30),
        phoneNumberId: '1234567890',
        appSecret: 's'.repeat(20),
        verifyToken,
      },
    });
    const ok = await app.inject({
      method: 'GET',
      url: `/api/webhooks/${wa.id}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=4711`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('4711');
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/webhooks/${wa.id}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=4711`,
    });
    expect(wrong.statusCode).toBe(403);
    const before = (await t.database.db.select({ n: count() }).from(messages))[0]!.n;
    const forged = await app.inject({
      method: 'POST',
      url: `/api/webhooks/${wa.id}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
      payload: JSON.stringify({ object: 'whatsapp_business_account', entry: [] }),
    });
    expect(forged.statusCode).toBe(401);
    expect((await t.database.db.select({ n: count() }).from(messages))[0]!.n).toBe(before);
  });

  it('keeps analysts and partners out of the inbox', async () => {
    const analyst = await signInAs(app, t.database.db, 'analyst');
    expect((await analyst('GET', '/api/inbox')).res.statusCode).toBe(403);
  });

  it('WhatsApp: a person who wrote there gets free text back within the service window', async () => {
    const wa = {
      accessToken: 'EAAG-test-access-token-0123456789',
      phoneNumberId: '106540352242922',
      appSecret: 'meta-app-secret-0123456789abcdef',
      verifyToken: 'verify-token-0123456789abcdef',
    };
    const fixture = await startWhatsAppFixture({
      ...wa,
      displayPhoneNumber: '31970100004',
      clock,
    });
    const listening = await buildHttpServer({
      config: t.config,
      database: t.database,
      blobs: createFsBlobStore(dir),
      jobs,
      log,
      clock,
    });
    try {
      const address = await listening.listen({ port: 0, host: '127.0.0.1' });
      const channel = await saveChannel(t.database.db, t.config, admin, {
        name: 'WhatsApp live',
        kind: 'whatsapp',
        sender: '+31970100004',
        settings: { ...wa, baseUrl: fixture.baseUrl },
      });
      const hook = await fixture.sendInbound(`${address}/api/webhooks/${channel.id}`, {
        from: '31612345090',
        text: 'Hoi, ik zag jullie nummer',
      });
      expect(hook.status).toBe(200);
      const [conv] = await t.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.channelId, channel.id));
      const { message } = await compose(worker, {
        conversationId: conv!.id,
        channelId: channel.id,
        text: 'Fijn dat je schrijft. Waar kan ik je mee helpen?',
      });
      await queueSend(jobs, message.id);
      await waitStatus(message.id, 'sent');
      expect(fixture.accepted.map((a) => a.type)).toEqual(['text']);
    } finally {
      await listening.close();
      await fixture.close();
    }
  });
});

describe('who holds a conversation (one rule, audited)', () => {
  let workerA: ApiCall;
  let workerB: ApiCall;
  let sup: ApiCall;
  const ids = { a: '', b: '', sup: '' };

  const idOf = async (call: ApiCall) =>
    ((await call('GET', '/api/auth/session')).json as { user: { id: string } }).user.id;
  const newConversation = async (assigneeId: string | null) => {
    const [row] = await t.database.db
      .insert(conversations)
      .values({ kind: 'inbound', status: 'open', assigneeId })
      .returning();
    return row!.id;
  };
  const holder = async (id: string) =>
    (await t.database.db.select().from(conversations).where(eq(conversations.id, id)))[0]!
      .assigneeId;
  const assign = (call: ApiCall, id: string, assigneeId: string | null) =>
    call('PATCH', `/api/conversations/${id}`, { assigneeId });
  const optionsFor = async (call: ApiCall, id: string) =>
    (await call('GET', `/api/conversations/${id}`)).json.assignment;
  const assignAudits = async (id: string) =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'conversation.assign')))
        .orderBy(auditLog.seq)
    ).map((a) => ({ by: a.actorUserId, ...(a.details as object) }));

  beforeAll(async () => {
    workerA = await signInAs(app, t.database.db, 'outreach_worker');
    workerB = await signInAs(app, t.database.db, 'outreach_worker');
    sup = await signInAs(app, t.database.db, 'supervisor');
    ids.a = await idOf(workerA);
    ids.b = await idOf(workerB);
    ids.sup = await idOf(sup);
  });

  it('a worker takes an unassigned conversation and gives it back', async () => {
    const id = await newConversation(null);
    expect(await optionsFor(workerA, id)).toEqual({ take: true, release: false, handOver: false });
    const taken = await assign(workerA, id, ids.a);
    expect(taken.res.statusCode).toBe(200);
    expect(taken.json.assignment).toEqual({ take: false, release: true, handOver: false });
    expect((await assign(workerA, id, null)).res.statusCode).toBe(200);
    expect(await holder(id)).toBeNull();
    expect(await assignAudits(id)).toEqual([
      { by: ids.a, assignee: { from: null, to: ids.a }, takeover: false },
      { by: ids.a, assignee: { from: ids.a, to: null }, takeover: false },
    ]);
  });

  it("a worker neither takes over nor releases a colleague's conversation", async () => {
    const id = await newConversation(ids.a);
    expect(await optionsFor(workerB, id)).toEqual({ take: false, release: false, handOver: false });
    const take = await assign(workerB, id, ids.b);
    expect(take.res.statusCode).toBe(403);
    expect((take.json.error as { message: string }).message).toMatch(/colleague holds this/i);
    expect((await assign(workerB, id, null)).res.statusCode).toBe(403);
    expect(await holder(id)).toBe(ids.a);
    expect(await assignAudits(id)).toEqual([]);
    // Once the colleague gives it back, it is anyone's to take.
    expect((await assign(workerA, id, null)).res.statusCode).toBe(200);
    expect((await assign(workerB, id, ids.b)).res.statusCode).toBe(200);
    expect(await holder(id)).toBe(ids.b);
  });

  it('a worker gives no conversation to someone else, theirs or unassigned', async () => {
    const mine = await newConversation(ids.a);
    const free = await newConversation(null);
    expect((await assign(workerA, mine, ids.b)).res.statusCode).toBe(403);
    expect((await assign(workerA, free, ids.b)).res.statusCode).toBe(403);
    expect([await holder(mine), await holder(free)]).toEqual([ids.a, null]);
  });

  it('a supervisor takes over and hands on, audited as a take-over', async () => {
    const id = await newConversation(ids.a);
    expect(await optionsFor(sup, id)).toEqual({ take: true, release: true, handOver: true });
    expect((await assign(sup, id, ids.sup)).res.statusCode).toBe(200);
    expect((await assign(sup, id, ids.b)).res.statusCode).toBe(200);
    expect(await holder(id)).toBe(ids.b);
    expect(await assignAudits(id)).toEqual([
      { by: ids.sup, assignee: { from: ids.a, to: ids.sup }, takeover: true },
      { by: ids.sup, assignee: { from: ids.sup, to: ids.b }, takeover: false },
    ]);
  });

  it('hands conversations only to active people who work them', async () => {
    const id = await newConversation(null);
    const analyst = await idOf(await signInAs(app, t.database.db, 'analyst'));
    for (const to of [analyst, randomUUID()]) {
      const res = await assign(sup, id, to);
      expect(res.res.statusCode).toBe(400);
      expect((res.json.error as { code: string }).code).toBe('validation_failed');
    }
    expect(await holder(id)).toBeNull();
  });
});
