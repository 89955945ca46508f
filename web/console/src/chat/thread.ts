// The pure part of a chat's thread in the console: merging what the transcript and the live socket
// bring (by seq, so a message that arrives both ways shows once, in order), the operator's pending
// messages until the server stores them, what the visitor has read, unread counts for the list,
// and how long a visitor has waited. No React, no fetch: unit-tested beside this file.
import type { ChatMessage, ChatSummary } from './api';

/** A message as the thread shows it: stored (with a seq) or still on its way from this console. */
export interface ThreadMessage {
  /** Stable across pending → stored, for React's keyed list. */
  key: string;
  seq?: number;
  from: ChatMessage['from'];
  body: string;
  at?: string;
  clientId?: string;
  state: 'sending' | 'failed' | 'stored';
}

export interface PendingMessage {
  clientId: string;
  body: string;
  failed: boolean;
}

/** Stored messages by seq, whichever way each came; a seq seen twice keeps its first copy. */
export function mergeMessages(
  known: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const m of known) bySeq.set(m.seq, m);
  for (const m of incoming) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The thread: stored messages in seq order, then the pending ones in the order written. A pending
 * message whose clientId is already stored (the answer and the socket raced) is not shown twice.
 */
export function threadOf(
  stored: readonly ChatMessage[],
  pending: readonly PendingMessage[],
): ThreadMessage[] {
  const storedIds = new Set(stored.map((m) => m.clientId).filter(Boolean));
  return [
    ...stored.map((m): ThreadMessage => ({
      key: m.clientId ?? `seq-${m.seq}`,
      seq: m.seq,
      from: m.from,
      body: m.body,
      at: m.at,
      ...(m.clientId ? { clientId: m.clientId } : {}),
      state: 'stored',
    })),
    ...pending
      .filter((p) => !storedIds.has(p.clientId))
      .map((p): ThreadMessage => ({
        key: p.clientId,
        from: 'operator',
        body: p.body,
        clientId: p.clientId,
        state: p.failed ? 'failed' : 'sending',
      })),
  ];
}

/** What the operator sees under one of their own messages. */
export type Delivery = 'sending' | 'failed' | 'sent' | 'read';

export function deliveryOf(m: ThreadMessage, visitorReadSeq: number): Delivery {
  if (m.state !== 'stored') return m.state;
  return m.seq !== undefined && m.seq <= visitorReadSeq ? 'read' : 'sent';
}

/** The last seq of the thread (what a read mark covers when the operator has it in view). */
export function lastSeqOf(messages: readonly ChatMessage[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0);
}

/**
 * Messages in a chat the operator has not read: everything after their read mark. The console
 * marks read up to the last message whenever the thread is in view, its own included, so what
 * remains after the mark came while they looked elsewhere.
 */
export function unreadOf(chat: Pick<ChatSummary, 'lastSeq' | 'operatorReadSeq'>): number {
  return Math.max(0, chat.lastSeq - chat.operatorReadSeq);
}

/** Whole minutes from `sinceIso` to `nowMs`, never negative (a clock a little behind the server's). */
export function minutesSince(sinceIso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - new Date(sinceIso).getTime()) / 60_000));
}
