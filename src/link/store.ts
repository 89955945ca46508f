// Entities kept up to date as ads arrive: a batch of new or changed ads is keyed, joined to the
// entities its strong keys point at (an incremental union-find whose find() is the strong-key
// table), merged where it bridges entities, and split again where a correction or a purge removed
// the bridge. Near-duplicate text joins ads into templates the same way. Runs under one advisory
// lock so concurrent workers never interleave merges.
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  adIdsPage,
  adsForLinking,
  adVersionTexts,
  type AdForLinking,
  type AdTextForLinking,
} from '../collect/index.js';
import { linkIdentifiersOf } from '../facts/index.js';
import type { Config } from '../platform/config.js';
import type { FieldKey } from '../platform/crypto.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { linkKeysOf, type IdentifierForLinking, type LinkKey } from './keys.js';
import { estimateJaccard, LshIndex, lshBuckets, minhashSignature, shingles } from './minhash.js';
import {
  entities,
  entityMerges,
  linkAds,
  linkKeys,
  linkLsh,
  linkStrongKeys,
  linkTemplateLsh,
  linkTemplates,
} from './schema.js';
import { templateTokens } from './template-text.js';
import { UnionFind } from './union-find.js';

/** Callbacks run inside the linking transaction, so what refers to entities (leads) can follow. */
export interface LinkHooks {
  onMerge?: (tx: DbOrTx, fromIds: string[], intoId: string) => Promise<void>;
  onSplit?: (tx: DbOrTx, fromId: string, intoIds: string[]) => Promise<void>;
}

export interface LinkOutcome {
  /** Entities whose evidence changed: their features and scores must be refreshed. */
  touched: string[];
  merged: { from: string; into: string }[];
  split: { from: string; into: string[] }[];
  /** Entities that lost their last ad. */
  removed: string[];
}

/** What linking needs beyond the data: its settings, the pepper, and the field keys (ad text is encrypted). */
export type LinkSettings = Config['link'] & { pepper: Buffer; fieldKeys: readonly FieldKey[] };

export function linkSettings(config: Config): LinkSettings {
  return {
    ...config.link,
    pepper: config.secrets.identifierPepper,
    fieldKeys: config.secrets.fieldKeys,
  };
}

const LINK_LOCK = 0x41524c4b;
/** Candidates read per LSH bucket: enough to find a template, bounded for very common texts. */
const BUCKET_CANDIDATES = 50;
const CHUNK = 500;
/** Texts shorter than this (in words after masking) get no signature and no template. */
const MIN_TEMPLATE_TOKENS = 8;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const l = out.get(k);
    if (l) l.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function currentVersion(ad: AdForLinking) {
  const v = ad.versions.find((x) => x.versionId === ad.currentVersionId);
  if (!v) throw new Error(`ad ${ad.adId} has no current version`);
  return v;
}

/** The MinHash signature of an ad version's text, with names and places masked. */
export function signatureOf(v: AdTextForLinking): number[] {
  const names = [v.displayName, v.city].filter((n): n is string => !!n);
  const tokens = templateTokens(`${v.title ?? ''}\n${v.body}`, { names });
  // A few words ("call #num") say nothing about who wrote them: too short to compare.
  if (tokens.length < MIN_TEMPLATE_TOKENS) return [];
  return Array.from(minhashSignature(shingles(tokens)));
}

/** Keys of an ad's current version. */
export async function keysOfAds(
  tx: DbOrTx,
  settings: LinkSettings,
  ads: AdForLinking[],
): Promise<Map<string, LinkKey[]>> {
  const idents = await linkIdentifiersOf(
    tx,
    ads.map((a) => a.currentVersionId),
  );
  const byVersion = groupBy(idents, (i) => i.versionId);
  const out = new Map<string, LinkKey[]>();
  for (const ad of ads) {
    const v = currentVersion(ad);
    const ids = (byVersion.get(ad.currentVersionId) ?? []) as IdentifierForLinking[];
    out.set(ad.adId, linkKeysOf(ids, v.images, settings.pepper, settings.strongKinds));
  }
  return out;
}

async function insertKeys(tx: DbOrTx, keys: Map<string, LinkKey[]>) {
  const rows = [...keys].flatMap(([adId, list]) =>
    list.map((k) => ({ adId, kind: k.kind, keyHash: k.keyHash, strong: k.strong })),
  );
  for (const part of chunks(rows)) await tx.insert(linkKeys).values(part);
}

async function insertLsh(tx: DbOrTx, sigs: Map<string, number[]>) {
  const rows = [...sigs].flatMap(([adId, sig]) =>
    lshBuckets(sig).map((b) => ({ band: b.band, bucket: b.bucket, adId })),
  );
  for (const part of chunks(rows, 2000))
    await tx.insert(linkLsh).values(part).onConflictDoNothing();
}

