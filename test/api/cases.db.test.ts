// Cases through the API on both databases, signed in as the people who use them: a worker opens a
// case from a conversation (its thread and entity linked), records consent with the person's own
// message as evidence and sees it withdrawn at once (the referrals' hook runs in the same
// transaction); the status pipeline refuses bad steps; a case about a minor alerts supervisors;
// tasks remind, notes are encrypted, every read is recorded as a view and audited; and nobody who
// may not see a case learns that it exists.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { generatePhone } from '../../fixtures/ad-board/phones.js';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { rotateAllFieldKeys } from '../../src/app/key-rotation.js';
import {
  CASES_ENCRYPTED_COLUMNS,
  caseFieldValues,
  type ConsentWithdrawn,
} from '../../src/cases/index.js';
import { caseNotes, cases, caseTasks, consents, riskAssessments } from '../../src/cases/schema.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { CONTEXTS, open } from '../../src/cases/store.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { insertOutbound, recordInbound } from '../../src/outreach/inbox/conversations.js';
import { conversations } from '../../src/outreach/schema.js';
import { CLI_ACTOR, type Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
const clock = noonClock();
const DAY = 86_400_000;
const daysFromNow = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();

let t: TestDatabase;
let jobs: Jobs;
let app: FastifyInstance;
let dir: string;
let channelId: string;
const withdrawals: ConsentWithdrawn[] = [];
let failWithdrawalHook = false;

interface Person {
  call: ApiCall;
  id: string;
}
const people = {} as Record<
  'worker' | 'colleague' | 'stranger' | 'supervisor' | 'partner' | 'admin' | 'analyst',
  Person
>;

const rng = new Rng('cases-api');
const taken = new Set<string>();
const admin: Actor = { userId: null, label: 'setup', role: 'admin' };

/** A conversation in which the person wrote (synthetic number), optionally tied to an entity. */
async function conversationWithReply(text: string, entityId: string | null = randomUUID()) {
  const db = t.database.db;
  const phone = generatePhone(rng, 'NL', taken);
  const inbound = await recordInbound(
    db,
    t.config,
    // The channel row is the manual one; as an SMS reply the sender is a phone number.
    { id: channelId, kind: 'smpp' },
    { from: phone.e164, to: 'outreach', body: text, at: clock.now() },
  );
  await db
    .update(conversations)
    .set({ entityId })
    .where(eq(conversations.id, inbound.conversation.id));
  return { conversationId: inbound.conversation.id, messageId: inbound.message.id };
}

async function ok(p: Promise<{ res: { statusCode: number; body: string } }>, status = 200) {
  const { res } = await p;
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body) as Record<string, unknown>;
}

async function openCaseAs(who: Person, body: Record<string, unknown>) {
  return ok(who.call('POST', '/api/cases', body)) as Promise<{
    id: string;
    pseudonym: string;
    alias: string;
    minor: boolean;
    origin: string;
  }>;
}

type Detail = {
  case: Record<string, unknown>;
  actions: string[];
  nextStatuses: string[];
  consent: {
    mayContactAgain: boolean;
    mayKeepData: boolean;
    records: Record<string, unknown>[];
  };
  risk: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  entities: Record<string, unknown>[];
};
const detail = async (who: Person, id: string) =>
  (await ok(who.call('GET', `/api/cases/${id}`))) as unknown as Detail;

