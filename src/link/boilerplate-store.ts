// Reads of the site boilerplate the linking store records (link_boilerplate, see boilerplate.ts),
// apart from store.ts so that entity refreshes and the ad page read it without the linking store.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import { linkBoilerplate } from './schema.js';

const CHUNK = 500;

/** The boilerplate sentences of sources, as last recorded. */
export async function boilerplateOfSources(
  tx: DbOrTx,
  sourceIds: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const ids = [...new Set(sourceIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await tx
      .select({ sourceId: linkBoilerplate.sourceId, lineHash: linkBoilerplate.lineHash })
      .from(linkBoilerplate)
      .where(inArray(linkBoilerplate.sourceId, part));
    for (const r of rows) {
      const set = out.get(r.sourceId) ?? new Set<string>();
      set.add(r.lineHash);
      out.set(r.sourceId, set);
    }
  }
  return out;
}
