// The names a case goes by: a pseudonym in Crockford base32 (no I, L, O, U) and a speakable alias,
// both from the random bytes given, and refused with too few bytes.
import { describe, expect, it } from 'vitest';
import { isMinor } from './case-facts.js';
import { startsChildProtocol } from './alerts.js';
import { aliasFrom, pseudonymFrom } from './pseudonym.js';

describe('pseudonyms and aliases', () => {
  it('are made from the bytes given, in their alphabets', () => {
    expect(pseudonymFrom(new Uint8Array([0, 1, 2, 3, 31, 30, 29, 28]))).toBe('C-0123-ZYXW');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let i = 0; i < 256; i += 8) {
      expect(pseudonymFrom(all.subarray(i, i + 8))).toMatch(
        /^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
      );
    }
    expect(aliasFrom(new Uint8Array([0, 0]))).toBe('Amber Heron');
    expect(aliasFrom(new Uint8Array([255, 255]))).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('refuse too few random bytes', () => {
    expect(() => pseudonymFrom(new Uint8Array(7))).toThrow();
    expect(() => aliasFrom(new Uint8Array(1))).toThrow();
  });
});

describe('the child protocol', () => {
  it('counts a case as about a minor when said so or when the age is under 18', () => {
    expect(isMinor({ minor: true, age: 30 })).toBe(true);
    expect(isMinor({ age: 17 })).toBe(true);
    expect(isMinor({ age: 18 })).toBe(false);
    expect(isMinor({ minor: false, age: null })).toBe(false);
  });

  it('starts when a case becomes about a minor, not again while it stays so', () => {
    expect(startsChildProtocol(null, { minor: true })).toBe(true);
    expect(startsChildProtocol(null, { minor: false })).toBe(false);
    expect(startsChildProtocol({ minor: false }, { minor: true })).toBe(true);
    expect(startsChildProtocol({ minor: true }, { minor: true })).toBe(false);
  });
});