/** Ids of the synthetic partner directory's organisations (consents name them). */
let directory: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: [] });
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-cases-api-'));
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
    clock,
    casesHooks: {
      // What the referrals will do: end what rested on the consent, in the same transaction.
      onConsentWithdrawn: async (event) => {
        if (failWithdrawalHook) throw new Error('referral store unavailable');
        withdrawals.push(event);
      },
    },
  });
  await app.ready();
  const db = t.database.db;
  await seedPartnerDirectory(db, CLI_ACTOR, generatePartnerDirectory({ asOf: clock.now() }), clock);
  directory = (await db.select({ id: partnerOrganisations.id }).from(partnerOrganisations)).map(
    (p) => p.id,
  );
  for (const [name, role] of [
    ['worker', 'outreach_worker'],
    ['colleague', 'outreach_worker'],
    ['stranger', 'outreach_worker'],
    ['supervisor', 'supervisor'],
    ['partner', 'partner'],
    ['admin', 'admin'],
    ['analyst', 'analyst'],
  ] as const) {
    const call = await signInAs(app, db, role);
    const session = await call('GET', '/api/auth/session');
    people[name] = { call, id: (session.json.user as { id: string }).id };
  }
  channelId = (
    await saveChannel(db, t.config, admin, {
      name: 'by hand',
      kind: 'manual',
      sender: null,
      settings: {},
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('opening a case', () => {
  it('from a conversation links the thread and its entity, with the controller warning', async () => {
    const { worker } = people;
    const conv = await conversationWithReply('Ik wil hier weg. Kun je helpen?');
    const opened = await openCaseAs(worker, { conversationId: conv.conversationId });
    expect(opened.origin).toBe('conversation');
    expect(opened.pseudonym).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(opened.alias).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const d = await detail(worker, opened.id);
    expect(d.conversations).toEqual([
      expect.objectContaining({ conversationId: conv.conversationId, kind: 'inbound' }),
    ]);
    expect(d.entities).toEqual([expect.objectContaining({ mayBeControllers: true })]);
    expect(d.case).toMatchObject({ status: 'open', ownerId: worker.id, minor: false });
    expect(d.actions).toContain('close');
    // One thread belongs to one case.
    const again = await worker.call('POST', '/api/cases', { conversationId: conv.conversationId });
    expect(again.res.statusCode).toBe(409);
    expect(again.json.error).toMatchObject({ caseId: opened.id });
    // A worker who may not see that case hears only that there is one.
    const other = await people.stranger.call('POST', '/api/cases', {
      conversationId: conv.conversationId,
    });
    expect(other.res.statusCode).toBe(409);
    expect(other.json.error).not.toHaveProperty('caseId');
  });

  it('stays readable when its conversation is erased (retention, a subject’s request)', async () => {
    const { worker } = people;
    const conv = await conversationWithReply('Help me.');
    const c = await openCaseAs(worker, { conversationId: conv.conversationId });
    await t.database.db.delete(conversations).where(eq(conversations.id, conv.conversationId));
    const d = await detail(worker, c.id);
    expect(d.conversations).toEqual([]);
    expect(d.entities).toHaveLength(1);
  });

  it('refuses a missing conversation, a colleague’s thread, and roles that do not work cases', async () => {
    const { worker, colleague, partner, admin: adm, analyst } = people;
    expect(
      (await worker.call('POST', '/api/cases', { conversationId: randomUUID() })).res.statusCode,
    ).toBe(404);
    const conv = await conversationWithReply('Hallo?');
    await t.database.db
      .update(conversations)
      .set({ assigneeId: colleague.id })
      .where(eq(conversations.id, conv.conversationId));
    expect(
      (await worker.call('POST', '/api/cases', { conversationId: conv.conversationId })).res
        .statusCode,
    ).toBe(403);
    for (const who of [partner, adm, analyst]) {
      expect((await who.call('POST', '/api/cases', {})).res.statusCode).toBe(403);
      expect((await who.call('GET', '/api/cases')).res.statusCode).toBe(403);
    }
  });

  it('refuses malformed input, naming the field', async () => {
    const { worker } = people;
    for (const body of [
      { needs: ['shelter', 'spaceship'] },
      { age: -1 },
      { languages: ['Dutch'] },
      { conversationId: 'not-a-uuid' },
      { alias: 'chosen by hand' },
    ]) {
      const r = await worker.call('POST', '/api/cases', body);
      expect(r.res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await worker.call('GET', '/api/cases/not-a-uuid')).res.statusCode).toBe(400);
  });
});

describe('who sees a case', () => {
  it('owner, colleagues on it and supervisors; others do not learn it exists', async () => {
    const { worker, colleague, stranger, supervisor, partner } = people;
    const c = await openCaseAs(worker, { needs: ['shelter'] });
    expect((await stranger.call('GET', `/api/cases/${c.id}`)).res.statusCode).toBe(404);
    expect((await colleague.call('GET', `/api/cases/${c.id}`)).res.statusCode).toBe(404);
    expect((await partner.call('GET', `/api/cases/${c.id}`)).res.statusCode).toBe(403);
    const listed = async (who: Person) =>
      ((await ok(who.call('GET', '/api/cases?limit=100'))).items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await listed(stranger)).not.toContain(c.id);
    expect(await listed(supervisor)).toContain(c.id);
    // The owner adds a colleague: now they see it, and may not close it.
    await ok(worker.call('POST', `/api/cases/${c.id}/assign`, { assigneeIds: [colleague.id] }));
    expect(await listed(colleague)).toContain(c.id);
    const seen = await detail(colleague, c.id);
    expect(seen.actions).not.toContain('close');
    expect(seen.nextStatuses).toEqual(['referral', 'in_care']);
    expect((await detail(worker, c.id)).nextStatuses).toEqual(['referral', 'in_care', 'closed']);
    expect(
      (
        await colleague.call('POST', `/api/cases/${c.id}/status`, {
          status: 'closed',
          outcome: 'helped',
        })
      ).res.statusCode,
    ).toBe(403);
    // Only a supervisor hands the case to another owner; a colleague does not add people.
    expect(
      (await worker.call('POST', `/api/cases/${c.id}/assign`, { ownerId: stranger.id })).res
        .statusCode,
    ).toBe(403);
    expect(
      (await colleague.call('POST', `/api/cases/${c.id}/assign`, { assigneeIds: [] })).res
        .statusCode,
    ).toBe(403);
    // Cases are worked by outreach workers and supervisors only.
    expect(
      (await worker.call('POST', `/api/cases/${c.id}/assign`, { assigneeIds: [partner.id] })).res
        .statusCode,
    ).toBe(400);
    await ok(supervisor.call('POST', `/api/cases/${c.id}/assign`, { ownerId: stranger.id }));
    expect(await listed(stranger)).toContain(c.id);
    expect(await listed(worker)).not.toContain(c.id);
  });

  it('records every read as a view and in the audit log; the owner sees who viewed', async () => {
    const { worker, supervisor, colleague } = people;
    const c = await openCaseAs(worker, {});
    await detail(worker, c.id);
    await detail(supervisor, c.id);
    await ok(worker.call('GET', `/api/cases/${c.id}/notes`));
    const views = (await ok(worker.call('GET', `/api/cases/${c.id}/views`))).items as {
      userId: string;
      part: string;
    }[];
    expect(views.map((v) => [v.userId, v.part]).sort()).toEqual(
      [
        [worker.id, 'case'],
        [supervisor.id, 'case'],
        [worker.id, 'notes'],
      ].sort(),
    );
    const audited = await t.database.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'case'), eq(auditLog.targetId, c.id)));
    expect(audited.filter((a) => a.action === 'case.view')).toHaveLength(2);
    expect(audited.filter((a) => a.action === 'case.view_notes')).toHaveLength(1);
    expect(audited.map((a) => a.action)).toContain('case.open');
    await ok(worker.call('POST', `/api/cases/${c.id}/assign`, { assigneeIds: [colleague.id] }));
    expect((await colleague.call('GET', `/api/cases/${c.id}/views`)).res.statusCode).toBe(403);
  });
});

