// Shapes shared by linking and scoring: what linking knows about an ad, and the features it
// computes per entity. Plain data, so the score context can be tested without a database.

/** Kinds of key that join ads: phones, e-mails and messenger handles from extraction; pictures by
 * perceptual hash (whole, and in four 16-bit bands that find near-identical pictures). */
export const LINK_KEY_KINDS = ['phone', 'email', 'messenger', 'image', 'image_band'] as const;
export type LinkKeyKind = (typeof LINK_KEY_KINDS)[number];

/** A place an ad names, with when the ad (version) said so. */
export interface AdPlaceSighting {
  placeId: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  from: Date;
  to: Date;
}

/** Everything entity features need to know of one ad (its current version, plus its places). */
export interface LinkedAd {
  adId: string;
  sourceId: string;
  status: 'active' | 'gone';
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Keyed hash of the normalised display name (equal names, equal keys); linking never reads names. */
  displayNameKey: string | null;
  /** Ages stated in the ad (age facts; the lowest of a range). */
  statedAges: number[];
  language: string | null;
  spokenLanguages: string[];
  places: AdPlaceSighting[];
  /** Keyed hashes of the ad's keys, by kind. */
  keys: { kind: LinkKeyKind; hash: string }[];
  /** Number of contacts (phones, e-mails, messengers) written in disguise. */
  obfuscatedContacts: number;
  templateId: string | null;
}

/** One stop of an entity's movement: a place and the first and last time ads placed it there. */
export interface MovementStop {
  placeId: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  firstSeen: string;
  lastSeen: string;
  ads: number;
}

/** Features per entity, each a plain number or list so a score reason can quote it. */
export interface EntityFeatures {
  ads: number;
  activeAds: number;
  displayNames: number;
  statedAges: number[];
  cities: number;
  cities14d: number;
  /** Ads first seen per week over the entity's life (at least one week). */
  postingRatePerWeek: number;
  phones: number;
  /** Largest number of distinct display names posted with one phone number. */
  namesPerNumber: number;
  /** Ads of this entity whose text template is shared with other entities. */
  templateAds: number;
  /** Most other entities sharing one of this entity's templates. */
  templateEntities: number;
  languages: string[];
  /** Pictures of this entity that also appear in other entities' ads. */
  sharedImages: number;
  /** Other entities with which it shares a picture. */
  imageEntities: number;
  obfuscatedContacts: number;
  firstSeen: string;
  lastSeen: string;
}
