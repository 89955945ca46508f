#!/usr/bin/env node
// CI check: the SQL migrations match the schema. Generates migrations into a copy of ./drizzle;
// if drizzle-kit writes anything new, someone changed a schema.ts without `npm run db:generate`.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';

// drizzle-kit resolves --out against the project, so the copy lives in a (git-ignored) folder here.
const dir = '.migration-check';
const out = `${dir}/drizzle`;
rmSync(dir, { recursive: true, force: true });
cpSync('drizzle', out, { recursive: true });
const before = readdirSync(out).length;
const r = spawnSync(
  'npx',
  [
    'drizzle-kit',
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/app/schema.ts',
    '--out',
    out,
    '--name',
    'drift',
  ],
  { encoding: 'utf8' },
);
const after = readdirSync(out).length;
rmSync(dir, { recursive: true, force: true });
if (r.status !== 0 || /error/i.test(r.stderr ?? '')) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
if (after !== before) {
  console.error(
    'The schema has changes without a migration. Run `npm run db:generate` and commit the result.',
  );
  process.exit(1);
}
console.log('Migrations match the schema.');
