// Operator accounts: creating, listing, changing and resetting users, and partner organisations.
// Every change is written to the audit log. Rows never leave this module raw: presentUser decides
// which fields a client sees.
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../actor.js';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../db/connect.js';
import { AppError, keyed } from '../errors.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import {
  LANGUAGES,
  partnerOrgs,
  recoveryCodes,
  ROLES,
  sessions,
  users,
  type Role,
} from './schema.js';
import { clearSignInPauses, pausesByUser } from './sign-in-addresses.js';

export type UserRow = typeof users.$inferSelect;

export const UserInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((s) => s.trim().toLowerCase()),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  partnerOrgId: z.uuid().nullish(),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = z
  .object({
    role: z.enum(ROLES).optional(),
    displayName: z.string().trim().min(1).max(120).optional(),
    disabled: z.boolean().optional(),
    partnerOrgId: z.uuid().nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof UserPatch>;

/** Named in the API document, so the console's roles and languages come from the server's. */
const RoleView = z.enum(ROLES).meta({ id: 'Role' });
const LanguageView = z.enum(LANGUAGES).meta({ id: 'Language' });

export const PresentedUser = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleView,
  language: LanguageView,
  partnerOrgId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  totpEnrolled: z.boolean(),
});
export type PresentedUser = z.infer<typeof PresentedUser>;

export function presentUser(u: UserRow): PresentedUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    language: (LANGUAGES as readonly string[]).includes(u.language)
      ? (u.language as 'en' | 'nl')
      : 'en',
    partnerOrgId: u.partnerOrgId,
    mustChangePassword: u.mustChangePassword,
    totpEnrolled: u.totpEnrolled,
  };
}

