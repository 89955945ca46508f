// What a referral carries, decided at the moment it is sent. Whether the chosen fields may go to
// the organisation at all is consent.ts's checkReferral (the person's current consent, or — only
// for a minor referred to the police or child protection — the duty to protect a child, with who
// decided and why); there is no override. This module turns a refusal into words that name the
// fields at fault, and takes the snapshot: exactly the allowed fields as the case holds them at
// send time, so what the partner sees never grows when the case changes later.
import { keyed, type KeyedMessage } from '../../platform/errors.js';
import type { ReferralVerdict } from './consent.js';
import { SHAREABLE_FIELDS, type ShareableField } from './vocabulary.js';

/** The longest reason for reporting a child without consent that a referral stores. */
export const PROTECTION_REASON_MAX = 2000;

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
  for (const field of SHAREABLE_FIELDS) {
    if (fields.includes(field)) snapshot[field] = values[field] ?? null;
  }
  return snapshot;
}

/** What a worker reads when a referral is refused: which fields, and what could go instead. */
export function referralRefusalMessage(
  verdict: Extract<ReferralVerdict, { allowed: false }>,
): KeyedMessage {
  switch (verdict.reason) {
    case 'nothing_requested':
      return keyed('referrals.nothingRequested', 'Choose at least one field to share.');
    case 'no_consent':
      return keyed(
        'referrals.noConsent',
        'The person has not agreed to share anything with this organisation.',
      );
    case 'outside_consent':
      return keyed(
        'referrals.outsideConsent',
        `The person has not agreed to share these with this organisation: ${verdict.outside.join(', ')}.`,
        { fields: verdict.outside.join(', ') },
      );
    case 'decision_missing':
      return keyed(
        'referrals.decisionMissing',
        'A report about a child without consent needs who decided and why (a sentence or two).',
      );
  }
}
