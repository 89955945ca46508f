// Who may do what in outreach set-up. Who writes, reads and approves templates and who manages
// channels come from the session's capabilities (the server's canWorkOutreach, canReadTemplates,
// canManageChannels and the template transitions answer them); the rules per template (its author,
// its status) still follow src/outreach/domain/templates.ts here. The server decides; these only
// spare people buttons they cannot use and say why a button is off.
import type { Capabilities, Role } from '../api/types';
import type { Template } from './api';

/** Outreach workers and supervisors write templates and quick replies. */
export const canWriteTemplates = (c: Capabilities) => c.writeTemplates;

/** Admins read the templates and quick replies (they configure the channels these go out on). */
export const canSeeTemplates = (c: Capabilities) => c.readTemplates;

/** Channels hold credentials: admins configure them. */
export const canManageChannels = (c: Capabilities) => c.manageChannels;

export interface Actor {
  id: string;
  role: Role;
}

const writesTemplates = (role: Role) => role === 'outreach_worker' || role === 'supervisor';

/** A draft's text is changed by its author or a supervisor; approved texts are copied instead. */
export function canEditTemplate(t: Template, me: Actor): boolean {
  if (t.status !== 'draft') return false;
  if (me.role === 'supervisor') return true;
  return me.role === 'outreach_worker' && t.createdBy === me.id;
}

export type ApproveBlock = 'not_draft' | 'not_supervisor' | 'own_template' | 'unsaved' | null;

/** Why this person cannot approve this template now (null: they can). Four eyes: never the author. */
export function approveBlock(t: Template, me: Actor, dirty: boolean): ApproveBlock {
  if (t.status !== 'draft') return 'not_draft';
  if (me.role !== 'supervisor') return 'not_supervisor';
  if (t.createdBy === me.id) return 'own_template';
  if (dirty) return 'unsaved';
  return null;
}

/** A draft is retired by a supervisor or its author; an approved template by a supervisor. */
export function canRetire(t: Template, me: Actor): boolean {
  if (t.status === 'retired') return false;
  if (me.role === 'supervisor') return true;
  return t.status === 'draft' && t.createdBy === me.id && writesTemplates(me.role);
}

/** Safety hits need a supervisor's explicit confirmation unless the template is for replies. */
export const needsSafetyConfirmation = (t: Pick<Template, 'purpose' | 'safetyHits'>) =>
  t.purpose !== 'reply' && t.safetyHits.length > 0;

/** A quick reply is deleted by its author or a supervisor (those who write them). */
export const canDeleteQuickReply = (createdBy: string | null, me: Actor) =>
  writesTemplates(me.role) &&
  (me.role === 'supervisor' || (createdBy !== null && createdBy === me.id));
