// Outreach from a lead, over the HTTP API, on ads of the synthetic board that went through
// extraction, linking and scoring: a worker writes to one of the entity's numbers by its
// identifier id (the server reads it, audited; the worker never sees it, and cannot use another
// person's identifier), on a manual channel (copy, send by hand, say so; a reply read on the
// platform recorded by hand — STOP there is an opt-out like anywhere), with quick replies,
// live counts and safety hits, the threads of an entity, and the contact rules read from
// OUTREACH_RULES_FILE — by every path that composes, on the server's clock (set by the test: noon
// in Amsterdam, so the suite passes at any hour).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld } from '../../fixtures/ad-board/db-loader.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import { linkSettings } from '../../src/link/store.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { outreachJobs } from '../../src/outreach/sending/jobs.js';
import { composeMessage, SendRefused } from '../../src/outreach/sending/service.js';
import { optOutConfirmation } from '../../src/outreach/domain/index.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { linkAndScore } from '../../src/score/pipeline.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { NOON_AMSTERDAM, noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { caseContactConsent } from '../../src/app/contact-consent.js';

const log = pino({ level: 'silent' });
let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let dir: string;
let manualId: string;
let worker: ApiCall;
let supervisor: ApiCall;
const clock = noonClock();
/** Quiet hours of this installation's rules file: shorter than the defaults (21:00–09:00). */
const QUIET = { start: '23:00', end: '07:00' };

interface Identifier {
  identifierId: string;
  kind: string;
  masked: string;
}

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-outreach-compose-'));
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ quietHours: QUIET, maxUnanswered: 2 }));
  t.config.outreach = { rulesFile: rules, organisationNames: ['Stichting Lichtpunt'] };
  const world = generateWorld({ seed: 'outreach-compose', ads: 40, days: 2 });
  const settings = linkSettings(t.config);
  await loadWorld(t.database.db, t.config, world, {
    onDay: async (_day, adIds) => {
      await linkAndScore(t.database.db, settings, adIds);
    },
  });
  const admin = { userId: null, label: 'test admin', role: 'admin' as const };
  manualId = (
    await saveChannel(t.database.db, t.config, admin, {
      name: 'By hand',
      kind: 'manual',
      sender: 'site chat',
    })
  ).id;
  // The send queue exists (composing queues into it) but nothing works it: SMS stay queued here.
  jobs = await startJobs({
    database: t.database,
    log,
    scheduler: false,
    definitions: outreachJobs({
      db: t.database.db,
      config: t.config,
      log,
      contactConsent: caseContactConsent,
      jobs: () => jobs,
      clock,
    }),
  });
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
    clock,
  });
  await app.ready();
  worker = await signInAs(app, t.database.db, 'outreach_worker');
  supervisor = await signInAs(app, t.database.db, 'supervisor');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Two leads with a phone number each. */
async function twoEntitiesWithPhones() {
  const leads = await worker('GET', '/api/leads?limit=200');
  const out: { entityId: string; phone: Identifier }[] = [];
  for (const lead of leads.json.items as { entityId: string }[]) {
    const e = await worker('GET', `/api/entities/${lead.entityId}`);
    const phone = (e.json.identifiers as Identifier[]).find((i) => i.kind === 'phone');
    if (phone) out.push({ entityId: lead.entityId, phone });
    if (out.length === 2) break;
  }
  expect(out.length).toBe(2);
  return out as [(typeof out)[0], (typeof out)[0]];
}

