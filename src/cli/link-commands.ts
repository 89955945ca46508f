// `ariadne link --all` and `ariadne score --all`: rebuild every link from scratch (keeping entity
// ids where ads stay together, so leads follow) and re-score every entity. The result equals what
// the incremental path builds as ads arrive. Linking and scoring load when the command runs.
import type { Command } from 'commander';
import { AppError } from '../platform/errors.js';
import { createProgress } from './progress.js';
import type { WithDatabase } from './with-database.js';

export function registerLinkCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('link')
    .description('Join ads into entities and templates (--all: rebuild everything from scratch)')
    .option('--all', 'rebuild every link from the ads and their extracted identifiers')
    .action((opts: { all?: boolean }) => {
      if (!opts.all)
        throw new AppError('validation_failed', 'Give --all (linking of new ads runs as jobs).');
      return withDatabase(async ({ database, config }) => {
        const [{ rebuildLinks, linkSettings }, { linkHooks }] = await Promise.all([
          import('../link/index.js'),
          import('../score/index.js'),
        ]);
        const progress = createProgress();
        const r = await rebuildLinks(
          database.db,
          linkSettings(config),
          linkHooks,
          new Date(),
          (n) => progress.update(`${n} ads read…`),
        );
        progress.done();
        process.stdout.write(
          `Linked ${r.ads} ads into ${r.entities} entities and ${r.templates} text templates; ` +
            `${r.changed.length} entities changed, ${r.merged.length} merged, ${r.removed.length} removed.\n` +
            'Run `ariadne score --all` to score them.\n',
        );
      });
    });

  program
    .command('score')
    .description('Score entities and update the triage queue (--all: every entity)')
    .option('--all', 'refresh features and re-score every entity with the active model')
    .action((opts: { all?: boolean }) => {
      if (!opts.all)
        throw new AppError(
          'validation_failed',
          'Give --all (scoring of changed entities runs as jobs).',
        );
      return withDatabase(async ({ database, config }) => {
        const { scoreAll } = await import('../score/index.js');
        // A minor's lead raises the supervisors' alert here as it does in the jobs.
        const { scoreHooks } = await import('../app/score-hooks.js');
        const progress = createProgress();
        const r = await scoreAll(
          database.db,
          config.secrets.fieldKeys,
          (n) => progress.update(`${n} entities…`),
          scoreHooks,
        );
        progress.done();
        process.stdout.write(
          `Scored ${r.entities} entities: ${r.urgent} urgent, ${r.leadsCreated} new leads in the queue.\n`,
        );
      });
    });
}