describe('the status pipeline', () => {
  it('goes open → referral → in care → closed with an outcome, and refuses bad steps', async () => {
    const { worker, supervisor } = people;
    const c = await openCaseAs(worker, {});
    const move = (who: Person, body: Record<string, unknown>) =>
      who.call('POST', `/api/cases/${c.id}/status`, body);
    expect((await move(worker, { status: 'closed' })).res.statusCode).toBe(409);
    expect((await move(worker, { status: 'referral', outcome: 'helped' })).res.statusCode).toBe(
      409,
    );
    expect((await move(worker, { status: 'open' })).res.statusCode).toBe(409);
    expect((await move(worker, { status: 'pending' })).res.statusCode).toBe(400);
    await ok(move(worker, { status: 'referral' }));
    await ok(move(worker, { status: 'in_care' }));
    expect((await move(worker, { status: 'open' })).res.statusCode).toBe(409);
    const closed = await ok(move(worker, { status: 'closed', outcome: 'helped' }));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'helped' });
    expect(closed.closedAt).toBe(clock.now().toISOString());
    // Closed: no more edits or notes; only a supervisor reopens.
    expect((await worker.call('PATCH', `/api/cases/${c.id}`, { needs: [] })).res.statusCode).toBe(
      403,
    );
    expect(
      (await worker.call('POST', `/api/cases/${c.id}/notes`, { text: 'x' })).res.statusCode,
    ).toBe(403);
    expect((await move(worker, { status: 'open' })).res.statusCode).toBe(403);
    expect((await detail(worker, c.id)).nextStatuses).toEqual([]);
    expect((await detail(supervisor, c.id)).nextStatuses).toEqual(['open']);
    const reopened = await ok(move(supervisor, { status: 'open' }));
    expect(reopened).toMatchObject({ status: 'open', outcome: null, closedAt: null });
  });
});