export const AdminUserView = PresentedUser.extend({
  partnerOrgName: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUserView = z.infer<typeof AdminUserView>;

function presentForAdmin(
  u: UserRow,
  partnerOrgName: string | null,
  pausedUntil: Date | undefined,
): AdminUserView {
  return {
    ...presentUser(u),
    partnerOrgName,
    lockedUntil: pausedUntil ? pausedUntil.toISOString() : null,
    disabled: u.disabledAt !== null,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

async function checkPartnerRule(db: Db, role: string, partnerOrgId: string | null | undefined) {
  if (role === 'partner' && !partnerOrgId) {
    throw new AppError(
      'validation_failed',
      keyed('users.partnerNeedsOrg', 'A partner user must belong to a partner organisation.'),
    );
  }
  if (role !== 'partner' && partnerOrgId) {
    throw new AppError(
      'validation_failed',
      keyed('users.onlyPartnerOrg', 'Only partner users belong to a partner organisation.'),
    );
  }
  if (partnerOrgId) {
    const [org] = await db.select().from(partnerOrgs).where(eq(partnerOrgs.id, partnerOrgId));
    if (!org)
      throw new AppError(
        'validation_failed',
        keyed('users.partnerOrgUnknown', 'That partner organisation does not exist.'),
      );
  }
}

/** Creates a user with a one-time password they must change at first sign-in (then enrol TOTP). */
export async function createUser(
  db: Db,
  actor: Actor,
  input: UserInput,
): Promise<{ user: UserRow; oneTimePassword: string }> {
  const data = UserInput.parse(input);
  await checkPartnerRule(db, data.role, data.partnerOrgId);
  if (await findUserByEmail(db, data.email)) {
    throw new AppError('email_taken', 'A user with this e-mail address already exists.');
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: data.email,
        displayName: data.displayName,
        role: data.role,
        partnerOrgId: data.partnerOrgId ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'user.create',
      targetType: 'user',
      targetId: row!.id,
      details: { email: data.email, role: data.role, partnerOrgId: data.partnerOrgId ?? null },
    });
    return row!;
  });
  return { user, oneTimePassword };
}

/** Who may hold work (a lead, a conversation): staff, not partner organisations' users. */
export const canHoldWork = (role: Role): boolean => role !== 'partner';

/** What handing work to someone needs to know of them, and nothing more (no e-mail, no 2FA). */
export const AssignableUser = z
  .object({ id: z.string(), displayName: z.string(), role: RoleView })
  .meta({ id: 'AssignableUser' });
export type AssignableUser = z.infer<typeof AssignableUser>;

/**
 * The active accounts work can be handed to, by name. Read column by column so that nothing an
 * admin's list holds (e-mail, sign-in state) is even fetched for it.
 */
export async function listAssignableUsers(db: Db): Promise<AssignableUser[]> {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.filter((r) => canHoldWork(r.role));
}

/** Whether `id` is an account work may be handed to now (active, staff). */
export async function isAssignableUser(db: Db, id: string): Promise<boolean> {
  const user = await findUserById(db, id);
  return !!user && user.disabledAt === null && canHoldWork(user.role);
}

/** Every account; `lockedUntil` is the latest sign-in pause still running at any of its addresses. */
export async function listUsers(db: Db, now: Date = new Date()): Promise<AdminUserView[]> {
  const rows = await db
    .select({ user: users, orgName: partnerOrgs.name })
    .from(users)
    .leftJoin(partnerOrgs, eq(users.partnerOrgId, partnerOrgs.id))
    .orderBy(asc(users.email));
  const paused = await pausesByUser(db, now);
  return rows.map((r) => presentForAdmin(r.user, r.orgName, paused.get(r.user.id)));
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: UserPatch,
): Promise<UserRow> {
  const data = UserPatch.parse(patch);
  const current = await findUserById(db, id);
  if (!current) throw new AppError('not_found', keyed('users.notFound', 'No such user.'));
  const role = data.role ?? current.role;
  const partnerOrgId = data.partnerOrgId !== undefined ? data.partnerOrgId : current.partnerOrgId;
  if (data.role !== undefined || data.partnerOrgId !== undefined) {
    await checkPartnerRule(db, role, partnerOrgId);
  }
  if (
    actor.userId === id &&
    (data.disabled === true || (data.role && data.role !== current.role))
  ) {
    throw new AppError(
      'forbidden',
      keyed('users.notYourself', 'You cannot disable yourself or change your own role.'),
    );
  }
  if (
    (data.disabled === true || (data.role && data.role !== 'admin')) &&
    current.role === 'admin'
  ) {
    await ensureAnotherActiveAdmin(db, id);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        ...(data.displayName !== undefined ? { displayName: data.displayName } : {}),
        ...(data.language !== undefined ? { language: data.language } : {}),
        role,
        partnerOrgId,
        ...(data.disabled !== undefined ? { disabledAt: data.disabled ? new Date() : null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    if (data.disabled === true) await tx.delete(sessions).where(eq(sessions.userId, id));
    const changes: Record<string, unknown> = {};
    if (data.role !== undefined && data.role !== current.role)
      changes.role = { from: current.role, to: data.role };
    if (data.displayName !== undefined && data.displayName !== current.displayName)
      changes.displayName = true;
    if (data.disabled !== undefined) changes.disabled = data.disabled;
    if (data.partnerOrgId !== undefined && data.partnerOrgId !== current.partnerOrgId)
      changes.partnerOrgId = data.partnerOrgId;
    if (data.language !== undefined) changes.language = data.language;
    await appendAudit(tx, {
      ...auditFields(actor),
      action: changes.role ? 'user.role_change' : 'user.update',
      targetType: 'user',
      targetId: id,
      details: changes,
    });
    return row!;
  });
}

async function ensureAnotherActiveAdmin(db: Db, exceptId: string): Promise<void> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      sql`${users.role} = 'admin' and ${users.disabledAt} is null and ${users.id} <> ${exceptId}`,
    );
  if ((row?.n ?? 0) === 0) {
    throw new AppError(
      'conflict',
      keyed('users.lastAdmin', 'This is the last active admin; make another admin first.'),
    );
  }
}

/** New one-time password, TOTP and recovery codes cleared, sign-in pauses lifted, all sessions ended. */
export async function resetUser(db: Db, actor: Actor, id: string): Promise<string> {
  const current = await findUserById(db, id);
  if (!current) throw new AppError('not_found', keyed('users.notFound', 'No such user.'));
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        totpSecretEnc: null,
        totpEnrolled: false,
        totpLastStep: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await clearSignInPauses(tx, id);
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'user.reset',
      targetType: 'user',
      targetId: id,
    });
  });
  return oneTimePassword;
}

export const PartnerOrgInput = z.object({ name: z.string().trim().min(2).max(200) });

export async function listPartnerOrgs(db: Db) {
  return db
    .select({ id: partnerOrgs.id, name: partnerOrgs.name })
    .from(partnerOrgs)
    .orderBy(asc(partnerOrgs.name));
}

export async function createPartnerOrg(
  db: Db,
  actor: Actor,
  input: z.infer<typeof PartnerOrgInput>,
) {
  const { name } = PartnerOrgInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerOrgs)
      .values({ name })
      .onConflictDoNothing()
      .returning({ id: partnerOrgs.id, name: partnerOrgs.name });
    if (!row)
      throw new AppError(
        'conflict',
        keyed('users.partnerOrgTaken', 'A partner organisation with this name exists.'),
      );
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'partner_org.create',
      targetType: 'partner_org',
      targetId: row.id,
      details: { name },
    });
    return row;
  });
}
