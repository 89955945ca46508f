#!/usr/bin/env node
// Entry point of the `ariadne` command. Ariadne runs on the Node.js 24 that `npm install` puts in
// node_modules (the `node` package): started by an older Node (Debian's 20, say), this file hands
// over to that one. It then runs the compiled JavaScript in dist/ (made by scripts/build-server.js
// at install and by `npm run build`); when a source under src/ or fixtures/ changed since, it
// compiles first (well under a second), so a checkout never runs code older than its sources.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned) || process.env.ARIADNE_HANDED_OVER) {
    console.error(
      `Ariadne needs Node.js 22.12 or newer (this is ${process.version}), and the Node 24 it\n` +
        'installs with itself is missing: run `npm run setup` in the checkout first.',
    );
    process.exit(1);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ARIADNE_HANDED_OVER: '1' },
  });
  // The child is the program and its way of ending is ours. Ctrl-C on a terminal reaches both
  // processes (one process group), so SIGINT is only kept from ending this one early; a SIGTERM
  // or SIGHUP sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else {
  // Stack traces name the TypeScript file and line, not the compiled one.
  process.setSourceMapsEnabled(true);
  const { serverBuild } = await import('../scripts/build-server.js');
  await serverBuild().ensureBuilt((line) => console.error(line));
  await import('../dist/src/cli/main.js');
}
