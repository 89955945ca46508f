// The operators' side of the chat line over HTTP: the queue in the domain's order, taking the next
// or a chosen chat, the transcript (every opening audited), sending, read marks, typing, internal
// notes, transfer, a supervisor's join, ending with a reason, blocking, the supervisors' alerts,
// opening a case from the chat with the consent given in it —
// and the live WebSocket /api/chat/events, signed in with the console's session like every /api
// route. Each handler: authenticate, one service call, a presenter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGE_GROUPS,
  CHAT_AUTHORS,
  CHAT_MESSAGE_MAX,
  END_REASONS,
  SAFE_NOW,
  TOPICS,
} from '../contracts/chat-protocol.js';
import { receivesCaseAlerts } from '../cases/index.js';
import { findUserById, listUsers } from '../platform/auth/users.js';
import { liveSessionUser } from '../platform/auth/sessions.js';
import { actorOf, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { AppError, keyed } from '../platform/errors.js';
import { CaseFromChatInput, caseOfChat, openCaseFromChat } from './case-from-chat.js';
import { URGENCY_NAMES } from './domain/queue.js';
import { OperatorFrame, type OperatorServerFrame } from './events.js';
import type { ChatHub, OperatorSocket } from './hub.js';
import { frameText, type ChatSocket } from './socket.js';
import {
  addNote,
  blockVisitor,
  BLOCK_REASONS,
  canWorkChat,
  chatColleagues,
  endChat,
  joinChat,
  listQueue,
  myChats,
  openTranscript,
  operatorRead,
  operatorTyping,
  OPERATOR_END_REASONS,
  PRESENCE_TTL_MS,
  readNotes,
  runningChats,
  sendOperatorMessage,
  takeChat,
  transferChat,
  watchChat,
  type ChatDeps,
  type OperatorActor,
} from './service.js';
import {
  acknowledgeAlertRow,
  leavePresence,
  openAlerts,
  touchPresence,
  type ChatAlertRow,
  type ChatRow,
} from './store.js';

export const ChatSummary = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'active', 'ended']),
    language: z.string(),
    triage: z.object({
      safeNow: z.enum(SAFE_NOW).optional(),
      ageGroup: z.enum(AGE_GROUPS).optional(),
      topic: z.enum(TOPICS).optional(),
    }),
    urgency: z.enum(URGENCY_NAMES),
    queuedAt: z.string(),
    takenAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.enum(END_REASONS).nullable(),
    operatorId: z.uuid().nullable(),
    operatorName: z.string().nullable(),
    lastSeq: z.number().int(),
    visitorReadSeq: z.number().int(),
    operatorReadSeq: z.number().int(),
    /** Since when the visitor waits for an answer (null: answered). */
    unansweredSince: z.string().nullable(),
    returnedCount: z.number().int(),
    blocked: z.boolean(),
  })
  .meta({ id: 'ChatSummary' });
export type ChatSummary = z.infer<typeof ChatSummary>;

export const ChatMessageView = z
  .object({
    seq: z.number().int(),
    from: z.enum(CHAT_AUTHORS),
    body: z.string(),
    clientId: z.uuid().optional(),
    at: z.string(),
  })
  .meta({ id: 'ChatMessageView' });

const QueueItem = ChatSummary.extend({ position: z.number().int() });
const NoteView = z.object({ id: z.uuid(), authorId: z.uuid(), body: z.string(), at: z.string() });
const ColleagueView = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.string(),
    onDuty: z.boolean(),
    holding: z.number().int(),
  })
  .meta({ id: 'ChatColleague' });
const AlertView = z
  .object({
    id: z.uuid(),
    chatId: z.uuid(),
    kind: z.enum(['unanswered']),
    operatorId: z.uuid().nullable(),
    raisedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
  })
  .meta({ id: 'ChatAlert' });

export function presentChat(row: ChatRow): ChatSummary {
  return {
    id: row.id,
    state: row.state,
    language: row.language,
    triage: row.triage,
    urgency: URGENCY_NAMES[row.urgency] ?? 'other',
    queuedAt: row.queuedAt.toISOString(),
    takenAt: row.takenAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    operatorId: row.operatorId,
    operatorName: row.operatorName,
    lastSeq: row.lastSeq,
    visitorReadSeq: row.visitorReadSeq,
    operatorReadSeq: row.operatorReadSeq,
    unansweredSince: row.firstUnansweredAt?.toISOString() ?? null,
    returnedCount: row.returnedCount,
    blocked: row.blockedAt !== null,
  };
}

