// Who is acting, carried from the request (or the CLI) into domain functions for audit entries.
import type { Role } from './auth/schema.js';

export interface Actor {
  userId: string | null;
  /** E-mail of the user, "cli", "system"… — readable in the audit log without a join. */
  label: string;
  role: Role | null;
  ip?: string | null;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', role: null };
export const CLI_ACTOR: Actor = { userId: null, label: 'cli', role: 'admin' };

export function auditFields(actor: Actor) {
  return {
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
}
