// Synthetic ads at scale, built from the ad board's generator: one chunk is one generated world (its
// own seed, so phone numbers, names, pictures and templates differ from chunk to chunk) plus
// reposts, turned into the rows crawling and extraction would have written — ads, every version,
// the extraction of every version and its identifiers — ready for a bulk insert.
//
// What is real and what is shortcut, so the figures can be trusted for what they are:
// - Text, phones (with their disguises), names, ages, prices, places, operators posting for several
//   persons from one number with shared templates, independents with their own words, moves,
//   edits and removals over the simulated days: the ad board's generator, unchanged.
// - Extraction: the real extractor (extractAll with the default rule set) on every version, and
//   identifiers stored as extraction stores them (HMAC value_hash/link_hash under the pepper,
//   AES-256-GCM value_enc/raw_enc, masks). The few lines turning a result into rows mirror
//   saveExtraction in src/facts/store.ts, which writes one version per transaction.
// - Reposts: one person in ten re-posts some of their ads as new ads (same text, new id, a later
//   day), up to 12 more — so persons have 1–20 ads and exact duplicates exist, as on real boards.
// - Pictures: perceptual hashes are drawn per picture (a variant flips 1–3 bits of its base),
//   instead of rendering and hashing PNGs as fixtures/ad-board/db-loader.ts does; linking only
//   ever sees the 64-bit hash, so its work is the same.
import { createHash, randomUUID } from 'node:crypto';
import { generateWorld } from '../../fixtures/ad-board/generator.js';
import type { Ad, AdVersion, World } from '../../fixtures/ad-board/model.js';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { adContentHash, changedFields, type AdContent } from '../../src/collect/ad-changes.js';
import { displayNameKey, sealAdText } from '../../src/collect/ad-text.js';
import type { ImageHash } from '../../src/collect/schema.js';
import { isIdentifierFact, maskValue, sealFacts } from '../../src/facts/store.js';
import type { StoredFact } from '../../src/facts/schema.js';
import { extractAll } from '../../src/extract/extract.js';
import type { RuleSet } from '../../src/extract/rules.js';
import type { ExtractionResult, Fact } from '../../src/extract/schema.js';
import { wellFormed } from '../../src/extract/text.js';
import { encryptField, hashIdentifier, type FieldKey } from '../../src/platform/crypto.js';
import { emptyColumns, pushRow, type ColumnRows } from './bulk-insert.js';

export const START_DATE = '2025-03-01';
const DAY_MS = 86_400_000;

export interface ChunkRequest {
  chunk: number;
  seed: string;
  /** Ads online on day 0 of the chunk's world (the world grows by about 1.6× over 14 days). */
  dayZeroAds: number;
  days: number;
  /** Keep at most this many ads of the chunk (the last chunk fills the requested total exactly). */
  maxAds: number;
  sourceIds: { a: string; b: string };
  pepper: Uint8Array;
  fieldKeys: { id: string; key: Uint8Array }[];
}

export interface ChunkRows {
  chunk: number;
  ads: ColumnRows;
  adVersions: ColumnRows;
  adExtractions: ColumnRows;
  adIdentifiers: ColumnRows;
  /** Ground truth per database ad id: the person and the network (operator, else the person). */
  truth: {
    adId: string[];
    person: string[];
    network: string[];
    planted: boolean[];
    urgent: boolean[];
  };
  extracted: number;
}

const noon = (day: number) => new Date(Date.parse(`${START_DATE}T12:00:00Z`) + day * DAY_MS);

/** JSON for a jsonb column, made well-formed (see wellFormed). */
function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v));
}

type ImageWithUrl = ImageHash & { url: string };

function imageHashes(world: World, seed: string): Map<string, ImageWithUrl> {
  const base = new Map<string, bigint>();
  const out = new Map<string, ImageWithUrl>();
  for (const ref of world.images) {
    const digest = createHash('sha256').update(`${seed}:${ref.base}`).digest();
    let phash = base.get(ref.base) ?? digest.readBigUInt64BE(0);
    base.set(ref.base, phash);
    const rng = new Rng(`${seed}:${ref.id}`);
    for (let i = 0; i < ref.variant; i++) phash ^= 1n << BigInt(rng.int(0, 63));
    out.set(ref.id, {
      url: `https://img.example/${seed}/${ref.id}.png`,
      sha256: createHash('sha256').update(`${seed}:${ref.id}`).digest('hex'),
      phash: phash.toString(16).padStart(16, '0'),
    });
  }
  return out;
}

