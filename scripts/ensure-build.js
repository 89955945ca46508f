#!/usr/bin/env node
// Runs before `npm start` (and before the browser journeys): builds each web bundle — the operators'
// console, the chat widget and the vault app — when it has never been built or its sources changed since, so
// `npm install && npm start` on a fresh clone serves them all. Arguments name the bundles to check
// (`console`, `chat`, `vault`); none means all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUNDLES = {
  console: { root: 'web/console', built: 'index.html', name: 'the console' },
  chat: { root: 'web/chat', built: 'widget.js', name: 'the chat widget' },
  vault: { root: 'web/vault', built: 'app.js', name: 'the vault app' },
};

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
const asked = process.argv.slice(2);
for (const key of asked.length ? asked : Object.keys(BUNDLES)) {
  const bundle = BUNDLES[key];
  if (!bundle) {
    console.error(`Unknown bundle "${key}": one of ${Object.keys(BUNDLES).join(', ')}.`);
    process.exit(2);
  }
  const built = path.join(bundle.root, 'dist', bundle.built);
  if (existsSync(built) && statSync(built).mtimeMs >= newest(bundle.root)) continue;
  console.log(`Building ${bundle.name} (first start or changed sources)…`);
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--config', `${bundle.root}/vite.config.ts`, '--logLevel', 'warn'],
    // Always the production build: a test process (NODE_ENV=test) asking for it must not get
    // React's development build, a third larger and not what people run.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) {
    console.error(`${bundle.name} could not be built; see the errors above.`);
    process.exit(r.status ?? 1);
  }
}
