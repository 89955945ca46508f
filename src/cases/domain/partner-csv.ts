// The partner directory as CSV, both ways. Import reads a whole file and reports every bad row by
// line and column before anything is written (the caller imports all rows or none); export writes
// the same columns, so an exported file imports back unchanged. A directory travels between
// spreadsheets, so the file is hostile input both ways: cells a spreadsheet would run as a formula
// (= + - @) are defused on export with a leading apostrophe, which import takes off again; the file
// has a size and row limit; text that was not UTF-8 is refused rather than stored garbled.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import {
  keyed,
  problemWords,
  type KeyedMessage,
  type ProblemWords,
} from '../../platform/errors.js';
import { PartnerProfile, type PartnerProfileInput } from './partner-profile.js';

/** Columns in file order; `id` is optional on import (then rows are matched by name). */
export const PARTNER_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'services',
  'regions',
  'municipalities',
  'place',
  'languages',
  'interpretation',
  'min_age',
  'max_age',
  'genders',
  'accepts_minors',
  'accepts_pregnant',
  'residence_statuses',
  'capacity',
  'capacity_confirmed_at',
  'intake_hours',
  'referral_channel',
  'secure_link_contact',
  'active',
] as const;
export type PartnerCsvColumn = (typeof PARTNER_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly PartnerCsvColumn[] = [
  'name',
  'kind',
  'services',
  'referral_channel',
];

/** Limits on one import: a directory is dozens of rows, not a data dump. */
export const PARTNER_CSV_MAX_BYTES = 2_000_000;
export const PARTNER_CSV_MAX_ROWS = 5_000;

/**
 * One thing wrong with the file, by the line it starts on and the column (null: the line). The
 * English `message` has its words for the console beside it: a catalogue key (`text`, with values
 * such as a cell's content or a line number as parameters) or the zod check that failed (`issue`).
 */
export interface CsvRowError extends ProblemWords {
  line: number;
  /** A column of the header (or an unknown one it named); null: the whole line. */
  column: string | null;
  message: string;
}

/** A row that passed: its line, the id it names (if any) and the organisation's profile. */
export interface PartnerCsvRow {
  line: number;
  id: string | null;
  profile: PartnerProfile;
}

export type PartnerCsvParse =
  { ok: true; rows: PartnerCsvRow[] } | { ok: false; errors: CsvRowError[] };

/** What the gazetteer knows, passed in: the pure parser has no gazetteer of its own. */
export interface PlaceChecks {
  isPlace(id: string): boolean;
  isMunicipality(id: string): boolean;
}

const LIST_SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;
/** How many errors are worth showing: a file that is wrong everywhere is wrong once. */
const MAX_ERRORS = 200;

// Profile field → its column, to name the column of a schema error.
const COLUMN_OF: Record<string, PartnerCsvColumn> = {
  name: 'name',
  kind: 'kind',
  services: 'services',
  regions: 'regions',
  municipalities: 'municipalities',
  placeId: 'place',
  languages: 'languages',
  interpretation: 'interpretation',
  minAge: 'min_age',
  maxAge: 'max_age',
  genders: 'genders',
  acceptsMinors: 'accepts_minors',
  acceptsPregnant: 'accepts_pregnant',
  residenceStatuses: 'residence_statuses',
  capacity: 'capacity',
  capacityConfirmedAt: 'capacity_confirmed_at',
  intakeHours: 'intake_hours',
  referralChannel: 'referral_channel',
  secureLinkContact: 'secure_link_contact',
  active: 'active',
};

const UUID = z.uuid();

class CellError extends Error {
  constructor(readonly keyedMessage: KeyedMessage) {
    super(keyedMessage.message);
  }
}

/** A problem of `line` (and `column`) with its English message and catalogue key. */
const rowError = (line: number, column: string | null, m: KeyedMessage): CsvRowError => ({
  line,
  column,
  ...m,
});

/** A cell as written by a spreadsheet user or by our export (whose apostrophe is taken off). */
export function unescapeCell(raw: string): string {
  const v = raw.trim();
  return v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
}

const list = (v: string): string[] =>
  v === ''
    ? []
    : v
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean);

