// Digit values of any Unicode digit: ASCII, fullwidth, mathematical, Arabic-Indic, Devanagari and
// the rest of the decimal digits, circled/superscript digits, and emoji keycaps. Ads swap these in
// to slip numbers past filters, so each value also says which kind of disguise it was.

const ND_RE = /^\p{Nd}$/u;
const ASCII_DIGITS_RE = /^[0-9]+$/;

export type DigitDisguise = 'none' | 'unicode_digits' | 'emoji';

/**
 * ASCII digits for one code point, or null if it is not a digit. Unicode encodes decimal digits
 * (Nd) only in contiguous, ascending runs of ten starting at zero, so the value of any Nd character
 * is its distance from the start of its run, modulo ten; compatibility forms (fullwidth, circled,
 * superscript) are resolved through NFKC first.
 */
export function digitsOf(cp: number): string | null {
  if (cp >= 0x30 && cp <= 0x39) return String.fromCharCode(cp);
  if (cp === 0x1f51f) return '10'; // 🔟 keycap ten
  const ch = String.fromCodePoint(cp);
  const nfkc = ch.normalize('NFKC');
  if (nfkc !== ch && ASCII_DIGITS_RE.test(nfkc) && nfkc.length <= 2) return nfkc;
  if (!ND_RE.test(ch)) return null;
  let start = cp;
  // A run is at most a few blocks of ten (mathematical digits: 50); bound the walk anyway.
  for (let i = 0; i < 60 && ND_RE.test(String.fromCodePoint(start - 1)); i++) start -= 1;
  return String((cp - start) % 10);
}

/** Replaces every Unicode digit in a short string by its ASCII value (used for number tokens). */
export function asciiDigits(s: string): string {
  if (ASCII_DIGITS_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const d = digitsOf(ch.codePointAt(0) ?? 0);
    out += d ?? ch;
  }
  return out;
}
