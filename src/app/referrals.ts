// What referrals are given by the server and the workers alike: the database, the keys (fields
// encrypted at rest; the session secret, from which the secure links' hash keys derive), "now",
// the settings and the public address the secure links point at.
import type { ReferralDeps } from '../cases/index.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/connect.js';

export function referralDepsOf(config: Config, database: Database, clock: Clock): ReferralDeps {
  return {
    db: database.db,
    fieldKeys: config.secrets.fieldKeys,
    sessionSecret: config.secrets.sessionSecret,
    clock,
    settings: config.referrals,
    publicUrl: config.publicUrl,
  };
}
