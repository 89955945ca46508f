// What is recorded about sign-in attempts per account and client address (the table behind the
// pause rule in lockout.ts): reading it, counting a failure, clearing it on success, and forgetting
// rows nobody needs any more.
import { isIPv4, isIPv6 } from 'node:net';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect.js';
import { FAILURE_MEMORY_MS, KNOWN_ADDRESS_MS, type AddressRecord } from './lockout.js';
import { signInAddresses } from './schema.js';

/**
 * The address a sign-in is counted under. An IPv6 client usually holds a whole /64 and can pick
 * any address in it, so IPv6 counts per /64; an IPv4-mapped IPv6 address counts as the IPv4 one.
 */
export function addressKey(ip: string | null | undefined): string {
  const raw = (ip ?? '').trim();
  if (!raw) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(raw)) return raw;
  if (!isIPv6(raw)) return raw.slice(0, 64);
  return `${expandIPv6(raw).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) stands for the last two groups; the /64 never reaches it.
  const fill =
    tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...fill, ...right].map((g) =>
    g.includes('.') ? g : g.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

export async function readAddress(
  db: DbOrTx,
  userId: string,
  address: string,
): Promise<AddressRecord | undefined> {
  const [row] = await db
    .select()
    .from(signInAddresses)
    .where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.address, address)));
  return row;
}

/**
 * Failures at the account's unfamiliar addresses (none or no recent completed sign-in) in the last
 * day: the account-wide ceiling against guessing spread over many addresses.
 */
export async function unfamiliarFailures(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${signInAddresses.failures}), 0)::int` })
    .from(signInAddresses)
    .where(
      and(
        eq(signInAddresses.userId, userId),
        gt(signInAddresses.lastFailureAt, new Date(now.getTime() - FAILURE_MEMORY_MS)),
        or(
          isNull(signInAddresses.lastSuccessAt),
          lt(signInAddresses.lastSuccessAt, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
        ),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Counts one failure (in one statement, so parallel guesses cannot share a count) and returns the
 * failures that now count at this address; a count older than a day starts again at one.
 */
export async function countFailure(
  db: DbOrTx,
  userId: string,
  address: string,
  now: Date,
): Promise<number> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const [row] = await db
    .insert(signInAddresses)
    .values({ userId, address, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [signInAddresses.userId, signInAddresses.address],
      set: {
        failures: sql`CASE WHEN ${signInAddresses.lastFailureAt} IS NULL OR ${signInAddresses.lastFailureAt} <= ${forgetBefore.toISOString()}::timestamptz THEN 1 ELSE ${signInAddresses.failures} + 1 END`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: signInAddresses.failures });
  return row?.failures ?? 1;
}

export async function pauseAddress(
  db: DbOrTx,
  userId: string,
  address: string,
  until: Date,
): Promise<void> {
  await db
    .update(signInAddresses)
    .set({ pausedUntil: until })
    .where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.address, address)));
}

/** A completed sign-in: the address starts afresh and counts as one of the owner's. */
export async function recordSignIn(
  db: DbOrTx,
  userId: string,
  address: string,
  now: Date,
): Promise<void> {
  await db
    .insert(signInAddresses)
    .values({ userId, address, failures: 0, lastSuccessAt: now })
    .onConflictDoUpdate({
      target: [signInAddresses.userId, signInAddresses.address],
      set: { failures: 0, pausedUntil: null, lastFailureAt: null, lastSuccessAt: now },
    });
}

/** Clears every count and pause of an account (an admin's reset). */
export async function clearSignInPauses(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(signInAddresses)
    .set({ failures: 0, pausedUntil: null, lastFailureAt: null })
    .where(eq(signInAddresses.userId, userId));
}

/** The latest pause still running for an account (the admin's user list shows it). */
export async function pausesByUser(db: DbOrTx, now: Date): Promise<Map<string, Date>> {
  const rows = await db
    .select({
      userId: signInAddresses.userId,
      until: sql<string>`max(${signInAddresses.pausedUntil})`,
    })
    .from(signInAddresses)
    .where(gt(signInAddresses.pausedUntil, now))
    .groupBy(signInAddresses.userId);
  return new Map(rows.map((r) => [r.userId, new Date(r.until)]));
}

/** Rows that hold neither a failure still counted nor a recent sign-in (run by the scheduler). */
export async function purgeStaleAddresses(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(signInAddresses)
    .where(
      and(
        or(
          isNull(signInAddresses.lastFailureAt),
          lt(signInAddresses.lastFailureAt, new Date(now.getTime() - FAILURE_MEMORY_MS)),
        ),
        or(isNull(signInAddresses.pausedUntil), lt(signInAddresses.pausedUntil, now)),
        or(
          isNull(signInAddresses.lastSuccessAt),
          lt(signInAddresses.lastSuccessAt, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
        ),
      ),
    )
    .returning({ userId: signInAddresses.userId });
  return rows.length;
}
