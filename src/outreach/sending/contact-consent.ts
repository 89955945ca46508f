// The one question outreach asks about a person before anything is sent to them and that only the
// cases context can answer: does a case record that they are not to be contacted again (they
// withdrew that consent, said no when asked, or it ran out)? Outreach may not import cases (the
// arrows run the other way), so the answer comes through this port, which src/app wires to the
// cases context's index. Outreach tells it whom it means: every thread of the contact and the
// entities (linked ads) of those threads and of the message being written.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/connect.js';
import type { ContactConsentBar } from '../domain/index.js';
import { conversations } from '../schema.js';

/** The threads and entities a person is known by here. */
export interface PersonLinks {
  conversationIds: string[];
  entityIds: string[];
}

/**
 * Asked inside the deciding transaction, at the decision's instant: why contact is ruled out, or
 * null when no case says so.
 */
export type ContactConsentPort = (
  db: DbOrTx,
  person: PersonLinks,
  at: Date,
) => Promise<ContactConsentBar | null>;

/** Every thread of the contact and the entities they and the message being written are about. */
export async function personLinks(
  db: DbOrTx,
  contactId: string,
  entityId: string | null,
): Promise<PersonLinks> {
  const rows = await db
    .select({ id: conversations.id, entityId: conversations.entityId })
    .from(conversations)
    .where(eq(conversations.contactId, contactId));
  const entities = new Set(rows.map((r) => r.entityId).filter((e): e is string => e !== null));
  if (entityId) entities.add(entityId);
  return { conversationIds: rows.map((r) => r.id), entityIds: [...entities] };
}

/** The port's answer for one contact (and the entity a message is written for). */
export async function contactConsentBar(
  db: DbOrTx,
  port: ContactConsentPort,
  contactId: string,
  entityId: string | null,
  at: Date,
): Promise<ContactConsentBar | null> {
  return port(db, await personLinks(db, contactId, entityId), at);
}
