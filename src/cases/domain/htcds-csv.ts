// HTCDS records as one flat table, for spreadsheets and tools that take CSV: one line per
// outgoing referral (the case's columns repeated on each), one line for a case without referrals.
// Lists are joined with ";" and booleans read "true"/"false", as HTCDS checkboxes do.
import { csvCell } from './partner-csv.js';
import type { HtcdsCase, HtcdsReferral } from './htcds-record.js';

const CASE_COLUMNS = [
  'ari_CaseId',
  'prs_Gender',
  'ari_Gender',
  'ari_Age',
  'ari_AgeRange',
  'ari_Minor',
  'prs_Nationality',
  'vic_TypeOfExploitation',
  'vic_AgreementToManagePersonalData',
  'ari_IdentifiedThrough',
  'ari_OpenedDate',
  'cas_Status',
  'ari_Status',
  'ari_Outcome',
] as const satisfies readonly (keyof HtcdsCase)[];
const REFERRAL_COLUMNS = [
  'cas_ReferredOrganisation',
  'org_Type',
  'cas_OutgoingReferralDate',
  'cas_ReasonForOutgoingReferral',
  'ari_ReferralState',
  'ari_LegalBasis',
] as const satisfies readonly (keyof HtcdsReferral)[];
export const HTCDS_CSV_COLUMNS = [...CASE_COLUMNS, ...REFERRAL_COLUMNS] as const;

type Cell = string | number | boolean | null;
const cell = (v: unknown): string =>
  Array.isArray(v) ? csvCell(v.join(';')) : typeof v === 'boolean' ? String(v) : csvCell(v as Cell);

export function writeHtcdsCsv(records: readonly HtcdsCase[]): string {
  const line = (cells: string[]) => cells.join(',') + '\r\n';
  let out = line([...HTCDS_CSV_COLUMNS]);
  for (const r of records) {
    const head = CASE_COLUMNS.map((c) => cell(r[c]));
    const referrals: (HtcdsReferral | null)[] = r.referrals.length > 0 ? r.referrals : [null];
    for (const x of referrals) {
      out += line([...head, ...REFERRAL_COLUMNS.map((c) => (x ? cell(x[c]) : ''))]);
    }
  }
  return out;
}
