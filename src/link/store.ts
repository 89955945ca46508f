// Entities kept up to date as ads arrive, and rebuilt from scratch on demand. Both paths gather,
// decide, then write: they read the ads' strong keys, near-duplicate pairs and the entities in
// reach, hand them to the pure linking plan (plan.ts: which entities survive, merge, split, end),
// and write its result in one transaction. The incremental path gathers only a batch's
// neighbourhood: the strong-key table is the union-find's find(), so a new ad finds the entities it
// joins in one indexed lookup per key. Near-duplicate text joins ads into templates. Runs under one
// advisory lock so concurrent workers never interleave merges.
import { randomUUID } from 'node:crypto';
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
  bestTemplate,
  CENTROID_MEMBERS,
  centroidOf,
  TEMPLATE_THRESHOLD,
  TemplateClusterer,
} from './template-clusters.js';
import {
  entities,
  entityMerges,
  linkAdLines,
  linkAds,
  linkBoilerplate,
  linkKeys,
  linkLsh,
  linkStrongKeys,
  linkTemplateLsh,
  linkTemplates,
} from './schema.js';
import { templateTokens } from './template-text.js';
import { BOILERPLATE_RULE, isBoilerplate, textLines, withoutBoilerplate } from './boilerplate.js';
import { boilerplateOfSources } from './boilerplate-store.js';
import { planLinks, type LinkPlan, type PlanAd } from './plan.js';
import { drawUniqueAliases } from './alias.js';

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

async function pointKeys(tx: DbOrTx, entityId: string, keyHashes: string[]) {
  const unique = [...new Set(keyHashes)];
  for (const part of chunks(unique)) {
    await tx
      .insert(linkStrongKeys)
      .values(part.map((keyHash) => ({ keyHash, entityId })))
      .onConflictDoUpdate({ target: linkStrongKeys.keyHash, set: { entityId } });
  }
}

/** New entities, each with a fresh alias (callers hold the linking lock, so no draw races another). */
async function insertEntities(tx: DbOrTx, ids: string[], now: Date): Promise<void> {
  for (const part of chunks(ids)) {
    const aliases = await drawUniqueAliases(part.length, async (candidates) => {
      const rows = await tx
        .select({ alias: entities.alias })
        .from(entities)
        .where(inArray(entities.alias, candidates));
      return new Set(rows.map((r) => r.alias));
    });
    await tx.insert(entities).values(
      part.map((id, i) => ({
        id,
        alias: aliases[i]!,
        createdAt: now,
        updatedAt: now,
        evidenceAt: now,
      })),
    );
  }
}

/** Creation times and current sizes of entities, as the plan weighs them. */
async function entitiesForPlan(
  tx: DbOrTx,
  ids: string[],
): Promise<Map<string, { createdAt: number; count: number }>> {
  const out = new Map<string, { createdAt: number; count: number }>();
  for (const part of chunks(ids)) {
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
      out.set(r.id, { createdAt: r.createdAt.getTime(), count: countOf.get(r.id) ?? 0 });
  }
  return out;
}

/** Hands the plan's merges and splits to the hooks: splits first, while the split entity's lead is where it was. */
async function runHooks(tx: DbOrTx, hooks: LinkHooks, plan: LinkPlan): Promise<void> {
  for (const s of plan.split) await hooks.onSplit?.(tx, s.from, s.into);
  const intoOf = groupBy(plan.merged, (m) => m.into);
  for (const into of [...intoOf.keys()].sort()) {
    const from = (intoOf.get(into) ?? []).map((m) => m.from);
    await hooks.onMerge?.(tx, from, into);
  }
}

/** Records where merged entities went (and repoints earlier merges into them), then deletes every entity the plan did not keep. */
async function endEntities(tx: DbOrTx, plan: LinkPlan, now: Date): Promise<void> {
  const merges = plan.merged.map((m) => ({ fromId: m.from, intoId: m.into, at: now }));
  for (const part of chunks(merges)) {
    await tx
      .insert(entityMerges)
      .values(part)
      .onConflictDoUpdate({
        target: entityMerges.fromId,
        set: { intoId: sql`excluded.into_id`, at: sql`excluded.at` },
      });
  }
  for (const m of plan.merged) {
    await tx.update(entityMerges).set({ intoId: m.into }).where(eq(entityMerges.intoId, m.from));
  }
  const ended = [...plan.merged.map((m) => m.from), ...plan.removed];
  for (const part of chunks(ended)) {
    await tx.delete(linkStrongKeys).where(inArray(linkStrongKeys.entityId, part));
    await tx.delete(entities).where(inArray(entities.id, part));
  }
}

