// The thread's pure logic: merging by seq, pending messages until stored, delivery and read
// state, unread counts and waiting minutes.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './api';
import { deliveryOf, lastSeqOf, mergeMessages, minutesSince, threadOf, unreadOf } from './thread';

const AT = '2030-06-04T10:00:00.000Z';
const CID = '00000000-0000-4000-8000-000000000001';
const m = (
  seq: number,
  from: ChatMessage['from'],
  body: string,
  clientId?: string,
): ChatMessage => ({
  seq,
  from,
  body,
  at: AT,
  ...(clientId ? { clientId } : {}),
});

describe('the chat thread', () => {
  it('merges the transcript and live messages by seq, each once and in order', () => {
    const merged = mergeMessages(
      [m(1, 'visitor', 'hoi'), m(3, 'visitor', 'daar')],
      [m(2, 'operator', 'hallo'), m(3, 'visitor', 'a second copy'), m(4, 'operator', 'ja')],
    );
    expect(merged.map((x) => [x.seq, x.body])).toEqual([
      [1, 'hoi'],
      [2, 'hallo'],
      [3, 'daar'],
      [4, 'ja'],
    ]);
    expect(lastSeqOf(merged)).toBe(4);
    expect(lastSeqOf([])).toBe(0);
  });

  it('shows a pending message until it is stored, and never twice once it is', () => {
    const pending = [{ clientId: CID, body: 'hallo', failed: false }];
    expect(threadOf([m(1, 'visitor', 'hoi')], pending).map((x) => [x.body, x.state])).toEqual([
      ['hoi', 'stored'],
      ['hallo', 'sending'],
    ]);
    const stored = threadOf([m(1, 'visitor', 'hoi'), m(2, 'operator', 'hallo', CID)], pending);
    expect(stored.map((x) => [x.body, x.state])).toEqual([
      ['hoi', 'stored'],
      ['hallo', 'stored'],
    ]);
    // The key stays the same from pending to stored (no remount, focus kept).
    expect(stored[1]!.key).toBe(CID);
    expect(threadOf([], [{ clientId: CID, body: 'x', failed: true }])[0]!.state).toBe('failed');
  });

  it('says whether the visitor has read the operator’s message', () => {
    const [own] = threadOf([m(5, 'operator', 'hallo', CID)], []);
    expect(deliveryOf(own!, 4)).toBe('sent');
    expect(deliveryOf(own!, 5)).toBe('read');
    const [pending] = threadOf([], [{ clientId: CID, body: 'x', failed: false }]);
    expect(deliveryOf(pending!, 99)).toBe('sending');
  });

  it('counts what came after the operator’s read mark', () => {
    expect(unreadOf({ lastSeq: 7, operatorReadSeq: 4 })).toBe(3);
    expect(unreadOf({ lastSeq: 4, operatorReadSeq: 4 })).toBe(0);
    expect(unreadOf({ lastSeq: 2, operatorReadSeq: 3 })).toBe(0);
  });

  it('gives waiting time in whole minutes, never below zero', () => {
    const now = new Date(AT).getTime();
    expect(minutesSince(AT, now + 59_000)).toBe(0);
    expect(minutesSince(AT, now + 61_000)).toBe(1);
    expect(minutesSince(AT, now + 3_600_000)).toBe(60);
    expect(minutesSince(AT, now - 5_000)).toBe(0);
  });
});
