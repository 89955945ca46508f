// What a referral may carry, decided at the moment it is sent. A referral names fields of
// SHAREABLE_FIELDS; each must be covered, for that organisation and at that moment, either by the
// person's consent (the fields a current share_with_org consent names) or — only for a minor
// referred to the police or child protection — by the duty to protect a child, written down with
// who decided and why. Anything else is refused with the fields at fault; there is no override
// ("refer anyway" is exactly what the issue says not to copy). The snapshot then holds exactly the
// chosen fields, so what the partner sees never grows when the case changes later.
import {
  SHAREABLE_FIELDS,
  type LegalBasis,
  type PartnerKind,
  type ShareableField,
} from './vocabulary.js';

/** Organisations that receive reports about a child on the duty to protect, not on consent. */
export const CHILD_PROTECTION_KINDS = [
  'police',
  'child_protection',
] as const satisfies readonly PartnerKind[];

export const DUTY_REASON_MAX = 2000;

/** The basis a worker claims for one referral, with what the server found at send time. */
export type ShareBasis =
  | {
      basis: 'consent';
      /** Fields the person's current consents allow for this organisation, at send time. */
      consentedFields: readonly ShareableField[];
    }
  | {
      basis: 'child_protection_duty';
      /** Whether the case is about a minor (from the case, not from the request). */
      minor: boolean;
      orgKind: PartnerKind;
      /** Who decided (a user id) and why, as written by them. */
      decidedBy: string;
      reason: string;
    };

export type ShareRefusal =
  | { code: 'no_fields'; message: string }
  | { code: 'unknown_fields'; message: string; fields: string[] }
  | { code: 'fields_outside_consent'; message: string; fields: ShareableField[] }
  | { code: 'no_child_protection_duty'; message: string };

export type ShareVerdict =
  | { allowed: true; basis: LegalBasis; fields: ShareableField[] }
  | { allowed: false; refusal: ShareRefusal };

const refuse = (refusal: ShareRefusal): ShareVerdict => ({ allowed: false, refusal });

function isShareable(field: string): field is ShareableField {
  return (SHAREABLE_FIELDS as readonly string[]).includes(field);
}

/** The requested fields in SHAREABLE_FIELDS order, without repeats. */
function normalised(fields: readonly ShareableField[]): ShareableField[] {
  return SHAREABLE_FIELDS.filter((f) => fields.includes(f));
}

/** Decides whether these fields may go to this organisation now, on this basis. */
export function decideShare(requested: readonly string[], basis: ShareBasis): ShareVerdict {
  if (requested.length === 0) {
    return refuse({ code: 'no_fields', message: 'Choose at least one field to share.' });
  }
  const unknown = requested.filter((f) => !isShareable(f));
  if (unknown.length > 0) {
    return refuse({
      code: 'unknown_fields',
      message: `These are not fields a referral can carry: ${unknown.join(', ')}.`,
      fields: unknown,
    });
  }
  const fields = normalised(requested as ShareableField[]);
  if (basis.basis === 'consent') {
    const outside = fields.filter((f) => !basis.consentedFields.includes(f));
    if (outside.length > 0) {
      return refuse({
        code: 'fields_outside_consent',
        message: `The person has not agreed to share these with this organisation: ${outside.join(', ')}.`,
        fields: outside,
      });
    }
    return { allowed: true, basis: 'consent', fields };
  }
  const why = dutyProblem(basis);
  if (why) return refuse({ code: 'no_child_protection_duty', message: why });
  return { allowed: true, basis: 'child_protection_duty', fields };
}

function dutyProblem(basis: Extract<ShareBasis, { basis: 'child_protection_duty' }>) {
  if (!basis.minor) {
    return 'The duty to protect a child applies only to a case about a minor; share on consent.';
  }
  if (!(CHILD_PROTECTION_KINDS as readonly string[]).includes(basis.orgKind)) {
    return 'The duty to protect a child covers reports to the police or child protection only.';
  }
  if (!basis.decidedBy) return 'Record who decided to report.';
  const reason = basis.reason.trim();
  if (!reason) return 'Write down why the child is reported without consent.';
  if (reason.length > DUTY_REASON_MAX) {
    return `Keep the reason under ${DUTY_REASON_MAX} characters.`;
  }
  return null;
}

/** A value a snapshot can hold: text, a number, a list of words, or nothing known. */
export type SnapshotValue = string | number | readonly string[] | null;
export type ReferralSnapshot = Partial<Record<ShareableField, SnapshotValue>>;

/**
 * The snapshot of exactly the allowed fields, read from what the case holds now. A field that the
 * case does not know is kept as null (the partner sees it was meant to be shared but is unknown),
 * and nothing beyond the fields is copied, whatever `values` holds.
 */
export function buildSnapshot(
  values: ReferralSnapshot,
  fields: readonly ShareableField[],
): ReferralSnapshot {
  const snapshot: ReferralSnapshot = {};
  for (const field of normalised(fields)) snapshot[field] = values[field] ?? null;
  return snapshot;
}
