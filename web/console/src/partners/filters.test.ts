import { describe, expect, it } from 'vitest';
import { parsePartnerSearch } from './filters';

describe('parsePartnerSearch', () => {
  it('keeps the filters it knows', () => {
    expect(
      parsePartnerSearch({
        kind: 'police',
        service: 'legal',
        region: 'Noord-Holland',
        capacity: 'unknown',
        active: 'no',
        q: ' huis ',
      }),
    ).toEqual({
      kind: 'police',
      service: 'legal',
      region: 'Noord-Holland',
      capacity: 'unknown',
      active: 'no',
      q: 'huis',
    });
  });

  it('drops what is malformed instead of failing', () => {
    expect(
      parsePartnerSearch({
        kind: 'castle',
        region: 'Atlantis',
        capacity: 1,
        active: 'maybe',
        q: '',
      }),
    ).toEqual({});
    expect(parsePartnerSearch({ q: 'x'.repeat(300) }).q).toHaveLength(100);
  });
});
