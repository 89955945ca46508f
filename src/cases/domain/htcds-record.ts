// Ariadne's cases as records of the IOM Human Trafficking Case Data Standard (HTCDS), and back.
//
// Source used: UNMigration/HTCDS on GitHub, "HTCDS Field Reference.md" (the field tables of the
// README's "CURRENT VERSION: 2.0"; every field there is still marked DRAFT). Field names keep the
// standard's table prefixes (prs_ person, vic_ victim context, cas_ case, org_ organisation).
// Verified there: prs_Gender (Male, Female, Transgender/NonConforming, Unknown), prs_Nationality
// (ISO 3166 two-letter codes), vic_AgreementToManagePersonalData (checkbox), cas_Status (Active,
// FollowUp, Closed, ClosedReferred), cas_ReferredOrganisation, cas_OutgoingReferralDate,
// cas_ReasonForOutgoingReferral (AdditionalServicesRequired, MigrationOrChangeOfLocation, Other)
// and org_Type (NGO, LawEnforcement, HealthServiceOrganisation, CentralGovernmentOrganisation,
// LocalGovernmentOrganisation, ImmigrationService, LegalService, CorporateBusiness).
// vic_TypeOfExploitation is not in that 2.0 table; it is in HTCDS v0.2 (the SQL schema of
// HXL-CPLP/Auxilium-Humanitarium-API and the `htcds` Dart package on pub.dev, whose values are
// Forced labour, Sexual exploitation, Forced begging, Illicit activities, … Other). We write its
// values in the standard's value-name style (ForcedLabour, SexualExploitation, …) and as a list.
//
// HTCDS has no field for an age (only prs_Birthdate, which Ariadne never records), for how the
// person was identified, for a case's own id, or for a referral's outcome. Those travel as
// extension fields prefixed `ari_`, which an HTCDS reader may ignore. Never exported: names,
// aliases, phone numbers, places, free text (notes, evidence, hand-off notes, answers).
import { z } from 'zod';
import {
  keyed,
  keyedIssue,
  problemWords,
  type KeyedMessage,
  type ProblemWords,
} from '../../platform/errors.js';
import {
  ADULT_AGE,
  EXPLOITATION_TYPES,
  GENDERS,
  type CaseOrigin,
  type ExploitationType,
  type Gender,
} from './case-facts.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  LEGAL_BASES,
  REFERRAL_STATES,
  type CaseOutcome,
  type CaseStatus,
  type LegalBasis,
  type PartnerKind,
  type ReferralState,
} from './vocabulary.js';

export const HTCDS_VERSION = '2.0' as const;

const HTCDS_GENDERS = ['Male', 'Female', 'Transgender/NonConforming', 'Unknown'] as const;
const GENDER_TO_HTCDS: Record<Gender, (typeof HTCDS_GENDERS)[number]> = {
  female: 'Female',
  male: 'Male',
  trans: 'Transgender/NonConforming',
  non_binary: 'Transgender/NonConforming',
  unknown: 'Unknown',
};

const HTCDS_EXPLOITATION = [
  'SexualExploitation',
  'ForcedLabour',
  'IllicitActivities',
  'ForcedBegging',
  'Other',
] as const;
const EXPLOITATION_TO_HTCDS: Record<ExploitationType, (typeof HTCDS_EXPLOITATION)[number]> = {
  sexual: 'SexualExploitation',
  labour: 'ForcedLabour',
  criminality: 'IllicitActivities',
  begging: 'ForcedBegging',
  other: 'Other',
};

const HTCDS_CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const;
type HtcdsCaseStatus = (typeof HTCDS_CASE_STATUSES)[number];