async function approvedTemplate(): Promise<string> {
  const draft = await worker('POST', '/api/outreach/templates', {
    name: `hello ${randomUUID().slice(0, 6)}`,
    language: 'nl',
    variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?'],
    fallbacks: { displayName: 'daar' },
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

describe('outreach from a lead', () => {
  let conversationId: string;
  let entityId: string;

  it("writes to an entity's number by identifier id, audited, without showing it", async () => {
    const [a, b] = await twoEntitiesWithPhones();
    entityId = a.entityId;
    const templateId = await approvedTemplate();

    // Someone else's identifier is refused, and nothing is stored.
    const wrong = await worker('POST', '/api/outreach/messages', {
      entityId: a.entityId,
      contact: { identifierId: b.phone.identifierId },
      channelId: manualId,
      templateId,
      idempotencyKey: randomUUID(),
    });
    expect(wrong.res.statusCode).toBe(404);
    const none = await worker('GET', `/api/inbox?status=all&entityId=${a.entityId}`);
    expect(none.json.items).toEqual([]);

    // The board's operators post several names from one number; a name in the message needs a
    // supervisor's leave for such a number (test/api/outreach-schedule.db.test.ts), given here.
    const leave = await supervisor('POST', '/api/outreach/shared-number-names', {
      entityId: a.entityId,
      identifierId: a.phone.identifierId,
      reason: 'checked: her own number',
    });
    expect(leave.res.statusCode).toBe(204);
    const res = await worker('POST', '/api/outreach/messages', {
      entityId: a.entityId,
      contact: { identifierId: a.phone.identifierId },
      channelId: manualId,
      templateId,
      values: { displayName: 'Mila' },
      idempotencyKey: randomUUID(),
    });
    expect(res.res.statusCode).toBe(200);
    const message = res.json.message as { id: string; status: string; body: string };
    expect(message.status).toBe('to_send');
    expect(message.body).toBe('Hoi Mila, ik zag je advertentie. Hoe gaat het met je?');
    conversationId = res.json.conversationId as string;

    // The number went nowhere near the worker; its read is in the audit log with its purpose.
    const reveal = await worker('POST', `/api/identifiers/${a.phone.identifierId}/reveal`, {});
    const number = reveal.json.value as string;
    expect(res.res.body).not.toContain(number);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'identifier.reveal')));
    expect(audits.some((r) => JSON.stringify(r.details).includes('outreach contact'))).toBe(true);

    // The entity's threads.
    const threads = await worker('GET', `/api/inbox?status=all&entityId=${a.entityId}`);
    expect((threads.json.items as { id: string }[]).map((i) => i.id)).toEqual([conversationId]);

    // A second thread for the same person needs a supervisor.
    const second = await worker('POST', '/api/outreach/messages', {
      entityId: a.entityId,
      contact: { kind: 'handle', address: 'someone_else' },
      channelId: manualId,
      templateId,
      idempotencyKey: randomUUID(),
    });
    expect(second.res.statusCode).toBe(409);
  });

  it('a manual message is sent by hand, once', async () => {
    const conv = await worker('GET', `/api/conversations/${conversationId}`);
    const out = (conv.json.messages as { id: string; status: string }[]).find(
      (m) => m.status === 'to_send',
    );
    expect(out).toBeDefined();
    const sent = await worker('POST', `/api/outreach/messages/${out!.id}/sent-by-hand`, {});
    expect(sent.res.statusCode).toBe(200);
    expect(sent.json.status).toBe('sent');
    const again = await worker('POST', `/api/outreach/messages/${out!.id}/sent-by-hand`, {});
    expect(again.res.statusCode).toBe(409);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'outreach.sent_by_hand'));
    expect(audits.length).toBe(1);
  });

  it('a reply read on the platform is recorded; free text and quick replies may follow', async () => {
    const reply = await worker('POST', `/api/conversations/${conversationId}/replies-by-hand`, {
      text: 'wie ben jij?',
    });
    expect(reply.res.statusCode).toBe(200);
    expect(reply.json.optOut).toBe(false);
    const conv = await worker('GET', `/api/conversations/${conversationId}`);
    expect((conv.json.messages as { direction: string }[]).some((m) => m.direction === 'in')).toBe(
      true,
    );

    const qr = await worker('POST', '/api/outreach/quick-replies', {
      language: 'nl',
      title: 'Wie wij zijn',
      text: 'Wij zijn er voor je, je kunt ons altijd schrijven.',
    });
    expect(qr.res.statusCode).toBe(200);
    const listed = await worker('GET', '/api/outreach/quick-replies?language=nl');
    expect((listed.json.items as { title: string }[]).map((i) => i.title)).toContain(
      'Wie wij zijn',
    );
    const answer = await worker('POST', '/api/outreach/messages', {
      conversationId,
      channelId: manualId,
      text: 'Wij zijn er voor je, je kunt ons altijd schrijven.',
      idempotencyKey: randomUUID(),
    });
    expect(answer.res.statusCode).toBe(200);
    expect((answer.json.message as { status: string }).status).toBe('to_send');
  });

  it('STOP written on the platform ends contact: what waits is withdrawn, one confirmation', async () => {
    const conv = await worker('GET', `/api/conversations/${conversationId}`);
    const waiting = (conv.json.messages as { id: string; status: string; purpose: string }[]).find(
      (m) => m.status === 'to_send',
    );
    expect(waiting).toBeDefined();
    const stop = await worker('POST', `/api/conversations/${conversationId}/replies-by-hand`, {
      text: 'STOP',
    });
    expect(stop.json.optOut).toBe(true);
    const withdrawn = await worker(
      'POST',
      `/api/outreach/messages/${waiting!.id}/sent-by-hand`,
      {},
    );
    expect(withdrawn.res.statusCode).toBe(409);
    expect(JSON.stringify(withdrawn.json)).toMatch(/withdrawn/);
    const after = await worker('GET', `/api/conversations/${conversationId}`);
    const confirmations = (after.json.messages as { status: string; purpose: string }[]).filter(
      (m) => m.purpose === 'opt_out_confirmation',
    );
    expect(confirmations.length).toBe(1);
    expect(confirmations[0]!.status).toBe('to_send');
    // A bare STOP in a thread we began in Dutch is confirmed in Dutch.
    expect((confirmations[0] as unknown as { body: string }).body).toBe(optOutConfirmation('nl'));
    // The confirmation itself may go by hand.
    const c = (after.json.messages as { id: string; purpose: string }[]).find(
      (m) => m.purpose === 'opt_out_confirmation',
    );
    const sent = await worker('POST', `/api/outreach/messages/${c!.id}/sent-by-hand`, {});
    expect(sent.res.statusCode).toBe(200);
    // Nothing else, ever.
    const refused = await worker('POST', '/api/outreach/messages', {
      conversationId,
      channelId: manualId,
      text: 'Nog één ding',
      idempotencyKey: randomUUID(),
    });
    expect(refused.res.statusCode).toBe(409);
    expect((refused.json.error as { rule: string }).rule).toBe('do_not_contact');
    // A second STOP confirms nothing more.
    await worker('POST', `/api/conversations/${conversationId}/replies-by-hand`, { text: 'stop' });
    const last = await worker('GET', `/api/conversations/${conversationId}`);
    expect(
      (last.json.messages as { purpose: string }[]).filter(
        (m) => m.purpose === 'opt_out_confirmation',
      ).length,
    ).toBe(1);
    expect(entityId).toBeTruthy();
  });
});

