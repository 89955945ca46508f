// The one masking step for ad-derived text on its way out of the server. Every response that carries
// ad text or facts quoting it goes through here: a worker sees "Bel •• •• •• •• ••" and a fact's
// mask "+•••••••••78" until they reveal the number, and the reveal is audited. Spans come from the
// stored identifiers of each version; a version not yet extracted, and the short structured fields
// extraction does not search for contacts (city, age, price, posting date), are searched on the
// fly. Nothing here logs: the text it handles is exactly what must not reach a log.
//
// No generic guard runs over whole responses as a last line: it would be the same detector that
// found these spans (no better recall on the fields masked here), it would eat digits in ids,
// dates, cursors, hashes and the ad URLs the console links to, and it would search every string of
// every list. The guard is test/api/canary.db.test.ts instead: it plants an identifier in every
// disguise and calls every GET route of the OpenAPI document as every role, so a new route that
// returns ad text without passing through here fails it.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import {
  findIdentifierSpans,
  findIdentifierSpansAnyRegion,
  identifierSpansOf,
  maskSpans,
  maskStoredFact,
  maskWhole,
  unsearchedTail,
  type IdentifierSpan,
  type SpanField,
} from '../extract/index.js';
import { identifierSpans } from './store.js';
import { adExtractions, type StoredFact } from './schema.js';

/** Every text field of an ad version that can leave the server. */
export interface MaskableText {
  title: string | null;
  body: string;
  phoneRaw: string | null;
  displayName: string | null;
  city: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
  postedRaw: string | null;
}

export interface MaskableVersion extends MaskableText {
  id: string;
  /** The source's country: default region for numbers written without one. */
  country: string | null;
}

/** Ad text fields extraction searches for identifiers, keyed by the span field it records. */
const SEARCHED = [
  ['title', 'title'],
  ['body', 'body'],
  ['displayName', 'displayName'],
] as const satisfies readonly (readonly [SpanField, keyof MaskableText])[];

/** Short structured fields extraction reads for other things: searched here on the fly. */
const UNSEARCHED = [
  ['city', 'city'],
  ['age', 'ageRaw'],
  ['price', 'priceRaw'],
] as const satisfies readonly (readonly [SpanField, keyof MaskableText])[];

function maskField(text: string | null, field: string, spans: IdentifierSpan[]): string | null {
  if (text === null) return null;
  return maskSpans(text, [
    ...spans.filter((s) => s.field === field),
    ...unsearchedTail(text, field),
  ]);
}

/** Ad text with every identifier masked, per version id. */
export async function maskVersions(
  db: DbOrTx,
  versions: MaskableVersion[],
): Promise<Map<string, MaskableText>> {
  const stored = await identifierSpans(
    db,
    versions.map((v) => v.id),
  );
  const spansOf = new Map<string, IdentifierSpan[]>();
  for (const s of stored) {
    const list = spansOf.get(s.versionId) ?? [];
    list.push(s);
    spansOf.set(s.versionId, list);
  }
  const extracted = await extractedVersions(
    db,
    versions.map((v) => v.id),
  );
  const out = new Map<string, MaskableText>();
  for (const v of versions) {
    const country = v.country ?? undefined;
    // A source without a country: extraction found no number written nationally, so the stored
    // spans cannot be trusted alone; every field is also searched as any region would read it.
    const find = (text: string, field: SpanField) =>
      country
        ? findIdentifierSpans(text, field, country)
        : findIdentifierSpansAnyRegion(text, field);
    const spans: IdentifierSpan[] = [
      ...(extracted.has(v.id) ? (spansOf.get(v.id) ?? []) : []),
      ...(extracted.has(v.id) && country
        ? []
        : SEARCHED.flatMap(([field, key]) => {
            const text = v[key];
            return text === null ? [] : find(text, field);
          })),
    ];
    const onTheFly = (field: SpanField, text: string | null) =>
      text === null ? null : maskSpans(text, find(text, field));
    const masked: MaskableText = {
      title: maskField(v.title, 'title', spans),
      body: maskField(v.body, 'body', spans) ?? '',
      displayName: maskField(v.displayName, 'displayName', spans),
      // The structured phone field is an identifier as a whole.
      phoneRaw: v.phoneRaw === null ? null : maskWhole(v.phoneRaw),
      city: null,
      ageRaw: null,
      priceRaw: null,
      // The posting date as written is searched as body text would be ("posted 06-12 …").
      postedRaw: onTheFly('body', v.postedRaw),
    };
    for (const [field, key] of UNSEARCHED) masked[key] = onTheFly(field, v[key]);
    out.set(v.id, masked);
  }
  return out;
}

async function extractedVersions(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  // identifierSpans answers only for versions with identifiers; a version extracted without any
  // still has a stored result, and its text needs no search.
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: adExtractions.adVersionId })
    .from(adExtractions)
    .where(inArray(adExtractions.adVersionId, ids));
  return new Set(rows.map((r) => r.id));
}

/**
 * A stored extraction's facts as they may leave the server: identifier facts reduced to their
 * masks, every other fact with identifier characters masked in the text it quotes. Results
 * stored before quotes were masked at the source come out the same as new ones.
 */
export async function maskExtraction<F extends StoredFact>(
  db: DbOrTx,
  versionId: string,
  extraction: { facts: F[]; suppressed: { fact: StoredFact; reason: string; by: string }[] },
) {
  const spans = [
    ...(await identifierSpans(db, [versionId])),
    ...identifierSpansOf(extraction.facts),
  ];
  return {
    facts: extraction.facts.map((f) => maskStoredFact(f, spans)),
    suppressed: extraction.suppressed.map((s) => ({ ...s, fact: maskStoredFact(s.fact, spans) })),
  };
}
