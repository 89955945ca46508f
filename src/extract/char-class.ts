// The Unicode categories the extractors ask about most (letter, mark, number, white space, upper
// and lower case), looked up per code point in a table instead of asked of a \p{…} regular
// expression at every character: the tokenizer and the language sample read every character of
// every ad. Each entry is learnt from the same regular expressions on first sight, so the answers
// are theirs.
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const SPACE = 8;
export const UPPER = 16;
export const LOWER = 32;
const KNOWN = 128;

const TESTS: [number, RegExp][] = [
  [LETTER, /^\p{L}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
  [SPACE, /^\s$/u],
  [UPPER, /^\p{Lu}$/u],
  [LOWER, /^\p{Ll}$/u],
];

const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function learn(ch: string): number {
  let bits = KNOWN;
  for (const [bit, re] of TESTS) if (re.test(ch)) bits |= bit;
  return bits;
}

/** The category bits of the code point `cp` (a lone surrogate has none). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP[cp] as number;
    if (known !== 0) return known;
    const bits = cp >= 0xd800 && cp <= 0xdfff ? KNOWN : learn(String.fromCharCode(cp));
    BMP[cp] = bits;
    return bits;
  }
  let bits = ASTRAL.get(cp);
  if (bits === undefined) {
    bits = learn(String.fromCodePoint(cp));
    ASTRAL.set(cp, bits);
  }
  return bits;
}

/** The code point at UTF-16 offset `i` (a surrogate pair read as one, a lone surrogate as itself). */
export function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff)
      return (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
  }
  return unit;
}

/** How many UTF-16 units the code point takes. */
export const unitsOf = (cp: number): number => (cp >= 0x10000 ? 2 : 1);

/** The runs of letters in `text`, in order ("Hi, I'm Ana!" → Hi, I, m, Ana). */
export function letterRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    // ASCII answers without the table: only A–Z and a–z are letters there.
    const cp = unit < 0x80 ? unit : codePointAt(text, i);
    const letter =
      unit < 0x80 ? (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a : (classOf(cp) & LETTER) !== 0;
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      runs.push(text.slice(start, i));
      start = -1;
    }
    i += unitsOf(cp);
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}
