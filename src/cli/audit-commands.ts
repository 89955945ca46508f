// `ariadne audit …`: verify the keyed chain and its anchors, anchor the head now, list entries with
// the viewer's filters (audited, like the console's viewer), and rotate the audit key. Each command
// loads what it runs when it runs (see main.ts).
import type { Command } from 'commander';
import { systemClock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { createProgress } from './progress.js';
import type { WithDatabase } from './with-database.js';

const out = (line: string) => process.stdout.write(line + '\n');

/** A date ("2025-03-01", midnight UTC) or a date-time with offset, as the query expects. */
function dateTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

interface ListOptions {
  user?: string;
  action?: string;
  target?: string;
  since?: string;
  until?: string;
  before?: string;
  limit?: string;
  json?: boolean;
  actions?: boolean;
}

export function registerAuditCommands(program: Command, withDatabase: WithDatabase): void {
  const audit = program.command('audit').description('The keyed, anchored audit log');

  audit
    .command('verify')
    .description(
      'Check the keyed hash chain and every time-stamp anchor; exit code 3 and the reason when an entry was altered, removed or re-chained, or the tail was cut off',
    )
    .action(() =>
      withDatabase(async ({ database, config }) => {
        const { describeAuditReport, verifyAuditLog } =
          await import('../platform/audit/audit-verify.js');
        const progress = createProgress();
        const report = await verifyAuditLog(database.db, config, systemClock, (n) =>
          progress.update(`checked ${n} entries…`),
        );
        progress.done();
        for (const line of describeAuditReport(report)) out(line);
        if (!report.ok) process.exitCode = 3;
      }),
    );

  audit
    .command('anchor')
    .description(
      "Time-stamp the chain's head now at the configured authority (AUDIT_TSA_URL) and store the token",
    )
    .action(async () => {
      const [{ loadConfig }, { loadTrustAnchors }, { anchorAuditHead }] = await Promise.all([
        import('../platform/config.js'),
        import('../platform/timestamp/tsa-client.js'),
        import('../platform/audit/audit-anchors.js'),
      ]);
      const { tsa, tsaTrustFile } = loadConfig(process.env).audit;
      if (!tsa || !tsaTrustFile) {
        throw new AppError(
          'validation_failed',
          'No time-stamping authority is configured: set AUDIT_TSA_URL and AUDIT_TSA_TRUST_FILE.',
        );
      }
      const settings = {
        url: tsa.url,
        timeoutMs: tsa.timeoutMs,
        trustAnchors: loadTrustAnchors(tsaTrustFile),
      };
      return withDatabase(async ({ database }) => {
        const anchor = await anchorAuditHead(database.db, settings, systemClock);
        if (!anchor) out('The audit log is empty: nothing to anchor.');
        else
          out(
            `Anchored entry ${anchor.seq} as anchor #${anchor.id}: time-stamped ${anchor.genTime} by ${anchor.signer} (serial ${anchor.serial}).`,
          );
      });
    });

  audit
    .command('list')
    .description('List audit entries, newest first (the listing is itself audited)')
    .option('--user <user>', 'user id, or actor e-mail / "cli" / "system"')
    .option('--action <action>', 'an action such as ad.read, or a prefix such as auth.*')
    .option('--target <type[:id]>', 'target record, e.g. ad:0b6e… or conversation')
    .option('--since <time>', 'from this date or ISO date-time on')
    .option('--until <time>', 'before this date or ISO date-time')
    .option('--before <seq>', 'only entries older than this sequence number (paging)')
    .option('--limit <n>', 'entries to show (1–500)', '50')
    .option('--json', 'print JSON lines')
    .option('--actions', 'list the actions the log holds instead')
    .action((opts: ListOptions) =>
      withDatabase(async ({ database }) => {
        const [{ auditActions, AuditListQuery, listAuditEntries }, { appendAudit }, actor] =
          await Promise.all([
            import('../platform/audit/audit-query.js'),
            import('../platform/audit/audit-log.js'),
            import('../platform/actor.js'),
          ]);
        if (opts.actions) {
          for (const action of await auditActions(database.db)) out(action);
          return;
        }
        const [targetType, ...rest] = opts.target ? opts.target.split(':') : [];
        const query = AuditListQuery.parse({
          user: opts.user,
          action: opts.action,
          targetType: targetType || undefined,
          targetId: rest.length ? rest.join(':') : undefined,
          since: dateTime(opts.since),
          until: dateTime(opts.until),
          before: opts.before,
          limit: opts.limit,
        });
        const page = await listAuditEntries(database.db, query);
        await appendAudit(database.db, {
          ...actor.auditFields(actor.CLI_ACTOR),
          action: 'audit.list',
          targetType: 'audit_log',
          details: {
            filters: Object.fromEntries(
              Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'limit'),
            ),
            shown: page.entries.length,
          },
        });
        for (const e of page.entries) {
          if (opts.json) out(JSON.stringify(e));
          else {
            const target = e.targetType
              ? `${e.targetType}${e.targetId ? `:${e.targetId}` : ''}`
              : '';
            out(
              `${String(e.seq).padStart(8)}  ${e.at}  ${e.actorLabel.padEnd(28)} ${e.action.padEnd(28)} ${target}`,
            );
          }
        }
        if (!opts.json && page.nextBefore) out(`(more: --before ${page.nextBefore})`);
      }),
    );

  audit
    .command('rotate-key')
    .description(
      'Embedded mode: generate a new audit key that chains new entries (older keys stay, to verify theirs). Production: explains the steps',
    )
    .action(async () => {
      const { addEmbeddedAuditKey, loadConfig } = await import('../platform/config.js');
      const config = loadConfig(process.env);
      if (config.mode !== 'embedded' || process.env.AUDIT_KEYS) {
        throw new AppError(
          'validation_failed',
          'AUDIT_KEYS comes from the environment: put a new key first (a2:$(openssl rand -base64 32),a1:…) on every process and restart them. Keep every older key listed: it verifies the entries it chained.',
        );
      }
      const id = addEmbeddedAuditKey(config.dataDir);
      out(
        `New audit key ${id} generated in ${config.dataDir}/secrets.json; new entries are chained with it (a running server picks it up within seconds). The older keys stay to verify the entries they chained.`,
      );
    });
}
