// The thin shell around the pure extractor: runs it on stored ad versions and keeps the result.
// A re-run replaces the previous result for that version (in one transaction), so running it
// twice never doubles anything. Identifier values leave this module only as keyed hashes,
// encrypted values and masks; revealing one is a separate, audited call. The stored facts are
// encrypted too (they quote the ad), and the ad's search terms are written here, where the spans
// of its identifiers are known, so that no identifier becomes a searchable word.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit, canonicalJson } from '../platform/audit/audit-log.js';
import { readRecordedLately } from '../platform/audit/audit-query.js';
import type { Config } from '../platform/config.js';
import {
  decryptField,
  encryptField,
  hashIdentifier,
  type AtRestKeys,
  type FieldKey,
} from '../platform/crypto.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed, validationIssues } from '../platform/errors.js';
import {
  replaceAdSearchTerms,
  searchTermsOf,
  currentAdVersionIds,
  currentAdVersionIdsQuery,
  readAdVersionText,
  setAdVersionLanguage,
  type AdVersionText,
} from '../collect/index.js';
import {
  BlockRule,
  buildRuleSet,
  CustomTerm,
  extractAll,
  maskQuotedIdentifiers,
  maskValue,
  wellFormed,
  type ExtractionResult,
  type Fact,
  type RuleSet,
} from '../extract/index.js';
import {
  adExtractions,
  adIdentifiers,
  extractRules,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  type StoredFact,
} from './schema.js';

const VALUE_CONTEXT = 'ad_identifiers.value';
const RAW_CONTEXT = 'ad_identifiers.raw';
export const FACTS_CONTEXT = 'ad_extractions.facts';

const StoredFactShape = z.looseObject({
  kind: z.string(),
  span: z.object({ field: z.string(), start: z.number(), end: z.number() }),
});
/** What `ad_extractions.facts_enc` holds, checked when read back. */
export const StoredFacts = z.object({
  facts: z.array(StoredFactShape),
  suppressed: z.array(z.object({ fact: StoredFactShape, reason: z.string(), by: z.string() })),
});
export interface StoredFacts {
  facts: StoredFact[];
  suppressed: { fact: StoredFact; reason: string; by: string }[];
}

export function sealFacts(keys: readonly FieldKey[], value: StoredFacts): string {
  return encryptField(keys, JSON.stringify(value), FACTS_CONTEXT);
}

