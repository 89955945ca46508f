// The chat line's use cases, for the visitor's socket, the operators' API and the jobs: each
// gathers what it needs, asks the domain, then writes (in one transaction when several rows move
// together) and tells the other servers through LISTEN/NOTIFY — inside that transaction, so a
// notification never announces what a rollback took back. Bodies and notes are encrypted here; the
// visitor's token and resume code are stored only as keyed hashes; opening a transcript, taking,
// transferring, joining, ending and blocking are audited.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type ChatLanguage,
  type ChatMessage,
  type ChatState,
  type ChatTriage,
} from '../contracts/chat-protocol.js';
import { auditFields, SYSTEM_ACTOR, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Principal } from '../platform/auth/policy.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { decryptField, deriveKey, encryptField, hmacHex, randomToken } from '../platform/crypto.js';
import type { Db, DbOrTx, Tx } from '../platform/db/connect.js';
import { notify } from '../platform/db/notify.js';
import { AppError, keyed } from '../platform/errors.js';
import { officeHoursAt, parseOfficeHours, type OfficeHours } from './domain/office-hours.js';
import { estimateWaitMinutes, isUnanswered, mayTakeAnother, urgencyOf } from './domain/queue.js';
import { newResumeCode, normalizeResumeCode } from './domain/resume-code.js';
import { CHAT_CHANNEL, type ChatEvent } from './events.js';
import {
  activeChatsOf,
  appendMessageNotifying,
  chatById,
  chatByResumeHash,
  chatByTokenHash,
  insertAlert,
  insertBlock,
  insertChat,
  insertNote,
  lockChat,
  messageByClientId,
  messagesAfter,
  notesOf,
  operatorsSeenSince,
  presentOperatorIds,
  heldCounts,
  activeChats,
  queuedChats,
  recentWaitsMs,
  unansweredSince,
  updateChat,
  type ChatMessageRow,
  type ChatRow,
  type EndReason,
} from './store.js';

export interface ChatDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

const BODY_CONTEXT = 'chat_messages.body';
const NOTE_CONTEXT = 'chat_notes.body';
/** Takes in this window give the wait estimate its basis. */
const WAIT_WINDOW_MS = 2 * 3_600_000;
/** An operator whose console has not been heard from in this long is no longer on duty. */
export const PRESENCE_TTL_MS = 90_000;

/** The roles that answer the chat line; supervisors also watch, join and receive its alerts. */
export const CHAT_ROLES = ['outreach_worker', 'supervisor'] as const;
export const canWorkChat = (p: Pick<Principal, 'role'>): boolean =>
  (CHAT_ROLES as readonly string[]).includes(p.role);
export const canSuperviseChat = (p: Pick<Principal, 'role'>): boolean => p.role === 'supervisor';

const officeHoursCache = new WeakMap<Config, OfficeHours>();
/** The configured office hours (parsed once; a wrong value fails at start, see checkChatConfig). */
export function officeHoursOf(config: Config): OfficeHours {
  let hours = officeHoursCache.get(config);
  if (!hours) {
    hours = { zone: config.chat.timeZone, spans: parseOfficeHours(config.chat.officeHours) };
    officeHoursCache.set(config, hours);
  }
  return hours;
}

/** Throws a config error naming CHAT_OFFICE_HOURS when it cannot be read. */
export function checkChatConfig(config: Config): void {
  try {
    officeHoursOf(config);
  } catch (err) {
    throw new AppError('config_invalid', `CHAT_OFFICE_HOURS: ${(err as Error).message}`);
  }
}

// Keys for the keyed hashes, each derived for its one purpose from the identifier pepper.
const tokenKey = (config: Config) => deriveKey(config.secrets.identifierPepper, 'chat-token');
const codeKey = (config: Config) => deriveKey(config.secrets.identifierPepper, 'chat-resume-code');
const addressKey = (config: Config) => deriveKey(config.secrets.identifierPepper, 'chat-address');

export const hashToken = (config: Config, token: string) => hmacHex(tokenKey(config), token);
export const hashAddress = (config: Config, ip: string) => hmacHex(addressKey(config), ip);

