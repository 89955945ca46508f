// The entity page's answer must hold every lead event the store writes: a merge records the
// entities it took in as a list, which the first schema refused (a 500 on merged leads).
import { describe, expect, it } from 'vitest';
import { LeadEventDetail } from './views.js';

describe('lead event detail', () => {
  it('holds the details each kind of lead event writes', () => {
    for (const detail of [
      { from: ['a1', 'b2'] },
      { from: 'c3' },
      { assigneeId: 'u1', previousAssigneeId: null },
      { until: null },
      { score: 42 },
      {},
    ]) {
      expect(LeadEventDetail.safeParse(detail).success).toBe(true);
    }
  });

  it('refuses what no event writes', () => {
    expect(LeadEventDetail.safeParse({ from: [{ id: 'x' }] }).success).toBe(false);
  });
});
