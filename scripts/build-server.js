#!/usr/bin/env node
// Compiles the server side (src/ and fixtures/, which the demo runs) to JavaScript in dist/, so the
// `ariadne` command starts without compiling TypeScript. `npm install` and `npm ci` run it
// (`prepare`), `npm run build` too; bin/ariadne.js calls ensureServerBuilt() and rebuilds when a
// source changed since.
//
// esbuild, not tsc: it transpiles file by file in well under a second, so rebuilding on a stale
// dist is cheap enough to do on the fly; it is the same transform tsx applied before, so the
// compiled program behaves as the sources did under tsx and under Vitest; and type checking stays
// where it was, in `npm run lint` (tsc --noEmit). The tsconfig's isolatedModules and
// verbatimModuleSyntax keep every file compilable on its own.
//
// dist/ mirrors the checkout (dist/src/…, dist/fixtures/…) with the data files (JSON lexicons,
// corpora, gazetteer) copied beside the modules that read them through import.meta.url. Paths
// that leave the compiled tree (drizzle/, web/console/) go through src/platform/project-root.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
/** The trees that run in production or in the demo; their tests and docs stay out. */
const SOURCE_DIRS = ['src', 'fixtures'];
const STAMP = path.join(DIST, 'build.json');
const LOCK = path.join(DIST, '.build-lock');
const THIS_FILE = fileURLToPath(import.meta.url);

const isTest = (name) => /\.test\.tsx?$/.test(name);
const isModule = (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');
const isDoc = (name) => name.endsWith('.md');

/**
 * The newest change time under the source trees, directories included: adding, removing or
 * renaming a file changes its directory's time even when no surviving file is newer. File
 * times only, never the wall clock, so a run under faketime compares like with like.
 */
function newestSourceChange() {
  let newest = statSync(THIS_FILE).mtimeMs;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!isTest(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(ROOT, dir));
  return newest;
}

/** Whether dist/ holds a complete build of the sources as they are now. */
export function isServerBuildCurrent() {
  if (!existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.sourcesChangedAt === newestSourceChange();
  } catch {
    return false;
  }
}

async function listSources(dir, out = []) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await listSources(p, out);
    else if (!isTest(entry.name) && !isDoc(entry.name)) out.push(p);
  }
  return out;
}

async function listFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** Compiles every module, copies every data file, and removes what no source produces any more. */
async function compile() {
  const sourcesChangedAt = newestSourceChange(); // before reading: an edit during the build is newer
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'esbuild is not installed, so the sources cannot be compiled: run `npm run setup` (or `npm ci`).',
    );
  }
  const files = (await Promise.all(SOURCE_DIRS.map((d) => listSources(path.join(ROOT, d))))).flat();
  const modules = files.filter((f) => isModule(f));
  const assets = files.filter((f) => !isModule(f));
  await esbuild.build({
    entryPoints: modules,
    outdir: DIST,
    outbase: ROOT,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: 'linked',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  });
  const wanted = new Set();
  for (const m of modules) {
    const out = path.join(DIST, path.relative(ROOT, m)).replace(/\.tsx?$/, '.js');
    wanted.add(out).add(`${out}.map`);
  }
  await Promise.all(
    assets.map(async (a) => {
      const out = path.join(DIST, path.relative(ROOT, a));
      wanted.add(out);
      await mkdir(path.dirname(out), { recursive: true });
      await copyFile(a, out);
    }),
  );
  // A module or data file deleted from the sources must not live on in dist/: the lexicons and
  // corpora are read by listing their folder.
  for (const dir of SOURCE_DIRS) {
    for (const f of await listFiles(path.join(DIST, dir))) {
      if (!wanted.has(f)) await rm(f);
    }
  }
  await writeFile(STAMP, JSON.stringify({ sourcesChangedAt, modules: modules.length }) + '\n');
  return { modules: modules.length, assets: assets.length };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Holds dist/.build-lock while `fn` runs: the test suite starts many `ariadne` processes at once,
 * and after an edit each would otherwise compile into the same files. A lock left by a process
 * that died is taken over.
 */
async function withBuildLock(fn) {
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let holder = NaN;
      try {
        holder = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        // The holder has made the folder but not yet written its pid.
      }
      if (Number.isInteger(holder) && !isAlive(holder))
        rmSync(LOCK, { recursive: true, force: true });
      else await sleep(50);
    }
  }
  try {
    await writeFile(path.join(LOCK, 'pid'), String(process.pid));
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Makes sure dist/ is a current build, compiling when it is missing or older than the sources.
 * `log` receives one line when a compile happens. Returns whether it compiled.
 */
export async function ensureServerBuilt(log = () => {}) {
  if (isServerBuildCurrent()) return false;
  return withBuildLock(async () => {
    if (isServerBuildCurrent()) return false; // another process built it while this one waited
    log('Compiling src/ and fixtures/ into dist/ (sources changed since the last build)…');
    await compile();
    return true;
  });
}

/** `node scripts/build-server.js`: compiles always (as `prepare` and `npm run build` want). */
async function main() {
  const started = performance.now();
  const result = await withBuildLock(compile);
  const ms = Math.round(performance.now() - started);
  console.log(
    `Compiled ${result.modules} modules and copied ${result.assets} data files into dist/ (${ms} ms).`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
