import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import serverEn from '../i18n/server-errors/en.json';
import serverNl from '../i18n/server-errors/nl.json';
import { errorText } from './error-text';

// A Dutch i18next of its own over the real catalogues (the app's instance needs a browser).
const i18n = i18next.createInstance();
void i18n.init({
  lng: 'nl',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: {
    en: { translation: en, serverErrors: serverEn },
    nl: { translation: nl, serverErrors: serverNl },
  },
});
const dutch = (err: unknown, overrides = {}) => errorText(i18n.t, err, overrides, 'nl-NL');

describe('errorText', () => {
  it('says a keyed server message in Dutch, with its parameters and words for its values', () => {
    const err = new ApiError(409, 'conflict', 'You already have a saved search named "Week".', {
      text: { key: 'searches.nameTaken', params: { name: 'Week' } },
    });
    expect(dutch(err)).toBe(
      'Je hebt al een opgeslagen zoekopdracht met de naam "Week". Kies een andere naam.',
    );
    const state = new ApiError(409, 'conflict', 'This referral is revoked; it gets no new link.', {
      text: { key: 'referrals.noNewLink', params: { state: 'revoked' } },
    });
    expect(dutch(state)).toBe('Deze verwijzing is ingetrokken; ze krijgt geen nieuwe link.');
    const held = new ApiError(409, 'conflict', 'English', {
      text: { key: 'cases.erasureHeld', params: { date: '2026-03-05' } },
    });
    expect(dutch(held)).toContain('sinds 5 mrt 2026 een juridische bewaarplicht');
  });

  it('names the fields a request failed on, with a Dutch reason per zod check', () => {
    const err = new ApiError(400, 'validation_failed', 'Invalid request: name: Too small', {
      issues: [
        { path: ['name'], code: 'too_small', minimum: 1, origin: 'string' },
        { path: ['contact', 'email'], code: 'invalid_format', format: 'email' },
        { path: [], code: 'unrecognized_keys' },
      ],
    });
    expect(dutch(err)).toBe(
      'Deze invoer klopt niet. Controleer name (minstens 1 tekens), contact.email (geen geldig ' +
        'e-mailadres), de invoer (heeft een veld dat er niet hoort).',
    );
  });

  it('adds the failed fields to a keyed message', () => {
    const err = new ApiError(400, 'validation_failed', 'The source definition has problems: …', {
      text: { key: 'collect.definitionInvalid' },
      issues: [{ path: ['limits', 'maxPages'], code: 'too_small', minimum: 1, origin: 'number' }],
    });
    expect(dutch(err)).toBe(
      'De brondefinitie heeft problemen. Controleer limits.maxPages (minstens 1).',
    );
  });

  it('falls back as before: a key it does not know, a page override, the code, the message', () => {
    const unknownKey = new ApiError(409, 'conflict', 'Something new happened.', {
      text: { key: 'nowhere.unknown' },
    });
    expect(dutch(unknownKey)).toBe('Something new happened.');
    expect(dutch(unknownKey, { conflict: 'Eigen tekst' })).toBe('Eigen tekst');
    expect(dutch(new ApiError(403, 'forbidden', 'No.'))).toBe(
      'Je hebt geen toestemming om dit te doen.',
    );
    expect(dutch(new ApiError(400, 'validation_failed', 'Invalid page cursor.'))).toBe(
      'Deze invoer klopt niet.',
    );
    expect(dutch(new Error('boom'))).toBe('Er ging iets mis. Probeer het opnieuw.');
  });
});

describe('errorText before the catalogue of server messages is loaded (the sign-in steps)', () => {
  const bare = i18next.createInstance();
  void bare.init({
    lng: 'nl',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: { en: { translation: en }, nl: { translation: nl } },
  });
  const signIn = (err: unknown) => errorText(bare.t, err, {}, 'nl-NL');

  it('says the code’s own text, never a key or a catalogue path', () => {
    const keyedForbidden = new ApiError(403, 'forbidden', 'You may not.', {
      text: { key: 'searches.nameTaken', params: { name: 'Week' } },
    });
    expect(signIn(keyedForbidden)).toBe(nl.errors.forbidden);
    const checked = new ApiError(400, 'validation_failed', 'email: Invalid email address', {
      issues: [{ path: ['email'], code: 'invalid_format', format: 'email' }],
    });
    const text = signIn(checked);
    expect(text).not.toMatch(/issues\.|searches\./);
    expect(text).toBe('email: Invalid email address');
  });
});