export async function publish(db: DbOrTx, event: ChatEvent): Promise<void> {
  await notify(db, CHAT_CHANNEL, JSON.stringify(event));
}

export function presentMessage(config: Config, row: ChatMessageRow): ChatMessage {
  return {
    seq: row.seq,
    from: row.author,
    body: decryptField(config.secrets.fieldKeys, row.bodyEnc, BODY_CONTEXT),
    ...(row.clientId ? { clientId: row.clientId } : {}),
    at: row.createdAt.toISOString(),
  };
}

export async function readMessages(
  deps: ChatDeps,
  chatId: string,
  afterSeq: number,
): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  for (let after = afterSeq; ;) {
    const rows = await messagesAfter(deps.db, chatId, after);
    out.push(...rows.map((r) => presentMessage(deps.config, r)));
    if (rows.length < 500) return out;
    after = rows[rows.length - 1]!.seq;
  }
}

// ---------------------------------------------------------------------------------------------
// What the visitor sees of the queue

/** A snapshot of the queue, computed once and shared by every waiting visitor on this server. */
export interface QueueSnapshot {
  positions: Map<string, number>;
  /** The waiting chats themselves, by id. */
  queued: Map<string, ChatRow>;
  recentWaitsMs: number[];
  operatorsOnDuty: number;
  at: Date;
}

export async function queueSnapshot(deps: ChatDeps): Promise<QueueSnapshot> {
  const now = deps.clock.now();
  const [queued, waits, onDuty] = await Promise.all([
    queuedChats(deps.db),
    recentWaitsMs(deps.db, new Date(now.getTime() - WAIT_WINDOW_MS)),
    operatorsSeenSince(deps.db, new Date(now.getTime() - PRESENCE_TTL_MS)),
  ]);
  // queuedChats returns the domain's order (urgency, then waiting time, then id).
  return {
    positions: new Map(queued.map((c, i) => [c.id, i + 1])),
    queued: new Map(queued.map((c) => [c.id, c])),
    recentWaitsMs: waits,
    operatorsOnDuty: onDuty,
    at: now,
  };
}

/** What a status needs when the chat is not waiting: the time, no queue (nothing read). */
export function timeOnly(deps: ChatDeps): QueueSnapshot {
  return {
    positions: new Map(),
    queued: new Map(),
    recentWaitsMs: [],
    operatorsOnDuty: 0,
    at: deps.clock.now(),
  };
}

export function visitorStatus(deps: ChatDeps, chat: ChatRow, queue: QueueSnapshot): ChatState {
  const hours = officeHoursAt(officeHoursOf(deps.config), queue.at);
  const base: ChatState = {
    state: chat.state,
    open: hours.open,
    ...(hours.opensAt ? { opensAt: hours.opensAt.toISOString() } : {}),
  };
  if (chat.state === 'queued') {
    const position = queue.positions.get(chat.id);
    const wait =
      position !== undefined && hours.open
        ? estimateWaitMinutes(position, {
            recentWaitsMs: queue.recentWaitsMs,
            operatorsOnDuty: queue.operatorsOnDuty,
          })
        : undefined;
    return {
      ...base,
      ...(position !== undefined ? { position } : {}),
      ...(wait !== undefined ? { waitMinutes: wait } : {}),
    };
  }
  if (chat.state === 'active' && chat.operatorName) {
    return { ...base, operatorName: chat.operatorName };
  }
  return base;
}

// ---------------------------------------------------------------------------------------------
// The visitor's side

export interface VisitorOpened {
  chat: ChatRow;
  /** The secret for this connection's chat (a new one on start and continue). */
  token: string;
}

/**
 * How long a start repeated with the same startId is the same chat: long enough for a phone to
 * reconnect (the widget's backoff tops out at 30 s), short enough that a startId is no lasting
 * way into a chat (after it, the widget resumes with its token, which it has by then).
 */
export const START_REPEAT_WINDOW_MS = 10 * 60_000;

