// Global setup of the e2e project: a folder for the run's shared demo app
// (test/browser/shared-demo.ts), which the first journey that needs it starts, and the app's stop
// after the last journey. Started lazily by a journey, so a run of a journey with an app of its own
// (or of test/e2e) never pays for the demo's crawl.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeDataDir, stopPid } from '../browser/app.js';

export default function setup(project: TestProject): () => Promise<void> {
  const runDir = mkdtempSync(path.join(tmpdir(), 'ariadne-journeys-'));
  project.provide('journeysRunDir', runDir);
  return async () => {
    const file = path.join(runDir, 'demo-app.json');
    if (existsSync(file)) {
      const { pid, dataDir } = JSON.parse(readFileSync(file, 'utf8')) as {
        pid: number;
        dataDir: string;
      };
      await stopPid(pid);
      removeDataDir(dataDir);
    }
    rmSync(runDir, { recursive: true, force: true });
  };
}
