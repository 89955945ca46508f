// The lexicon pattern language: each construct, the errors analysts see, and bounded matching.
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError, PatternIndex } from './pattern.js';
import { tokenize } from './text.js';

function matches(pattern: string, text: string, classes: Record<string, string[]> = {}): string[] {
  const index = new PatternIndex([{ pattern: compilePattern(pattern, classes), data: pattern }]);
  const tokens = tokenize(text);
  return index.find(tokens).map((h) => {
    const first = tokens[h.startToken];
    const last = tokens[h.endToken - 1];
    return first && last ? text.slice(first.start, last.end) : '';
  });
}

describe('pattern syntax', () => {
  it('matches words folded, ignoring case and accents', () => {
    expect(matches('echte fotos', "ECHTE Foto's!")).toEqual(["ECHTE Foto's"]);
    expect(matches('discretie', 'Discrétie')).toEqual(['Discrétie']);
  });
  it('supports prefixes, alternatives and optional elements', () => {
    expect(matches('minderjarig*', 'geen minderjarigen')).toEqual(['minderjarigen']);
    // Every start position is reported; the indicator step keeps the longest of overlapping hits.
    expect(matches('(heel|zeer)? jong', 'zeer jong en jong')).toEqual([
      'zeer jong',
      'jong',
      'jong',
    ]);
  });
  it('supports gaps, numbers and number ranges', () => {
    expect(matches('zonder ~1 condoom', 'zonder een condoom')).toEqual(['zonder een condoom']);
    expect(matches('# (girls|meiden)', '3 meiden')).toEqual(['3 meiden']);
    expect(matches('#16-17 jaar', '16 jaar, 18 jaar')).toEqual(['16 jaar']);
    // The index skips a ranged pattern at numbers outside its range, never one that can match.
    expect(matches('#12-17 +', '16+ 0612+ 1.5+ 12+')).toEqual(['16+', '12+']);
    expect(matches('#12-17? (jaar|+)', '0612 jaar, 14 jaar')).toEqual(['jaar', '14 jaar', 'jaar']);
    expect(matches('(€)? #12-17? # euro', '€ 5 euro, 99 euro')).toEqual([
      '€ 5 euro',
      '5 euro',
      '99 euro',
    ]);
  });
  it('treats separators as spaces: "24 7" matches 24/7, 24-7 and 24 7', () => {
    expect(matches('24 7', '24/7 24-7 24 7')).toHaveLength(3);
    // Written as people write it, a word with a separator inside is the words it splits into.
    expect(matches('24/7', '24/7 24-7 24 7')).toHaveLength(3);
  });
  it('supports any beginning (*word) for compounds, as outreach lists do', () => {
    expect(matches('*opvang', 'vrouwenopvang, opvanghuis')).toEqual(['vrouwenopvang']);
    expect(matches('*handel*', 'mensenhandelaars')).toEqual(['mensenhandelaars']);
  });
  it('expands classes', () => {
    expect(matches('100 % {nat}', '100% Roemeense', { nat: ['roemeense'] })).toEqual([
      '100% Roemeense',
    ]);
  });
  it('never matches across a sentence break', () => {
    expect(matches('nieuw hier', 'nieuw. Hier')).toEqual([]);
  });
});

describe('pattern errors', () => {
  it.each([
    ['', 'empty'],
    ['~2 jong', 'gap'],
    ['jong ~2', 'gap'],
    ['a b c d e f g h i', 'at most'],
    ['(24/7|nonstop)', 'single word'],
    ['24/7?', 'single word'],
    ['(a b|c)', 'single words'],
    ['jo*', 'letters before'],
    ['{nope}', 'unknown class'],
    ['x? y?', 'required'],
    ['*en', 'three letters'],
    ['a*b', 'start or end'],
    ['jong ~4', 'gap is ~1 to ~3'],
    ['#21-18', 'low to high'],
  ])('rejects %j', (source, message) => {
    expect(() => compilePattern(source)).toThrow(PatternError);
    expect(() => compilePattern(source)).toThrow(message);
  });
  it('names the faulty element and the character where it starts', () => {
    expect(() => compilePattern('echte (foto|) nu')).toThrow(
      '"echte (foto|) nu" at character 7 ("(foto|)"): an alternative is empty',
    );
  });
});
