// What the inbox's routes do beyond one store call: gather what a change depends on, let the rule
// decide, then write. A conversation's assignee changes only as the one assignment rule allows, and
// only to a colleague who works outreach; do-not-contact stops everything still queued for the
// person in the same transaction that marks them.
import { type Actor } from '../../platform/actor.js';
import { assignmentVerdict, type Principal } from '../../platform/auth/policy.js';
import { findUserById } from '../../platform/auth/users.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { canWorkOutreach } from '../policy.js';
import type { CONVERSATION_STATUSES } from '../schema.js';
import { contactById, setDoNotContact } from './contacts.js';
import {
  cancelQueuedForContact,
  conversationById,
  updateConversation,
  type ConversationRow,
} from './conversations.js';

export interface ConversationPatch {
  status?: (typeof CONVERSATION_STATUSES)[number] | undefined;
  assigneeId?: string | null | undefined;
}

/**
 * Changes a conversation's status and/or assignee for this person. The assignment rule looks at
 * who holds the conversation now; a new holder must be an active outreach worker or supervisor.
 */
export async function changeConversation(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  patch: ConversationPatch,
  clock: Clock,
): Promise<ConversationRow> {
  const { assigneeId } = patch;
  const current = await conversationById(db, id);
  if (assigneeId !== undefined) {
    const verdict = assignmentVerdict(principal, { from: current.assigneeId, to: assigneeId });
    if (!verdict.allowed) {
      throw new AppError('forbidden', { message: verdict.reason, text: verdict.text });
    }
    if (assigneeId !== null && assigneeId !== current.assigneeId) {
      const holder = await findUserById(db, assigneeId);
      if (!holder || holder.disabledAt || !canWorkOutreach(holder)) {
        throw new AppError(
          'validation_failed',
          keyed(
            'outreach.assigneeNotOutreach',
            'assigneeId: hand conversations to an active outreach worker or supervisor.',
          ),
        );
      }
    }
  }
  return updateConversation(db, actor, current, patch, clock.now());
}

/**
 * Puts a contact on the do-not-contact list (audited) and cancels anything queued for them, in one
 * transaction: nothing queued before the mark can slip out after it.
 */
export async function markDoNotContact(
  db: Db,
  actor: Actor,
  contactId: string,
  reason: string,
  clock: Clock,
): Promise<{ changed: boolean; cancelled: number }> {
  const contact = await contactById(db, contactId);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const changed = await setDoNotContact(tx, actor, contact.id, reason, now);
    const cancelled = await cancelQueuedForContact(
      tx,
      contact.id,
      'The person is on the do-not-contact list.',
      now,
    );
    return { changed, cancelled };
  });
}