/** The stored facts of a version; `versionId` only names it in an error. */
export function openFacts(
  keys: readonly FieldKey[],
  factsEnc: string | null,
  versionId: string,
): StoredFacts {
  if (factsEnc === null) {
    throw new AppError(
      'internal',
      `The extraction of ad version ${versionId} is not encrypted yet: run \`ariadne migrate\` to finish the upgrade.`,
    );
  }
  const parsed = StoredFacts.safeParse(JSON.parse(decryptField(keys, factsEnc, FACTS_CONTEXT)));
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The extraction of ad version ${versionId} has an unknown shape.`,
    );
  }
  return parsed.data;
}

export function isIdentifierFact(f: Fact): f is Extract<Fact, { kind: IdentifierKind }> {
  return (IDENTIFIER_KINDS as readonly string[]).includes(f.kind);
}

/**
 * Identifier facts that become identifier rows: what linking joins ads by and what outreach reaches
 * a person through. A national number whose country neither the ad nor its source gave is stored
 * like any identifier (hashed, encrypted, masked) but is none of these: the same digits are a
 * different person's number in each country they are valid in, so they join nothing and reach
 * nobody until a country is known.
 */
export function isLinkableIdentifier(f: Fact): f is Extract<Fact, { kind: IdentifierKind }> {
  return isIdentifierFact(f) && !(f.kind === 'phone' && f.countryUnknown === true);
}

// The masks live with the pure extractor (one definition for the store, the API and the bench).
export { maskSpans, maskValue } from '../extract/index.js';

// ---- rule set -------------------------------------------------------------------------------

let cached: { key: string; rules: RuleSet } | undefined;

/** The active rule set (built-in lexicons + analysts' terms and block-list), rebuilt when they change. */
export async function loadActiveRuleSet(db: DbOrTx): Promise<RuleSet> {
  const rows = await db
    .select()
    .from(extractRules)
    .where(eq(extractRules.active, true))
    .orderBy(asc(extractRules.createdAt));
  const key = rows.map((r) => r.id).join(',');
  if (cached?.key === key) return cached.rules;
  const rules = buildRuleSet({
    custom: rows.filter((r) => r.type === 'custom_term').map((r) => r.body as CustomTerm),
    blocklist: rows.filter((r) => r.type === 'block').map((r) => r.body as BlockRule),
  });
  cached = { key, rules };
  return rules;
}

export async function listRules(db: Db) {
  const rows = await db
    .select()
    .from(extractRules)
    .where(eq(extractRules.active, true))
    .orderBy(asc(extractRules.createdAt));
  return { ruleSetVersion: (await loadActiveRuleSet(db)).version, rules: rows };
}

export async function addRule(db: Db, actor: Actor, type: 'custom_term' | 'block', body: unknown) {
  const parsed = (type === 'custom_term' ? CustomTerm : BlockRule).safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`).join('\n'),
      undefined,
      // The console's rule editor lists the failed fields from these, in the user's language.
      { issues: validationIssues(parsed.error.issues) },
    );
  }
  // Building the rule set with the new rule proves it compiles before anything is stored.
  const current = await loadActiveRuleSet(db);
  buildRuleSet({
    custom:
      type === 'custom_term' ? [...current.custom, parsed.data as CustomTerm] : current.custom,
    blocklist:
      type === 'block' ? [...current.blocklist, parsed.data as BlockRule] : current.blocklist,
  });
  const [row] = await db
    .insert(extractRules)
    .values({ type, body: parsed.data as Record<string, unknown>, createdBy: actor.userId })
    .returning();
  await appendAudit(db, {
    ...auditFields(actor),
    action: `extract.rule_add`,
    targetType: 'extract_rule',
    targetId: row!.id,
    details: { type },
  });
  return row!;
}

export async function retireRule(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .update(extractRules)
    .set({ active: false, retiredAt: new Date() })
    .where(and(eq(extractRules.id, id), eq(extractRules.active, true)))
    .returning();
  if (!row) throw new AppError('not_found', keyed('facts.ruleNotFound', 'No such active rule.'));
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'extract.rule_retire',
    targetType: 'extract_rule',
    targetId: id,
  });
  return row;
}

// ---- running extraction ---------------------------------------------------------------------

export function inputOf(v: AdVersionText) {
  return {
    ...(v.title ? { title: v.title } : {}),
    body: v.body,
    fields: {
      ...(v.phoneRaw ? { phone: v.phoneRaw } : {}),
      ...(v.ageRaw ? { age: v.ageRaw } : {}),
      ...(v.priceRaw ? { price: v.priceRaw } : {}),
      ...(v.city ? { city: v.city } : {}),
      ...(v.displayName ? { displayName: v.displayName } : {}),
    },
    country: v.country,
    postedAt: (v.postedAt ?? v.seenAt).toISOString(),
  };
}

function stripIdentifier(f: Fact, hash: string): StoredFact {
  const { value: _value, raw: _raw, ...rest } = f;
  const out: StoredFact = { ...rest, valueHash: hash, masked: maskValue(f.value) };
  // A messenger fact carries the handle and maybe a phone again, a link its host (a personal
  // site's name is as telling as a number): keep only masks of them.
  if (f.kind === 'messenger') {
    out.handle = maskValue(f.handle);
    out.phone = f.phone ? maskValue(f.phone) : null;
  }
  if (f.kind === 'url') out.host = maskValue(f.host);
  return out;
}

/**
 * Stores an extraction for a version, replacing any earlier one. Says whether what linking and
 * scoring read from it changed (the facts, what was set aside, the language): a new rule that
 * touches three ads of a hundred thousand must not re-link the other 99,997.
 */
