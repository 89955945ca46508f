#!/usr/bin/env node
// `npm run setup` (README's first command): installs the dependencies with npm running on the
// Node.js that Ariadne runs on. npm checks every package's `engines` against the Node it runs on
// itself, and some of Ariadne's dependencies (pg-boss, Fastify's cookie and static-file plugins)
// need 22.12 or newer: run by Debian's Node 20, a plain `npm install` installs the same tree but
// warns (EBADENGINE) about each of them. So on an older Node this fetches the Node 24 that
// package-lock.json pins (the `node` package, the same one the install puts in node_modules, from
// the npm registry) and runs npm on it; on a Node that suffices it runs npm as it is.
//
// Arguments go to npm: `npm run setup` runs `npm install`, `npm run setup -- ci` runs `npm ci`.
// Written for any Node that runs npm (no newer syntax or APIs than Node 18's).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.length > 2 ? process.argv.slice(2) : ['install'];
const [major, minor] = process.versions.node.split('.').map(Number);
const sufficient = major > 22 || (major === 22 && minor >= 12);

// npm sets npm_execpath to its own CLI when it runs a script; run that same npm, not another one
// that PATH might find first.
const npmCli = process.env.npm_execpath;
const npm = npmCli ? [process.execPath, npmCli] : ['npm'];

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root });
  if (r.error) {
    console.error(`Could not run ${command}: ${r.error.message}`);
    process.exit(1);
  }
  process.exit(r.status ?? 1);
}

if (sufficient) run(npm[0], [...npm.slice(1), ...args]);

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const pinned = lock.packages?.['node_modules/node']?.version;
if (!pinned) {
  console.error(
    'package-lock.json pins no `node` package; cannot choose the Node to install with.',
  );
  process.exit(1);
}
console.log(
  `This is Node ${process.version}; installing with npm on Node ${pinned} (its dependencies need 22.12 or newer)…`,
);
// npx puts the pinned Node first on PATH for the command it runs, so `node` there is Node 24.
const npx = npmCli ? [process.execPath, path.join(path.dirname(npmCli), 'npx-cli.js')] : ['npx'];
run(npx[0], [
  ...npx.slice(1),
  '--yes',
  `--package=node@${pinned}`,
  '--',
  ...(npmCli ? ['node', npmCli] : ['npm']),
  ...args,
]);
