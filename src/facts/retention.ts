// The facts' part of retention: when retention lets an uncontacted lead go, the facts and
// identifiers extracted from its ads go with it (src/app/retention.ts calls this before collect
// erases the ads themselves).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import { adExtractions, adIdentifiers } from './schema.js';

/** Erases the extraction results and identifiers of these ads; runs in the caller's transaction. */
export async function eraseAdFacts(
  tx: DbOrTx,
  adIds: readonly string[],
): Promise<{ extractions: number; identifiers: number }> {
  if (adIds.length === 0) return { extractions: 0, identifiers: 0 };
  const ids = [...adIds];
  const identifiers = await tx
    .delete(adIdentifiers)
    .where(inArray(adIdentifiers.adId, ids))
    .returning({ id: adIdentifiers.id });
  const extractions = await tx
    .delete(adExtractions)
    .where(inArray(adExtractions.adId, ids))
    .returning({ id: adExtractions.adVersionId });
  return { extractions: extractions.length, identifiers: identifiers.length };
}