export async function saveExtraction(
  db: DbOrTx,
  config: Config,
  v: AdVersionText,
  result: ExtractionResult,
): Promise<boolean> {
  const keys = config.secrets.fieldKeys;
  const pepper = config.secrets.identifierPepper;
  // A scraped page can hold lone surrogates, which jsonb refuses: store well-formed strings only.
  result = JSON.parse(
    JSON.stringify(result, (_k, x: unknown) => (typeof x === 'string' ? wellFormed(x) : x)),
  ) as ExtractionResult;
  // Other facts quote the ad (the language fact its opening, a disguise sign the disguised number):
  // identifiers inside those quotes are masked before anything is stored.
  result = maskQuotedIdentifiers(result);
  const hashOf = (f: Fact) => hashIdentifier(pepper, f.kind, f.value);
  const facts = result.facts.map((f) =>
    isIdentifierFact(f) ? stripIdentifier(f, hashOf(f)) : (f as unknown as StoredFact),
  );
  const suppressed = result.suppressed.map((s) => ({
    reason: s.reason,
    by: s.by,
    fact: isIdentifierFact(s.fact)
      ? stripIdentifier(s.fact, hashOf(s.fact))
      : (s.fact as unknown as StoredFact),
  }));
  const factsEnc = sealFacts(keys, { facts, suppressed });
  // Words of the ad become search terms, except those inside an identifier (even a set-aside one).
  const terms = searchTermsOf(
    pepper,
    v,
    [...result.facts, ...result.suppressed.map((s) => s.fact)]
      .filter(isIdentifierFact)
      .map((f) => f.span),
  );
  const identifiers = result.facts.filter(isLinkableIdentifier).map((f) => ({
    adId: v.adId,
    adVersionId: v.versionId,
    kind: f.kind,
    valueHash: hashOf(f),
    linkHash:
      f.kind === 'messenger' && f.phone ? hashIdentifier(pepper, 'phone', f.phone) : hashOf(f),
    valueEnc: encryptField(keys, f.value, VALUE_CONTEXT),
    rawEnc: encryptField(keys, f.raw, RAW_CONTEXT),
    masked: maskValue(f.value),
    field: f.span.field,
    spanStart: f.span.start,
    spanEnd: f.span.end,
    obfuscated: 'obfuscated' in f ? f.obfuscated : false,
    obfuscation: 'obfuscation' in f ? f.obfuscation : [],
    platform: f.kind === 'messenger' ? f.platform : null,
    ruleSetVersion: result.ruleSetVersion,
  }));
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ factsEnc: adExtractions.factsEnc, language: adExtractions.language })
      .from(adExtractions)
      .where(eq(adExtractions.adVersionId, v.versionId));
    const changed =
      !before ||
      before.factsEnc === null ||
      before.language !== result.language ||
      canonicalJson(openFacts(keys, before.factsEnc, v.versionId)) !==
        canonicalJson({ facts, suppressed });
    await tx.delete(adIdentifiers).where(eq(adIdentifiers.adVersionId, v.versionId));
    await tx
      .insert(adExtractions)
      .values({
        adVersionId: v.versionId,
        adId: v.adId,
        ruleSetVersion: result.ruleSetVersion,
        extractedAt: new Date(),
        language: result.language,
        truncated: result.truncated,
        factsEnc,
      })
      .onConflictDoUpdate({
        target: adExtractions.adVersionId,
        set: {
          ruleSetVersion: result.ruleSetVersion,
          extractedAt: new Date(),
          language: result.language,
          truncated: result.truncated,
          factsEnc,
        },
      });
    if (identifiers.length) await tx.insert(adIdentifiers).values(identifiers);
    await setAdVersionLanguage(tx, v.versionId, result.language);
    await replaceAdSearchTerms(tx, v.adId, v.versionId, terms);
    return changed;
  });
}

export async function extractAdVersion(
  db: Db,
  config: Config,
  versionId: string,
): Promise<(ExtractionResult & { adId: string; isCurrent: boolean }) | null> {
  const v = await readAdVersionText(db, config.secrets.fieldKeys, versionId);
  if (!v) return null;
  const result = extractAll(inputOf(v), await loadActiveRuleSet(db));
  await saveExtraction(db, config, v, result);
  return { ...result, adId: v.adId, isCurrent: v.isCurrent };
}

/**
 * Re-runs extraction over every ad's current version whose result was made with other rules (or
 * all of them with force). Idempotent: a second run finds nothing to do. Only ads whose facts
 * changed are handed on to be re-linked.
 */