/**
 * The token of a chat opened with a startId: a keyed hash of it, so a repeated start finds the
 * chat through the token's own (unique) keyed hash — on any server, race-proof through that
 * unique index, with nothing new stored and no memory per server to bound. Whoever holds the
 * startId could get the token this way; only the widget that made it does, in memory, as it holds
 * the token itself, and only for the window above.
 */
const startTokenOf = (config: Config, startId: string) =>
  hmacHex(deriveKey(config.secrets.identifierPepper, 'chat-start-id'), startId);

export async function startChat(
  deps: ChatDeps,
  input: {
    language: ChatLanguage;
    triage: ChatTriage | undefined;
    startId?: string | undefined;
  },
): Promise<VisitorOpened> {
  const now = deps.clock.now();
  let token = randomToken(32);
  if (input.startId) {
    const derived = startTokenOf(deps.config, input.startId);
    const earlier = await repeatedStart(deps, derived, now);
    if (earlier) return { chat: earlier, token: derived };
    // Outside the window the startId is spent: a new chat with a token of its own.
    if (earlier === undefined) token = derived;
  }
  const triage = input.triage ?? {};
  try {
    const chat = await deps.db.transaction(async (tx) => {
      const row = await insertChat(tx, {
        tokenHash: hashToken(deps.config, token),
        language: input.language,
        triage,
        urgency: urgencyOf(triage),
        now,
      });
      await publish(tx, { t: 'queue' });
      return row;
    });
    return { chat, token };
  } catch (err) {
    // Two starts with one startId at once (two connections): the first one's chat stands.
    if (!input.startId || !isUniqueViolation(err)) throw err;
    const earlier = await repeatedStart(deps, token, now);
    if (!earlier) throw err;
    return { chat: earlier, token };
  }
}

/**
 * The chat a start with this derived token opened: the chat when within the window, null when the
 * window has passed (a new chat is made), undefined when there is none.
 */
async function repeatedStart(
  deps: ChatDeps,
  token: string,
  now: Date,
): Promise<ChatRow | null | undefined> {
  const chat = await chatByTokenHash(deps.db, hashToken(deps.config, token));
  if (!chat) return undefined;
  if (now.getTime() - chat.createdAt.getTime() > START_REPEAT_WINDOW_MS) return null;
  if (chat.blockedAt) throw new ChatRefusal('blocked');
  return chat;
}

function isUniqueViolation(err: unknown): boolean {
  if ((err as { code?: string }).code === '23505') return true;
  return (err as { cause?: { code?: string } }).cause?.code === '23505';
}

/** The chat a token belongs to; refused when unknown or blocked. */
export async function chatOfToken(deps: ChatDeps, token: string): Promise<ChatRow> {
  const chat = await chatByTokenHash(deps.db, hashToken(deps.config, token));
  if (!chat) throw new ChatRefusal('unknown_chat');
  if (chat.blockedAt) throw new ChatRefusal('blocked');
  return chat;
}

/** A refusal the visitor's socket turns into an error frame (the contract's codes). */
export class ChatRefusal extends Error {
  constructor(readonly code: 'unknown_chat' | 'chat_ended' | 'blocked' | 'too_long') {
    super(code);
    this.name = 'ChatRefusal';
  }
}

/**
 * Continues an earlier chat with the code the person noted down. The old token stops working (a
 * new one is given), and a chat that had ended goes back to the queue: the person wants to talk.
 */
export async function continueChat(deps: ChatDeps, code: string): Promise<VisitorOpened> {
  const canonical = normalizeResumeCode(code);
  if (!canonical) throw new ChatRefusal('unknown_chat');
  const found = await chatByResumeHash(deps.db, hmacHex(codeKey(deps.config), canonical));
  if (!found) throw new ChatRefusal('unknown_chat');
  if (found.blockedAt) throw new ChatRefusal('blocked');
  const token = randomToken(32);
  const now = deps.clock.now();
  const chat = await deps.db.transaction(async (tx) => {
    const locked = (await lockChat(tx, found.id))!;
    const reopened = locked.state === 'ended';
    const row = await updateChat(tx, locked.id, {
      tokenHash: hashToken(deps.config, token),
      ...(reopened
        ? {
            state: 'queued' as const,
            queuedAt: now,
            takenAt: null,
            endedAt: null,
            endReason: null,
            operatorId: null,
            operatorName: null,
          }
        : {}),
    });
    await publish(tx, { t: 'state', c: row.id });
    if (reopened) await publish(tx, { t: 'queue' });
    return row;
  });
  return { chat, token };
}

