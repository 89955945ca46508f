// The sign-in flow: password, then a TOTP code (or a recovery code), with TOTP enrolment on first
// sign-in and a forced password change after a one-time password. Failures of either factor count
// towards a temporary lock-out; every success and failure is in the audit log.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor.js';
import { auditFields } from '../actor.js';
import { appendAudit } from '../audit/audit-log.js';
import type { Config } from '../config.js';
import { constantTimeEqual, decryptField, encryptField, hmacHex } from '../crypto.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import {
  checkPasswordStrength,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from './passwords.js';
import { recoveryCodes, users } from './schema.js';
import {
  createSession,
  deleteOtherSessions,
  deleteSession,
  rotateSession,
  setPendingTotp,
  type NewSession,
  type SessionRow,
  type UserRow,
} from './sessions.js';
import {
  checkTotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpQrSvg,
  totpUri,
} from './totp.js';
import { findUserByEmail } from './users.js';

const TOTP_CONTEXT = 'users.totp_secret';
const PENDING_TOTP_CONTEXT = 'sessions.pending_totp';

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

function actorFor(
  user: Pick<UserRow, 'id' | 'email' | 'role'> | null,
  label: string,
  meta: RequestMeta,
): Actor {
  return {
    userId: user?.id ?? null,
    label,
    role: user?.role ?? null,
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  };
}

function lockedMessage(until: Date): string {
  return `Too many failed attempts. This account is locked until ${until.toISOString()}.`;
}

/** Counts a failed factor; locks the account once the limit is reached. Returns the lock end if locked now. */
async function recordFailure(
  db: Db,
  config: Config,
  user: UserRow,
  meta: RequestMeta,
  factor: string,
): Promise<Date | null> {
  const failures = user.failedLogins + 1;
  const lock =
    failures >= config.loginMaxFailures ? new Date(Date.now() + config.loginLockoutMs) : null;
  await db
    .update(users)
    .set(lock ? { failedLogins: 0, lockedUntil: lock } : { failedLogins: failures })
    .where(eq(users.id, user.id));
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: lock ? 'auth.lockout' : 'auth.login_failed',
    targetType: 'user',
    targetId: user.id,
    details: { factor, failures },
  });
  return lock;
}

function ensureNotLocked(user: UserRow): void {
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    throw new AppError('account_locked', lockedMessage(user.lockedUntil));
  }
}

export async function loginWithPassword(
  db: Db,
  config: Config,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<NewSession> {
  const user = await findUserByEmail(db, input.email);
  if (!user || user.disabledAt) {
    // Same work as a real check, so response time does not tell which addresses have accounts.
    await verifyPassword(await dummyPasswordHash(), input.password);
    await appendAudit(db, {
      ...auditFields(actorFor(null, input.email.slice(0, 254).toLowerCase(), meta)),
      action: 'auth.login_failed',
      details: { factor: 'password', reason: user ? 'disabled' : 'unknown_user' },
    });
    throw new AppError('invalid_credentials', 'E-mail or password is wrong.');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await appendAudit(db, {
      ...auditFields(actorFor(user, user.email, meta)),
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: user.id,
      details: { factor: 'password', reason: 'locked' },
    });
    throw new AppError('account_locked', lockedMessage(user.lockedUntil));
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lock = await recordFailure(db, config, user, meta, 'password');
    if (lock) throw new AppError('account_locked', lockedMessage(lock));
    throw new AppError('invalid_credentials', 'E-mail or password is wrong.');
  }
  const stage = user.totpEnrolled ? 'totp' : 'enroll';
  const created = await createSession(db, config, {
    userId: user.id,
    stage,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  });
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: 'auth.password_ok',
    targetType: 'user',
    targetId: user.id,
    details: { next: stage },
  });
  return created;
}

async function completeLogin(
  db: Db,
  config: Config,
  session: SessionRow,
  user: UserRow,
  meta: RequestMeta,
  method: string,
) {
  const rotated = await rotateSession(db, config, session, 'full');
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
    .where(eq(users.id, user.id));
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    details: { method },
  });
  return rotated;
}