/** Ads whose text is a near-duplicate of each given ad's, found through shared LSH buckets. */
async function nearDuplicates(
  tx: DbOrTx,
  sigs: Map<string, number[]>,
  threshold: number,
): Promise<Map<string, string[]>> {
  const src: string[] = [];
  const bands: number[] = [];
  const buckets: string[] = [];
  for (const [adId, sig] of sigs) {
    for (const b of lshBuckets(sig)) {
      src.push(adId);
      bands.push(b.band);
      buckets.push(b.bucket.toString());
    }
  }
  const out = new Map<string, string[]>();
  if (src.length === 0) return out;
  const candidatePairs: { src: string; ad: string }[] = [];
  for (const part of chunks(
    src.map((s, i) => i),
    4000,
  )) {
    const res = await tx.execute<{ src: string; ad_id: string }>(sql`
      SELECT DISTINCT q.src, c.ad_id
      FROM unnest(${sql.param(part.map((i) => src[i]))}::uuid[],
                  ${sql.param(part.map((i) => bands[i]))}::smallint[],
                  ${sql.param(part.map((i) => buckets[i]))}::bigint[]) AS q(src, band, bucket)
      CROSS JOIN LATERAL (
        SELECT l.ad_id FROM link_lsh l
        WHERE l.band = q.band AND l.bucket = q.bucket AND l.ad_id <> q.src
        LIMIT ${BUCKET_CANDIDATES}
      ) c`);
    for (const r of res.rows) candidatePairs.push({ src: r.src, ad: r.ad_id });
  }
  const unknown = [...new Set(candidatePairs.map((p) => p.ad))].filter((id) => !sigs.has(id));
  const known = new Map(sigs);
  for (const part of chunks(unknown)) {
    const rows = await tx
      .select({ adId: linkAds.adId, minhash: linkAds.minhash })
      .from(linkAds)
      .where(inArray(linkAds.adId, part));
    for (const r of rows) known.set(r.adId, r.minhash);
  }
  for (const { src: s, ad } of candidatePairs) {
    const a = sigs.get(s);
    const b = known.get(ad);
    if (!a || !b || estimateJaccard(a, b) < threshold) continue;
    const list = out.get(s) ?? [];
    list.push(ad);
    out.set(s, list);
  }
  return out;
}

/** Strong keys per ad, read from the key table. */
async function strongKeysOf(tx: DbOrTx, adIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks(adIds)) {
    const rows = await tx
      .select({ adId: linkKeys.adId, keyHash: linkKeys.keyHash })
      .from(linkKeys)
      .where(and(inArray(linkKeys.adId, part), eq(linkKeys.strong, true)));
    for (const r of rows) {
      const l = out.get(r.adId);
      if (l) l.push(r.keyHash);
      else out.set(r.adId, [r.keyHash]);
    }
  }
  return out;
}

async function membersOf(tx: DbOrTx, entityId: string): Promise<string[]> {
  const rows = await tx
    .select({ adId: linkAds.adId })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId));
  return rows.map((r) => r.adId).sort();
}

async function pointKeys(tx: DbOrTx, entityId: string, keyHashes: string[]) {
  const unique = [...new Set(keyHashes)];
  for (const part of chunks(unique)) {
    await tx
      .insert(linkStrongKeys)
      .values(part.map((keyHash) => ({ keyHash, entityId })))
      .onConflictDoUpdate({ target: linkStrongKeys.keyHash, set: { entityId } });
  }
}

async function newEntity(tx: DbOrTx, now: Date): Promise<string> {
  const [row] = await tx
    .insert(entities)
    .values({ createdAt: now, updatedAt: now, evidenceAt: now })
    .returning({ id: entities.id });
  if (!row) throw new Error('entity insert returned nothing');
  return row.id;
}

/**
 * Re-checks an entity that lost a bridge: its remaining members (outside `leaving`) are grouped by
 * their strong keys; the largest group keeps the entity, every other group becomes a new one.
 */
async function recheckEntity(
  tx: DbOrTx,
  entityId: string,
  leaving: Set<string>,
  hooks: LinkHooks,
  now: Date,
  outcome: LinkOutcome,
): Promise<void> {
  const members = (await membersOf(tx, entityId)).filter((id) => !leaving.has(id));
  await tx.delete(linkStrongKeys).where(eq(linkStrongKeys.entityId, entityId));
  if (members.length === 0) return;
  const keys = await strongKeysOf(tx, members);
  const uf = new UnionFind();
  for (const ad of members) {
    uf.add(`a:${ad}`);
    for (const k of keys.get(ad) ?? []) uf.union(`a:${ad}`, `k:${k}`);
  }
  const groups = [...uf.groups().values()]
    .map((g) =>
      g
        .filter((n) => n.startsWith('a:'))
        .map((n) => n.slice(2))
        .sort(),
    )
    .filter((g) => g.length > 0)
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
  const [keep, ...rest] = groups;
  await pointKeys(
    tx,
    entityId,
    (keep ?? []).flatMap((ad) => keys.get(ad) ?? []),
  );
  if (rest.length === 0) return;
  const created: string[] = [];
  for (const group of rest) {
    const id = await newEntity(tx, now);
    created.push(id);
    for (const part of chunks(group)) {
      await tx.update(linkAds).set({ entityId: id }).where(inArray(linkAds.adId, part));
    }
    await pointKeys(
      tx,
      id,
      group.flatMap((ad) => keys.get(ad) ?? []),
    );
  }
  await hooks.onSplit?.(tx, entityId, created);
  outcome.split.push({ from: entityId, into: created });
  outcome.touched.push(entityId, ...created);
}