export async function reextractAll(
  db: Db,
  config: Config,
  opts: {
    force?: boolean;
    onProgress?: (done: number) => void;
    /** Called with the ads of each page whose facts changed (to re-link them). */
    onExtracted?: (adIds: string[]) => Promise<void>;
  } = {},
): Promise<{ processed: number; changed: number; skipped: number; ruleSetVersion: string }> {
  const rules = await loadActiveRuleSet(db);
  let after: string | null = null;
  let processed = 0;
  let changed = 0;
  let skipped = 0;
  for (;;) {
    const ids = await currentAdVersionIds(db, after, 500);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const done = opts.force
      ? new Set<string>()
      : new Set(
          (
            await db
              .select({ id: adExtractions.adVersionId })
              .from(adExtractions)
              .where(
                and(
                  inArray(adExtractions.adVersionId, ids),
                  eq(adExtractions.ruleSetVersion, rules.version),
                ),
              )
          ).map((r) => r.id),
        );
    const redone: string[] = [];
    for (const id of ids) {
      if (done.has(id)) {
        skipped++;
        continue;
      }
      const v = await readAdVersionText(db, config.secrets.fieldKeys, id);
      if (!v) continue;
      if (await saveExtraction(db, config, v, extractAll(inputOf(v), rules))) {
        redone.push(v.adId);
        changed++;
      }
      processed++;
    }
    if (redone.length > 0) await opts.onExtracted?.(redone);
    opts.onProgress?.(processed + skipped);
  }
  return { processed, changed, skipped, ruleSetVersion: rules.version };
}

/** Current versions whose stored result was made with another rule set (or none yet). */
export async function countStale(db: Db): Promise<number> {
  const rules = await loadActiveRuleSet(db);
  const [row] = await db
    .execute<{ n: number }>(
      sql`
    SELECT count(*)::int AS n FROM (${currentAdVersionIdsQuery()}) v
    LEFT JOIN ad_extractions e ON e.ad_version_id = v.id
    WHERE e.ad_version_id IS NULL OR e.rule_set_version <> ${rules.version}`,
    )
    .then((r) => r.rows);
  return row?.n ?? 0;
}

// ---- reading ---------------------------------------------------------------------------------

export async function extractionOf(db: DbOrTx, keys: readonly FieldKey[], versionId: string) {
  const [found] = await db
    .select()
    .from(adExtractions)
    .where(eq(adExtractions.adVersionId, versionId));
  if (!found) return null;
  const { factsEnc, ...rest } = found;
  const row = { ...rest, ...openFacts(keys, factsEnc, versionId) };
  const ids = await db
    .select({
      id: adIdentifiers.id,
      kind: adIdentifiers.kind,
      field: adIdentifiers.field,
      start: adIdentifiers.spanStart,
      end: adIdentifiers.spanEnd,
      valueHash: adIdentifiers.valueHash,
    })
    .from(adIdentifiers)
    .where(eq(adIdentifiers.adVersionId, versionId));
  // Give each identifier fact the id a worker uses to reveal it.
  const facts = row.facts.map((f) => {
    const match = ids.find(
      (i) => i.valueHash === f.valueHash && i.field === f.span.field && i.start === f.span.start,
    );
    return match ? { ...f, identifierId: match.id } : f;
  });
  return { ...row, facts };
}

/** Identifier spans of a version, for masking its text before it leaves the server. */
export async function identifierSpans(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({
      versionId: adIdentifiers.adVersionId,
      field: adIdentifiers.field,
      start: adIdentifiers.spanStart,
      end: adIdentifiers.spanEnd,
    })
    .from(adIdentifiers)
    .where(inArray(adIdentifiers.adVersionId, versionIds));
}

/**
 * The plaintext of one identifier, for a worker who needs it; always audited. With
 * `onceWithinMs`, a read the same person made of the same identifier for the same reason that
 * recently is already on record, and no second entry is written: a dialog that checks the rules
 * on a number every minute, never showing it, leaves one entry per window, not one per check.
 */
