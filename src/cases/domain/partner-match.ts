// Which partner organisations fit a case, best first, and why: for a case's needs, place, languages
// and circumstances, each organisation gets the reasons it fits ("offers shelter, legal", "serves
// your region", "32 km", "speaks ru") and the reasons it does not ("full since 3 Dec", "no
// minors"), as codes with parameters so the console can say them in the worker's language. An
// organisation that cannot take the person at all (age out of range, no minors, none of the needed
// services, ...) is still listed, below every other, with the reason: a worker should see why the
// shelter they expected is missing rather than wonder. Pure: the caller resolves places to
// coordinates and provinces and passes "now".
import { isMinor } from './case-facts.js';
import { distanceKm, type LatLon } from './partner-distance.js';
import type { CapacityState, ServedGender, ResidenceStatus } from './partner-profile.js';
import type { Province } from './partner-regions.js';
import type { Need, PartnerKind, ReferralChannel } from './vocabulary.js';

/** What matching knows about the person: all of it optional but the needs. */
export interface CaseProfile {
  needs: readonly Need[];
  /** Where the person is, resolved from the gazetteer; null when no place is known. */
  place: (LatLon & { municipalityId: string | null; province: Province | null }) | null;
  /** ISO 639-1 codes of the languages the person speaks. */
  languages: readonly string[];
  age: number | null;
  gender: ServedGender | null;
  /** Said to be under 18 when the exact age is not known (an age decides on its own). */
  minor: boolean | null;
  pregnant: boolean | null;
  residenceStatus: Exclude<ResidenceStatus, 'any'> | null;
}

/** What matching reads of an organisation (its place resolved to coordinates). */
export interface MatchCandidate {
  id: string;
  name: string;
  kind: PartnerKind;
  services: readonly Need[];
  municipalities: readonly string[];
  regions: readonly Province[];
  location: LatLon | null;
  languages: readonly string[];
  interpretation: boolean;
  minAge: number | null;
  maxAge: number | null;
  genders: readonly ServedGender[];
  acceptsMinors: boolean;
  acceptsPregnant: boolean;
  residenceStatuses: readonly ResidenceStatus[];
  capacity: CapacityState | null;
  capacityConfirmedAt: Date | null;
  referralChannel: ReferralChannel;
}

export const FIT_CODES = [
  'offers',
  'serves_municipality',
  'serves_region',
  'near',
  'speaks',
  'interpretation',
  'capacity_open',
] as const;
export const CONCERN_CODES = [
  'missing_services',
  'outside_area',
  'far',
  'distance_unknown',
  'place_unknown',
  'no_common_language',
  'waiting_list',
  'full',
  'capacity_unknown',
  'capacity_stale',
] as const;
export const EXCLUSION_CODES = [
  'no_services',
  'age_out_of_range',
  'no_minors',
  'gender_not_served',
  'no_pregnancy',
  'residence_status_not_accepted',
] as const;
export type MatchReasonCode =
  (typeof FIT_CODES)[number] | (typeof CONCERN_CODES)[number] | (typeof EXCLUSION_CODES)[number];

/** What a reason says beside its code; each code uses a few of these. */
export interface ReasonParams {
  services?: Need[];
  needs?: Need[];
  /** A municipality's place id. */
  place?: string;
  region?: Province;
  km?: number;
  languages?: string[];
  /** The day (YYYY-MM-DD) a capacity was confirmed. */
  since?: string;
  days?: number;
  age?: number;
  min?: number;
  max?: number;
  gender?: ServedGender;
  status?: ResidenceStatus;
}
export interface MatchReason {
  code: MatchReasonCode;
  params: ReasonParams;
}

export interface PartnerMatch {
  partnerId: string;
  name: string;
  kind: PartnerKind;
  referralChannel: ReferralChannel;
  /** Cannot take the person: listed after every other, with `exclusions` saying why. */
  excluded: boolean;
  /** Higher is better; only the order means something. */
  score: number;
  distanceKm: number | null;
  fits: MatchReason[];
  concerns: MatchReason[];
  exclusions: MatchReason[];
}

export interface MatchOptions {
  /** A capacity confirmed longer ago than this is shown as stale and counts for less. */
  staleAfterDays?: number;
  /** Up to this distance an organisation is "near"; beyond farKm it is "far". */
  nearKm?: number;
  farKm?: number;
}

