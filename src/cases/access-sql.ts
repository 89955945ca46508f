// The access rules of src/cases/domain/access.ts compiled into a SQL condition over `cases`, for
// lists: the same condition sets, the reader's role decided here (it is known before the query),
// ownership, assignment and status left to the database. A list filtered by this never shows a
// case its reader could not open (test/api/cases-access.db.test.ts holds the two forms together).
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  CASE_ACCESS_RULES,
  type CaseAction,
  type CaseReader,
  type ConditionSet,
} from './domain/access.js';
import { cases } from './schema.js';

function conditionSetSql(set: ConditionSet, who: CaseReader): SQL | null {
  if (set.roles && !set.roles.includes(who.role)) return null;
  const parts: SQL[] = [sql`true`];
  if (set.owner) parts.push(eq(cases.ownerId, who.id));
  if (set.assignee) parts.push(sql`${who.id}::uuid = ANY(${cases.assigneeIds})`);
  if (set.statuses) parts.push(inArray(cases.status, [...set.statuses]));
  return and(...parts)!;
}

/** A condition on `cases` that holds exactly where mayOnCase(who, action, case) does. */
export function caseAccessWhere(who: CaseReader, action: CaseAction): SQL {
  const sets = CASE_ACCESS_RULES[action]
    .map((set) => conditionSetSql(set, who))
    .filter((s): s is SQL => s !== null);
  if (sets.length === 0) return sql`false`;
  return or(...sets)!;
}