/**
 * Stores a visitor's message before it is acknowledged. A clientId seen before in this chat gets
 * the stored message back (the same seq), so a resend after a dropped connection is never doubled.
 */
export async function postVisitorMessage(
  deps: ChatDeps,
  chatId: string,
  input: { clientId: string; body: string },
): Promise<{ seq: number; at: Date; repeated: boolean }> {
  const stored = await storeMessage(deps, {
    chatId,
    author: 'visitor',
    authorId: null,
    body: input.body,
    clientId: input.clientId,
    states: ['queued', 'active'],
  });
  if (stored) return { seq: stored.seq, at: stored.createdAt, repeated: false };
  // Nothing was written: a resend (answered with the first ack), or a chat that takes no more.
  const existing = await messageByClientId(deps.db, chatId, input.clientId);
  if (existing) return { seq: existing.seq, at: existing.createdAt, repeated: true };
  const chat = await chatById(deps.db, chatId);
  if (!chat) throw new ChatRefusal('unknown_chat');
  if (chat.blockedAt) throw new ChatRefusal('blocked');
  throw new ChatRefusal('chat_ended');
}

/** Stores and announces a message (one statement); null when nothing was written. */
async function storeMessage(
  deps: ChatDeps,
  input: {
    chatId: string;
    author: 'visitor' | 'operator';
    authorId: string | null;
    body: string;
    clientId: string;
    states: ChatRow['state'][];
    holder?: string;
  },
): Promise<{ seq: number; createdAt: Date } | null> {
  try {
    return await appendMessageNotifying(deps.db, {
      ...input,
      bodyEnc: encryptField(deps.config.secrets.fieldKeys, input.body, BODY_CONTEXT),
      now: deps.clock.now(),
      channel: CHAT_CHANNEL,
    });
  } catch (err) {
    // A resend that raced its first attempt: the unique clientId stopped it; the first one stands.
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function markRead(
  deps: ChatDeps,
  chatId: string,
  by: 'visitor' | 'operator',
  upTo: number,
): Promise<void> {
  const column = by === 'visitor' ? 'visitor_read_seq' : 'operator_read_seq';
  // Only forward, and never past the last message: a read mark cannot run ahead of the chat.
  await deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE chat_sessions SET ${sql.identifier(column)} = least(greatest(${sql.identifier(column)}, ${upTo}), last_seq) WHERE id = ${chatId}`,
    );
    await publish(tx, { t: 'read', c: chatId, by, upTo });
  });
}

export async function typing(
  deps: ChatDeps,
  chatId: string,
  from: 'visitor' | 'operator',
  on: boolean,
): Promise<void> {
  await publish(deps.db, { t: 'typing', c: chatId, from, on });
}

/** A resume code for the chat: made only when asked, replacing any earlier one. */
export async function issueResumeCode(deps: ChatDeps, chatId: string): Promise<string> {
  const code = newResumeCode();
  const canonical = normalizeResumeCode(code)!;
  await updateChat(deps.db, chatId, {
    resumeCodeHash: hmacHex(codeKey(deps.config), canonical),
  });
  return code;
}

async function endLocked(tx: Tx, chat: ChatRow, reason: EndReason, now: Date): Promise<ChatRow> {
  const wasQueued = chat.state === 'queued';
  const row = await updateChat(tx, chat.id, {
    state: 'ended',
    endedAt: now,
    endReason: reason,
    firstUnansweredAt: null,
  });
  await publish(tx, { t: 'state', c: chat.id });
  if (wasQueued) await publish(tx, { t: 'queue' });
  return row;
}

export async function endByVisitor(deps: ChatDeps, chatId: string): Promise<ChatRow | undefined> {
  return deps.db.transaction(async (tx) => {
    const chat = await lockChat(tx, chatId);
    if (!chat || chat.state === 'ended') return chat;
    return endLocked(tx, chat, 'visitor_left', deps.clock.now());
  });
}

// ---------------------------------------------------------------------------------------------
// The operators' side

export interface OperatorActor extends Actor {
  userId: string;
  role: NonNullable<Actor['role']>;
  displayName: string;
}

export function requireChatRole(actor: OperatorActor): void {
  if (!canWorkChat(actor)) {
    throw new AppError(
      'forbidden',
      keyed('chat.notOnChatLine', 'You do not work on the chat line.'),
    );
  }
}

/** Who may read a chat's transcript and act in it: its holder, or a supervisor. */
export function requireParticipant(actor: OperatorActor, chat: ChatRow): void {
  if (chat.operatorId === actor.userId || canSuperviseChat(actor)) return;
  throw new AppError(
    'forbidden',
    keyed('chat.heldByColleague', 'This chat is held by a colleague.'),
  );
}

export async function requireChat(db: DbOrTx, id: string): Promise<ChatRow> {
  const chat = await chatById(db, id);
  if (!chat) throw new AppError('not_found', keyed('chat.notFound', 'No such chat.'));
  return chat;
}

export async function listQueue(deps: ChatDeps, actor: OperatorActor): Promise<ChatRow[]> {
  requireChatRole(actor);
  return queuedChats(deps.db);
}

export async function myChats(deps: ChatDeps, actor: OperatorActor): Promise<ChatRow[]> {
  requireChatRole(actor);
  return activeChatsOf(deps.db, actor.userId);
}

/**
 * Takes the next chat in the queue's order, or a chosen one, under the operator's cap. Two
 * operators taking "next" at once get different chats (SKIP LOCKED); one operator taking two at
 * once cannot pass the cap (an advisory lock per operator).
 */
export async function takeChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chosen: string | undefined,
): Promise<ChatRow> {
  requireChatRole(actor);
  const now = deps.clock.now();
  const taken = await deps.db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`chat-operator:${actor.userId}`}))`,
    );
    const held = await activeChatsOf(tx, actor.userId);
    if (!mayTakeAnother(held.length, deps.config.chat.maxPerOperator)) {
      throw new AppError(
        'conflict',
        keyed(
          'chat.youAreFull',
          `You already hold ${held.length} chats, the most one operator may (CHAT_MAX_PER_OPERATOR).`,
          { count: held.length },
        ),
      );
    }
    let chat: ChatRow | undefined;
    if (chosen) {
      chat = await lockChat(tx, chosen);
      if (!chat) throw new AppError('not_found', keyed('chat.notFound', 'No such chat.'));
      if (chat.state !== 'queued' || chat.blockedAt) {
        throw new AppError(
          'conflict',
          keyed('chat.noLongerWaiting', 'This chat is no longer waiting.'),
        );
      }
    } else {
      const rows = await tx.execute<{ id: string }>(
        sql`SELECT id FROM chat_sessions WHERE state = 'queued' AND blocked_at IS NULL
            ORDER BY urgency, queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      const id = rows.rows[0]?.id;
      if (!id) throw new AppError('not_found', keyed('chat.noneWaiting', 'No chat is waiting.'));
      chat = (await chatById(tx, id))!;
    }
    const row = await updateChat(tx, chat.id, {
      state: 'active',
      operatorId: actor.userId,
      operatorName: actor.displayName,
      takenAt: now,
    });
    await publish(tx, { t: 'state', c: row.id });
    await publish(tx, { t: 'queue' });
    return row;
  });
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.take',
    targetType: 'chat',
    targetId: taken.id,
    details: { chosen: chosen !== undefined },
  });
  return taken;
}

/** Opens a chat's transcript for an operator (audited: every opening). */
export async function openTranscript(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
): Promise<{ chat: ChatRow; messages: ChatMessage[] }> {
  requireChatRole(actor);
  const chat = await requireChat(deps.db, chatId);
  requireParticipant(actor, chat);
  const messages = await readMessages(deps, chat.id, 0);
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.open',
    targetType: 'chat',
    targetId: chat.id,
    details: { messages: messages.length, holder: chat.operatorId === actor.userId },
  });
  return { chat, messages };
}

/** An operator's (or a joined supervisor's) message, stored once per clientId. */
export async function sendOperatorMessage(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  input: { body: string; clientId?: string | undefined },
): Promise<ChatMessage> {
  requireChatRole(actor);
  const clientId = input.clientId ?? randomUUID();
  // Who may write is part of the one statement (the holder; a supervisor in any chat), so the
  // common case is a single round trip; why nothing was written is asked only then.
  const stored = await storeMessage(deps, {
    chatId,
    author: 'operator',
    authorId: actor.userId,
    body: input.body,
    clientId,
    states: ['active'],
    ...(canSuperviseChat(actor) ? {} : { holder: actor.userId }),
  });
  if (stored) {
    return {
      seq: stored.seq,
      from: 'operator',
      body: input.body,
      clientId,
      at: stored.createdAt.toISOString(),
    };
  }
  const now = await requireChat(deps.db, chatId);
  requireParticipant(actor, now);
  const existing = await messageByClientId(deps.db, chatId, clientId);
  if (existing) return presentMessage(deps.config, existing);
  throw new AppError(
    'conflict',
    now.state === 'queued'
      ? keyed('chat.takeFirst', 'Take the chat first.')
      : keyed('chat.ended', 'This chat has ended.'),
  );
}

export async function operatorRead(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  upTo: number,
): Promise<void> {
  requireChatRole(actor);
  requireParticipant(actor, await requireChat(deps.db, chatId));
  await markRead(deps, chatId, 'operator', upTo);
}

export async function operatorTyping(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  on: boolean,
): Promise<void> {
  requireChatRole(actor);
  requireParticipant(actor, await requireChat(deps.db, chatId));
  await typing(deps, chatId, 'operator', on);
}

export interface NoteView {
  id: string;
  authorId: string;
  body: string;
  at: string;
}

export async function addNote(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  body: string,
): Promise<NoteView> {
  requireChatRole(actor);
  requireParticipant(actor, await requireChat(deps.db, chatId));
  const row = await insertNote(deps.db, {
    chatId,
    authorId: actor.userId,
    bodyEnc: encryptField(deps.config.secrets.fieldKeys, body, NOTE_CONTEXT),
    now: deps.clock.now(),
  });
  return { id: row.id, authorId: row.authorId, body, at: row.createdAt.toISOString() };
}

export async function readNotes(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
): Promise<NoteView[]> {
  requireChatRole(actor);
  requireParticipant(actor, await requireChat(deps.db, chatId));
  const rows = await notesOf(deps.db, chatId);
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.notes',
    targetType: 'chat',
    targetId: chatId,
    details: { notes: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    authorId: r.authorId,
    body: decryptField(deps.config.secrets.fieldKeys, r.bodyEnc, NOTE_CONTEXT),
    at: r.createdAt.toISOString(),
  }));
}

/** Hands a chat to a colleague who works the line, under their cap (holder or supervisor). */
export async function transferChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  to: { id: string; displayName: string; role: Principal['role']; active: boolean },
): Promise<ChatRow> {
  requireChatRole(actor);
  if (!to.active || !canWorkChat(to)) {
    throw new AppError(
      'bad_request',
      keyed('chat.colleagueNotOnChatLine', 'That colleague does not work on the chat line.'),
    );
  }
  const row = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`chat-operator:${to.id}`}))`);
    const chat = await lockChat(tx, chatId);
    if (!chat) throw new AppError('not_found', keyed('chat.notFound', 'No such chat.'));
    requireParticipant(actor, chat);
    if (chat.state !== 'active')
      throw new AppError(
        'conflict',
        keyed('chat.transferOnlyTaken', 'Only a taken chat is transferred.'),
      );
    if (chat.operatorId === to.id)
      throw new AppError('conflict', keyed('chat.alreadyTheirs', 'They hold this chat already.'));
    const held = await activeChatsOf(tx, to.id);
    if (!mayTakeAnother(held.length, deps.config.chat.maxPerOperator)) {
      throw new AppError(
        'conflict',
        keyed('chat.colleagueFull', 'That colleague holds as many chats as one operator may.'),
      );
    }
    const updated = await updateChat(tx, chat.id, {
      operatorId: to.id,
      operatorName: to.displayName,
    });
    await publish(tx, { t: 'state', c: chat.id });
    return updated;
  });
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.transfer',
    targetType: 'chat',
    targetId: chatId,
    details: { to: to.id },
  });
  return row;
}

