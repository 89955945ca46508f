import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import serverEn from '../i18n/server-errors/en.json';
import serverNl from '../i18n/server-errors/nl.json';
import { errorText, problemText } from './error-text';

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
      'Deze invoer klopt niet. Controleer naam (minstens 1 tekens), contact.email (geen geldig ' +
        'e-mailadres), de invoer (heeft een veld dat er niet hoort).',
    );
  });

  it('adds the failed fields to a keyed message', () => {
    const err = new ApiError(400, 'validation_failed', 'The source definition has problems: …', {
      text: { key: 'collect.definitionInvalid' },
      issues: [{ path: ['limits', 'maxPages'], code: 'too_small', minimum: 1, origin: 'number' }],
    });
    expect(dutch(err)).toBe(
      'De brondefinitie heeft problemen. Controleer meeste pagina’s per crawl (minstens 1).',
    );
  });

  it('names a field by the form’s own label, the catalogue’s name with its position, or its path', () => {
    const err = new ApiError(400, 'validation_failed', 'Invalid request', {
      issues: [
        { path: ['variants', '0', 'body'], code: 'too_big', maximum: 160, origin: 'string' },
        { path: ['startUrls', '1'], code: 'invalid_format', format: 'url' },
        { path: ['crawler', 'waitFor'], code: 'invalid_type' },
        { path: ['listing', 'adUrlPattern'], code: 'custom', reason: 'regex' },
        { path: ['schedule'], code: 'custom', reason: 'unheard-of' },
      ],
    });
    const labels = { 'variants.body': 'Berichttekst' };
    expect(errorText(i18n.t, err, {}, 'nl-NL', labels)).toBe(
      'Deze invoer klopt niet. Controleer Berichttekst #1 (hoogstens 160 tekens), startadres #2 ' +
        '(geen geldig webadres), crawler.waitFor (ontbreekt of is van de verkeerde soort), ' +
        'patroon voor advertentieadressen (geen geldige reguliere expressie), planning (niet geldig).',
    );
  });
});

describe('problemText (a problem an import lists)', () => {
  const t = i18n.t;
  it('says a keyed problem in Dutch with its values', () => {
    expect(
      problemText(t, {
        message: '"nl:nowhere" is not a known place',
        text: { key: 'partnerCsv.unknownPlace', params: { value: 'nl:nowhere' } },
      }),
    ).toBe('“nl:nowhere” is geen bekende plaats');
    expect(
      problemText(t, {
        message: 'Differs from line 4, where the same case starts',
        text: { key: 'htcds.differsFromLine', params: { line: 4 } },
      }),
    ).toBe('Wijkt af van regel 4, waar dezelfde zaak begint');
  });
  it('says a failed check by its reason, and keeps the English of what it does not know', () => {
    expect(
      problemText(t, {
        message: 'Too small: expected number to be >=0',
        issue: { path: ['ari_Age'], code: 'too_small', minimum: 0, origin: 'number' },
      }),
    ).toBe('minstens 0');
    expect(problemText(t, { message: 'Something new.', text: { key: 'nowhere.new' } })).toBe(
      'Something new.',
    );
  });

  it('falls back as before: a key it does not know, a page override, the code, the message', () => {
    const unknownKey = new ApiError(409, 'conflict', 'Something new happened.', {
      text: { key: 'nowhere.unknown' },
    });
    expect(dutch(unknownKey)).toBe('Something new happened.');
    expect(dutch(unknownKey, { conflict: 'Eigen tekst' })).toBe('Eigen tekst');
    // A page's own text for the code also wins over a key the catalogue knows.
    const known = new ApiError(409, 'conflict', 'You already have a saved search named "Week".', {
      text: { key: 'searches.nameTaken', params: { name: 'Week' } },
    });
    expect(dutch(known, { conflict: 'Eigen tekst' })).toBe('Eigen tekst');
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