/**
 * Links new or changed ads (and unlinks ads that no longer exist). Each call touches only the
 * entities the ads join or leave — never a recomputation of everything.
 */
export async function linkAdBatch(
  db: Db,
  settings: LinkSettings,
  adIds: string[],
  hooks: LinkHooks = {},
  now = new Date(),
): Promise<LinkOutcome> {
  const ids = [...new Set(adIds)].sort();
  const outcome: LinkOutcome = { touched: [], merged: [], split: [], removed: [] };
  if (ids.length === 0) return outcome;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LINK_LOCK})`);
    const data = await adsForLinking(tx, ids);
    const present = new Map(data.map((d) => [d.adId, d]));
    const newKeys = await keysOfAds(tx, settings, data);
    const oldRows = await tx.select().from(linkAds).where(inArray(linkAds.adId, ids));
    const oldRow = new Map(oldRows.map((r) => [r.adId, r]));
    const oldStrong = await strongKeysOf(tx, ids);

    // Keys and LSH buckets of the batch are replaced by those of the current versions.
    for (const part of chunks(ids)) {
      await tx.delete(linkKeys).where(inArray(linkKeys.adId, part));
      await tx.delete(linkLsh).where(inArray(linkLsh.adId, part));
    }
    await insertKeys(tx, newKeys);
    const sigs = new Map<string, number[]>();
    const firstSigs = await adSignatures(
      tx,
      settings,
      data.filter((ad) => !oldRow.has(ad.adId)),
    );
    for (const ad of data) {
      const old = oldRow.get(ad.adId);
      sigs.set(ad.adId, old ? old.minhash : (firstSigs.get(ad.adId) ?? []));
    }
    await insertLsh(tx, sigs);

    // An entity that loses a bridge (a key gone from an ad, or the ad itself) is re-checked.
    const leaving = new Set(ids);
    const recheck = new Set<string>();
    for (const id of ids) {
      const old = oldRow.get(id);
      if (!old) continue;
      const now_ = new Set((newKeys.get(id) ?? []).filter((k) => k.strong).map((k) => k.keyHash));
      const lost = (oldStrong.get(id) ?? []).some((k) => !now_.has(k)) || !present.has(id);
      if (lost) recheck.add(old.entityId);
    }
    for (const entityId of [...recheck].sort()) {
      await recheckEntity(tx, entityId, leaving, hooks, now, outcome);
    }

    // Near-duplicate text joins entities only when configured (templates are assigned below).
    const dups = settings.mergeNearDuplicates
      ? await nearDuplicates(tx, sigs, settings.nearDupThreshold)
      : new Map<string, string[]>();

    // Union: batch ads with their strong keys, keys with the entities they point at.
    const uf = new UnionFind();
    const strongOfBatch = new Map<string, string[]>();
    for (const ad of data) {
      const strong = (newKeys.get(ad.adId) ?? []).filter((k) => k.strong).map((k) => k.keyHash);
      strongOfBatch.set(ad.adId, strong);
      uf.add(`a:${ad.adId}`);
      for (const k of strong) uf.union(`a:${ad.adId}`, `k:${k}`);
    }
    const allStrong = [...new Set([...strongOfBatch.values()].flat())];
    for (const part of chunks(allStrong)) {
      const rows = await tx
        .select()
        .from(linkStrongKeys)
        .where(inArray(linkStrongKeys.keyHash, part));
      for (const r of rows) uf.union(`k:${r.keyHash}`, `e:${r.entityId}`);
    }
    if (settings.mergeNearDuplicates) {
      const others = [...new Set([...dups.values()].flat())].filter((id) => !present.has(id));
      const entityOf = new Map<string, string>();
      for (const part of chunks(others)) {
        const rows = await tx
          .select({ adId: linkAds.adId, entityId: linkAds.entityId })
          .from(linkAds)
          .where(inArray(linkAds.adId, part));
        for (const r of rows) entityOf.set(r.adId, r.entityId);
      }
      for (const [src, list] of dups) {
        for (const other of list) {
          if (present.has(other)) uf.union(`a:${src}`, `a:${other}`);
          else if (entityOf.has(other)) uf.union(`a:${src}`, `e:${entityOf.get(other)}`);
        }
      }
    }

    // Each group with batch ads lands in one entity: the largest it touches, or a reused or new one.
    const groups = [...uf.groups().values()].filter((g) => g.some((n) => n.startsWith('a:')));
    const touchedEntities = new Set<string>();
    const entityIds = [
      ...new Set(groups.flatMap((g) => g.filter((n) => n.startsWith('e:')).map((n) => n.slice(2)))),
    ];
    const sizes = new Map<string, { count: number; createdAt: Date }>();
    for (const part of chunks(entityIds)) {
      const rows = await tx
        .select({ id: entities.id, createdAt: entities.createdAt })
        .from(entities)
        .where(inArray(entities.id, part));
      const counts = await tx
        .select({ id: linkAds.entityId, n: sql<number>`count(*)::int` })
        .from(linkAds)
        .where(inArray(linkAds.entityId, part))
        .groupBy(linkAds.entityId);
      const countOf = new Map(counts.map((c) => [c.id, c.n]));
      for (const r of rows)
        sizes.set(r.id, { count: countOf.get(r.id) ?? 0, createdAt: r.createdAt });
    }
    const assignment = new Map<string, string>();
    const claimed = new Set<string>(entityIds);
    // Entities that held only batch ads, free to be reused so a singleton keeps its id (and lead).
    const freeOld = new Map<string, string>();
    for (const id of ids) {
      const old = oldRow.get(id);
      if (old && !claimed.has(old.entityId)) freeOld.set(id, old.entityId);
    }
    const sortedGroups = groups
      .map((g) => ({
        ads: g
          .filter((n) => n.startsWith('a:'))
          .map((n) => n.slice(2))
          .sort(),
        ents: g
          .filter((n) => n.startsWith('e:'))
          .map((n) => n.slice(2))
          .sort(),
      }))
      .sort((a, b) => (a.ads[0] ?? '').localeCompare(b.ads[0] ?? ''));
    for (const group of sortedGroups) {
      let survivor: string | undefined;
      if (group.ents.length > 0) {
        survivor = [...group.ents].sort((a, b) => {
          const sa = sizes.get(a);
          const sb = sizes.get(b);
          return (
            (sb?.count ?? 0) - (sa?.count ?? 0) ||
            (sa?.createdAt.getTime() ?? 0) - (sb?.createdAt.getTime() ?? 0) ||
            a.localeCompare(b)
          );
        })[0];
      }
      if (!survivor) {
        for (const ad of group.ads) {
          const free = freeOld.get(ad);
          if (free && !claimed.has(free)) {
            survivor = free;
            break;
          }
        }
      }
      survivor ??= await newEntity(tx, now);
      claimed.add(survivor);
      for (const ad of group.ads) assignment.set(ad, survivor);
      const merged = group.ents.filter((e) => e !== survivor);
      if (merged.length > 0) {
        for (const part of chunks(merged)) {
          await tx
            .update(linkAds)
            .set({ entityId: survivor })
            .where(inArray(linkAds.entityId, part));
          await tx
            .update(linkStrongKeys)
            .set({ entityId: survivor })
            .where(inArray(linkStrongKeys.entityId, part));
        }
        await hooks.onMerge?.(tx, merged, survivor);
        for (const from of merged) outcome.merged.push({ from, into: survivor });
      }
      await pointKeys(
        tx,
        survivor,
        group.ads.flatMap((ad) => strongOfBatch.get(ad) ?? []),
      );
      touchedEntities.add(survivor);
    }

    // Templates: an ad joins one when it is first linked and keeps it.
    const templateOf = await assignTemplates(
      tx,
      data,
      oldRow,
      sigs,
      settings.nearDupThreshold,
      now,
    );

    for (const ad of data) {
      const entityId = assignment.get(ad.adId);
      if (!entityId) continue;
      const row = {
        adId: ad.adId,
        adVersionId: ad.currentVersionId,
        entityId,
        templateId: templateOf.templates.get(ad.adId) ?? null,
        minhash: sigs.get(ad.adId) ?? [],
        linkedAt: now,
        linkOrder: templateOf.linkOrder.get(ad.adId) ?? null,
      };
      await tx.insert(linkAds).values(row).onConflictDoUpdate({ target: linkAds.adId, set: row });
    }
    // Ads that no longer exist leave (their rows went with them; a purge calls this first).
    const gone = ids.filter((id) => !present.has(id));
    for (const part of chunks(gone)) await tx.delete(linkAds).where(inArray(linkAds.adId, part));
    const templateEntities = await recountTemplates(tx, templateOf.touchedTemplates, now);

    // Old entities left behind: emptied ones follow their ads (or go), the others changed.
    for (const id of ids) {
      const old = oldRow.get(id);
      if (!old) continue;
      touchedEntities.add(old.entityId);
    }
    for (const e of outcome.touched) touchedEntities.add(e);
    for (const e of templateEntities) touchedEntities.add(e);
    const mergedAway = new Set(outcome.merged.map((m) => m.from));
    const candidates = [...touchedEntities].filter((e) => !mergedAway.has(e)).sort();
    const alive = new Set<string>();
    for (const part of chunks(candidates)) {
      const rows = await tx
        .select({ id: linkAds.entityId, n: sql<number>`count(*)::int` })
        .from(linkAds)
        .where(inArray(linkAds.entityId, part))
        .groupBy(linkAds.entityId);
      for (const r of rows) {
        alive.add(r.id);
        await tx
          .update(entities)
          .set({ adCount: r.n, updatedAt: now, evidenceAt: now })
          .where(eq(entities.id, r.id));
      }
    }
    const emptied = candidates.filter((e) => !alive.has(e));
    for (const e of emptied) {
      // Where did its ads go? A lead on it follows them; an entity whose ads were purged just ends.
      const movedTo = ids
        .filter((id) => oldRow.get(id)?.entityId === e)
        .map((id) => assignment.get(id))
        .find((x): x is string => !!x && x !== e);
      if (movedTo) {
        await hooks.onMerge?.(tx, [e], movedTo);
        outcome.merged.push({ from: e, into: movedTo });
      } else {
        outcome.removed.push(e);
      }
    }
    const toDelete = [...mergedAway, ...emptied];
    if (toDelete.length > 0) {
      const merges = outcome.merged.map((m) => ({ fromId: m.from, intoId: m.into, at: now }));
      for (const part of chunks(merges)) {
        await tx
          .insert(entityMerges)
          .values(part)
          .onConflictDoUpdate({
            target: entityMerges.fromId,
            set: { intoId: sql`excluded.into_id` },
          });
      }
      // Earlier merges into a deleted entity now point at where it went.
      for (const m of outcome.merged) {
        await tx
          .update(entityMerges)
          .set({ intoId: m.into })
          .where(eq(entityMerges.intoId, m.from));
      }
      for (const part of chunks(toDelete)) {
        await tx.delete(linkStrongKeys).where(inArray(linkStrongKeys.entityId, part));
        await tx.delete(entities).where(inArray(entities.id, part));
      }
    }
    outcome.touched = [...alive].sort();
  });
  return outcome;
}

/**
 * An ad's text for near-duplicates and templates is the text it was first posted with: a template
 * is how an ad was written, so later edits neither move it nor make a rebuild disagree with the
 * order in which the incremental path met the ads.
 */
export async function adSignatures(
  tx: DbOrTx,
  settings: LinkSettings,
  ads: AdForLinking[],
): Promise<Map<string, number[]>> {
  const firstOf = new Map<string, string>();
  for (const ad of ads) {
    const first = ad.versions[0];
    if (first) firstOf.set(ad.adId, first.versionId);
  }
  const texts = await adVersionTexts(tx, settings.fieldKeys, [...firstOf.values()]);
  const out = new Map<string, number[]>();
  for (const ad of ads) {
    const text = texts.get(firstOf.get(ad.adId) ?? '');
    out.set(ad.adId, text ? signatureOf(text) : []);
  }
  return out;
}

/** Orders two signatures by content, so ties between templates break the same way everywhere. */
function compareSigs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The template whose representative is most similar (at least the threshold), if any. */
export function bestTemplate(
  sig: ArrayLike<number>,
  candidates: { id: string; minhash: ArrayLike<number> }[],
  threshold: number,
): string | null {
  let best: { id: string; sim: number; rep: ArrayLike<number> } | null = null;
  for (const c of candidates) {
    const sim = estimateJaccard(sig, c.minhash);
    if (sim < threshold) continue;
    if (!best || sim > best.sim || (sim === best.sim && compareSigs(c.minhash, best.rep) < 0)) {
      best = { id: c.id, sim, rep: c.minhash };
    }
  }
  return best?.id ?? null;
}

async function foundTemplate(tx: DbOrTx, sig: number[], now: Date): Promise<string> {
  const [row] = await tx
    .insert(linkTemplates)
    .values({ minhash: sig, updatedAt: now })
    .returning({ id: linkTemplates.id });
  if (!row) throw new Error('template insert returned nothing');
  await tx
    .insert(linkTemplateLsh)
    .values(lshBuckets(sig).map((b) => ({ band: b.band, bucket: b.bucket, templateId: row.id })))
    .onConflictDoNothing();
  return row.id;
}

/**
 * Template membership for a batch, ad by ad in the order first seen: an ad joins the
 * template whose representative it resembles most; failing that, it founds a new template with
 * the near-duplicate ads that have none yet. An ad keeps its template.
 */
async function assignTemplates(
  tx: DbOrTx,
  data: AdForLinking[],
  oldRow: Map<string, typeof linkAds.$inferSelect>,
  sigs: Map<string, number[]>,
  threshold: number,
  now: Date,
): Promise<{
  templates: Map<string, string | null>;
  touchedTemplates: Set<string>;
  linkOrder: Map<string, number>;
}> {
  const result = new Map<string, string | null>();
  const touched = new Set<string>();
  const batch = new Set(data.map((d) => d.adId));
  // Ads linked before come in the order they were met; new ones after them, as first seen.
  const ordered = [...data].sort(
    (a, b) =>
      (oldRow.get(a.adId)?.linkOrder ?? Infinity) - (oldRow.get(b.adId)?.linkOrder ?? Infinity) ||
      a.firstSeenAt.getTime() - b.firstSeenAt.getTime() ||
      a.adId.localeCompare(b.adId),
  );
  const linkOrder = new Map<string, number>();
  const [top] = await tx
    .select({ max: sql<string | null>`max(${linkAds.linkOrder})` })
    .from(linkAds);
  let next = Number(top?.max ?? 0) + 1;
  for (const ad of ordered) {
    const known = oldRow.get(ad.adId)?.linkOrder;
    linkOrder.set(ad.adId, known ?? next++);
  }
  for (const ad of ordered) {
    const old = oldRow.get(ad.adId);
    const sig = sigs.get(ad.adId) ?? [];
    // Assigned once, when the ad was first linked (see adSignatures).
    if (old) {
      result.set(ad.adId, old.templateId);
      continue;
    }
    if (sig.length === 0) {
      result.set(ad.adId, null);
      continue;
    }
    const buckets = lshBuckets(sig);
    const bandsParam = sql.param(buckets.map((b) => b.band));
    const bucketsParam = sql.param(buckets.map((b) => b.bucket.toString()));
    const reps = await tx.execute<{ id: string; minhash: number[] }>(sql`
      SELECT t.id, t.minhash FROM link_templates t
      WHERE t.id IN (
        SELECT l.template_id FROM link_template_lsh l
        JOIN unnest(${bandsParam}::smallint[], ${bucketsParam}::bigint[]) AS q(band, bucket)
          ON l.band = q.band AND l.bucket = q.bucket)`);
    const joined = bestTemplate(sig, reps.rows, threshold);
    if (joined) {
      result.set(ad.adId, joined);
      touched.add(joined);
      continue;
    }
    // Near-duplicates without a template: earlier ads of this batch, and stored ones.
    const fellows = ordered
      .filter((o) => o !== ad && result.has(o.adId) && result.get(o.adId) === null)
      .filter((o) => estimateJaccard(sig, sigs.get(o.adId) ?? []) >= threshold)
      .map((o) => o.adId);
    const stored = await tx.execute<{ ad_id: string; minhash: number[] }>(sql`
      SELECT DISTINCT c.ad_id, c.minhash
      FROM unnest(${bandsParam}::smallint[], ${bucketsParam}::bigint[]) AS q(band, bucket)
      CROSS JOIN LATERAL (
        SELECT la.ad_id, la.minhash FROM link_lsh l JOIN link_ads la ON la.ad_id = l.ad_id
        WHERE l.band = q.band AND l.bucket = q.bucket AND la.template_id IS NULL
        LIMIT ${BUCKET_CANDIDATES}
      ) c`);
    const storedFellows = stored.rows
      .filter((r) => !batch.has(r.ad_id) && estimateJaccard(sig, r.minhash) >= threshold)
      .map((r) => r.ad_id);
    if (fellows.length === 0 && storedFellows.length === 0) {
      result.set(ad.adId, null);
      continue;
    }
    const id = await foundTemplate(tx, sig, now);
    touched.add(id);
    result.set(ad.adId, id);
    for (const f of fellows) result.set(f, id);
    for (const part of chunks(storedFellows)) {
      await tx.update(linkAds).set({ templateId: id }).where(inArray(linkAds.adId, part));
    }
  }
  return { templates: result, touchedTemplates: touched, linkOrder };
}

/**
 * Recounts templates after their members changed; a template left with one ad is dissolved.
 * Returns the entities using them, whose template features changed.
 */
async function recountTemplates(tx: DbOrTx, templateIds: Set<string>, now: Date) {
  const touched = new Set<string>();
  for (const part of chunks([...templateIds].sort())) {
    const rows = await tx
      .select({
        id: linkAds.templateId,
        ads: sql<number>`count(*)::int`,
        ents: sql<number>`count(DISTINCT ${linkAds.entityId})::int`,
        entityIds: sql<string[]>`array_agg(DISTINCT ${linkAds.entityId})`,
      })
      .from(linkAds)
      .where(inArray(linkAds.templateId, part))
      .groupBy(linkAds.templateId);
    const seen = new Set<string>();
    for (const r of rows) {
      if (!r.id) continue;
      seen.add(r.id);
      for (const e of r.entityIds) touched.add(e);
      if (r.ads < 2) {
        await tx.update(linkAds).set({ templateId: null }).where(eq(linkAds.templateId, r.id));
        await tx.delete(linkTemplates).where(eq(linkTemplates.id, r.id));
        continue;
      }
      await tx
        .update(linkTemplates)
        .set({ adCount: r.ads, entityCount: r.ents, updatedAt: now })
        .where(eq(linkTemplates.id, r.id));
    }
    const empty = part.filter((id) => !seen.has(id));
    if (empty.length > 0) await tx.delete(linkTemplates).where(inArray(linkTemplates.id, empty));
  }
  return touched;
}

export interface RebuildResult {
  ads: number;
  entities: number;
  templates: number;
  /** Entities whose membership differs from before the rebuild. */
  changed: string[];
  merged: { from: string; into: string }[];
  removed: string[];
}

/**
 * Rebuilds every link from scratch: keys, signatures, entities and templates computed over all ads
 * in memory, then written back. Entities keep their ids where their ads stay together, so leads
 * follow them; the result is what the incremental path should have built.
 */
export async function rebuildLinks(
  db: Db,
  settings: LinkSettings,
  hooks: LinkHooks = {},
  now = new Date(),
  onProgress?: (done: number) => void,
): Promise<RebuildResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LINK_LOCK})`);
    const adIds: string[] = [];
    const keys = new Map<string, LinkKey[]>();
    const versions = new Map<string, string>();
    const sigs = new Map<string, number[]>();
    const oldEntity = new Map<string, string>();
    const firstSeenOf = new Map<string, number>();
    const linkOrderOf = new Map<string, number>();
    let after: string | null = null;
    for (;;) {
      const page: string[] = await adIdsPage(tx, after, CHUNK);
      if (page.length === 0) break;
      after = page[page.length - 1] ?? null;
      const data = await adsForLinking(tx, page);
      const pageKeys = await keysOfAds(tx, settings, data);
      const old = await tx
        .select({
          adId: linkAds.adId,
          entityId: linkAds.entityId,
          adVersionId: linkAds.adVersionId,
          minhash: linkAds.minhash,
          linkOrder: linkAds.linkOrder,
        })
        .from(linkAds)
        .where(inArray(linkAds.adId, page));
      const oldOf = new Map(old.map((o) => [o.adId, o]));
      const firstSigs = await adSignatures(
        tx,
        settings,
        data.filter((ad) => !oldOf.has(ad.adId)),
      );
      for (const ad of data) {
        adIds.push(ad.adId);

        keys.set(ad.adId, pageKeys.get(ad.adId) ?? []);
        versions.set(ad.adId, ad.currentVersionId);
        const o = oldOf.get(ad.adId);
        if (o) oldEntity.set(ad.adId, o.entityId);
        if (o?.linkOrder != null) linkOrderOf.set(ad.adId, o.linkOrder);
        sigs.set(ad.adId, o ? o.minhash : (firstSigs.get(ad.adId) ?? []));
        firstSeenOf.set(ad.adId, ad.firstSeenAt.getTime());
      }
      onProgress?.(adIds.length);
    }

    // Entities: connected components of ads over strong keys.
    const uf = new UnionFind();
    for (const id of adIds) {
      uf.add(`a:${id}`);
      for (const k of keys.get(id) ?? []) if (k.strong) uf.union(`a:${id}`, `k:${k.keyHash}`);
    }
    if (settings.mergeNearDuplicates) {
      for (const [a, b] of nearDuplicatePairs(adIds, sigs, settings.nearDupThreshold)) {
        uf.union(`a:${a}`, `a:${b}`);
      }
    }
    const components = [...uf.groups().values()]
      .map((g) =>
        g
          .filter((n) => n.startsWith('a:'))
          .map((n) => n.slice(2))
          .sort(),
      )
      .filter((g) => g.length > 0)
      .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));

    // Each component keeps the old entity holding most of its ads (each old id used once).
    const existing = await tx.select({ id: entities.id }).from(entities);
    const claimed = new Set<string>();
    const entityOfComponent: string[] = [];
    const changed: string[] = [];
    const oldMembers = new Map<string, Set<string>>();
    for (const [ad, e] of oldEntity) {
      const s = oldMembers.get(e) ?? new Set<string>();
      s.add(ad);
      oldMembers.set(e, s);
    }
    for (const comp of components) {
      const overlap = new Map<string, number>();
      for (const ad of comp) {
        const e = oldEntity.get(ad);
        if (e && !claimed.has(e)) overlap.set(e, (overlap.get(e) ?? 0) + 1);
      }
      const best = [...overlap].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
      let id = best?.[0];
      if (!id) {
        id = await newEntity(tx, now);
        changed.push(id);
      } else {
        const before = oldMembers.get(id);
        if (!before || before.size !== comp.length || comp.some((a) => !before.has(a))) {
          changed.push(id);
        }
      }
      claimed.add(id);
      entityOfComponent.push(id);
    }

    // Templates: the same rule as the incremental path, ad by ad in the order first seen.
    const firstSeen = new Map<string, number>();
    for (const id of adIds) firstSeen.set(id, firstSeenOf.get(id) ?? 0);
    // In the order linking met the ads (see linkAds.linkOrder); ads never linked after them.
    const order = [...adIds].sort(
      (a, b) =>
        (linkOrderOf.get(a) ?? Infinity) - (linkOrderOf.get(b) ?? Infinity) ||
        (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0) ||
        a.localeCompare(b),
    );
    let nextOrder = 1;
    for (const o of linkOrderOf.values()) if (o >= nextOrder) nextOrder = o + 1;
    for (const id of order) if (!linkOrderOf.has(id)) linkOrderOf.set(id, nextOrder++);
    const templateMembers: { rep: number[]; ads: string[] }[] = [];
    const repIndex = new LshIndex<number>();
    const loose = new LshIndex();
    const templateIndexOf = new Map<string, number>();
    for (const id of order) {
      const sig = sigs.get(id) ?? [];
      if (sig.length === 0) continue;
      const joined = bestTemplate(
        sig,
        repIndex
          .candidates(sig)
          .map((i) => ({ id: String(i), minhash: templateMembers[i]?.rep ?? [] })),
        settings.nearDupThreshold,
      );
      if (joined !== null) {
        const i = Number(joined);
        templateMembers[i]?.ads.push(id);
        templateIndexOf.set(id, i);
        continue;
      }
      const fellows = loose
        .candidates(sig)
        .filter((o) => estimateJaccard(sig, sigs.get(o) ?? []) >= settings.nearDupThreshold);
      if (fellows.length === 0) {
        loose.add(id, sig);
        continue;
      }
      const i = templateMembers.length;
      templateMembers.push({ rep: sig, ads: [id, ...fellows] });
      repIndex.add(i, sig);
      templateIndexOf.set(id, i);
      for (const f of fellows) {
        loose.remove(f);
        templateIndexOf.set(f, i);
      }
    }
    const templateGroups = templateMembers.filter((t) => t.ads.length > 1);

    // Write everything back.
    await tx.delete(linkKeys);
    await tx.delete(linkLsh);
    await tx.delete(linkStrongKeys);
    await tx.update(linkAds).set({ templateId: null });
    await tx.delete(linkTemplates);
    await tx.delete(linkAds);
    await insertKeys(tx, keys);
    await insertLsh(tx, sigs);
    const templateOf = new Map<string, string>();
    for (const group of templateGroups) {
      const id = await foundTemplate(tx, group.rep, now);
      for (const ad of group.ads) templateOf.set(ad, id);
    }
    const rows: (typeof linkAds.$inferInsert)[] = [];
    components.forEach((comp, i) => {
      const entityId = entityOfComponent[i] as string;
      for (const ad of comp) {
        rows.push({
          adId: ad,
          adVersionId: versions.get(ad) as string,
          entityId,
          templateId: templateOf.get(ad) ?? null,
          minhash: sigs.get(ad) ?? [],
          linkedAt: now,
          linkOrder: linkOrderOf.get(ad) ?? null,
        });
      }
    });
    for (const part of chunks(rows)) await tx.insert(linkAds).values(part);
    const strongRows = new Map<string, string>();
    components.forEach((comp, i) => {
      for (const ad of comp) {
        for (const k of keys.get(ad) ?? []) {
          if (k.strong) strongRows.set(k.keyHash, entityOfComponent[i] as string);
        }
      }
    });
    for (const part of chunks([...strongRows])) {
      await tx
        .insert(linkStrongKeys)
        .values(part.map(([keyHash, entityId]) => ({ keyHash, entityId })));
    }
    await recountTemplates(tx, new Set(templateOf.values()), now);

    // Old entities not kept: a lead on one follows most of its ads; an entity with no ads left ends.
    const merged: { from: string; into: string }[] = [];
    const removed: string[] = [];
    const componentOfAd = new Map<string, string>();
    components.forEach((comp, i) =>
      comp.forEach((ad) => componentOfAd.set(ad, entityOfComponent[i] as string)),
    );
    for (const { id } of existing) {
      if (claimed.has(id)) continue;
      const counts = new Map<string, number>();
      for (const ad of oldMembers.get(id) ?? []) {
        const into = componentOfAd.get(ad);
        if (into) counts.set(into, (counts.get(into) ?? 0) + 1);
      }
      const into = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
      if (into) {
        await hooks.onMerge?.(tx, [id], into);
        merged.push({ from: id, into });
        await tx
          .insert(entityMerges)
          .values({ fromId: id, intoId: into, at: now })
          .onConflictDoUpdate({ target: entityMerges.fromId, set: { intoId: into, at: now } });
      } else {
        removed.push(id);
      }
      await tx.delete(entities).where(eq(entities.id, id));
    }
    for (const part of chunks(changed)) {
      await tx
        .update(entities)
        .set({ updatedAt: now, evidenceAt: now })
        .where(inArray(entities.id, part));
    }
    await tx.execute(sql`
      UPDATE entities e SET ad_count = c.n
      FROM (SELECT entity_id, count(*)::int AS n FROM link_ads GROUP BY entity_id) c
      WHERE c.entity_id = e.id AND e.ad_count <> c.n`);
    return {
      ads: adIds.length,
      entities: components.length,
      templates: templateGroups.length,
      changed: changed.sort(),
      merged,
      removed,
    };
  });
}

/** Near-duplicate pairs over all signatures, through an in-memory LSH index (sub-quadratic). */
function nearDuplicatePairs(
  adIds: string[],
  sigs: Map<string, number[]>,
  threshold: number,
): [string, string][] {
  const index = new LshIndex();
  const pairs: [string, string][] = [];
  for (const id of adIds) {
    const sig = sigs.get(id);
    if (!sig) continue;
    for (const other of index.candidates(sig)) {
      const o = sigs.get(other);
      if (o && estimateJaccard(sig, o) >= threshold) pairs.push([other, id]);
    }
    index.add(id, sig);
  }
  return pairs;
}
