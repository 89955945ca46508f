// What the chat line's servers tell each other (through LISTEN/NOTIFY on one channel) and what an
// operator's console receives and sends over /api/chat/events. A notification carries ids and
// numbers only — never a message body: each server reads what it needs from the database, so
// nothing personal travels outside the tables that encrypt it.
import { z } from 'zod';
import { ChatMessage } from '../contracts/chat-protocol.js';

export const CHAT_CHANNEL = 'ariadne_chat';

export const ChatEvent = z.discriminatedUnion('t', [
  /** A message was stored with seq `s`; `o` is the operator who holds the chat, if any. */
  z.object({ t: z.literal('msg'), c: z.uuid(), s: z.int(), o: z.uuid().nullable() }),
  /** The chat's state changed (taken, returned, transferred, ended, blocked): re-read it. */
  z.object({ t: z.literal('state'), c: z.uuid() }),
  /** The waiting line changed (a chat joined or left it): positions and estimates move. */
  z.object({ t: z.literal('queue') }),
  z.object({
    t: z.literal('typing'),
    c: z.uuid(),
    from: z.enum(['visitor', 'operator']),
    on: z.boolean(),
  }),
  z.object({
    t: z.literal('read'),
    c: z.uuid(),
    by: z.enum(['visitor', 'operator']),
    upTo: z.int(),
  }),
  /** A supervisor's alert was raised (a chat went back to the queue unanswered). */
  z.object({ t: z.literal('alert'), id: z.uuid(), c: z.uuid() }),
]);
export type ChatEvent = z.infer<typeof ChatEvent>;

/** Frames an operator's console sends over /api/chat/events. */
export const OperatorFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('typing'), chatId: z.uuid(), on: z.boolean() }),
  /** A supervisor follows a chat they do not hold (audited). */
  z.object({ type: z.literal('watch'), chatId: z.uuid() }),
  z.object({ type: z.literal('unwatch'), chatId: z.uuid() }),
  z.object({ type: z.literal('ping') }),
]);
export type OperatorFrame = z.infer<typeof OperatorFrame>;

/** Frames the server sends an operator's console. */
export const OperatorServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: z.uuid() }),
  z.object({ type: z.literal('message'), chatId: z.uuid(), message: ChatMessage }),
  /** A chat the operator holds or watches changed; the queue changed (re-read GET /api/chat/queue). */
  z.object({ type: z.literal('chat'), chatId: z.uuid() }),
  z.object({ type: z.literal('queue') }),
  /** A watch took effect: messages of that chat from now on come to this console. */
  z.object({ type: z.literal('watching'), chatId: z.uuid() }),
  z.object({ type: z.literal('typing'), chatId: z.uuid(), on: z.boolean() }),
  z.object({ type: z.literal('read'), chatId: z.uuid(), upTo: z.int() }),
  z.object({ type: z.literal('alert'), alertId: z.uuid(), chatId: z.uuid() }),
  z.object({
    type: z.literal('error'),
    code: z.enum(['bad_frame', 'forbidden', 'not_found', 'rate_limited']),
  }),
  z.object({ type: z.literal('pong') }),
]);
export type OperatorServerFrame = z.infer<typeof OperatorServerFrame>;
