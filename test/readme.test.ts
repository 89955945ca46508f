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

  it('has a setup script that runs npm, and the Node it pins is the one the README names', () => {
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
    expect(pkg.engines.node).toBe('>=22.12');
    expect(readme).toContain('needs 22.12 or newer');
    expect(readFileSync('bin/ariadne.js', 'utf8')).toContain('(major === 22 && minor < 12)');
  });
});
