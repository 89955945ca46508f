// `ariadne sources …`, `ariadne crawl NAME` and `ariadne captures …`: the collect context on the
// command line. A crawl started here runs in this process and prints its summary at the end.
// The collect context (and the crawler with it) loads when a command runs (see main.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { IMPORT_COLUMNS } from '../contracts/import-columns.js';
import type { CrawlSummary } from '../collect/index.js';
import { AppError } from '../platform/errors.js';
import { createProgress } from './progress.js';
import type { WithDatabase } from './with-database.js';

/** Scoring from the CLI raises the same minor-lead alerts as the jobs (src/app wires them). */
const scoreHooksOf = async () => (await import('../app/score-hooks.js')).scoreHooks;

const out = (line: string) => process.stdout.write(line + '\n');

export function formatCrawlSummary(s: CrawlSummary): string[] {
  const errors = Object.entries(s.errorsByKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `Crawl of ${s.source} ${s.status} (run ${s.runId})`,
    `  pages fetched: ${s.pagesFetched}`,
    `  ads found: ${s.adsFound} — new ${s.adsNew}, changed ${s.adsChanged}, unchanged ${s.adsUnchanged}, gone ${s.adsGone}`,
    `  parse errors: ${s.parseErrors}`,
    `  errors by kind: ${errors || 'none'}`,
    `  source health: ${s.health.status}${s.health.reasons.length ? ` (${s.health.reasons.join('; ')})` : ''}`,
  ];
  for (const d of s.health.fieldDrops) {
    lines.push(
      `    field ${d.field}: ${Math.round(d.before * 100)}% → ${Math.round(d.now * 100)}%${d.sampleUrls.length ? `, e.g. ${d.sampleUrls.slice(0, 3).join(' ')}` : ''}`,
    );
  }
  if (s.message) lines.push(`  note: ${s.message}`);
  return lines;
}

/** Exit code of `ariadne import` for a file given as an archive that is neither WARC nor ARC. */
export const NOT_AN_ARCHIVE_EXIT = 5;

