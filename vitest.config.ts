// Test tiers (STYLE.md): pure unit tests beside the code; database tests (*.db.test.ts) run twice,
// once on embedded PGlite and once on the PostgreSQL server; browser journeys in test/browser.
// Unit and database tiers share the workers, one per core; the journeys run after them, two at a
// time. The count is set, because Vitest's default for a run is one worker fewer than the cores:
// on a 2-core machine that is one worker, and the three tiers ran file after file on one core.
//
// The unit and database tiers run without isolation: a worker imports the program once and runs
// file after file in it, instead of loading Fastify, drizzle and PGlite's wasm again for each file
// (on 2 cores that halved their CPU time: PGlite's tier went from 304 s to 122 s of user time).
// It holds because no test replaces a module (no vi.mock), stubs a global or leaves the
// environment changed, and each file opens its own database and server; test/setup/no-network.ts
// patches net once per worker. The journeys stay isolated: they start programs and Chromium.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const dbTests = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
/** Builds the migrated template database the tests of a tier clone (test/helpers/db-template.ts). */
const dbTemplates = 'test/setup/db-templates.ts';

/**
 * The journeys and programs that take longest, longest first (about 200, 200, 110, 90, 80, 70 and
 * 60 s on a quiet 2-core machine). Vitest starts the files it has no times for largest first, and
 * on a fresh clone it has none: the demo journeys, a ten-line file that waits for the demo to
 * settle, then started last and ran alone for three minutes while the other worker sat idle.
 */
const LONGEST_FIRST = [
  'test/browser/demo-journeys.test.ts',
  'test/e2e/cli.test.ts',
  'test/browser/vault.test.ts',
  'test/browser/outreach-scheduled.test.ts',
  'test/e2e/ad-board-crawl.test.ts',
  'test/browser/chat-console.test.ts',
  'test/e2e/scale-out.test.ts',
];

/** Vitest's order (tiers, then past times or size), with the files above first in their tier. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(
        path.relative(root, spec.moduleId).split(path.sep).join('/'),
      );
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    const tier = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => tier(a.spec) - tier(b.spec) || rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    maxWorkers: Math.max(availableParallelism(), 2),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup/no-network.ts'],
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: [
            'src/**/*.test.ts',
            'test/**/*.test.ts',
            'fixtures/**/*.test.ts',
            'web/*/src/**/*.test.ts',
          ],
          exclude: [...dbTests, 'test/browser/**', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          isolate: false,
          include: dbTests,
          env: { ARIADNE_TEST_DB: 'pglite' },
          globalSetup: [dbTemplates],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          isolate: false,
          include: dbTests,
          env: { ARIADNE_TEST_DB: 'postgres' },
          globalSetup: [dbTemplates],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts'],
          // Two files at a time, and only after the other tiers: each starts `ariadne start` and
          // Chromium, which take both cores in bursts; next to PGlite's wasm a journey missed its
          // deadlines (triage timed out after sign-in while the demo crawled). Two, because a
          // journey spends much of its time waiting (for its server, the pipeline, Chromium),
          // which the other fills. The journeys on the shared demo app are one file
          // (test/browser/demo-journeys.test.ts), so they never overlap each other.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // The journeys' servers start from the migrated PGlite template; the journeys that need
          // the demo's data share one demo app, stopped after the last journey.
          globalSetup: [dbTemplates, 'test/setup/journeys-app.ts'],
        },
      },
    ],
  },
});
