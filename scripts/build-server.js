#!/usr/bin/env node
// Compiles the server side (src/ and fixtures/, which the demo runs) to JavaScript in dist/, so the
// `ariadne` command starts without compiling TypeScript. `npm install` and `npm ci` run it
// (`prepare`), `npm run build` too; bin/ariadne.js calls ensureBuilt() and compiles again when a
// source changed since.
//
// esbuild, not tsc: it transpiles file by file in well under a second, so compiling again on a
// stale dist is cheap enough to do on the fly; it is the same transform tsx and Vitest apply, so
// the compiled program behaves as the sources did in the tests; and type checking stays where it
// was, in `npm run lint` (tsc --noEmit). The tsconfig's isolatedModules and verbatimModuleSyntax
// keep every file compilable on its own.
//
// dist/ mirrors the checkout (dist/src/…, dist/fixtures/…) with the data files (JSON lexicons,
// corpora, gazetteer) copied beside the modules that read them through import.meta.url. Paths
// that leave the compiled tree (drizzle/, web/console/) go through src/platform/project-root.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '..');
/** The trees that run in production or in the demo; their tests and docs stay out. */
const SOURCE_DIRS = ['src', 'fixtures'];

const isTest = (name) => /\.test\.tsx?$/.test(name);
const isModule = (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');
const isDoc = (name) => name.endsWith('.md');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function listFiles(dir, keep = () => true, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(p, keep, out);
    else if (keep(entry.name)) out.push(p);
  }
  return out;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The build of the checkout at `root` (this one unless a test points elsewhere). */
export function serverBuild(root = ROOT) {
  const dist = path.join(root, 'dist');
  const stampFile = path.join(dist, 'build.json');
  const lockDir = path.join(dist, '.build-lock');

  /**
   * A digest of every source's path, size and change time (and of this script's): any edit,
   * addition, removal or rename changes it, whichever way the clock or the times went. File
   * times only, never the wall clock, so a run under faketime compares like with like.
   */
  function sourcesFingerprint() {
    const hash = createHash('sha256');
    const add = (p) => {
      const st = statSync(p);
      hash.update(`${path.relative(root, p)}\0${st.size}\0${st.mtimeMs}\n`);
    };
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (!isTest(entry.name)) add(p);
      }
    };
    add(THIS_FILE);
    for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
    return hash.digest('hex');
  }

  /** Whether dist/ holds a complete build of the sources as they are now. */
  function isCurrent() {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
      return stamp.sources === sourcesFingerprint();
    } catch {
      return false; // no build yet, or one cut short
    }
  }

  /** Compiles every module, copies every data file, and removes what no source produces now. */
  async function compile() {
    const sources = sourcesFingerprint(); // before reading: an edit meanwhile changes it again
    let esbuild;
    try {
      esbuild = await import('esbuild');
    } catch {
      throw new Error(
        'esbuild is not installed, so the sources cannot be compiled: run `npm run setup`.',
      );
    }
    const keep = (name) => !isTest(name) && !isDoc(name);
    const files = (
      await Promise.all(SOURCE_DIRS.map((d) => listFiles(path.join(root, d), keep)))
    ).flat();
    const modules = files.filter((f) => isModule(f));
    const assets = files.filter((f) => !isModule(f));
    await esbuild.build({
      entryPoints: modules,
      outdir: dist,
      outbase: root,
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      sourcemap: 'linked',
      tsconfig: path.join(root, 'tsconfig.json'),
      logLevel: 'error',
    });
    const wanted = new Set();
    for (const m of modules) {
      const out = path.join(dist, path.relative(root, m)).replace(/\.tsx?$/, '.js');
      wanted.add(out).add(`${out}.map`);
    }
    await Promise.all(
      assets.map(async (a) => {
        const out = path.join(dist, path.relative(root, a));
        wanted.add(out);
        await mkdir(path.dirname(out), { recursive: true });
        await copyFile(a, out);
      }),
    );
    // A module or data file deleted from the sources must not live on in dist/: the lexicons and
    // corpora are read by listing their folder.
    for (const dir of SOURCE_DIRS) {
      for (const f of await listFiles(path.join(dist, dir))) {
        if (!wanted.has(f)) await rm(f);
      }
    }
    await writeFile(stampFile, JSON.stringify({ sources }) + '\n');
    return { modules: modules.length, assets: assets.length };
  }

  /**
   * Holds dist/.build-lock while `fn` runs: the test suite starts many `ariadne` processes at
   * once, and after an edit each would otherwise compile into the same files. A lock left by a
   * process that died is taken over.
   */
  async function withLock(fn) {
    mkdirSync(dist, { recursive: true });
    for (;;) {
      try {
        mkdirSync(lockDir);
        break;
      } catch (err) {
        if (err.code !== 'EEXIST') throw err;
        let holder = NaN;
        try {
          holder = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
        } catch {
          // The holder has made the folder but not yet written its pid.
        }
        if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
          rmSync(lockDir, { recursive: true, force: true });
        } else await sleep(50);
      }
    }
    try {
      await writeFile(path.join(lockDir, 'pid'), String(process.pid));
      return await fn();
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }

  return {
    dist,
    isCurrent,
    /** Compiles now, whatever the state of dist/ (`prepare`, `npm run build`). */
    build: () => withLock(compile),
    /**
     * Compiles only when dist/ is missing or older than the sources; `log` gets one line then.
     * Returns whether it compiled.
     */
    async ensureBuilt(log = () => {}) {
      if (isCurrent()) return false;
      return withLock(async () => {
        if (isCurrent()) return false; // another process built it while this one waited
        log('Compiling src/ and fixtures/ into dist/ (no build yet, or sources changed since)…');
        await compile();
        return true;
      });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const started = performance.now();
  serverBuild()
    .build()
    .then(({ modules, assets }) => {
      const ms = Math.round(performance.now() - started);
      console.log(
        `Compiled ${modules} modules and copied ${assets} data files into dist/ (${ms} ms).`,
      );
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
