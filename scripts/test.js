#!/usr/bin/env node
// `npm test`: checks what the suite needs (PostgreSQL on 127.0.0.1:5432, Debian's Chromium), builds
// the console, runs every test tier (unit, PGlite, PostgreSQL, browser) and then the linters, and
// ends with one summary line. Extra arguments go to Vitest (e.g. `npm test -- src/platform`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
if (problems.length) {
  console.error(`Cannot run the tests yet:\n\n  - ${problems.join('\n\n  - ')}\n`);
  process.exit(1);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

console.log('Building the console…');
if (
  run('npx', ['vite', 'build', '--config', 'web/console/vite.config.ts', '--logLevel', 'warn']) !==
  0
) {
  console.error('The console does not build; see the errors above.');
  process.exit(1);
}

const outDir = mkdtempSync(path.join(tmpdir(), 'ariadne-vitest-'));
const report = path.join(outDir, 'report.json');
const testStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let lintStatus = 0;
if (process.argv.length <= 2) {
  console.log('\nLinting (eslint, prettier, tsc, drizzle-kit check)…');
  lintStatus = run('npm', ['run', '--silent', 'lint']);
  if (lintStatus !== 0) console.error('Lint failed: run `npm run format` and fix what remains.');
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
rmSync(outDir, { recursive: true, force: true });
if (testStatus !== 0 && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(testStatus !== 0 || lintStatus !== 0 ? 1 : 0);
