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
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('lets .ci/run call the same test command', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/npm install[^\n]*\nnpm test\n/);
  });
});