const ORG_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
] as const;
/** The closest org_Type of each kind in the directory (HTCDS's list is coarser). */
export const PARTNER_KIND_ORG_TYPE: Record<PartnerKind, (typeof ORG_TYPES)[number]> = {
  shelter: 'NGO',
  health: 'HealthServiceOrganisation',
  mental_health: 'HealthServiceOrganisation',
  legal_aid: 'LegalService',
  debt_help: 'NGO',
  migration: 'ImmigrationService',
  return: 'NGO',
  social_services: 'LocalGovernmentOrganisation',
  youth_care: 'LocalGovernmentOrganisation',
  child_protection: 'LocalGovernmentOrganisation',
  police: 'LawEnforcement',
};

const IDENTIFIED_THROUGH = ['OutreachMessage', 'Chat', 'RecordedByWorker'] as const;
const ORIGIN_TO_HTCDS: Record<CaseOrigin, (typeof IDENTIFIED_THROUGH)[number]> = {
  conversation: 'OutreachMessage',
  chat: 'Chat',
  manual: 'RecordedByWorker',
};

export const AGE_RANGES = ['0-11', '12-17', '18-24', '25-34', '35-44', '45+'] as const;
export function ageRangeOf(age: number): (typeof AGE_RANGES)[number] {
  if (age < 12) return '0-11';
  if (age < ADULT_AGE) return '12-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  return '45+';
}