describe('refusals at the edges', () => {
  it('an identifier is only written to for a person, and replies by hand only on manual channels', async () => {
    const [a] = await twoEntitiesWithPhones();
    const templateId = await approvedTemplate();
    const noEntity = await worker('POST', '/api/outreach/messages', {
      contact: { identifierId: a.phone.identifierId },
      channelId: manualId,
      templateId,
      idempotencyKey: randomUUID(),
    });
    expect(noEntity.res.statusCode).toBe(400);
    expect(JSON.stringify(noEntity.json)).toMatch(/entityId/);

    const admin = { userId: null, label: 'test admin', role: 'admin' as const };
    const sms = await saveChannel(t.database.db, t.config, admin, {
      name: 'CM edge',
      kind: 'cm',
      sender: '+31970102041',
      settings: {
        productToken: randomUUID(),
        sender: '+31970102041',
        webhookToken: 'w'.repeat(32),
      },
    });
    const sent = await worker('POST', '/api/outreach/messages', {
      contact: { kind: 'phone', address: '+31612345901' },
      channelId: sms.id,
      templateId,
      idempotencyKey: randomUUID(),
    });
    expect(sent.res.statusCode).toBe(200);
    const byHand = await worker(
      'POST',
      `/api/conversations/${sent.json.conversationId as string}/replies-by-hand`,
      { text: 'hallo' },
    );
    expect(byHand.res.statusCode).toBe(409);
    const conv = await worker('GET', `/api/conversations/${sent.json.conversationId as string}`);
    expect(
      (conv.json.messages as { direction: string }[]).every((m) => m.direction === 'out'),
    ).toBe(true);
    // A queued SMS is the send job's; it cannot be marked sent by hand.
    const queued = (conv.json.messages as { id: string }[])[0]!;
    const mark = await worker('POST', `/api/outreach/messages/${queued.id}/sent-by-hand`, {});
    expect(mark.res.statusCode).toBe(409);
  });
});

