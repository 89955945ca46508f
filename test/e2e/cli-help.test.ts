// `ariadne --help` must stay fast: it loads the command definitions only, never the server, the
// crawler or the database layer (each command loads those when it runs; see src/cli/main.ts).
// A static import of one of them in src/cli would pull them all back in, and this test fails.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Prints every package module the program resolves, from inside the process (in-thread hooks). */
const HOOK = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  const result = next(specifier, context);
  if (result.url.includes('/node_modules/')) process.stderr.write('RESOLVED ' + result.url + '\\n');
  return result;
} });`;

function helpWithModules(): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, 'bin/ariadne.js', '--help'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const modules = [...stderr.matchAll(/^RESOLVED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)]
        .map((m) => m[1]!)
        .filter((name, i, all) => all.indexOf(name) === i);
      resolve({ code, stdout, modules });
    });
  });
}

describe('ariadne --help', () => {
  it('lists the commands without loading the server, the crawler or the database', async () => {
    const r = await helpWithModules();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/start\s+Run everything in one process/);
    expect(r.stdout).toMatch(
      /import \[options\] <file>\s+Import ads .* JSONL\/CSV\s+columns: url,/s,
    );
    expect(r.modules).toContain('commander');
    for (const heavy of [
      'fastify',
      'crawlee',
      'playwright',
      'drizzle-orm',
      'pg',
      'pg-boss',
      '@electric-sql/pglite',
      '@aws-sdk/client-s3',
      'esbuild',
    ]) {
      expect(r.modules).not.toContain(heavy);
    }
  });
});
