// The chat line end to end on both databases, over real WebSockets on a listening server: a
// visitor opens a chat from the organisation's page (any other origin is refused, nothing cached,
// no cookie), waits in a queue ordered by urgency, an operator takes it and they write to each
// other with typing and read marks both ways; the visitor's connection drops and comes back with
// nothing lost or doubled; a second server on the same database carries the chat to a visitor
// connected there (LISTEN/NOTIFY, or the embedded path on PGlite); limits, caps, block, resume
// codes, the unanswered job's alert, the audit of every opening and retention.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/app/retention.js';
import { returnUnanswered } from '../../src/chat/index.js';
import { hashAddress, hashToken } from '../../src/chat/service.js';
import { chatMessages, chatNotes, chatSessions } from '../../src/chat/schema.js';
import type { OperatorFrame, OperatorServerFrame } from '../../src/chat/events.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { ok, signInAs, sessionCookieOf, type ApiCall } from '../helpers/api-client.js';
import { JsonSocket, openVisitor, type VisitorSocket } from '../helpers/chat-client.js';
import { noonClock } from '../helpers/clock.js';
import {
  CHAT_CONSOLE as CONSOLE,
  CHAT_ORIGIN as ORIGIN,
  listenChatServer,
  openChatTestDatabase,
} from '../helpers/chat-server.js';
import type { TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
const clock = noonClock();

let t: TestDatabase;
let app: FastifyInstance;
let other: FastifyInstance;
let base: string;
let otherBase: string;
const open: { close(): void }[] = [];
let worker: ApiCall;
let colleague: ApiCall;
let supervisor: ApiCall;
let analyst: ApiCall;
let workerId: string;
let colleagueId: string;

async function visitor(at = base): Promise<VisitorSocket> {
  const v = await openVisitor(at, ORIGIN);
  open.push(v);
  return v;
}

async function startChat(triage?: Record<string, string>, at = base) {
  const v = await visitor(at);
  v.send({ type: 'start', language: 'nl', ...(triage ? { triage } : {}) } as never);
  const welcome = await v.take('welcome');
  // The widget never learns the chat's id; the test finds it by the token's keyed hash.
  const [chat] = await t.database.db
    .select()
    .from(chatSessions)
    .where(eq(chatSessions.tokenHash, hashToken(t.config, welcome.token)));
  return { v, welcome, chatId: chat!.id };
}

async function operatorSocket(call: ApiCall, at = base) {
  const s = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
    `${at.replace(/^http/, 'ws')}/api/chat/events`,
    { origin: CONSOLE, cookie: sessionCookieOf(call) },
  );
  open.push(s);
  await s.take('hello');
  return s;
}

