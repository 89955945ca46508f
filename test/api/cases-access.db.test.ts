// The access rules' two forms agree: for every role × action × case state × relation to the case
// (owner, assigned colleague, stranger), the SQL condition that filters lists admits exactly the
// cases the predicate admits on a single read. One case per state and relation sits in the
// database; the predicate is asked of each row, the SQL of the whole table.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS, mayOnCase } from '../../src/cases/domain/access.js';
import { CASE_STATUSES } from '../../src/cases/domain/vocabulary.js';
import { cases } from '../../src/cases/schema.js';
import { caseIdsWhere, insertCase, listCaseRows, type CaseRow } from '../../src/cases/store.js';
import { ROLES } from '../../src/platform/auth/roles.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
const READER = randomUUID();
const OTHER = randomUUID();
const THIRD = randomUUID();
const AT = new Date('2030-06-04T10:00:00Z');
let rows: CaseRow[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  const db = t.database.db;
  const relations = {
    owner: { ownerId: READER, assigneeIds: [THIRD] },
    assignee: { ownerId: OTHER, assigneeIds: [THIRD, READER] },
    stranger: { ownerId: OTHER, assigneeIds: [THIRD] },
  };
  for (const status of CASE_STATUSES) {
    for (const relation of Object.values(relations)) {
      await insertCase(db, {
        ...relation,
        status,
        outcome: status === 'closed' ? 'helped' : null,
        origin: 'manual',
        createdAt: AT,
        updatedAt: AT,
      });
    }
  }
  rows = await db.select().from(cases);
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('case access: the predicate and the SQL agree', () => {
  it('holds one case per state and relation', () => {
    expect(rows).toHaveLength(CASE_STATUSES.length * 3);
  });

  for (const role of ROLES) {
    it(`for ${role}, on every action`, async () => {
      const who = { id: READER, role };
      let admitted = 0;
      for (const action of CASE_ACTIONS) {
        const byPredicate = rows
          .filter((c) => mayOnCase(who, action, c))
          .map((c) => c.id)
          .sort();
        const bySql = (await caseIdsWhere(t.database.db, who, action)).sort();
        expect(bySql, `${role} ${action}`).toEqual(byPredicate);
        admitted += byPredicate.length;
      }
      // Not vacuous: the roles that work cases are admitted somewhere, the others nowhere.
      if (role === 'outreach_worker' || role === 'supervisor') expect(admitted).toBeGreaterThan(0);
      else expect(admitted).toBe(0);
    });
  }

  it('lists exactly what view_case admits, and a worker never a stranger’s case', async () => {
    for (const role of ROLES) {
      const who = { id: READER, role };
      const listed = await listCaseRows(t.database.db, who, { limit: 100 });
      const expected = rows.filter((c) => mayOnCase(who, 'view_case', c)).map((c) => c.id);
      expect(listed.rows.map((c) => c.id).sort()).toEqual(expected.sort());
    }
    const worker = await listCaseRows(
      t.database.db,
      { id: READER, role: 'outreach_worker' },
      { limit: 100 },
    );
    expect(worker.rows).toHaveLength(CASE_STATUSES.length * 2);
    expect(worker.rows.every((c) => c.ownerId === READER || c.assigneeIds.includes(READER))).toBe(
      true,
    );
  });

  it('pages a list by keyset without losing or repeating a case', async () => {
    const who = { id: READER, role: 'supervisor' as const };
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listCaseRows(t.database.db, who, { limit: 5, cursor });
      seen.push(...page.rows.map((c) => c.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(rows.map((c) => c.id).sort());
    await expect(
      listCaseRows(t.database.db, who, { limit: 5, cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
