// The shapes the partner directory's API answers with, and the presenter that turns a stored row
// into one: the serializer keeps only what is named here, and the console's types are generated
// from these schemas (scripts/openapi-types.ts).
import { z } from 'zod';
import { ErrorText, ValidationIssueView } from '../../platform/http/errors.js';
import {
  CONCERN_CODES,
  EXCLUSION_CODES,
  FIT_CODES,
  type PartnerMatch,
} from '../domain/partner-match.js';
import { CAPACITY_STATES, SERVED_GENDERS, RESIDENCE_STATUSES } from '../domain/partner-profile.js';
import { PROVINCES } from '../domain/partner-regions.js';
import { NEEDS, PARTNER_KINDS, REFERRAL_CHANNELS } from '../domain/vocabulary.js';
import { placeName } from './places.js';
import { profileOf, type PartnerRow } from './store.js';

export const PartnerKindView = z.enum(PARTNER_KINDS).meta({ id: 'PartnerKind' });
export const NeedView = z.enum(NEEDS).meta({ id: 'Need' });
export const ProvinceView = z.enum(PROVINCES).meta({ id: 'Province' });
export const GenderView = z.enum(SERVED_GENDERS).meta({ id: 'PartnerGender' });
export const ResidenceStatusView = z.enum(RESIDENCE_STATUSES).meta({ id: 'ResidenceStatus' });
export const CapacityView = z.enum(CAPACITY_STATES).meta({ id: 'PartnerCapacity' });
export const ReferralChannelView = z.enum(REFERRAL_CHANNELS).meta({ id: 'ReferralChannel' });

const PlaceRef = z.object({ id: z.string(), name: z.string() });

export const PartnerView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: PartnerKindView,
    services: z.array(NeedView),
    regions: z.array(ProvinceView),
    municipalities: z.array(PlaceRef),
    place: PlaceRef.nullable(),
    languages: z.array(z.string()),
    interpretation: z.boolean(),
    minAge: z.number().nullable(),
    maxAge: z.number().nullable(),
    genders: z.array(GenderView),
    acceptsMinors: z.boolean(),
    acceptsPregnant: z.boolean(),
    residenceStatuses: z.array(ResidenceStatusView),
    capacity: CapacityView.nullable(),
    capacityConfirmedAt: z.string().nullable(),
    intakeHours: z.string().nullable(),
    referralChannel: ReferralChannelView,
    secureLinkContact: z.string().nullable(),
    accountOrgId: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Partner' });
export type PartnerView = z.infer<typeof PartnerView>;

const ref = (id: string) => ({ id, name: placeName(id) ?? id });

export function presentPartner(row: PartnerRow): PartnerView {
  const p = profileOf(row);
  return {
    ...p,
    id: row.id,
    municipalities: p.municipalities.map(ref),
    place: p.placeId ? ref(p.placeId) : null,
    accountOrgId: row.accountOrgId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const MatchReasonView = z
  .object({
    code: z.enum([...FIT_CODES, ...CONCERN_CODES, ...EXCLUSION_CODES]),
    params: z.object({
      services: z.array(NeedView).optional(),
      needs: z.array(NeedView).optional(),
      place: z.string().optional(),
      region: ProvinceView.optional(),
      km: z.number().optional(),
      languages: z.array(z.string()).optional(),
      since: z.string().optional(),
      days: z.number().optional(),
      age: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      gender: GenderView.optional(),
      status: ResidenceStatusView.optional(),
    }),
  })
  .meta({ id: 'PartnerMatchReason' });

export const PartnerMatchView = z
  .object({
    partnerId: z.string(),
    name: z.string(),
    kind: PartnerKindView,
    referralChannel: ReferralChannelView,
    excluded: z.boolean(),
    score: z.number(),
    distanceKm: z.number().nullable(),
    fits: z.array(MatchReasonView),
    concerns: z.array(MatchReasonView),
    exclusions: z.array(MatchReasonView),
  })
  .meta({ id: 'PartnerMatch' });

/** A place id in a reason is shown by its name too ("serves Utrecht"). */
export function presentMatch(m: PartnerMatch): z.infer<typeof PartnerMatchView> {
  const named = (reasons: PartnerMatch['fits']) =>
    reasons.map((r) =>
      r.params.place
        ? { ...r, params: { ...r.params, place: placeName(r.params.place) ?? r.params.place } }
        : r,
    );
  return {
    ...m,
    fits: named(m.fits),
    concerns: named(m.concerns),
    exclusions: named(m.exclusions),
  };
}

/** A bad row: English for API clients, and a key (`text`) or the failed check (`issue`). */
export const CsvRowErrorView = z
  .object({
    line: z.number(),
    column: z.string().nullable(),
    message: z.string(),
    text: ErrorText.optional(),
    issue: ValidationIssueView.optional(),
  })
  .meta({ id: 'CsvRowError' });

/** A refused import: every problem found, nothing written. */
export const ImportRefusal = z.object({
  error: z.object({
    code: z.literal('import_refused'),
    message: z.string(),
    text: ErrorText,
    rows: z.array(CsvRowErrorView),
  }),
});
