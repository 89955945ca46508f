// `ariadne extract`: `--json` reads JSON lines {"id", "text", "country"} on stdin and writes one
// result line per input (the public contract for evaluating extraction; no database involved);
// `--all` re-runs extraction over every ad's current version after rules changed (idempotent).
// Extraction and the database load when the command runs, not when the CLI starts (see main.ts).
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import type { RuleSet } from '../extract/index.js';
import { AppError } from '../platform/errors.js';
import { createProgress } from './progress.js';
import type { WithDatabase } from './with-database.js';

/** Scoring from the CLI raises the same minor-lead alerts as the jobs (src/app wires them). */
const scoreHooksOf = async () => (await import('../app/score-hooks.js')).scoreHooks;

const JsonInput = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  country: z.string().length(2).optional(),
  fields: z.record(z.string(), z.string()).optional(),
});

export async function extractJsonLines(
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  customRules?: RuleSet,
): Promise<{ lines: number; errors: number }> {
  const { defaultRuleSet, extractAll } = await import('../extract/index.js');
  const rules = customRules ?? defaultRuleSet();
  let lines = 0;
  let errors = 0;
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    lines++;
    let parsed: z.infer<typeof JsonInput>;
    try {
      parsed = JsonInput.parse(JSON.parse(line));
    } catch (err) {
      errors++;
      const message =
        err instanceof z.ZodError
          ? err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')
          : (err as Error).message;
      write(JSON.stringify({ line: lines, error: { code: 'invalid_input', message } }));
      continue;
    }
    const result = extractAll(
      {
        body: parsed.text,
        ...(parsed.title ? { title: parsed.title } : {}),
        ...(parsed.fields ? { fields: parsed.fields } : {}),
        ...(parsed.country ? { country: parsed.country } : {}),
      },
      rules,
    );
    write(JSON.stringify({ id: parsed.id, ...result }));
  }
  return { lines, errors };
}

export function registerExtractCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('extract')
    .description(
      'Extract phones, handles, ages, prices, places, languages and signs of exploitation',
    )
    .option(
      '--json',
      'read JSON lines {"id","text","country"} on stdin, write one JSON result line each',
    )
    .option('--all', "run over every ad's current version whose result is from other rules")
    .option('--force', 'with --all: run over every ad, even if up to date')
    .option(
      '--with-custom-rules',
      "with --json: use the analysts' custom terms and block-list from the database",
    )
    .action(
      async (opts: {
        json?: boolean;
        all?: boolean;
        force?: boolean;
        withCustomRules?: boolean;
      }) => {
        if (opts.json === Boolean(opts.all))
          throw new AppError('validation_failed', 'Give either --json or --all.');
        if (opts.json) {
          const write = (line: string) => process.stdout.write(line + '\n');
          const result = opts.withCustomRules
            ? await withDatabase(async ({ database }) => {
                const { loadActiveRuleSet } = await import('../facts/index.js');
                return extractJsonLines(process.stdin, write, await loadActiveRuleSet(database.db));
              })
            : await extractJsonLines(process.stdin, write);
          if (result.errors) process.exitCode = 4;
          return;
        }
        await withDatabase(async ({ database, config }) => {
          const [{ reextractAll }, { linkSettings }, { linkAndScore }] = await Promise.all([
            import('../facts/index.js'),
            import('../link/index.js'),
            import('../score/index.js'),
          ]);
          const progress = createProgress();
          let linked = 0;
          const r = await reextractAll(database.db, config, {
            force: Boolean(opts.force),
            onProgress: (n) => progress.update(`${n} ads…`),
            // Changed facts can change links and scores: follow them here, as the jobs would.
            onExtracted: async (adIds) => {
              linked += (
                await linkAndScore(database.db, linkSettings(config), adIds, await scoreHooksOf())
              ).entities;
            },
          });
          progress.done();
          process.stdout.write(
            `Extracted ${r.processed} ad versions (${r.skipped} already up to date) with rule set ${r.ruleSetVersion}; ${linked} entities re-linked and scored.\n`,
          );
        });
      },
    );
}
