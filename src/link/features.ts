// Features of an entity and its movement, computed from its ads alone (plus a few counts the store
// looks up across entities). Pure, so the same numbers come out of the incremental path, the full
// rebuild and the tests.
import type { AdPlaceSighting, EntityFeatures, LinkedAd, MovementStop } from './types.js';

const DAY = 86_400_000;

export interface CrossEntityCounts {
  /** Ads of this entity whose template other entities also use. */
  templateAds: number;
  /** Most other entities sharing one of this entity's templates. */
  templateEntities: number;
  sharedImages: number;
  imageEntities: number;
}

/** First and last sighting per place, in the order the places were first seen. */
export function movementOf(ads: LinkedAd[]): MovementStop[] {
  const stops = new Map<string, MovementStop & { adIds: Set<string> }>();
  for (const ad of ads) {
    for (const s of ad.places) {
      const stop = stops.get(s.placeId);
      if (!stop) {
        stops.set(s.placeId, {
          placeId: s.placeId,
          name: s.name,
          country: s.country,
          lat: s.lat,
          lon: s.lon,
          firstSeen: s.from.toISOString(),
          lastSeen: s.to.toISOString(),
          ads: 0,
          adIds: new Set([ad.adId]),
        });
        continue;
      }
      if (s.from.toISOString() < stop.firstSeen) stop.firstSeen = s.from.toISOString();
      if (s.to.toISOString() > stop.lastSeen) stop.lastSeen = s.to.toISOString();
      stop.adIds.add(ad.adId);
    }
  }
  return [...stops.values()]
    .map(({ adIds, ...stop }) => ({ ...stop, ads: adIds.size }))
    .sort((a, b) =>
      a.firstSeen === b.firstSeen
        ? a.placeId.localeCompare(b.placeId)
        : a.firstSeen.localeCompare(b.firstSeen),
    );
}

export function computeFeatures(
  ads: LinkedAd[],
  cross: CrossEntityCounts,
  now: Date,
): EntityFeatures {
  const names = new Set<string>();
  const ages = new Set<number>();
  const languages = new Set<string>();
  const phones = new Map<string, Set<string>>();
  let first = Infinity;
  let last = -Infinity;
  let active = 0;
  let obfuscated = 0;
  const sightings: AdPlaceSighting[] = [];
  for (const ad of ads) {
    if (ad.status === 'active') active++;
    if (ad.displayNameKey) names.add(ad.displayNameKey);
    for (const a of ad.statedAges) ages.add(a);
    if (ad.language) languages.add(ad.language);
    for (const l of ad.spokenLanguages) languages.add(l);
    first = Math.min(first, ad.firstSeenAt.getTime());
    last = Math.max(last, ad.lastSeenAt.getTime());
    obfuscated += ad.obfuscatedContacts;
    sightings.push(...ad.places);
    for (const k of ad.keys) {
      if (k.kind !== 'phone') continue;
      const set = phones.get(k.hash) ?? new Set<string>();
      if (ad.displayNameKey) set.add(ad.displayNameKey);
      phones.set(k.hash, set);
    }
  }
  if (!Number.isFinite(first)) first = last = now.getTime();
  const recent = now.getTime() - 14 * DAY;
  const weeks = Math.max(1, (last - first) / (7 * DAY));
  return {
    ads: ads.length,
    activeAds: active,
    displayNames: names.size,
    statedAges: [...ages].sort((a, b) => a - b),
    cities: new Set(sightings.map((s) => s.placeId)).size,
    cities14d: new Set(sightings.filter((s) => s.to.getTime() >= recent).map((s) => s.placeId))
      .size,
    postingRatePerWeek: Math.round((ads.length / weeks) * 100) / 100,
    phones: phones.size,
    namesPerNumber: Math.max(0, ...[...phones.values()].map((s) => s.size)),
    templateAds: cross.templateAds,
    templateEntities: cross.templateEntities,
    languages: [...languages].sort(),
    sharedImages: cross.sharedImages,
    imageEntities: cross.imageEntities,
    obfuscatedContacts: obfuscated,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
  };
}
