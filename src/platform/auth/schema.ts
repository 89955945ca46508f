// Tables for operator accounts: users, their partner organisation, recovery codes and
// server-side sessions. Secrets (TOTP seeds) are stored encrypted; tokens only as HMACs.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES } from './roles.js';

export { ROLES, type Role } from './roles.js';
export const roleEnum = pgEnum('user_role', ROLES);

export const LANGUAGES = ['en', 'nl'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

export const partnerOrgs = pgTable('partner_orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull(),
    partnerOrgId: uuid('partner_org_id').references(() => partnerOrgs.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnrolled: boolean('totp_enrolled').notNull().default(false),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    language: text('language').notNull().default('en'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/**
 * Sign-in attempts per account and client address (an IPv4 address or an IPv6 /64): failures since
 * the last success there, the pause they earned, and when the address last completed a sign-in
 * (which makes it one of the owner's usual addresses). Failures are counted per address so that
 * someone guessing elsewhere cannot lock the owner out; see lockout.ts for the rule.
 */
export const signInAddresses = pgTable(
  'sign_in_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const SESSION_STAGES = ['totp', 'enroll', 'full'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const sessions = pgTable(
  'sessions',
  {
    /** HMAC of the cookie token: a database leak does not hand out live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SESSION_STAGES }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** TOTP seed offered during enrolment, encrypted, until confirmed. */
    pendingTotpEnc: text('pending_totp_enc'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
