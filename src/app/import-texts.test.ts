// The problems an import lists (partner directory CSV rows, HTCDS records and files) are said in
// the console user's language: bad synthetic files are read by the real parsers, and every problem
// must carry a key of the console's catalogue of server messages (in English and Dutch, with the
// parameters it is sent with) or the zod check it failed. Also: every custom check a schema names
// (`params: { reason }`, e.g. a source definition's regex) has its words in both catalogues. Beside
// src/platform/error-texts.test.ts, which checks the keys in code; here, because only src/app may
// import the contexts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  placeholders,
  serverCatalogue,
  sourceFiles,
  SRC,
} from '../../test/helpers/server-catalogue.js';
import { readHtcdsCsv } from '../cases/domain/htcds-csv.js';
import { parseHtcdsDocument } from '../cases/domain/htcds-record.js';
import { parsePartnerCsv } from '../cases/domain/partner-csv.js';
import type { MessageText, ProblemWords } from '../platform/errors.js';

const en = serverCatalogue('en');
const nl = serverCatalogue('nl');

describe('import problems and named checks the console shows', () => {
  const places = { isPlace: (id: string) => id === 'nl:utrecht', isMunicipality: () => false };
  const header = 'name,kind,services,regions,referral_channel,secure_link_contact,accepts_minors';
  const partnerFiles = [
    '',
    '\u0000',
    '\uFFFD',
    'colour\n',
    `${header},colour,name\nx\n`,
    `${header}\n"unclosed,x\n`,
    [
      header + ',id,min_age,capacity_confirmed_at,place,municipalities',
      'A,castle,medical,Utrecht,account,,maybe,nope,x,soon,nl:nowhere,nl:utrecht',
      'B,health,medical,Utrecht,account,,yes,a1b2c3d4-0000-4000-8000-000000000001,,,,',
      'b,health,medical,Utrecht,account,,yes,a1b2c3d4-0000-4000-8000-000000000001,,,,',
      'C,health,medical',
      'D,health,medical,Utrecht,account,,yes,,,,nl:utrecht,',
    ].join('\n'),
  ];
  const htcdsFiles = ['\uFFFD', '', 'ari_CaseId\n', 'x,"y\n'];
  const problems: (ProblemWords & { message: string })[] = [
    ...partnerFiles.flatMap((f) => {
      const r = parsePartnerCsv(f, places);
      return r.ok ? [] : r.errors;
    }),
    ...htcdsFiles.flatMap((f) => {
      const r = readHtcdsCsv(f);
      return r.ok ? [] : r.problems;
    }),
    ...(() => {
      const r = parseHtcdsDocument({
        standard: 'HTCDS',
        version: '2.0',
        cases: [{ ari_CaseId: 'C-AAAA-0001' }, 'not a record'],
      });
      return r.ok ? [] : r.problems;
    })(),
  ];

  it('finds problems of many kinds in the bad files', () => {
    const keys = new Set(problems.flatMap((p) => (p.text ? [p.text.key] : [])));
    expect(keys.size).toBeGreaterThan(12);
  });

  it('gives every problem a catalogue key or its failed check', () => {
    expect(problems.filter((p) => !p.text && !p.issue).map((p) => p.message)).toEqual([]);
  });

  it('sends each keyed problem with the parameters its English and Dutch texts use', () => {
    const wrong = problems
      .flatMap((p) => (p.text ? [p.text] : []))
      .filter((text: MessageText) => {
        const sent = Object.keys(text.params ?? {})
          .sort()
          .join();
        return [en, nl].some((c) => {
          const said = c.get(text.key);
          return said === undefined || placeholders(said).join() !== sent;
        });
      })
      .map((text) => text.key);
    expect(wrong).toEqual([]);
  });

  it('has words for every custom check a schema names (params: { reason })', () => {
    const reasons = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/params: \{ reason: '(\w+)' \}/g)) reasons.add(m[1]!);
    }
    expect(reasons.size).toBeGreaterThanOrEqual(3);
    const absent = [...reasons].filter(
      (r) => !en.has(`issues.reasons.${r}`) || !nl.has(`issues.reasons.${r}`),
    );
    expect(absent).toEqual([]);
  });
});
