// What the operators' chat page needs beyond the chat line's first routes, on both databases: a
// start resent before its welcome (a reconnect while opening) is the same chat, on any server and
// when two arrive at once; the colleagues a chat may be transferred to (on duty, chats held, the
// cap); every running chat for a supervisor; a block's reason kept in its audit entry; the live
// events of an operator whose session ended (signed out, disabled, another role) close.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ENDED_CLOSE } from '../../src/chat/routes.js';
import { hashToken, START_REPEAT_WINDOW_MS } from '../../src/chat/service.js';
import { chatSessions } from '../../src/chat/schema.js';
import type { OperatorFrame, OperatorServerFrame } from '../../src/chat/events.js';
import { auditLog } from '../../src/platform/audit/schema.js';
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
let supervisorId: string;

async function visitor(at = base): Promise<VisitorSocket> {
  const v = await openVisitor(at, ORIGIN);
  open.push(v);
  return v;
}

async function chatIdOf(token: string): Promise<string> {
  const rows = await t.database.db
    .select({ id: chatSessions.id })
    .from(chatSessions)
    .where(eq(chatSessions.tokenHash, hashToken(t.config, token)));
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
}

const chatCount = async () => (await t.database.db.select().from(chatSessions)).length;

beforeAll(async () => {
  t = await openChatTestDatabase();
  ({ app, base } = await listenChatServer(t, log, clock));
  ({ app: other, base: otherBase } = await listenChatServer(t, log, clock));
  worker = await signInAs(app, t.database.db, 'outreach_worker');
  colleague = await signInAs(app, t.database.db, 'outreach_worker');
  supervisor = await signInAs(app, t.database.db, 'supervisor');
  analyst = await signInAs(app, t.database.db, 'analyst');
  type Session = { user: { id: string } };
  workerId = (await ok<Session>(worker('GET', '/api/auth/session'))).user.id;
  colleagueId = (await ok<Session>(colleague('GET', '/api/auth/session'))).user.id;
  supervisorId = (await ok<Session>(supervisor('GET', '/api/auth/session'))).user.id;
});

afterAll(async () => {
  for (const s of open) s.close();
  await other?.close();
  await app?.close();
  await t?.cleanup();
});

