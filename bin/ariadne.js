#!/usr/bin/env node
// Entry point of the `ariadne` command. Runs the TypeScript sources through tsx, so a checkout
// works right after `npm install` without a build step.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Ariadne needs Node.js 22 or newer (this is ${process.version}).\n` +
      'Run it through npm, which uses the Node 24 pinned in package.json: `npm start`, or `npx ariadne …` in the checkout.',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