/**
 * Links new or changed ads (and unlinks ads that no longer exist). Each call touches only the
 * entities the ads join or leave — never a recomputation of everything: the plan sees the batch,
 * every member of an entity that lost a bridge (a key gone from an ad, or the ad itself), and the
 * other entities the batch reaches as they stand (their size, their strong keys).
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
    const firstLinked = data.filter((ad) => !oldRow.has(ad.adId));
    const texts = await firstVersionTexts(tx, settings, firstLinked);
    await insertAdLines(tx, firstLinked, texts);
    const boilerplate = await refreshBoilerplate(
      tx,
      firstLinked.map((ad) => ad.sourceId),
    );
    const firstSigs = signaturesOf(firstLinked, texts, boilerplate.sets);
    for (const ad of data) {
      const old = oldRow.get(ad.adId);
      sigs.set(ad.adId, old ? old.minhash : (firstSigs.get(ad.adId) ?? []));
    }
    await insertLsh(tx, sigs);

    // Gather: an entity that loses a bridge is re-examined whole; its other members are placed too.
    const recheck = new Set<string>();
    for (const id of ids) {
      const old = oldRow.get(id);
      if (!old) continue;
      const now_ = new Set((newKeys.get(id) ?? []).filter((k) => k.strong).map((k) => k.keyHash));
      const lost = (oldStrong.get(id) ?? []).some((k) => !now_.has(k)) || !present.has(id);
      if (lost) recheck.add(old.entityId);
    }
    const members: { adId: string; entityId: string; minhash: number[] }[] = [];
    for (const part of chunks([...recheck].sort())) {
      const rows = await tx
        .select({ adId: linkAds.adId, entityId: linkAds.entityId, minhash: linkAds.minhash })
        .from(linkAds)
        .where(inArray(linkAds.entityId, part));
      members.push(...rows.filter((r) => !oldRow.has(r.adId)));
    }
    const memberKeys = await strongKeysOf(
      tx,
      members.map((m) => m.adId),
    );
    const ads: PlanAd[] = [
      ...data.map((ad) => ({
        adId: ad.adId,
        strongKeys: (newKeys.get(ad.adId) ?? []).filter((k) => k.strong).map((k) => k.keyHash),
        entityId: oldRow.get(ad.adId)?.entityId ?? null,
      })),
      ...members.map((m) => ({
        adId: m.adId,
        strongKeys: memberKeys.get(m.adId) ?? [],
        entityId: m.entityId,
      })),
    ];
    const placed = new Set(ads.map((a) => a.adId));

    // Strong keys the batch shares with entities taken as they stand.
    const keyOwners = new Map<string, string>();
    const allStrong = [...new Set(ads.flatMap((a) => a.strongKeys))];
    for (const part of chunks(allStrong)) {
      const rows = await tx
        .select()
        .from(linkStrongKeys)
        .where(inArray(linkStrongKeys.keyHash, part));
      for (const r of rows) if (!recheck.has(r.entityId)) keyOwners.set(r.keyHash, r.entityId);
    }

    // Near-duplicate text joins entities only when configured (templates are assigned below).
    const dupPairs: [string, string][] = [];
    const entityLinks: [string, string][] = [];
    if (settings.mergeNearDuplicates) {
      const dups = await nearDuplicates(tx, sigs, settings.nearDupThreshold);
      const others = [...new Set([...dups.values()].flat())].filter((id) => !placed.has(id));
      const entityOf = new Map<string, string>();
      for (const part of chunks(others)) {
        const rows = await tx
          .select({ adId: linkAds.adId, entityId: linkAds.entityId })
          .from(linkAds)
          .where(inArray(linkAds.adId, part));
        for (const r of rows) entityOf.set(r.adId, r.entityId);
      }
      for (const [src, list] of dups) {
        if (!placed.has(src)) continue;
        for (const other of list) {
          const e = entityOf.get(other);
          if (placed.has(other)) dupPairs.push([src, other]);
          else if (e) entityLinks.push([src, e]);
        }
      }
      const memberSigs = new Map(members.map((m) => [m.adId, m.minhash]));
      dupPairs.push(
        ...nearDuplicatePairs(
          members.map((m) => m.adId),
          memberSigs,
          settings.nearDupThreshold,
        ),
      );
    }

    const involved = new Set<string>([
      ...oldRows.map((r) => r.entityId),
      ...recheck,
      ...keyOwners.values(),
      ...entityLinks.map(([, e]) => e),
    ]);
    const known = await entitiesForPlan(tx, [...involved]);
    const inPlan = new Map<string, number>();
    for (const r of oldRows) inPlan.set(r.entityId, (inPlan.get(r.entityId) ?? 0) + 1);
    for (const m of members) inPlan.set(m.entityId, (inPlan.get(m.entityId) ?? 0) + 1);

    // Decide.
    const plan = planLinks({
      ads,
      entities: [...known].map(([id, e]) => ({
        id,
        createdAt: e.createdAt,
        outside: e.count - (inPlan.get(id) ?? 0),
      })),
      nearDuplicates: dupPairs,
      keyOwners,
      entityLinks,
      newEntityId: randomUUID,
    });

    // Write.
    await insertEntities(
      tx,
      plan.entities.filter((e) => e.created).map((e) => e.id),
      now,
    );
    for (const e of plan.entities) {
      for (const part of chunks(e.absorbs)) {
        await tx.update(linkAds).set({ entityId: e.id }).where(inArray(linkAds.entityId, part));
        await tx
          .update(linkStrongKeys)
          .set({ entityId: e.id })
          .where(inArray(linkStrongKeys.entityId, part));
      }
    }
    for (const part of chunks([...recheck])) {
      await tx.delete(linkStrongKeys).where(inArray(linkStrongKeys.entityId, part));
    }
    const movedMembers = groupBy(
      plan.moved.filter((m) => !oldRow.has(m.adId) && !present.has(m.adId)),
      (m) => m.to,
    );
    for (const [to, list] of movedMembers) {
      for (const part of chunks(list.map((m) => m.adId))) {
        await tx.update(linkAds).set({ entityId: to }).where(inArray(linkAds.adId, part));
      }
    }
    const strongOf = new Map(ads.map((a) => [a.adId, a.strongKeys]));
    for (const e of plan.entities) {
      await pointKeys(
        tx,
        e.id,
        e.ads.flatMap((ad) => strongOf.get(ad) ?? []),
      );
    }

    // Templates: an ad joins one when it is first linked and keeps it.
    const templateOf = await assignTemplates(tx, data, oldRow, sigs, TEMPLATE_THRESHOLD, now);
    const adRows: (typeof linkAds.$inferInsert)[] = [];
    for (const ad of data) {
      const entityId = plan.entityOf.get(ad.adId);
      if (!entityId) continue;
      adRows.push({
        adId: ad.adId,
        adVersionId: ad.currentVersionId,
        entityId,
        templateId: templateOf.templates.get(ad.adId) ?? null,
        minhash: sigs.get(ad.adId) ?? [],
        linkedAt: now,
        linkOrder: templateOf.linkOrder.get(ad.adId) ?? null,
      });
    }
    for (const part of chunks(adRows)) {
      await tx
        .insert(linkAds)
        .values(part)
        .onConflictDoUpdate({
          target: linkAds.adId,
          set: {
            adVersionId: sql`excluded.ad_version_id`,
            entityId: sql`excluded.entity_id`,
            templateId: sql`excluded.template_id`,
            minhash: sql`excluded.minhash`,
            linkedAt: sql`excluded.linked_at`,
            linkOrder: sql`excluded.link_order`,
          },
        });
    }
    // Ads that no longer exist leave (their rows went with them; a purge calls this first).
    const gone = ids.filter((id) => !present.has(id));
    for (const part of chunks(gone)) await tx.delete(linkAds).where(inArray(linkAds.adId, part));
    const templateEntities = await recountTemplates(tx, templateOf.touchedTemplates, now);

    await runHooks(tx, hooks, plan);
    await endEntities(tx, plan, now);

    // Entities whose evidence changed: those the batch's ads are in, and those the plan changed.
    const ended = new Set([...plan.merged.map((m) => m.from), ...plan.removed]);
    const touched = new Set<string>(templateEntities);
    // A source's boilerplate changed: what its entities' signs are worth changed with it.
    for (const e of await entitiesOfSources(tx, boilerplate.changed)) touched.add(e);
    for (const e of plan.entities) {
      if (e.changed || e.ads.some((ad) => present.has(ad))) touched.add(e.id);
    }
    const candidates = [...touched].filter((e) => !ended.has(e)).sort();
    const alive = new Set<string>();
    for (const part of chunks(candidates)) {
      const rows = await tx
        .select({ id: linkAds.entityId, n: sql<number>`count(*)::int` })
        .from(linkAds)
        .where(inArray(linkAds.entityId, part))
        .groupBy(linkAds.entityId);
      for (const r of rows) alive.add(r.id);
      if (rows.length > 0) {
        await tx.execute(sql`
          UPDATE entities e SET ad_count = v.n, updated_at = ${now}, evidence_at = ${now}
          FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.n))}::int[])
            AS v(id, n)
          WHERE e.id = v.id`);
      }
    }
    outcome.merged = plan.merged;
    outcome.split = plan.split;
    outcome.removed = plan.removed;
    outcome.touched = [...alive].sort();
  });
  return outcome;
}

/**
 * An ad's text for near-duplicates and templates is the text it was first posted with: a template
 * is how an ad was written, so later edits neither move it nor make a rebuild disagree with the
 * order in which the incremental path met the ads.
 */
