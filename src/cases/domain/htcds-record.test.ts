import { describe, expect, it } from 'vitest';
import { CASE_ORIGINS, EXPLOITATION_TYPES, GENDERS } from './case-facts.js';
import { writeHtcdsCsv } from './htcds-csv.js';
import {
  ageRangeOf,
  fromHtcds,
  HtcdsCase,
  parseHtcdsDocument,
  toHtcds,
  type CaseForHtcds,
} from './htcds-record.js';
import { CASE_STATUSES } from './vocabulary.js';

const base: CaseForHtcds = {
  pseudonym: 'C-4K7Q-M2XD',
  gender: 'female',
  age: 24,
  minor: false,
  nationality: 'BG',
  exploitationTypes: ['criminality'],
  mayKeepData: true,
  origin: 'chat',
  createdAt: new Date('2026-11-02T00:00:00Z'),
  status: 'referral',
  outcome: null,
  referrals: [
    {
      organisationName: 'Huis "De Brug", Utrecht',
      organisationKind: 'shelter',
      sentAt: new Date('2026-11-04T00:00:00Z'),
      state: 'accepted',
      legalBasis: 'consent',
    },
  ],
};

describe('HTCDS mapping', () => {
  it('every gender, origin, status and exploitation type survives a round trip', () => {
    for (const gender of [...GENDERS, null]) {
      for (const origin of CASE_ORIGINS) {
        for (const status of CASE_STATUSES) {
          const c: CaseForHtcds = {
            ...base,
            gender,
            origin,
            status,
            outcome: status === 'closed' ? 'referred_elsewhere' : null,
            exploitationTypes: [...EXPLOITATION_TYPES],
          };
          const record = HtcdsCase.parse(toHtcds(c));
          const back = fromHtcds(record);
          expect(back).toMatchObject({ gender, origin, status, outcome: c.outcome });
          expect(back.exploitationTypes).toEqual(EXPLOITATION_TYPES);
          if (status === 'closed') expect(record.cas_Status).toBe('ClosedReferred');
        }
      }
    }
  });

  it('reads a plain HTCDS gender when the Ariadne one is absent', () => {
    const record = { ...toHtcds(base), ari_Gender: null, prs_Gender: 'Male' as const };
    expect(fromHtcds(HtcdsCase.parse(record)).gender).toBe('male');
    const folded = { ...record, prs_Gender: 'Transgender/NonConforming' as const };
    expect(fromHtcds(HtcdsCase.parse(folded)).gender).toBe('unknown');
  });

  it('places ages in ranges at their edges', () => {
    expect([11, 12, 17, 18, 24, 25, 44, 45].map(ageRangeOf)).toEqual([
      '0-11',
      '12-17',
      '12-17',
      '18-24',
      '18-24',
      '25-34',
      '35-44',
      '45+',
    ]);
  });

  it('refuses records that contradict themselves or carry fields HTCDS export never writes', () => {
    const record = toHtcds(base);
    const result = parseHtcdsDocument({
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        { ...record, cas_Status: 'Closed' },
        { ...record, ari_CaseId: 'C-AAAA-AAAA', ari_Outcome: 'helped' },
        { ...record, ari_CaseId: 'C-AAAA-AAAB', prs_MobilePhone: '+31612345678' },
        {
          ...record,
          ari_CaseId: 'C-AAAA-AAAC',
          vic_TypeOfExploitation: ['ForcedLabour', 'ForcedLabour'],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'cas_Status'],
      [2, 'ari_Outcome'],
      [3, '(record)'],
      [4, 'vic_TypeOfExploitation'],
    ]);
  });
});

describe('HTCDS CSV', () => {
  it('writes one line per referral, quoting names and defusing formulas', () => {
    const two = {
      ...base,
      pseudonym: 'C-0000-0001',
      referrals: [
        { ...base.referrals[0]!, organisationName: '=HYPERLINK("x")' },
        { ...base.referrals[0]!, sentAt: new Date('2026-11-09T00:00:00Z') },
      ],
    };
    const csv = writeHtcdsCsv([toHtcds(base), toHtcds({ ...base, referrals: [] }), toHtcds(two)]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('"Huis ""De Brug"", Utrecht"');
    expect(lines[1]).toContain(',IllicitActivities,true,Chat,');
    expect(lines[2]).toMatch(/,{6}$/);
    expect(lines[3]).toContain(`'=HYPERLINK`);
  });
});
