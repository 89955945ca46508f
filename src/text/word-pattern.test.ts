// The one pattern language: each construct, the errors as an operator reads them (pattern,
// character, element, what to do), and matching that respects where a match may not go.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from './fold.js';
import {
  matchPatternAt,
  parsePattern,
  PATTERN_SYNTAX_HELP,
  PatternError,
  type WordSequence,
} from './word-pattern.js';

// Words split at anything but letters and digits, as outreach splits them.
const wordsOf = (s: string) => (s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(fold);
const parse = (source: string, classes?: Record<string, string[]>) =>
  parsePattern(source, { wordsOf, ...(classes ? { classes } : {}) });

/** Every match of a pattern in a text, as the matched words; "|" in the text is a break. */
function matches(source: string, text: string, classes?: Record<string, string[]>): string[] {
  const { steps } = parse(source, classes);
  const clauses = text.split('|').map(wordsOf);
  const norms = clauses.flat();
  const clauseOf = clauses.flatMap((c, n) => c.map(() => n));
  const seq: WordSequence = {
    length: norms.length,
    norm: (i) => norms[i] as string,
    isNumber: (i) => /^\d+$/.test(norms[i] as string),
    joins: (start, i) => clauseOf[i] === clauseOf[start],
  };
  const out: string[] = [];
  for (let i = 0; i < norms.length; i++) {
    const end = matchPatternAt(steps, seq, i);
    if (end > i) out.push(norms.slice(i, end).join(' '));
  }
  return out;
}

describe('pattern syntax', () => {
  it('compares whole words, folded', () => {
    expect(matches('Slachtoffer', 'SLACHTOFFERS slachtoffer')).toEqual(['slachtoffer']);
    expect(matches('politie', 'Politié')).toEqual(['politie']);
  });

  it('takes * at the end, the start or both', () => {
    expect(matches('slachtoffer*', 'slachtoffers')).toEqual(['slachtoffers']);
    expect(matches('*opvang', 'vrouwenopvang opvanghuis')).toEqual(['vrouwenopvang']);
    expect(matches('*handel*', 'mensenhandelaars')).toEqual(['mensenhandelaars']);
  });

  it('takes alternatives, optional words, classes, numbers, ranges and gaps', () => {
    expect(matches('(meid|meisje*) jong', 'meisjes jong')).toEqual(['meisjes jong']);
    expect(matches('(heel|zeer)? jong', 'zeer jong')).toEqual(['zeer jong', 'jong']);
    expect(matches('100 {nat}', '100 roemeense', { nat: ['Roemeense'] })).toEqual([
      '100 roemeense',
    ]);
    expect(matches('# meiden', '3 meiden')).toEqual(['3 meiden']);
    expect(matches('#16-17 jaar', '16 jaar 18 jaar')).toEqual(['16 jaar']);
    expect(matches('zonder ~2 condoom', 'zonder een echt condoom')).toEqual([
      'zonder een echt condoom',
    ]);
  });

  it('reads a written word with separators inside as the words it splits into', () => {
    expect(matches("can't stop", 'I can’t stop')).toEqual(['can t stop']);
    expect(matches('laissez-moi', 'laissez moi')).toEqual(['laissez moi']);
  });

  it('allows a short wildcard after the first required word', () => {
    expect(matches('arrête de m*', 'arrêtez de me écrire | arrête de m')).toEqual(['arrete de m']);
  });

  it('never matches across a break, gaps included', () => {
    expect(matches('laat me met rust', 'laat me | met rust')).toEqual([]);
    expect(matches('zonder ~1 condoom', 'zonder een | condoom')).toEqual([]);
  });

  it('has its help text say every construct, here and where the console asks for terms', () => {
    const constructs = ['word*', '*word', '(a|b)', '#', '#18-21', '~2', 'word?'];
    for (const c of [...constructs, '{name}']) expect(PATTERN_SYNTAX_HELP).toContain(c);
    // The console's custom-term form (no classes there); Dutch writes "woord" for "word".
    const hint = (lang: string): string => {
      const url = new URL(`../../web/console/src/collect/locales/${lang}.json`, import.meta.url);
      const json = JSON.parse(readFileSync(url, 'utf8')) as {
        rules: { term: { patternsHint: string } };
      };
      return json.rules.term.patternsHint;
    };
    for (const c of constructs) {
      expect(hint('en')).toContain(c);
      expect(hint('nl')).toContain(c.replace('word', 'woord'));
    }
  });
});

describe('pattern errors', () => {
  it.each([
    ['', '"": empty pattern'],
    ['   ', '"   ": empty pattern'],
    ['~2 jong', '"~2 jong" at character 1 ("~2"): a gap cannot start a pattern'],
    ['jong ~2', '"jong ~2" at character 6 ("~2"): a gap cannot end a pattern'],
    ['a ~1 b ~1 c ~1 d', '"a ~1 b ~1 c ~1 d" at character 13 ("~1"): at most 2 gaps per pattern'],
    ['jong ~9 x', '"jong ~9 x" at character 6 ("~9"): a gap is ~1 to ~3'],
    ['a b c d e f g h i', '"a b c d e f g h i" at character 17 ("i"): at most 8 elements'],
    ['ab*', '"ab*" at character 1 ("ab*"): a wildcard that starts a pattern needs three letters'],
    ['*', '"*" at character 1 ("*"): a word needs at least one letter or digit'],
    ['po*li', '"po*li" at character 1 ("po*li"): * may only stand at the start or end of a word'],
    ['!!', '"!!" at character 1 ("!!"): a word needs at least one letter or digit'],
    ['x (a b|c)', '"x (a b|c)" at character 3 ("(a"): alternatives in ( ) must be single words'],
    ['(a|) b', '"(a|) b" at character 1 ("(a|)"): an alternative is empty'],
    ['(ab|c-d)', `"(ab|c-d)" at character 1 ("(ab|c-d)"): "c-d" is not a single word`],
    ["can't?", `"can't?" at character 1 ("can't?"): an optional element must be a single word`],
    ['{nope}', '"{nope}" at character 1 ("{nope}"): unknown class {nope}'],
    ['bel #5', '"bel #5" at character 5 ("#5"): a number is written # (any) or #18-21'],
    ['zonder ~x', '"zonder ~x" at character 8 ("~x"): a gap is ~1 to ~3, standing alone'],
    ['#21-18 x', '"#21-18 x" at character 1 ("#21-18"): a number range goes from low to high'],
    ['x? y?', '"x? y?": needs at least one required word'],
  ])('rejects %j', (source, message) => {
    expect(() => parse(source)).toThrow(PatternError);
    expect(() => parse(source)).toThrow(message);
  });

  it('carries the position and the problem apart, for a form to show', () => {
    try {
      parse('echte po*li');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PatternError);
      expect((err as PatternError).position).toBe(7);
      expect((err as PatternError).problem).toMatch(/start or end/);
    }
  });
});