export async function firstVersionTexts(
  tx: DbOrTx,
  settings: LinkSettings,
  ads: AdForLinking[],
): Promise<Map<string, AdTextForLinking>> {
  const firstOf = new Map<string, string>();
  for (const ad of ads) {
    const first = ad.versions[0];
    if (first) firstOf.set(ad.adId, first.versionId);
  }
  const texts = await adVersionTexts(tx, settings.fieldKeys, [...firstOf.values()]);
  const out = new Map<string, AdTextForLinking>();
  for (const ad of ads) {
    const text = texts.get(firstOf.get(ad.adId) ?? '');
    if (text) out.set(ad.adId, text);
  }
  return out;
}

/**
 * Signatures of first versions, with the source's boilerplate as known now taken out: the site's
 * footer is no template its advertisers share. Computed once, when an ad is first linked, and kept
 * (a rebuild reuses it), so incremental linking and a rebuild compare the same signatures.
 */
function signaturesOf(
  ads: AdForLinking[],
  texts: Map<string, AdTextForLinking>,
  boilerplate: Map<string, Set<string>>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const ad of ads) {
    const text = texts.get(ad.adId);
    const bp = boilerplate.get(ad.sourceId);
    out.set(ad.adId, text ? signatureOf(bp ? withoutBoilerplate(text, bp) : text) : []);
  }
  return out;
}