/** A supervisor joins a chat they do not hold: they may then write in it (audited). */
export async function joinChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
): Promise<ChatRow> {
  requireChatRole(actor);
  if (!canSuperviseChat(actor))
    throw new AppError(
      'forbidden',
      keyed('chat.joinSupervisorOnly', 'Only a supervisor joins a chat.'),
    );
  const chat = await requireChat(deps.db, chatId);
  if (chat.state !== 'active')
    throw new AppError('conflict', keyed('chat.joinOnlyTaken', 'Only a taken chat is joined.'));
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.join',
    targetType: 'chat',
    targetId: chatId,
  });
  return chat;
}

/** A colleague a chat may be handed to, with what the transfer dialog shows about them. */
export interface ChatColleague {
  id: string;
  displayName: string;
  role: Principal['role'];
  /** Has the chat console open now (seen within the presence window). */
  onDuty: boolean;
  /** Running chats they hold; at the cap they cannot take a transfer. */
  holding: number;
}

/**
 * The colleagues who work the chat line (active accounts in a chat role, not the asking operator),
 * those on duty first, then by name: whom a chat may be transferred to.
 */
export async function chatColleagues(
  deps: ChatDeps,
  actor: OperatorActor,
  staff: readonly { id: string; displayName: string; role: Principal['role']; active: boolean }[],
): Promise<ChatColleague[]> {
  requireChatRole(actor);
  const since = new Date(deps.clock.now().getTime() - PRESENCE_TTL_MS);
  const [present, held] = await Promise.all([
    presentOperatorIds(deps.db, since),
    heldCounts(deps.db),
  ]);
  const onDuty = new Set(present);
  return staff
    .filter((u) => u.active && u.id !== actor.userId && canWorkChat(u))
    .map((u) => ({
      id: u.id,
      displayName: u.displayName,
      role: u.role,
      onDuty: onDuty.has(u.id),
      holding: held.get(u.id) ?? 0,
    }))
    .sort(
      (a, b) => Number(b.onDuty) - Number(a.onDuty) || a.displayName.localeCompare(b.displayName),
    );
}