describe('the child protocol', () => {
  it('alerts supervisors at once when a case is opened about a minor', async () => {
    const { worker, supervisor } = people;
    const c = await openCaseAs(worker, { age: 16 });
    expect(c.minor).toBe(true);
    const alerts = (await ok(supervisor.call('GET', '/api/cases/alerts'))).items as {
      id: string;
      caseId: string;
      kind: string;
    }[];
    const alert = alerts.find((a) => a.caseId === c.id);
    expect(alert).toMatchObject({ kind: 'minor', caseAlias: c.alias });
    // Workers are not the protocol's addressees, and do not acknowledge.
    expect((await ok(worker.call('GET', '/api/cases/alerts'))).items).toEqual([]);
    expect(
      (await worker.call('POST', `/api/cases/alerts/${alert!.id}/acknowledge`)).res.statusCode,
    ).toBe(403);
    const acked = await ok(supervisor.call('POST', `/api/cases/alerts/${alert!.id}/acknowledge`));
    expect(acked.acknowledgedBy).toBe(supervisor.id);
    expect(
      (await supervisor.call('POST', `/api/cases/alerts/${alert!.id}/acknowledge`)).res.statusCode,
    ).toBe(409);
    const after = (await ok(supervisor.call('GET', '/api/cases/alerts'))).items as {
      caseId: string;
    }[];
    expect(after.map((a) => a.caseId)).not.toContain(c.id);
  });

  it('alerts when a case becomes about a minor, and only a supervisor ends it', async () => {
    const { worker, supervisor } = people;
    const c = await openCaseAs(worker, { age: 19 });
    expect(c.minor).toBe(false);
    expect((await detail(worker, c.id)).alerts).toEqual([]);
    const changed = await ok(worker.call('PATCH', `/api/cases/${c.id}`, { minor: true }));
    expect(changed.minor).toBe(true);
    expect((await detail(worker, c.id)).alerts).toEqual([
      expect.objectContaining({ kind: 'minor', acknowledgedAt: null }),
    ]);
    // A second edit does not alert twice.
    await ok(worker.call('PATCH', `/api/cases/${c.id}`, { needs: ['safety'] }));
    expect((await detail(worker, c.id)).alerts).toHaveLength(1);
    expect(
      (await worker.call('PATCH', `/api/cases/${c.id}`, { minor: false })).res.statusCode,
    ).toBe(403);
    // An age under 18 contradicts "not a minor".
    const young = await openCaseAs(worker, { age: 15 });
    expect(
      (await supervisor.call('PATCH', `/api/cases/${young.id}`, { minor: false })).res.statusCode,
    ).toBe(400);
    const adult = await ok(supervisor.call('PATCH', `/api/cases/${c.id}`, { minor: false }));
    expect(adult.minor).toBe(false);
  });
});

