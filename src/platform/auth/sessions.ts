// Server-side sessions. The cookie holds a random token; the table holds only its HMAC, so a copy
// of the database cannot be used to sign in. Sessions end after an idle period and at an absolute
// limit; half-finished sign-ins (password done, code pending) live only a few minutes. The id is
// replaced at every change of stage so a token seen before sign-in is worthless after it.
import { and, eq, lt, or } from 'drizzle-orm';
import type { Config } from '../config.js';
import { hmacHex, randomToken } from '../crypto.js';
import type { DbOrTx } from '../db/connect.js';
import { sessions, users, type SessionStage } from './schema.js';

export type SessionRow = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export const SESSION_COOKIE = 'ariadne_sid';
export const CSRF_COOKIE = 'ariadne_csrf';
const PARTIAL_SESSION_MS = 10 * 60_000;
/** Writing last_seen on every request would turn reads into writes; a minute's precision is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function sessionIdFor(config: Config, token: string): string {
  return hmacHex(config.secrets.sessionSecret, `session:${token}`);
}

export interface NewSession {
  token: string;
  session: SessionRow;
}

export async function createSession(
  db: DbOrTx,
  config: Config,
  input: {
    userId: string;
    stage: SessionStage;
    ip?: string | null;
    userAgent?: string | null;
    pendingTotpEnc?: string | null;
  },
): Promise<NewSession> {
  const token = randomToken(32);
  const now = Date.now();
  const lifetime = input.stage === 'full' ? config.sessionAbsoluteMs : PARTIAL_SESSION_MS;
  const [session] = await db
    .insert(sessions)
    .values({
      id: sessionIdFor(config, token),
      userId: input.userId,
      stage: input.stage,
      csrfToken: randomToken(24),
      pendingTotpEnc: input.pendingTotpEnc ?? null,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + lifetime),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning();
  return { token, session: session! };
}

export type LoadedSession =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'active'; session: SessionRow; user: UserRow };

export async function loadSession(
  db: DbOrTx,
  config: Config,
  token: string | undefined,
): Promise<LoadedSession> {
  if (!token || token.length > 100) return { status: 'none' };
  const id = sessionIdFor(config, token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return { status: 'expired' };
  const now = Date.now();
  if (!isLive(config, row.session, row.user, now)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return { status: 'active', session: row.session, user: row.user };
}

/** A session still counts: within its limits, and its user not disabled. */
function isLive(config: Config, session: SessionRow, user: UserRow, now: number): boolean {
  const idleLimit = session.stage === 'full' ? config.sessionIdleMs : PARTIAL_SESSION_MS;
  return (
    session.expiresAt.getTime() > now &&
    session.lastSeenAt.getTime() + idleLimit > now &&
    user.disabledAt === null
  );
}

/**
 * The user of a session that is still live, read again: for a connection that outlives the
 * request that opened it (a live-events socket), so that signing out, an ended session or a
 * disabled account ends it too. Reading does not count as activity (nothing is touched).
 */
export async function liveSessionUser(
  db: DbOrTx,
  config: Config,
  sessionId: string,
  now: number,
): Promise<UserRow | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return row && row.session.stage === 'full' && isLive(config, row.session, row.user, now)
    ? row.user
    : null;
}

/** Replaces a session by a new one at another stage (new token, new CSRF token). */
export async function rotateSession(
  db: DbOrTx,
  config: Config,
  old: SessionRow,
  stage: SessionStage,
): Promise<NewSession> {
  await db.delete(sessions).where(eq(sessions.id, old.id));
  return createSession(db, config, {
    userId: old.userId,
    stage,
    ip: old.ip,
    userAgent: old.userAgent,
  });
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessions(
  db: DbOrTx,
  userId: string,
  keepId: string,
): Promise<void> {
  const all = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  for (const s of all) if (s.id !== keepId) await deleteSession(db, s.id);
}

export async function setPendingTotp(
  db: DbOrTx,
  id: string,
  pendingTotpEnc: string,
): Promise<void> {
  await db.update(sessions).set({ pendingTotpEnc }).where(eq(sessions.id, id));
}

/** Removes sessions past their absolute or idle limit (run by the scheduler). */
export async function purgeExpiredSessions(db: DbOrTx, config: Config): Promise<number> {
  const now = Date.now();
  const rows = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, new Date(now)),
        and(
          eq(sessions.stage, 'full'),
          lt(sessions.lastSeenAt, new Date(now - config.sessionIdleMs)),
        ),
        lt(sessions.lastSeenAt, new Date(now - PARTIAL_SESSION_MS)),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
