// The password rules with the real estimator and its dictionaries: the passwords the issue named
// are refused, each with every rule it breaks; a passphrase passes.
import { describe, expect, it } from 'vitest';
import { checkNewPassword, passwordProblems } from './passwords.js';
import { AppError } from '../errors.js';
import {
  checkPassword,
  PASSWORD_RULE_MESSAGES,
  personalWords,
} from '../../contracts/password-rules.js';

const owner = { email: 'anna.de.vries@example.org', displayName: 'Anna de Vries' };
const rules = async (password: string) =>
  (await passwordProblems(password, owner)).map((p) => p.rule);

describe('new passwords', () => {
  it('refuses common and leaked passwords that meet the length rule', async () => {
    expect(await rules('password1234')).toEqual(expect.arrayContaining(['common', 'strength']));
    expect(await rules('qwertyuiop12')).toEqual(expect.arrayContaining(['common', 'strength']));
    expect(await rules('Welkom01!2024')).toContain('common');
  });

  it('names every rule a password breaks, not only the first', async () => {
    expect(await rules('Password1!')).toEqual(['min_length', 'common', 'strength']);
    expect(await rules('aaaaaaaaaaaaaaa')).toEqual(['variety', 'strength']);
  });

  it("refuses the user's e-mail address, its parts and their name", async () => {
    expect(await rules('anna.de.vries@example.org')).toEqual(
      expect.arrayContaining(['personal', 'strength']),
    );
    expect(await rules('Vries-Tulip-Canal-1987')).toContain('personal');
    expect(await rules('example rules the world')).toContain('personal');
    expect(personalWords(owner)).toEqual(
      expect.arrayContaining(['anna.de.vries', 'anna', 'vries', 'example']),
    );
    // The top-level domain and short parts are no personal words: "de" is in half of Dutch.
    expect(personalWords(owner)).not.toContain('org');
    expect(personalWords(owner)).not.toContain('de');
  });

  it('accepts a passphrase of unrelated words, in English or Dutch', async () => {
    expect(await rules('a sturdy passphrase 42')).toEqual([]);
    // Each word is on the common-password list; the phrase is not.
    expect(await rules('copper kite meadow 58')).toEqual([]);
    expect(await rules('fiets regen kaas molen')).toEqual([]);
    await expect(checkNewPassword('lantern orbit pickle fjord', owner)).resolves.toBeUndefined();
  });

  it('refuses keeping the current password', async () => {
    expect(
      (
        await passwordProblems('lantern orbit pickle fjord', owner, 'lantern orbit pickle fjord')
      ).map((p) => p.rule),
    ).toEqual(['reused']);
  });

  it('says all of it in the error: code, message and the rules', async () => {
    const err = await checkNewPassword('password1234', owner).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const { code, details } = err as AppError;
    expect(code).toBe('weak_password');
    expect(details?.rules).toEqual([
      { rule: 'common', message: PASSWORD_RULE_MESSAGES.common },
      { rule: 'strength', message: PASSWORD_RULE_MESSAGES.strength },
    ]);
    expect((err as Error).message).toMatch(/common or leaked.*too easy to guess/);
  });

  it('judges a very long password (the estimate looks at its first 64 characters)', async () => {
    const long = 'p@$$w0rd'.repeat(32);
    expect(long).toHaveLength(256);
    expect(await rules(long)).toEqual(['strength']);
    expect(await rules(`${long}x`)).toContain('max_length');
  });

  it('leaves the estimate-dependent rules open until an estimate is there', () => {
    expect(checkPassword('lantern orbit pickle fjord', owner, null)).toEqual([
      { rule: 'min_length', ok: true },
      { rule: 'max_length', ok: true },
      { rule: 'variety', ok: true },
      { rule: 'personal', ok: true },
      { rule: 'common', ok: null },
      { rule: 'strength', ok: null },
    ]);
  });
});
