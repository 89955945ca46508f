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

  it('says what the server keeps and for how long, in every written language', () => {
    expect(en.privacy(30)).toContain('We do not store your IP address');
    expect(en.privacy(30)).toContain('for 30 days after it ends');
    expect(en.privacy(1)).toContain('for 1 day after');
    // A case may be opened from a chat without the person's consent: the line does not promise one.
    expect(en.privacy(30)).toContain('If we open a case to help you, it is kept with that case.');
    expect(WRITTEN.nl!.privacy(90)).toContain('We slaan je IP-adres');
    expect(WRITTEN.nl!.privacy(90)).toContain('90 dagen nadat');
    // A widget that does not know the period says so without a number.
    for (const s of Object.values(WRITTEN)) expect(s.privacy(undefined)).not.toMatch(/\d/);
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