describe('a start sent again before its welcome', () => {
  it('is the same chat with its messages, also on another server', async () => {
    const startId = randomUUID();
    const before = await chatCount();
    const first = await visitor();
    first.send({ type: 'start', language: 'en', startId, triage: { safeNow: 'no' } });
    const welcome = await first.take('welcome');
    first.send({ type: 'message', clientId: randomUUID(), body: 'are you there?' });
    await first.take('ack');
    // The connection dropped before the welcome reached the widget: it starts again, elsewhere.
    first.close();
    const again = await visitor(otherBase);
    again.send({ type: 'start', language: 'en', startId, triage: { safeNow: 'no' } });
    const second = await again.take('welcome');
    expect(second.token).toBe(welcome.token);
    expect(second.messages.map((m) => m.body)).toEqual(['are you there?']);
    expect(second.status).toMatchObject({ state: 'queued', position: 1 });
    expect(await chatCount()).toBe(before + 1);
    // A start without a startId, or with another, is a chat of its own.
    const plain = await visitor();
    plain.send({ type: 'start', language: 'en' });
    const plainWelcome = await plain.take('welcome');
    expect(plainWelcome.token).not.toBe(welcome.token);
    expect(await chatCount()).toBe(before + 2);
    const id = await chatIdOf(welcome.token);
    for (const c of [id, await chatIdOf(plainWelcome.token)]) {
      await ok(supervisor('POST', `/api/chat/chats/${c}/end`, { reason: 'resolved' }));
    }
  });

  it('makes one chat when two starts with one startId arrive at once', async () => {
    const startId = randomUUID();
    const before = await chatCount();
    const [a, b] = await Promise.all([visitor(), visitor(otherBase)]);
    a.send({ type: 'start', language: 'nl', startId });
    b.send({ type: 'start', language: 'nl', startId });
    const [wa, wb] = await Promise.all([a.take('welcome'), b.take('welcome')]);
    expect(wa.token).toBe(wb.token);
    expect(await chatCount()).toBe(before + 1);
    await ok(
      supervisor('POST', `/api/chat/chats/${await chatIdOf(wa.token)}/end`, {
        reason: 'resolved',
      }),
    );
  });

  it('is a new chat once the window has passed, and refused for a blocked chat', async () => {
    const startId = randomUUID();
    const v = await visitor();
    v.send({ type: 'start', language: 'nl', startId });
    const first = await v.take('welcome');
    const chatId = await chatIdOf(first.token);
    await ok(worker('POST', '/api/chat/take', { chatId }));
    await ok(worker('POST', `/api/chat/chats/${chatId}/block`, { reason: 'spam' }));
    const blocked = await visitor();
    blocked.send({ type: 'start', language: 'nl', startId });
    expect(await blocked.take('error')).toEqual({ type: 'error', code: 'blocked' });
    clock.advance(START_REPEAT_WINDOW_MS + 1000);
    try {
      const later = await visitor();
      later.send({ type: 'start', language: 'nl', startId });
      const fresh = await later.take('welcome');
      expect(fresh.token).not.toBe(first.token);
      expect(await chatIdOf(fresh.token)).not.toBe(chatId);
      await ok(
        supervisor('POST', `/api/chat/chats/${await chatIdOf(fresh.token)}/end`, {
          reason: 'resolved',
        }),
      );
    } finally {
      clock.advance(-(START_REPEAT_WINDOW_MS + 1000));
    }
  });

  it('refuses a startId that is not a uuid as a bad frame and opens nothing', async () => {
    const before = await chatCount();
    const v = await visitor();
    v.send({ type: 'start', language: 'nl', startId: 'not-a-uuid' } as never);
    expect(await v.take('error')).toEqual({ type: 'error', code: 'bad_frame' });
    expect(await chatCount()).toBe(before);
  });
});

describe('what the operators’ page reads', () => {
  type Colleague = { id: string; displayName: string; onDuty: boolean; holding: number };

  it('lists the colleagues a chat can go to, on duty first, with what they hold and the cap', async () => {
    const v = await visitor();
    v.send({ type: 'start', language: 'nl' });
    const chatId = await chatIdOf((await v.take('welcome')).token);
    await ok(colleague('POST', '/api/chat/take', { chatId }));
    // The supervisor has the console open: on duty.
    const events = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
      `${base.replace(/^http/, 'ws')}/api/chat/events`,
      { origin: CONSOLE, cookie: sessionCookieOf(supervisor) },
    );
    open.push(events);
    await events.take('hello');
    const answer = await ok<{ items: Colleague[]; cap: number }>(
      worker('GET', '/api/chat/colleagues'),
    );
    expect(answer.cap).toBe(2);
    const ids = answer.items.map((c) => c.id);
    expect(ids).not.toContain(workerId);
    expect(ids).toEqual(expect.arrayContaining([colleagueId, supervisorId]));
    expect(answer.items[0]).toMatchObject({ id: supervisorId, onDuty: true, holding: 0 });
    expect(answer.items.find((c) => c.id === colleagueId)).toMatchObject({
      onDuty: false,
      holding: 1,
    });
    // Analysts do not work the chat line: neither the list nor the page's reads are theirs.
    await ok(analyst('GET', '/api/chat/colleagues'), 403);
    const mine = await ok<{ items: { id: string }[]; cap: number }>(
      colleague('GET', '/api/chat/mine'),
    );
    expect(mine).toMatchObject({ cap: 2, items: [{ id: chatId }] });
    // Every running chat, for supervisors only.
    const running = await ok<{ items: { id: string; operatorId: string }[] }>(
      supervisor('GET', '/api/chat/running'),
    );
    expect(running.items).toContainEqual(
      expect.objectContaining({ id: chatId, operatorId: colleagueId }),
    );
    await ok(worker('GET', '/api/chat/running'), 403);
    await ok(colleague('POST', `/api/chat/chats/${chatId}/end`, { reason: 'resolved' }));
    events.close();
  });

  it('keeps a block’s reason in its audit entry and refuses an unknown reason', async () => {
    const v = await visitor();
    v.send({ type: 'start', language: 'nl' });
    const chatId = await chatIdOf((await v.take('welcome')).token);
    await ok(worker('POST', '/api/chat/take', { chatId }));
    await ok(worker('POST', `/api/chat/chats/${chatId}/block`, { reason: 'whatever' }), 400);
    await ok(worker('POST', `/api/chat/chats/${chatId}/block`, { reason: 'threats' }));
    expect(await v.take('error')).toEqual({ type: 'error', code: 'blocked' });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.block'), eq(auditLog.targetId, chatId)));
    expect(rows.map((r) => r.details)).toEqual([{ reason: 'threats' }]);
  });
});