const DAY_MS = 86_400_000;
const reason = (code: MatchReasonCode, params: ReasonParams = {}): MatchReason => ({
  code,
  params,
});
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function eligibility(profile: CaseProfile, p: MatchCandidate): MatchReason[] {
  const out: MatchReason[] = [];
  if (profile.needs.length > 0 && !profile.needs.some((n) => p.services.includes(n))) {
    out.push(reason('no_services', { needs: [...profile.needs] }));
  }
  const minor = isMinor(profile);
  if (minor && !p.acceptsMinors) out.push(reason('no_minors'));
  const age = profile.age;
  if (age !== null) {
    const below = p.minAge !== null && age < p.minAge;
    const above = p.maxAge !== null && age > p.maxAge;
    // "No minors" already says why a 16-year-old cannot go to an 18+ shelter.
    if (above || (below && !(minor && !p.acceptsMinors))) {
      out.push(
        reason('age_out_of_range', {
          age,
          ...(p.minAge !== null ? { min: p.minAge } : {}),
          ...(p.maxAge !== null ? { max: p.maxAge } : {}),
        }),
      );
    }
  }
  if (profile.gender !== null && !p.genders.includes(profile.gender)) {
    out.push(reason('gender_not_served', { gender: profile.gender }));
  }
  if (profile.pregnant === true && !p.acceptsPregnant) out.push(reason('no_pregnancy'));
  const status = profile.residenceStatus;
  if (
    status !== null &&
    !p.residenceStatuses.includes('any') &&
    !p.residenceStatuses.includes(status)
  ) {
    out.push(reason('residence_status_not_accepted', { status }));
  }
  return out;
}

/** Ranks every candidate for the profile; the caller filters out inactive organisations. */
export function matchPartners(
  profile: CaseProfile,
  partners: readonly MatchCandidate[],
  now: Date,
  options: MatchOptions = {},
): PartnerMatch[] {
  const staleAfterDays = options.staleAfterDays ?? 30;
  const nearKm = options.nearKm ?? 50;
  const farKm = options.farKm ?? 100;
  const languages = [...new Set(profile.languages.map((l) => l.trim().toLowerCase()))];

  const matches = partners.map((p): PartnerMatch => {
    const fits: MatchReason[] = [];
    const concerns: MatchReason[] = [];
    let score = 0;

    // Services: the share of the needs the organisation meets.
    const offered = profile.needs.filter((n) => p.services.includes(n));
    const missing = profile.needs.filter((n) => !p.services.includes(n));
    if (offered.length > 0) {
      fits.push(reason('offers', { services: offered }));
      score += (40 * offered.length) / profile.needs.length;
      if (missing.length > 0) concerns.push(reason('missing_services', { services: missing }));
    }

    // Area and distance.
    let km: number | null = null;
    if (profile.place === null) {
      concerns.push(reason('place_unknown'));
    } else {
      const { municipalityId, province } = profile.place;
      if (municipalityId !== null && p.municipalities.includes(municipalityId)) {
        fits.push(reason('serves_municipality', { place: municipalityId }));
        score += 20;
      } else if (province !== null && p.regions.includes(province)) {
        fits.push(reason('serves_region', { region: province }));
        score += 15;
      } else if (province !== null || municipalityId !== null) {
        // Regional services mostly take people from their own region: a strong hint, not a bar
        // (moving away from where someone was exploited can be the point).
        concerns.push(reason('outside_area'));
        score -= 20;
      }
      if (p.location === null) {
        concerns.push(reason('distance_unknown'));
      } else {
        km = Math.round(distanceKm(profile.place, p.location));
        score += 15 * Math.max(0, 1 - km / 150);
        if (km <= nearKm) fits.push(reason('near', { km }));
        else if (km > farKm) concerns.push(reason('far', { km }));
      }
    }

    // Language: one shared, or interpretation, or neither (unknown languages say nothing).
    if (languages.length > 0) {
      const common = languages.filter((l) => p.languages.includes(l));
      if (common.length > 0) {
        fits.push(reason('speaks', { languages: common }));
        score += 10;
      } else if (p.interpretation) {
        fits.push(reason('interpretation', { languages }));
        score += 5;
      } else {
        concerns.push(reason('no_common_language', { languages }));
        score -= 10;
      }
    }

    // Capacity, and how recent the word on it is.
    if (p.capacity === null || p.capacityConfirmedAt === null) {
      concerns.push(reason('capacity_unknown'));
    } else {
      const since = isoDay(p.capacityConfirmedAt);
      const days = Math.floor((now.getTime() - p.capacityConfirmedAt.getTime()) / DAY_MS);
      const stale = days > staleAfterDays;
      const weight = stale ? 0.4 : 1;
      if (p.capacity === 'open') {
        fits.push(reason('capacity_open', { since }));
        score += 10 * weight;
      } else if (p.capacity === 'waiting_list') {
        concerns.push(reason('waiting_list', { since }));
      } else {
        concerns.push(reason('full', { since }));
        score -= 25 * weight;
      }
      if (stale) concerns.push(reason('capacity_stale', { since, days }));
    }

    const exclusions = eligibility(profile, p);
    return {
      partnerId: p.id,
      name: p.name,
      kind: p.kind,
      referralChannel: p.referralChannel,
      excluded: exclusions.length > 0,
      score: Math.round(score * 10) / 10,
      distanceKm: km,
      fits,
      concerns,
      exclusions,
    };
  });

  return matches.sort(
    (a, b) =>
      Number(a.excluded) - Number(b.excluded) ||
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.name.localeCompare(b.name, 'nl'),
  );
}