/** Records the sentences of ads' first versions, per source (see boilerplate.ts). */
async function insertAdLines(
  tx: DbOrTx,
  ads: AdForLinking[],
  texts: Map<string, AdTextForLinking>,
): Promise<void> {
  const rows: { adId: string; sourceId: string; lineHash: string }[] = [];
  for (const ad of ads) {
    const text = texts.get(ad.adId);
    if (!text) continue;
    const hashes = new Set(textLines(text).map((l) => l.hash));
    for (const lineHash of hashes) rows.push({ adId: ad.adId, sourceId: ad.sourceId, lineHash });
  }
  for (const part of chunks(rows, 2000)) {
    await tx.insert(linkAdLines).values(part).onConflictDoNothing();
  }
}

/**
 * Decides the boilerplate of these sources again from their sentences (BOILERPLATE_RULE) and
 * records it; returns the new sets and the sources whose set changed (their entities' scores rest
 * on it). Only sentences in enough of the source's ads are counted further, so the work grows with
 * the few common sentences, not with all of them.
 */
async function refreshBoilerplate(
  tx: DbOrTx,
  sourceIds: string[],
): Promise<{ sets: Map<string, Set<string>>; changed: string[] }> {
  const before = await boilerplateOfSources(tx, sourceIds);
  const sets = new Map<string, Set<string>>();
  const changed: string[] = [];
  for (const sourceId of [...new Set(sourceIds)].sort()) {
    const res = await tx.execute<{
      line_hash: string;
      ads: number;
      numbers: number;
      source_ads: number;
    }>(sql`
      WITH src AS (
        SELECT count(DISTINCT ad_id)::int AS n FROM link_ad_lines WHERE source_id = ${sourceId}
      ), common AS (
        SELECT line_hash, count(*)::int AS ads FROM link_ad_lines
        WHERE source_id = ${sourceId}
        GROUP BY line_hash
        HAVING count(*) >= ${BOILERPLATE_RULE.minShare}::float8 * (SELECT n FROM src)
          AND (SELECT n FROM src) >= ${BOILERPLATE_RULE.minSourceAds}
      )
      SELECT c.line_hash, c.ads, (SELECT n FROM src) AS source_ads,
        (SELECT count(DISTINCT k.key_hash)::int FROM link_ad_lines l
          JOIN link_keys k ON k.ad_id = l.ad_id AND k.kind = 'phone'
          WHERE l.source_id = ${sourceId} AND l.line_hash = c.line_hash) AS numbers
      FROM common c`);
    const found = res.rows.filter((r) => isBoilerplate(r.ads, r.numbers, r.source_ads));
    const set = new Set(found.map((r) => r.line_hash));
    sets.set(sourceId, set);
    const old = before.get(sourceId) ?? new Set<string>();
    await tx.delete(linkBoilerplate).where(eq(linkBoilerplate.sourceId, sourceId));
    if (found.length > 0) {
      await tx
        .insert(linkBoilerplate)
        .values(
          found.map((r) => ({ sourceId, lineHash: r.line_hash, ads: r.ads, numbers: r.numbers })),
        );
    }
    if (old.size !== set.size || [...set].some((h) => !old.has(h))) changed.push(sourceId);
  }
  return { sets, changed };
}

