import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError, PatternSet, words } from './words.js';

describe('words', () => {
  it('splits at spaces, punctuation, apostrophes and hyphens, keeping UTF-16 offsets', () => {
    const text = "😀 can't laissez-moi";
    expect(words(text).map((w) => [w.norm, text.slice(w.start, w.end)])).toEqual([
      ['can', 'can'],
      ['t', 't'],
      ['laissez', 'laissez'],
      ['moi', 'moi'],
    ]);
  });
});

describe('patterns', () => {
  const set = new PatternSet([
    compilePattern('slachtoffer*', 'victim'),
    compilePattern('*opvang', 'shelter'),
    compilePattern('human trafficking', 'phrase'),
    compilePattern('human', 'word'),
    compilePattern("can't stop", 'apostrophe'),
  ]);
  const find = (text: string) =>
    set.findAll(words(text).map((w) => w.norm)).map((m) => m.pattern.data);

  it('matches prefixes, suffixes, phrases (longest first) and apostrophes', () => {
    expect(find('Slachtoffers')).toEqual(['victim']);
    expect(find('vrouwenopvang')).toEqual(['shelter']);
    expect(find('opvanghuis')).toEqual([]);
    expect(find('human trafficking and a human')).toEqual(['phrase', 'word']);
    expect(find('I cant stop, can’t stop')).toEqual(['apostrophe']);
    expect(find('𝐒𝐥𝐚𝐜𝐡𝐭𝐨𝐟𝐟𝐞𝐫 ＨＵＭＡＮ')).toEqual(['victim', 'word']);
  });

  it('keeps a match inside one group when groups are given', () => {
    const norms = ['human', 'trafficking'];
    expect(set.findAll(norms, undefined, [0, 1]).map((m) => m.pattern.data)).toEqual(['word']);
    expect(set.findAll(norms, [true, false])).toEqual([]);
  });

  it('reads the whole pattern language, as extraction lexicons do', () => {
    const more = new PatternSet([
      compilePattern('(stop|stopp) (nu|now)?', 'stop'),
      compilePattern('laat me ~1 rust', 'gap'),
      compilePattern('bel # keer', 'number'),
    ]);
    const found = (text: string) =>
      more.findAll(words(text).map((w) => w.norm)).map((m) => [m.pattern.data, m.to - m.from]);
    expect(found('Stopp now')).toEqual([['stop', 2]]);
    expect(found('stop')).toEqual([['stop', 1]]);
    expect(found('laat me met rust')).toEqual([['gap', 4]]);
    expect(found('bel 3 keer')).toEqual([['number', 3]]);
  });

  it('refuses patterns that would match too much or make no sense', () => {
    expect(() => compilePattern('*', null)).toThrow(PatternError);
    expect(() => compilePattern('ab*', null)).toThrow(/three letters/);
    expect(() => compilePattern('a*b', null)).toThrow(/start or end/);
    expect(() => compilePattern('a b c d e f g h i', null)).toThrow(/at most 8/);
    expect(() => compilePattern('!!', null)).toThrow(/letter or digit/);
    // Errors name the element and where it starts, as everywhere patterns are written.
    expect(() => compilePattern('help po*li', null)).toThrow(
      '"help po*li" at character 6 ("po*li"): * may only stand at the start or end of a word',
    );
  });
});
