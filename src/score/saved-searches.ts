// Saved searches: an analyst keeps a filter over ads or leads and is alerted in the console when
// new matches arrive. A match alerts once (kept in saved_search_hits); checking runs every few
// minutes and only looks at what arrived since the last check.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AdFilter, listAds } from '../collect/index.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { LeadFilter, leadWhere } from './leads.js';
import { leads, savedSearchHits, savedSearches } from './schema.js';

export const SavedSearchInput = z.discriminatedUnion('target', [
  z.object({
    name: z.string().trim().min(1).max(120),
    target: z.literal('ads'),
    filters: AdFilter.omit({ cursor: true, limit: true }),
  }),
  z.object({
    name: z.string().trim().min(1).max(120),
    target: z.literal('leads'),
    filters: LeadFilter,
  }),
]);
export type SavedSearchInput = z.infer<typeof SavedSearchInput>;

const MAX_PER_USER = 50;
/** Matches counted per search per check; more still alert at the next check. */
const MAX_HITS_PER_CHECK = 1000;

export async function createSavedSearch(
  db: DbOrTx,
  ownerId: string,
  input: SavedSearchInput,
  now = new Date(),
) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(savedSearches)
    .where(eq(savedSearches.ownerId, ownerId));
  if (n >= MAX_PER_USER) {
    throw new AppError(
      'conflict',
      keyed('searches.tooMany', `At most ${MAX_PER_USER} saved searches per person.`, {
        max: MAX_PER_USER,
      }),
    );
  }
  // Two searches of one name cannot be told apart in the alerts menu: one name once per person,
  // whatever its case or spacing.
  const [same] = await db
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(
      and(
        eq(savedSearches.ownerId, ownerId),
        sql`lower(${savedSearches.name}) = lower(${input.name})`,
      ),
    )
    .limit(1);
  if (same) {
    throw new AppError(
      'conflict',
      keyed(
        'searches.nameTaken',
        `You already have a saved search named "${input.name}". Choose another name.`,
        { name: input.name },
      ),
    );
  }
  const [row] = await db
    .insert(savedSearches)
    .values({
      ownerId,
      name: input.name,
      target: input.target,
      filters: input.filters as Record<string, unknown>,
      checkedAt: now,
      seenAt: now,
    })
    .returning();
  return row!;
}

export async function listSavedSearches(db: DbOrTx, ownerId: string) {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.ownerId, ownerId))
    .orderBy(desc(savedSearches.createdAt));
}

async function owned(db: DbOrTx, ownerId: string, id: string) {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.ownerId, ownerId)));
  if (!row) throw new AppError('not_found', keyed('searches.notFound', 'No such saved search.'));
  return row;
}

export async function deleteSavedSearch(db: DbOrTx, ownerId: string, id: string) {
  await owned(db, ownerId, id);
  await db.delete(savedSearches).where(eq(savedSearches.id, id));
}

/** The new matches of a search (newest first), marking them seen. */
export async function openSavedSearch(db: DbOrTx, ownerId: string, id: string, now = new Date()) {
  const search = await owned(db, ownerId, id);
  const hits = await db
    .select({ itemId: savedSearchHits.itemId, at: savedSearchHits.at, seen: savedSearchHits.seen })
    .from(savedSearchHits)
    .where(eq(savedSearchHits.searchId, id))
    .orderBy(desc(savedSearchHits.at))
    .limit(200);
  await db
    .update(savedSearchHits)
    .set({ seen: true })
    .where(and(eq(savedSearchHits.searchId, id), eq(savedSearchHits.seen, false)));
  await db
    .update(savedSearches)
    .set({ seenAt: now, newMatches: 0 })
    .where(eq(savedSearches.id, id));
  return { search, hits };
}

async function newAdMatches(
  db: Db,
  keys: AtRestKeys,
  filters: Record<string, unknown>,
  since: Date,
) {
  const parsed = AdFilter.omit({ cursor: true, limit: true }).safeParse(filters);
  if (!parsed.success) return [];
  const out: string[] = [];
  let cursor: string | undefined;
  while (out.length < MAX_HITS_PER_CHECK) {
    const page = await listAds(db, keys, {
      ...parsed.data,
      from: since.toISOString(),
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const ad of page.items) if (new Date(ad.firstSeenAt) > since) out.push(ad.id);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

async function newLeadMatches(
  db: Db,
  filters: Record<string, unknown>,
  since: Date,
  now: Date,
  ownerId: string,
) {
  const parsed = LeadFilter.safeParse(filters);
  if (!parsed.success) return [];
  // "me" in a saved search means its owner.
  const where = leadWhere(parsed.data, ownerId, now);
  where.push(gt(leads.evidenceAt, since));
  const rows = await db
    .select({ id: leads.entityId })
    .from(leads)
    .where(and(...where))
    .limit(MAX_HITS_PER_CHECK);
  return rows.map((r) => r.id);
}

/** Checks every saved search for matches since its last check; returns how many gained some. */
export async function checkSavedSearches(
  db: Db,
  keys: AtRestKeys,
  now = new Date(),
): Promise<number> {
  const searches = await db.select().from(savedSearches);
  let alerted = 0;
  for (const s of searches) {
    const ids =
      s.target === 'ads'
        ? await newAdMatches(db, keys, s.filters, s.checkedAt)
        : await newLeadMatches(db, s.filters, s.checkedAt, now, s.ownerId);
    let added = 0;
    if (ids.length > 0) {
      const inserted = await db
        .insert(savedSearchHits)
        .values(ids.map((itemId) => ({ searchId: s.id, itemId, at: now })))
        .onConflictDoNothing()
        .returning({ itemId: savedSearchHits.itemId });
      added = inserted.length;
    }
    await db
      .update(savedSearches)
      .set({ checkedAt: now, newMatches: sql`${savedSearches.newMatches} + ${added}` })
      .where(eq(savedSearches.id, s.id));
    if (added > 0) alerted++;
  }
  return alerted;
}

/** Unseen matches over all of a person's searches: the console's alert badge. */
export async function savedSearchAlerts(db: DbOrTx, ownerId: string) {
  const rows = await db
    .select({
      id: savedSearches.id,
      name: savedSearches.name,
      newMatches: savedSearches.newMatches,
    })
    .from(savedSearches)
    .where(and(eq(savedSearches.ownerId, ownerId), gt(savedSearches.newMatches, 0)));
  return { total: rows.reduce((n, r) => n + r.newMatches, 0), searches: rows };
}