/** Every running chat, for a supervisor to watch or join (the rows only: no transcript read). */
export async function runningChats(deps: ChatDeps, actor: OperatorActor): Promise<ChatRow[]> {
  requireChatRole(actor);
  if (!canSuperviseChat(actor))
    throw new AppError(
      'forbidden',
      keyed('chat.allChatsSupervisorOnly', 'Supervisors see every chat.'),
    );
  return activeChats(deps.db);
}

/** Watching a chat live (a supervisor's console following it) is audited like an opening. */
export async function watchChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
): Promise<ChatRow> {
  requireChatRole(actor);
  const chat = await requireChat(deps.db, chatId);
  requireParticipant(actor, chat);
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.watch',
    targetType: 'chat',
    targetId: chatId,
  });
  return chat;
}

export const OPERATOR_END_REASONS = ['resolved', 'referred', 'abusive'] as const;

export async function endChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  reason: (typeof OPERATOR_END_REASONS)[number],
): Promise<ChatRow> {
  requireChatRole(actor);
  const row = await deps.db.transaction(async (tx) => {
    const chat = await lockChat(tx, chatId);
    if (!chat) throw new AppError('not_found', keyed('chat.notFound', 'No such chat.'));
    // A waiting chat may be ended by a supervisor (spam in the queue); a taken one by its holder too.
    if (chat.state === 'queued' && !canSuperviseChat(actor)) {
      throw new AppError('forbidden', keyed('chat.takeFirst', 'Take the chat first.'));
    }
    if (chat.state !== 'queued') requireParticipant(actor, chat);
    if (chat.state === 'ended')
      throw new AppError('conflict', keyed('chat.endedAlready', 'This chat has ended already.'));
    return endLocked(tx, chat, reason, deps.clock.now());
  });
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.end',
    targetType: 'chat',
    targetId: chatId,
    details: { reason },
  });
  return row;
}

