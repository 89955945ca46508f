// HTCDS records as one flat table, for spreadsheets and tools that take CSV: one line per
// outgoing referral (the case's columns repeated on each), one line for a case without referrals.
// Lists are joined with ";" and booleans read "true"/"false", as HTCDS checkboxes do. Read back
// into the records of an HTCDS document (the JSON import then checks each one): a file that went
// through a spreadsheet is hostile input, so its shape is checked here line by line (columns,
// encoding, a case whose repeated columns disagree) and every problem names its line.
import { parse } from 'csv-parse/sync';
import { keyed, type KeyedMessage } from '../../platform/errors.js';
import { csvCell, unescapeCell } from './partner-csv.js';
import {
  HTCDS_VERSION,
  type HtcdsCase,
  type HtcdsProblem,
  type HtcdsReferral,
} from './htcds-record.js';

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

/** The most lines a file may have (the JSON document takes up to 5000 cases). */
export const HTCDS_CSV_MAX_LINES = 50_000;

const NUMBER_COLUMNS = new Set<string>(['ari_Age']);
const BOOLEAN_COLUMNS = new Set<string>(['ari_Minor', 'vic_AgreementToManagePersonalData']);
const LIST_COLUMNS = new Set<string>(['vic_TypeOfExploitation']);

/** A cell as the record's field: empty is null, numbers and booleans as written by export. */
function fieldOf(column: string, raw: string): unknown {
  const v = unescapeCell(raw);
  if (LIST_COLUMNS.has(column)) return v === '' ? [] : v.split(';').map((x) => x.trim());
  if (v === '') return null;
  if (NUMBER_COLUMNS.has(column) && /^\d{1,3}$/.test(v)) return Number(v);
  if (BOOLEAN_COLUMNS.has(column) && (v === 'true' || v === 'false')) return v === 'true';
  // Anything else goes to the record's schema as it is, to be named there.
  return v;
}

export type HtcdsCsvRead =
  | {
      ok: true;
      /** An HTCDS document, for the same import as a JSON one. */
      document: { standard: 'HTCDS'; version: typeof HTCDS_VERSION; cases: unknown[] };
      /** The line each record starts on, to name a record's problems by line. */
      lines: number[];
    }
  | { ok: false; problems: HtcdsProblem[] };

/**
 * Reads a file as export writes it. Problems of the file's shape come back with `row` the line
 * (1 is the header); problems of the records are the import's to find.
 */
export function readHtcdsCsv(text: string): HtcdsCsvRead {
  const fail = (row: number, field: string, m: KeyedMessage): HtcdsCsvRead => ({
    ok: false,
    problems: [{ row, field, ...m }],
  });
  if (text.includes('\uFFFD')) {
    return fail(
      0,
      '(file)',
      keyed('htcds.notUtf8', 'The file is not UTF-8 text: save it as CSV UTF-8 and try again.'),
    );
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 64 * 1024,
      to_line: HTCDS_CSV_MAX_LINES + 1,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    // The parser's reason is English: the key says "not readable as CSV" at its line.
    return fail(
      line,
      '(file)',
      keyed('htcds.notCsv', `Not readable as CSV: ${(err as Error).message}`),
    );
  }
  const [header, ...body] = rows;
  if (!header) return fail(0, '(file)', keyed('htcds.empty', 'The file is empty.'));
  const names = header.record.map((h) => h.trim());
  const problems: HtcdsProblem[] = [];
  for (const c of HTCDS_CSV_COLUMNS) {
    if (!names.includes(c)) {
      problems.push({ row: 1, field: c, ...keyed('htcds.columnMissing', 'Column missing') });
    }
  }
  for (const n of names) {
    if (!(HTCDS_CSV_COLUMNS as readonly string[]).includes(n)) {
      problems.push({
        row: 1,
        field: n,
        ...keyed('htcds.unknownColumn', 'Not an HTCDS column Ariadne exchanges'),
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const byId = new Map<string, { line: number; head: string[]; record: Record<string, unknown> }>();
  const order: string[] = [];
  // Lines: csv-parse counts the line a record ends on; a record starts after the previous one.
  let previousEnd = header.info.lines;
  body.forEach(({ record: cells, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (cells.length !== names.length) {
      problems.push({
        row: line,
        field: '(line)',
        ...keyed('htcds.cellCount', `${cells.length} cells where the header has ${names.length}`, {
          cells: cells.length,
          columns: names.length,
        }),
      });
      return;
    }
    const cell = (c: string) => cells[names.indexOf(c)] ?? '';
    const head = CASE_COLUMNS.map(cell);
    const id = unescapeCell(cell('ari_CaseId'));
    let entry = byId.get(id);
    if (!entry) {
      const record: Record<string, unknown> = { referrals: [] };
      for (const c of CASE_COLUMNS) record[c] = fieldOf(c, cell(c));
      entry = { line, head, record };
      byId.set(id, entry);
      order.push(id);
    } else if (entry.head.some((v, k) => v !== head[k])) {
      const k = entry.head.findIndex((v, j) => v !== head[j]);
      problems.push({
        row: line,
        field: CASE_COLUMNS[k] ?? '(line)',
        ...keyed(
          'htcds.differsFromLine',
          `Differs from line ${entry.line}, where the same case starts`,
          { line: entry.line },
        ),
      });
      return;
    }
    const referral = REFERRAL_COLUMNS.map(cell);
    if (referral.some((v) => v.trim() !== '')) {
      const r: Record<string, unknown> = {};
      for (const c of REFERRAL_COLUMNS) r[c] = unescapeCell(cell(c));
      (entry.record.referrals as unknown[]).push(r);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    document: {
      standard: 'HTCDS',
      version: HTCDS_VERSION,
      cases: order.map((id) => byId.get(id)!.record),
    },
    lines: order.map((id) => byId.get(id)!.line),
  };
}
