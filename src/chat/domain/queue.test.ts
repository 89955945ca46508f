import { describe, expect, it } from 'vitest';
import {
  estimateWaitMinutes,
  isUnanswered,
  mayTakeAnother,
  orderQueue,
  queuePosition,
  URGENCY,
  urgencyOf,
} from './queue.js';

const at = (min: number) => new Date(Date.UTC(2030, 5, 4, 10, min));

describe('urgency from the first answers', () => {
  it('puts not safe now first, then minors, then unsure, then the rest', () => {
    expect(urgencyOf({ safeNow: 'no', ageGroup: '24_plus' })).toBe(URGENCY.not_safe);
    expect(urgencyOf({ safeNow: 'no', ageGroup: 'under_18' })).toBe(URGENCY.not_safe);
    expect(urgencyOf({ safeNow: 'yes', ageGroup: 'under_18' })).toBe(URGENCY.minor);
    expect(urgencyOf({ safeNow: 'unsure', ageGroup: 'under_18' })).toBe(URGENCY.minor);
    expect(urgencyOf({ safeNow: 'unsure' })).toBe(URGENCY.unsure);
    expect(urgencyOf({ safeNow: 'yes', topic: 'other' })).toBe(URGENCY.other);
    expect(urgencyOf({})).toBe(URGENCY.other);
    expect(urgencyOf(null)).toBe(URGENCY.other);
  });
});

describe('queue order', () => {
  const chats = [
    { id: 'a', urgency: URGENCY.other, queuedAt: at(0) },
    { id: 'b', urgency: URGENCY.unsure, queuedAt: at(5) },
    { id: 'c', urgency: URGENCY.not_safe, queuedAt: at(9) },
    { id: 'd', urgency: URGENCY.minor, queuedAt: at(8) },
    { id: 'e', urgency: URGENCY.minor, queuedAt: at(3) },
    { id: 'f', urgency: URGENCY.other, queuedAt: at(0) },
  ];
  it('orders by urgency, then the longest wait, then id', () => {
    expect(orderQueue(chats).map((c) => c.id)).toEqual(['c', 'e', 'd', 'b', 'a', 'f']);
  });
  it('gives places from 1 and none for a chat not waiting', () => {
    expect(queuePosition(chats, 'c')).toBe(1);
    expect(queuePosition(chats, 'f')).toBe(6);
    expect(queuePosition(chats, 'zz')).toBeUndefined();
  });
  it('does not change the input', () => {
    const copy = [...chats];
    orderQueue(chats);
    expect(chats).toEqual(copy);
  });
});

describe('caps', () => {
  it('lets an operator take chats up to the cap and no more', () => {
    expect(mayTakeAnother(0, 3)).toBe(true);
    expect(mayTakeAnother(2, 3)).toBe(true);
    expect(mayTakeAnother(3, 3)).toBe(false);
    expect(mayTakeAnother(0, 0)).toBe(false);
  });
});

describe('unanswered', () => {
  it('counts from the later of the take and the first unanswered message', () => {
    const state = { takenAt: at(10), firstUnansweredAt: at(2) };
    expect(isUnanswered(state, at(14), 5)).toBe(false);
    expect(isUnanswered(state, at(15), 5)).toBe(true);
    const later = { takenAt: at(0), firstUnansweredAt: at(20) };
    expect(isUnanswered(later, at(24), 5)).toBe(false);
    expect(isUnanswered(later, at(25), 5)).toBe(true);
  });
  it('never holds a chat whose visitor has been answered', () => {
    expect(isUnanswered({ takenAt: at(0), firstUnansweredAt: null }, at(59), 5)).toBe(false);
  });
});

describe('wait estimate', () => {
  const minutes = (m: number[]) => m.map((x) => x * 60_000);
  it('says nothing without a basis', () => {
    expect(estimateWaitMinutes(1, { recentWaitsMs: minutes([2, 3, 4]), operatorsOnDuty: 0 })).toBe(
      undefined,
    );
    expect(estimateWaitMinutes(1, { recentWaitsMs: minutes([2, 3]), operatorsOnDuty: 2 })).toBe(
      undefined,
    );
  });
  it('grows with the place in the queue and shrinks with operators on duty', () => {
    const basis = { recentWaitsMs: minutes([1, 4, 2, 30, 4]), operatorsOnDuty: 2 };
    // median 4 minutes; rounds of two
    expect(estimateWaitMinutes(1, basis)).toBe(4);
    expect(estimateWaitMinutes(2, basis)).toBe(4);
    expect(estimateWaitMinutes(3, basis)).toBe(8);
    expect(estimateWaitMinutes(3, { ...basis, operatorsOnDuty: 3 })).toBe(4);
  });
  it('never promises less than a minute', () => {
    expect(estimateWaitMinutes(1, { recentWaitsMs: [1000, 2000, 3000], operatorsOnDuty: 5 })).toBe(
      1,
    );
  });
});
