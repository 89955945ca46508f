#!/usr/bin/env node
// Runs before `npm start`: builds the console when it has never been built or its sources changed
// since, so `npm install && npm start` on a fresh clone serves a working console.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = 'web/console';
const built = path.join(root, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (process.env.WEB_DEV === '1' || process.env.WEB_DEV === 'true') process.exit(0);
if (!existsSync(built) || statSync(built).mtimeMs < newest(root)) {
  console.log('Building the console (first start or changed sources)…');
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', `${root}/vite.config.ts`, '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('The console could not be built; see the errors above.');
    process.exit(r.status ?? 1);
  }
}