function presentAlert(row: ChatAlertRow): z.infer<typeof AlertView> {
  return {
    id: row.id,
    chatId: row.chatId,
    kind: row.kind,
    operatorId: row.operatorId,
    raisedAt: row.raisedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  };
}

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const Ok = z.object({ ok: z.literal(true) });

/** The signed-in operator as the chat's services need them (the alias shown to visitors too). */
function operatorOf(request: FastifyRequest): OperatorActor {
  const auth = requireAuth(request);
  if (!canWorkChat(principalOf(auth))) {
    throw new AppError(
      'forbidden',
      keyed('chat.notOnChatLine', 'You do not work on the chat line.'),
    );
  }
  return {
    ...actorOf(request),
    userId: auth.user.id,
    role: auth.user.role,
    displayName: auth.user.displayName,
  };
}

export function registerChatRoutes(app: FastifyInstance, deps: ChatDeps, hub: ChatHub): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['chat'];

  r.get(
    '/api/chat/queue',
    {
      schema: {
        tags,
        summary: 'Waiting chats, most urgent first, then the longest waiting',
        response: { 200: z.object({ items: z.array(QueueItem) }), ...errors },
      },
    },
    async (request) => {
      const rows = await listQueue(deps, operatorOf(request));
      return { items: rows.map((row, i) => ({ ...presentChat(row), position: i + 1 })) };
    },
  );

  r.get(
    '/api/chat/mine',
    {
      schema: {
        tags,
        summary: 'The chats the operator holds, and how many one operator may hold at once',
        response: {
          200: z.object({ items: z.array(ChatSummary), cap: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await myChats(deps, operatorOf(request))).map(presentChat),
      cap: deps.config.chat.maxPerOperator,
    }),
  );

  r.get(
    '/api/chat/running',
    {
      schema: {
        tags,
        summary: 'Every taken chat, to watch or join (supervisors)',
        response: { 200: z.object({ items: z.array(ChatSummary) }), ...errors },
      },
    },
    async (request) => ({
      items: (await runningChats(deps, operatorOf(request))).map(presentChat),
    }),
  );

  r.get(
    '/api/chat/colleagues',
    {
      schema: {
        tags,
        summary: 'Colleagues who work the chat line (to transfer a chat to): on duty, chats held',
        response: {
          200: z.object({ items: z.array(ColleagueView), cap: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = operatorOf(request);
      const staff = (await listUsers(deps.db, deps.clock.now())).map((u) => ({
        id: u.id,
        displayName: u.displayName,
        role: u.role,
        active: !u.disabled,
      }));
      return {
        items: await chatColleagues(deps, actor, staff),
        cap: deps.config.chat.maxPerOperator,
      };
    },
  );

  r.post(
    '/api/chat/take',
    {
      schema: {
        tags,
        summary: 'Takes the next waiting chat, or the one chosen, under the operator cap',
        body: z.object({ chatId: z.uuid().optional() }),
        response: { 200: ChatSummary, ...errors },
      },
    },
    async (request) => presentChat(await takeChat(deps, operatorOf(request), request.body.chatId)),
  );

  r.get(
    '/api/chat/chats/:id',
    {
      schema: {
        tags,
        summary: 'A chat and its transcript (every opening is audited)',
        params: IdParams,
        response: {
          200: z.object({
            chat: ChatSummary,
            messages: z.array(ChatMessageView),
            /** The case opened from this chat, when the operator may see it. */
            caseId: z.uuid().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = operatorOf(request);
      const { chat, messages } = await openTranscript(deps, actor, request.params.id);
      return { chat: presentChat(chat), messages, caseId: await caseOfChat(deps, actor, chat) };
    },
  );

  r.post(
    '/api/chat/chats/:id/case',
    {
      schema: {
        tags,
        summary:
          'Opens a case from the chat in one step: its transcript carried as the case’s thread, ' +
          'with the consent the person gave in the chat (audited). A chat that has a case: 409 naming it',
        params: IdParams,
        body: CaseFromChatInput,
        response: {
          200: z.object({
            caseId: z.uuid(),
            pseudonym: z.string(),
            alias: z.string(),
            consentIds: z.array(z.uuid()),
          }),
          ...errors,
        },
      },
    },
    async (request) => openCaseFromChat(deps, operatorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/chat/chats/:id/messages',
    {
      schema: {
        tags,
        summary: 'Sends a message to the visitor (a repeated clientId is stored once)',
        params: IdParams,
        body: z.object({
          body: z.string().trim().min(1).max(CHAT_MESSAGE_MAX),
          clientId: z.uuid().optional(),
        }),
        response: { 200: ChatMessageView, ...errors },
      },
    },
    async (request) =>
      sendOperatorMessage(deps, operatorOf(request), request.params.id, request.body),
  );

  r.post(
    '/api/chat/chats/:id/read',
    {
      schema: {
        tags,
        summary: 'Marks the visitor’s messages read up to a seq',
        params: IdParams,
        body: z.object({ upTo: z.number().int().min(0) }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await operatorRead(deps, operatorOf(request), request.params.id, request.body.upTo);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/chat/chats/:id/typing',
    {
      schema: {
        tags,
        summary: 'Tells the visitor the operator is typing (or stopped)',
        params: IdParams,
        body: z.object({ on: z.boolean() }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await operatorTyping(deps, operatorOf(request), request.params.id, request.body.on);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/chat/chats/:id/notes',
    {
      schema: {
        tags,
        summary: 'Internal notes on a chat (audited)',
        params: IdParams,
        response: { 200: z.object({ items: z.array(NoteView) }), ...errors },
      },
    },
    async (request) => ({
      items: await readNotes(deps, operatorOf(request), request.params.id),
    }),
  );

  r.post(
    '/api/chat/chats/:id/notes',
    {
      schema: {
        tags,
        summary: 'Adds an internal note (never shown to the visitor)',
        params: IdParams,
        body: z.object({ body: z.string().trim().min(1).max(4000) }),
        response: { 200: NoteView, ...errors },
      },
    },
    async (request) => addNote(deps, operatorOf(request), request.params.id, request.body.body),
  );

  r.post(
    '/api/chat/chats/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Hands the chat to a colleague who works the chat line',
        params: IdParams,
        body: z.object({ toUserId: z.uuid() }),
        response: { 200: ChatSummary, ...errors },
      },
    },
    async (request) => {
      const actor = operatorOf(request);
      const to = await findUserById(deps.db, request.body.toUserId);
      if (!to)
        throw new AppError('bad_request', keyed('chat.noSuchColleague', 'No such colleague.'));
      return presentChat(
        await transferChat(deps, actor, request.params.id, {
          id: to.id,
          displayName: to.displayName,
          role: to.role,
          active: to.disabledAt === null,
        }),
      );
    },
  );

  r.post(
    '/api/chat/chats/:id/join',
    {
      schema: {
        tags,
        summary: 'A supervisor joins a taken chat (audited); they may then write in it',
        params: IdParams,
        body: z.object({}).optional(),
        response: { 200: ChatSummary, ...errors },
      },
    },
    async (request) => presentChat(await joinChat(deps, operatorOf(request), request.params.id)),
  );

  r.post(
    '/api/chat/chats/:id/end',
    {
      schema: {
        tags,
        summary: 'Ends the chat with a reason',
        params: IdParams,
        body: z.object({ reason: z.enum(OPERATOR_END_REASONS) }),
        response: { 200: ChatSummary, ...errors },
      },
    },
    async (request) =>
      presentChat(await endChat(deps, operatorOf(request), request.params.id, request.body.reason)),
  );

  r.post(
    '/api/chat/chats/:id/block',
    {
      schema: {
        tags,
        summary: 'Blocks an abusive visitor: the chat ends and its session is refused from now on',
        params: IdParams,
        body: z.object({ reason: z.enum(BLOCK_REASONS).optional() }).optional(),
        response: { 200: ChatSummary, ...errors },
      },
    },
    async (request) =>
      presentChat(
        await blockVisitor(deps, operatorOf(request), request.params.id, request.body?.reason),
      ),
  );

  r.get(
    '/api/chat/alerts',
    {
      schema: {
        tags,
        summary: 'Chats that went back to the queue unanswered, not yet acknowledged (supervisors)',
        response: { 200: z.object({ items: z.array(AlertView) }), ...errors },
      },
    },
    async (request) => {
      const actor = operatorOf(request);
      if (!receivesCaseAlerts(actor))
        throw new AppError(
          'forbidden',
          keyed('chat.alertsSupervisorOnly', 'Alerts go to supervisors.'),
        );
      return { items: (await openAlerts(deps.db)).map(presentAlert) };
    },
  );

  r.post(
    '/api/chat/alerts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'A supervisor acknowledges an alert',
        params: IdParams,
        body: z.object({}).optional(),
        response: { 200: AlertView, ...errors },
      },
    },
    async (request) => {
      const actor = operatorOf(request);
      if (!receivesCaseAlerts(actor))
        throw new AppError(
          'forbidden',
          keyed('chat.alertsSupervisorOnly', 'Alerts go to supervisors.'),
        );
      const row = await acknowledgeAlertRow(
        deps.db,
        request.params.id,
        actor.userId,
        deps.clock.now(),
      );
      if (!row) throw new AppError('not_found', keyed('chat.alertNotFound', 'No such open alert.'));
      return presentAlert(row);
    },
  );

  registerOperatorEvents(app, deps, hub);
}

/** How often an open operator socket checks that its session still stands. */
const SESSION_RECHECK_MS = 10_000;
/** The close code an operator socket ends with when its session no longer stands. */
export const SESSION_ENDED_CLOSE = 4401;

/** Live updates for the console; the same session cookie and origin as the console's API. */
function registerOperatorEvents(app: FastifyInstance, deps: ChatDeps, hub: ChatHub): void {
  const consoleOrigin = new URL(deps.config.publicUrl).origin;
  const admit = async (request: FastifyRequest, reply: FastifyReply) => {
    // A cross-site page cannot ride on the session cookie (SameSite=Strict), and not on the
    // socket either: only the console's own origin opens it.
    if (request.headers.origin !== consoleOrigin) {
      throw new AppError('forbidden', 'This page may not open the chat events.');
    }
    operatorOf(request);
    void reply;
  };
  app.get(
    '/api/chat/events',
    { websocket: true, schema: { hide: true }, preValidation: admit },
    (raw, request) => {
      const socket = raw as ChatSocket;
      const actor = operatorOf(request);
      const send = (frame: OperatorServerFrame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      };
      const op: OperatorSocket = {
        userId: actor.userId,
        role: actor.role,
        watching: new Set(),
        cursors: new Map(),
        send,
      };
      hub.addOperator(op);
      // The socket outlives the request that opened it: signing out, an ended session, a disabled
      // account or a role that no longer works the chat line end it too, checked before every
      // frame it sends us and every few seconds, so visitors' words stop reaching that browser.
      const sessionId = requireAuth(request).session.id;
      let ended = false;
      const endIfNoLongerOperator = async (): Promise<boolean> => {
        if (ended) return true;
        // Sessions are kept on the wall clock (the auth plugin's); compared on the same.
        const user = await liveSessionUser(deps.db, deps.config, sessionId, Date.now());
        if (user && canWorkChat({ role: user.role })) {
          return false;
        }
        ended = true;
        hub.removeOperator(op);
        socket.close(SESSION_ENDED_CLOSE, 'session ended');
        return true;
      };
      const recheck = setInterval(
        () =>
          void endIfNoLongerOperator().catch((err: unknown) =>
            request.log.warn({ err }, 'chat operator session not checked'),
          ),
        SESSION_RECHECK_MS,
      );
      recheck.unref();
      const seen = () =>
        touchPresence(deps.db, actor.userId, deps.clock.now()).catch((err: unknown) =>
          request.log.warn({ err }, 'chat presence not recorded'),
        );
      void seen();
      // On duty while the console is open: refreshed well inside the presence window.
      const presence = setInterval(() => void seen(), PRESENCE_TTL_MS / 3);
      presence.unref();
      let work = Promise.resolve();
      socket.on('message', (data) => {
        work = work
          .then(async () => {
            let json: unknown;
            try {
              json = JSON.parse(frameText(data));
            } catch {
              json = undefined;
            }
            if (await endIfNoLongerOperator()) return;
            const parsed = OperatorFrame.safeParse(json);
            if (!parsed.success) return send({ type: 'error', code: 'bad_frame' });
            const frame = parsed.data;
            try {
              switch (frame.type) {
                case 'ping':
                  return send({ type: 'pong' });
                case 'typing':
                  return await operatorTyping(deps, actor, frame.chatId, frame.on);
                case 'watch':
                  await watchChat(deps, actor, frame.chatId);
                  op.watching.add(frame.chatId);
                  return send({ type: 'watching', chatId: frame.chatId });
                case 'unwatch':
                  op.watching.delete(frame.chatId);
                  op.cursors.delete(frame.chatId);
                  return;
              }
            } catch (err) {
              if (
                err instanceof AppError &&
                (err.code === 'forbidden' || err.code === 'not_found')
              ) {
                return send({ type: 'error', code: err.code });
              }
              throw err;
            }
          })
          .catch((err: unknown) => request.log.error({ err }, 'chat operator frame failed'));
      });
      socket.on('close', () => {
        clearInterval(presence);
        clearInterval(recheck);
        hub.removeOperator(op);
        void leavePresence(deps.db, actor.userId).catch(() => undefined);
      });
      socket.on('error', () => undefined);
      send({ type: 'hello', userId: actor.userId });
    },
  );
}