function bool(v: string): boolean | undefined {
  if (v === '') return undefined;
  const lower = v.toLowerCase();
  if (['yes', 'true', '1', 'ja', 'y'].includes(lower)) return true;
  if (['no', 'false', '0', 'nee', 'n'].includes(lower)) return false;
  throw new CellError(keyed('partnerCsv.yesNo', 'must be yes or no'));
}

function int(v: string): number | null {
  if (v === '') return null;
  if (!/^\d{1,3}$/.test(v))
    throw new CellError(keyed('partnerCsv.wholeYears', 'must be a whole number of years'));
  return Number(v);
}

function date(v: string): string | null {
  if (v === '') return null;
  // A day alone ("2026-12-03") is the start of that day in UTC.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v;
  const d = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) {
    throw new CellError(keyed('partnerCsv.date', 'must be a date like 2026-12-03'));
  }
  return d.toISOString();
}

/** Turns one record's cells into profile input; cell-level problems become errors. */
function profileInput(
  cells: Partial<Record<PartnerCsvColumn, string>>,
  line: number,
  errors: CsvRowError[],
): PartnerProfileInput | null {
  const input: Record<string, unknown> = {};
  let ok = true;
  const put = <T>(column: PartnerCsvColumn, key: string, read: (v: string) => T) => {
    const raw = cells[column];
    if (raw === undefined) return;
    try {
      const value = read(raw);
      if (value !== undefined) input[key] = value;
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      ok = false;
      errors.push(rowError(line, column, err.keyedMessage));
    }
  };
  const text = (v: string) => v;
  const nullable = (v: string) => (v === '' ? null : v);
  const listOrDefault = (v: string) => (v === '' ? undefined : list(v));
  put('name', 'name', text);
  put('kind', 'kind', text);
  put('services', 'services', list);
  put('regions', 'regions', list);
  put('municipalities', 'municipalities', list);
  put('place', 'placeId', nullable);
  put('languages', 'languages', list);
  put('interpretation', 'interpretation', bool);
  put('min_age', 'minAge', int);
  put('max_age', 'maxAge', int);
  put('genders', 'genders', listOrDefault);
  put('accepts_minors', 'acceptsMinors', bool);
  put('accepts_pregnant', 'acceptsPregnant', bool);
  put('residence_statuses', 'residenceStatuses', listOrDefault);
  put('capacity', 'capacity', nullable);
  put('capacity_confirmed_at', 'capacityConfirmedAt', date);
  put('intake_hours', 'intakeHours', nullable);
  put('referral_channel', 'referralChannel', text);
  put('secure_link_contact', 'secureLinkContact', nullable);
  put('active', 'active', bool);
  return ok ? (input as PartnerProfileInput) : null;
}

/**
 * A schema issue said the way a spreadsheet user reads it: which value of which column. The
 * allowed values are codes (the file's own vocabulary), so they are a parameter as they are.
 */
function describeIssue(
  issue: z.core.$ZodIssue,
  input: PartnerProfileInput,
): Pick<CsvRowError, 'message' | 'text' | 'issue'> {
  const [field, index] = issue.path;
  const values = typeof field === 'string' ? (input as Record<string, unknown>)[field] : undefined;
  const value: unknown =
    Array.isArray(values) && typeof index === 'number' ? (values as unknown[])[index] : values;
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String).join(', ');
    return typeof value === 'string'
      ? keyed('partnerCsv.notOneOf', `"${value}" is not one of: ${allowed}`, {
          value,
          values: allowed,
        })
      : keyed('partnerCsv.mustBeOneOf', `must be one of: ${allowed}`, { values: allowed });
  }
  const message = typeof value === 'string' ? `"${value}" ${issue.message}` : issue.message;
  return { message, ...problemWords(issue) };
}

