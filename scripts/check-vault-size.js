#!/usr/bin/env node
// The vault app's main file must stay within reach of cheap phones on slow connections: it carries
// the age implementation (with its post-quantum code, which the app does not use but the package
// does not split out), zod and the app. Builds it when it is stale (scripts/ensure-build.js), then
// fails when app.js is above 100 kB gzipped, printing the figure either way, and prints the
// strength dictionaries' chunks (loaded only when a passphrase is chosen) for the record.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 100 * 1024;
const DIST = 'web/vault/dist';
const FILE = path.join(DIST, 'app.js');

const built = spawnSync(process.execPath, ['scripts/ensure-build.js', 'vault'], {
  stdio: 'inherit',
  env: { ...process.env, WEB_DEV: 'false' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const raw = readFileSync(FILE).length;
const main = gz(FILE);
const lazy = readdirSync(DIST)
  .filter((f) => f.endsWith('.js') && f !== 'app.js' && f !== 'sw.js')
  .reduce((n, f) => n + gz(path.join(DIST, f)), 0);
if (main > LIMIT) {
  console.error(
    `The vault app is ${kb(main)} gzipped (${kb(raw)} raw), above the ${kb(LIMIT)} limit: ${FILE}`,
  );
  process.exit(1);
}
console.log(
  `vault app: ${kb(main)} gzipped (${kb(raw)} raw), limit ${kb(LIMIT)}; strength dictionaries loaded on demand: ${kb(lazy)} gzipped; service worker: ${kb(gz(path.join(DIST, 'sw.js')))}`,
);
