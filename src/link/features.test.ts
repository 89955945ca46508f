import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { displayNameKey } from '../collect/ad-text.js';
import { computeFeatures, movementOf } from './features.js';
import type { LinkedAd } from './types.js';

const day = (d: number) => new Date(Date.UTC(2026, 10, 1 + d, 12));
const place = (placeId: string, from: number, to: number) => ({
  placeId,
  name: placeId.split(':')[1] ?? placeId,
  country: 'NL',
  lat: 52,
  lon: 5,
  from: day(from),
  to: day(to),
});

function ad(id: string, over: Partial<LinkedAd> = {}): LinkedAd {
  return {
    adId: id,
    sourceId: 's',
    status: 'active',
    firstSeenAt: day(0),
    lastSeenAt: day(1),
    displayNameKey: null,
    statedAges: [],
    language: 'nl',
    spokenLanguages: [],
    places: [],
    keys: [],
    obfuscatedContacts: 0,
    templateId: null,
    ...over,
  };
}

// Names reach linking as keyed hashes, normalised as people write them ("Anna" = "ANNA ").
const pepper = randomBytes(32);
const name = (n: string) => displayNameKey(pepper, n);

const none = { templateAds: 0, templateEntities: 0, sharedImages: 0, imageEntities: 0 };

describe('entity features', () => {
  it('counts names per number, ages, cities now and over time', () => {
    const ads = [
      ad('1', {
        displayNameKey: name('Anna'),
        statedAges: [19],
        keys: [{ kind: 'phone', hash: 'p1' }],
        places: [place('nl:utrecht', 0, 3)],
      }),
      ad('2', {
        displayNameKey: name('ANNA '),
        statedAges: [19],
        keys: [{ kind: 'phone', hash: 'p1' }],
        places: [place('nl:amsterdam', 20, 25)],
        lastSeenAt: day(25),
        obfuscatedContacts: 1,
      }),
      ad('3', {
        displayNameKey: name('Bella'),
        statedAges: [22],
        status: 'gone',
        keys: [
          { kind: 'phone', hash: 'p1' },
          { kind: 'phone', hash: 'p2' },
        ],
        places: [place('nl:rotterdam', 22, 24), place('nl:amsterdam', 22, 24)],
        firstSeenAt: day(21),
        lastSeenAt: day(24),
        spokenLanguages: ['en'],
      }),
    ];
    const f = computeFeatures(ads, none, day(26));
    expect(f).toMatchObject({
      ads: 3,
      activeAds: 2,
      displayNames: 2,
      statedAges: [19, 22],
      cities: 3,
      cities14d: 2,
      phones: 2,
      namesPerNumber: 2,
      languages: ['en', 'nl'],
      obfuscatedContacts: 1,
    });
    expect(f.postingRatePerWeek).toBeCloseTo(3 / (25 / 7), 1);
  });
  it('gives a movement timeline with first and last sighting per place, in order', () => {
    const stops = movementOf([
      ad('1', { places: [place('nl:utrecht', 0, 3), place('nl:amsterdam', 5, 9)] }),
      ad('2', { places: [place('nl:utrecht', 4, 6)] }),
    ]);
    expect(stops.map((s) => [s.placeId, s.ads])).toEqual([
      ['nl:utrecht', 2],
      ['nl:amsterdam', 1],
    ]);
    expect(stops[0]?.lastSeen).toBe(day(6).toISOString());
  });
  it('is deterministic whatever the order of ads', () => {
    const ads = [
      ad('1', { places: [place('nl:b', 1, 2)] }),
      ad('2', { places: [place('nl:a', 1, 2)] }),
    ];
    expect(movementOf(ads)).toEqual(movementOf([...ads].reverse()));
    expect(computeFeatures(ads, none, day(3))).toEqual(
      computeFeatures([...ads].reverse(), none, day(3)),
    );
  });
});
