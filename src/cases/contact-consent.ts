// What the cases about a person say about contacting them again, for outreach (through the port
// src/app wires; outreach may not import cases). A person is known to outreach by their threads and
// the entities (linked ads) they were found through; every case linked to any of them counts, and
// one case that rules contact out is enough: the person's "do not contact me" is never outvoted by
// another case that recorded nothing, or recorded an older yes.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import { consentBar, type ConsentBar } from './domain/consent.js';
import { caseConversations, caseEntities, consents } from './schema.js';
import { consentRecordOf } from './store.js';

/** The threads and entities outreach knows a person by. */
export interface PersonLinks {
  conversationIds: readonly string[];
  entityIds: readonly string[];
}

/** The cases linked to any of the person's threads or entities. */
async function casesOfPerson(db: DbOrTx, person: PersonLinks): Promise<string[]> {
  const ids = new Set<string>();
  if (person.conversationIds.length > 0) {
    const rows = await db
      .select({ id: caseConversations.caseId })
      .from(caseConversations)
      .where(inArray(caseConversations.conversationId, [...person.conversationIds]));
    for (const r of rows) ids.add(r.id);
  }
  if (person.entityIds.length > 0) {
    const rows = await db
      .select({ id: caseEntities.caseId })
      .from(caseEntities)
      .where(inArray(caseEntities.entityId, [...person.entityIds]));
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

/**
 * Whether a case about this person rules out contacting them at `at` (withdrawn, a no when asked,
 * or a consent that ran out), or null when none does. Read at the moment of deciding, so a
 * withdrawal counts from the instant it is recorded.
 */
export async function contactAgainBarOf(
  db: DbOrTx,
  person: PersonLinks,
  at: Date,
): Promise<ConsentBar | null> {
  const caseIds = await casesOfPerson(db, person);
  if (caseIds.length === 0) return null;
  const rows = await db
    .select()
    .from(consents)
    .where(and(inArray(consents.caseId, caseIds), eq(consents.scope, 'contact_again')));
  const bars = caseIds
    .map((id) =>
      consentBar(rows.filter((r) => r.caseId === id).map(consentRecordOf), 'contact_again', at),
    )
    .filter((b): b is ConsentBar => b !== null);
  // The strongest word first: a withdrawal or a no says more than a consent that ran out.
  return (
    bars.find((b) => b === 'withdrawn') ?? bars.find((b) => b === 'declined') ?? bars[0] ?? null
  );
}