/** One person in ten re-posts: copies of their ads as new ads on later days (same text). */
function withReposts(world: World, seed: string): Ad[] {
  const rng = new Rng(`${seed}:reposts`);
  const byPerson = new Map<string, Ad[]>();
  for (const ad of world.ads) {
    const list = byPerson.get(ad.personId);
    if (list) list.push(ad);
    else byPerson.set(ad.personId, [ad]);
  }
  const out = [...world.ads];
  let n = 0;
  for (const [, own] of byPerson) {
    if (!rng.chance(0.1)) continue;
    const extra = Math.min(rng.int(1, 12), 20 - own.length);
    for (let i = 0; i < extra; i++) {
      const from = rng.pick(own);
      const last = from.versions[from.versions.length - 1] as AdVersion;
      const day = rng.int(Math.max(0, last.fromDay), world.options.days - 1);
      out.push({
        ...from,
        id: `${from.id}-r${i}`,
        externalId: `r${++n}`,
        postedDay: day,
        postedAt: new Date(noon(day).getTime() - rng.int(1, 5 * 60) * 60_000).toISOString(),
        removedDay: null,
        versions: [{ ...last, version: 1, fromDay: day, change: null }],
      });
    }
  }
  return out;
}

function contentOf(v: AdVersion, ad: Ad, images: ImageHash[]): AdContent {
  return {
    title: v.title,
    body: v.body,
    postedRaw: ad.postedAt,
    city: v.cityAsWritten,
    displayName: v.displayName,
    phoneRaw: v.phoneField?.raw ?? null,
    ageRaw: v.statedAge === null ? null : String(v.statedAge),
    priceRaw: `${v.price.amount} ${v.price.currency}`,
    imageHashes: images.map((i) => i.sha256),
  };
}

/** A stored fact, as saveExtraction stores it: identifier values replaced by hash and mask. */
function storedFact(f: Fact, hashOf: (f: Fact) => string): StoredFact {
  if (!isIdentifierFact(f)) return { ...f };
  const { value: _value, raw: _raw, ...rest } = f;
  const out: StoredFact = {
    ...rest,
    valueHash: hashOf(f),
    masked: maskValue(f.value),
  };
  if (f.kind === 'messenger') {
    out.handle = maskValue(f.handle);
    out.phone = f.phone ? maskValue(f.phone) : null;
  }
  return out;
}

const AD_COLUMNS = [
  'id',
  'sourceId',
  'externalId',
  'url',
  'status',
  'version',
  'firstSeenAt',
  'lastSeenAt',
  'goneAt',
  'lastCheckedAt',
] as const;
const VERSION_COLUMNS = [
  'id',
  'adId',
  'version',
  'contentHash',
  'seenAt',
  'contentEnc',
  'displayNameKey',
  'postedAt',
  'images',
  'language',
  'changedFields',
  'fillRatio',
] as const;
const EXTRACTION_COLUMNS = [
  'adVersionId',
  'adId',
  'ruleSetVersion',
  'extractedAt',
  'language',
  'truncated',
  'factsEnc',
] as const;
const IDENTIFIER_COLUMNS = [
  'id',
  'adId',
  'adVersionId',
  'kind',
  'valueHash',
  'linkHash',
  'valueEnc',
  'rawEnc',
  'masked',
  'field',
  'spanStart',
  'spanEnd',
  'obfuscated',
  'obfuscation',
  'platform',
  'ruleSetVersion',
] as const;