/** Entities with ads of these sources (whose boilerplate changed). */
async function entitiesOfSources(tx: DbOrTx, sourceIds: string[]): Promise<string[]> {
  if (sourceIds.length === 0) return [];
  const res = await tx.execute<{ entity_id: string }>(sql`
    SELECT DISTINCT la.entity_id FROM link_ads la
    WHERE la.ad_id IN (
      SELECT DISTINCT ad_id FROM link_ad_lines WHERE source_id = ANY(${sql.param(sourceIds)}::uuid[]))`);
  return res.rows.map((r) => r.entity_id);
}

/** Writes new templates with their centroids and the LSH buckets they are found by. */
async function insertTemplates(tx: DbOrTx, centroids: Map<string, number[]>, now: Date) {
  const ids = [...centroids.keys()];
  for (const part of chunks(ids)) {
    await tx
      .insert(linkTemplates)
      .values(part.map((id) => ({ id, minhash: centroids.get(id) ?? [], updatedAt: now })));
  }
  const rows = ids.flatMap((templateId) =>
    lshBuckets(centroids.get(templateId) ?? []).map((b) => ({
      band: b.band,
      bucket: b.bucket,
      templateId,
    })),
  );
  for (const part of chunks(rows, 4000)) {
    await tx.insert(linkTemplateLsh).values(part).onConflictDoNothing();
  }
}

const bucketKey = (b: { band: number; bucket: bigint }) => `${b.band}:${b.bucket}`;

/**
 * What template assignment reads for a batch, in three queries whatever the batch's size: the
 * stored templates found by any bucket of the batch's new ads, the loose ads (no template, not in
 * the batch) in those buckets, and the stored members that make up the young templates' centroids.
 */
async function templateNeighbourhood(
  tx: DbOrTx,
  buckets: { band: number; bucket: bigint }[],
  batch: Set<string>,
) {
  const templates = new Map<string, { minhash: number[]; keys: Set<string> }>();
  const loose = new Map<string, { minhash: number[]; keys: Set<string> }>();
  const basis = new Map<string, number[][]>();
  if (buckets.length === 0) return { templates, loose, basis };
  const bands = sql.param(buckets.map((b) => b.band));
  const bucketIds = sql.param(buckets.map((b) => b.bucket.toString()));
  const batchIds = sql.param([...batch]);
  const reps = await tx.execute<{
    band: number;
    bucket: string;
    id: string;
    minhash: number[];
  }>(sql`
    SELECT l.band, l.bucket::text AS bucket, t.id, t.minhash
    FROM unnest(${bands}::smallint[], ${bucketIds}::bigint[]) AS q(band, bucket)
    JOIN link_template_lsh l ON l.band = q.band AND l.bucket = q.bucket
    JOIN link_templates t ON t.id = l.template_id`);
  for (const r of reps.rows) {
    const t = templates.get(r.id) ?? { minhash: r.minhash, keys: new Set<string>() };
    t.keys.add(`${r.band}:${r.bucket}`);
    templates.set(r.id, t);
  }
  const looseRows = await tx.execute<{
    band: number;
    bucket: string;
    ad_id: string;
    minhash: number[];
  }>(sql`
    SELECT q.band, q.bucket::text AS bucket, c.ad_id, c.minhash
    FROM unnest(${bands}::smallint[], ${bucketIds}::bigint[]) AS q(band, bucket)
    CROSS JOIN LATERAL (
      SELECT la.ad_id, la.minhash FROM link_lsh l JOIN link_ads la ON la.ad_id = l.ad_id
      WHERE l.band = q.band AND l.bucket = q.bucket AND la.template_id IS NULL
        AND la.ad_id <> ALL(${batchIds}::uuid[])
      LIMIT ${BUCKET_CANDIDATES}
    ) c`);
  for (const r of looseRows.rows) {
    const a = loose.get(r.ad_id) ?? { minhash: r.minhash, keys: new Set<string>() };
    a.keys.add(`${r.band}:${r.bucket}`);
    loose.set(r.ad_id, a);
  }
  if (templates.size > 0) {
    const members = await tx.execute<{ template_id: string; minhash: number[] }>(sql`
      SELECT q.id AS template_id, m.minhash
      FROM unnest(${sql.param([...templates.keys()])}::uuid[]) AS q(id)
      CROSS JOIN LATERAL (
        SELECT la.minhash FROM link_ads la
        WHERE la.template_id = q.id AND la.ad_id <> ALL(${batchIds}::uuid[])
        LIMIT ${CENTROID_MEMBERS}
      ) m`);
    for (const r of members.rows) {
      const list = basis.get(r.template_id) ?? [];
      list.push(r.minhash);
      basis.set(r.template_id, list);
    }
  }
  return { templates, loose, basis };
}

