// Places for the directory and for matching, from the gazetteer Ariadne already has (extract's):
// whether a place id exists, whether it is a Dutch municipality, its coordinates, and the
// municipality and province a place lies in. A residence ("Hoog Catharijne") belongs to its
// municipality; a point without a place id is given the nearest municipality when it is in the
// Netherlands, so a case recorded as coordinates still finds the organisations of its region.
import { loadGazetteer, type GazetteerPlace } from '../../extract/index.js';
import { distanceKm, type LatLon } from '../domain/partner-distance.js';
import { provinceOfMunicipality } from '../domain/partner-regions.js';
import type { CaseProfile } from '../domain/partner-match.js';
import type { PlaceChecks } from '../domain/partner-csv.js';

interface PlaceIndex {
  byId: Map<string, GazetteerPlace>;
  municipalityByName: Map<string, GazetteerPlace>;
  municipalities: GazetteerPlace[];
}

let index: PlaceIndex | undefined;

function places(): PlaceIndex {
  if (index) return index;
  const all = loadGazetteer().gazetteer.places;
  const municipalities = all.filter((p) => p.type === 'municipality' && p.country === 'NL');
  index = {
    byId: new Map(all.map((p) => [p.id, p])),
    municipalityByName: new Map(municipalities.map((m) => [m.name, m])),
    municipalities,
  };
  return index;
}

export function placeById(id: string): GazetteerPlace | undefined {
  return places().byId.get(id);
}

export const partnerPlaceChecks: PlaceChecks = {
  isPlace: (id) => places().byId.has(id),
  isMunicipality: (id) => {
    const p = places().byId.get(id);
    return p?.type === 'municipality' && p.country === 'NL';
  },
};

/** A point farther than this from every municipality's centre is not in the Netherlands. */
const NEAREST_MUNICIPALITY_MAX_KM = 25;

function nearestMunicipality(point: LatLon): GazetteerPlace | null {
  let best: GazetteerPlace | null = null;
  let bestKm = Infinity;
  for (const m of places().municipalities) {
    const km = distanceKm(point, m);
    if (km < bestKm) {
      best = m;
      bestKm = km;
    }
  }
  return bestKm <= NEAREST_MUNICIPALITY_MAX_KM ? best : null;
}

function municipalityOf(place: GazetteerPlace): GazetteerPlace | null {
  if (place.country !== 'NL') return null;
  if (place.type === 'municipality') return place;
  return place.municipality ? (places().municipalityByName.get(place.municipality) ?? null) : null;
}

export type ResolvedPlace = NonNullable<CaseProfile['place']>;

/** A known place id, or coordinates, as matching needs them; null when neither is known. */
export function resolvePlace(input: {
  placeId?: string | null;
  lat?: number | null;
  lon?: number | null;
}): ResolvedPlace | null {
  if (input.placeId) {
    const place = placeById(input.placeId);
    if (!place) return null;
    const municipality = municipalityOf(place);
    return {
      lat: place.lat,
      lon: place.lon,
      municipalityId: municipality?.id ?? null,
      province: municipality ? provinceOfMunicipality(municipality.id) : null,
    };
  }
  if (typeof input.lat === 'number' && typeof input.lon === 'number') {
    const point = { lat: input.lat, lon: input.lon };
    const municipality = nearestMunicipality(point);
    return {
      ...point,
      municipalityId: municipality?.id ?? null,
      province: municipality ? provinceOfMunicipality(municipality.id) : null,
    };
  }
  return null;
}

/** Coordinates of an organisation's place id (null when it has none or it is unknown). */
export function locationOf(placeId: string | null): LatLon | null {
  if (!placeId) return null;
  const place = placeById(placeId);
  return place ? { lat: place.lat, lon: place.lon } : null;
}

/** The name a place is shown by ("nl:s-gravenhage" → "'s-Gravenhage"). */
export function placeName(id: string): string | null {
  return placeById(id)?.name ?? null;
}
