// Global setup of the database tiers: builds the migrated template this project's tests clone
// (db-template.ts) once, before any worker starts, so workers never race to build it. Runs in
// Vitest's main process, where the project's `env` is not applied: it is read from the project.
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate, ensurePgTemplate } from '../helpers/db-template.js';
import { testSecretsEnv } from '../helpers/test-db.js';

export default async function setup(project: TestProject): Promise<void> {
  if (project.config.env?.ARIADNE_TEST_DB === 'postgres') await ensurePgTemplate();
  else await ensurePgliteTemplate(testSecretsEnv());
}