describe('an operator’s live events after the session ends', () => {
  type Session = { user: { id: string } };
  const eventsOf = async (who: ApiCall) => {
    const events = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
      `${base.replace(/^http/, 'ws')}/api/chat/events`,
      { origin: CONSOLE, cookie: sessionCookieOf(who) },
    );
    open.push(events);
    await events.take('hello');
    events.send({ type: 'ping' });
    await events.take('pong');
    return events;
  };

  it('close at the next frame when the operator signed out, was disabled or left the chat line', async () => {
    const admin = await signInAs(app, t.database.db, 'admin');
    for (const end of ['signed out', 'disabled', 'now an analyst'] as const) {
      const who = await signInAs(app, t.database.db, 'outreach_worker');
      const id = (await ok<Session>(who('GET', '/api/auth/session'))).user.id;
      const events = await eventsOf(who);
      if (end === 'signed out')
        expect((await who('POST', '/api/auth/logout', {})).res.statusCode).toBe(204);
      else {
        const patch = end === 'disabled' ? { disabled: true } : { role: 'analyst' };
        await ok(admin('PATCH', `/api/users/${id}`, patch));
      }
      events.send({ type: 'ping' });
      expect(await events.closed, end).toEqual({
        code: SESSION_ENDED_CLOSE,
        reason: 'session ended',
      });
    }
  });

  it('close by themselves, with no frame sent, once the session is gone', async () => {
    const who = await signInAs(app, t.database.db, 'outreach_worker');
    const events = await eventsOf(who);
    expect((await who('POST', '/api/auth/logout', {})).res.statusCode).toBe(204);
    // The socket's own check comes every 10 seconds; nothing is sent to provoke it.
    const closed = await Promise.race([
      events.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000).unref()),
    ]);
    expect(closed).toEqual({ code: SESSION_ENDED_CLOSE, reason: 'session ended' });
  }, 40_000);
});

