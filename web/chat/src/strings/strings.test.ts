// Every written language has every key of the English text, none empty, with the same kind of value
// (text, a function of the same arity, a group with the same keys); a language not written yet falls
// back to English.
import { describe, expect, it } from 'vitest';
import { emptyTexts, shapeOf } from '../../../../test/helpers/strings-shape';
import { CHAT_LANGUAGES } from '../../../../src/contracts/chat-protocol';
import { en } from './en';
import { WRITTEN, asLanguage, stringsFor, writtenLanguages } from './index';

describe('the widget strings', () => {
  it('has Dutch and English written, and only languages of the protocol', () => {
    expect(writtenLanguages()).toEqual(['nl', 'en']);
    for (const l of Object.keys(WRITTEN)) expect(CHAT_LANGUAGES).toContain(l);
  });

  it.each(Object.entries(WRITTEN))('%s has every key of the English text, none empty', (_l, s) => {
    expect(shapeOf(s)).toEqual(shapeOf(en));
    expect(emptyTexts(s)).toEqual([]);
  });

  it('falls back to English for a language not written yet', () => {
    expect(stringsFor('ro')).toBe(en);
    expect(stringsFor('uk')).toBe(en);
    expect(stringsFor('nl').send).toBe('Versturen');
  });

  it('reads a language from an attribute or a query, ignoring what is not one', () => {
    expect(asLanguage('NL')).toBe('nl');
    expect(asLanguage('en-GB')).toBe('en');
    expect(asLanguage('xx')).toBeUndefined();
    expect(asLanguage(null)).toBeUndefined();
  });
});
