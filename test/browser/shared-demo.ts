// The one demo app the journeys that need the demo's data share (audit, collect, triage, outreach,
// accessibility, phone): one `ariadne start` with the demo, whose first crawl, extraction, linking and
// scoring run once for all of them instead of once per journey. The first journey that asks starts it (its output in a
// file, so it outlives that journey's worker), waits until the demo has settled, and makes an admin
// account for each journey; the e2e project's global setup (test/setup/journeys-app.ts) gives the
// run a folder for its state and stops the app after the last journey. Each journey signs in its
// own admin (a first sign-in: one-time password, TOTP, own password) and makes its own colleagues,
// so journeys do not step on each other; each waits again for the pipeline to be idle, since the
// journey before it may have left work queued (a custom extraction term re-extracts every ad).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'playwright-core';
import { inject } from 'vitest';
import { z } from 'zod';
import { freshDataDir, startServer, waitForDemoSettled } from './app.js';
import { farQuietHours } from '../helpers/clock.js';
import { apiSignIn } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this run's shared demo app: its state file and its log. */
    journeysRunDir: string;
  }
}

export const JOURNEYS = [
  'audit',
  'collect',
  'triage',
  'outreach',
  'accessibility',
  'phone',
  'recruitment',
] as const;
export type Journey = (typeof JOURNEYS)[number];

const Account = z.object({ email: z.string(), oneTimePassword: z.string() });
const AppState = z.object({
  pid: z.number().int(),
  url: z.string(),
  dataDir: z.string(),
  /** Absent until the demo settled and the accounts were made. */
  admins: z.record(z.string(), Account).optional(),
});
type AppState = z.infer<typeof AppState>;

const stateFile = (runDir: string) => path.join(runDir, 'demo-app.json');

export interface SharedDemo {
  url: string;
  /** The app's data directory (its database socket is in it: see queryDataDir). */
  dataDir: string;
  /** This journey's own admin, not yet signed in. */
  admin: z.infer<typeof Account>;
  /** The app's output so far, for messages when something is missing. */
  output: () => string;
}

/** The password the shared app's first admin chooses; it only makes the journeys' admins. */
const PROVISIONER_PASSWORD = 'shared demo provisioner 2718';

async function startShared(runDir: string): Promise<AppState> {
  const dataDir = freshDataDir('journeys-demo');
  // Quiet hours twelve hours away from the time the app sees (faketime's, in the night run): the
  // outreach journey writes to a lead whenever it runs, and the rule itself still runs.
  const rulesFile = path.join(dataDir, 'outreach-rules.json');
  writeFileSync(rulesFile, JSON.stringify({ quietHours: farQuietHours(new Date()) }), {
    mode: 0o600,
  });
  const server = await startServer(dataDir, {
    demo: true,
    logFile: path.join(runDir, 'demo-app.log'),
    // A board of 160 ads (the demo's default is 400) holds what every journey looks for — leads
    // with numbers, planted minors, movement — and settles in less than half the time.
    // Every journey's browsers and API clients reach it from one address, more at once than an
    // office's users would: the per-address limits (600 requests, 20 sign-ins a minute) would turn
    // a journey away with 429s in another's busy minute (a poll over many ads, five sign-ins).
    env: {
      OUTREACH_RULES_FILE: rulesFile,
      DEMO_ADS: '160',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    },
  });
  const state: AppState = { pid: server.proc.pid!, url: server.url, dataDir };
  // Written before anything else can fail, so the global teardown stops the app whatever happens.
  writeFileSync(stateFile(runDir), JSON.stringify(state), { mode: 0o600 });
  await waitForDemoSettled(dataDir);
  const context = await request.newContext();
  try {
    const api = await apiSignIn(
      context,
      server.url,
      server.email,
      server.password,
      PROVISIONER_PASSWORD,
    );
    const admins: Record<string, z.infer<typeof Account>> = {};
    for (const journey of JOURNEYS) {
      const email = `${journey}.admin@example.org`;
      const created = await api.post<{ oneTimePassword: string }>('/api/users', {
        email,
        displayName: `${journey[0]!.toUpperCase()}${journey.slice(1)} Admin`,
        role: 'admin',
      });
      if (created.status !== 201) throw new Error(`could not create ${email}: ${created.status}`);
      admins[journey] = { email, oneTimePassword: created.json.oneTimePassword };
    }
    const done = { ...state, admins };
    writeFileSync(stateFile(runDir), JSON.stringify(done), { mode: 0o600 });
    return done;
  } finally {
    await context.dispose();
  }
}

/** The shared demo app, settled, with this journey's admin account. */
export async function sharedDemo(journey: Journey): Promise<SharedDemo> {
  const runDir = inject('journeysRunDir');
  const file = stateFile(runDir);
  const log = path.join(runDir, 'demo-app.log');
  const output = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  const state = existsSync(file)
    ? AppState.parse(JSON.parse(readFileSync(file, 'utf8')))
    : await startShared(runDir);
  const admin = state.admins?.[journey];
  if (!admin) {
    throw new Error(`the shared demo app did not get ready in an earlier journey:\n${output()}`);
  }
  await waitForDemoSettled(state.dataDir);
  return { url: state.url, dataDir: state.dataDir, admin, output };
}