/** The raw answer to an upgrade request: status and headers, as a browser would get them. */
function upgradeAnswer(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    // No keep-alive: a refused upgrade's socket is closed after the answer.
    const req = http.request(url, {
      agent: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': Buffer.from(randomUUID().slice(0, 16)).toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  t = await openChatTestDatabase({ CHAT_UNANSWERED_MINUTES: '5', RETENTION_CHAT_DAYS: '30' });
  ({ app, base } = await listenChatServer(t, log, clock));
  // A second server on the same database, with tight limits for the limits' test.
  const tight = { ...t.config, chat: { ...t.config.chat, messagesPerMinute: 5 } };
  ({ app: other, base: otherBase } = await listenChatServer(t, log, clock, tight));
  worker = await signInAs(app, t.database.db, 'outreach_worker');
  colleague = await signInAs(app, t.database.db, 'outreach_worker');
  supervisor = await signInAs(app, t.database.db, 'supervisor');
  analyst = await signInAs(app, t.database.db, 'analyst');
  type Session = { user: { id: string } };
  workerId = (await ok<Session>(worker('GET', '/api/auth/session'))).user.id;
  colleagueId = (await ok<Session>(colleague('GET', '/api/auth/session'))).user.id;
});

afterAll(async () => {
  for (const s of open) s.close();
  await other?.close();
  await app?.close();
  await t?.cleanup();
});

describe('the visitor’s socket', () => {
  it('opens only from the configured origins, uncached and without cookies', async () => {
    const url = `${base}/chat/ws`;
    const refused = await upgradeAnswer(url, { origin: 'https://evil.example.net' });
    expect(refused.status).toBe(403);
    expect((await upgradeAnswer(url, {})).status).toBe(403);
    const accepted = await upgradeAnswer(url, { origin: ORIGIN });
    expect(accepted.status).toBe(101);
    expect(accepted.headers['cache-control']).toBe('no-store');
    expect(accepted.headers['set-cookie']).toBeUndefined();
    // The operators' events are the console's: not from the widget's origin, not signed out.
    expect((await upgradeAnswer(`${base}/api/chat/events`, { origin: ORIGIN })).status).toBe(403);
    expect((await upgradeAnswer(`${base}/api/chat/events`, { origin: CONSOLE })).status).toBe(401);
  });

  it('answers nonsense with a clear refusal and keeps the connection', async () => {
    const v = await visitor();
    v.send('not json');
    expect(await v.take('error')).toEqual({ type: 'error', code: 'bad_frame' });
    v.send({ type: 'message', clientId: randomUUID(), body: 'before any chat' });
    expect(await v.take('error')).toEqual({ type: 'error', code: 'unknown_chat' });
    v.send({ type: 'ping' });
    await v.take('pong');
    v.send({ type: 'resume', token: 'x'.repeat(40), lastSeq: 0 });
    expect(await v.take('error')).toEqual({ type: 'error', code: 'unknown_chat' });
    v.send({ type: 'start', language: 'nl' });
    await v.take('welcome');
    v.send({ type: 'message', clientId: randomUUID(), body: 'x'.repeat(4001) });
    expect(await v.take('error')).toEqual({ type: 'error', code: 'too_long' });
    v.send({ type: 'end' });
    expect(await v.take('ended')).toEqual({ type: 'ended', reason: 'visitor_left' });
    v.send({ type: 'message', clientId: randomUUID(), body: 'after the end' });
    expect(await v.take('error')).toEqual({ type: 'error', code: 'chat_ended' });
  });

  it('stores nothing of the visitor’s address or browser, as the widget tells them', async () => {
    const agent = 'CanaryPhone/7.1 (synthetic; ariadne-test)';
    const v = await openVisitor(base, ORIGIN, { 'user-agent': agent });
    open.push(v);
    v.send({ type: 'start', language: 'en', triage: { safeNow: 'yes' } });
    const welcome = await v.take('welcome');
    v.send({ type: 'message', clientId: randomUUID(), body: 'is my address kept?' });
    await v.take('ack');
    const [chat] = await t.database.db
      .select({ id: chatSessions.id })
      .from(chatSessions)
      .where(eq(chatSessions.tokenHash, hashToken(t.config, welcome.token)));
    expect(chat).toBeDefined();
    // Every row of every chat table, as text: neither the address (nor its keyed hash, which
    // lives in memory for the rate limits only) nor the browser's name.
    const tables = await t.database.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_name LIKE 'chat\_%'`,
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(5);
    // Nor a column that could hold them, even encrypted.
    const columns = await t.database.db.execute<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name LIKE 'chat\_%'`,
    );
    expect(columns.rows.map((c) => c.column_name)).not.toContainEqual(
      expect.stringMatching(/(^|_)(ip|address|agent|meta)(_|$)/),
    );
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await t.database.db.execute<{ r: string }>(
        sql`SELECT row_to_json(x)::text AS r FROM ${sql.identifier(table_name)} x`,
      );
      dump += rows.rows.map((r) => r.r).join('\n');
    }
    expect(dump).toContain(chat!.id);
    for (const trace of ['127.0.0.1', '::1', hashAddress(t.config, '127.0.0.1'), 'CanaryPhone']) {
      expect(dump).not.toContain(trace);
    }
    v.send({ type: 'end' });
    await v.take('ended');
  });
});

