// The extraction contract: zod schemas for the input and for every fact with its evidence. The API,
// the job and `ariadne extract --json` return exactly this shape, so it is defined once, here.
import { z } from 'zod';

/** Where a fact was found: the structured field or free text it came from. */
export const SpanField = z.enum(['title', 'body', 'phone', 'age', 'price', 'city', 'displayName']);
export type SpanField = z.infer<typeof SpanField>;

/** UTF-16 offsets into the original (uncapped, unnormalised) text of the field. */
export const Span = z.object({
  field: SpanField,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof Span>;

/** How a phone number or contact was disguised; the disguise itself is a validated signal. */
export const Obfuscation = z.enum([
  'words',
  'lookalike',
  'spacing',
  'emoji',
  'unicode_digits',
  'split_line',
  'plus_word',
]);
export type Obfuscation = z.infer<typeof Obfuscation>;

export const Evidence = z.enum(['validated', 'practitioner', 'contested']);
export type Evidence = z.infer<typeof Evidence>;

export const IndicatorCategory = z.enum([
  'possible_minor',
  'trust_language',
  'ethnicity',
  'obfuscation',
  'third_party',
  'movement',
  'restricted_movement',
  'always_available',
  'unsafe_services',
  'low_price',
  'multiple_people',
  'language_barrier',
  'recruitment',
  'screening',
  'crude_language',
  // Criminal recruitment (issue 17; shared/design/INDICATORS.md): all practitioner-level.
  'easy_money',
  'account_lending',
  'drug_running',
  'travel_paid',
  'no_questions',
  'targets_young',
  'private_app',
]);
export type IndicatorCategory = z.infer<typeof IndicatorCategory>;

/**
 * The kind of exploitation one sign points to; `any` says nothing about the kind. `sexual_alone`
 * points to sexual exploitation only where no sign points to crime: words that were read on sex
 * ads but are written the same way in a recruitment post ("100% legit", "betrouwbaar", "24/7").
 */
export const SignExploitation = z.enum(['sexual', 'criminal', 'any', 'sexual_alone']);
export type SignExploitation = z.infer<typeof SignExploitation>;

/**
 * Which exploitation each category of sign points to: the one place this is decided, for lexicon
 * entries, derived signs and analysts' custom terms alike (a new category fails to compile until
 * it is placed here). Neutral signs — age, a disguised contact, movement, a language barrier,
 * work-travel-debt recruitment language, paid travel and a move to a private app — occur in both
 * kinds of post and so point to neither (INDICATORS.md: recruitment routes are shared; "dm me"
 * ends sex ads as often as recruitment posts). Trust language is `sexual_alone`: the outcome study
 * that validated it read sex ads only (INDICATORS.md), so in a sex ad it keeps pointing to sexual
 * exploitation (a sex ad whose only sign it is stays `sexual`), but recruiters vouch for
 * themselves in the same words ("100% legit", "betrouwbaar", "discreet"), so beside criminal signs
 * and no other sexual one it says nothing about the kind: such a post is `criminal`, not `both`.
 * Availability at all hours ("24/7", "dag en nacht") is `sexual_alone` for the same reason: the
 * practitioner lists name it for sex ads (INDICATORS.md, Dutch police), where it stays sexual, but
 * a recruiter's "24/7 bereikbaar" or "runners needed 24h" beside criminal signs is about the job.
 */
export const CATEGORY_EXPLOITATION: Record<IndicatorCategory, SignExploitation> = {
  possible_minor: 'any',
  trust_language: 'sexual_alone',
  ethnicity: 'sexual',
  obfuscation: 'any',
  third_party: 'sexual',
  movement: 'any',
  restricted_movement: 'sexual',
  always_available: 'sexual_alone',
  unsafe_services: 'sexual',
  low_price: 'sexual',
  multiple_people: 'sexual',
  language_barrier: 'any',
  recruitment: 'any',
  screening: 'sexual',
  crude_language: 'sexual',
  easy_money: 'criminal',
  account_lending: 'criminal',
  drug_running: 'criminal',
  travel_paid: 'any',
  no_questions: 'criminal',
  targets_young: 'criminal',
  private_app: 'any',
};

/** What a lead's signs point to together. */
export const ExploitationType = z.enum(['sexual', 'criminal', 'both', 'unclear']);
export type ExploitationType = z.infer<typeof ExploitationType>;

export const MessengerPlatform = z.enum([
  'whatsapp',
  'telegram',
  'snapchat',
  'instagram',
  'onlyfans',
  'signal',
  'kik',
  'line',
  'wechat',
  /** X, formerly Twitter. */
  'x',
  'unknown',
]);
export type MessengerPlatform = z.infer<typeof MessengerPlatform>;

const base = {
  /** Normalised value, comparable across ads (E.164, lower-case e-mail, "telegram:anna_x", …). */
  value: z.string(),
  /** The original characters, exactly as written. */
  raw: z.string(),
  span: Span,
  /** Id of the rule that produced the fact, so a result can be explained and re-run. */
  rule: z.string(),
};

export const PhoneFact = z.object({
  kind: z.literal('phone'),
  ...base,
  /** ISO 3166 region of the number (not necessarily of the ad). */
  country: z.string().nullable(),
  numberType: z.string().nullable(),
  /** The text gave the country (+32…, 0049…), overriding the default region. */
  international: z.boolean(),
  obfuscated: z.boolean(),
  obfuscation: z.array(Obfuscation),
  /**
   * A national number with no country at all: written in national form (a trunk 0) where neither
   * the ad nor its source gives a country. `value` is then the digits as written, not E.164, and
   * `regions` the countries Ariadne reads where those digits are a valid personal number. Reported
   * so that it is not lost, but never linked or contacted: whom it reaches depends on the country
   * nobody gave (src/facts stores no identifier for it).
   */
  countryUnknown: z.literal(true).optional(),
  regions: z.array(z.string()).optional(),
});

export const EmailFact = z.object({
  kind: z.literal('email'),
  ...base,
  obfuscated: z.boolean(),
  obfuscation: z.array(Obfuscation),
});

export const UrlFact = z.object({ kind: z.literal('url'), ...base, host: z.string() });

export const MessengerFact = z.object({
  kind: z.literal('messenger'),
  ...base,
  platform: MessengerPlatform,
  /** Handle, group code or E.164 number, normalised for the platform. */
  handle: z.string(),
  phone: z.string().nullable(),
  obfuscated: z.boolean(),
  obfuscation: z.array(Obfuscation),
});

export const AgeFact = z.object({
  kind: z.literal('age'),
  ...base,
  min: z.number().int(),
  max: z.number().int(),
  /** Stated or implied under 18: urgent. */
  minor: z.boolean(),
  /** 18–21. */
  young: z.boolean(),
  form: z.enum(['number', 'words', 'range', 'birth_year', 'field']),
  birthYear: z.number().int().nullable(),
});

export const PriceFact = z.object({
  kind: z.literal('price'),
  ...base,
  amount: z.number(),
  /** ISO 4217. */
  currency: z.string(),
  durationMinutes: z.number().int().nullable(),
  /** `task`: per delivery, ride, parcel or job ("€50 per pakketje", "£40 per drop"). */
  unit: z.enum(['minutes', 'night', 'day', 'weekend', 'task']).nullable(),
});

export const PlaceFact = z.object({
  kind: z.literal('place'),
  ...base,
  placeId: z.string(),
  country: z.string(),
  placeType: z.enum(['municipality', 'residence', 'district', 'city']),
  municipality: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
});

export const PostcodeFact = z.object({
  kind: z.literal('postcode'),
  ...base,
  country: z.string(),
  /** The 4-digit area ("1012"); value holds the full code when letters were given. */
  area: z.string(),
});

export const LocationTypeFact = z.object({
  kind: z.literal('location_type'),
  ...base,
  locationType: z.enum(['incall', 'outcall', 'hotel']),
});

export const LanguageFact = z.object({
  kind: z.literal('language'),
  ...base,
  iso6393: z.string(),
  /** franc's normalised score of the winner over the runner-up, 0–1. */
  confidence: z.number(),
});

export const SpokenLanguageFact = z.object({ kind: z.literal('spoken_language'), ...base });

export const IndicatorFact = z.object({
  kind: z.literal('indicator'),
  ...base,
  code: z.string(),
  category: IndicatorCategory,
  evidence: Evidence,
  weight: z.number(),
  /** Language of the lexicon entry that matched ("derived" for signals computed from other facts). */
  language: z.string(),
  explanation: z.string(),
  source: z.string(),
});

export const Fact = z.discriminatedUnion('kind', [
  PhoneFact,
  EmailFact,
  UrlFact,
  MessengerFact,
  AgeFact,
  PriceFact,
  PlaceFact,
  PostcodeFact,
  LocationTypeFact,
  LanguageFact,
  SpokenLanguageFact,
  IndicatorFact,
]);
export type Fact = z.infer<typeof Fact>;
export type FactKind = Fact['kind'];
export const FactKind = z.enum([
  'phone',
  'email',
  'url',
  'messenger',
  'age',
  'price',
  'place',
  'postcode',
  'location_type',
  'language',
  'spoken_language',
  'indicator',
]);
export type PhoneFact = z.infer<typeof PhoneFact>;
export type EmailFact = z.infer<typeof EmailFact>;
export type UrlFact = z.infer<typeof UrlFact>;
export type MessengerFact = z.infer<typeof MessengerFact>;
export type AgeFact = z.infer<typeof AgeFact>;
export type PriceFact = z.infer<typeof PriceFact>;
export type PlaceFact = z.infer<typeof PlaceFact>;
export type PostcodeFact = z.infer<typeof PostcodeFact>;
export type LocationTypeFact = z.infer<typeof LocationTypeFact>;
export type LanguageFact = z.infer<typeof LanguageFact>;
export type SpokenLanguageFact = z.infer<typeof SpokenLanguageFact>;
export type IndicatorFact = z.infer<typeof IndicatorFact>;

/** A fact that a rule found but the analysts' block-list (or a negation) set aside. */
export const SuppressedFact = z.object({
  fact: Fact,
  /**
   * `legitimate_context`: a weak sign of criminal recruitment in an ad that reads as a real
   * vacancy (a wage per hour in the normal range, a contract, a collective agreement, an address).
   * `warning_context`: a sign of criminal recruitment quoted by a warning or prevention message
   * ("snel geld bestaat niet", "don't become a money mule"), in its sentence or one beside it.
   */
  reason: z.enum(['blocklist', 'negated', 'legitimate_context', 'warning_context']),
  /** The block-list entry, negating word, legitimacy markers or warning that suppressed it. */
  by: z.string(),
});
export type SuppressedFact = z.infer<typeof SuppressedFact>;

export const ExtractionResult = z.object({
  /** Hash of the built-in lexicon, gazetteer, custom terms and block-list that produced this. */
  ruleSetVersion: z.string(),
  /** Some field was longer than the cap and only its start was processed. */
  truncated: z.boolean(),
  truncatedFields: z.array(SpanField),
  /** ISO 639-1 language of the ad (639-3 where there is no 639-1 code), null if undetermined. */
  language: z.string().nullable(),
  facts: z.array(Fact),
  suppressed: z.array(SuppressedFact),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;

/** What extractAll reads. Every member is optional but body; unknown members are ignored. */
export const ExtractInput = z.object({
  title: z.string().optional(),
  body: z.string(),
  fields: z
    .object({
      phone: z.string().optional(),
      age: z.string().optional(),
      price: z.string().optional(),
      city: z.string().optional(),
      displayName: z.string().optional(),
    })
    .optional(),
  /** ISO 3166 alpha-2 of the source: default region for phone numbers and currency. */
  country: z.string().optional(),
  /** When the ad was posted (ISO 8601); turns "born 2006" into an age. Defaults to today. */
  postedAt: z.string().optional(),
});
export type ExtractInput = z.infer<typeof ExtractInput>;
