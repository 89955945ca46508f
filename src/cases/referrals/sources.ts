// What a referral reads of the rest of the cases context when it is sent or checked: the values a
// snapshot can carry, the consents of many cases at once (the scheduled check), and the directory
// entry it goes to. Read-only: the referrals' own tables are read and written in service.ts.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/connect.js';
import type { ConsentRecord } from '../domain/consent.js';
import type { ReferralSnapshot } from '../domain/referral-share.js';
import type { PartnerKind, ReferralChannel, ShareableField } from '../domain/vocabulary.js';
import { partnerOrganisations } from '../partners/schema.js';
import { caseFieldValues } from '../reads.js';
import { consents } from '../schema.js';

/** The consent records of some cases, as the consent rules read them. */
export async function consentsOfCases(
  db: DbOrTx,
  caseIds: readonly string[],
): Promise<Map<string, ConsentRecord[]>> {
  const byCase = new Map<string, ConsentRecord[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({
      id: consents.id,
      caseId: consents.caseId,
      scope: consents.scope,
      organisationId: consents.organisationId,
      fields: consents.fields,
      givenAt: consents.givenAt,
      expiresAt: consents.expiresAt,
      withdrawnAt: consents.withdrawnAt,
    })
    .from(consents)
    .where(inArray(consents.caseId, [...caseIds]));
  for (const { caseId, ...record } of rows) {
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), record]);
  }
  return byCase;
}

/**
 * The values a snapshot takes from the case as it stands, for exactly `fields` (read by the cases
 * context, which knows where each lives), flattened to what a partner's page shows: the place by
 * its name, the risk as its level, date and the concerns answered "yes" — never the assessment's
 * note. The contact address and a conversation excerpt live in outreach, which exports no reader
 * of them yet: they stay unknown (null) in a snapshot until it does.
 */
export async function caseShareValues(
  db: DbOrTx,
  caseId: string,
  fields: readonly ShareableField[],
): Promise<ReferralSnapshot> {
  const v = await caseFieldValues(db, caseId, fields);
  const risk = v.risk_summary;
  return {
    ...(v.alias !== undefined ? { alias: v.alias } : {}),
    ...(v.age !== undefined ? { age: v.age } : {}),
    ...(v.gender !== undefined ? { gender: v.gender } : {}),
    ...(v.languages !== undefined ? { languages: v.languages } : {}),
    ...(v.place !== undefined ? { place: v.place.name } : {}),
    ...(v.needs !== undefined ? { needs: v.needs } : {}),
    ...(risk !== undefined
      ? {
          risk_summary: risk
            ? `${risk.level} (${risk.assessedAt.slice(0, 10)})${risk.concerns.length ? `: ${risk.concerns.join(', ')}` : ''}`
            : null,
        }
      : {}),
  };
}

/** A directory entry as a referral needs it. */
export interface PartnerForReferral {
  id: string;
  name: string;
  kind: PartnerKind;
  channel: ReferralChannel;
  accountOrgId: string | null;
  /** Organisational e-mail or phone to which the code of a secure link goes. */
  secureLinkContact: string | null;
  active: boolean;
}

export async function partnerForReferral(
  db: DbOrTx,
  partnerId: string,
): Promise<PartnerForReferral | null> {
  const [row] = await db
    .select({
      id: partnerOrganisations.id,
      name: partnerOrganisations.name,
      kind: partnerOrganisations.kind,
      channel: partnerOrganisations.referralChannel,
      accountOrgId: partnerOrganisations.accountOrgId,
      secureLinkContact: partnerOrganisations.secureLinkContact,
      active: partnerOrganisations.active,
    })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.id, partnerId));
  return row ?? null;
}

/** Names of directory entries, for lists. */
export async function partnerNames(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(inArray(partnerOrganisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
