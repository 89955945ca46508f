// Text folding for every comparison of words the platform makes (extraction's lexicons and rules,
// outreach's safety and opt-out lists, the pattern language both write in): one function, so a
// word an analyst or a practitioner writes compares the same way everywhere. Pure; no imports.
//
// What folds away: case; accents and every other combining mark; compatibility forms (full-width
// "ＳＥＸ", styled "𝐒𝐞𝐱", ligatures "ﬁ", circled digits), which are how ads disguise words;
// invisible format characters (zero-width space and joiners, soft hyphen, bidi controls); final
// sigma; and the letters that do not decompose (ß ł ø đ ð þ æ œ ı). Marks go in every script, Thai
// tone marks and the Cyrillic breve of "й" included: both sides of a comparison are folded, so
// they still meet.

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ς: 'σ',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
};
const SPECIAL_RE = /[ßςıłøđðþæœ]/g;
const MARKS_AND_INVISIBLE_RE = /[\p{M}\p{Cf}]+/gu;
// ASCII has nothing to fold beyond lower case (most text, fast).
const ASCII_RE = /^\p{ASCII}*$/u;

/**
 * Lower case without marks, compatibility forms or invisible characters: "Kraków" → "krakow",
 * "Straße" → "strasse", "ＳＥＸ" → "sex", "Й" → "и". Decomposition can lengthen a text (a
 * ligature becomes two letters), so the result's offsets never point into the original.
 */
export function fold(s: string): string {
  return foldWithin(s, Infinity);
}

/**
 * `fold` reading at most `cap` UTF-16 units of the decomposed text: for a caller that folds a
 * whole hostile text, since decomposition can lengthen it many times over ("ﷺ" is 18 letters).
 */
export function foldWithin(s: string, cap: number): string {
  if (ASCII_RE.test(s)) return (s.length > cap ? s.slice(0, cap) : s).toLowerCase();
  const decomposed = s.normalize('NFKD');
  return (decomposed.length > cap ? decomposed.slice(0, cap) : decomposed)
    .toLowerCase()
    .replace(MARKS_AND_INVISIBLE_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_FOLDS[c] ?? c);
}