/** Refuses text that is not what a UTF-8 CSV file decodes to. */
function encodingError(text: string): KeyedMessage | null {
  if (text.includes('\uFFFD')) {
    return keyed(
      'partnerCsv.notUtf8',
      'The file is not UTF-8 text (some characters could not be read). Save it as "CSV UTF-8" and try again.',
    );
  }
  if (text.includes('\u0000')) {
    return keyed('partnerCsv.binary', 'The file holds binary data, not CSV text.');
  }
  return null;
}

/**
 * Reads a whole partner CSV. Either every row is good (`ok`, rows in file order) or `errors`
 * lists every bad row and column found, by line number (1 = the header line).
 */
export function parsePartnerCsv(text: string, places: PlaceChecks): PartnerCsvParse {
  if (text.length > PARTNER_CSV_MAX_BYTES) {
    return {
      ok: false,
      errors: [
        rowError(
          1,
          null,
          keyed(
            'partnerCsv.tooLarge',
            `The file is too large (more than ${PARTNER_CSV_MAX_BYTES / 1_000_000} MB).`,
            { megabytes: PARTNER_CSV_MAX_BYTES / 1_000_000 },
          ),
        ),
      ],
    };
  }
  const badEncoding = encodingError(text);
  if (badEncoding) return { ok: false, errors: [rowError(1, null, badEncoding)] };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      max_record_size: 100_000,
      to: PARTNER_CSV_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    const message = err instanceof Error ? err.message.replace(/^Invalid [^:]*: /, '') : '';
    // The parser's reason is English: the key says "not valid CSV" by the line it stopped at.
    return {
      ok: false,
      errors: [
        rowError(
          line,
          null,
          keyed('partnerCsv.notCsv', `The file is not valid CSV: ${message}`, { line }),
        ),
      ],
    };
  }
  const [header, ...body] = records;
  if (!header) {
    return {
      ok: false,
      errors: [rowError(1, null, keyed('partnerCsv.empty', 'The file is empty.'))],
    };
  }

  // The header: known columns only, each once, the required ones present.
  const names = header.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const errors: CsvRowError[] = [];
  const known = new Set<string>(PARTNER_CSV_COLUMNS);
  if (!names.includes('name')) {
    return {
      ok: false,
      errors: [
        rowError(
          1,
          null,
          keyed(
            'partnerCsv.noHeader',
            `The first line must name the columns: ${PARTNER_CSV_COLUMNS.join(', ')}.`,
            { columns: PARTNER_CSV_COLUMNS.join(', ') },
          ),
        ),
      ],
    };
  }
  names.forEach((n, i) => {
    if (!known.has(n)) {
      errors.push(
        rowError(
          1,
          n || `column ${i + 1}`,
          keyed('partnerCsv.unknownColumn', 'is not a known column'),
        ),
      );
    } else if (names.indexOf(n) !== i) {
      errors.push(rowError(1, n, keyed('partnerCsv.columnTwice', 'appears twice')));
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!names.includes(c)) {
      errors.push(rowError(1, c, keyed('partnerCsv.columnMissing', 'is missing')));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (body.length > PARTNER_CSV_MAX_ROWS) {
    return {
      ok: false,
      errors: [
        rowError(
          1,
          null,
          keyed(
            'partnerCsv.tooManyRows',
            `The file has more than ${PARTNER_CSV_MAX_ROWS} rows; split it.`,
            { max: PARTNER_CSV_MAX_ROWS },
          ),
        ),
      ],
    };
  }

  const rows: PartnerCsvRow[] = [];
  const seenNames = new Map<string, number>();
  const seenIds = new Map<string, number>();
  // Lines: csv-parse counts the line a record ends on; a record starts after the previous one.
  let previousEnd = header.info.lines;
  for (const { record, info } of body) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (errors.length >= MAX_ERRORS) break;
    if (record.length !== names.length) {
      errors.push(
        rowError(
          line,
          null,
          keyed(
            'partnerCsv.cellCount',
            `has ${record.length} cells; the header has ${names.length}`,
            { cells: record.length, columns: names.length },
          ),
        ),
      );
      continue;
    }
    const cells: Partial<Record<PartnerCsvColumn, string>> = {};
    names.forEach((n, i) => (cells[n as PartnerCsvColumn] = unescapeCell(record[i] ?? '')));

    const before = errors.length;
    let id: string | null = null;
    if (cells.id) {
      if (!UUID.safeParse(cells.id).success) {
        errors.push(
          rowError(
            line,
            'id',
            keyed('partnerCsv.notAnId', `"${cells.id}" is not an id from an export`, {
              value: cells.id,
            }),
          ),
        );
      } else {
        id = cells.id.toLowerCase();
        const first = seenIds.get(id);
        if (first !== undefined)
          errors.push(
            rowError(
              line,
              'id',
              keyed('partnerCsv.idTwice', `is also on line ${first}`, { line: first }),
            ),
          );
        else seenIds.set(id, line);
      }
    }
    const input = profileInput(cells, line, errors);
    if (!input) continue;
    const parsed = PartnerProfile.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        errors.push({
          line,
          column: (typeof field === 'string' && COLUMN_OF[field]) || null,
          ...describeIssue(issue, input),
        });
      }
      continue;
    }
    const profile = parsed.data;
    const nameKey = profile.name.toLocaleLowerCase('nl');
    const firstName = seenNames.get(nameKey);
    if (firstName !== undefined) {
      errors.push(
        rowError(
          line,
          'name',
          keyed('partnerCsv.nameTwice', `"${profile.name}" is also on line ${firstName}`, {
            value: profile.name,
            line: firstName,
          }),
        ),
      );
    } else {
      seenNames.set(nameKey, line);
    }
    if (profile.placeId !== null && !places.isPlace(profile.placeId)) {
      errors.push(
        rowError(
          line,
          'place',
          keyed('partnerCsv.unknownPlace', `"${profile.placeId}" is not a known place`, {
            value: profile.placeId,
          }),
        ),
      );
    }
    for (const m of profile.municipalities) {
      if (!places.isMunicipality(m)) {
        errors.push(
          rowError(
            line,
            'municipalities',
            keyed('partnerCsv.notMunicipality', `"${m}" is not a Dutch municipality`, {
              value: m,
            }),
          ),
        );
      }
    }
    if (errors.length === before) rows.push({ line, id, profile });
  }
  return errors.length > 0
    ? { ok: false, errors: errors.slice(0, MAX_ERRORS) }
    : { ok: true, rows };
}

