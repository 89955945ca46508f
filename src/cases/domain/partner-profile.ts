// What the directory knows about one partner organisation, as one zod schema: the edit form, the
// API, the CSV import and the synthetic directory all pass through it, so a rule (a minimum age
// above the maximum, a secure link without a second channel) is refused the same way everywhere.
// Organisational data only: nothing here is about a person.
import { z } from 'zod';
import { NEEDS, PARTNER_KINDS, REFERRAL_CHANNELS } from './vocabulary.js';
import { PROVINCES } from './partner-regions.js';

/** Who an organisation takes in, by gender (a case's person is described with the same words). */
export const SERVED_GENDERS = ['women', 'men', 'trans', 'non_binary'] as const;
export type ServedGender = (typeof SERVED_GENDERS)[number];

/** Residence statuses an organisation accepts; `any` means it does not ask. */
export const RESIDENCE_STATUSES = [
  'any',
  'eu_citizen',
  'residence_permit',
  'asylum_seeker',
  'undocumented',
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/** Whether an organisation can take someone now; unknown until someone confirms it. */
export const CAPACITY_STATES = ['open', 'waiting_list', 'full'] as const;
export type CapacityState = (typeof CAPACITY_STATES)[number];

// ISO 639-1: two letters is not enough ("xx" is no language), so the list itself is the check.
// prettier-ignore
const ISO_639_1 = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da ' +
  'de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy ' +
  'hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg ' +
  'li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or ' +
  'os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta ' +
  'te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

export function isLanguageCode(code: string): boolean {
  return ISO_639_1.has(code);
}

export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isLanguageCode, { message: 'is not an ISO 639-1 language code (e.g. nl, en, ro)' });

/** A gazetteer place id ("nl:utrecht"); whether it exists is checked where the gazetteer is. */
export const PlaceId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}:[a-z0-9-]+$/, 'is not a place id (e.g. nl:utrecht)');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{6,20}$/;

/** An organisational e-mail address or phone number for the code of a secure link. */
export const SecureLinkContact = z
  .string()
  .trim()
  .max(200)
  .refine((v) => EMAIL.test(v) || PHONE.test(v), {
    message: 'must be an e-mail address or a phone number',
  });

function uniqueList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)] as z.output<T>[]);
}

/**
 * Runs a rule between fields only when the fields it reads are valid on their own (another rule
 * between fields flagging one of them does not stop it).
 */
function whenValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some((i) => i.code !== 'custom' && fields.includes(String(i.path?.[0]))),
  };
}

export const PartnerProfile = z
  .object({
    // A name begins with a letter or digit: nothing a spreadsheet would take for a formula.
    name: z
      .string()
      .trim()
      .min(2, 'is too short')
      .max(200)
      .regex(/^[\p{L}\p{N}]/u, 'must begin with a letter or digit'),
    kind: z.enum(PARTNER_KINDS),
    services: uniqueList(z.enum(NEEDS), NEEDS.length).refine((s) => s.length > 0, {
      message: 'name at least one service',
    }),
    /** Municipalities served, as gazetteer place ids. */
    municipalities: uniqueList(PlaceId, 400).default([]),
    /** Provinces served as a whole. */
    regions: uniqueList(z.enum(PROVINCES), PROVINCES.length).default([]),
    /** Where the organisation is (its intake address's municipality or residence). */
    placeId: PlaceId.nullable().default(null),
    languages: uniqueList(LanguageCode, 60).default([]),
    interpretation: z.boolean().default(false),
    minAge: z.int().min(0).max(120).nullable().default(null),
    maxAge: z.int().min(0).max(120).nullable().default(null),
    genders: uniqueList(z.enum(SERVED_GENDERS), SERVED_GENDERS.length)
      .refine((g) => g.length > 0, { message: 'name at least one' })
      .default([...SERVED_GENDERS]),
    acceptsMinors: z.boolean().default(false),
    acceptsPregnant: z.boolean().default(true),
    residenceStatuses: uniqueList(z.enum(RESIDENCE_STATUSES), RESIDENCE_STATUSES.length)
      .refine((r) => r.length > 0, { message: 'name at least one' })
      .default(['any']),
    /** null: nobody has said yet. */
    capacity: z.enum(CAPACITY_STATES).nullable().default(null),
    capacityConfirmedAt: z.iso.datetime({ offset: true }).nullable().default(null),
    intakeHours: z.string().trim().max(500).nullable().default(null),
    referralChannel: z.enum(REFERRAL_CHANNELS),
    secureLinkContact: SecureLinkContact.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  // Rules between fields run even when another field is wrong (an import then reports every
  // problem of a row at once), but only once the fields they read are themselves valid.
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, {
    path: ['maxAge'],
    error: (issue) =>
      `is below the minimum age (${String((issue.input as { minAge?: unknown }).minAge)})`,
    ...whenValid('minAge', 'maxAge'),
  })
  .refine((p) => p.regions.length > 0 || p.municipalities.length > 0, {
    path: ['regions'],
    message: 'name at least one region or municipality served',
    ...whenValid('regions', 'municipalities'),
  })
  .refine((p) => p.referralChannel !== 'secure_link' || p.secureLinkContact !== null, {
    path: ['secureLinkContact'],
    message: 'a secure link needs an e-mail address or phone number for its code',
    ...whenValid('referralChannel', 'secureLinkContact'),
  })
  .refine((p) => p.capacity === null || p.capacityConfirmedAt !== null, {
    path: ['capacityConfirmedAt'],
    message: 'say when the capacity was last confirmed',
    ...whenValid('capacity', 'capacityConfirmedAt'),
  })
  .refine((p) => p.maxAge === null || p.maxAge >= 18 || p.acceptsMinors, {
    path: ['acceptsMinors'],
    message: 'an organisation for people under 18 accepts minors',
    ...whenValid('maxAge', 'acceptsMinors'),
  });
export type PartnerProfile = z.output<typeof PartnerProfile>;
export type PartnerProfileInput = z.input<typeof PartnerProfile>;
