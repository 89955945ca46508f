// Which fields the referral form offers for an organisation, and why the others are not: the
// same rule the server enforces (the fields every current share_with_org consent for that
// organisation names; for a minor reported to the police or child protection, the duty to protect
// instead of consent). Only for display: the server decides every send, and refuses what is
// outside, whatever the form shows.
import { shareableFieldValues } from '../api/schema';
import type { CaseDetail, ShareableField } from './api';

/** The server's list, from the OpenAPI document (in the server's order). */
export const SHAREABLE_FIELDS: readonly ShareableField[] = shareableFieldValues;

const CHILD_PROTECTION_KINDS = ['police', 'child_protection'];

export type ConsentRecord = CaseDetail['consent']['records'][number];

export type FieldOffer =
  | { field: ShareableField; allowed: true }
  | { field: ShareableField; allowed: false; why: 'no_consent' | 'outside_consent' };

export interface ShareOffer {
  basis: 'consent' | 'child_protection_duty';
  fields: FieldOffer[];
}

export function shareOffer(
  records: readonly ConsentRecord[],
  organisationId: string,
  partnerKind: string,
  minor: boolean,
): ShareOffer {
  if (minor && CHILD_PROTECTION_KINDS.includes(partnerKind)) {
    return {
      basis: 'child_protection_duty',
      fields: SHAREABLE_FIELDS.map((field) => ({ field, allowed: true })),
    };
  }
  const current = records.filter(
    (r) =>
      r.scope === 'share_with_org' && r.organisationId === organisationId && r.state === 'current',
  );
  return {
    basis: 'consent',
    fields: SHAREABLE_FIELDS.map((field): FieldOffer => {
      if (current.length === 0) return { field, allowed: false, why: 'no_consent' };
      return current.every((r) => r.fields.includes(field))
        ? { field, allowed: true }
        : { field, allowed: false, why: 'outside_consent' };
    }),
  };
}
