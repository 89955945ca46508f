// Matching a case against the directory: the order (fits first, exclusions last but listed), each
// reason with its parameters, and the edges — no place known, an organisation without a place, a
// language nobody speaks, capacity unknown or stale, a minor by age or by word (the case's rule).
import { describe, expect, it } from 'vitest';
import { distanceKm } from './partner-distance.js';
import { isMinor } from './case-facts.js';
import {
  matchPartners,
  type CaseProfile,
  type MatchCandidate,
  type PartnerMatch,
} from './partner-match.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const UTRECHT = { lat: 52.0908, lon: 5.1222 };
const AMERSFOORT = { lat: 52.155, lon: 5.3875 };
const MAASTRICHT = { lat: 50.8483, lon: 5.6889 };

function partner(over: Partial<MatchCandidate> & { id: string }): MatchCandidate {
  return {
    name: `Org ${over.id}`,
    kind: 'shelter',
    services: ['shelter', 'safety'],
    municipalities: [],
    regions: ['Utrecht'],
    location: UTRECHT,
    languages: ['nl', 'en'],
    interpretation: false,
    minAge: null,
    maxAge: null,
    genders: ['women', 'men', 'trans', 'non_binary'],
    acceptsMinors: false,
    acceptsPregnant: true,
    residenceStatuses: ['any'],
    capacity: 'open',
    capacityConfirmedAt: daysAgo(3),
    referralChannel: 'secure_link',
    ...over,
  };
}

function profile(over: Partial<CaseProfile> = {}): CaseProfile {
  return {
    needs: ['shelter'],
    place: { ...UTRECHT, municipalityId: 'nl:utrecht', province: 'Utrecht' },
    languages: ['nl'],
    age: 24,
    gender: 'women',
    minor: null,
    pregnant: null,
    residenceStatus: null,
    ...over,
  };
}

const codes = (rs: PartnerMatch['fits']) => rs.map((r) => r.code);
const only = (list: PartnerMatch[], id: string) => {
  const m = list.find((x) => x.partnerId === id);
  if (!m) throw new Error(`no match for ${id}`);
  return m;
};

describe('distanceKm', () => {
  it('is the great-circle distance (Utrecht–Amersfoort about 20 km, Utrecht–Maastricht about 150)', () => {
    expect(distanceKm(UTRECHT, AMERSFOORT)).toBeGreaterThan(18);
    expect(distanceKm(UTRECHT, AMERSFOORT)).toBeLessThan(22);
    expect(distanceKm(UTRECHT, MAASTRICHT)).toBeGreaterThan(140);
    expect(distanceKm(UTRECHT, MAASTRICHT)).toBeLessThan(160);
    expect(distanceKm(UTRECHT, UTRECHT)).toBe(0);
  });
});

