// The demo's synthetic cases (fixtures/demo-cases), imported through the HTCDS import as a
// supervisor would, once there is a supervisor to own them. A fresh demo has no users (they are
// made with the CLI), so this waits for a later start. The cases are seeded (same pseudonyms on
// every start): once imported, the import refuses them as existing, whole, and nothing changes.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import { generateDemoCases } from '../../fixtures/demo-cases/index.js';
import { HtcdsImportRefused, importHtcds, type PartnerProfile } from '../cases/index.js';
import { users } from '../platform/auth/schema.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';

export async function seedDemoCases(
  deps: { config: Config; db: Db; log: Logger; clock: Clock },
  directory: readonly PartnerProfile[],
): Promise<boolean> {
  const { db, log } = deps;
  const [supervisor] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!supervisor) {
    log.info('demo: no supervisor yet, the synthetic cases wait for one');
    return false;
  }
  const actor = {
    userId: supervisor.id,
    label: `${supervisor.email} (demo seed)`,
    role: 'supervisor' as const,
  };
  try {
    const document = generateDemoCases(directory, { asOf: deps.clock.now() });
    const { imported } = await importHtcds(deps, actor, document);
    log.info({ imported }, 'demo: synthetic cases imported (HTCDS)');
    return true;
  } catch (err) {
    if (!(err instanceof HtcdsImportRefused)) throw err;
    const other = err.problems.filter((p) => p.field !== 'ari_CaseId');
    if (other.length > 0)
      log.warn({ problems: other.slice(0, 5) }, 'demo: synthetic cases refused');
    return false;
  }
}