describe('consent', () => {
  it('is recorded with the person’s own message as evidence, and withdrawn at once', async () => {
    const { worker } = people;
    const conv = await conversationWithReply('Ja, jullie mogen de opvang mijn leeftijd geven.');
    const c = await openCaseAs(worker, { conversationId: conv.conversationId });
    const org = directory[0]!;
    const given = await ok(
      worker.call('POST', `/api/cases/${c.id}/consents`, {
        scope: 'share_with_org',
        organisationId: org,
        fields: ['alias', 'age', 'needs'],
        givenAt: clock.now().toISOString(),
        expiresAt: daysFromNow(90),
        source: 'message',
        evidenceMessageId: conv.messageId,
      }),
    );
    expect(given).toMatchObject({
      state: 'current',
      fields: ['alias', 'age', 'needs'],
      evidence: {
        source: 'message',
        messageId: conv.messageId,
        messageText: 'Ja, jullie mogen de opvang mijn leeftijd geven.',
      },
      recordedBy: worker.id,
    });
    await ok(
      worker.call('POST', `/api/cases/${c.id}/consents`, {
        scope: 'contact_again',
        givenAt: clock.now().toISOString(),
        source: 'call_note',
        note: 'Said on the phone: she may be called back on this number after 18:00.',
      }),
    );
    let d = await detail(worker, c.id);
    expect(d.consent).toMatchObject({ mayContactAgain: true, mayKeepData: false });
    expect(d.consent.records.find((r) => r.scope === 'contact_again')).toMatchObject({
      evidence: { note: 'Said on the phone: she may be called back on this number after 18:00.' },
    });
    // The note is encrypted at rest.
    const [stored] = await t.database.db
      .select()
      .from(consents)
      .where(eq(consents.scope, 'contact_again'));
    expect(stored?.evidenceNoteEnc).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain('18:00');

    const withdrawn = await ok(
      worker.call('POST', `/api/cases/${c.id}/consents/${given.id as string}/withdraw`, {
        source: 'call_note',
        note: 'She called: the shelter must not get anything.',
      }),
    );
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      withdrawnAt: clock.now().toISOString(),
      withdrawnBy: worker.id,
      withdrawal: { source: 'call_note', note: 'She called: the shelter must not get anything.' },
    });
    expect(withdrawals.at(-1)).toEqual({
      caseId: c.id,
      consentId: given.id,
      scope: 'share_with_org',
      organisationId: org,
      withdrawnAt: clock.now(),
      withdrawnBy: worker.id,
    });
    expect(
      (
        await worker.call('POST', `/api/cases/${c.id}/consents/${given.id as string}/withdraw`, {
          source: 'call_note',
          note: 'again',
        })
      ).res.statusCode,
    ).toBe(409);
    d = await detail(worker, c.id);
    expect(d.consent.records.find((r) => r.id === given.id)).toMatchObject({ state: 'withdrawn' });
  });

  it('is not withdrawn if what rested on it cannot be ended (the hook fails: nothing changes)', async () => {
    const { worker } = people;
    const c = await openCaseAs(worker, {});
    const given = await ok(
      worker.call('POST', `/api/cases/${c.id}/consents`, {
        scope: 'keep_data',
        givenAt: clock.now().toISOString(),
        source: 'in_person_note',
        note: 'Agreed at the meeting that we keep her file.',
      }),
    );
    failWithdrawalHook = true;
    try {
      const r = await worker.call(
        'POST',
        `/api/cases/${c.id}/consents/${given.id as string}/withdraw`,
        { source: 'in_person_note', note: 'She wants her file deleted.' },
      );
      expect(r.res.statusCode).toBe(500);
    } finally {
      failWithdrawalHook = false;
    }
    expect((await detail(worker, c.id)).consent.records[0]).toMatchObject({ state: 'current' });
  });

  it('refuses a consent without its organisation, fields or evidence, and foreign evidence', async () => {
    const { worker } = people;
    const mine = await conversationWithReply('Oké.');
    const c = await openCaseAs(worker, { conversationId: mine.conversationId });
    const other = await conversationWithReply('Ja hoor.');
    await openCaseAs(worker, { conversationId: other.conversationId });
    const base = {
      scope: 'share_with_org',
      organisationId: directory[1]!,
      fields: ['alias'],
      givenAt: clock.now().toISOString(),
      source: 'message',
      evidenceMessageId: mine.messageId,
    };
    const post = (body: Record<string, unknown>) =>
      worker.call('POST', `/api/cases/${c.id}/consents`, body);
    const problems = async (body: Record<string, unknown>) => {
      const r = await post(body);
      expect(r.res.statusCode, JSON.stringify(body)).toBe(400);
      return r.json.error as { message: string; problems?: { field: string }[] };
    };
    expect(
      (await problems({ ...base, organisationId: null, fields: [] })).problems?.map((p) => p.field),
    ).toEqual(['organisationId', 'fields']);
    expect(
      (await problems({ ...base, givenAt: daysFromNow(1) })).problems?.map((p) => p.field),
    ).toEqual(['givenAt']);
    await problems({ ...base, expiresAt: daysFromNow(-1) });
    await problems({ ...base, fields: ['password'] });
    await problems({ ...base, evidenceMessageId: undefined });
    await problems({ ...base, source: 'call_note', evidenceMessageId: undefined });
    // Another case's thread, and a message we sent, are not the person's consent here.
    expect((await problems({ ...base, evidenceMessageId: other.messageId })).message).toMatch(
      /conversation of this case/,
    );
    const ours = await insertOutbound(t.database.db, t.config, {
      conversationId: mine.conversationId,
      channelId,
      body: 'Mogen we je gegevens delen?',
      templateId: null,
      authorId: worker.id,
      idempotencyKey: randomUUID(),
      segments: 1,
      now: clock.now(),
    });
    expect((await problems({ ...base, evidenceMessageId: ours.id })).message).toMatch(
      /own message/,
    );
    await problems({ ...base, evidenceMessageId: randomUUID() });
    // An organisation the directory does not know is no one to share with.
    expect(
      (await problems({ ...base, organisationId: randomUUID() })).problems?.map((p) => p.field),
    ).toEqual(['organisationId']);
    expect((await detail(worker, c.id)).consent.records).toEqual([]);
  });
});

