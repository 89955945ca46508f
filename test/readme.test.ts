// The README is part of the product: its configuration reference must match the code, and it must
// hold the two commands a new user runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envReference } from '../scripts/env-reference.js';

const readme = readFileSync('README.md', 'utf8');

/** Markdown tables compared by cell content, whatever padding the formatter added. */
const normaliseTables = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '---'))
        .join('|'),
    )
    .join('\n');

describe('README', () => {
  it('documents every environment variable as the code defines it', () => {
    expect(normaliseTables(readme)).toContain(normaliseTables(envReference()));
  });

  it('holds the start and test commands', () => {
    expect(readme).toContain('npm run setup && npm start');
    expect(readme).toContain('npm run setup && npm test');
  });

  it('lets .ci/run call the same commands, installing from the lock file', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/\nnpm run setup -- ci\nnpm test\n/);
  });

  it('has a setup script, and names the Node versions package.json and the bin use', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
      engines: { node: string };
    };
    expect(pkg.scripts.setup).toBe('node scripts/setup.js');
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const pinned = lock.packages['node_modules/node']?.version ?? '';
    expect(readme).toContain(`Node.js ${pinned.split('.')[0]} LTS`);
    // The machine's Node (engines) is the README's; the program's own need is the bin's.
    expect(pkg.engines.node).toBe('>=20');
    expect(readme).toMatch(/with Node\.js 20 or newer\s+and npm/);
    expect(readme).toMatch(/program\s+needs 22\.12 or newer/);
    expect(readFileSync('bin/ariadne.js', 'utf8')).toContain('(major === 22 && minor < 12)');
  });
});
