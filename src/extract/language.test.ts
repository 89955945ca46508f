// Language of the ad (franc, mapped to ISO 639-1) and languages the person says they speak.
import { describe, expect, it } from 'vitest';
import { detectLanguage, extractSpokenLanguages, toIso6391 } from './language.js';
import { tokenize, wellFormed } from './text.js';

describe('ad language', () => {
  it('maps ISO 639-3 to 639-1 where there is one', () => {
    expect(toIso6391('nld')).toBe('nl');
    expect(toIso6391('bul')).toBe('bg');
    expect(toIso6391('xyz')).toBe('xyz');
  });
  it('detects the language and spans the text it read', () => {
    const text = 'Hoi schatje, ik ben een lieve en spontane meid. Bel me voor een afspraak.';
    const fact = detectLanguage(text, 'body');
    expect(fact).toMatchObject({
      value: 'nl',
      iso6393: 'nld',
      span: { start: 0, end: text.length },
    });
  });
  it('says nothing about text too short or without letters', () => {
    expect(detectLanguage('06 48 27 19 35', 'body')).toBeNull();
    expect(detectLanguage('', 'body')).toBeNull();
  });
});

describe('spoken languages', () => {
  const spoken = (text: string) =>
    extractSpokenLanguages(text, tokenize(text), 'body').map((f) => f.value);
  it('reads names after a trigger and lists of names', () => {
    expect(spoken('I speak English, German and a little French')).toEqual(['en', 'de', 'fr']);
    expect(spoken('Talen: NL, EN, DE')).toEqual(['nl', 'en', 'de']);
    expect(spoken('English, Deutsch, Nederlands')).toEqual(['en', 'de', 'nl']);
    expect(spoken('Говоря български и английски')).toEqual(['bg', 'en']);
  });
  it('does not take nationalities for languages', () => {
    expect(spoken('Romanian and Bulgarian girls')).toEqual([]);
    expect(spoken('Roemeense meiden')).toEqual([]);
  });
});

describe('language fact raw text', () => {
  it('is cut by whole characters, never in the middle of an emoji', () => {
    const prefix =
      'Hallo lieve mensen, ik ben nieuw in de stad en heel lief en altijd beschikbaar voor jou.'.slice(
        0,
        79,
      );
    expect(prefix.length).toBe(79);
    const text = `${prefix}${'😘'.repeat(30)} kom langs`;
    const fact = detectLanguage(text, 'body');
    expect(fact).not.toBeNull();
    expect(fact!.raw).toBe(wellFormed(fact!.raw));
    expect(fact!.raw.endsWith('😘…')).toBe(true);
  });
});
