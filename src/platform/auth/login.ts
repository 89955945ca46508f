// The sign-in flow: password, then a TOTP code (or a recovery code), with TOTP enrolment on first
// sign-in and a forced password change after a one-time password. Failures of either factor count
// towards a pause for the account at that client address (lockout.ts has the rule); an unknown
// e-mail, a wrong password and a paused address get the same answer after the same work. Every
// success and failure is in the audit log.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor.js';
import { auditFields } from '../actor.js';
import { appendAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { decryptField, encryptField, hmacHex } from '../crypto.js';
import type { Db } from '../db/connect.js';
import { AppError, keyed } from '../errors.js';
import { pauseAfter, signInBlock, type LockoutPolicy } from './lockout.js';
import {
  checkNewPassword,
  DUMMY_PASSWORD_HASH,
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
import {
  addressKey,
  countFailure,
  pauseAddress,
  readAddress,
  recordSignIn,
  unfamiliarFailures,
} from './sign-in-addresses.js';
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

/** One answer for an unknown e-mail, a wrong password and a paused address (see lockout.ts). */
const SIGN_IN_REFUSED =
  'Signing in did not work: the e-mail address or password is wrong, or sign-in from here is paused for a while after too many failed attempts.';

function lockoutPolicy(config: Config): LockoutPolicy {
  return {
    maxFailures: config.loginMaxFailures,
    firstPauseMs: config.loginLockoutMs,
    maxPauseMs: config.loginLockoutMaxMs,
    accountMaxFailures: config.loginAccountMaxFailures,
  };
}

function pausedMessage(until: Date): string {
  return `Too many failed attempts from this address. Try again after ${until.toISOString()}.`;
}

/**
 * Counts a failed factor for the account at this address; pauses the address once the rule says
 * so (audited as a lock-out), and notes when the account-wide ceiling is reached. Returns the end
 * of a pause that starts now, if any.
 */
async function recordFailure(
  db: Db,
  config: Config,
  clock: Clock,
  user: UserRow,
  meta: RequestMeta,
  factor: string,
): Promise<Date | null> {
  const now = clock.now();
  const policy = lockoutPolicy(config);
  const address = addressKey(meta.ip);
  const failures = await countFailure(db, user.id, address, now);
  const pauseMs = pauseAfter(failures, policy);
  const until = pauseMs > 0 ? new Date(now.getTime() + pauseMs) : null;
  if (until) await pauseAddress(db, user.id, address, until);
  await appendAudit(db, {
    ...auditFields(actorFor(user, user.email, meta)),
    action: until ? 'auth.lockout' : 'auth.login_failed',
    targetType: 'user',
    targetId: user.id,
    details: {
      factor,
      failures,
      ...(until ? { scope: 'address', address, until: until.toISOString() } : {}),
    },
  });
  const spread = await unfamiliarFailures(db, user.id, now);
  if (spread === policy.accountMaxFailures) {
    await appendAudit(db, {
      ...auditFields(actorFor(user, user.email, meta)),
      action: 'auth.lockout',
      targetType: 'user',
      targetId: user.id,
      details: { factor, scope: 'unfamiliar_addresses', failures: spread },
    });
  }
  return until;
}

/** Second-factor steps: a paused address waits (the password was right, so this reveals nothing). */
async function ensureNotPaused(
  db: Db,
  clock: Clock,
  user: UserRow,
  meta: RequestMeta,
): Promise<void> {
  const record = await readAddress(db, user.id, addressKey(meta.ip));
  const now = clock.now();
  if (record?.pausedUntil && record.pausedUntil.getTime() > now.getTime()) {
    throw new AppError('account_locked', pausedMessage(record.pausedUntil));
  }
}

export async function loginWithPassword(
  db: Db,
  config: Config,
  clock: Clock,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<NewSession> {
  const user = await findUserByEmail(db, input.email);
  const active = user && !user.disabledAt ? user : null;
  const address = addressKey(meta.ip);
  const record = active ? await readAddress(db, active.id, address) : undefined;
  const spread = active ? await unfamiliarFailures(db, active.id, clock.now()) : 0;
  // Every path verifies one Argon2 hash, so the time taken does not tell which e-mails have
  // accounts or which are paused; a paused address's password is verified but not acted on.
  const passwordOk = await verifyPassword(
    active?.passwordHash ?? DUMMY_PASSWORD_HASH,
    input.password,
  );
  if (!active) {
    await appendAudit(db, {
      ...auditFields(actorFor(null, input.email.slice(0, 254).toLowerCase(), meta)),
      action: 'auth.login_failed',
      details: { factor: 'password', reason: user ? 'disabled' : 'unknown_user' },
    });
    throw new AppError('invalid_credentials', SIGN_IN_REFUSED);
  }
  const block = signInBlock(record, spread, clock.now(), lockoutPolicy(config));
  if (block) {
    await appendAudit(db, {
      ...auditFields(actorFor(active, active.email, meta)),
      action: 'auth.login_failed',
      targetType: 'user',
      targetId: active.id,
      details: {
        factor: 'password',
        reason: block.kind === 'address' ? 'paused' : 'unfamiliar_address_ceiling',
        address,
      },
    });
    throw new AppError('invalid_credentials', SIGN_IN_REFUSED);
  }
  if (!passwordOk) {
    await recordFailure(db, config, clock, active, meta, 'password');
    throw new AppError('invalid_credentials', SIGN_IN_REFUSED);
  }
  const stage = active.totpEnrolled ? 'totp' : 'enroll';
  const created = await createSession(db, config, {
    userId: active.id,
    stage,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  });
  await appendAudit(db, {
    ...auditFields(actorFor(active, active.email, meta)),
    action: 'auth.password_ok',
    targetType: 'user',
    targetId: active.id,
    details: { next: stage },
  });
  return created;
}

async function completeLogin(
  db: Db,
  config: Config,
  clock: Clock,
  session: SessionRow,
  user: UserRow,
  meta: RequestMeta,
  method: string,
) {
  const rotated = await rotateSession(db, config, session, 'full');
  const now = clock.now();
  await recordSignIn(db, user.id, addressKey(meta.ip), now);
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
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
  clock: Clock,
  session: SessionRow,
  user: UserRow,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  meta: RequestMeta,
): Promise<NewSession> {
  if (session.stage !== 'totp')
    throw new AppError(
      'forbidden',
      keyed('auth.noSignInWaiting', 'No sign-in is waiting for a code.'),
    );
  await ensureNotPaused(db, clock, user, meta);
  if (input.recoveryCode) {
    const codeHash = hmacHex(
      config.secrets.sessionSecret,
      `recovery:${normaliseRecoveryCode(input.recoveryCode)}`,
    );
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: clock.now() })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (used.length === 0) {
      const pause = await recordFailure(db, config, clock, user, meta, 'recovery_code');
      if (pause) throw new AppError('account_locked', pausedMessage(pause));
      throw new AppError(
        'invalid_code',
        keyed('auth.wrongRecoveryCode', 'That recovery code is not valid or was used before.'),
      );
    }
    return completeLogin(db, config, clock, session, user, meta, 'recovery_code');
  }
  if (!user.totpSecretEnc || !input.code)
    throw new AppError(
      'invalid_code',
      keyed('auth.enterCode', 'Enter the code from your authenticator app.'),
    );
  const secret = decryptField(config.secrets.fieldKeys, user.totpSecretEnc, TOTP_CONTEXT);
  const step = await checkTotp(secret, input.code, user.totpLastStep);
  if (step === null) {
    const pause = await recordFailure(db, config, clock, user, meta, 'totp');
    if (pause) throw new AppError('account_locked', pausedMessage(pause));
    throw new AppError(
      'invalid_code',
      keyed(
        'auth.codeInvalid',
        'That code is not valid. Codes work once and change every 30 seconds.',
      ),
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
    throw new AppError(
      'invalid_code',
      keyed('auth.codeJustUsed', 'That code was just used. Wait for the next one.'),
    );
  return completeLogin(db, config, clock, session, user, meta, 'totp');
}

export async function startTotpEnrolment(
  db: Db,
  config: Config,
  session: SessionRow,
  user: UserRow,
) {
  if (session.stage !== 'enroll')
    throw new AppError(
      'forbidden',
      keyed('auth.enrolmentNotOpen', 'Two-factor enrolment is not open for this session.'),
    );
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
  clock: Clock,
  session: SessionRow,
  user: UserRow,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[]; next: NewSession }> {
  if (session.stage !== 'enroll' || !session.pendingTotpEnc) {
    throw new AppError('forbidden', keyed('auth.startEnrolment', 'Start the enrolment first.'));
  }
  await ensureNotPaused(db, clock, user, meta);
  const secret = decryptField(
    config.secrets.fieldKeys,
    session.pendingTotpEnc,
    PENDING_TOTP_CONTEXT,
  );
  const step = await checkTotp(secret, code, null);
  if (step === null) {
    const pause = await recordFailure(db, config, clock, user, meta, 'totp_enrolment');
    if (pause) throw new AppError('account_locked', pausedMessage(pause));
    throw new AppError(
      'invalid_code',
      keyed(
        'auth.wrongTotp',
        'That code does not match. Check the time on your phone and try the next code.',
      ),
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
        updatedAt: clock.now(),
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
  const next = await completeLogin(db, config, clock, session, user, meta, 'totp_enrolment');
  return { recoveryCodes: codes, next };
}

export async function changePassword(
  db: Db,
  clock: Clock,
  session: SessionRow,
  user: UserRow,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<UserRow> {
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(
      'invalid_credentials',
      keyed('auth.wrongPassword', 'The current password is wrong.'),
    );
  }
  await checkNewPassword(
    input.newPassword,
    { email: user.email, displayName: user.displayName },
    input.currentPassword,
  );
  const passwordHash = await hashPassword(input.newPassword);
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: clock.now() })
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
