// The shapes the referral API answers with, and the presenters that make them from stored rows.
// The serializer keeps only what is named here; the console's types are generated from these.
// A worker's list shows the history and the partner's answer, never the snapshot (the case page
// shows the case itself); a partner's view shows the snapshot only while the referral is open.
import { z } from 'zod';
import { ShareableField } from '../views.js';
import { REFERRAL_END_CAUSES, REFERRAL_EVENT_KINDS } from './schema.js';
import { REFERRAL_ACTORS } from '../domain/referral-states.js';
import type { ReferralSnapshot, SnapshotValue } from '../domain/referral-share.js';
import {
  LEGAL_BASES,
  REFERRAL_CHANNELS,
  REFERRAL_STATES,
  type ShareableField as ShareableFieldName,
} from '../domain/vocabulary.js';
import type { IssuedLink, PartnerView, WorkerReferral } from './service.js';

export const ReferralState = z.enum(REFERRAL_STATES).meta({ id: 'ReferralState' });
export const LegalBasis = z.enum(LEGAL_BASES).meta({ id: 'LegalBasis' });

export const ReferralEventView = z.object({
  kind: z.enum(REFERRAL_EVENT_KINDS),
  actor: z.enum(REFERRAL_ACTORS),
  actorLabel: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  at: z.string(),
});

export const SecureLinkView = z
  .object({
    url: z.string(),
    code: z.string(),
    codeContact: z.string().nullable(),
    expiresAt: z.string(),
  })
  .meta({
    id: 'IssuedSecureLink',
    description:
      'Shown once: pass the address to the organisation, and the code over a second channel',
  });

export const WorkerReferralView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    partnerId: z.string(),
    partnerName: z.string().nullable(),
    channel: z.enum(REFERRAL_CHANNELS),
    legalBasis: LegalBasis,
    fields: z.array(ShareableField),
    state: ReferralState,
    sentAt: z.string(),
    answeredAt: z.string().nullable(),
    answerNote: z.string().nullable(),
    endedAt: z.string().nullable(),
    endCause: z.enum(REFERRAL_END_CAUSES).nullable(),
    reminderDue: z.boolean(),
    codeToDeliver: z.object({ contact: z.string().nullable() }).nullable(),
    link: z
      .object({
        status: z.enum(['open', 'expired', 'locked', 'dead']),
        expiresAt: z.string(),
        usedAt: z.string().nullable(),
      })
      .nullable(),
    events: z.array(ReferralEventView),
  })
  .meta({ id: 'WorkerReferral' });

export const SentReferralView = z.object({
  referral: WorkerReferralView,
  secureLink: SecureLinkView.nullable(),
});

/** What a snapshot field holds: text, a number, a list, or unknown. */
const SharedValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);

export const PartnerReferralView = z
  .object({
    id: z.string(),
    state: ReferralState,
    sentAt: z.string(),
    answeredAt: z.string().nullable(),
    fields: z.array(ShareableField),
    shared: z.partialRecord(ShareableField, SharedValue).nullable(),
    answerNote: z.string().nullable(),
    next: z.array(ReferralState),
  })
  .meta({ id: 'PartnerReferral' });

function sharedValues(shared: ReferralSnapshot) {
  const out: Partial<Record<ShareableFieldName, string | number | string[] | null>> = {};
  for (const [field, value] of Object.entries(shared) as [ShareableFieldName, SnapshotValue][]) {
    out[field] = typeof value === 'object' && value !== null ? [...value] : value;
  }
  return out;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentWorkerReferral(
  r: WorkerReferral,
  partnerName: string | null,
): z.infer<typeof WorkerReferralView> {
  const { referral: row } = r;
  return {
    id: row.id,
    caseId: row.caseId,
    partnerId: row.partnerId,
    partnerName,
    channel: row.channel,
    legalBasis: row.legalBasis,
    fields: row.fields,
    state: row.state,
    sentAt: row.sentAt.toISOString(),
    answeredAt: iso(row.answeredAt),
    answerNote: r.answerNote,
    endedAt: iso(row.endedAt),
    endCause: row.endCause,
    reminderDue: r.reminderDue,
    codeToDeliver: r.codeToDeliver ? { contact: r.codeToDeliver.contact } : null,
    link: r.link
      ? {
          status: r.link.status,
          expiresAt: r.link.expiresAt.toISOString(),
          usedAt: iso(r.link.usedAt),
        }
      : null,
    events: r.events.map((e) => ({
      kind: e.kind,
      actor: e.actor,
      actorLabel: e.actorLabel,
      detail: e.detail,
      at: e.at.toISOString(),
    })),
  };
}

export function presentIssuedLink(link: IssuedLink): z.infer<typeof SecureLinkView> {
  return { ...link, expiresAt: link.expiresAt.toISOString() };
}

export function presentPartnerReferral(v: PartnerView): z.infer<typeof PartnerReferralView> {
  return {
    id: v.id,
    state: v.state,
    sentAt: v.sentAt.toISOString(),
    answeredAt: iso(v.answeredAt),
    fields: v.fields,
    shared: v.shared ? sharedValues(v.shared) : null,
    answerNote: v.answerNote,
    next: [...v.next],
  };
}
