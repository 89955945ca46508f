// Searching ads by their words without keeping their text: every word of an ad's current version
// is stored as a 64-bit keyed hash (HMAC, key derived from the identifier pepper, so it survives
// field-key rotation), and a search looks its words up the same way. Words are compared folded:
// case, accents and width do not matter ("Café" finds "cafe"), whole words only.
//
// Not indexed, on purpose: words with a digit (numbers in any spacing, "anna99") or an underscore
// (handles), and the words inside an identifier that extraction found (e-mail addresses, handles,
// numbers written in words). Otherwise a free-text search would be an unaudited way to ask whether
// a number or a handle is known — that is what the audited identifier lookups are for. A search
// that asks for such a word is refused with an explanation rather than silently finding nothing.
import { createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { deriveKey } from '../platform/crypto.js';
import { keyed, type MessageText } from '../platform/errors.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { adSearchTerms, adVersions, ads } from './schema.js';

/** Words of the title, body and display name are one domain; the city field is its own. */
export type SearchDomain = 'text' | 'city';

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const MIN_WORD = 2;
const MAX_WORD = 64;
/** Words a search may combine (all must occur). */
export const MAX_SEARCH_WORDS = 8;

const fold = (word: string): string =>
  word.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();

/** A word that never enters the index: it could be (part of) a number or a handle. */
const identifierLike = (word: string): boolean => /[\p{N}_]/u.test(word);

function* wordsOf(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    if (word.length < MIN_WORD || word.length > MAX_WORD) continue;
    yield { word, start: m.index, end: m.index + m[0].length };
  }
}

function termOf(pepper: Buffer, domain: SearchDomain, word: string): bigint {
  return createHmac('sha256', deriveKey(pepper, 'ad-search-terms'))
    .update(`${domain}\u0000${word}`)
    .digest()
    .readBigInt64BE(0);
}

export interface SearchableText {
  title: string | null;
  body: string;
  displayName: string | null;
  city: string | null;
}

/** A stretch of a field that holds an identifier (extraction's span of it). */
export interface ExcludedSpan {
  field: string;
  start: number;
  end: number;
}

/** The distinct keyed terms of an ad version's text, identifiers and numbers left out. */
export function searchTermsOf(
  pepper: Buffer,
  text: SearchableText,
  exclude: readonly ExcludedSpan[],
): bigint[] {
  const terms = new Set<bigint>();
  const fields: [keyof SearchableText, SearchDomain][] = [
    ['title', 'text'],
    ['body', 'text'],
    ['displayName', 'text'],
    ['city', 'city'],
  ];
  for (const [field, domain] of fields) {
    const value = text[field];
    if (!value) continue;
    const spans = exclude.filter((s) => s.field === field);
    for (const w of wordsOf(value)) {
      if (identifierLike(w.word)) continue;
      if (spans.some((s) => w.start < s.end && s.start < w.end)) continue;
      terms.add(termOf(pepper, domain, w.word));
    }
  }
  return [...terms];
}

/**
 * The words a search asks for, or why it cannot be served. Checked where a filter comes in (the
 * API's query string, a saved search), so the person searching reads the reason.
 */
export function searchWordsOf(
  query: string,
): { words: string[] } | { problem: string; text: MessageText } {
  const words = [...new Set([...wordsOf(query)].map((w) => w.word))];
  // Any digit, underscore or @ at all: a number, handle or address is being looked for.
  if (/[\p{N}_@]/u.test(query)) {
    const said = keyed(
      'collect.searchWordsOnly',
      'Ads are searched by words; numbers and handles are not searchable (so that a search cannot tell whether a number is known). Look an identifier up through an ad or entity instead.',
    );
    return { problem: said.message, text: said.text };
  }
  if (words.length === 0) {
    const said = keyed(
      'collect.searchOneWord',
      `Give at least one word of ${MIN_WORD} or more letters.`,
      { min: MIN_WORD },
    );
    return { problem: said.message, text: said.text };
  }
  if (words.length > MAX_SEARCH_WORDS) {
    const said = keyed('collect.searchTooManyWords', `Give at most ${MAX_SEARCH_WORDS} words.`, {
      max: MAX_SEARCH_WORDS,
    });
    return { problem: said.message, text: said.text };
  }
  return { words };
}

/** The keyed terms of searched words (all must occur in the ad). */
export function searchTermsFor(pepper: Buffer, domain: SearchDomain, words: string[]): bigint[] {
  return words.map((w) => termOf(pepper, domain, w));
}

/**
 * Replaces an ad's search terms with those of one of its versions, if that version is still the
 * ad's current one (an older version extracted late must not overwrite a newer one's terms).
 */
export async function replaceAdSearchTerms(
  tx: DbOrTx,
  adId: string,
  versionId: string,
  terms: readonly bigint[],
): Promise<boolean> {
  const [current] = await tx
    .select({ id: adVersions.id })
    .from(adVersions)
    .innerJoin(ads, and(eq(ads.id, adVersions.adId), eq(ads.version, adVersions.version)))
    .where(and(eq(adVersions.id, versionId), eq(ads.id, adId)));
  if (!current) return false;
  const row = { adId, terms: [...terms] };
  await tx
    .insert(adSearchTerms)
    .values(row)
    .onConflictDoUpdate({ target: adSearchTerms.adId, set: { terms: row.terms } });
  return true;
}

/** Drops an ad's terms (its text changed: the new version is indexed once it is extracted). */
export async function clearAdSearchTerms(tx: DbOrTx, adId: string): Promise<void> {
  await tx.delete(adSearchTerms).where(eq(adSearchTerms.adId, adId));
}

/** SQL that holds for ads having every one of the terms (served by the GIN index). */
export function hasAllTerms(terms: readonly bigint[]) {
  const wanted = sql.param(terms.map(String));
  return sql`${ads.id} IN (SELECT ${adSearchTerms.adId} FROM ${adSearchTerms} WHERE ${adSearchTerms.terms} @> ${wanted}::bigint[])`;
}
