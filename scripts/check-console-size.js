#!/usr/bin/env node
// The console is split by route: a page loads the entry, what the entry imports, and that page's
// own chunks. This check reads the build's manifest (web/console/dist/.vite/manifest.json) and
// prints, for every chunk loaded on demand (each page, and what a page fetches when needed: the
// entity graph, the password estimator…), the JavaScript a browser has loaded when it first shows
// it, gzipped (level 9, one file at a time as the server sends them): the entry and its static
// imports, then each on-demand chunk on the way there with its static imports (a page shown inside
// another, such as a conversation beside the inbox, loads the other's chunk too). It fails when the
// first page anyone sees, sign-in, is above 150 kB, and prints the queue (the first page after
// sign-in for most roles) beside it. Builds the console when it is stale (scripts/ensure-build.js);
// part of `npm run lint`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 150 * 1024;
const DIST = 'web/console/dist';
const MANIFEST = path.join(DIST, '.vite', 'manifest.json');
/** The first pages, by the module that draws them (in the entry, or the chunk that holds it). */
const FIRST_PAGES = [
  { label: 'sign-in', module: 'src/auth/SignIn.tsx', budget: true },
  { label: 'queue (/triage) after sign-in', module: 'src/triage/QueuePage.tsx', budget: false },
];

const built = spawnSync(process.execPath, ['scripts/ensure-build.js', 'console'], {
  stdio: 'inherit',
  env: { ...process.env, WEB_DEV: 'false' },
});
if (built.status !== 0) process.exit(built.status ?? 1);
if (!existsSync(MANIFEST)) {
  console.error(
    `${MANIFEST} is missing: build the console first (npm run build, or npx vite build --config web/console/vite.config.ts).`,
  );
  process.exit(1);
}

/** @type {Record<string, {file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) {
  console.error(`${MANIFEST} names no entry: build the console again.`);
  process.exit(1);
}

const gzCache = new Map();
/** Gzipped size of one built file. */
function gz(file) {
  if (!gzCache.has(file)) {
    gzCache.set(file, gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length);
  }
  return gzCache.get(file);
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticFiles(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  if (chunk.file.endsWith('.js')) into.add(chunk.file);
  for (const k of chunk.imports ?? []) staticFiles(k, into);
  return into;
}

/** A chunk's key and the keys of its static imports, transitively. */
function staticKeys(key, into = new Set()) {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const k of manifest[key].imports ?? []) staticKeys(k, into);
  return into;
}

/** The on-demand chunks between the entry and each chunk, shortest way first (breadth-first). */
const ways = new Map([[entryKey, [entryKey]]]);
for (let queue = [entryKey]; queue.length > 0;) {
  const next = [];
  for (const key of queue) {
    for (const chunkKey of staticKeys(key)) {
      for (const d of manifest[chunkKey]?.dynamicImports ?? []) {
        if (ways.has(d)) continue;
        ways.set(d, [...ways.get(key), d]);
        next.push(d);
      }
    }
  }
  queue = next;
}

/** Everything a browser has loaded when the chunk `key` runs for the first time. */
function loadedFor(key) {
  const files = new Set();
  for (const k of ways.get(key) ?? [entryKey]) staticFiles(k, files);
  return files;
}
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const short = (key) => key.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)*src\//, '');

const entryFiles = staticFiles(entryKey);
const rows = [...ways.keys()]
  .filter((k) => k !== entryKey)
  .map((k) => {
    const parent = ways.get(k).at(-2);
    const before = loadedFor(parent);
    const all = loadedFor(k);
    const own = new Set([...all].filter((f) => !before.has(f)));
    return { name: short(k), total: sum(all), own: sum(own) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const width = Math.max(...rows.map((r) => r.name.length), 24);
console.log('console: JavaScript loaded per page, gzipped (total / added by the page itself)');
console.log(`  ${'entry (index.html)'.padEnd(width)}  ${kb(sum(entryFiles)).padStart(9)}`);
for (const r of rows) {
  console.log(`  ${r.name.padEnd(width)}  ${kb(r.total).padStart(9)}  +${kb(r.own).padStart(9)}`);
}

let failed = false;
for (const page of FIRST_PAGES) {
  const size = sum(manifest[page.module] ? loadedFor(page.module) : entryFiles);
  const line = `console ${page.label}: ${kb(size)} of JavaScript gzipped`;
  if (page.budget && size > LIMIT) {
    console.error(`${line}, above the ${kb(LIMIT)} limit (see the table above)`);
    failed = true;
  } else {
    console.log(page.budget ? `${line}, limit ${kb(LIMIT)}` : line);
  }
}
if (failed) process.exit(1);
