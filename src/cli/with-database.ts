// Opens the configured database for one command (migrated), and closes it whatever happens.
import { finishAtRestUpgrade } from '../app/at-rest-upgrade.js';
import { sealLegacyChain } from '../platform/audit/audit-log.js';
import type { Config } from '../platform/config.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/connect.js';
import { runMigrations } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logger.js';

export type WithDatabase = <T>(
  fn: (ctx: { database: Database; config: Config }) => Promise<T>,
) => Promise<T>;

export const withDatabase: WithDatabase = async (fn) => {
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