describe('a chat from the queue to the end', () => {
  it('queues by urgency, is taken, and carries messages both ways exactly once', async () => {
    const plain = await startChat({ safeNow: 'yes', topic: 'other' });
    expect(plain.welcome.status).toMatchObject({ state: 'queued', position: 1, open: true });
    expect(plain.welcome.messages).toEqual([]);
    const urgent = await startChat({ safeNow: 'no' });
    expect(urgent.welcome.status).toMatchObject({ state: 'queued', position: 1 });
    // The plain chat moves down behind the urgent one.
    await plain.v.take('status', (f) => f.status.position === 2);

    const queue = await ok<{ items: { id: string; urgency: string; position: number }[] }>(
      worker('GET', '/api/chat/queue'),
    );
    expect(queue.items.slice(-2).map((c) => [c.id, c.urgency])).toEqual([
      [urgent.chatId, 'not_safe'],
      [plain.chatId, 'other'],
    ]);
    await ok(analyst('GET', '/api/chat/queue'), 403);

    // The visitor writes before anyone answers; a resend of the same message is stored once.
    const clientId = randomUUID();
    urgent.v.send({ type: 'message', clientId, body: 'ik ben niet veilig' });
    const ack = await urgent.v.take('ack');
    expect(ack).toMatchObject({ clientId, seq: 1 });
    urgent.v.send({ type: 'message', clientId, body: 'ik ben niet veilig' });
    expect(await urgent.v.take('ack')).toEqual(ack);
    const stored = await t.database.db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.chatId, urgent.chatId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.bodyEnc).not.toContain('veilig');

    // The operator's console is open: it hears of the take and the visitor's words.
    const events = await operatorSocket(worker);
    const taken = await ok<{ id: string; state: string; operatorName: string }>(
      worker('POST', '/api/chat/take', {}),
    );
    expect(taken).toMatchObject({ id: urgent.chatId, state: 'active' });
    const status = await urgent.v.take('status', (f) => f.status.state === 'active');
    expect(status.status.operatorName).toBe('outreach_worker');

    const transcript = await ok<{ messages: { seq: number; from: string; body: string }[] }>(
      worker('GET', `/api/chat/chats/${urgent.chatId}`),
    );
    expect(transcript.messages).toMatchObject([
      { seq: 1, from: 'visitor', body: 'ik ben niet veilig' },
    ]);
    // A colleague who does not hold it may not read it; a supervisor may (both audited when read).
    await ok(colleague('GET', `/api/chat/chats/${urgent.chatId}`), 403);
    await ok(supervisor('GET', `/api/chat/chats/${urgent.chatId}`));
    const opened = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.open'), eq(auditLog.targetId, urgent.chatId)));
    expect(opened).toHaveLength(2);

    // Both ways, with typing and read marks.
    const sent = await ok<{ seq: number }>(
      worker('POST', `/api/chat/chats/${urgent.chatId}/messages`, {
        body: 'Je bent welkom. Waar ben je nu?',
        clientId: randomUUID(),
      }),
    );
    expect(sent.seq).toBe(2);
    expect((await urgent.v.take('message')).message).toMatchObject({
      seq: 2,
      from: 'operator',
      body: 'Je bent welkom. Waar ben je nu?',
    });
    urgent.v.send({ type: 'typing', on: true });
    expect(await events.take('typing')).toEqual({
      type: 'typing',
      chatId: urgent.chatId,
      on: true,
    });
    urgent.v.send({ type: 'read', upTo: 2 });
    expect(await events.take('read')).toEqual({ type: 'read', chatId: urgent.chatId, upTo: 2 });
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/typing`, { on: true }));
    expect(await urgent.v.take('typing')).toEqual({ type: 'typing', on: true });
    urgent.v.send({ type: 'message', clientId: randomUUID(), body: 'thuis' });
    await urgent.v.take('ack', (f) => f.seq === 3);
    // The console hears its own message too (another tab, a supervisor), then the visitor's.
    expect((await events.take('message')).message).toMatchObject({ seq: 2, from: 'operator' });
    expect((await events.take('message')).message).toMatchObject({ seq: 3, body: 'thuis' });
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/read`, { upTo: 3 }));
    expect(await urgent.v.take('read')).toEqual({ type: 'read', upTo: 3 });

    // Internal notes: encrypted, never sent to the visitor.
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/notes`, { body: 'minder dan 18?' }));
    const notes = await ok<{ items: { body: string }[] }>(
      worker('GET', `/api/chat/chats/${urgent.chatId}/notes`),
    );
    expect(notes.items.map((n) => n.body)).toEqual(['minder dan 18?']);
    const [note] = await t.database.db
      .select()
      .from(chatNotes)
      .where(eq(chatNotes.chatId, urgent.chatId));
    // Not the words ('18' alone would be found in base64 by chance now and then).
    expect(note!.bodyEnc).not.toContain('minder dan');
    expect(note!.bodyEnc).toMatch(/^v1\.[^.]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);

    // The connection drops; the operator writes twice meanwhile; the widget comes back with the
    // last seq it has and resends the message whose ack it never saw.
    urgent.v.close();
    await urgent.v.closed;
    for (const body of ['Ben je er nog?', 'Ik wacht op je.']) {
      await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/messages`, { body }));
    }
    const back = await visitor();
    back.send({ type: 'resume', token: urgent.welcome.token, lastSeq: 3 });
    const again = await back.take('welcome');
    expect(again.messages.map((m) => [m.seq, m.body])).toEqual([
      [4, 'Ben je er nog?'],
      [5, 'Ik wacht op je.'],
    ]);
    expect(again.status).toMatchObject({ state: 'active', operatorName: 'outreach_worker' });
    back.send({ type: 'message', clientId, body: 'ik ben niet veilig' });
    expect(await back.take('ack')).toMatchObject({ clientId, seq: 1 });
    const all = await t.database.db
      .select({ seq: chatMessages.seq })
      .from(chatMessages)
      .where(eq(chatMessages.chatId, urgent.chatId))
      .orderBy(chatMessages.seq);
    expect(all.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);

    // A message from the operator after the return arrives once.
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/messages`, { body: 'Fijn.' }));
    expect((await back.take('message')).message).toMatchObject({ seq: 6, body: 'Fijn.' });

    // Ended with a reason: the visitor is told, and can write no more.
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/end`, { reason: 'resolved' }));
    expect(await back.take('ended')).toEqual({ type: 'ended', reason: 'resolved' });
    expect(back.pending().filter((f) => f.type === 'message')).toEqual([]);
    await ok(worker('POST', `/api/chat/chats/${urgent.chatId}/messages`, { body: 'x' }), 409);
    events.close();
  });

  it('reaches a visitor connected to another server', async () => {
    const { v, chatId } = await startChat({}, otherBase);
    await ok(colleague('POST', '/api/chat/take', { chatId }));
    await v.take('status', (f) => f.status.state === 'active');
    await ok(colleague('POST', `/api/chat/chats/${chatId}/messages`, { body: 'hallo van ver' }));
    expect((await v.take('message')).message).toMatchObject({ seq: 1, body: 'hallo van ver' });
    // And the other way: the console on the first server hears the visitor on the second.
    const events = await operatorSocket(colleague);
    v.send({ type: 'message', clientId: randomUUID(), body: 'ik hoor je' });
    expect((await events.take('message', (f) => f.chatId === chatId)).message.body).toBe(
      'ik hoor je',
    );
    await ok(colleague('POST', `/api/chat/chats/${chatId}/end`, { reason: 'resolved' }));
    events.close();
  });
});

