// Finishes moving ad text and stored facts of an existing database to encrypted columns. The
// migration that dropped the plaintext columns set their values aside in "at_rest_upgrade" (see
// drizzle/0013_at_rest_hold_plaintext.sql), since SQL cannot encrypt; this step, run after the
// migrations at every start, by every CLI command and so by `ariadne migrate` and `ariadne keys
// rotate`, encrypts them into place, writes the search terms, drops the table and rewrites the two
// tables (VACUUM FULL) so that no dead tuple keeps the old text. Idempotent: with nothing set
// aside it is one catalogue query. Composition: it calls collect and the stored facts.
import type { Logger } from 'pino';
import { sealLegacyAdVersion } from '../collect/index.js';
import { reindexAdSearch, sealLegacyExtraction } from '../facts/index.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Database } from '../platform/db/connect.js';

const UPGRADE_LOCK = 727_002;
const BATCH = 200;

export interface AtRestUpgradeResult {
  versions: number;
  extractions: number;
  searchIndexed: number;
}

async function holdingTableExists(database: Database): Promise<boolean> {
  const r = await database.pool.query<{ t: string | null }>(
    "SELECT to_regclass('public.at_rest_upgrade')::text AS t",
  );
  return r.rows[0]?.t != null;
}

export async function finishAtRestUpgrade(
  database: Database,
  keys: AtRestKeys,
  log?: Logger,
): Promise<AtRestUpgradeResult> {
  const result: AtRestUpgradeResult = { versions: 0, extractions: 0, searchIndexed: 0 };
  if (!(await holdingTableExists(database))) return result;
  const lock = await database.pool.connect();
  try {
    // Several processes may start at once: one upgrades, the others wait and find nothing left.
    await lock.query('SELECT pg_advisory_lock($1)', [UPGRADE_LOCK]);
    if (!(await holdingTableExists(database))) return result;
    for (;;) {
      const batch = await database.pool.query<{ source: string; id: string; payload: unknown }>(
        `SELECT source, row_id::text AS id, payload FROM at_rest_upgrade
         ORDER BY source, row_id LIMIT ${BATCH}`,
      );
      if (batch.rows.length === 0) break;
      await database.db.transaction(async (tx) => {
        for (const row of batch.rows) {
          if (row.source === 'ad_versions') {
            await sealLegacyAdVersion(tx, keys, row.id, row.payload);
            result.versions++;
          } else if (row.source === 'ad_extractions') {
            await sealLegacyExtraction(tx, keys.fieldKeys, row.id, row.payload);
            result.extractions++;
          }
        }
      });
      // Deleted after their transaction committed: a crash in between only encrypts them again.
      await database.pool.query(
        'DELETE FROM at_rest_upgrade WHERE (source, row_id::text) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
        [batch.rows.map((r) => r.source), batch.rows.map((r) => r.id)],
      );
      log?.info({ ...result }, 'encrypting ad text stored before encryption at rest');
    }
    if (result.versions + result.extractions > 0) {
      result.searchIndexed = await reindexAdSearch(database.db, keys);
    }
    await database.pool.query('DROP TABLE IF EXISTS at_rest_upgrade');
    if (result.versions + result.extractions > 0) {
      // The dropped columns' values stay in the old row versions until the tables are rewritten.
      await database.pool.query('VACUUM FULL ad_versions');
      await database.pool.query('VACUUM FULL ad_extractions');
      log?.info({ ...result }, 'ad text and facts are now encrypted at rest');
    }
    return result;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [UPGRADE_LOCK]).catch(() => undefined);
    lock.release();
  }
}
