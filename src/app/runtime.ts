// Starts Ariadne's roles in one process: HTTP (`serve`), workers (`worker`), the scheduler, or all
// three (`start`). Each role shares the same domain code; only what runs differs. Shutdown on
// SIGINT/SIGTERM is graceful: stop taking requests and jobs, finish what runs, close the database.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../platform/actor.js';
import { addressGuardFor } from '../platform/address-guard.js';
import { ensureFirstAdmin } from '../platform/bootstrap.js';
import type { Clock } from '../platform/clock.js';
import { unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import { finishAtRestUpgrade } from './at-rest-upgrade.js';
import { useAuditKeys } from '../platform/audit/audit-keys.js';
import { sealLegacyChain } from '../platform/audit/audit-log.js';
import {
  reloadEmbeddedAuditKeys,
  reloadEmbeddedFieldKeys,
  secretsFilePath,
  type Config,
} from '../platform/config.js';
import { assertPrivateDir } from '../platform/data-dir.js';
import { openDatabase, type Database } from '../platform/db/connect.js';
import { runMigrations } from '../platform/db/migrate.js';
import { createBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { startJobs, type Jobs } from '../platform/jobs.js';
import { workerIdentity } from '../platform/worker-identity.js';
import { buildHttpServer } from './http-server.js';
import { allJobs } from './jobs.js';

export interface Roles {
  http: boolean;
  worker: boolean;
  scheduler: boolean;
}

export interface Running {
  config: Config;
  database: Database;
  blobs: BlobStore;
  jobs: Jobs;
  http: FastifyInstance | null;
  /** The address the HTTP server listens on, when it runs. */
  url: string | null;
  stop(): Promise<void>;
}

export async function startRoles(
  config: Config,
  roles: Roles,
  log: Logger,
  /** "Now" for every role: the system clock, given by the command line. */
  clock: Clock,
  print: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Promise<Running> {
  // In embedded mode DATA_DIR is checked as the database opens; a blob directory elsewhere here.
  const blobDir = config.blobs.kind === 'fs' ? config.blobs.dir : null;
  if (
    blobDir &&
    (config.mode === 'production' || path.relative(config.dataDir, blobDir).startsWith('..'))
  )
    assertPrivateDir(blobDir, 'BLOB_DIR');
  for (const retired of config.retiredVars) log.warn(`no longer read: ${retired}`);
  const database = await openDatabase(config, { requireOwner: config.mode === 'embedded', log });
  let jobs: Jobs | undefined;
  let http: FastifyInstance | null = null;
  let demo: { stop(): Promise<void> } | undefined;
  const closers: (() => Promise<void>)[] = [];
  const runClosers = () =>
    Promise.all(closers.map((close) => close().catch(() => undefined))).then(() => undefined);
  try {
    await runMigrations(database.pool);
    await sealLegacyChain(database.db);
    await finishAtRestUpgrade(database, config.secrets, log);
    if (config.mode === 'embedded') await ensureFirstAdmin(database.db, SYSTEM_ACTOR, print);
    const blobs = createBlobStore(config.blobs);
    const addressGuard = addressGuardFor(config);
    const worker = workerIdentity(config.workerName);
    const definitions = allJobs({
      addressGuard,
      onStop: (close) => closers.push(close),
      worker,
      config,
      database,
      blobs,
      log,
      clock,
      jobs: () => {
        if (!jobs) throw new Error('job queue not started yet');
        return jobs;
      },
    });
    jobs = await startJobs({
      database,
      log: log.child({ role: 'jobs' }),
      scheduler: roles.scheduler,
      definitions,
      worker,
    });
    if (roles.scheduler) await jobs.schedule(definitions);
    if (roles.worker) await jobs.work(definitions, config.workerConcurrency);
    let url: string | null = null;
    if (roles.http) {
      const { registerConsole } = await import('../platform/http/console.js');
      http = await buildHttpServer({
        config,
        database,
        blobs,
        jobs,
        log,
        clock,
        plugins: [(app) => registerConsole(app, { webDev: config.webDev })],
      });
      url = await http.listen({ host: config.host, port: config.port });
    }
    if (config.demoData && roles.http) {
      // Loaded only now: the demo brings the synthetic ad board and SMSC of fixtures/, which the
      // production graph (serve, worker, start without demo data) never loads.
      const { startDemo } = await import('../demo/demo.js');
      demo = await startDemo({ config, db: database.db, jobs, log, addressGuard, clock });
    }
    const secretsFile = secretsFilePath(config.dataDir);
    if (config.mode === 'embedded') {
      watchFile(secretsFile, { interval: 1000 }, () => {
        try {
          if (reloadEmbeddedFieldKeys(config)) log.info('field encryption keys reloaded');
          if (reloadEmbeddedAuditKeys(config)) {
            useAuditKeys(config.secrets.auditKeys);
            log.info({ active: config.secrets.auditKeys[0]?.id }, 'audit keys reloaded');
          }
        } catch (err) {
          log.error({ err }, 'could not reload field encryption or audit keys');
        }
      });
    }
    const running = jobs;
    let stopping: Promise<void> | undefined;
    return {
      config,
      database,
      blobs,
      jobs: running,
      http,
      url,
      stop: () => {
        stopping ??= (async () => {
          unwatchFile(secretsFile);
          await http?.close();
          await running.stop();
          // Channels unbind before the demo's simulated SMSC goes away under them.
          await runClosers();
          await demo?.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await http?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await runClosers();
    await demo?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}
