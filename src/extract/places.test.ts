// The gazetteer (validated, complete for Dutch municipalities), place names in text with their
// other names and everyday-word guards, postcodes, and incall/outcall/hotel.
import { describe, expect, it } from 'vitest';
import { extractLocationTypes, extractPlaces, extractPostcodes, loadGazetteer } from './places.js';
import { tokenize } from './text.js';

const places = (text: string, country = 'NL', field: 'body' | 'city' = 'body') =>
  extractPlaces(text, tokenize(text), field, country).map((p) => p.placeId);

describe('gazetteer', () => {
  const { gazetteer } = loadGazetteer();
  it('names its source and date', () => {
    expect(gazetteer.source).toMatch(/CBS/);
    expect(gazetteer.source).toMatch(/GeoNames/);
    expect(gazetteer.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('holds all 342 Dutch municipalities of 2024, inside the Netherlands', () => {
    const municipalities = gazetteer.places.filter((p) => p.type === 'municipality');
    expect(municipalities).toHaveLength(342);
    for (const m of municipalities) {
      expect(m.country).toBe('NL');
      expect(m.lat).toBeGreaterThan(50.7);
      expect(m.lat).toBeLessThan(53.6);
      expect(m.lon).toBeGreaterThan(3.3);
      expect(m.lon).toBeLessThan(7.3);
    }
  });
  it('has the capitals and large cities of the ad languages, with their names in those languages', () => {
    const ids = new Set(gazetteer.places.map((p) => p.id));
    for (const id of [
      'be:brussels',
      'de:berlin',
      'fr:paris',
      'es:madrid',
      'ro:bucharest',
      'pl:warsaw',
      'hu:budapest',
      'bg:sofia',
      'gb:london',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const bucharest = gazetteer.places.find((p) => p.id === 'ro:bucharest');
    expect(bucharest?.alt).toEqual(
      expect.arrayContaining(['București', 'Boekarest', 'Bukarest', 'Букурещ']),
    );
  });
});

describe('places in text', () => {
  it('knows the other names of a place', () => {
    for (const text of ['Den Haag', "'s-Gravenhage", 'The Hague', 'La Haye']) {
      expect(places(`in ${text}`), text).toEqual(['nl:s-gravenhage']);
    }
    expect(places('Regio Den Bosch')).toEqual(['nl:s-hertogenbosch']);
  });
  it('reads residences and districts with their municipality', () => {
    const [zaandam] = extractPlaces('Zaandam', tokenize('Zaandam'), 'body', 'NL');
    expect(zaandam).toMatchObject({ placeType: 'residence', municipality: 'Zaanstad' });
  });
  it('only takes a place name that is also a word when the text says it is a place', () => {
    expect(places('Privé in Best')).toEqual(['nl:best']);
    expect(places('De beste meid, echt de best')).toEqual([]);
    expect(places('Best service in town')).toEqual([]);
    expect(places('Alles goes')).toEqual([]);
    expect(places('dit kan leiden tot')).toEqual([]);
    expect(places('Best', 'NL', 'city')).toEqual(['nl:best']);
  });
  it('prefers the ad country among places sharing a name', () => {
    expect(places('in Bergen', 'NO')).toEqual(['no:bergen']);
    expect(places('in Bergen', 'NL')).toEqual(['nl:bergen-nh']);
  });
  it('reads inflected city names', () => {
    expect(places('w Warszawie', 'PL')).toEqual(['pl:warsaw']);
    expect(places('Budapesten', 'HU')).toEqual(['hu:budapest']);
  });
});

describe('postcodes', () => {
  const codes = (text: string) =>
    extractPostcodes(text, tokenize(text), 'body').map((p) => p.value);
  it('reads full postcodes and keyword areas', () => {
    expect(codes('1012 AB Amsterdam, ook 2511CV')).toEqual(['1012AB', '2511CV']);
    expect(codes('regio pc 3011')).toEqual(['3011']);
  });
  it('skips look-alikes', () => {
    expect(codes('1500 EUR, in 2024 was, maat 36 DD, 1234 SS')).toEqual([]);
  });
});

describe('incall, outcall, hotel', () => {
  const types = (text: string) =>
    extractLocationTypes(text, tokenize(text), 'body').map((f) => f.value);
  it('reads each language', () => {
    expect(types('Privé ontvangst en escort')).toEqual(['incall']);
    expect(types('Haus- und Hotelbesuche')).toEqual(['outcall', 'hotel']);
    expect(types('Je reçois et je me déplace')).toEqual(['incall', 'outcall']);
    expect(types('nálam vagy szállodában')).toEqual(['incall', 'hotel']);
  });
  it('respects a negation', () => {
    expect(types('geen hotel, no outcall')).toEqual([]);
  });
});
