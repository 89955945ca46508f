// A canary identity planted in ads to prove that no response leaks it: one synthetic Dutch mobile
// number written in every disguise extraction knows, an e-mail address (plain and spelled out)
// and a Telegram handle. `findCanary` finds any of them in any text, in any of those forms, so a
// test can search every response body for them.

/** The synthetic number, normalised. Its last eight digits are what `findCanary` looks for. */
export const CANARY_PHONE = '+31647182935';
const TAIL = '47182935';

/** Every form the number is planted in, by name (ad text; the structured phone field too). */
export const CANARY_PHONE_FORMS = {
  international: '+31 6 47182935',
  national: '0647182935',
  grouped: '06 47 18 29 35',
  spaced: '0 6 4 7 1 8 2 9 3 5',
  dotted: '06.47.18.29.35',
  dashed: '06-47182935',
  wordsNl: 'nul zes vier zeven een acht twee negen drie vijf',
  wordsEn: 'zero six four seven one eight two nine three five',
  lookalike: 'O6-47l8 2935',
  emoji: '0️⃣6️⃣4️⃣7️⃣1️⃣8️⃣2️⃣9️⃣3️⃣5️⃣',
  fullWidth: '０６４７１８２９３５',
} as const;

export const CANARY_EMAIL = 'lotte.kanarie@kanariepost.org';
export const CANARY_EMAIL_FORMS = {
  plain: CANARY_EMAIL,
  spelled: 'lotte.kanarie [at] kanariepost [dot] org',
} as const;
export const CANARY_HANDLE = '@kanarie_lotte';

const WORDS: Record<string, string[]> = {
  '0': ['zero', 'nul', 'o'],
  '1': ['one', 'een', 'één', 'l', 'i', '\\|', '!'],
  '2': ['two', 'twee'],
  '3': ['three', 'drie'],
  '4': ['four', 'vier'],
  '5': ['five', 'vijf'],
  '6': ['six', 'zes'],
  '7': ['seven', 'zeven'],
  '8': ['eight', 'acht'],
  '9': ['nine', 'negen'],
};
// Between two digits: anything that is neither a letter nor a digit (spaces, dots, dashes, the
// keycap marks of an emoji digit, a bullet would not be needed since a bullet replaces a digit).
const SEP = '[^\\p{L}\\p{N}]{0,4}';
const digit = (d: string) => `(?:${[d, ...(WORDS[d] ?? [])].join('|')})`;

const PATTERNS: [string, RegExp][] = [
  ['phone', new RegExp([...TAIL].map(digit).join(SEP), 'iu')],
  ['e-mail local part', /lotte[^\p{L}\p{N}]{0,6}kanarie/iu],
  ['e-mail domain', /kanarie[^\p{L}\p{N}]{0,3}post/iu],
  ['handle', /kanarie[^\p{L}\p{N}]{0,3}lotte/iu],
];

/** The first canary found in `text` (in any planted form), with the text around it; or null. */
export function findCanary(text: string): { canary: string; context: string } | null {
  // NFKC turns full-width digits into ASCII ones, as a reader's eye would.
  const normal = text.normalize('NFKC');
  for (const [canary, re] of PATTERNS) {
    const m = re.exec(normal);
    if (m) {
      const context = normal.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
      return { canary, context };
    }
  }
  return null;
}