describe('rules around the chat', () => {
  it('limits frames per chat and says when to try again', async () => {
    // The second server allows five frames a minute per chat.
    const { v } = await startChat({}, otherBase);
    for (let i = 0; i < 6; i++) v.send({ type: 'typing', on: i % 2 === 0 });
    const refusal = await v.take('error');
    expect(refusal).toMatchObject({ code: 'rate_limited' });
    expect(refusal.retryAfter).toBeGreaterThanOrEqual(1);
    expect(v.pending()).toEqual([]);
    // A minute later the chat may speak again.
    clock.advance(60_000);
    v.send({ type: 'end' });
    await v.take('ended');
    expect(v.pending().filter((f) => f.type === 'error')).toEqual([]);
  });

  it('holds an operator to the cap, and transfers under the colleague’s cap', async () => {
    const chats = [await startChat(), await startChat(), await startChat()];
    await ok(colleague('POST', '/api/chat/take', { chatId: chats[0]!.chatId }));
    await ok(colleague('POST', '/api/chat/take', { chatId: chats[1]!.chatId }));
    await ok(colleague('POST', '/api/chat/take', { chatId: chats[2]!.chatId }), 409);
    // The worker holds none now; a transfer to the colleague (at the cap) is refused.
    await ok(worker('POST', '/api/chat/take', { chatId: chats[2]!.chatId }));
    await ok(
      worker('POST', `/api/chat/chats/${chats[2]!.chatId}/transfer`, { toUserId: colleagueId }),
      409,
    );
    await ok(colleague('POST', `/api/chat/chats/${chats[1]!.chatId}/end`, { reason: 'resolved' }));
    const moved = await ok<{ operatorId: string }>(
      worker('POST', `/api/chat/chats/${chats[2]!.chatId}/transfer`, { toUserId: colleagueId }),
    );
    expect(moved.operatorId).toBe(colleagueId);
    await ok(worker('GET', `/api/chat/chats/${chats[2]!.chatId}`), 403);
    // A supervisor watches (audited) and joins; what they write reaches the visitor.
    const watching = await operatorSocket(supervisor);
    watching.send({ type: 'watch', chatId: chats[2]!.chatId });
    await watching.take('watching');
    await ok(colleague('POST', `/api/chat/chats/${chats[2]!.chatId}/messages`, { body: 'Hoi.' }));
    expect((await watching.take('message')).message.body).toBe('Hoi.');
    expect((await chats[2]!.v.take('message')).message.body).toBe('Hoi.');
    const watchOf = await operatorSocket(worker);
    watchOf.send({ type: 'watch', chatId: chats[2]!.chatId });
    expect(await watchOf.take('error')).toEqual({ type: 'error', code: 'forbidden' });
    await ok(supervisor('POST', `/api/chat/chats/${chats[2]!.chatId}/join`, {}));
    await ok(worker('POST', `/api/chat/chats/${chats[2]!.chatId}/join`, {}), 403);
    await ok(
      supervisor('POST', `/api/chat/chats/${chats[2]!.chatId}/messages`, { body: 'Ik lees mee.' }),
    );
    expect((await chats[2]!.v.take('message')).message.body).toBe('Ik lees mee.');
    for (const c of [chats[0]!, chats[2]!]) {
      await ok(colleague('POST', `/api/chat/chats/${c.chatId}/end`, { reason: 'resolved' }));
    }
    for (const action of ['chat.transfer', 'chat.watch', 'chat.join']) {
      const rows = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, chats[2]!.chatId)));
      expect(rows, action).toHaveLength(1);
    }
    watching.close();
    watchOf.close();
  });

  it('blocks an abusive visitor for good', async () => {
    const { v, welcome, chatId } = await startChat();
    v.send({ type: 'want-code' });
    const { code } = await v.take('code');
    await ok(worker('POST', '/api/chat/take', { chatId }));
    await ok(worker('POST', `/api/chat/chats/${chatId}/block`, {}));
    expect(await v.take('error')).toEqual({ type: 'error', code: 'blocked' });
    await v.closed;
    const back = await visitor();
    back.send({ type: 'resume', token: welcome.token, lastSeq: 0 });
    expect(await back.take('error')).toEqual({ type: 'error', code: 'blocked' });
    const viaCode = await visitor();
    viaCode.send({ type: 'continue', code, language: 'nl' });
    expect(await viaCode.take('error')).toEqual({ type: 'error', code: 'blocked' });
  });

  it('continues with a noted code on a later visit, and the old token stops working', async () => {
    const { v, welcome, chatId } = await startChat();
    v.send({ type: 'message', clientId: randomUUID(), body: 'eerste bezoek' });
    await v.take('ack');
    v.send({ type: 'want-code' });
    const { code } = await v.take('code');
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const [row] = await t.database.db
      .select()
      .from(chatSessions)
      .where(eq(chatSessions.id, chatId));
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ''));
    expect(JSON.stringify(row)).not.toContain(welcome.token);
    v.send({ type: 'end' });
    await v.take('ended');
    v.close();

    const later = await visitor();
    later.send({ type: 'continue', code, language: 'nl' });
    const back = await later.take('welcome');
    expect(back.messages.map((m) => m.body)).toEqual(['eerste bezoek']);
    expect(back.status.state).toBe('queued');
    expect(back.token).not.toBe(welcome.token);
    const stale = await visitor();
    stale.send({ type: 'resume', token: welcome.token, lastSeq: 0 });
    expect(await stale.take('error')).toEqual({ type: 'error', code: 'unknown_chat' });
    later.send({ type: 'end' });
    await later.take('ended');
  });

  it('returns an unanswered chat to the queue and alerts supervisors', async () => {
    const { v, chatId } = await startChat();
    await ok(worker('POST', '/api/chat/take', { chatId }));
    v.send({ type: 'message', clientId: randomUUID(), body: 'hallo?' });
    await v.take('ack');
    const sup = await operatorSocket(supervisor);
    clock.advance(4 * 60_000);
    expect(await returnUnanswered({ db: t.database.db, config: t.config, clock })).toBe(0);
    clock.advance(60_000);
    expect(await returnUnanswered({ db: t.database.db, config: t.config, clock })).toBe(1);
    await v.take('status', (f) => f.status.state === 'queued');
    expect(await sup.take('alert')).toMatchObject({ type: 'alert', chatId });
    const alerts = await ok<{ items: { id: string; chatId: string; operatorId: string }[] }>(
      supervisor('GET', '/api/chat/alerts'),
    );
    const alert = alerts.items.find((a) => a.chatId === chatId)!;
    expect(alert.operatorId).toBe(workerId);
    await ok(worker('GET', '/api/chat/alerts'), 403);
    await ok(supervisor('POST', `/api/chat/alerts/${alert.id}/acknowledge`, {}));
    await ok(supervisor('POST', `/api/chat/alerts/${alert.id}/acknowledge`, {}), 404);
    const queue = await ok<{ items: { id: string }[] }>(worker('GET', '/api/chat/queue'));
    expect(queue.items.map((c) => c.id)).toContain(chatId);
    v.send({ type: 'end' });
    await v.take('ended');
    sup.close();
  });

  it('erases transcripts after the retention period', async () => {
    const before = await t.database.db.select({ id: chatSessions.id }).from(chatSessions);
    expect(before.length).toBeGreaterThan(0);
    const blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-chat-retention-'));
    const deps = { db: t.database.db, config: t.config, clock, blobs: createFsBlobStore(blobDir) };
    clock.advance(29 * 86_400_000);
    const early = await runRetention(deps);
    expect(early.chat).toBe(0);
    clock.advance(2 * 86_400_000);
    const erased = await runRetention(deps);
    rmSync(blobDir, { recursive: true, force: true });
    expect(erased.chat).toBe(before.length);
    expect(await t.database.db.select().from(chatMessages)).toEqual([]);
    expect(await t.database.db.select().from(chatNotes)).toEqual([]);
  });
});