const Day = z.iso.date();
const invert = <K extends string, V extends string>(m: Record<K, V>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<V, K>;

export const HtcdsReferral = z.strictObject({
  /** The directory entry's name: an organisation, never a person. */
  cas_ReferredOrganisation: z.string().trim().min(1).max(200),
  org_Type: z.enum(ORG_TYPES),
  cas_OutgoingReferralDate: Day,
  cas_ReasonForOutgoingReferral: z.enum(['AdditionalServicesRequired']),
  ari_ReferralState: z.enum(REFERRAL_STATES),
  ari_LegalBasis: z.enum(LEGAL_BASES),
});
export type HtcdsReferral = z.infer<typeof HtcdsReferral>;

export const HtcdsCase = z
  .strictObject({
    /** The case's pseudonym ("C-4K7Q-M2XD"): meaningless outside the exporting organisation. */
    ari_CaseId: z.string().regex(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'A pseudonym like C-4K7Q-M2XD'),
    prs_Gender: z.enum(HTCDS_GENDERS),
    /** Ariadne's own value, finer than prs_Gender (which folds trans and non-binary together). */
    ari_Gender: z.enum(GENDERS).nullable(),
    ari_Age: z.int().min(0).max(120).nullable(),
    ari_AgeRange: z.enum(AGE_RANGES).nullable(),
    ari_Minor: z.boolean(),
    prs_Nationality: z
      .string()
      .regex(/^[A-Z]{2}$/, 'An ISO 3166 two-letter country code')
      .nullable(),
    vic_TypeOfExploitation: z.array(z.enum(HTCDS_EXPLOITATION)).max(HTCDS_EXPLOITATION.length),
    vic_AgreementToManagePersonalData: z.boolean(),
    ari_IdentifiedThrough: z.enum(IDENTIFIED_THROUGH),
    ari_OpenedDate: Day,
    cas_Status: z.enum(HTCDS_CASE_STATUSES),
    ari_Status: z.enum(CASE_STATUSES),
    ari_Outcome: z.enum(CASE_OUTCOMES).nullable(),
    referrals: z.array(HtcdsReferral).max(100),
  })
  .superRefine((c, ctx) => {
    // Each carries its catalogue key, so an import's problems are said in the reader's language.
    const issue = (path: string, m: KeyedMessage) =>
      ctx.addIssue({ code: 'custom', path: [path], ...keyedIssue(m) });
    if (c.ari_Gender !== null && GENDER_TO_HTCDS[c.ari_Gender] !== c.prs_Gender) {
      issue(
        'ari_Gender',
        keyed(
          'htcds.genderDisagrees',
          `${c.ari_Gender} does not agree with prs_Gender ${c.prs_Gender}`,
          { value: c.ari_Gender, other: c.prs_Gender },
        ),
      );
    }
    if (c.ari_Age !== null && c.ari_AgeRange !== ageRangeOf(c.ari_Age)) {
      const range = ageRangeOf(c.ari_Age);
      issue(
        'ari_AgeRange',
        keyed('htcds.ageRange', `An age of ${c.ari_Age} is in ${range}`, {
          age: c.ari_Age,
          range,
        }),
      );
    }
    if (c.ari_Age === null && c.ari_AgeRange !== null) {
      issue(
        'ari_AgeRange',
        keyed('htcds.rangeWithoutAge', 'An age range without an age cannot be imported'),
      );
    }
    if (c.ari_Age !== null && c.ari_Age < ADULT_AGE && !c.ari_Minor) {
      issue('ari_Minor', keyed('htcds.minor', 'Under 18 is a minor'));
    }
    if (new Set(c.vic_TypeOfExploitation).size !== c.vic_TypeOfExploitation.length) {
      issue('vic_TypeOfExploitation', keyed('htcds.typeTwice', 'A type is listed twice'));
    }
    if (statusToHtcds(c.ari_Status, c.ari_Outcome) !== c.cas_Status) {
      issue(
        'cas_Status',
        keyed(
          'htcds.statusDisagrees',
          `${c.cas_Status} does not agree with ari_Status ${c.ari_Status}`,
          { value: c.cas_Status, other: c.ari_Status },
        ),
      );
    }
    if ((c.ari_Status === 'closed') !== (c.ari_Outcome !== null)) {
      issue(
        'ari_Outcome',
        keyed('htcds.outcome', 'A closed case has an outcome, and only a closed case'),
      );
    }
  });
export type HtcdsCase = z.infer<typeof HtcdsCase>;

export const HtcdsDocument = z.strictObject({
  standard: z.literal('HTCDS'),
  version: z.literal(HTCDS_VERSION),
  cases: z.array(z.unknown()).max(5000),
});

function statusToHtcds(status: CaseStatus, outcome: CaseOutcome | null): HtcdsCaseStatus {
  if (status === 'closed') return outcome === 'referred_elsewhere' ? 'ClosedReferred' : 'Closed';
  return status === 'in_care' ? 'FollowUp' : 'Active';
}

/** What Ariadne knows of one case that HTCDS carries: facts, never text about the person. */
export interface CaseForHtcds {
  pseudonym: string;
  gender: Gender | null;
  age: number | null;
  minor: boolean;
  nationality: string | null;
  exploitationTypes: readonly ExploitationType[];
  /** A keep_data consent is current at the time of export. */
  mayKeepData: boolean;
  origin: CaseOrigin;
  createdAt: Date;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  referrals: readonly {
    organisationName: string;
    organisationKind: PartnerKind;
    sentAt: Date;
    state: ReferralState;
    legalBasis: LegalBasis;
  }[];
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function toHtcds(c: CaseForHtcds): HtcdsCase {
  return {
    ari_CaseId: c.pseudonym,
    prs_Gender: GENDER_TO_HTCDS[c.gender ?? 'unknown'],
    ari_Gender: c.gender,
    ari_Age: c.age,
    ari_AgeRange: c.age === null ? null : ageRangeOf(c.age),
    ari_Minor: c.minor,
    prs_Nationality: c.nationality,
    vic_TypeOfExploitation: EXPLOITATION_TYPES.filter((t) => c.exploitationTypes.includes(t)).map(
      (t) => EXPLOITATION_TO_HTCDS[t],
    ),
    vic_AgreementToManagePersonalData: c.mayKeepData,
    ari_IdentifiedThrough: ORIGIN_TO_HTCDS[c.origin],
    ari_OpenedDate: dayOf(c.createdAt),
    cas_Status: statusToHtcds(c.status, c.outcome),
    ari_Status: c.status,
    ari_Outcome: c.outcome,
    referrals: [...c.referrals]
      .sort(
        (a, b) =>
          a.sentAt.getTime() - b.sentAt.getTime() ||
          a.organisationName.localeCompare(b.organisationName) ||
          a.state.localeCompare(b.state),
      )
      .map((r) => ({
        cas_ReferredOrganisation: r.organisationName,
        org_Type: PARTNER_KIND_ORG_TYPE[r.organisationKind],
        cas_OutgoingReferralDate: dayOf(r.sentAt),
        cas_ReasonForOutgoingReferral: 'AdditionalServicesRequired',
        ari_ReferralState: r.state,
        ari_LegalBasis: r.legalBasis,
      })),
  };
}

/** A case to write, read back from a valid record. Dates are days at 00:00 UTC. */
export interface ImportedCase {
  pseudonym: string;
  gender: Gender | null;
  age: number | null;
  minor: boolean;
  nationality: string | null;
  exploitationTypes: ExploitationType[];
  agreedToKeepData: boolean;
  origin: CaseOrigin;
  openedAt: Date;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  referrals: {
    organisationName: string;
    orgType: HtcdsReferral['org_Type'];
    sentAt: Date;
    state: ReferralState;
    legalBasis: LegalBasis;
  }[];
}

const ORIGIN_FROM = invert(ORIGIN_TO_HTCDS);
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function fromHtcds(r: HtcdsCase): ImportedCase {
  const fromGender =
    r.prs_Gender === 'Male' ? 'male' : r.prs_Gender === 'Female' ? 'female' : 'unknown';
  return {
    pseudonym: r.ari_CaseId,
    // Transgender/NonConforming without ari_Gender: which of Ariadne's two is not known.
    gender: r.ari_Gender ?? (r.prs_Gender === 'Unknown' ? null : fromGender),
    age: r.ari_Age,
    minor: r.ari_Minor,
    nationality: r.prs_Nationality,
    exploitationTypes: EXPLOITATION_TYPES.filter((t) =>
      r.vic_TypeOfExploitation.includes(EXPLOITATION_TO_HTCDS[t]),
    ),
    agreedToKeepData: r.vic_AgreementToManagePersonalData,
    origin: ORIGIN_FROM[r.ari_IdentifiedThrough],
    openedAt: dayStart(r.ari_OpenedDate),
    status: r.ari_Status,
    outcome: r.ari_Outcome,
    referrals: r.referrals.map((x) => ({
      organisationName: x.cas_ReferredOrganisation,
      orgType: x.org_Type,
      sentAt: dayStart(x.cas_OutgoingReferralDate),
      state: x.ari_ReferralState,
      legalBasis: x.ari_LegalBasis,
    })),
  };
}

/** One problem of an import: which record (1-based), which field, what is wrong. */
/** A problem of one record (row 0: the document), with its words for the console beside it. */
export interface HtcdsProblem extends ProblemWords {
  row: number;
  field: string;
  message: string;
}

/**
 * Reads a whole document: every problem of every record, or the cases. A pseudonym twice in the
 * document is a problem of its second record.
 */
export function parseHtcdsDocument(
  input: unknown,
): { ok: true; cases: ImportedCase[] } | { ok: false; problems: HtcdsProblem[] } {
  const doc = HtcdsDocument.safeParse(input);
  if (!doc.success) {
    return {
      ok: false,
      problems: doc.error.issues.map((i) => ({
        row: 0,
        field: i.path.join('.') || '(document)',
        message: i.message,
        ...problemWords(i),
      })),
    };
  }
  const problems: HtcdsProblem[] = [];
  const cases: ImportedCase[] = [];
  const seen = new Set<string>();
  doc.data.cases.forEach((raw, index) => {
    const row = index + 1;
    const parsed = HtcdsCase.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        problems.push({
          row,
          field: i.path.join('.') || '(record)',
          message: i.message,
          ...problemWords(i),
        });
      }
      return;
    }
    if (seen.has(parsed.data.ari_CaseId)) {
      problems.push({
        row,
        field: 'ari_CaseId',
        ...keyed('htcds.caseTwice', 'The same case is in the file twice'),
      });
      return;
    }
    seen.add(parsed.data.ari_CaseId);
    cases.push(fromHtcds(parsed.data));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}