export function buildChunk(req: ChunkRequest, rules: RuleSet): ChunkRows {
  const world = generateWorld({
    seed: req.seed,
    ads: req.dayZeroAds,
    days: req.days,
    startDate: START_DATE,
  });
  const images = imageHashes(world, req.seed);
  const persons = new Map(world.persons.map((p) => [p.id, p]));
  const pepper = Buffer.from(req.pepper);
  const keys: FieldKey[] = req.fieldKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key) }));
  const hashOf = (f: Fact) => hashIdentifier(pepper, f.kind, f.value);
  const out: ChunkRows = {
    chunk: req.chunk,
    ads: emptyColumns(AD_COLUMNS),
    adVersions: emptyColumns(VERSION_COLUMNS),
    adExtractions: emptyColumns(EXTRACTION_COLUMNS),
    adIdentifiers: emptyColumns(IDENTIFIER_COLUMNS),
    truth: { adId: [], person: [], network: [], planted: [], urgent: [] },
    extracted: 0,
  };
  // Reposts copy a version's text: its extraction is reused, as a cache would.
  const extractionOf = new Map<string, ExtractionResult>();
  const extractedAt = new Date().toISOString();
  const ads = withReposts(world, req.seed)
    .sort((x, y) => x.postedAt.localeCompare(y.postedAt) || x.id.localeCompare(y.id))
    .slice(0, req.maxAds);
  for (const ad of ads) {
    const adId = randomUUID();
    const firstDay = Math.max(0, ad.postedDay);
    const gone = ad.removedDay !== null && ad.removedDay < req.days;
    const lastDay = gone ? (ad.removedDay as number) - 1 : req.days - 1;
    const url = `http://127.0.0.1:9/${ad.site}/ad/${req.chunk}-${ad.externalId}`;
    pushRow(out.ads, {
      id: adId,
      sourceId: req.sourceIds[ad.site],
      externalId: `${req.chunk}-${ad.externalId}`,
      url,
      status: gone ? 'gone' : 'active',
      version: ad.versions.length,
      firstSeenAt: noon(firstDay).toISOString(),
      lastSeenAt: noon(lastDay).toISOString(),
      goneAt: gone ? noon(lastDay).toISOString() : null,
      lastCheckedAt: noon(gone ? (ad.removedDay as number) : lastDay).toISOString(),
    });
    const person = persons.get(ad.personId);
    out.truth.adId.push(adId);
    out.truth.person.push(`${req.chunk}:${ad.personId}`);
    out.truth.network.push(`${req.chunk}:${ad.operatorId ?? ad.personId}`);
    out.truth.planted.push(person?.plantedCase ?? false);
    out.truth.urgent.push(person?.urgent ?? false);
    let previous: AdContent | null = null;
    for (const v of ad.versions) {
      const versionId = randomUUID();
      const imgs = v.images.map((i) => images.get(i)).filter((i): i is ImageWithUrl => !!i);
      const content = contentOf(v, ad, imgs);
      const seenAt = noon(Math.max(firstDay, v.fromDay));
      const cacheKey = adContentHash(pepper, content);
      let result = extractionOf.get(cacheKey);
      if (!result) {
        result = extractAll(
          {
            ...(v.title ? { title: v.title } : {}),
            body: v.body,
            fields: {
              ...(content.phoneRaw ? { phone: content.phoneRaw } : {}),
              ...(content.ageRaw ? { age: content.ageRaw } : {}),
              ...(content.priceRaw ? { price: content.priceRaw } : {}),
              ...(content.city ? { city: content.city } : {}),
              ...(content.displayName ? { displayName: content.displayName } : {}),
            },
            country: 'NL',
            postedAt: ad.postedAt,
          },
          rules,
        );
        extractionOf.set(cacheKey, result);
        out.extracted++;
      }
      pushRow(out.adVersions, {
        id: versionId,
        adId,
        version: v.version,
        contentHash: cacheKey,
        seenAt: seenAt.toISOString(),
        contentEnc: sealAdText(keys, {
          title: v.title,
          body: v.body,
          postedRaw: ad.postedAt,
          city: content.city,
          displayName: content.displayName,
          phoneRaw: content.phoneRaw,
          ageRaw: content.ageRaw,
          priceRaw: content.priceRaw,
          imageUrls: imgs.map((i) => i.url),
        }),
        displayNameKey: displayNameKey(pepper, content.displayName),
        postedAt: ad.postedAt,
        images: json(imgs.map(({ url: _url, ...hashes }) => hashes)),
        language: result.language,
        changedFields: json(previous ? changedFields(previous, content) : []),
        fillRatio: 1,
      });
      previous = content;
      pushRow(out.adExtractions, {
        adVersionId: versionId,
        adId,
        ruleSetVersion: result.ruleSetVersion,
        extractedAt,
        language: result.language,
        truncated: result.truncated,
        factsEnc: sealFacts(keys, {
          facts: result.facts.map((f) => storedFact(f, hashOf)),
          suppressed: result.suppressed.map((s) => ({
            reason: s.reason,
            by: s.by,
            fact: storedFact(s.fact, hashOf),
          })),
        }),
      });
      for (const f of result.facts) {
        if (!isIdentifierFact(f)) continue;
        pushRow(out.adIdentifiers, {
          id: randomUUID(),
          adId,
          adVersionId: versionId,
          kind: f.kind,
          valueHash: hashOf(f),
          linkHash:
            f.kind === 'messenger' && f.phone
              ? hashIdentifier(pepper, 'phone', f.phone)
              : hashOf(f),
          valueEnc: encryptField(keys, f.value, 'ad_identifiers.value'),
          rawEnc: encryptField(keys, f.raw, 'ad_identifiers.raw'),
          masked: maskValue(f.value),
          field: f.span.field,
          spanStart: f.span.start,
          spanEnd: f.span.end,
          obfuscated: 'obfuscated' in f ? f.obfuscated : false,
          obfuscation: json('obfuscation' in f ? f.obfuscation : []),
          platform: f.kind === 'messenger' ? f.platform : null,
          ruleSetVersion: result.ruleSetVersion,
        });
      }
    }
  }
  return out;
}
