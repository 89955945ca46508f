// What a referral reads of the rest of the cases context when it is sent or checked: the case (its
// access facts, whether it is about a minor, the values a snapshot can carry), its consents, and
// the directory entry it goes to. Read-only; the referral's own tables are in store.ts.
import { desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/connect.js';
import type { ConsentRecord } from '../domain/consent.js';
import type { ReferralSnapshot } from '../domain/referral-share.js';
import type { PartnerKind, ReferralChannel } from '../domain/vocabulary.js';
import { partnerOrganisations } from '../partners/schema.js';
import { cases, consents, riskAssessments } from '../schema.js';

export type CaseRow = typeof cases.$inferSelect;

export async function caseById(db: DbOrTx, caseId: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

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
 * The values a snapshot can take from the case as it stands. The contact address and a
 * conversation excerpt live in outreach, which exports no reader of them yet: they stay unknown
 * (null) in a snapshot until it does. The risk summary is the latest assessment's level and date,
 * never its note.
 */
export async function caseShareValues(db: DbOrTx, row: CaseRow): Promise<ReferralSnapshot> {
  const [risk] = await db
    .select({ level: riskAssessments.level, assessedAt: riskAssessments.assessedAt })
    .from(riskAssessments)
    .where(eq(riskAssessments.caseId, row.id))
    .orderBy(desc(riskAssessments.assessedAt))
    .limit(1);
  return {
    alias: row.alias,
    age: row.age,
    gender: row.gender,
    languages: row.languages,
    place: row.placeName,
    needs: row.needs,
    risk_summary: risk ? `${risk.level} (${risk.assessedAt.toISOString().slice(0, 10)})` : null,
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
