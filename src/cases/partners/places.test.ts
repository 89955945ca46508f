// The directory's places against the real gazetteer: every Dutch municipality has its province
// (and nothing else does), a residence belongs to its municipality's province, a point is given the
// nearest municipality only inside the Netherlands, and a place abroad has coordinates but no region.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../extract/index.js';
import { municipalityProvinces, PROVINCES } from '../domain/partner-regions.js';
import { locationOf, partnerPlaceChecks, placeName, resolvePlace } from './places.js';

describe('the province of each municipality', () => {
  it('covers exactly the gazetteer’s Dutch municipalities, in all twelve provinces', () => {
    const nl = loadGazetteer()
      .gazetteer.places.filter((p) => p.type === 'municipality' && p.country === 'NL')
      .map((p) => p.id)
      .sort();
    const mapped = [...municipalityProvinces().keys()].sort();
    expect(mapped).toEqual(nl);
    expect(nl).toHaveLength(342);
    expect(new Set(municipalityProvinces().values())).toEqual(new Set(PROVINCES));
  });
});

describe('resolvePlace', () => {
  it('gives a municipality its own id and province', () => {
    expect(resolvePlace({ placeId: 'nl:utrecht' })).toMatchObject({
      municipalityId: 'nl:utrecht',
      province: 'Utrecht',
    });
    expect(resolvePlace({ placeId: 'nl:s-gravenhage' })?.province).toBe('Zuid-Holland');
  });

  it('gives a residence its municipality and that municipality’s province', () => {
    expect(resolvePlace({ placeId: 'nl:zaandam' })).toMatchObject({
      lat: 52.4385,
      lon: 4.8264,
      municipalityId: 'nl:zaanstad',
      province: 'Noord-Holland',
    });
  });

  it('gives coordinates in the Netherlands the nearest municipality', () => {
    expect(resolvePlace({ lat: 52.09, lon: 5.12 })).toMatchObject({
      municipalityId: 'nl:utrecht',
      province: 'Utrecht',
    });
  });

  it('leaves a place abroad without municipality or region, but with its coordinates', () => {
    const bucharest = resolvePlace({ placeId: 'ro:bucharest' });
    expect(bucharest).toMatchObject({ municipalityId: null, province: null });
    expect(bucharest?.lat).toBeCloseTo(44.4, 0);
    expect(resolvePlace({ lat: 48.85, lon: 2.35 })).toMatchObject({ municipalityId: null });
  });

  it('is null when no place is known, or the id is not in the gazetteer', () => {
    expect(resolvePlace({})).toBeNull();
    expect(resolvePlace({ placeId: 'nl:atlantis' })).toBeNull();
    expect(resolvePlace({ lat: 52 })).toBeNull();
  });
});

describe('place checks for the directory', () => {
  it('knows places and tells Dutch municipalities from residences and cities abroad', () => {
    expect(partnerPlaceChecks.isPlace('nl:zaandam')).toBe(true);
    expect(partnerPlaceChecks.isPlace('nl:atlantis')).toBe(false);
    expect(partnerPlaceChecks.isMunicipality('nl:zaanstad')).toBe(true);
    expect(partnerPlaceChecks.isMunicipality('nl:zaandam')).toBe(false);
    expect(partnerPlaceChecks.isMunicipality('ro:bucharest')).toBe(false);
    expect(locationOf(null)).toBeNull();
    expect(locationOf('nl:atlantis')).toBeNull();
    expect(placeName('nl:s-gravenhage')).toBe("'s-Gravenhage");
  });
});
