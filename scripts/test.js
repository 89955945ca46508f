#!/usr/bin/env node
// `npm test`: checks what the suite needs (PostgreSQL on 127.0.0.1:5432, Debian's Chromium and
// faketime), builds the console and the chat widget, runs every test tier (unit, PGlite,
// PostgreSQL, browser), then the outreach and demo tests once more with the clock at 03:00 in
// Amsterdam (the night run) with the linters beside it, and ends with one summary line. Extra
// arguments go to Vitest (e.g. `npm test -- src/platform`) and skip the night run and the linters.
//
// The night run guards against tests that lean on the wall clock: the contact rules refuse to write
// at night (quiet hours 21:00–09:00 where the person is), so a test that forgot to set its clock
// passes by day and fails by night. faketime (libfaketime, LD_PRELOAD) moves every process of the
// run — Vitest's workers, `ariadne start` in the browser journeys, Chromium — by the same offset, so
// they all agree on the time (an absolute '@' start would restart each child's clock at 03:00:00).
// The PostgreSQL server's clock is not moved: a rule that mixed its now() with the program's time
// would fail here, as it should.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * What the night run covers: the outreach tests (not its browser journey) and the demo's, the unit and API tests of cases
 * and referrals (due tasks, reminders and consent expiry are about days) and of the chat line
 * (office hours, unanswered chats). Its database tests run on the PostgreSQL server only: under
 * faketime PGlite's now() moves with the program, so only the server can show a rule that mixes
 * the database's time with the program's.
 */
const NIGHT_FILES = [
  'src/outreach', // also the console's (web/console/src/outreach, outreach-setup)
  'test/api/outreach',
  // The console's outreach setup at night; the outreach journey itself is left to the main run:
  // it waits for the demo's first crawl to settle (2.5 minutes), and what it would show at night —
  // the quiet-hours rule, the send job — the API and demo tests above already run at 03:00.
  'test/browser/outreach-setup',
  'src/demo',
  'fixtures/smsc',
  'src/cases',
  'test/api/cases',
  'test/api/referrals',
  'src/chat',
  'test/api/chat',
];
const NIGHT_PROJECTS = ['unit', 'postgres', 'e2e'].flatMap((p) => ['--project', p]);
const NIGHT_ZONE = 'Europe/Amsterdam';
const pgUrl = new URL(
  process.env.ARIADNE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const problems = [];

if (!existsSync(chromium)) {
  problems.push(
    `Chromium is missing (looked for ${chromium}); the browser tests drive it.\n` +
      '    Install it from Debian: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '    (or set CHROMIUM_PATH to another Chromium binary)',
  );
}
const pgUp = await new Promise((resolve) => {
  const s = net.connect(Number(pgUrl.port || 5432), pgUrl.hostname);
  s.setTimeout(3000);
  s.once('connect', () => (s.destroy(), resolve(true)));
  s.once('error', () => resolve(false));
  s.once('timeout', () => (s.destroy(), resolve(false)));
});
if (!pgUp) {
  problems.push(
    `PostgreSQL does not answer on ${pgUrl.hostname}:${pgUrl.port || 5432}; half of the database tests run on it.\n` +
      '    Debian: sudo apt-get install -y postgresql, allow trust auth for 127.0.0.1, then\n' +
      '    sudo pg_ctlcluster $(ls /etc/postgresql) main start   (or set ARIADNE_TEST_PG_URL)',
  );
}
const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, name)));
if (!onPath('faketime')) {
  problems.push(
    'faketime is missing; the outreach and demo tests run once more under it at 03:00 Amsterdam time.\n' +
      '    Install it from Debian: sudo apt-get update && sudo apt-get install -y faketime',
  );
}
if (!onPath('age')) {
  problems.push(
    "age is missing; the vault's browser journey opens its export with it, as VERIFY.txt tells a reader to.\n" +
      '    Install it from Debian: sudo apt-get update && sudo apt-get install -y age',
  );
}
if (problems.length) {
  console.error(`Cannot run the tests yet:\n\n  - ${problems.join('\n\n  - ')}\n`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
/** Runs a command beside others, keeping its output (both streams, in order) for later. */
const runQuietly = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ status: 1, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });

const minutes = (ms) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
};
/** Marks the end of a phase, for the wall times printed with the summary. */
const phaseEnds = [];
const phaseDone = (name) => phaseEnds.push([name, performance.now()]);

console.log('Building the console, the chat widget and the vault app…');
for (const [name, config] of [
  ['The console', 'web/console/vite.config.ts'],
  ['The chat widget', 'web/chat/vite.config.ts'],
  ['The vault app', 'web/vault/vite.config.ts'],
]) {
  if (run('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn']) !== 0) {
    console.error(`${name} does not build; see the errors above.`);
    process.exit(1);
  }
}
phaseDone('build');

/**
 * The next moment it is 03:00 in Amsterdam, from now. The zone's offset is whole hours, so some
 * top of a UTC hour within two days is that moment; Intl knows the zone's daylight saving time.
 */
