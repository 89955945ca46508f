import { describe, expect, it } from 'vitest';
import {
  approveBlock,
  canDeleteQuickReply,
  canEditTemplate,
  canRetire,
  needsSafetyConfirmation,
} from './access';
import type { Template } from './api';

const WORKER = { id: 'w1', role: 'outreach_worker' as const };
const OTHER_WORKER = { id: 'w2', role: 'outreach_worker' as const };
const SUPERVISOR = { id: 's1', role: 'supervisor' as const };
const ADMIN = { id: 'a1', role: 'admin' as const };

const HIT: Template['safetyHits'][number] = {
  start: 0,
  end: 6,
  text: 'police',
  term: 'police*',
  category: 'police',
  language: 'en',
  why: 'Mentions the police.',
  variant: 0,
};

function template(over: Partial<Template> = {}): Template {
  return {
    id: 't1',
    name: 'Check-in',
    language: 'en',
    purpose: 'first_contact',
    variants: [],
    fallbacks: {},
    whatsappTemplate: null,
    status: 'draft',
    safetyHits: [],
    safetyConfirmedBy: null,
    warnings: [],
    createdBy: WORKER.id,
    editedBy: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    approvedBy: null,
    approvedAt: null,
    retiredBy: null,
    retiredAt: null,
    ...over,
  };
}

describe('template access (as the server decides)', () => {
  it('approval: a supervisor other than the author, on the saved text', () => {
    expect(approveBlock(template(), WORKER, false)).toBe('not_supervisor');
    expect(approveBlock(template(), ADMIN, false)).toBe('not_supervisor');
    expect(approveBlock(template({ createdBy: SUPERVISOR.id }), SUPERVISOR, false)).toBe(
      'own_template',
    );
    expect(approveBlock(template(), SUPERVISOR, true)).toBe('unsaved');
    expect(approveBlock(template(), SUPERVISOR, false)).toBeNull();
    expect(approveBlock(template({ status: 'approved' }), SUPERVISOR, false)).toBe('not_draft');
  });

  it('editing: drafts only, by their author or a supervisor', () => {
    expect(canEditTemplate(template(), WORKER)).toBe(true);
    expect(canEditTemplate(template(), OTHER_WORKER)).toBe(false);
    expect(canEditTemplate(template(), SUPERVISOR)).toBe(true);
    expect(canEditTemplate(template(), ADMIN)).toBe(false);
    expect(canEditTemplate(template({ status: 'approved' }), SUPERVISOR)).toBe(false);
  });

  it('retiring: a draft by its author or a supervisor, an approved one by a supervisor', () => {
    expect(canRetire(template(), WORKER)).toBe(true);
    expect(canRetire(template(), OTHER_WORKER)).toBe(false);
    expect(canRetire(template({ status: 'approved' }), WORKER)).toBe(false);
    expect(canRetire(template({ status: 'approved' }), SUPERVISOR)).toBe(true);
    expect(canRetire(template({ status: 'retired' }), SUPERVISOR)).toBe(false);
  });

  it('safety words need confirmation except in reply templates', () => {
    expect(needsSafetyConfirmation(template())).toBe(false);
    expect(needsSafetyConfirmation(template({ safetyHits: [HIT] }))).toBe(true);
    expect(needsSafetyConfirmation(template({ safetyHits: [HIT], purpose: 'reply' }))).toBe(false);
  });

  it('quick replies are deleted by their author or a supervisor', () => {
    expect(canDeleteQuickReply(WORKER.id, WORKER)).toBe(true);
    expect(canDeleteQuickReply(WORKER.id, OTHER_WORKER)).toBe(false);
    expect(canDeleteQuickReply(WORKER.id, SUPERVISOR)).toBe(true);
    expect(canDeleteQuickReply(null, OTHER_WORKER)).toBe(false);
    // Admins read quick replies, never remove them, not even one under their own id.
    expect(canDeleteQuickReply(ADMIN.id, ADMIN)).toBe(false);
  });
});