describe('tasks, notes and risk', () => {
  it('a due task reminds its holder until done; tasks go only to people on the case', async () => {
    const { worker, stranger } = people;
    const c = await openCaseAs(worker, {});
    const due = await ok(
      worker.call('POST', `/api/cases/${c.id}/tasks`, {
        title: 'Bel terug over de opvangplek',
        dueAt: daysFromNow(-1),
      }),
    );
    const later = await ok(
      worker.call('POST', `/api/cases/${c.id}/tasks`, {
        title: 'Vraag naar haar paspoort',
        dueAt: daysFromNow(3),
      }),
    );
    expect(due.due).toBe(true);
    expect(later.due).toBe(false);
    const reminders = async () =>
      ((await ok(worker.call('GET', '/api/cases/due-tasks'))).items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await reminders()).toContain(due.id);
    expect(await reminders()).not.toContain(later.id);
    await ok(worker.call('PATCH', `/api/cases/${c.id}/tasks/${due.id as string}`, { done: true }));
    expect(await reminders()).not.toContain(due.id);
    expect(
      (
        await worker.call('POST', `/api/cases/${c.id}/tasks`, {
          title: 'x',
          assigneeId: stranger.id,
        })
      ).res.statusCode,
    ).toBe(400);
    expect(
      (await worker.call('POST', `/api/cases/${c.id}/tasks`, { title: '' })).res.statusCode,
    ).toBe(400);
    await ok(worker.call('DELETE', `/api/cases/${c.id}/tasks/${later.id as string}`));
    expect(
      (await worker.call('DELETE', `/api/cases/${c.id}/tasks/${later.id as string}`)).res
        .statusCode,
    ).toBe(404);
    const rows = await t.database.db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id));
    expect(JSON.stringify(rows)).not.toContain('opvangplek');
  });

  it('notes and risk notes are encrypted at rest and read back whole', async () => {
    const { worker } = people;
    const c = await openCaseAs(worker, {});
    const text = 'Zij vertelde dat haar "vriend" haar telefoon controleert.';
    await ok(worker.call('POST', `/api/cases/${c.id}/notes`, { text }));
    const notes = (await ok(worker.call('GET', `/api/cases/${c.id}/notes`))).items as {
      text: string;
    }[];
    expect(notes.map((n) => n.text)).toEqual([text]);
    const rows = await t.database.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id));
    expect(JSON.stringify(rows)).not.toContain('telefoon');
    const risk = await ok(
      worker.call('POST', `/api/cases/${c.id}/risk`, {
        level: 'high',
        answers: { phone_controlled: 'yes', immediate_danger: 'unknown' },
        note: 'Contact only after 22:00.',
      }),
    );
    expect(risk).toMatchObject({ level: 'high', note: 'Contact only after 22:00.' });
    expect((await detail(worker, c.id)).risk).toEqual([
      expect.objectContaining({
        level: 'high',
        answers: { phone_controlled: 'yes', immediate_danger: 'unknown' },
      }),
    ]);
    expect(
      (
        await worker.call('POST', `/api/cases/${c.id}/risk`, {
          level: 'high',
          answers: { favourite_colour: 'yes' },
        })
      ).res.statusCode,
    ).toBe(400);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row?.updatedAt.toISOString()).toBe(clock.now().toISOString());
  });
});

