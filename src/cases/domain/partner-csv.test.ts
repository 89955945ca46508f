// The directory's CSV: every bad row reported by line and column (not the first one only), the
// header checked, hostile files refused (too large, not UTF-8, broken quoting, duplicates), cells a
// spreadsheet would run defused on export, and export → import giving back the same profiles.
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  PARTNER_CSV_COLUMNS,
  PARTNER_CSV_MAX_BYTES,
  PARTNER_CSV_MAX_ROWS,
  parsePartnerCsv,
  writePartnerCsv,
  type PartnerCsvParse,
  type PlaceChecks,
} from './partner-csv.js';
import { PartnerProfile } from './partner-profile.js';

/** The places these rows name; the route passes the gazetteer's own checks. */
const places: PlaceChecks = {
  isPlace: (id) =>
    ['nl:utrecht', 'nl:amersfoort', 'nl:hoog-catharijne', 'ro:bucharest'].includes(id),
  isMunicipality: (id) => ['nl:utrecht', 'nl:amersfoort'].includes(id),
};

const HEADER = 'name,kind,services,regions,referral_channel,secure_link_contact';
const row = (cells: string) => `${HEADER}\n${cells}\n`;

/** The refused file's problems in English (their keys are checked in the test below). */
function errorsOf(result: PartnerCsvParse) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(({ line, column, message }) => ({ line, column, message }));
}
/** A message that contains `part` (vitest's matcher, typed as the string it stands for). */
const containing = (part: string) => expect.stringContaining(part) as string;

function rowsOf(result: PartnerCsvParse) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

const full = PartnerProfile.parse({
  name: 'Opvanghuis Kompasroos Utrecht',
  kind: 'shelter',
  services: ['shelter', 'safety', 'psychological'],
  regions: ['Utrecht'],
  municipalities: ['nl:utrecht', 'nl:amersfoort'],
  placeId: 'nl:utrecht',
  languages: ['nl', 'en', 'ro'],
  interpretation: true,
  minAge: 18,
  maxAge: 65,
  genders: ['women', 'trans'],
  acceptsMinors: false,
  acceptsPregnant: true,
  residenceStatuses: ['eu_citizen', 'undocumented'],
  capacity: 'full',
  capacityConfirmedAt: '2026-12-03T09:30:00.000Z',
  intakeHours: 'Mon–Fri 09:00–17:00, "urgent": 24/7',
  referralChannel: 'secure_link',
  secureLinkContact: '+31 30 000 0000',
  active: true,
});