// A chat that a console still shows as waiting may have been taken, or left, a moment ago: two
// operators (on two servers) pressing "Take" on it at once, or a take landing as the visitor
// leaves. Each round starts both requests together; PostgreSQL runs them truly at once, PGlite one
// after the other — either way exactly one take may win, and the refusal must say why.
describe('a waiting chat taken at once by two operators, or as the visitor leaves', () => {
  const ROUNDS = 4;
  type Session = { user: { id: string } };
  type Take = Awaited<ReturnType<ApiCall>>;
  let first: ApiCall;
  let second: ApiCall;
  const ids = new Map<ApiCall, string>();

  beforeAll(async () => {
    first = await signInAs(app, t.database.db, 'outreach_worker');
    second = await signInAs(other, t.database.db, 'outreach_worker');
    for (const who of [first, second]) {
      ids.set(who, (await ok<Session>(who('GET', '/api/auth/session'))).user.id);
    }
  });

  async function waitingChat() {
    const v = await visitor();
    v.send({ type: 'start', language: 'en' });
    const chatId = await chatIdOf((await v.take('welcome')).token);
    return { v, chatId };
  }

  const chatRow = async (chatId: string) =>
    (await t.database.db.select().from(chatSessions).where(eq(chatSessions.id, chatId)))[0]!;

  const takesOf = (chatId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'chat.take'), eq(auditLog.targetId, chatId)));

  const expectNoLongerWaiting = (take: Take) => {
    expect(take.res.statusCode, take.res.body).toBe(409);
    expect(take.json).toMatchObject({
      error: { code: 'conflict', message: 'This chat is no longer waiting.' },
    });
  };

  it('goes to exactly one of two operators; the other is told it is no longer waiting', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { v, chatId } = await waitingChat();
      // Every status the visitor hears from here on, in order.
      const heard: string[] = [];
      v.ws.addEventListener('message', (ev: MessageEvent) => {
        const f = JSON.parse(String(ev.data)) as { type: string; status?: { state: string } };
        if (f.type === 'status') heard.push(f.status!.state);
      });
      // Alternate who asks first, so neither server is always ahead.
      const pair = round % 2 === 0 ? [first, second] : [second, first];
      const answers = await Promise.all(
        pair.map((who) => who('POST', '/api/chat/take', { chatId })),
      );
      const won = answers.filter((a) => a.res.statusCode === 200);
      expect(won, answers.map((a) => a.res.body).join(' | ')).toHaveLength(1);
      expectNoLongerWaiting(answers.find((a) => a.res.statusCode !== 200)!);
      const winner = pair[answers.indexOf(won[0]!)]!;
      const winnerId = ids.get(winner)!;
      expect(won[0]!.json).toMatchObject({ id: chatId, state: 'active' });
      // The chat is the winner's alone: in the database, in the audit log, in each one's list.
      expect(await chatRow(chatId)).toMatchObject({ state: 'active', operatorId: winnerId });
      expect((await takesOf(chatId)).map((r) => r.actorUserId)).toEqual([winnerId]);
      for (const who of [first, second]) {
        const mine = await ok<{ items: { id: string }[] }>(who('GET', '/api/chat/mine'));
        expect(mine.items.some((c) => c.id === chatId)).toBe(who === winner);
      }
      // The visitor is told who answers; a write by the loser is refused and never reaches them.
      const told = await v.take('status', (f) => f.status.state === 'active');
      expect(told.status.operatorName).toBe(won[0]!.json.operatorName);
      const loser = winner === first ? second : first;
      await ok(loser('POST', `/api/chat/chats/${chatId}/messages`, { body: 'me too' }), 403);
      await ok(winner('POST', `/api/chat/chats/${chatId}/messages`, { body: 'I am here.' }));
      expect((await v.take('message')).message.body).toBe('I am here.');
      // No stale "waiting" reached the visitor after they heard it was taken.
      expect(heard.slice(heard.indexOf('active'))).not.toContain('queued');
      await ok(winner('POST', `/api/chat/chats/${chatId}/end`, { reason: 'resolved' }));
    }
  });

  it('is never left held when the visitor leaves as it is taken, and is refused once they have', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { v, chatId } = await waitingChat();
      const [take] = await Promise.all([
        first('POST', '/api/chat/take', { chatId }),
        (async () => {
          v.send({ type: 'end' });
          await v.take('ended');
        })(),
      ]);
      // Whichever came first, the visitor's leave stands: the chat is ended, held by nobody's cap.
      const row = await chatRow(chatId);
      expect(row).toMatchObject({ state: 'ended', endReason: 'visitor_left' });
      if (take.res.statusCode === 200) {
        // The take came first: it was this operator's for a moment, and the leave ended it.
        expect(row.operatorId).toBe(ids.get(first));
        expect(await takesOf(chatId)).toHaveLength(1);
      } else {
        expectNoLongerWaiting(take);
        expect(row.operatorId).toBeNull();
        expect(await takesOf(chatId)).toHaveLength(0);
      }
      const mine = await ok<{ items: { id: string }[] }>(first('GET', '/api/chat/mine'));
      expect(mine.items.map((c) => c.id)).not.toContain(chatId);
      // A console that still shows it waiting: the take is refused, plainly.
      expectNoLongerWaiting(await second('POST', '/api/chat/take', { chatId }));
      expect((await chatRow(chatId)).state).toBe('ended');
    }
  });
});