export function registerCollectCommands(program: Command, withDatabase: WithDatabase): void {
  const sources = program.command('sources').description('Sources to collect from');
  sources
    .command('list')
    .description('List sources with their health')
    .action(() =>
      withDatabase(async ({ database }) => {
        const { listSources } = await import('../collect/index.js');
        for (const s of await listSources(database.db)) {
          out(
            `${s.name.padEnd(28)} ${s.enabled ? 'enabled ' : 'disabled'} health ${s.health.padEnd(8)} ${s.definition.startUrls[0] ?? ''}`,
          );
        }
      }),
    );
  sources
    .command('import <file>')
    .description('Create or update sources from a JSON file (one definition or an array)')
    .action((file: string) =>
      withDatabase(async ({ database }) => {
        const [{ parseSourcesFile, saveSource }, { CLI_ACTOR }] = await Promise.all([
          import('../collect/index.js'),
          import('../platform/actor.js'),
        ]);
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          throw new AppError('not_found', `Cannot read ${file}: ${(err as Error).message}`);
        }
        for (const def of parseSourcesFile(text)) {
          const { created } = await saveSource(database.db, CLI_ACTOR, def);
          out(`${created ? 'Created' : 'Updated'} source ${def.name}.`);
        }
      }),
    );
  sources
    .command('export <name>')
    .description('Print a source definition as JSON')
    .option('-o, --out <file>', 'write to a file instead')
    .action((name: string, opts: { out?: string }) =>
      withDatabase(async ({ database }) => {
        const { findSourceByName, exportSourceDefinition } = await import('../collect/index.js');
        const source = await findSourceByName(database.db, name);
        if (!source) throw new AppError('not_found', `No source named "${name}".`);
        const json = exportSourceDefinition(source);
        if (opts.out) writeFileSync(opts.out, json);
        else process.stdout.write(json);
      }),
    );

  program
    .command('crawl <name>')
    .description('Crawl a source now, in this process, and print a summary')
    .action((name: string) =>
      withDatabase(async ({ database, config }) => {
        const [
          { findSourceByName },
          { executeCrawl, requestCrawl },
          { extractAdVersion },
          { linkSettings },
          { linkAndScore },
          { CLI_ACTOR },
          { addressGuardFor },
          { createBlobStore },
          { createLogger },
        ] = await Promise.all([
          import('../collect/index.js'),
          import('../collect/index.js'),
          import('../facts/index.js'),
          import('../link/index.js'),
          import('../score/index.js'),
          import('../platform/actor.js'),
          import('../platform/address-guard.js'),
          import('../platform/blobs/index.js'),
          import('../platform/logger.js'),
        ]);
        const source = await findSourceByName(database.db, name);
        if (!source)
          throw new AppError('not_found', `No source named "${name}". See: ariadne sources list`);
        const run = await requestCrawl(database.db, CLI_ACTOR, source.id, 'cli');
        const progress = createProgress();
        const extracted: string[] = [];
        const summary = await executeCrawl(
          {
            db: database.db,
            blobs: createBlobStore(config.blobs),
            keys: config.secrets,
            log: createLogger({ ...config, logLevel: 'warn' }, 'crawl'),
            addressGuard: addressGuardFor(config),
            // No worker runs in this process: extract each new or changed ad right away.
            onAdVersion: async (id) => {
              const r = await extractAdVersion(database.db, config, id);
              if (r?.isCurrent) extracted.push(r.adId);
            },
          },
          run.id,
          { onProgress: (s) => progress.update(`${s.pagesFetched} pages, ${s.adsFound} ads…`) },
        );
        progress.update(`linking ${extracted.length} ads…`);
        const linked = await linkAndScore(
          database.db,
          linkSettings(config),
          extracted,
          await scoreHooksOf(),
        );
        progress.done();
        for (const line of formatCrawlSummary(summary)) out(line);
        out(`Linked and scored: ${linked.entities} entities, ${linked.leadsCreated} new leads.`);
      }),
    );

  program
    .command('import <file>')
    .description(
      `Import ads from JSON lines, CSV, or a WARC or ARC web archive (plain or gzipped) into a source. JSONL/CSV columns: ${IMPORT_COLUMNS.join(', ')} (url and body required). Exit code 4 when rows or records were rejected, ${NOT_AN_ARCHIVE_EXIT} when a file given as an archive is not WARC or ARC, 130 when cancelled (Ctrl-C or SIGTERM: nothing of the import is kept)`,
    )
    .requiredOption(
      '--source <name>',
      'the source the ads belong to (its field rules read archived pages)',
    )
    .option('--format <format>', 'jsonl, csv, warc or arc (default: from the file name)')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { source: string; format?: string; json?: boolean }) =>
      withDatabase(async ({ database, config }) => {
        const [
          { findSourceByName },
          { formatArchiveReport, importCsv, importJsonLines, importWarc },
          { reextractAll },
          { linkSettings },
          { linkAndScore },
          { CLI_ACTOR },
          { createBlobStore },
        ] = await Promise.all([
          import('../collect/index.js'),
          import('../collect/index.js'),
          import('../facts/index.js'),
          import('../link/index.js'),
          import('../score/index.js'),
          import('../platform/actor.js'),
          import('../platform/blobs/index.js'),
        ]);
        const source = await findSourceByName(database.db, opts.source);
        if (!source) throw new AppError('not_found', `No source named "${opts.source}".`);
        const format =
          opts.format ??
          (/\.(w?arc)(\.gz)?$/i.test(file) ? 'warc' : /\.csv$/i.test(file) ? 'csv' : 'jsonl');
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch (err) {
          throw new AppError('not_found', `Cannot read ${file}: ${(err as Error).message}`);
        }
        let rejected: number;
        if (format === 'warc' || format === 'arc') {
          // Ctrl-C or SIGTERM cancels the import as a whole; a second signal ends the process.
          const controller = new AbortController();
          let signals = 0;
          const onSignal = () => {
            signals++;
            if (signals > 1) process.exit(130);
            controller.abort();
          };
          process.on('SIGINT', onSignal);
          process.on('SIGTERM', onSignal);
          const progress = opts.json ? null : createProgress();
          let report;
          try {
            report = await importWarc(
              database.db,
              createBlobStore(config.blobs),
              config.secrets,
              CLI_ACTOR,
              source,
              data,
              {
                signal: controller.signal,
                onProgress: (p) =>
                  progress?.update(
                    p.phase === 'reading'
                      ? `${p.done} records read…`
                      : `${p.done} captures stored…`,
                  ),
              },
            );
          } catch (err) {
            if (err instanceof AppError && err.code === 'unsupported_media_type') {
              progress?.done();
              process.stderr.write(`Error: ${file}: ${err.message}\n`);
              process.exitCode = NOT_AN_ARCHIVE_EXIT;
              return;
            }
            throw err;
          } finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          }
          // From here what was imported is committed: a signal only stops the extraction that
          // follows, which `ariadne extract --all` (or the next import) does again.
          const afterImport = () => {
            process.stderr.write(
              'Stopped after the import was kept; `ariadne extract --all` extracts the rest.\n',
            );
            process.exit(130);
          };
          process.once('SIGINT', afterImport);
          process.once('SIGTERM', afterImport);
          progress?.done();
          if (opts.json) out(JSON.stringify(report));
          else for (const line of formatArchiveReport(file, report)) out(line);
          if (report.cancelled) {
            process.exitCode = 130;
            return;
          }
          rejected = report.problems.length;
        } else {
          const report =
            format === 'csv'
              ? await importCsv(
                  database.db,
                  config.secrets,
                  CLI_ACTOR,
                  source,
                  data.toString('utf8'),
                )
              : format === 'jsonl'
                ? await importJsonLines(
                    database.db,
                    config.secrets,
                    CLI_ACTOR,
                    source,
                    data.toString('utf8'),
                  )
                : (() => {
                    throw new AppError(
                      'validation_failed',
                      `Unknown format "${format}": use jsonl, csv, warc or arc.`,
                    );
                  })();
          if (opts.json) out(JSON.stringify(report));
          else {
            for (const e of report.errors) out(`line ${e.line}: ${e.message}`);
            out(
              `${report.rows} rows read: ${report.imported.new} new, ${report.imported.changed} changed, ${report.imported.unchanged} unchanged ads; ${report.errors.length} rejected.`,
            );
          }
          rejected = report.errors.length;
        }
        // Imported ads go the way crawled ones do: extracted, linked and scored (here, as no
        // worker runs in this process; only what is new or out of date is processed).
        let entities = 0;
        const extracted = await reextractAll(database.db, config, {
          onExtracted: async (adIds) => {
            entities += (
              await linkAndScore(database.db, linkSettings(config), adIds, await scoreHooksOf())
            ).entities;
          },
        });
        if (!opts.json)
          out(
            `Extracted ${extracted.processed} ad versions; ${entities} entities linked and scored.`,
          );
        if (rejected) process.exitCode = 4;
      }),
    );

  const capturesCmd = program.command('captures').description('Captured pages (WARC evidence)');
  capturesCmd
    .command('export')
    .description('Write every capture of an ad into one .warc.gz')
    .requiredOption('--ad <id>', 'ad id')
    .option('-o, --out <file>', 'output file (default: ariadne-ad-<id>.warc.gz)')
    .action((opts: { ad: string; out?: string }) =>
      withDatabase(async ({ database, config }) => {
        const [{ exportAdWarc }, { CLI_ACTOR }, { createBlobStore }] = await Promise.all([
          import('../collect/index.js'),
          import('../platform/actor.js'),
          import('../platform/blobs/index.js'),
        ]);
        const { data, filename, captures } = await exportAdWarc(
          database.db,
          createBlobStore(config.blobs),
          config.secrets.fieldKeys,
          CLI_ACTOR,
          opts.ad,
        );
        const target = opts.out ?? filename;
        writeFileSync(target, data);
        out(`Wrote ${captures} capture(s) to ${target}.`);
      }),
    );
  capturesCmd
    .command('verify')
    .description(
      'Recompute the digests of every stored capture (the SHA-256 recorded when it was kept, and the digests its records carry, in whichever form) and report mismatches; exit code 3 on any',
    )
    .option('--verbose', 'also list the records that came with no digest of their own')
    .action((opts: { verbose?: boolean }) =>
      withDatabase(async ({ database, config }) => {
        const [{ verifyCaptures }, { createBlobStore }] = await Promise.all([
          import('../collect/index.js'),
          import('../platform/blobs/index.js'),
        ]);
        const progress = createProgress();
        const result = await verifyCaptures(
          database.db,
          createBlobStore(config.blobs),
          config.secrets.fieldKeys,
          (n) => progress.update(`checked ${n} captures…`),
        );
        progress.done();
        for (const p of result.problems) out(`MISMATCH ${p.captureId} ${p.url}: ${p.problem}`);
        if (opts.verbose)
          for (const n of result.notes) out(`NOTE ${n.captureId} ${n.url}: ${n.problem}`);
        out(`${result.checked} captures checked, ${result.problems.length} problem(s).`);
        if (result.notes.length > 0) {
          // Not a fault: ARC files and some tools write no digests. The SHA-256 Ariadne recorded
          // when it kept each of them was checked all the same.
          out(
            `${result.notes.length} record(s) came with no digest of their own (checked against the SHA-256 recorded on import${opts.verbose ? '' : '; --verbose lists them'}).`,
          );
        }
        if (result.inClear > 0) {
          out(
            `${result.inClear} capture(s) are stored unencrypted (kept before captures were sealed); \`ariadne keys rotate\` seals them.`,
          );
        }
        if (result.problems.length) process.exitCode = 3;
      }),
    );
}
