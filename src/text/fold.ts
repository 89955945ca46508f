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
/** ASCII has nothing to fold beyond lower case (most text, fast). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

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
  if (isAscii(s)) return (s.length > cap ? s.slice(0, cap) : s).toLowerCase();
  // A word at a time (extraction folds every word of every ad): character by character from a
  // table, which gives the same as folding the whole (decomposition, case, marks and the special
  // letters all go character by character; the one case that depends on context, a final sigma,
  // folds to σ either way). The cap bounds what decomposition may make of the text (at most 18
  // units per unit), so only short text and a cap it cannot reach take this way.
  if (s.length <= SHORT_TEXT && s.length * MAX_DECOMPOSITION <= cap) {
    const folded = foldUnits(s);
    if (folded !== null) return folded;
  }
  return foldWhole(s, cap);
}

function foldWhole(s: string, cap: number): string {
  const decomposed = s.normalize('NFKD');
  return (decomposed.length > cap ? decomposed.slice(0, cap) : decomposed)
    .toLowerCase()
    .replace(MARKS_AND_INVISIBLE_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_FOLDS[c] ?? c);
}

const SHORT_TEXT = 64;
/** The longest NFKD decomposition of one UTF-16 unit ("ﷺ"). */
const MAX_DECOMPOSITION = 18;
/** What each UTF-16 unit folds to on its own, learnt on first sight (surrogates excepted). */
const UNIT_FOLDS = new Array<string | undefined>(0x10000);

/** `s` folded unit by unit, or null when it holds a surrogate (an emoji, a styled letter). */
function foldUnits(s: string): string | null {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return null;
    let folded = UNIT_FOLDS[unit];
    if (folded === undefined) {
      folded = foldWhole(String.fromCharCode(unit), Infinity);
      UNIT_FOLDS[unit] = folded;
    }
    out += folded;
  }
  return out;
}
