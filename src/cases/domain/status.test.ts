// The case pipeline's transitions: forward, the allowed steps back, closing with an outcome only.
import { describe, expect, it } from 'vitest';
import { checkStatusChange } from './status.js';
import { CASE_STATUSES } from './vocabulary.js';

describe('case status changes', () => {
  it('go forward and close with an outcome', () => {
    expect(checkStatusChange('open', 'referral', null)).toEqual({ allowed: true, action: 'edit' });
    expect(checkStatusChange('referral', 'in_care', null)).toEqual({
      allowed: true,
      action: 'edit',
    });
    expect(checkStatusChange('in_care', 'closed', 'helped')).toEqual({
      allowed: true,
      action: 'close',
    });
    expect(checkStatusChange('closed', 'open', null)).toEqual({ allowed: true, action: 'reopen' });
  });

  it('refuse skipping back, staying put, closing without outcome, outcome without closing', () => {
    expect(checkStatusChange('in_care', 'open', null).allowed).toBe(false);
    expect(checkStatusChange('closed', 'in_care', null).allowed).toBe(false);
    for (const s of CASE_STATUSES) expect(checkStatusChange(s, s, null).allowed).toBe(false);
    expect(checkStatusChange('open', 'closed', null)).toMatchObject({
      allowed: false,
      message: 'Closing a case records its outcome.',
    });
    expect(checkStatusChange('open', 'referral', 'helped').allowed).toBe(false);
  });
});