/**
 * Template membership for a batch, ad by ad in the order first seen, by the rule of
 * template-clusters.ts: an ad joins the template whose centroid it resembles most (and the centroid
 * takes it in while the template is young); failing that, it founds a new template with the
 * near-duplicate ads that have none yet. An ad keeps its template. The batch's neighbourhood is read
 * first and the decisions made in memory (a template the batch founds or moves is found by the
 * later ads through the same buckets), then written in a few statements: per ad, a query and a
 * write each cost far more than the decision.
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

  const bucketsOf = new Map<string, string[]>();
  const allBuckets = new Map<string, { band: number; bucket: bigint }>();
  for (const ad of ordered) {
    const sig = sigs.get(ad.adId) ?? [];
    if (oldRow.has(ad.adId) || sig.length === 0) continue;
    const keys: string[] = [];
    for (const b of lshBuckets(sig)) {
      const key = bucketKey(b);
      keys.push(key);
      allBuckets.set(key, b);
    }
    bucketsOf.set(ad.adId, keys);
  }
  const near = await templateNeighbourhood(tx, [...allBuckets.values()], batch);
  // Templates and loose ads by the batch's buckets (only those are ever looked up).
  const templatesIn = new Map<string, Set<string>>();
  /** The batch's buckets each template is placed in, so a move unplaces only those. */
  const placedIn = new Map<string, string[]>();
  const looseIn = new Map<string, string[]>();
  const centroids = new Map<string, number[]>();
  const place = (templateId: string, keys: Iterable<string>) => {
    const placed: string[] = [];
    for (const key of keys) {
      if (!allBuckets.has(key)) continue;
      const set = templatesIn.get(key) ?? new Set<string>();
      set.add(templateId);
      templatesIn.set(key, set);
      placed.push(key);
    }
    placedIn.set(templateId, placed);
  };
  for (const [id, t] of near.templates) {
    centroids.set(id, t.minhash);
    place(id, t.keys);
  }
  for (const [adId, a] of near.loose) {
    for (const key of a.keys) {
      const list = looseIn.get(key) ?? [];
      list.push(adId);
      looseIn.set(key, list);
    }
  }
  const founded = new Set<string>();
  const moved = new Set<string>();
  const takenLoose = new Map<string, string>();
  /** Moves a centroid: the template is found by the buckets of its new centroid only. */
  const setCentroid = (templateId: string, centroid: number[]) => {
    for (const key of placedIn.get(templateId) ?? []) templatesIn.get(key)?.delete(templateId);
    centroids.set(templateId, centroid);
    place(
      templateId,
      lshBuckets(centroid).map((b) => bucketKey(b)),
    );
  };
  // Signatures of a template's members while it has fewer than CENTROID_MEMBERS (null: more):
  // stored ones and this batch's.
  const centroidBasis = (templateId: string): number[][] | null => {
    const basis = [...(near.basis.get(templateId) ?? [])];
    for (const [adId, t] of result) if (t === templateId) basis.push(sigs.get(adId) ?? []);
    return basis.length < CENTROID_MEMBERS ? basis : null;
  };

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
    const keys = bucketsOf.get(ad.adId) ?? [];
    const candidates = new Set<string>();
    for (const key of keys) for (const id of templatesIn.get(key) ?? []) candidates.add(id);
    const joined = bestTemplate(
      sig,
      [...candidates].map((id) => ({ id, minhash: centroids.get(id) ?? [] })),
      threshold,
    );
    if (joined) {
      const basis = centroidBasis(joined);
      result.set(ad.adId, joined);
      touched.add(joined);
      if (basis) {
        setCentroid(joined, centroidOf([...basis, sig]));
        moved.add(joined);
      }
      continue;
    }
    // Near-duplicates without a template: earlier ads of this batch, and stored ones.
    const fellows = ordered
      .filter((o) => o !== ad && result.has(o.adId) && result.get(o.adId) === null)
      .filter((o) => estimateJaccard(sig, sigs.get(o.adId) ?? []) >= threshold)
      .map((o) => o.adId);
    const storedFellows = [...new Set(keys.flatMap((key) => looseIn.get(key) ?? []))].filter(
      (id) =>
        !takenLoose.has(id) && estimateJaccard(sig, near.loose.get(id)?.minhash ?? []) >= threshold,
    );
    if (fellows.length === 0 && storedFellows.length === 0) {
      result.set(ad.adId, null);
      continue;
    }
    const storedSigs = storedFellows.map((id) => near.loose.get(id)?.minhash ?? []);
    const id = randomUUID();
    founded.add(id);
    near.basis.set(id, storedSigs.slice(0, CENTROID_MEMBERS));
    setCentroid(id, centroidOf([sig, ...fellows.map((f) => sigs.get(f) ?? []), ...storedSigs]));
    touched.add(id);
    result.set(ad.adId, id);
    for (const f of fellows) result.set(f, id);
    for (const f of storedFellows) takenLoose.set(f, id);
  }

  // Write: the templates founded, the centroids moved and the buckets they are found by, and the
  // stored ads that joined a new template.
  await insertTemplates(tx, new Map([...founded].map((id) => [id, centroids.get(id) ?? []])), now);
  const movedStored = [...moved].filter((id) => !founded.has(id));
  for (const part of chunks(movedStored)) {
    const rows = part.map((id) => ({ id, minhash: centroids.get(id) ?? [] }));
    await tx.execute(sql`
      UPDATE link_templates t SET minhash = v.minhash, updated_at = ${now}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, minhash integer[])
      WHERE t.id = v.id`);
  }
  // A centroid that moved by a member changes few bands: only the buckets that changed are written.
  const gone: { band: number; bucket: bigint; templateId: string }[] = [];
  const added: { band: number; bucket: bigint; templateId: string }[] = [];
  for (const templateId of movedStored) {
    const before = lshBuckets(near.templates.get(templateId)?.minhash ?? []);
    const after = lshBuckets(centroids.get(templateId) ?? []);
    const beforeKeys = new Set(before.map((b) => bucketKey(b)));
    const afterKeys = new Set(after.map((b) => bucketKey(b)));
    for (const b of before) if (!afterKeys.has(bucketKey(b))) gone.push({ ...b, templateId });
    for (const b of after) if (!beforeKeys.has(bucketKey(b))) added.push({ ...b, templateId });
  }
  for (const part of chunks(gone, 4000)) {
    await tx.execute(sql`
      DELETE FROM link_template_lsh l
      USING unnest(${sql.param(part.map((g) => g.band))}::smallint[],
        ${sql.param(part.map((g) => g.bucket.toString()))}::bigint[],
        ${sql.param(part.map((g) => g.templateId))}::uuid[]) AS v(band, bucket, template_id)
      WHERE l.band = v.band AND l.bucket = v.bucket AND l.template_id = v.template_id`);
  }
  for (const part of chunks(added, 4000)) {
    await tx.insert(linkTemplateLsh).values(part).onConflictDoNothing();
  }
  const taken = [...takenLoose];
  for (const part of chunks(taken, 4000)) {
    await tx.execute(sql`
      UPDATE link_ads la SET template_id = v.template_id
      FROM unnest(${sql.param(part.map(([a]) => a))}::uuid[], ${sql.param(part.map(([, t]) => t))}::uuid[])
        AS v(ad_id, template_id)
      WHERE la.ad_id = v.ad_id`);
  }
  return { templates: result, touchedTemplates: touched, linkOrder };
}