describe('for referrals', () => {
  it('gives only the fields asked for, and a risk summary without the note', async () => {
    const { worker } = people;
    const c = await openCaseAs(worker, {
      age: 24,
      gender: 'female',
      languages: ['ro', 'en'],
      placeId: 'nl:breda',
      placeName: 'Breda',
      needs: ['shelter', 'safety'],
    });
    await ok(
      worker.call('POST', `/api/cases/${c.id}/risk`, {
        level: 'medium',
        answers: { documents_withheld: 'yes', controller_nearby: 'no', debt_to_controller: 'yes' },
        note: 'Never to leave the program.',
      }),
    );
    const values = await caseFieldValues(t.database.db, c.id, ['alias', 'needs', 'risk_summary']);
    expect(values).toEqual({
      alias: c.alias,
      needs: ['safety', 'shelter'],
      risk_summary: {
        level: 'medium',
        assessedAt: clock.now().toISOString(),
        concerns: ['debt_to_controller', 'documents_withheld'],
      },
    });
    expect(await caseFieldValues(t.database.db, c.id, ['place', 'languages'])).toEqual({
      place: { id: 'nl:breda', name: 'Breda' },
      languages: ['ro', 'en'],
    });
    await expect(caseFieldValues(t.database.db, randomUUID(), ['alias'])).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('refusals on records of a case', () => {
  it('refuse consent on a closed case, tasks of another case, and a stranger on every part', async () => {
    const { worker, stranger, supervisor } = people;
    const c = await openCaseAs(worker, {});
    const other = await openCaseAs(worker, {});
    const task = await ok(worker.call('POST', `/api/cases/${other.id}/tasks`, { title: 'x' }));
    // A task is reached through its own case only.
    expect(
      (await worker.call('PATCH', `/api/cases/${c.id}/tasks/${task.id as string}`, { done: true }))
        .res.statusCode,
    ).toBe(404);
    for (const [method, url, body] of [
      ['GET', `/api/cases/${c.id}/notes`, undefined],
      ['POST', `/api/cases/${c.id}/notes`, { text: 'x' }],
      ['POST', `/api/cases/${c.id}/tasks`, { title: 'x' }],
      ['POST', `/api/cases/${c.id}/risk`, { level: 'low', answers: {} }],
      ['PATCH', `/api/cases/${c.id}`, { needs: ['legal'] }],
      ['POST', `/api/cases/${c.id}/status`, { status: 'referral' }],
      ['GET', `/api/cases/${c.id}/views`, undefined],
      [
        'POST',
        `/api/cases/${c.id}/consents`,
        {
          scope: 'keep_data',
          givenAt: clock.now().toISOString(),
          source: 'call_note',
          note: 'x',
        },
      ],
    ] as const) {
      const r = await stranger.call(method, url, body);
      expect(r.res.statusCode, `${method} ${url}`).toBe(404);
    }
    const mine = (await ok(worker.call('GET', '/api/cases?mine=true&limit=100'))).items as {
      id: string;
    }[];
    expect(mine.map((i) => i.id)).toEqual(expect.arrayContaining([c.id, other.id]));
    expect((await ok(supervisor.call('GET', '/api/cases?mine=true&limit=100'))).items).toEqual([]);
    await ok(
      worker.call('POST', `/api/cases/${c.id}/status`, { status: 'closed', outcome: 'other' }),
    );
    const refused = await worker.call('POST', `/api/cases/${c.id}/consents`, {
      scope: 'keep_data',
      givenAt: clock.now().toISOString(),
      source: 'call_note',
      note: 'x',
    });
    expect(refused.res.statusCode).toBe(403);
    const closedList = (await ok(worker.call('GET', '/api/cases?status=closed&limit=100')))
      .items as { id: string; status: string }[];
    expect(closedList.map((i) => i.id)).toContain(c.id);
    expect(closedList.every((i) => i.status === 'closed')).toBe(true);
  });
});

// Last in the file: afterwards the values are under a key the server was not given.
describe('key rotation', () => {
  it('re-encrypts every encrypted column of cases, readable under the new key alone', async () => {
    const { worker } = people;
    const c = await openCaseAs(worker, {});
    await ok(worker.call('POST', `/api/cases/${c.id}/notes`, { text: 'Rotated note.' }));
    await ok(worker.call('POST', `/api/cases/${c.id}/tasks`, { title: 'Rotated task' }));
    await ok(
      worker.call('POST', `/api/cases/${c.id}/risk`, { level: 'low', answers: {}, note: 'R' }),
    );
    const given = await ok(
      worker.call('POST', `/api/cases/${c.id}/consents`, {
        scope: 'keep_data',
        givenAt: clock.now().toISOString(),
        source: 'call_note',
        note: 'Evidence.',
      }),
    );
    await ok(
      worker.call('POST', `/api/cases/${c.id}/consents/${given.id as string}/withdraw`, {
        source: 'call_note',
        note: 'Withdrawal.',
      }),
    );
    const old = t.config.secrets.fieldKeys;
    const fresh = { id: 'cases-new', key: randomBytes(32) };
    const result = await rotateAllFieldKeys(t.database.db, [fresh, ...old], CLI_ACTOR);
    for (const col of CASES_ENCRYPTED_COLUMNS) {
      expect(result.byColumn[`${col.table}.${col.column}`], col.column).toBeGreaterThan(0);
    }
    // Read back through the same contexts the service writes with, under the new key only.
    const only = [fresh];
    const db = t.database.db;
    const [note] = await db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id));
    expect(open(only, note!.bodyEnc, CONTEXTS.noteBody)).toBe('Rotated note.');
    const [task] = await db.select().from(caseTasks).where(eq(caseTasks.caseId, c.id));
    expect(open(only, task!.titleEnc, CONTEXTS.taskTitle)).toBe('Rotated task');
    const [risk] = await db.select().from(riskAssessments).where(eq(riskAssessments.caseId, c.id));
    expect(open(only, risk!.noteEnc!, CONTEXTS.riskNote)).toBe('R');
    const [consent] = await db.select().from(consents).where(eq(consents.caseId, c.id));
    expect(open(only, consent!.evidenceNoteEnc!, CONTEXTS.evidenceNote)).toBe('Evidence.');
    expect(open(only, consent!.withdrawalNoteEnc!, CONTEXTS.withdrawalNote)).toBe('Withdrawal.');
  });
});
