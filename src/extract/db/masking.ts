// Masks identifiers (phone numbers, e-mail addresses, handles, URLs) in ad text before it leaves
// the server: a worker sees "06 •• •• •• 78" until they reveal it, and the reveal is audited.
// Versions already extracted use their stored spans; others are extracted on the fly (not stored).
import type { Db } from '../../platform/db/connect.js';
import { extractAll } from '../extract.js';
import { adExtractions } from './tables.js';
import { identifierSpans, isIdentifierFact, loadActiveRuleSet, maskSpans } from './store.js';
import { inArray } from 'drizzle-orm';

export interface MaskableVersion {
  id: string;
  country: string;
  title: string | null;
  body: string;
  phoneRaw: string | null;
  ageRaw?: string | null;
  priceRaw?: string | null;
  city?: string | null;
  displayName?: string | null;
}

export interface MaskedText {
  title: string | null;
  body: string;
  phoneRaw: string | null;
}

type Spans = { field: string; start: number; end: number }[];

export async function maskVersions(
  db: Db,
  versions: MaskableVersion[],
): Promise<Map<string, MaskedText>> {
  const ids = versions.map((v) => v.id);
  const stored = await identifierSpans(db, ids);
  const extracted = new Set(
    ids.length
      ? (
          await db
            .select({ id: adExtractions.adVersionId })
            .from(adExtractions)
            .where(inArray(adExtractions.adVersionId, ids))
        ).map((r) => r.id)
      : [],
  );
  const rules = await loadActiveRuleSet(db);
  const out = new Map<string, MaskedText>();
  for (const v of versions) {
    let spans: Spans;
    if (extracted.has(v.id)) {
      spans = stored.filter((s) => s.versionId === v.id);
    } else {
      const result = extractAll(
        {
          ...(v.title ? { title: v.title } : {}),
          body: v.body,
          fields: { ...(v.phoneRaw ? { phone: v.phoneRaw } : {}) },
          country: v.country,
        },
        rules,
      );
      spans = result.facts.filter(isIdentifierFact).map((f) => f.span);
    }
    const of = (field: string) => spans.filter((s) => s.field === field);
    out.set(v.id, {
      title: v.title === null ? null : maskSpans(v.title, of('title')),
      body: maskSpans(v.body, of('body')),
      // The structured phone field is an identifier as a whole.
      phoneRaw:
        v.phoneRaw === null ? null : maskSpans(v.phoneRaw, [{ start: 0, end: v.phoneRaw.length }]),
    });
  }
  return out;
}
