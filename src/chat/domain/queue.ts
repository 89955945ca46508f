// The chat queue's rules: how urgent a waiting chat is (from the visitor's first answers, as crisis
// text lines order by severity), the order operators see, how many chats one operator may hold,
// when a taken chat counts as unanswered, and an honest wait estimate. Pure: times come in as
// arguments, so the same rules order the queue on every server and in every test.
import type { ChatTriage } from '../../contracts/chat-protocol.js';

/**
 * Urgency levels, most urgent first: not safe right now, then a minor (the child protocol), then
 * someone unsure whether they are safe, then everyone else. A lower number is served first.
 */
export const URGENCY = { not_safe: 0, minor: 1, unsure: 2, other: 3 } as const;
export type Urgency = (typeof URGENCY)[keyof typeof URGENCY];
export const URGENCY_NAMES = ['not_safe', 'minor', 'unsure', 'other'] as const;

export function urgencyOf(triage: ChatTriage | null | undefined): Urgency {
  if (triage?.safeNow === 'no') return URGENCY.not_safe;
  if (triage?.ageGroup === 'under_18') return URGENCY.minor;
  if (triage?.safeNow === 'unsure') return URGENCY.unsure;
  return URGENCY.other;
}

export interface Queued {
  id: string;
  urgency: number;
  queuedAt: Date;
}

/** Queue order: urgency first, then the longest wait; the id breaks ties so every server agrees. */
export function compareQueued(a: Queued, b: Queued): number {
  if (a.urgency !== b.urgency) return a.urgency - b.urgency;
  const dt = a.queuedAt.getTime() - b.queuedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderQueue<T extends Queued>(chats: readonly T[]): T[] {
  return [...chats].sort(compareQueued);
}

/** Place in the queue (1 = next) of one chat, or undefined when it is not waiting. */
export function queuePosition(chats: readonly Queued[], id: string): number | undefined {
  const i = orderQueue(chats).findIndex((c) => c.id === id);
  return i === -1 ? undefined : i + 1;
}

/** Whether an operator holding `active` chats may take one more under the cap. */
export function mayTakeAnother(active: number, cap: number): boolean {
  return active < cap;
}

export interface AnswerState {
  /** When the operator took the chat (the clock for "unanswered" starts no earlier). */
  takenAt: Date;
  /** The visitor's first message the operator has not answered yet; null when none waits. */
  firstUnansweredAt: Date | null;
}

/**
 * Whether a taken chat has waited `minutes` or longer for the operator's answer: a visitor's
 * message (or the chat itself, when it was taken with the visitor's words still unanswered) left
 * without a reply since the later of its time and the take.
 */
export function isUnanswered(state: AnswerState, now: Date, minutes: number): boolean {
  if (!state.firstUnansweredAt) return false;
  const since = Math.max(state.takenAt.getTime(), state.firstUnansweredAt.getTime());
  return now.getTime() - since >= minutes * 60_000;
}

/** Fewer takes than this in the window give no basis for an estimate. */
export const MIN_SAMPLES = 3;

export interface WaitBasis {
  /** How long recently taken chats waited, in milliseconds (the recent window's takes). */
  recentWaitsMs: readonly number[];
  /** Operators on duty now (signed in to the chat line, under their cap or not). */
  operatorsOnDuty: number;
}

/**
 * An honest wait estimate in whole minutes for the chat at `position`, or undefined when there is
 * no basis: nobody on duty, or too few recent takes to say anything. With k operators the queue's
 * head is served in rounds of k, each about as long as a recent median wait at the head; so a chat
 * at position p waits about ceil(p / k) rounds. Rounded up, at least one minute: promising "now"
 * and being wrong is worse than saying a minute.
 */
export function estimateWaitMinutes(position: number, basis: WaitBasis): number | undefined {
  if (basis.operatorsOnDuty <= 0 || basis.recentWaitsMs.length < MIN_SAMPLES) return undefined;
  const sorted = [...basis.recentWaitsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const rounds = Math.ceil(Math.max(1, position) / basis.operatorsOnDuty);
  return Math.max(1, Math.ceil((rounds * median) / 60_000));
}
