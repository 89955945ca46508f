// Folding in every language the platform reads or writes (extract and outreach both support nl, en,
// de, fr, es, ro, pl, hu, bg; the others are languages ads arrive in), and the width, ligature and
// invisible-character cases that disguise a word.
import { describe, expect, it } from 'vitest';
import { fold, foldWithin } from './fold.js';

describe('fold', () => {
  it.each([
    ['nl', 'Één Geïnteresseerd CAFÉ', 'een geinteresseerd cafe'],
    ['en', 'Naïve Façade', 'naive facade'],
    ['de', 'Straße Mädchen ÜBER', 'strasse madchen uber'],
    ['fr', 'Hôtel Œuvre Noël ÇA', 'hotel oeuvre noel ca'],
    ['es', 'Niña Años Policía', 'nina anos policia'],
    ['pl', 'Łódź Kraków Żółć', 'lodz krakow zolc'],
    ['ro', 'Poliție ȘAPTE Țară Înțeles', 'politie sapte tara inteles'],
    ['hu', 'Ő Űr Szép Hölgy', 'o ur szep holgy'],
    ['bg', 'Говоря Йордан Спри', 'говоря иордан спри'],
    ['pt', 'Coração São João', 'coracao sao joao'],
    ['it', 'Città Perché', 'citta perche'],
    ['ru', 'Ёлка ПОЛИЦИЯ', 'елка полиция'],
    ['uk', 'Їжак Україна', 'іжак украіна'],
    ['da/no', 'Søster Ærlig', 'soster aerlig'],
    ['is', 'Þór Guðrún', 'thor gudrun'],
    ['tr', 'İstanbul ıslak', 'istanbul islak'],
    ['el', 'ΟΔΟΣ Άνθρωπος', 'οδοσ ανθρωποσ'],
    ['zh', '你好 北京', '你好 北京'],
  ])('%s: %s', (_lang, input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('keeps what extraction and outreach folded before they shared this module', () => {
    expect(fold('Kraków')).toBe('krakow');
    expect(fold('Één')).toBe('een');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Łódź')).toBe('lodz');
    expect(fold('ȘAPTE')).toBe('sapte');
    expect(fold('Говоря')).toBe('говоря');
    expect(fold('Één Straße Łódź ȘȚ Ő Й')).toBe('een strasse lodz st o и');
  });

  it('reads full-width, styled and ligature letters as plain ones', () => {
    expect(fold('ＳＥＸ')).toBe('sex');
    expect(fold('𝐒𝐞𝐱 𝓼𝓮𝔁')).toBe('sex sex');
    expect(fold('ﬁne ﬂat')).toBe('fine flat');
    expect(fold('①２')).toBe('12');
  });

  it('drops invisible characters inside a word', () => {
    expect(fold('se\u200bx po\u00adlice \u200d')).toBe('sex police ');
  });

  it('drops Thai tone and vowel marks on both sides alike', () => {
    // Marks are removed in every script, so a pattern and a text written with them still meet.
    expect(fold('ไม่')).toBe(fold('ไม'));
  });

  it('leaves plain ASCII as lower case, control characters included', () => {
    expect(fold('Hello\tWORLD\n42 #@!')).toBe('hello\tworld\n42 #@!');
  });

  it('foldWithin reads at most `cap` units of the decomposed text', () => {
    expect(foldWithin('ABCDEF', 3)).toBe('abc');
    // "ﷺ" decomposes into 18 units; three of them give 54, of which 40 are read.
    expect(foldWithin('\ufdfa'.repeat(3), 40)).toBe(fold('\ufdfa'.repeat(3)).slice(0, 40));
    // Marks count towards the cap before they are dropped: "ÉÉ" is E, mark, E, mark.
    expect(foldWithin('ÉÉ', 3)).toBe('ee');
    expect(foldWithin('Straße', Infinity)).toBe(fold('Straße'));
  });

  it('is idempotent', () => {
    for (const s of ['Straße', 'ＳＥＸ', 'Ёлка', 'ΟΔΟΣ', 'Þór', 'İ']) {
      expect(fold(fold(s))).toBe(fold(s));
    }
  });
});

describe('fold, a word at a time', () => {
  // The definition the table-driven way must agree with: the whole text decomposed, lower-cased,
  // stripped of marks and invisible characters, the special letters replaced.
  const SPECIAL: Record<string, string> = { ß: 'ss', ς: 'σ', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe' }; // prettier-ignore
  const reference = (s: string): string =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[\p{M}\p{Cf}]+/gu, '')
      .replace(/[ßςıłøđðþæœ]/g, (c) => SPECIAL[c] ?? c);

  it('folds short text of any characters as folding the whole text does', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const ranges: [number, number][] = [
      [0x20, 0x24f], // Latin with its accents
      [0x300, 0x36f], // combining marks
      [0x370, 0x52f], // Greek, Cyrillic
      [0x1e00, 0x1fff], // Latin and Greek extended
      [0x2000, 0x2bff], // punctuation, letter-like and compatibility forms
      [0x3000, 0xd7ff], // CJK, Hangul
      [0xf900, 0xffff], // compatibility ideographs, presentation forms, full width
    ];
    for (let n = 0; n < 20000; n++) {
      const length = 1 + Math.floor(rnd() * 12);
      let s = '';
      for (let i = 0; i < length; i++) {
        const [lo, hi] = ranges[Math.floor(rnd() * ranges.length)] as [number, number];
        s += String.fromCharCode(lo + Math.floor(rnd() * (hi - lo)));
      }
      expect(fold(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it('folds every BMP character alone, and beside a capital sigma, as the whole text', () => {
    for (let unit = 0x80; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const ch = String.fromCharCode(unit);
      expect(fold(ch)).toBe(reference(ch));
      expect(fold(`ΟΔΟΣ${ch}`)).toBe(reference(`ΟΔΟΣ${ch}`));
    }
  });
});
