// The `ariadne` command line. Every command validates the configuration first and exits non-zero
// with a plain message on any error; stack traces only with DEBUG=1. In embedded mode a command
// borrows the running server's database over its socket, or opens it itself when none runs.
// Only what defines the commands is imported up front; each command loads what it runs when it
// runs, so `ariadne --help` answers without loading the server, the crawler or the database.
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import { ROLES } from '../platform/auth/roles.js';
import type { Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import type { Roles, Running } from '../app/runtime.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerCollectCommands } from './collect-commands.js';
import { registerExtractCommands } from './extract-commands.js';
import { registerLinkCommands } from './link-commands.js';
import { createProgress } from './progress.js';
import { withDatabase } from './with-database.js';

const out = (line: string) => process.stdout.write(line + '\n');

async function config(): Promise<Config> {
  const { loadConfig } = await import('../platform/config.js');
  return loadConfig(process.env);
}

async function runRoles(roles: Roles): Promise<void> {
  const cfg = await config();
  const [{ createLogger }, { startRoles }, { systemClock }] = await Promise.all([
    import('../platform/logger.js'),
    import('../app/runtime.js'),
    import('../platform/clock.js'),
  ]);
  const log = createLogger(cfg);
  // The handlers come before the start and its announcement: whoever waits for "Ariadne is
  // running" (a supervisor, a test) may stop us the instant it reads it, and a SIGTERM that
  // arrives before a handler exists ends the process at once, with nothing closed. A signal
  // during the start is kept and acted on as soon as there is something to stop.
  const started: { running?: Running; requested?: string } = {};
  let signals = 0;
  const stop = (which: Running) =>
    which
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(130);
    log.info({ signal }, 'shutting down');
    if (started.running) void stop(started.running);
    else started.requested = signal;
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const running = await startRoles(cfg, roles, log, systemClock);
  started.running = running;
  if (started.requested) {
    void stop(running);
    return;
  }
  const what = [roles.http && 'HTTP', roles.worker && 'workers', roles.scheduler && 'scheduler']
    .filter(Boolean)
    .join(', ');
  if (running.url) {
    const shown =
      cfg.port === 3000 && (cfg.host === '127.0.0.1' || cfg.host === '0.0.0.0')
        ? 'http://localhost:3000'
        : running.url;
    out(`Ariadne is running (${what}, ${cfg.mode} mode). Console: ${shown}`);
  } else {
    out(`Ariadne is running (${what}, ${cfg.mode} mode).`);
  }
}

export function buildCli(): Command {
  const program = new Command('ariadne')
    .description('Ariadne: online outreach against human trafficking and exploitation')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('start')
    .description(
      'Run everything in one process: HTTP server, workers and scheduler (embedded mode by default)',
    )
    .action(() => runRoles({ http: true, worker: true, scheduler: true }));
  program
    .command('serve')
    .description('Run the HTTP server only (stateless; run several behind a load balancer)')
    .option('--with-scheduler', 'also run the cron scheduler in this process')
    .action((opts: { withScheduler?: boolean }) =>
      runRoles({ http: true, worker: false, scheduler: Boolean(opts.withScheduler) }),
    );
  program
    .command('worker')
    .description('Run job workers only (run as many as the load needs, on any machine)')
    .option('--with-scheduler', 'also run the cron scheduler in this process')
    .action((opts: { withScheduler?: boolean }) =>
      runRoles({ http: false, worker: true, scheduler: Boolean(opts.withScheduler) }),
    );

  program
    .command('migrate')
    .description('Apply database migrations and exit')
    .action(() =>
      withDatabase(async () => {
        out('Database is up to date.');
      }),
    );

  program
    .command('config')
    .description('Check the configuration and print it with secrets hidden')
    .action(async () => {
      const cfg = await config();
      out(`mode: ${cfg.mode}`);
      out(`data dir: ${cfg.dataDir}`);
      out(`database: ${cfg.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`);
      out(`blobs: ${cfg.blobs.kind === 'fs' ? cfg.blobs.dir : `s3://${cfg.blobs.bucket}`}`);
      out(`http: ${cfg.host}:${cfg.port} (public URL ${cfg.publicUrl})`);
      out(`field keys: ${cfg.secrets.fieldKeys.map((k) => k.id).join(', ')} (first encrypts)`);
      out(`audit keys: ${cfg.secrets.auditKeys.map((k) => k.id).join(', ')} (first chains)`);
      out(
        cfg.audit.tsa
          ? `audit anchoring: ${cfg.audit.tsa.url} every ${cfg.audit.anchorIntervalMinutes} min`
          : 'audit anchoring: off (no AUDIT_TSA_URL; the end of the log is not protected)',
      );
      out('Configuration is valid.');
    });

  const users = program.command('users').description('Manage operator accounts');
  users
    .command('create')
    .description(
      'Create a user and print a one-time password (the user sets a new one and enrols 2FA at first sign-in)',
    )
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'display name (defaults to the part before @)')
    .option('--partner-org <name>', 'partner organisation (required for role partner)')
    .action(
      (opts: { email: string; role: (typeof ROLES)[number]; name?: string; partnerOrg?: string }) =>
        withDatabase(async ({ database }) => {
          const [{ createUser, listPartnerOrgs }, { CLI_ACTOR }] = await Promise.all([
            import('../platform/auth/users.js'),
            import('../platform/actor.js'),
          ]);
          let partnerOrgId: string | null = null;
          if (opts.partnerOrg) {
            const org = (await listPartnerOrgs(database.db)).find(
              (o) => o.name.toLowerCase() === opts.partnerOrg!.toLowerCase(),
            );
            if (!org)
              throw new AppError(
                'not_found',
                `No partner organisation named "${opts.partnerOrg}". Create it in the console first.`,
              );
            partnerOrgId = org.id;
          }
          const { user, oneTimePassword } = await createUser(database.db, CLI_ACTOR, {
            email: opts.email,
            displayName: opts.name ?? opts.email.split('@')[0] ?? opts.email,
            role: opts.role,
            partnerOrgId,
          });
          out(`Created ${user.role} ${user.email}.`);
          out(`One-time password: ${oneTimePassword}`);
          out(
            'Give it to the user over a safe channel; it works once, then a new password and two-factor sign-in are set up.',
          );
        }),
    );
  users
    .command('list')
    .description('List users')
    .option('--json', 'print JSON lines')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ database }) => {
        const { listUsers } = await import('../platform/auth/users.js');
        for (const u of await listUsers(database.db)) {
          if (opts.json) out(JSON.stringify(u));
          else
            out(
              `${u.email.padEnd(32)} ${u.role.padEnd(16)} ${u.totpEnrolled ? '2FA' : 'no 2FA'}${u.disabled ? ' disabled' : ''}${u.lockedUntil ? ' locked' : ''}`,
            );
        }
      }),
    );

  const keys = program.command('keys').description('Field encryption keys');
  keys
    .command('rotate')
    .description(
      'Re-encrypt personal data under the active key. Embedded mode: first generates a new key. Production: put the new key first in FIELD_ENCRYPTION_KEYS on every process, restart them, then run this.',
    )
    .action(async () => {
      let cfg = await config();
      if (cfg.mode === 'embedded') {
        const { addEmbeddedFieldKey } = await import('../platform/config.js');
        const id = addEmbeddedFieldKey(cfg.dataDir);
        out(`New field key ${id} generated in ${cfg.dataDir}/secrets.json.`);
        // A running server reloads the keys file within two seconds; wait so it writes with the new key before we re-encrypt.
        await sleep(2500);
        cfg = await config();
      }
      await withDatabase(async ({ database }) => {
        const [{ rotateAllFieldKeys }, { sealLegacyCaptures }, { createBlobStore }, { CLI_ACTOR }] =
          await Promise.all([
            import('../app/key-rotation.js'),
            import('../collect/index.js'),
            import('../platform/blobs/index.js'),
            import('../platform/actor.js'),
          ]);
        const progress = createProgress();
        const result = await rotateAllFieldKeys(
          database.db,
          cfg.secrets.fieldKeys,
          CLI_ACTOR,
          (n) => progress.update(`re-encrypted ${n} values…`),
        );
        // Captures stored in clear before they were sealed are sealed now (the rest only re-wrapped).
        const sealed = await sealLegacyCaptures(
          database.db,
          createBlobStore(cfg.blobs),
          cfg.secrets.fieldKeys,
          (n) => progress.update(`sealed ${n} captures stored in clear…`),
        );
        progress.done();
        out(`Re-encrypted ${result.reencrypted} values under key ${result.activeKeyId}.`);
        if (sealed.sealed > 0) out(`Sealed ${sealed.sealed} capture(s) that were stored in clear.`);
        for (const p of sealed.problems) out(`NOT SEALED ${p.captureId} ${p.url}: ${p.problem}`);
        if (sealed.problems.length) process.exitCode = 3;
        if (cfg.mode === 'production')
          out('Older keys can now be removed from FIELD_ENCRYPTION_KEYS.');
      });
    });

  registerAuditCommands(program, withDatabase);
  registerCollectCommands(program, withDatabase);
  registerExtractCommands(program, withDatabase);
  registerLinkCommands(program, withDatabase);
  return program;
}

async function report(err: unknown): Promise<number> {
  const [{ ConfigError }, { z }] = await Promise.all([
    import('../platform/config.js'),
    import('zod'),
  ]);
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee the configuration reference in README.md.\n`);
    return 2;
  }
  if (err instanceof AppError) {
    process.stderr.write(`Error: ${err.message}\n`);
    return 1;
  }
  if (err instanceof z.ZodError) {
    process.stderr.write(
      `Error: ${err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}\n`,
    );
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Error: ${message}\n`);
  if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  return 1;
}

buildCli()
  .parseAsync(process.argv)
  .catch(async (err: unknown) => {
    process.exitCode = await report(err);
  });