/**
 * Why an operator blocks a visitor: a category, never free text (what was said stays in the
 * encrypted transcript). Kept in the audit entry of the block, the append-only record of who
 * blocked whom and why, so blocking needs no column of its own.
 */
export const BLOCK_REASONS = [
  'abusive_language',
  'threats',
  'sexual_content',
  'spam',
  'other',
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/**
 * Blocks an abusive visitor: the chat ends and its session (token and resume code) is refused from
 * now on. Nothing more about the visitor is stored to do it; the address limits work in memory.
 */
export async function blockVisitor(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  reason?: BlockReason,
): Promise<ChatRow> {
  requireChatRole(actor);
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const chat = await lockChat(tx, chatId);
    if (!chat) throw new AppError('not_found', keyed('chat.notFound', 'No such chat.'));
    if (chat.state !== 'queued' || !canSuperviseChat(actor)) requireParticipant(actor, chat);
    await insertBlock(tx, { chatId, blockedBy: actor.userId, now });
    await updateChat(tx, chatId, { blockedAt: now });
    chat.blockedAt = now;
    if (chat.state === 'ended') {
      await publish(tx, { t: 'state', c: chatId });
      return chat;
    }
    return endLocked(tx, chat, 'abusive', now);
  });
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.block',
    targetType: 'chat',
    targetId: chatId,
    ...(reason ? { details: { reason } } : {}),
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Jobs