describe('parsePartnerCsv', () => {
  it('reads a minimal file, with defaults for the columns it leaves out', () => {
    const [r] = rowsOf(
      parsePartnerCsv(
        row('Huis Windvang,shelter,shelter;safety,Utrecht,secure_link,intake@windvang.example'),
        places,
      ),
    );
    expect(r?.line).toBe(2);
    expect(r?.id).toBeNull();
    expect(r?.profile).toMatchObject({
      name: 'Huis Windvang',
      services: ['shelter', 'safety'],
      regions: ['Utrecht'],
      genders: ['women', 'men', 'trans', 'non_binary'],
      residenceStatuses: ['any'],
      capacity: null,
      active: true,
    });
  });

  it('reports every bad row by line and column, not only the first', () => {
    const text = [
      HEADER,
      'Good One,shelter,shelter,Utrecht,secure_link,a@b.example',
      'Bad Kind,castle,shelter,Utrecht,secure_link,a@b.example',
      'Bad Service,shelter,shelter;spa,Utrecht,secure_link,a@b.example',
      'Bad Region,shelter,shelter,Atlantis,secure_link,a@b.example',
      'No Contact,shelter,shelter,Utrecht,secure_link,',
      'Bad Contact,shelter,shelter,Utrecht,secure_link,call us',
    ].join('\r\n');
    expect(errorsOf(parsePartnerCsv(text, places))).toEqual([
      { line: 3, column: 'kind', message: containing('"castle" is not one of') },
      { line: 4, column: 'services', message: containing('"spa" is not one of') },
      { line: 5, column: 'regions', message: containing('"Atlantis" is not one of') },
      {
        line: 6,
        column: 'secure_link_contact',
        message: 'a secure link needs an e-mail address or phone number for its code',
      },
      {
        line: 7,
        column: 'secure_link_contact',
        message: '"call us" must be an e-mail address or a phone number',
      },
    ]);
  });

  it('reports every problem of one row, the rules between fields too', () => {
    expect(
      errorsOf(parsePartnerCsv(row('Huis Zonder,castle,shelter,Atlantis,secure_link,'), places)),
    ).toEqual([
      { line: 2, column: 'kind', message: containing('"castle" is not one of') },
      { line: 2, column: 'regions', message: containing('"Atlantis" is not one of') },
      {
        line: 2,
        column: 'secure_link_contact',
        message: 'a secure link needs an e-mail address or phone number for its code',
      },
    ]);
  });

  it('checks cells of every type: yes/no, ages, dates, languages, places', () => {
    const header =
      'name,kind,services,regions,referral_channel,interpretation,min_age,max_age,capacity,capacity_confirmed_at,languages,place,municipalities';
    const text = [
      header,
      'A Org,health,medical,Utrecht,account,maybe,18,17,open,2026-12-01,nl,nl:utrecht,',
      'B Org,health,medical,Utrecht,account,yes,,,open,yesterday,xx,nl:atlantis,nl:hoog-catharijne',
      'C Org,health,medical,Utrecht,account,no,eighteen,,full,,nl,,',
    ].join('\n');
    const errors = errorsOf(parsePartnerCsv(`${text}\n`, places));
    expect(errors).toEqual([
      { line: 2, column: 'interpretation', message: 'must be yes or no' },
      { line: 3, column: 'capacity_confirmed_at', message: 'must be a date like 2026-12-03' },
      { line: 4, column: 'min_age', message: 'must be a whole number of years' },
    ]);
    // Once the cells read, the rules between fields and the places are checked too.
    const second = [
      header,
      'A Org,health,medical,Utrecht,account,yes,18,17,open,2026-12-01,nl,nl:utrecht,',
      'B Org,health,medical,Utrecht,account,yes,,,open,2026-12-01,xx,nl:atlantis,nl:hoog-catharijne',
      'C Org,health,medical,Utrecht,account,no,,,full,,nl,,',
    ].join('\n');
    expect(errorsOf(parsePartnerCsv(second, places))).toEqual([
      { line: 2, column: 'max_age', message: 'is below the minimum age (18)' },
      {
        line: 2,
        column: 'accepts_minors',
        message: 'an organisation for people under 18 accepts minors',
      },
      {
        line: 3,
        column: 'languages',
        message: '"xx" is not an ISO 639-1 language code (e.g. nl, en, ro)',
      },
      {
        line: 4,
        column: 'capacity_confirmed_at',
        message: 'say when the capacity was last confirmed',
      },
    ]);
    const places2 = [
      header,
      'B Org,health,medical,Utrecht,account,yes,,,open,2026-12-01,nl,nl:atlantis,nl:hoog-catharijne',
    ].join('\n');
    expect(errorsOf(parsePartnerCsv(places2, places))).toEqual([
      { line: 2, column: 'place', message: '"nl:atlantis" is not a known place' },
      {
        line: 2,
        column: 'municipalities',
        message: '"nl:hoog-catharijne" is not a Dutch municipality',
      },
    ]);
  });

  it('counts lines as a spreadsheet does when a quoted cell spans lines', () => {
    const text = [
      'name,kind,services,regions,referral_channel,intake_hours',
      'One,health,medical,Utrecht,account,"Mon',
      'Tue"',
      'Two,castle,medical,Utrecht,account,',
    ].join('\n');
    expect(errorsOf(parsePartnerCsv(text, places))).toEqual([
      { line: 4, column: 'kind', message: containing('"castle"') },
    ]);
  });

  it('refuses two rows with the same name (whatever the case) or the same id', () => {
    const id = '3f1c2b8e-2a4d-4c1e-9f00-6d7b8a9c0e1f';
    const text = [
      `id,${HEADER}`,
      `${id},Huis Windvang,shelter,shelter,Utrecht,account,`,
      `,huis windvang,shelter,shelter,Utrecht,account,`,
      `${id},Another,shelter,shelter,Utrecht,account,`,
      `not-an-id,Third,shelter,shelter,Utrecht,account,`,
    ].join('\n');
    expect(errorsOf(parsePartnerCsv(text, places))).toEqual([
      { line: 3, column: 'name', message: '"huis windvang" is also on line 2' },
      { line: 4, column: 'id', message: 'is also on line 2' },
      { line: 5, column: 'id', message: '"not-an-id" is not an id from an export' },
    ]);
  });

  it('wants a header: names the columns when the first line is data', () => {
    const errors = errorsOf(
      parsePartnerCsv('Huis Windvang,shelter,shelter,Utrecht,account\n', places),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, column: null });
    expect(errors[0]?.message).toContain(PARTNER_CSV_COLUMNS.join(', '));
  });

  it('names unknown, doubled and missing columns of the header', () => {
    expect(errorsOf(parsePartnerCsv('name,colour,kind,name\nx,y,z,w\n', places))).toEqual([
      { line: 1, column: 'colour', message: 'is not a known column' },
      { line: 1, column: 'name', message: 'appears twice' },
      { line: 1, column: 'services', message: 'is missing' },
      { line: 1, column: 'referral_channel', message: 'is missing' },
    ]);
  });

  it('reads a header written by hand: any case, spaces for underscores', () => {
    const text =
      'Name,Kind,Services,Regions,Referral Channel\nHuis,health,medical,Utrecht,account\n';
    expect(rowsOf(parsePartnerCsv(text, places))).toHaveLength(1);
  });

  it('reports a row with too few or too many cells', () => {
    const text = `${HEADER}\nA Org,health,medical\nB Org,health,medical,Utrecht,account,,extra\n`;
    expect(errorsOf(parsePartnerCsv(text, places))).toEqual([
      { line: 2, column: null, message: 'has 3 cells; the header has 6' },
      { line: 3, column: null, message: 'has 7 cells; the header has 6' },
    ]);
  });

  it('refuses an empty file, broken quoting and binary data', () => {
    expect(errorsOf(parsePartnerCsv('', places))).toEqual([
      { line: 1, column: null, message: 'The file is empty.' },
    ]);
    const broken = errorsOf(
      parsePartnerCsv(`${HEADER}\n"Huis,shelter,shelter,Utrecht,account,\n`, places),
    );
    expect(broken[0]?.message).toMatch(/^The file is not valid CSV/);
    expect(
      errorsOf(parsePartnerCsv(`${HEADER}\nA\u0000B,x,y,z,account,\n`, places))[0]?.message,
    ).toBe('The file holds binary data, not CSV text.');
  });

  it('refuses text that was not UTF-8 (Latin-1 decoded as UTF-8 leaves replacement characters)', () => {
    const latin1 = Buffer.from(
      `${HEADER}\nCaf\xe9 Org,health,medical,Utrecht,account,\n`,
      'latin1',
    );
    const decoded = new TextDecoder('utf-8').decode(latin1);
    const errors = errorsOf(parsePartnerCsv(decoded, places));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('not UTF-8');
  });

  it('takes a byte-order mark in its stride (Excel writes one)', () => {
    const text = `\uFEFF${HEADER}\nHuis,health,medical,Utrecht,account,\n`;
    expect(rowsOf(parsePartnerCsv(text, places))[0]?.profile.name).toBe('Huis');
  });

  it('refuses a file over the size or row limit before reading it through', () => {
    const big = `${HEADER}\n${'x'.repeat(PARTNER_CSV_MAX_BYTES)}`;
    expect(errorsOf(parsePartnerCsv(big, places))[0]?.message).toMatch(/too large/);
    const many =
      `${HEADER}\n` +
      Array.from(
        { length: PARTNER_CSV_MAX_ROWS + 1 },
        (_, i) => `Org ${i},health,medical,Utrecht,account,`,
      ).join('\n');
    expect(errorsOf(parsePartnerCsv(many, places))[0]?.message).toMatch(/more than 5000 rows/);
  });

  it('stops listing errors at a readable number', () => {
    const text =
      `${HEADER}\n` +
      Array.from({ length: 400 }, (_, i) => `Org ${i},castle,medical,Utrecht,account,`).join('\n');
    expect(errorsOf(parsePartnerCsv(text, places)).length).toBe(200);
  });

  it('refuses a name a spreadsheet would run as a formula', () => {
    const errors = errorsOf(
      parsePartnerCsv(row('"=HYPERLINK(""http://x"")",shelter,shelter,Utrecht,account,'), places),
    );
    expect(errors).toEqual([
      {
        line: 2,
        column: 'name',
        message: '"=HYPERLINK("http://x")" must begin with a letter or digit',
      },
    ]);
  });
});