/** One cell as export writes it: RFC 4180 quoting, formulas defused. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An organisation as export writes it: its id and profile. */
export interface PartnerCsvRecord {
  id: string;
  profile: PartnerProfile;
}

/** The directory as CSV with a header line; import reads it back to the same profiles. */
export function writePartnerCsv(partners: readonly PartnerCsvRecord[]): string {
  const line = (cells: (string | number | boolean | null)[]) =>
    cells.map(csvCell).join(',') + '\r\n';
  const join = (items: readonly string[]) => items.join(LIST_SEPARATOR);
  let out = line([...PARTNER_CSV_COLUMNS]);
  for (const { id, profile: p } of partners) {
    const cells: Record<PartnerCsvColumn, string | number | boolean | null> = {
      id,
      name: p.name,
      kind: p.kind,
      services: join(p.services),
      regions: join(p.regions),
      municipalities: join(p.municipalities),
      place: p.placeId,
      languages: join(p.languages),
      interpretation: p.interpretation,
      min_age: p.minAge,
      max_age: p.maxAge,
      genders: join(p.genders),
      accepts_minors: p.acceptsMinors,
      accepts_pregnant: p.acceptsPregnant,
      residence_statuses: join(p.residenceStatuses),
      capacity: p.capacity,
      capacity_confirmed_at: p.capacityConfirmedAt,
      intake_hours: p.intakeHours,
      referral_channel: p.referralChannel,
      secure_link_contact: p.secureLinkContact,
      active: p.active,
    };
    out += line(PARTNER_CSV_COLUMNS.map((c) => cells[c]));
  }
  return out;
}
