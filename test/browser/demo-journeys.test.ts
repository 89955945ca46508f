// The journeys on the shared demo app (test/browser/shared-demo.ts), in one file so that they run
// one after another in one worker while the e2e project's other worker runs the rest: they take
// turns on the one app, each waiting until its pipeline is idle, and two of them at once would see
// each other's work. Each journey is its own module (*.journey.ts) with its own describe block;
// run one alone with `npx vitest run --project e2e test/browser/demo-journeys.test.ts -t triage`
// (a describe's name; -t is a pattern over whole test names, so `-t '^phone'` for the phone
// journey, whose name other journeys' tests contain) — the app is started by whichever runs first.
import './outreach.journey.js';
import './triage.journey.js';
import './audit.journey.js';
import './collect.journey.js';
import './phone.journey.js';
import './recruitment.journey.js';
import './accessibility.journey.js';