describe('writePartnerCsv', () => {
  it('defuses cells a spreadsheet would run, and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 30 000 0000')).toBe("'+31 30 000 0000");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(18)).toBe('18');
  });

  it('round-trips: what export writes, import reads back to the same profiles and ids', () => {
    const id = 'a1b2c3d4-0000-4000-8000-000000000001';
    const other = PartnerProfile.parse({
      name: 'Home Loket',
      kind: 'social_services',
      services: ['housing'],
      regions: ['Utrecht', 'Flevoland'],
      referralChannel: 'account',
      intakeHours: '=not a formula, just text',
      active: false,
    });
    const csv = writePartnerCsv([
      { id, profile: full },
      { id: 'a1b2c3d4-0000-4000-8000-000000000002', profile: other },
    ]);
    expect(csv.split('\r\n')[0]).toBe(PARTNER_CSV_COLUMNS.join(','));
    expect(csv).toContain("'+31 30 000 0000");
    expect(csv).toContain("'=not a formula");
    const rows = rowsOf(parsePartnerCsv(csv, places));
    expect(rows.map((r) => r.id)).toEqual([id, 'a1b2c3d4-0000-4000-8000-000000000002']);
    expect(rows[0]?.profile).toEqual(full);
    expect(rows[1]?.profile).toEqual(other);
  });
});