describe('matchPartners', () => {
  it('puts the organisation that fits first and says why', () => {
    const list = matchPartners(
      profile({ needs: ['shelter', 'legal'] }),
      [
        partner({ id: 'far', location: MAASTRICHT, regions: ['Limburg'] }),
        partner({ id: 'near', municipalities: ['nl:utrecht'], services: ['shelter', 'legal'] }),
      ],
      NOW,
    );
    expect(list.map((m) => m.partnerId)).toEqual(['near', 'far']);
    const near = only(list, 'near');
    expect(near.excluded).toBe(false);
    expect(near.fits).toEqual([
      { code: 'offers', params: { services: ['shelter', 'legal'] } },
      { code: 'serves_municipality', params: { place: 'nl:utrecht' } },
      { code: 'near', params: { km: 0 } },
      { code: 'speaks', params: { languages: ['nl'] } },
      { code: 'capacity_open', params: { since: '2026-12-03' } },
    ]);
    const far = only(list, 'far');
    expect(codes(far.concerns)).toEqual(['missing_services', 'outside_area', 'far']);
    expect(far.concerns[0]?.params).toEqual({ services: ['legal'] });
    expect(far.distanceKm).toBeGreaterThan(140);
  });

  it('says "serves your region" for a province served as a whole', () => {
    const [m] = matchPartners(profile(), [partner({ id: 'a', location: AMERSFOORT })], NOW);
    expect(m?.fits).toContainEqual({ code: 'serves_region', params: { region: 'Utrecht' } });
    expect(m?.fits).toContainEqual({ code: 'near', params: { km: 19 } });
  });

  it('lists hard exclusions below every fit, with the reason, however well they score', () => {
    const list = matchPartners(
      profile({ age: 16 }),
      [
        partner({ id: 'adults-only', minAge: 18, municipalities: ['nl:utrecht'] }),
        partner({
          id: 'full-far-youth',
          acceptsMinors: true,
          capacity: 'full',
          location: MAASTRICHT,
          regions: ['Limburg'],
        }),
      ],
      NOW,
    );
    expect(list.map((m) => m.partnerId)).toEqual(['full-far-youth', 'adults-only']);
    const adults = only(list, 'adults-only');
    expect(adults.excluded).toBe(true);
    // "No minors" says it; the age range would only repeat it.
    expect(adults.exclusions).toEqual([{ code: 'no_minors', params: {} }]);
  });

  it('excludes an age above the maximum, and names the range', () => {
    const [m] = matchPartners(
      profile({ age: 30 }),
      [partner({ id: 'y', minAge: 12, maxAge: 23, acceptsMinors: true })],
      NOW,
    );
    expect(m?.exclusions).toEqual([
      { code: 'age_out_of_range', params: { age: 30, min: 12, max: 23 } },
    ]);
  });

  // Ads and controllers state ages upward: "19" next to someone said to be a minor is a minor.
  it('takes a minor by word or by age, the word over an age of 18 or more', () => {
    expect(isMinor({ age: null, minor: true })).toBe(true);
    expect(isMinor({ age: null, minor: null })).toBe(false);
    expect(isMinor({ age: 19, minor: true })).toBe(true);
    expect(isMinor({ age: 17, minor: false })).toBe(true);
    const [m] = matchPartners(profile({ age: null, minor: true }), [partner({ id: 'a' })], NOW);
    expect(codes(m!.exclusions)).toEqual(['no_minors']);
  });

  it('excludes an organisation that offers none of the needed services', () => {
    const [m] = matchPartners(
      profile({ needs: ['legal', 'financial_debt'] }),
      [partner({ id: 'a', services: ['medical'] })],
      NOW,
    );
    expect(m?.exclusions).toEqual([
      { code: 'no_services', params: { needs: ['legal', 'financial_debt'] } },
    ]);
    expect(codes(m!.fits)).not.toContain('offers');
  });

  it('does not exclude anyone for services when no need is recorded yet', () => {
    const [m] = matchPartners(profile({ needs: [] }), [partner({ id: 'a' })], NOW);
    expect(m?.excluded).toBe(false);
  });

  it('excludes by gender, pregnancy and residence status', () => {
    const list = matchPartners(
      profile({ gender: 'men', pregnant: true, residenceStatus: 'undocumented' }),
      [
        partner({ id: 'women', genders: ['women', 'trans', 'non_binary'] }),
        partner({ id: 'no-pregnancy', acceptsPregnant: false }),
        partner({ id: 'papers', residenceStatuses: ['eu_citizen', 'residence_permit'] }),
        partner({ id: 'open', residenceStatuses: ['undocumented', 'asylum_seeker'] }),
      ],
      NOW,
    );
    expect(only(list, 'women').exclusions).toEqual([
      { code: 'gender_not_served', params: { gender: 'men' } },
    ]);
    expect(codes(only(list, 'no-pregnancy').exclusions)).toEqual(['no_pregnancy']);
    expect(only(list, 'papers').exclusions).toEqual([
      { code: 'residence_status_not_accepted', params: { status: 'undocumented' } },
    ]);
    expect(only(list, 'open').excluded).toBe(false);
    expect(list[0]?.partnerId).toBe('open');
  });

  it('ranks full below waiting list below open, and says since when', () => {
    const list = matchPartners(
      profile(),
      [
        partner({ id: 'full', capacity: 'full', capacityConfirmedAt: daysAgo(3) }),
        partner({ id: 'wait', capacity: 'waiting_list', capacityConfirmedAt: daysAgo(1) }),
        partner({ id: 'open' }),
      ],
      NOW,
    );
    expect(list.map((m) => m.partnerId)).toEqual(['open', 'wait', 'full']);
    expect(only(list, 'full').concerns).toContainEqual({
      code: 'full',
      params: { since: '2026-12-03' },
    });
    expect(only(list, 'full').excluded).toBe(false);
  });

  it('says when capacity is unknown, or confirmed too long ago, and trusts it less', () => {
    const list = matchPartners(
      profile(),
      [
        partner({ id: 'unknown', capacity: null, capacityConfirmedAt: null }),
        partner({ id: 'stale', capacityConfirmedAt: daysAgo(45) }),
        partner({ id: 'fresh' }),
      ],
      NOW,
    );
    expect(codes(only(list, 'unknown').concerns)).toEqual(['capacity_unknown']);
    expect(only(list, 'stale').concerns).toContainEqual({
      code: 'capacity_stale',
      params: { since: '2026-10-22', days: 45 },
    });
    expect(list[0]?.partnerId).toBe('fresh');
    expect(only(list, 'stale').score).toBeLessThan(only(list, 'fresh').score);
    // A stale "full" is not believed as hard as a fresh one either.
    const full = matchPartners(
      profile(),
      [
        partner({ id: 'old-full', capacity: 'full', capacityConfirmedAt: daysAgo(90) }),
        partner({ id: 'new-full', capacity: 'full', capacityConfirmedAt: daysAgo(1) }),
      ],
      NOW,
    );
    expect(full.map((m) => m.partnerId)).toEqual(['old-full', 'new-full']);
  });

  it('takes interpretation when no language is shared, and says when neither', () => {
    const list = matchPartners(
      profile({ languages: ['ru'] }),
      [
        partner({ id: 'speaks', languages: ['nl', 'ru'] }),
        partner({ id: 'interpreter', interpretation: true }),
        partner({ id: 'neither' }),
      ],
      NOW,
    );
    expect(list.map((m) => m.partnerId)).toEqual(['speaks', 'interpreter', 'neither']);
    expect(only(list, 'speaks').fits).toContainEqual({
      code: 'speaks',
      params: { languages: ['ru'] },
    });
    expect(only(list, 'interpreter').fits).toContainEqual({
      code: 'interpretation',
      params: { languages: ['ru'] },
    });
    expect(only(list, 'neither').concerns).toContainEqual({
      code: 'no_common_language',
      params: { languages: ['ru'] },
    });
  });

  it('says nothing about language when none is known, and treats an odd code as unspoken', () => {
    const [silent] = matchPartners(profile({ languages: [] }), [partner({ id: 'a' })], NOW);
    expect([...codes(silent!.fits), ...codes(silent!.concerns)]).not.toEqual(
      expect.arrayContaining(['speaks', 'interpretation', 'no_common_language']),
    );
    const [odd] = matchPartners(profile({ languages: [' XX '] }), [partner({ id: 'a' })], NOW);
    expect(odd?.concerns).toContainEqual({
      code: 'no_common_language',
      params: { languages: ['xx'] },
    });
  });

  it('ranks without a place when none is known, and says so', () => {
    const list = matchPartners(
      profile({ place: null }),
      [partner({ id: 'a' }), partner({ id: 'b', location: null })],
      NOW,
    );
    for (const m of list) {
      expect(m.distanceKm).toBeNull();
      expect(codes(m.concerns)).toContain('place_unknown');
      expect(codes(m.fits)).not.toContain('serves_region');
    }
  });

  it('says the distance is unknown for an organisation without a place', () => {
    const [m] = matchPartners(profile(), [partner({ id: 'a', location: null })], NOW);
    expect(m?.distanceKm).toBeNull();
    expect(codes(m!.concerns)).toContain('distance_unknown');
    expect(codes(m!.fits)).toContain('serves_region');
  });

  it('places a person abroad outside every area without calling it out of region', () => {
    const [m] = matchPartners(
      profile({ place: { lat: 44.43, lon: 26.1, municipalityId: null, province: null } }),
      [partner({ id: 'a' })],
      NOW,
    );
    expect(codes(m!.concerns)).toEqual(['far']);
  });

  it('breaks ties by distance, then by name, so the order is stable', () => {
    const list = matchPartners(
      profile({ place: null }),
      [partner({ id: 'b', name: 'Beta' }), partner({ id: 'a', name: 'Alpha' })],
      NOW,
    );
    expect(list.map((m) => m.name)).toEqual(['Alpha', 'Beta']);
  });

  it('returns an empty list for an empty directory', () => {
    expect(matchPartners(profile(), [], NOW)).toEqual([]);
  });
});
