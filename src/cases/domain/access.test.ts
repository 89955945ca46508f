// The access rules as a predicate: the examples and the roles that see no case at all.
// (That the SQL form agrees with this one, case by case, is test/api/cases-access.db.test.ts.)
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../platform/auth/roles.js';
import { CASE_ACTIONS, allowedCaseActions, mayEverOnCases, mayOnCase } from './access.js';
import { CASE_STATUSES } from './vocabulary.js';

const OWNER = 'owner';
const MATE = 'mate';
const facts = (status: (typeof CASE_STATUSES)[number]) => ({
  ownerId: OWNER,
  assigneeIds: [MATE],
  status,
});

describe('case access rules', () => {
  it('let partners, analysts and admins do nothing with a case, whatever it is', () => {
    for (const role of ['partner', 'analyst', 'admin'] as const) {
      for (const status of CASE_STATUSES) {
        // Even as a case's recorded owner (say, a worker later made admin), the role decides.
        expect(allowedCaseActions({ id: OWNER, role }, facts(status))).toEqual([]);
      }
      for (const action of CASE_ACTIONS) expect(mayEverOnCases({ role }, action)).toBe(false);
    }
  });

  it('close: a supervisor, or its owner while it is open; never a colleague', () => {
    expect(mayOnCase({ id: 'x', role: 'supervisor' }, 'close', facts('in_care'))).toBe(true);
    expect(mayOnCase({ id: OWNER, role: 'outreach_worker' }, 'close', facts('open'))).toBe(true);
    expect(mayOnCase({ id: OWNER, role: 'outreach_worker' }, 'close', facts('closed'))).toBe(false);
    expect(mayOnCase({ id: MATE, role: 'outreach_worker' }, 'close', facts('open'))).toBe(false);
  });

  it('view notes: owner, assigned colleague, supervisor; not another worker', () => {
    expect(mayOnCase({ id: OWNER, role: 'outreach_worker' }, 'view_notes', facts('open'))).toBe(
      true,
    );
    expect(mayOnCase({ id: MATE, role: 'outreach_worker' }, 'view_notes', facts('closed'))).toBe(
      true,
    );
    expect(mayOnCase({ id: 's', role: 'supervisor' }, 'view_notes', facts('open'))).toBe(true);
    expect(mayOnCase({ id: 'w', role: 'outreach_worker' }, 'view_notes', facts('open'))).toBe(
      false,
    );
  });

  it('let a person withdraw consent through the team even after the case closed', () => {
    expect(
      mayOnCase({ id: MATE, role: 'outreach_worker' }, 'withdraw_consent', facts('closed')),
    ).toBe(true);
    expect(
      mayOnCase({ id: MATE, role: 'outreach_worker' }, 'record_consent', facts('closed')),
    ).toBe(false);
  });

  it('have a rule for every action and give every role its own answer', () => {
    for (const role of ROLES) {
      const any = CASE_ACTIONS.some((a) => mayEverOnCases({ role }, a));
      expect(any).toBe(role === 'outreach_worker' || role === 'supervisor');
    }
  });
});
