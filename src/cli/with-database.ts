// Opens the configured database for one command (migrated), and closes it whatever happens. The
// database layer is loaded here, when a command needs it, not when the CLI starts.
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/connect.js';

export type WithDatabase = <T>(
  fn: (ctx: { database: Database; config: Config }) => Promise<T>,
) => Promise<T>;

export const withDatabase: WithDatabase = async (fn) => {
  const [
    { finishAtRestUpgrade },
    { sealLegacyChain },
    { loadConfig },
    { openDatabase },
    { runMigrations },
    { createLogger },
  ] = await Promise.all([
    import('../app/at-rest-upgrade.js'),
    import('../platform/audit/audit-log.js'),
    import('../platform/config.js'),
    import('../platform/db/connect.js'),
    import('../platform/db/migrate.js'),
    import('../platform/logger.js'),
  ]);
  const config = loadConfig(process.env);
  const log = createLogger({ ...config, logLevel: process.env.LOG_LEVEL ?? 'warn' }, 'ariadne-cli');
  const database = await openDatabase(config, { log });
  try {
    await runMigrations(database.pool);
    // A log upgraded from unkeyed chaining gets its keyed seal here too (see audit-log.ts).
    await sealLegacyChain(database.db);
    await finishAtRestUpgrade(database, config.secrets, log);
    return await fn({ database, config });
  } finally {
    await database.close();
  }
};
