// Chats in the outreach inbox and a case opened from a chat in one step, on both databases.
// The inbox lists threads and chats in one order with one cursor and one unread badge; an
// operator sees the waiting chats and their own, a supervisor every chat, nobody without the chat
// permission any; the list holds no message text and opening a chat from it is the audited
// transcript read. "Open case" on a chat carries its transcript as the case's thread, records the
// consent the person gave in the chat with their own message as evidence, refuses what the consent
// rules refuse (and then makes nothing), and goes to the existing case the second time; erasing
// the case erases the chat too.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import type { ChatLanguage, ChatTriage } from '../../src/contracts/chat-protocol.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { cases } from '../../src/cases/schema.js';
import { chatInboxPage } from '../../src/chat/index.js';
import { chatSessions } from '../../src/chat/schema.js';
import { hashToken } from '../../src/chat/service.js';
import { messagesOfConversation } from '../../src/outreach/index.js';
import { conversations } from '../../src/outreach/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { ok, signInAs, type ApiCall } from '../helpers/api-client.js';
import { openVisitor, type VisitorSocket } from '../helpers/chat-client.js';
import { noonClock } from '../helpers/clock.js';
import {
  CHAT_ORIGIN as ORIGIN,
  listenChatServer,
  openChatTestDatabase,
} from '../helpers/chat-server.js';
import type { TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
const clock = noonClock();

let t: TestDatabase;
let app: FastifyInstance;
let base: string;
const sockets: VisitorSocket[] = [];
let worker: ApiCall;
let colleague: ApiCall;
let supervisor: ApiCall;
let analyst: ApiCall;
let workerId: string;
let organisationId: string;

type Entry = {
  id: string;
  kind: string;
  status: string;
  assigneeId: string | null;
  unread: number;
  lastMessageAt: string;
  chat: { state: string; language: string; urgency: string } | null;
};
type Page = { items: Entry[]; nextCursor: string | null; unread: number };

const tick = () => clock.advance(60_000);

/** A visitor opens a chat (and writes first, when `says` is given); its id. */
async function startChat(language: ChatLanguage, says?: string, triage: ChatTriage = {}) {
  const v = await openVisitor(base, ORIGIN);
  sockets.push(v);
  v.send({ type: 'start', language, triage });
  const welcome = await v.take('welcome');
  const [row] = await t.database.db
    .select({ id: chatSessions.id })
    .from(chatSessions)
    .where(eq(chatSessions.tokenHash, hashToken(t.config, welcome.token)));
  const id = row!.id;
  const say = async (body: string) => {
    v.send({ type: 'message', clientId: randomUUID(), body });
    return (await v.take('ack')).seq;
  };
  if (says) await say(says);
  return { id, say };
}

/** An inbound thread whose last message came now (no contact: the list needs none). */
async function thread(unread = 1) {
  const [row] = await t.database.db
    .insert(conversations)
    .values({
      kind: 'inbound',
      status: 'open',
      unread,
      lastMessageAt: clock.now(),
      createdAt: clock.now(),
    })
    .returning();
  return row!.id;
}

const inbox = async (who: ApiCall, query = 'status=all') =>
  ok<Page>(who('GET', `/api/inbox?${query}`));

const auditOf = (action: string, targetId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

beforeAll(async () => {
  t = await openChatTestDatabase({ CHAT_MAX_PER_OPERATOR: '5' });
  ({ app, base } = await listenChatServer(t, log, clock));
  worker = await signInAs(app, t.database.db, 'outreach_worker');
  colleague = await signInAs(app, t.database.db, 'outreach_worker');
  supervisor = await signInAs(app, t.database.db, 'supervisor');
  analyst = await signInAs(app, t.database.db, 'analyst');
  type Session = { user: { id: string } };
  workerId = (await ok<Session>(worker('GET', '/api/auth/session'))).user.id;
  await seedPartnerDirectory(
    t.database.db,
    CLI_ACTOR,
    generatePartnerDirectory({ asOf: clock.now() }),
    clock,
  );
  const [org] = await t.database.db
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .limit(1);
  organisationId = org!.id;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await app?.close();
  await t?.cleanup();
});

describe('the inbox with threads and chats', () => {
  it('lists both in one order, with the chats’ state, language and unread, by kind', async () => {
    tick();
    const older = await thread();
    tick();
    const waiting = await startChat('nl', 'hallo, is daar iemand?');
    tick();
    const newer = await thread(0);
    tick();
    const theirs = await startChat('en', 'hello');
    await ok(colleague('POST', '/api/chat/take', { chatId: theirs.id }));
    tick();
    const mine = await startChat('en');
    await ok(worker('POST', '/api/chat/take', { chatId: mine.id }));
    await mine.say('are you there?');

    const page = await inbox(worker);
    const ids = page.items.map((i) => i.id);
    // Newest first across both kinds; a colleague's chat is not the worker's to read.
    expect(ids.slice(0, 4)).toEqual([mine.id, newer, waiting.id, older]);
    expect(ids).not.toContain(theirs.id);
    expect(page.items[0]).toMatchObject({
      kind: 'chat',
      status: 'open',
      assigneeId: workerId,
      unread: 1,
      chat: { state: 'active', language: 'en' },
    });
    expect(page.items[2]).toMatchObject({
      kind: 'chat',
      assigneeId: null,
      unread: 1,
      chat: { state: 'queued', language: 'nl' },
    });
    expect(page.items[1]).toMatchObject({ kind: 'inbound', chat: null });
    // No message text in the list.
    expect(JSON.stringify(page)).not.toContain('hallo');
    // The badge counts the unread thread and both unread chats (mine, and the waiting one).
    expect(page.unread).toBe(3);

    // The supervisor sees every chat, the colleague's too.
    expect((await inbox(supervisor)).items.map((i) => i.id)).toContain(theirs.id);

    // By kind.
    const chats = await inbox(worker, 'status=all&kind=chat');
    expect(chats.items.every((i) => i.kind === 'chat')).toBe(true);
    expect(chats.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, waiting.id]));
    const threads = await inbox(worker, 'status=all&kind=outreach');
    expect(threads.items.every((i) => i.kind !== 'chat')).toBe(true);
    expect(threads.items.map((i) => i.id)).toEqual(expect.arrayContaining([older, newer]));

    // Mine, and unread only.
    const assigned = await inbox(worker, 'status=all&assignee=me');
    expect(assigned.items.map((i) => i.id)).toContain(mine.id);
    expect(assigned.items.map((i) => i.id)).not.toContain(waiting.id);
    const unread = await inbox(worker, 'status=all&unread=true');
    expect(unread.items.map((i) => i.id)).not.toContain(newer);

    // Read, the chat's count clears.
    await ok(worker('POST', `/api/chat/chats/${mine.id}/read`, { upTo: 1 }));
    const after = await inbox(worker, 'status=all&kind=chat');
    expect(after.items.find((i) => i.id === mine.id)?.unread).toBe(0);

    // An ended chat is closed: listed under closed, not under open.
    await ok(worker('POST', `/api/chat/chats/${mine.id}/end`, { reason: 'resolved' }));
    const closed = await inbox(worker, 'status=closed');
    expect(closed.items.find((i) => i.id === mine.id)).toMatchObject({
      status: 'closed',
      chat: { state: 'ended' },
    });
    expect((await inbox(worker, 'status=open')).items.map((i) => i.id)).not.toContain(mine.id);
    await ok(colleague('POST', `/api/chat/chats/${theirs.id}/end`, { reason: 'resolved' }));
    await ok(supervisor('POST', `/api/chat/chats/${waiting.id}/end`, { reason: 'resolved' }));
  });

  it('previews a chat only to whoever may open its transcript, masked, and audits it', async () => {
    tick();
    const waiting = await startChat('nl', 'ben je daar? mijn nummer is 0470 12 34 56');
    tick();
    const mine = await startChat('nl', 'hoi');
    await ok(worker('POST', '/api/chat/take', { chatId: mine.id }));
    await mine.say('bel me op 0612345678 of mail naar iemand@example.org, ik wil weg');
    type Previewed = Entry & { last: { from: string; preview: string } | null };
    const previewOf = async (who: ApiCall, id: string) =>
      (
        await ok<{ items: Previewed[] }>(who('GET', '/api/inbox?status=all&preview=true'))
      ).items.find((i) => i.id === id);

    // The holder sees the latest words, every number and address masked (a Dutch and a Belgian
    // national number alike: a chat has no country).
    const held = await previewOf(worker, mine.id);
    expect(held?.last?.from).toBe('person');
    expect(held?.last?.preview).toMatch(/^bel me op •+ of mail naar •+, ik wil weg$/);
    // A waiting chat is nobody's yet: its words are not the worker's to read in the list.
    expect((await previewOf(worker, waiting.id))?.last).toBeNull();
    // Nor is a colleague's chat listed at all; a supervisor sees both, masked.
    expect(await previewOf(colleague, mine.id)).toBeUndefined();
    const watched = await previewOf(supervisor, waiting.id);
    expect(watched?.last?.preview).toBe('ben je daar? mijn nummer is •••• •• •• ••');
    expect(JSON.stringify(watched)).not.toMatch(/0470|12 34 56/);
    // The operator's own answer is "worker".
    await ok(worker('POST', `/api/chat/chats/${mine.id}/messages`, { body: 'Ik ben er.' }));
    expect((await previewOf(worker, mine.id))?.last).toMatchObject({
      from: 'worker',
      preview: 'Ik ben er.',
    });
    // Showing them is audited, naming the chats.
    const shown = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'inbox.preview'));
    const named = shown.flatMap((a) => (a.details as { chats?: string[] }).chats ?? []);
    expect(named).toEqual(expect.arrayContaining([mine.id, waiting.id]));
    // Without `preview` the list carries no text.
    const plain = await inbox(worker);
    expect(JSON.stringify(plain)).not.toMatch(/weg|Ik ben er/);
    await ok(worker('POST', `/api/chat/chats/${mine.id}/end`, { reason: 'resolved' }));
    await ok(supervisor('POST', `/api/chat/chats/${waiting.id}/end`, { reason: 'resolved' }));
  });

  it('pages both kinds with one cursor: page by page is the list in one go', async () => {
    for (let i = 0; i < 3; i++) {
      tick();
      await thread();
      tick();
      await startChat('nl', `bericht ${i}`);
    }
    const whole = (await inbox(supervisor, 'status=all&limit=200')).items.map((i) => i.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `status=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = await inbox(supervisor, q);
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(whole);
    expect(new Set(walked).size).toBe(walked.length);
    // Both kinds are in it, interleaved as they happened.
    const kinds = (await inbox(supervisor, 'status=all&limit=6')).items.map((i) => i.kind);
    expect(kinds).toEqual(['chat', 'inbound', 'chat', 'inbound', 'chat', 'inbound']);
  });

  it('is refused to those who work neither, and shows no chats without the chat permission', async () => {
    await ok(analyst('GET', '/api/inbox'), 403);
    // The chat context's own guard: a role without the chat permission reads no chats at all.
    const none = await chatInboxPage(
      t.database.db,
      { id: randomUUID(), role: 'analyst' },
      { status: 'all', limit: 50 },
    );
    expect(none).toEqual([]);
  });

  it('opens a chat from the inbox through the transcript read, which is audited', async () => {
    tick();
    const c = await startChat('nl', 'ik wil praten');
    await ok(worker('POST', '/api/chat/take', { chatId: c.id }));
    const entry = (await inbox(worker, 'kind=chat')).items.find((i) => i.id === c.id);
    expect(entry).toBeDefined();
    expect(await auditOf('chat.open', c.id)).toHaveLength(0);
    const opened = await ok<{ messages: { body: string }[]; caseId: string | null }>(
      worker('GET', `/api/chat/chats/${c.id}`),
    );
    expect(opened.messages.map((m) => m.body)).toEqual(['ik wil praten']);
    expect(opened.caseId).toBeNull();
    expect(await auditOf('chat.open', c.id)).toHaveLength(1);
    // A colleague cannot read it through the inbox's link either.
    await ok(colleague('GET', `/api/chat/chats/${c.id}`), 403);
    await ok(worker('POST', `/api/chat/chats/${c.id}/end`, { reason: 'resolved' }));
  });
});

describe('a case opened from a chat', () => {
  type Opened = { caseId: string; pseudonym: string; alias: string; consentIds: string[] };
  type CaseDetail = {
    case: { origin: string; languages: string[]; minor: boolean };
    consent: {
      mayContactAgain: boolean;
      mayKeepData: boolean;
      records: {
        scope: string;
        fields: string[];
        evidence: { source: string; messageText: string | null };
      }[];
    };
    conversations: { conversationId: string; kind: string }[];
  };
  const caseCount = async () => (await t.database.db.select().from(cases)).length;

  it('carries the transcript, records the consent with the person’s message, and goes there again', async () => {
    const c = await startChat('nl', 'hallo');
    await ok(worker('POST', '/api/chat/take', { chatId: c.id }));
    tick();
    const asked = await ok<{ seq: number }>(
      worker('POST', `/api/chat/chats/${c.id}/messages`, {
        body: 'Mogen we je gegevens bewaren en je later weer spreken?',
      }),
    );
    tick();
    const yes = await c.say('ja, dat mag, en deel mijn alias met de opvang');
    const before = await caseCount();
    const url = `/api/chat/chats/${c.id}/case`;

    // Refusals make nothing: a colleague's chat, an analyst, our own message as evidence, consent
    // without the message it was given in, a share that names no field.
    await ok(colleague('POST', url, {}), 403);
    await ok(analyst('POST', url, {}), 403);
    const ours = await ok<{ error: { code: string } }>(
      worker('POST', url, { evidenceSeq: asked.seq, consents: [{ scope: 'keep_data' }] }),
      400,
    );
    expect(ours.error.code).toBe('validation_failed');
    await ok(worker('POST', url, { consents: [{ scope: 'keep_data' }] }), 400);
    await ok(
      worker('POST', url, {
        evidenceSeq: yes,
        consents: [{ scope: 'share_with_org', organisationId, fields: [] }],
      }),
      400,
    );
    expect(await caseCount()).toBe(before);

    const opened = await ok<Opened>(
      worker('POST', url, {
        evidenceSeq: yes,
        consents: [
          { scope: 'keep_data' },
          { scope: 'contact_again' },
          { scope: 'share_with_org', organisationId, fields: ['alias'] },
        ],
      }),
    );
    expect(opened.consentIds).toHaveLength(3);
    expect(await caseCount()).toBe(before + 1);

    const detail = await ok<CaseDetail>(worker('GET', `/api/cases/${opened.caseId}`));
    expect(detail.case).toMatchObject({ origin: 'chat', languages: ['nl'], minor: false });
    expect(detail.consent).toMatchObject({ mayContactAgain: true, mayKeepData: true });
    expect(detail.consent.records).toHaveLength(3);
    for (const r of detail.consent.records) {
      expect(r.evidence).toMatchObject({
        source: 'chat',
        messageText: 'ja, dat mag, en deel mijn alias met de opvang',
      });
    }
    // The transcript is the case's thread, as a conversation's is.
    expect(detail.conversations).toEqual([expect.objectContaining({ kind: 'chat' })]);
    const threadId = detail.conversations[0]!.conversationId;
    const carried = await messagesOfConversation(t.database.db, t.config, threadId);
    expect(carried.map((m) => [m.direction, m.body])).toEqual([
      ['in', 'hallo'],
      ['out', 'Mogen we je gegevens bewaren en je later weer spreken?'],
      ['in', 'ja, dat mag, en deel mijn alias met de opvang'],
    ]);
    // The carried thread is not a second entry in the inbox: the chat is.
    expect((await inbox(worker)).items.map((i) => i.id)).not.toContain(threadId);

    // Audited in both contexts.
    const [chatAudit] = await auditOf('chat.open_case', c.id);
    expect(chatAudit?.details).toMatchObject({
      caseId: opened.caseId,
      conversationId: threadId,
      evidenceSeq: yes,
    });
    expect(await auditOf('case.open', opened.caseId)).toHaveLength(1);
    expect(await auditOf('case.consent_recorded', opened.caseId)).toHaveLength(3);

    // Nothing goes beyond the consent: the alias may go to that organisation, the needs may not.
    const outside = await ok<{ error: { message: string } }>(
      worker('POST', `/api/cases/${opened.caseId}/referrals`, {
        partnerId: organisationId,
        fields: ['alias', 'needs'],
      }),
      403,
    );
    expect(outside.error.message).toContain('needs');

    // The transcript read names the case; a second "open case" goes to it and carries what is new.
    tick();
    await c.say('dank je');
    const read = await ok<{ caseId: string | null }>(worker('GET', `/api/chat/chats/${c.id}`));
    expect(read.caseId).toBe(opened.caseId);
    const again = await ok<{ error: { caseId?: string } }>(worker('POST', url, {}), 409);
    expect(again.error.caseId).toBe(opened.caseId);
    expect(await caseCount()).toBe(before + 1);
    const later = await messagesOfConversation(t.database.db, t.config, threadId);
    expect(later.map((m) => m.body).at(-1)).toBe('dank je');
    await ok(worker('POST', `/api/chat/chats/${c.id}/end`, { reason: 'referred' }));
  });

  it('opens with no consent yet, a child starts the child protocol, erasure takes the chat', async () => {
    const c = await startChat('en', 'i am 15', { ageGroup: 'under_18' });
    await ok(supervisor('POST', '/api/chat/take', { chatId: c.id }));
    const opened = await ok<Opened>(supervisor('POST', `/api/chat/chats/${c.id}/case`, {}));
    expect(opened.consentIds).toEqual([]);
    const detail = await ok<CaseDetail>(supervisor('GET', `/api/cases/${opened.caseId}`));
    expect(detail.case).toMatchObject({ origin: 'chat', minor: true, languages: ['en'] });
    expect(detail.consent).toMatchObject({ mayContactAgain: false, records: [] });
    expect(await auditOf('case.alert_raised', opened.caseId)).toHaveLength(1);
    // Without a consent to share, nothing goes to an organisation.
    await ok(
      supervisor('POST', `/api/cases/${opened.caseId}/referrals`, {
        partnerId: organisationId,
        fields: ['alias'],
      }),
      403,
    );
    // A worker who does not hold the chat learns nothing of its case from the transcript either.
    await ok(worker('GET', `/api/chat/chats/${c.id}`), 403);
    await ok(supervisor('POST', `/api/chat/chats/${c.id}/end`, { reason: 'referred' }));
    // The person's erasure takes the chat along with the case and its thread.
    const threadId = detail.conversations[0]!.conversationId;
    await ok(
      supervisor('POST', `/api/cases/${opened.caseId}/erase`, {
        confirmPseudonym: opened.pseudonym,
      }),
    );
    await ok(supervisor('GET', `/api/chat/chats/${c.id}`), 404);
    expect(await messagesOfConversation(t.database.db, t.config, threadId)).toEqual([]);
    expect(
      await t.database.db.select().from(chatSessions).where(eq(chatSessions.id, c.id)),
    ).toEqual([]);
  });
});
