// Test tiers (STYLE.md): pure unit tests beside the code; database tests (*.db.test.ts) run twice,
// once on embedded PGlite and once on the PostgreSQL server; browser journeys in test/browser.
// Unit and database tiers share the workers (one per core by default); the journeys run after them,
// two at a time.
//
// The unit and database tiers run without isolation: a worker imports the program once and runs
// file after file in it, instead of loading Fastify, drizzle and PGlite's wasm again for each file
// (on 2 cores that halved their CPU time: PGlite's tier went from 304 s to 122 s of user time).
// It holds because no test replaces a module (no vi.mock), stubs a global or leaves the
// environment changed, and each file opens its own database and server; test/setup/no-network.ts
// patches net once per worker. The journeys stay isolated: they start programs and Chromium.
import { defineConfig } from 'vitest/config';

const dbTests = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
/** Builds the migrated template database the tests of a tier clone (test/helpers/db-template.ts). */
const dbTemplates = 'test/setup/db-templates.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup/no-network.ts'],
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
