// Every written language has every key of the English text, none empty, with the same kind of value
// (text, a function of the same arity, a list of the same length, a group with the same keys).
import { describe, expect, it } from 'vitest';
import { emptyTexts, shapeOf } from '../../../../test/helpers/strings-shape';
import { en } from './en';
import { WRITTEN, asLanguage } from './index';

describe('the vault app’s strings', () => {
  it('has Dutch and English written', () => {
    expect(Object.keys(WRITTEN)).toEqual(['nl', 'en']);
  });

  it.each(Object.entries(WRITTEN))('%s has every key of the English text, none empty', (_l, s) => {
    expect(shapeOf(s)).toEqual(shapeOf(en));
    expect(emptyTexts(s)).toEqual([]);
  });

  it('reads a language from an attribute or the browser, ignoring what is not written', () => {
    expect(asLanguage('NL')).toBe('nl');
    expect(asLanguage('en-GB')).toBe('en');
    expect(asLanguage('ro')).toBeUndefined();
    expect(asLanguage(null)).toBeUndefined();
  });
});