/**
 * Recounts templates after their members changed; a template left with one ad is dissolved.
 * Returns the entities using them, whose template features changed.
 */
export async function recountTemplates(tx: DbOrTx, templateIds: Set<string>, now: Date) {
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
  /** Entities kept whose other ads now form new entities. */
  split: { from: string; into: string[] }[];
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
    const sourceOf = new Map<string, string>();
    const unlinkedTexts = new Map<string, AdTextForLinking>();
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
      // Sentences of ads that have none recorded (never linked, or linked before sentences were).
      const withLines = new Set(
        (
          await tx
            .selectDistinct({ adId: linkAdLines.adId })
            .from(linkAdLines)
            .where(inArray(linkAdLines.adId, page))
        ).map((r) => r.adId),
      );
      const unread = data.filter((ad) => !withLines.has(ad.adId) || !oldOf.has(ad.adId));
      const pageTexts = await firstVersionTexts(tx, settings, unread);
      await insertAdLines(
        tx,
        unread.filter((ad) => !withLines.has(ad.adId)),
        pageTexts,
      );
      for (const ad of data) {
        sourceOf.set(ad.adId, ad.sourceId);
        if (!oldOf.has(ad.adId)) {
          const text = pageTexts.get(ad.adId);
          if (text) unlinkedTexts.set(ad.adId, text);
        }
      }
      for (const ad of data) {
        adIds.push(ad.adId);

        keys.set(ad.adId, pageKeys.get(ad.adId) ?? []);
        versions.set(ad.adId, ad.currentVersionId);
        const o = oldOf.get(ad.adId);
        if (o) oldEntity.set(ad.adId, o.entityId);
        if (o?.linkOrder != null) linkOrderOf.set(ad.adId, o.linkOrder);
        if (o) sigs.set(ad.adId, o.minhash);
        firstSeenOf.set(ad.adId, ad.firstSeenAt.getTime());
      }
      onProgress?.(adIds.length);
    }
    // Boilerplate over every source; ads never linked get their signatures without it.
    const sourceIds = (await tx.selectDistinct({ id: linkAdLines.sourceId }).from(linkAdLines)).map(
      (r) => r.id,
    );
    const boilerplate = await refreshBoilerplate(tx, sourceIds);
    for (const [adId, text] of unlinkedTexts) {
      const bp = boilerplate.sets.get(sourceOf.get(adId) ?? '');
      sigs.set(adId, signatureOf(bp ? withoutBoilerplate(text, bp) : text));
    }
    for (const adId of adIds) if (!sigs.has(adId)) sigs.set(adId, []);

    // Entities: decided by the same plan as the incremental path, over every ad.
    const existing = await tx
      .select({ id: entities.id, createdAt: entities.createdAt })
      .from(entities);
    const plan = planLinks({
      ads: adIds.map((adId) => ({
        adId,
        strongKeys: (keys.get(adId) ?? []).filter((k) => k.strong).map((k) => k.keyHash),
        entityId: oldEntity.get(adId) ?? null,
      })),
      entities: existing.map((e) => ({ id: e.id, createdAt: e.createdAt.getTime(), outside: 0 })),
      nearDuplicates: settings.mergeNearDuplicates
        ? nearDuplicatePairs(adIds, sigs, settings.nearDupThreshold)
        : [],
      newEntityId: randomUUID,
    });
    await insertEntities(
      tx,
      plan.entities.filter((e) => e.created).map((e) => e.id),
      now,
    );

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
    const clusters = new TemplateClusterer<string>(TEMPLATE_THRESHOLD);
    for (const id of order) clusters.add(id, sigs.get(id) ?? []);
    const templateMembers = clusters.templates;
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
    const centroidOfTemplate = new Map<string, number[]>();
    for (const group of templateGroups) {
      const id = randomUUID();
      centroidOfTemplate.set(id, group.rep);
      for (const ad of group.ads) templateOf.set(ad, id);
    }
    await insertTemplates(tx, centroidOfTemplate, now);
    const rows: (typeof linkAds.$inferInsert)[] = adIds.map((ad) => ({
      adId: ad,
      adVersionId: versions.get(ad) as string,
      entityId: plan.entityOf.get(ad) as string,
      templateId: templateOf.get(ad) ?? null,
      minhash: sigs.get(ad) ?? [],
      linkedAt: now,
      linkOrder: linkOrderOf.get(ad) ?? null,
    }));
    for (const part of chunks(rows)) await tx.insert(linkAds).values(part);
    const strongRows = new Map<string, string>();
    for (const ad of adIds) {
      for (const k of keys.get(ad) ?? []) {
        if (k.strong) strongRows.set(k.keyHash, plan.entityOf.get(ad) as string);
      }
    }
    for (const part of chunks([...strongRows])) {
      await tx
        .insert(linkStrongKeys)
        .values(part.map(([keyHash, entityId]) => ({ keyHash, entityId })));
    }
    await recountTemplates(tx, new Set(templateOf.values()), now);

    // Old entities not kept: a lead on one follows most of its ads; an entity with no ads left ends.
    await runHooks(tx, hooks, plan);
    await endEntities(tx, plan, now);
    const changed = plan.entities.filter((e) => e.changed).map((e) => e.id);
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
      entities: plan.entities.length,
      templates: templateGroups.length,
      changed: changed.sort(),
      merged: plan.merged,
      split: plan.split,
      removed: plan.removed,
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