export async function revealIdentifier(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  identifierId: string,
  reason?: string,
  opts: { onceWithinMs?: number } = {},
) {
  const [row] = await db.select().from(adIdentifiers).where(eq(adIdentifiers.id, identifierId));
  if (!row)
    throw new AppError('not_found', keyed('facts.identifierNotFound', 'No such identifier.'));
  const value = decryptField(config.secrets.fieldKeys, row.valueEnc, VALUE_CONTEXT);
  const raw = decryptField(config.secrets.fieldKeys, row.rawEnc, RAW_CONTEXT);
  const recorded =
    opts.onceWithinMs !== undefined &&
    (await readRecordedLately(db, {
      userId: actor.userId,
      action: 'identifier.reveal',
      targetType: 'ad',
      targetId: row.adId,
      withinMs: opts.onceWithinMs,
      details: { identifierId, reason: reason ?? null },
    }));
  if (!recorded) {
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'identifier.reveal',
      targetType: 'ad',
      targetId: row.adId,
      details: { identifierId, kind: row.kind, ...(reason ? { reason } : {}) },
    });
  }
  return { id: row.id, adId: row.adId, kind: row.kind, platform: row.platform, value, raw };
}

/** Stored facts of many versions at once (identifier values are hashes and masks only). */
export async function factsOfVersions(
  db: DbOrTx,
  keys: readonly FieldKey[],
  versionIds: string[],
): Promise<Map<string, StoredFact[]>> {
  const out = new Map<string, StoredFact[]>();
  if (versionIds.length === 0) return out;
  const rows = await db
    .select({ id: adExtractions.adVersionId, factsEnc: adExtractions.factsEnc })
    .from(adExtractions)
    .where(inArray(adExtractions.adVersionId, versionIds));
  for (const r of rows) out.set(r.id, openFacts(keys, r.factsEnc, r.id).facts);
  return out;
}

/** The keyed hashes that link versions to each other, with whether each was disguised. */
export async function linkIdentifiersOf(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select({
      id: adIdentifiers.id,
      versionId: adIdentifiers.adVersionId,
      kind: adIdentifiers.kind,
      valueHash: adIdentifiers.valueHash,
      linkHash: adIdentifiers.linkHash,
      masked: adIdentifiers.masked,
      obfuscated: adIdentifiers.obfuscated,
      platform: adIdentifiers.platform,
    })
    .from(adIdentifiers)
    .where(inArray(adIdentifiers.adVersionId, versionIds));
}

/**
 * Encrypts the facts of an extraction stored before encryption at rest (set aside in clear by the
 * migration that dropped the plaintext columns). Run by the start-up upgrade step.
 */
export async function sealLegacyExtraction(
  tx: DbOrTx,
  keys: readonly FieldKey[],
  versionId: string,
  payload: unknown,
): Promise<void> {
  const parsed = StoredFacts.safeParse(payload);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      `The set-aside facts of ad version ${versionId} are unreadable.`,
      {
        issues: parsed.error.issues,
      },
    );
  }
  await tx
    .update(adExtractions)
    .set({ factsEnc: sealFacts(keys, parsed.data) })
    .where(eq(adExtractions.adVersionId, versionId));
}

/**
 * Writes the search terms of every ad's current version from its text and stored facts (the
 * spans of its identifiers), without extracting again: for ads stored before search terms were.
 */
export async function reindexAdSearch(
  db: Db,
  keys: AtRestKeys,
  onProgress?: (done: number) => void,
): Promise<number> {
  const isIdentifier = (f: StoredFact) => (IDENTIFIER_KINDS as readonly string[]).includes(f.kind);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await currentAdVersionIds(db, after, 500);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const rows = await db
      .select({ id: adExtractions.adVersionId, factsEnc: adExtractions.factsEnc })
      .from(adExtractions)
      .where(inArray(adExtractions.adVersionId, ids));
    for (const row of rows) {
      const v = await readAdVersionText(db, keys.fieldKeys, row.id);
      if (!v) continue;
      const stored = openFacts(keys.fieldKeys, row.factsEnc, row.id);
      const spans = [...stored.facts, ...stored.suppressed.map((s) => s.fact)]
        .filter(isIdentifier)
        .map((f) => f.span);
      await replaceAdSearchTerms(
        db,
        v.adId,
        v.versionId,
        searchTermsOf(keys.identifierPepper, v, spans),
      );
      done++;
    }
    onProgress?.(done);
  }
  return done;
}
