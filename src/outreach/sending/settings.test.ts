// The contact rules file: read once, defaults filled in, the organisation's names merged into the
// safety words, and every way it can be wrong stops the start with the variable and field named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../platform/config.js';
import { outreachSettings } from './settings.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-outreach-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configWith(rulesFile: string | undefined, names: string[] = []): Config {
  const base = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' });
  return { ...base, outreach: { rulesFile, organisationNames: names } };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function problemsOf(config: Config): string[] {
  try {
    outreachSettings(config);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('outreach settings', () => {
  it('are the defaults without a file, with the organisation names from the environment', () => {
    const s = outreachSettings(configWith(undefined, ['Fier', 'CKM']));
    expect(s.maxUnanswered).toBe(2);
    expect(s.safety?.organisationNames).toEqual(['Fier', 'CKM']);
  });

  it('take the file, merging its names with the environment', () => {
    const p = file(
      'ok.json',
      JSON.stringify({
        maxUnanswered: 1,
        quietHours: { start: '22:00', end: '08:00' },
        safety: { organisationNames: ['Fier'] },
      }),
    );
    const s = outreachSettings(configWith(p, ['Fier', 'Spine']));
    expect(s.maxUnanswered).toBe(1);
    expect(s.quietHours).toEqual({ start: '22:00', end: '08:00' });
    expect(s.safety?.organisationNames).toEqual(['Fier', 'Spine']);
  });

  it('name the variable and the field when the file is wrong', () => {
    expect(problemsOf(configWith(path.join(dir, 'missing.json')))[0]).toMatch(
      /^OUTREACH_RULES_FILE: cannot read .*ENOENT/,
    );
    expect(problemsOf(configWith(file('bad.json', '{ nope')))[0]).toMatch(
      /^OUTREACH_RULES_FILE: .* is not JSON/,
    );
    const wrong = problemsOf(
      configWith(file('wrong.json', JSON.stringify({ maxUnanswered: 0, quietHour: {} }))),
    );
    expect(wrong.join('\n')).toMatch(/OUTREACH_RULES_FILE: maxUnanswered: /);
    expect(wrong.join('\n')).toMatch(/quietHour/);
  });
});