export async function verifySecondFactor(
  db: Db,
  config: Config,
  session: SessionRow,
  user: UserRow,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  meta: RequestMeta,
): Promise<NewSession> {
  if (session.stage !== 'totp')
    throw new AppError('forbidden', 'No sign-in is waiting for a code.');
  ensureNotLocked(user);
  if (input.recoveryCode) {
    const codeHash = hmacHex(
      config.secrets.sessionSecret,
      `recovery:${normaliseRecoveryCode(input.recoveryCode)}`,
    );
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (used.length === 0) {
      const lock = await recordFailure(db, config, user, meta, 'recovery_code');
      if (lock) throw new AppError('account_locked', lockedMessage(lock));
      throw new AppError('invalid_code', 'That recovery code is not valid or was used before.');
    }
    return completeLogin(db, config, session, user, meta, 'recovery_code');
  }
  if (!user.totpSecretEnc || !input.code)
    throw new AppError('invalid_code', 'Enter the code from your authenticator app.');
  const secret = decryptField(config.secrets.fieldKeys, user.totpSecretEnc, TOTP_CONTEXT);
  const step = await checkTotp(secret, input.code, user.totpLastStep);
  if (step === null) {
    const lock = await recordFailure(db, config, user, meta, 'totp');
    if (lock) throw new AppError('account_locked', lockedMessage(lock));
    throw new AppError(
      'invalid_code',
      'That code is not valid. Codes work once and change every 30 seconds.',
    );
  }
  // Conditional update: two requests racing with the same code cannot both win.
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, user.id),
        user.totpLastStep === null
          ? isNull(users.totpLastStep)
          : eq(users.totpLastStep, user.totpLastStep),
      ),
    )
    .returning({ id: users.id });
  if (claimed.length === 0)
    throw new AppError('invalid_code', 'That code was just used. Wait for the next one.');
  return completeLogin(db, config, session, user, meta, 'totp');
}

export async function startTotpEnrolment(
  db: Db,
  config: Config,
  session: SessionRow,
  user: UserRow,
) {
  if (session.stage !== 'enroll')
    throw new AppError('forbidden', 'Two-factor enrolment is not open for this session.');
  const secret = newTotpSecret();
  await setPendingTotp(
    db,
    session.id,
    encryptField(config.secrets.fieldKeys, secret, PENDING_TOTP_CONTEXT),
  );
  const issuer = 'Ariadne';
  const otpauthUrl = totpUri(secret, `${issuer}:${user.email}`, issuer);
  return { secret, otpauthUrl, qrSvg: await totpQrSvg(otpauthUrl) };
}

export async function confirmTotpEnrolment(
  db: Db,
  config: Config,
  session: SessionRow,
  user: UserRow,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[]; next: NewSession }> {
  if (session.stage !== 'enroll' || !session.pendingTotpEnc) {
    throw new AppError('forbidden', 'Start the enrolment first.');
  }
  ensureNotLocked(user);
  const secret = decryptField(
    config.secrets.fieldKeys,
    session.pendingTotpEnc,
    PENDING_TOTP_CONTEXT,
  );
  const step = await checkTotp(secret, code, null);
  if (step === null) {
    const lock = await recordFailure(db, config, user, meta, 'totp_enrolment');
    if (lock) throw new AppError('account_locked', lockedMessage(lock));
    throw new AppError(
      'invalid_code',
      'That code does not match. Check the time on your phone and try the next code.',
    );
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecretEnc: encryptField(config.secrets.fieldKeys, secret, TOTP_CONTEXT),
        totpEnrolled: true,
        totpLastStep: step,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({
        userId: user.id,
        codeHash: hmacHex(config.secrets.sessionSecret, `recovery:${normaliseRecoveryCode(c)}`),
      })),
    );
    await appendAudit(tx, {
      ...auditFields(actorFor(user, user.email, meta)),
      action: 'auth.totp_enrolled',
      targetType: 'user',
      targetId: user.id,
    });
  });
  const next = await completeLogin(db, config, session, user, meta, 'totp_enrolment');
  return { recoveryCodes: codes, next };
}

export async function changePassword(
  db: Db,
  session: SessionRow,
  user: UserRow,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<UserRow> {
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is wrong.');
  }
  checkPasswordStrength(input.newPassword, user.email);
  if (constantTimeEqual(input.currentPassword, input.newPassword)) {
    throw new AppError('weak_password', 'Choose a password different from the current one.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, user.id))
    .returning();
  await deleteOtherSessions(db, user.id, session.id);
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: 'auth.password_changed',
    targetType: 'user',
    targetId: user.id,
  });
  return row!;
}

export async function logout(
  db: Db,
  session: SessionRow,
  user: UserRow,
  meta: RequestMeta,
): Promise<void> {
  await deleteSession(db, session.id);
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: 'auth.logout',
    targetType: 'user',
    targetId: user.id,
  });
}
