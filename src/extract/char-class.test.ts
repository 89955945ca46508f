// The category table answers as the \p{…} expressions it replaces, on every kind of character.
import { describe, expect, it } from 'vitest';
import { classOf, LETTER, letterRuns, LOWER, MARK, NUMBER, SPACE, UPPER } from './char-class.js';

describe('character categories', () => {
  it('answers as \\p{L}, \\p{M}, \\p{N}, \\s, \\p{Lu} and \\p{Ll} for every BMP character', () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const bits = classOf(cp);
      expect((bits & LETTER) !== 0, ch).toBe(/\p{L}/u.test(ch));
      expect((bits & MARK) !== 0, ch).toBe(/\p{M}/u.test(ch));
      expect((bits & NUMBER) !== 0, ch).toBe(/\p{N}/u.test(ch));
      expect((bits & SPACE) !== 0, ch).toBe(/\s/u.test(ch));
      expect((bits & UPPER) !== 0, ch).toBe(/\p{Lu}/u.test(ch));
      expect((bits & LOWER) !== 0, ch).toBe(/\p{Ll}/u.test(ch));
    }
  });

  it('splits letter runs as replacing everything else by one space would', () => {
    const texts = [
      "Hi, I'm Ana! 06-12 café Łódź 𝐒𝐞𝐱y😘 да-нет  \u0301x",
      'only letters',
      '123 456',
      '',
      '\ud800 lone \udc00 surrogates',
    ];
    for (const text of texts) {
      const reference = text
        .replace(/[^\p{L}\s]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      expect(letterRuns(text).join(' '), text).toBe(reference);
    }
  });
});
