#!/usr/bin/env node
// The chat widget must stay small: it is loaded on cheap phones over slow connections, often on a
// site the person visits for something else. Builds it when it is stale (scripts/ensure-build.js),
// then fails when widget.js is above 50 kB gzipped, printing the figure either way (part of
// `npm run lint`).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT = 50 * 1024;
const FILE = 'web/chat/dist/widget.js';

const built = spawnSync(process.execPath, ['scripts/ensure-build.js', 'chat'], {
  stdio: 'inherit',
  env: { ...process.env, WEB_DEV: 'false' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

const raw = readFileSync(FILE);
const gz = gzipSync(raw, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
if (gz > LIMIT) {
  console.error(
    `The chat widget is ${kb(gz)} gzipped (${kb(raw.length)} raw), above the ${kb(LIMIT)} limit: ${FILE}`,
  );
  process.exit(1);
}
console.log(`chat widget: ${kb(gz)} gzipped (${kb(raw.length)} raw), limit ${kb(LIMIT)}`);
