// The chat line's wire protocol: the frames a visitor's widget and the server exchange over one
// WebSocket (/chat/ws), as zod/mini schemas both sides parse with. A contract (src/contracts): it
// runs unchanged in the browser, and zod/mini keeps the widget's bundle small.
//
// Delivery is at-least-once from each side, made exactly-once by ids: the widget gives every
// message a clientId (a random uuid) and sends it again after a reconnect until it is acknowledged;
// the server stores a message (unique per chat and clientId) before it acknowledges it, so a
// repeated send is acknowledged again with the same seq, never stored twice. The server numbers the
// messages of a chat (seq, from 1, both directions); a reconnecting widget says the last seq it
// has, and the server sends what came after it. Opening is made idempotent the same way: a start
// carries a startId, and a start repeated with it within a few minutes is the same chat.
import * as z from 'zod/mini';

/** Languages the widget is written in; the structure takes more (README of web/chat). */
export const CHAT_LANGUAGES = ['nl', 'en', 'ro', 'pl', 'bg', 'hu', 'es', 'uk'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

/** The optional first questions; each answer may be left out ("rather not say"). */
export const SAFE_NOW = ['yes', 'no', 'unsure'] as const;
export const AGE_GROUPS = ['under_18', '18_23', '24_plus'] as const;
export const TOPICS = ['sex_work', 'work_or_money', 'relationship', 'online', 'other'] as const;

export const ChatTriage = z.object({
  safeNow: z.optional(z.enum(SAFE_NOW)),
  ageGroup: z.optional(z.enum(AGE_GROUPS)),
  topic: z.optional(z.enum(TOPICS)),
});
export type ChatTriage = z.infer<typeof ChatTriage>;

/**
 * Written in the built widget.js as a string; the server replaces it with the days a chat is kept
 * after it ends (RETENTION_CHAT_DAYS) when it serves the script, so the start screen can say how
 * long — before any connection, and on an organisation's page that has only the script tag.
 */
export const RETENTION_DAYS_MARK = '__ARIADNE_CHAT_RETENTION_DAYS__';

/** Longest message a visitor may send, in characters. */
export const CHAT_MESSAGE_MAX = 4000;

const clientId = z.uuid();
const body = z.string().check(z.minLength(1), z.maxLength(CHAT_MESSAGE_MAX));
/** The secret the widget holds for a chat while it runs (in memory, never a cookie). */
const sessionToken = z.string().check(z.minLength(20), z.maxLength(200));
/** A code the person may note down to continue later, e.g. "KX4M-7PQ2-RT9W". */
export const RESUME_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** What the widget sends. */
export const VisitorFrame = z.discriminatedUnion('type', [
  /**
   * Opens a new chat. `startId` is a random uuid the widget picks once per chat it opens: a start
   * sent again with it (the connection dropped before the welcome came) is answered with the same
   * chat, never a second one.
   */
  z.object({
    type: z.literal('start'),
    language: z.enum(CHAT_LANGUAGES),
    triage: z.optional(ChatTriage),
    startId: z.optional(z.uuid()),
  }),
  /** Comes back to a running chat after a dropped connection, with the last seq it holds. */
  z.object({ type: z.literal('resume'), token: sessionToken, lastSeq: z.int().check(z.gte(0)) }),
  /** Continues an earlier chat on a new visit, with the code the person noted down. */
  z.object({
    type: z.literal('continue'),
    code: z.string().check(z.regex(RESUME_CODE)),
    language: z.enum(CHAT_LANGUAGES),
  }),
  z.object({ type: z.literal('message'), clientId, body }),
  z.object({ type: z.literal('typing'), on: z.boolean() }),
  /** The visitor has read up to this seq (the operator sees "read"). */
  z.object({ type: z.literal('read'), upTo: z.int().check(z.gte(0)) }),
  /** Asks for a resume code for this chat (only made when asked: it is a way back in). */
  z.object({ type: z.literal('want-code') }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('ping') }),
]);
export type VisitorFrame = z.infer<typeof VisitorFrame>;

export const CHAT_AUTHORS = ['visitor', 'operator', 'system'] as const;

export const ChatMessage = z.object({
  seq: z.int(),
  from: z.enum(CHAT_AUTHORS),
  body: z.string(),
  /** The widget's id, on the visitor's own messages. */
  clientId: z.optional(z.uuid()),
  /** ISO time the server stored it. */
  at: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Where the chat stands, sent on start/resume and whenever it changes. */
export const ChatState = z.object({
  state: z.enum(['queued', 'active', 'ended']),
  /** Place in the queue (1 = next), while queued. */
  position: z.optional(z.int()),
  /** Honest estimate in minutes, absent when there is no basis for one. */
  waitMinutes: z.optional(z.int()),
  /** Whether anyone answers now; outside office hours the widget says when they do. */
  open: z.boolean(),
  /** The next opening, ISO time, when closed. */
  opensAt: z.optional(z.string()),
  /** First name or alias the operator chose to show, once a chat is taken. */
  operatorName: z.optional(z.string()),
});
export type ChatState = z.infer<typeof ChatState>;

export const END_REASONS = ['visitor_left', 'resolved', 'referred', 'abusive', 'timeout'] as const;

/** What the server sends. */
export const ServerFrame = z.discriminatedUnion('type', [
  /** Answer to start/resume/continue: the token for this connection's chat and what it holds. */
  z.object({
    type: z.literal('welcome'),
    token: sessionToken,
    /** Messages after the lastSeq the widget gave (all of them on start/continue). */
    messages: z.array(ChatMessage),
    status: ChatState,
  }),
  z.object({ type: z.literal('ack'), clientId, seq: z.int(), at: z.string() }),
  z.object({ type: z.literal('message'), message: ChatMessage }),
  z.object({ type: z.literal('status'), status: ChatState }),
  z.object({ type: z.literal('typing'), on: z.boolean() }),
  /** The operator has read up to this seq. */
  z.object({ type: z.literal('read'), upTo: z.int() }),
  z.object({ type: z.literal('code'), code: z.string().check(z.regex(RESUME_CODE)) }),
  z.object({ type: z.literal('ended'), reason: z.enum(END_REASONS) }),
  /** A refusal; `retryAfter` seconds when rate-limited. The connection may stay open. */
  z.object({
    type: z.literal('error'),
    code: z.enum([
      'bad_frame',
      'unknown_chat',
      'chat_ended',
      'rate_limited',
      'blocked',
      'too_long',
      'server_busy',
    ]),
    retryAfter: z.optional(z.int()),
  }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Parses one text frame; undefined for anything that is not a valid frame (never throws). */
export function parseFrame<T>(schema: z.ZodMiniType<T>, text: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = z.safeParse(schema, json);
  return r.success ? r.data : undefined;
}