function nextNightInAmsterdam(now = Date.now()) {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: NIGHT_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const HOUR = 3_600_000;
  for (let t = Math.ceil((now + 1) / HOUR) * HOUR; t < now + 50 * HOUR; t += HOUR) {
    if (local.format(new Date(t)) === '03:00') return new Date(t);
  }
  throw new Error(`no 03:00 in ${NIGHT_ZONE} in the next two days`);
}

const outDir = mkdtempSync(path.join(tmpdir(), 'ariadne-vitest-'));
const vitest = (reportFile, args) => [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...args,
];
/**
 * The run's counts, and the names of what failed: a file and its test, or a file that did not run
 * (it did not load, a hook failed). They are printed again at the end, so that whoever reads only
 * the last lines of a long log (a CI page) knows what to look for.
 */
const counts = (reportFile, status) => {
  let c = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (existsSync(reportFile)) {
    const r = JSON.parse(readFileSync(reportFile, 'utf8'));
    const failures = [];
    for (const file of r.testResults ?? []) {
      const name = path.relative(process.cwd(), file.name ?? '?');
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests) {
        const first = String(t.failureMessages?.[0] ?? '').split('\n')[0];
        failures.push(
          `${name} > ${t.fullName ?? t.title}${first ? `\n      ${first.slice(0, 300)}` : ''}`,
        );
      }
      if (file.status === 'failed' && failedTests.length === 0) {
        const first = String(file.message ?? '').split('\n')[0];
        failures.push(`${name} (the file failed: ${first.slice(0, 300) || 'no message'})`);
      }
    }
    c = {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
      failures,
    };
  }
  // A run that failed without a failed test (a file that does not load, a crash) still failed.
  if (status !== 0 && c.failed === 0) c.failed = 1;
  return c;
};

const report = path.join(outDir, 'report.json');
const testStatus = run('npx', vitest(report, process.argv.slice(2)));
const main = counts(report, testStatus);
phaseDone('main run');

let night = null;
let nightStatus = 0;
let lintStatus = 0;
if (process.argv.length <= 2) {
  // The linters run beside the night run (the night run spends much of its time waiting); their
  // output is held back and printed after the night run's. `npm run lint` in two lanes at once:
  // eslint alone (75 s on a quiet 2-core machine) and the other checks one after another (70 s).
  console.log('\nLinting (eslint, prettier, tsc, drizzle-kit check) beside the night run…');
  const lintStarted = performance.now();
  const lint = Promise.all([
    runQuietly('npm', ['run', '--silent', 'lint:eslint']),
    runQuietly('npm', ['run', '--silent', 'lint:checks']),
  ]).then((lanes) => ({
    status: lanes.find((l) => l.status !== 0)?.status ?? 0,
    output: lanes.map((l) => l.output).join(''),
  }));
  const at = nextNightInAmsterdam();
  const offset = Math.round((at.getTime() - Date.now()) / 1000);
  console.log(
    `\nThe night run: outreach, demo, cases and chat tests with the clock at ${at.toISOString()} (03:00 in ${NIGHT_ZONE})…`,
  );
  const nightReport = path.join(outDir, 'night.json');
  nightStatus = run('faketime', [
    '-f',
    `+${offset}`,
    'npx',
    ...vitest(nightReport, [...NIGHT_PROJECTS, ...NIGHT_FILES]),
  ]);
  night = counts(nightReport, nightStatus);
  phaseDone('night run');
  if (nightStatus !== 0) {
    console.error(
      'The night run failed: a test (or the code) reads the real time where it should take a Clock.',
    );
  }
  const linted = await lint;
  lintStatus = linted.status;
  console.log(`\nLint output (${minutes(performance.now() - lintStarted)}):`);
  process.stdout.write(linted.output || '(none)\n');
  if (lintStatus !== 0) console.error('Lint failed: run `npm run format` and fix what remains.');
  phaseDone('lint (after the night run)');
}

rmSync(outDir, { recursive: true, force: true });
// The totals count the night run's tests too (a failure there is a failure of `npm test`); the
// part in brackets says what the night run alone gave.
const total = (k) => main[k] + (night?.[k] ?? 0);
const nightPart = night
  ? ` (of which at 03:00 ${NIGHT_ZONE}: ${night.passed} passed, ${night.failed} failed, ${night.skipped} skipped)`
  : '';
const failures = [
  ...main.failures,
  ...(night?.failures ?? []).map((f) => `${f} (at 03:00 ${NIGHT_ZONE})`),
];
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(
  `\ntests: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped${nightPart}`,
);
// The suite's own wall time: in all (from this process's start, the checks included) and per phase.
const phaseTimes = phaseEnds.map(
  ([name, end], i) => `${name} ${minutes(end - (i === 0 ? 0 : phaseEnds[i - 1][1]))}`,
);
console.log(`wall time: ${minutes(performance.now())} (${phaseTimes.join(', ')})`);
process.exit(testStatus !== 0 || nightStatus !== 0 || lintStatus !== 0 ? 1 : 0);
