// Tokenizing and capping (folding is tested in src/text): the offsets every fact's span relies on.
import { describe, expect, it } from 'vitest';
import { capText, FIELD_CAP, readLetterSwaps, tokenize } from './text.js';
import { asciiDigits, digitsOf } from './unicode-digits.js';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = "Hoi! Ik ben 19jr, 100% echte foto's 😘 24/7";
    for (const t of tokenize(text)) {
      expect(t.end).toBeGreaterThan(t.start);
      expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    }
    const norms = tokenize(text).map((t) => t.norm);
    expect(norms).toEqual([
      'hoi',
      'ik',
      'ben',
      '19',
      'jr',
      '100',
      '%',
      'echte',
      'fotos',
      '😘',
      '24',
      '7',
    ]);
  });

  it('marks sentence and line breaks, but not abbreviation dots', () => {
    const brks = (text: string) => tokenize(text).map((t) => t.brk);
    expect(brks('een. Twee\ndrie! vier')).toEqual([false, true, true, true]);
    expect(brks('30 Min. 80 €, 19 y.o. ca. twee')).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('splits elisions but joins short apostrophe tails', () => {
    expect(tokenize("l'hôtel I'm").map((t) => t.norm)).toEqual(['l', 'hotel', 'im']);
  });

  it('compares full-width and styled letters as plain ones', () => {
    expect(tokenize('ＥＣＨＴＥ 𝐟𝐨𝐭𝐨').map((t) => t.norm)).toEqual(['echte', 'foto']);
  });

  it('reads Unicode digits as ASCII in number tokens', () => {
    expect(tokenize('１９ jaar')[0]?.norm).toBe('19');
  });
});

describe('unicode digits', () => {
  it('knows fullwidth, Arabic-Indic, Devanagari, mathematical and circled digits', () => {
    expect(digitsOf('７'.codePointAt(0) ?? 0)).toBe('7');
    expect(digitsOf('٣'.codePointAt(0) ?? 0)).toBe('3');
    expect(digitsOf('९'.codePointAt(0) ?? 0)).toBe('9');
    expect(digitsOf('𝟘'.codePointAt(0) ?? 0)).toBe('0');
    expect(digitsOf('𝟵'.codePointAt(0) ?? 0)).toBe('9');
    expect(digitsOf('⑦'.codePointAt(0) ?? 0)).toBe('7');
    expect(digitsOf('a'.codePointAt(0) ?? 0)).toBeNull();
    expect(asciiDigits('٠٦١٢')).toBe('0612');
  });
});

describe('capText', () => {
  it('caps at FIELD_CAP without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(FIELD_CAP - 1)}😘tail`;
    const capped = capText(text);
    expect(capped.truncated).toBe(true);
    expect(capped.text.length).toBe(FIELD_CAP - 1);
    expect(capText('short')).toEqual({ text: 'short', truncated: false });
  });
});

describe('tokenize, character by character', () => {
  // The definition the hand-written scanner must agree with: the regular expression it replaced,
  // and the break and capital rules as they were written over its matches.
  const TOKEN_RE =
    /([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]{1,2}(?![\p{L}\p{M}]))?)|(\p{N}+(?:[.,]\p{N}+)*)|[^\s\p{L}\p{M}\p{N}.,;:!?'"’‘“”„«»()[\]{}<>\-–—_*~…·•|\\/]/gu;
  const reference = (text: string) => {
    const out: { start: number; end: number; type: string; brk: boolean; upper: boolean }[] = [];
    let prevEnd = 0;
    for (const m of text.matchAll(TOKEN_RE)) {
      const raw = m[0];
      const type = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'sym';
      const gap = text.slice(prevEnd, m.index);
      const brk =
        out.length > 0 &&
        (/[!?\n\r]/.test(gap) || (gap.includes('.') && !/^[\p{Ll}\p{N}]/u.test(raw)));
      out.push({ start: m.index, end: m.index + raw.length, type, brk, upper: type === 'word' && /^\p{Lu}/u.test(raw) }); // prettier-ignore
      prevEnd = m.index + raw.length;
    }
    return out;
  };
  const shape = (text: string) =>
    tokenize(text).map(({ start, end, type, brk, upper }) => ({ start, end, type, brk, upper }));

  it('finds the tokens the regular expression finds, on random text of every kind', () => {
    const pieces = [
      ...`abcXYZéÉçłŁßİıșȘąęőűñ АБВабвйё ΣσςΆ 你好 مرحبا 0123456789 ٣४ ½ ²`,
      ...`.,;:!?'"’‘“”„«»()[]{}<>-–—_*~…·•|\\/@#$%&+=€£ \n\r\t\u00a0\u200b\u0301\u0308`,
      '😘',
      '𝐒',
      '1️⃣',
      '\ud83d',
      '\ude18',
      "'s",
      '’t',
      "'abc",
    ];
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(rnd() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(rnd() * pieces.length)];
      expect(shape(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('readLetterSwaps', () => {
  it('reads digits and symbols between letters as the letters they look like, one for one', () => {
    expect(readLetterSwaps('EZ M0NEY, ca$h, b4nkp4s, m00i')).toBe('EZ MoNEY, cash, bankpas, mooi');
    expect(readLetterSwaps('💰 c4sh')).toBe('💰 cash');
    expect(readLetterSwaps('💰 c4sh')?.length).toBe('💰 c4sh'.length);
  });
  it('leaves numbers, prices and phone numbers alone, and says when nothing changed', () => {
    expect(readLetterSwaps('1k a day, 06-12345678, €500, 4u, sum1, A4')).toBeNull();
  });
});
