// Reading ads for analysts: a filtered list with keyset pagination (stable and fast at any depth)
// and the detail of one ad with its versions and captures. Presenters here decide what leaves the
// server: every text field is decrypted here, for the page being shown only, and goes through the
// TextMasker the routes are given (identifiers masked); the words filters (`q`, `city`) look up
// keyed search terms (ad-search.ts). Scraped text is returned as text, never as HTML.
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { hasAllTerms, searchTermsFor, searchWordsOf, type SearchDomain } from './ad-search.js';
import { openAdText } from './ad-text.js';
import { capturesForAd } from './captures.js';
import { ads, adVersions, sources } from './schema.js';

/** Words to search: whole words, any case or accents; numbers and handles are refused. */
const SearchWords = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const parsed = searchWordsOf(value);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
    });

export const AdFilter = z.object({
  source: z.string().max(80).optional(),
  /** Words of the city field (whole words). */
  city: SearchWords(100).optional(),
  language: z.string().max(8).optional(),
  status: z.enum(['active', 'gone']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Words that must all occur in the title, body or display name (whole words). */
  q: SearchWords(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdFilter = z.infer<typeof AdFilter>;

export const AdListItem = z.object({
  id: z.string(),
  source: z.string(),
  url: z.string(),
  externalId: z.string(),
  status: z.enum(['active', 'gone']),
  title: z.string().nullable(),
  snippet: z.string(),
  city: z.string().nullable(),
  displayName: z.string().nullable(),
  language: z.string().nullable(),
  version: z.number(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  goneAt: z.string().nullable(),
});
export type AdListItem = z.infer<typeof AdListItem>;

function encodeCursor(lastSeenAt: Date, id: string): string {
  return Buffer.from(`${lastSeenAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation_failed', 'Invalid page cursor.');
  }
  return { at, id };
}

function termsOf(keys: AtRestKeys, domain: SearchDomain, query: string): bigint[] {
  const parsed = searchWordsOf(query);
  if ('problem' in parsed) {
    throw new AppError('validation_failed', { message: parsed.problem, text: parsed.text });
  }
  return searchTermsFor(keys.identifierPepper, domain, parsed.words);
}

/** Every text field of an ad version that leaves the server, masked or not. */
export interface AdText {
  title: string | null;
  body: string;
  phoneRaw: string | null;
  displayName: string | null;
  city: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
  postedRaw: string | null;
}

/**
 * Hides identifiers in ad text before it is presented (given by the extraction context, which
 * knows where they are). Every field it is given comes back, each with the length it had.
 */
export type TextMasker = (
  versions: (AdText & { id: string; country: string | null })[],
) => Promise<Map<string, AdText>>;

const textOf = (v: AdText & { id: string }, country: string | null) => ({
  id: v.id,
  country,
  title: v.title,
  body: v.body,
  phoneRaw: v.phoneRaw,
  displayName: v.displayName,
  city: v.city,
  ageRaw: v.ageRaw,
  priceRaw: v.priceRaw,
  postedRaw: v.postedRaw,
});

export async function listAds(
  db: Db,
  keys: AtRestKeys,
  filter: AdFilter,
  /** Omitted only by callers that read ids, never text (saved-search matching, tests). */
  mask?: TextMasker,
  /** Only these ads (for lists of an entity's ads). */
  only?: { ids: string[] },
): Promise<{ items: AdListItem[]; nextCursor: string | null }> {
  const f = AdFilter.parse(filter);
  const where: SQL[] = [];
  if (only) where.push(only.ids.length ? inArray(ads.id, only.ids) : sql`false`);
  if (f.source) where.push(eq(sources.name, f.source));
  if (f.city) where.push(hasAllTerms(termsOf(keys, 'city', f.city)));
  if (f.language) where.push(eq(adVersions.language, f.language));
  if (f.status) where.push(eq(ads.status, f.status));
  if (f.from) where.push(gte(ads.lastSeenAt, new Date(f.from)));
  if (f.to) where.push(lte(ads.lastSeenAt, new Date(f.to)));
  if (f.q) where.push(hasAllTerms(termsOf(keys, 'text', f.q)));
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(sql`(${ads.lastSeenAt}, ${ads.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({
      ad: ads,
      v: adVersions,
      sourceName: sources.name,
      country: sql<string | null>`${sources.definition}->>'country'`,
    })
    .from(ads)
    .innerJoin(sources, eq(ads.sourceId, sources.id))
    .innerJoin(adVersions, and(eq(adVersions.adId, ads.id), eq(adVersions.version, ads.version)))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(ads.lastSeenAt), desc(ads.id))
    .limit(f.limit + 1);
  const page = rows
    .slice(0, f.limit)
    .map((r) => ({ ...r, text: openAdText(keys.fieldKeys, r.v.contentEnc, r.v.id) }));
  const last = page[page.length - 1];
  const masked = mask
    ? await mask(page.map(({ v, text, country }) => textOf({ id: v.id, ...text }, country)))
    : null;
  return {
    items: page.map(({ ad, sourceName, ...r }) => {
      const v = { ...r.v, ...r.text, ...(masked?.get(r.v.id) ?? {}) };
      return {
        id: ad.id,
        source: sourceName,
        url: ad.url,
        externalId: ad.externalId,
        status: ad.status,
        title: v.title,
        snippet: v.body.slice(0, 240),
        city: v.city,
        displayName: v.displayName,
        language: v.language,
        version: ad.version,
        firstSeenAt: ad.firstSeenAt.toISOString(),
        lastSeenAt: ad.lastSeenAt.toISOString(),
        goneAt: ad.goneAt ? ad.goneAt.toISOString() : null,
      };
    }),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.ad.lastSeenAt, last.ad.id) : null,
  };
}

export const AdVersionView = z.object({
  versionId: z.string(),
  version: z.number(),
  seenAt: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  postedAt: z.string().nullable(),
  postedRaw: z.string().nullable(),
  city: z.string().nullable(),
  displayName: z.string().nullable(),
  phoneRaw: z.string().nullable(),
  ageRaw: z.string().nullable(),
  priceRaw: z.string().nullable(),
  images: z.array(z.object({ sha256: z.string(), phash: z.string() })),
  language: z.string().nullable(),
  changedFields: z.array(z.string()),
  parseErrors: z.array(z.string()),
  captureId: z.string().nullable(),
});

export const AdDetail = AdListItem.omit({
  snippet: true,
  title: true,
  city: true,
  displayName: true,
  language: true,
}).extend({
  versions: z.array(AdVersionView),
  captures: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      fetchedAt: z.string(),
      status: z.number(),
      kind: z.string(),
      payloadSha256: z.string(),
    }),
  ),
});
export type AdDetail = z.infer<typeof AdDetail>;

export async function getAdDetail(
  db: Db,
  keys: AtRestKeys,
  id: string,
  mask?: TextMasker,
): Promise<AdDetail> {
  const [row] = await db
    .select({
      ad: ads,
      sourceName: sources.name,
      country: sql<string | null>`${sources.definition}->>'country'`,
    })
    .from(ads)
    .innerJoin(sources, eq(ads.sourceId, sources.id))
    .where(eq(ads.id, id));
  if (!row) throw new AppError('not_found', keyed('collect.adNotFound', 'No such ad.'));
  const versions = (
    await db
      .select()
      .from(adVersions)
      .where(eq(adVersions.adId, id))
      .orderBy(desc(adVersions.version))
  ).map((v) => ({ ...v, ...openAdText(keys.fieldKeys, v.contentEnc, v.id) }));
  const caps = await capturesForAd(db, id);
  const { ad } = row;
  const masked = mask ? await mask(versions.map((v) => textOf(v, row.country))) : null;
  return {
    id: ad.id,
    source: row.sourceName,
    url: ad.url,
    externalId: ad.externalId,
    status: ad.status,
    version: ad.version,
    firstSeenAt: ad.firstSeenAt.toISOString(),
    lastSeenAt: ad.lastSeenAt.toISOString(),
    goneAt: ad.goneAt ? ad.goneAt.toISOString() : null,
    versions: versions.map((original) => {
      const v = { ...original, ...(masked?.get(original.id) ?? {}) };
      return {
        versionId: v.id,
        version: v.version,
        seenAt: v.seenAt.toISOString(),
        title: v.title,
        body: v.body,
        postedAt: v.postedAt ? v.postedAt.toISOString() : null,
        postedRaw: v.postedRaw,
        city: v.city,
        displayName: v.displayName,
        phoneRaw: v.phoneRaw,
        ageRaw: v.ageRaw,
        priceRaw: v.priceRaw,
        images: v.images.map((i) => ({ sha256: i.sha256, phash: i.phash })),
        language: v.language,
        changedFields: v.changedFields,
        parseErrors: v.parseErrors,
        captureId: v.captureId,
      };
    }),
    captures: caps.map((c) => ({
      id: c.id,
      url: c.url,
      fetchedAt: c.fetchedAt.toISOString(),
      status: c.status,
      kind: c.kind,
      payloadSha256: c.payloadSha256,
    })),
  };
}