/**
 * Chats left unanswered for CHAT_UNANSWERED_MINUTES go back to the queue (keeping their place by
 * their first queueing) and supervisors are alerted. Runs on any worker; each chat is decided
 * again under its lock, so two runs never return one chat twice.
 */
export async function returnUnanswered(deps: ChatDeps): Promise<number> {
  const now = deps.clock.now();
  const minutes = deps.config.chat.unansweredMinutes;
  const candidates = await unansweredSince(deps.db, new Date(now.getTime() - minutes * 60_000));
  let returned = 0;
  for (const candidate of candidates) {
    const alert = await deps.db.transaction(async (tx) => {
      const chat = await lockChat(tx, candidate.id);
      if (!chat || chat.state !== 'active' || !chat.takenAt) return null;
      if (
        !isUnanswered(
          { takenAt: chat.takenAt, firstUnansweredAt: chat.firstUnansweredAt },
          now,
          minutes,
        )
      ) {
        return null;
      }
      await updateChat(tx, chat.id, {
        state: 'queued',
        operatorId: null,
        operatorName: null,
        takenAt: null,
        returnedCount: chat.returnedCount + 1,
      });
      const raised = await insertAlert(tx, { chatId: chat.id, operatorId: chat.operatorId, now });
      await publish(tx, { t: 'state', c: chat.id });
      await publish(tx, { t: 'queue' });
      await publish(tx, { t: 'alert', id: raised.id, c: chat.id });
      return { raised, operatorId: chat.operatorId };
    });
    if (!alert) continue;
    returned++;
    await appendAudit(deps.db, {
      ...auditFields(SYSTEM_ACTOR),
      action: 'chat.returned_unanswered',
      targetType: 'chat',
      targetId: candidate.id,
      details: { operator: alert.operatorId, minutes },
    });
  }
  return returned;
}
