// The partner directory's table: the care organisations a case can be referred to, with what they
// offer, whom they take, where, and how a referral reaches them. Organisational data, not personal
// data: nothing here is encrypted, and reading it is not audited (changing it is). An organisation
// with an account in Ariadne links to the platform's partner_orgs row its users belong to.
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { partnerOrgs } from '../../platform/auth/schema.js';
import {
  CAPACITY_STATES,
  type ServedGender,
  type ResidenceStatus,
} from '../domain/partner-profile.js';
import type { Province } from '../domain/partner-regions.js';
import { PARTNER_KINDS, REFERRAL_CHANNELS, type Need } from '../domain/vocabulary.js';

export const partnerOrganisations = pgTable(
  'partner_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
    services: text('services').array().$type<Need[]>().notNull(),
    /** Gazetteer place ids of the municipalities served ("nl:utrecht"). */
    municipalities: text('municipalities').array().notNull().default([]),
    /** Provinces served as a whole. */
    regions: text('regions').array().$type<Province[]>().notNull().default([]),
    /** Where the organisation is: a gazetteer place id (coordinates come from the gazetteer). */
    placeId: text('place_id'),
    languages: text('languages').array().notNull().default([]),
    interpretation: boolean('interpretation').notNull().default(false),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    genders: text('genders').array().$type<ServedGender[]>().notNull(),
    acceptsMinors: boolean('accepts_minors').notNull().default(false),
    acceptsPregnant: boolean('accepts_pregnant').notNull().default(true),
    residenceStatuses: text('residence_statuses').array().$type<ResidenceStatus[]>().notNull(),
    capacity: text('capacity', { enum: CAPACITY_STATES }),
    capacityConfirmedAt: timestamp('capacity_confirmed_at', { withTimezone: true }),
    intakeHours: text('intake_hours'),
    referralChannel: text('referral_channel', { enum: REFERRAL_CHANNELS }).notNull(),
    /** An organisational e-mail or phone for a secure link's code (the second channel). */
    secureLinkContact: text('secure_link_contact'),
    /** The platform's partner organisation whose users act for this entry (role partner). */
    accountOrgId: uuid('account_org_id').references(() => partnerOrgs.id, {
      onDelete: 'set null',
    }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One entry per organisation: import matches rows by name, whatever its case.
    uniqueIndex('partner_organisations_name_idx').on(sql`lower(${t.name})`),
    // An organisation account acts for one entry: its partner users see that entry, no other.
    uniqueIndex('partner_organisations_account_idx')
      .on(t.accountOrgId)
      .where(sql`${t.accountOrgId} IS NOT NULL`),
  ],
);
