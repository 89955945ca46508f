// The compiled runtime: scripts/build-server.js turns a checkout's src/ and fixtures/ into runnable
// JavaScript in dist/, with the data files beside the modules that read them, and compiles again
// exactly when a source changed. Run here on a small project of its own in a temporary folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serverBuild } from '../scripts/build-server.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ariadne-build-'));
  roots.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ type: 'module' }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { verbatimModuleSyntax: true } }));
  write(
    'src/words.ts',
    `import { readdirSync, readFileSync } from 'node:fs';
     import type { Stats } from 'node:fs';
     export type Unused = Stats;
     const dir = new URL('./lexicon/', import.meta.url);
     export const words = (): string[] =>
       readdirSync(dir).sort().flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as string[]);`,
  );
  write('src/lexicon/en.json', '["hello"]');
  write('src/lexicon/nl.json', '["hallo"]');
  write('src/words.test.ts', 'throw new Error("a test is never compiled");');
  write('src/README.md', 'docs stay out');
  write(
    'fixtures/board.ts',
    `import { words } from '../src/words.js';\nexport const board = () => words().join(' ');`,
  );
  return root;
}

const load = async (file: string) =>
  (await import(`${pathToFileURL(file).href}?${Math.random()}`)) as Record<string, () => unknown>;

/** Moves a file's change time, as an edit would, without waiting for the clock. */
function touch(file: string, by: number) {
  const t = statSync(file).mtime.getTime() / 1000 + by;
  utimesSync(file, t, t);
}

describe('the server build', () => {
  it('compiles src/ and fixtures/ into runnable JavaScript with the data files beside it', async () => {
    const root = project();
    const b = serverBuild(root);
    expect(b.isCurrent()).toBe(false);
    expect(await b.build()).toEqual({ modules: 2, assets: 2 });
    const board = await load(path.join(b.dist, 'fixtures/board.js'));
    expect(board.board!()).toBe('hello hallo');
    expect(readdirSync(path.join(b.dist, 'src')).sort()).toEqual([
      'lexicon',
      'words.js',
      'words.js.map',
    ]);
    expect(b.isCurrent()).toBe(true);
  });

  it('compiles again exactly when a source changed, and drops what the sources no longer have', async () => {
    const root = project();
    const b = serverBuild(root);
    expect(await b.ensureBuilt()).toBe(true);
    expect(await b.ensureBuilt()).toBe(false);

    // An edit that sets an older time counts too: any change of a source's time or size does.
    writeFileSync(path.join(root, 'src/lexicon/en.json'), '["hi"]');
    touch(path.join(root, 'src/lexicon/en.json'), -3600);
    const lines: string[] = [];
    expect(b.isCurrent()).toBe(false);
    expect(await b.ensureBuilt((l) => lines.push(l))).toBe(true);
    expect(lines).toHaveLength(1);
    expect((await load(path.join(b.dist, 'src/words.js'))).words!()).toEqual(['hi', 'hallo']);

    // A data file removed from the sources must not be read from dist/ any more.
    rmSync(path.join(root, 'src/lexicon/nl.json'));
    expect(await b.ensureBuilt()).toBe(true);
    expect(existsSync(path.join(b.dist, 'src/lexicon/nl.json'))).toBe(false);
    expect((await load(path.join(b.dist, 'src/words.js'))).words!()).toEqual(['hi']);

    // A test file is not part of the build: adding one changes nothing.
    writeFileSync(path.join(root, 'src/more.test.ts'), 'export {};');
    expect(b.isCurrent()).toBe(true);
  });

  it('compiles once when several processes find the build stale at the same time', async () => {
    const root = project();
    const compiled = await Promise.all([1, 2, 3].map(() => serverBuild(root).ensureBuilt()));
    expect(compiled.filter(Boolean)).toHaveLength(1);
    expect(existsSync(path.join(root, 'dist/.build-lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const root = project();
    mkdirSync(path.join(root, 'dist/.build-lock'), { recursive: true });
    // pid 2^22 + 1 is above Linux's pid_max default range: no such process.
    writeFileSync(path.join(root, 'dist/.build-lock/pid'), String(4_194_305));
    expect(await serverBuild(root).ensureBuilt()).toBe(true);
  });
});