describe('the rules file and the clock', () => {
  it("quiet hours are the file's, at the server's time, over the API and in a direct compose", async () => {
    const templateId = await approvedTemplate();
    const compose = (address: string) => ({
      contact: { kind: 'phone' as const, address },
      channelId: manualId,
      templateId,
      idempotencyKey: randomUUID(),
    });
    try {
      // 22:30 in Amsterdam: quiet by the defaults, not by the file.
      clock.set('2030-06-04T20:30:00Z');
      const evening = await worker('POST', '/api/outreach/messages', compose('+31612345911'));
      expect(evening.res.statusCode).toBe(200);
      // Called without settings, composing reads the same file (it used to fall back to the
      // defaults and refuse here).
      const direct = await composeMessage(
        t.database.db,
        t.config,
        { userId: null, label: 'test worker', role: 'outreach_worker' },
        compose('+31612345912'),
        { clock, contactConsent: caseContactConsent },
      );
      expect(direct.message.status).toBe('to_send');
      // 23:30: quiet by the file; the answer says when it can go (07:00 there).
      clock.set('2030-06-04T21:30:00Z');
      const night = await worker('POST', '/api/outreach/messages', compose('+31612345913'));
      expect(night.res.statusCode).toBe(409);
      expect(night.json.error).toMatchObject({
        rule: 'quiet_hours',
        notBefore: '2030-06-05T05:00:00.000Z',
      });
      await expect(
        composeMessage(
          t.database.db,
          t.config,
          { userId: null, label: 'test worker', role: 'outreach_worker' },
          compose('+31612345914'),
          { clock, contactConsent: caseContactConsent },
        ),
      ).rejects.toBeInstanceOf(SendRefused);
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
  });
});

describe('template approval', () => {
  it('a supervisor who rewrote a draft does not approve it; another does', async () => {
    const draft = await worker('POST', '/api/outreach/templates', {
      name: 'rewritten',
      language: 'en',
      variants: ['Hi, saw your ad. How are you?'],
    });
    const id = draft.json.id as string;
    const edited = await supervisor('PATCH', `/api/outreach/templates/${id}`, {
      name: 'rewritten',
      language: 'en',
      variants: ['Hi, I saw your ad. Are you doing alright?'],
    });
    expect(edited.res.statusCode).toBe(200);
    const own = await supervisor('POST', `/api/outreach/templates/${id}/approve`, {});
    expect(own.res.statusCode).toBe(403);
    const other = await signInAs(app, t.database.db, 'supervisor');
    const ok = await other('POST', `/api/outreach/templates/${id}/approve`, {});
    expect(ok.res.statusCode).toBe(200);
    expect(ok.json.status).toBe('approved');
    // An admin reads templates (read-only) but writes none.
    const admin = await signInAs(app, t.database.db, 'admin');
    expect((await admin('GET', '/api/outreach/templates')).res.statusCode).toBe(200);
    expect(
      (
        await admin('POST', '/api/outreach/templates', {
          name: 'x',
          language: 'en',
          variants: ['Hi'],
        })
      ).res.statusCode,
    ).toBe(403);
  });
});

describe('quick replies, counts and safety', () => {
  it('only its author or a supervisor removes a quick reply', async () => {
    const other = await signInAs(app, t.database.db, 'outreach_worker');
    const mine = await worker('POST', '/api/outreach/quick-replies', {
      language: 'en',
      title: 'Hours',
      text: 'We answer every day between 9 and 21.',
    });
    const id = mine.json.id as string;
    expect((await other('DELETE', `/api/outreach/quick-replies/${id}`)).res.statusCode).toBe(403);
    expect((await supervisor('DELETE', `/api/outreach/quick-replies/${id}`)).res.statusCode).toBe(
      200,
    );
    expect((await worker('DELETE', `/api/outreach/quick-replies/${id}`)).res.statusCode).toBe(404);
    const bad = await worker('POST', '/api/outreach/quick-replies', {
      language: 'xx',
      title: '',
      text: 'x',
    });
    expect(bad.res.statusCode).toBe(400);
    const analyst = await signInAs(app, t.database.db, 'analyst');
    expect((await analyst('GET', '/api/outreach/quick-replies')).res.statusCode).toBe(403);
  });

  it('previews encoding, segments and the safety words, the organisation name included', async () => {
    const plain = await worker('POST', '/api/outreach/preview', { text: 'Hoi, hoe gaat het?' });
    expect(plain.json).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 18 });
    const long = await worker('POST', '/api/outreach/preview', {
      text: `${'Hoi 🙂 '.repeat(20)}`,
      language: 'nl',
    });
    expect(long.json.encoding).toBe('UCS-2');
    expect(long.json.segments).toBeGreaterThan(1);
    const risky = await worker('POST', '/api/outreach/preview', {
      text: 'Hoi, dit is Stichting Lichtpunt. Wij helpen slachtoffers van mensenhandel.',
      language: 'nl',
    });
    const terms = (risky.json.safetyHits as { term: string }[]).map((h) => h.term.toLowerCase());
    expect(terms.some((x) => x.includes('lichtpunt'))).toBe(true);
    expect(terms.some((x) => x.includes('mensenhandel'))).toBe(true);
  });
});
