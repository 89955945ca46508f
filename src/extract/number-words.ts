// Numbers written as words in the nine ad languages (nl, en, de, fr, es, ro, pl, hu, bg), the way
// ads spell out phone numbers and ages to dodge filters: "nul zes twaalf", "zero six 12 34",
// "vierendertig", "harmincnégy", "dix-sept". Compounds are split by dictionary segmentation and
// joined back into digit groups ("thirty four" → "34"), so the phone and age extractors see digits.
import { fold } from '../text/index.js';

export type NumberAtomType =
  'unit' | 'teen' | 'tens' | 'tensPrefix' | 'teenPrefix' | 'conn' | 'plus';

export interface NumberAtom {
  t: NumberAtomType;
  v: number;
  /** The folded dictionary word (connectors are told apart by it). */
  w: string;
}

// Written in their usual spelling; folded when the dictionary is built. Bulgarian also in Latin
// letters (nula, edno, dve, tri, chetiri, pet, shest, sedem, osem, devet).
const UNITS: string[][] = [
  ['zero', 'nul', 'null', 'nulla', 'cero', 'zéro', 'нула', 'nula'],
  [
    'one',
    'een',
    'één',
    'ein',
    'eins',
    'eine',
    'un',
    'une',
    'uno',
    'una',
    'unu',
    'jeden',
    'jedna',
    'jedno',
    'egy',
    'едно',
    'един',
    'една',
    // Bulgarian in Latin letters, as ads write it to dodge Cyrillic filters.
    'edno',
    'edin',
    'edna',
  ],
  [
    'two',
    'twee',
    'zwei',
    'zwo',
    'deux',
    'dos',
    'doi',
    'două',
    'dwa',
    'dwie',
    'kettő',
    'két',
    'две',
    'два',
    'dve',
    'dva',
  ],
  ['three', 'drie', 'drei', 'trois', 'tres', 'trei', 'trzy', 'három', 'три', 'tri'],
  ['four', 'vier', 'quatre', 'cuatro', 'patru', 'cztery', 'négy', 'четири', 'chetiri', 'četiri'],
  ['five', 'vijf', 'fünf', 'fuenf', 'cinq', 'cinco', 'cinci', 'pięć', 'öt', 'пет', 'pet'],
  ['six', 'zes', 'sechs', 'seis', 'șase', 'şase', 'sześć', 'hat', 'шест', 'shest'],
  [
    'seven',
    'zeven',
    'sieben',
    'sept',
    'siete',
    'șapte',
    'şapte',
    'siedem',
    'hét',
    'седем',
    'sedem',
  ],
  ['eight', 'acht', 'huit', 'ocho', 'opt', 'osiem', 'nyolc', 'осем', 'osem'],
  ['nine', 'negen', 'neun', 'neuf', 'nueve', 'nouă', 'dziewięć', 'kilenc', 'девет', 'devet'],
];
const TEENS: string[][] = [
  ['ten', 'tien', 'zehn', 'dix', 'diez', 'zece', 'dziesięć', 'tíz', 'десет'],
  ['eleven', 'elf', 'onze', 'once', 'unsprezece', 'jedenaście', 'единадесет'],
  [
    'twelve',
    'twaalf',
    'zwölf',
    'douze',
    'doce',
    'doisprezece',
    'douăsprezece',
    'dwanaście',
    'дванадесет',
  ],
  [
    'thirteen',
    'dertien',
    'dreizehn',
    'treize',
    'trece',
    'treisprezece',
    'trzynaście',
    'тринадесет',
  ],
  [
    'fourteen',
    'veertien',
    'vierzehn',
    'quatorze',
    'catorce',
    'paisprezece',
    'patrusprezece',
    'czternaście',
    'четиринадесет',
  ],
  [
    'fifteen',
    'vijftien',
    'fünfzehn',
    'quinze',
    'quince',
    'cincisprezece',
    'piętnaście',
    'петнадесет',
  ],
  [
    'sixteen',
    'zestien',
    'sechzehn',
    'seize',
    'dieciséis',
    'șaisprezece',
    'şaisprezece',
    'szesnaście',
    'шестнадесет',
  ],
  [
    'seventeen',
    'zeventien',
    'siebzehn',
    'diecisiete',
    'șaptesprezece',
    'siedemnaście',
    'седемнадесет',
  ],
  ['eighteen', 'achttien', 'achtzehn', 'dieciocho', 'optsprezece', 'osiemnaście', 'осемнадесет'],
  [
    'nineteen',
    'negentien',
    'neunzehn',
    'diecinueve',
    'nouăsprezece',
    'dziewiętnaście',
    'деветнадесет',
  ],
];
const TENS: Record<number, string[]> = {
  20: [
    'twenty',
    'twintig',
    'zwanzig',
    'vingt',
    'vingts',
    'veinte',
    'douăzeci',
    'dwadzieścia',
    'húsz',
    'двадесет',
  ],
  30: [
    'thirty',
    'dertig',
    'dreißig',
    'dreissig',
    'trente',
    'treinta',
    'treizeci',
    'trzydzieści',
    'harminc',
    'тридесет',
  ],
  40: [
    'forty',
    'fourty',
    'veertig',
    'vierzig',
    'quarante',
    'cuarenta',
    'patruzeci',
    'czterdzieści',
    'negyven',
    'четиридесет',
  ],
  50: [
    'fifty',
    'vijftig',
    'fünfzig',
    'cinquante',
    'cincuenta',
    'cincizeci',
    'pięćdziesiąt',
    'ötven',
    'петдесет',
  ],
  60: [
    'sixty',
    'zestig',
    'sechzig',
    'soixante',
    'sesenta',
    'șaizeci',
    'sześćdziesiąt',
    'hatvan',
    'шестдесет',
  ],
  70: [
    'seventy',
    'zeventig',
    'siebzig',
    'septante',
    'setenta',
    'șaptezeci',
    'siedemdziesiąt',
    'hetven',
    'седемдесет',
  ],
  80: [
    'eighty',
    'tachtig',
    'achtzig',
    'huitante',
    'octante',
    'ochenta',
    'optzeci',
    'osiemdziesiąt',
    'nyolcvan',
    'осемдесет',
  ],
  90: [
    'ninety',
    'negentig',
    'neunzig',
    'nonante',
    'noventa',
    'nouăzeci',
    'dziewięćdziesiąt',
    'kilencven',
    'деветдесет',
  ],
};
// Forms that only occur glued to a following unit: "veinti|cuatro", "huszon|három", "dieci|séis",
// "tizen|kettő".
const TENS_PREFIX: Record<number, string[]> = { 20: ['veinti', 'huszon'] };
const TEEN_PREFIX: Record<number, string[]> = { 10: ['dieci', 'tizen'] };
const CONNECTORS = ['and', 'en', 'und', 'et', 'y', 'și', 'şi', 'и'];
const PLUS_WORDS = ['plus', 'plusz', 'плюс', 'más'];

const DICT = new Map<string, NumberAtom>();
function add(words: string[], t: NumberAtomType, v: number): void {
  for (const word of words) {
    const w = fold(word);
    if (!DICT.has(w)) DICT.set(w, { t, v, w });
  }
}
UNITS.forEach((words, v) => add(words, 'unit', v));
TEENS.forEach((words, i) => add(words, 'teen', 10 + i));
for (const [v, words] of Object.entries(TENS)) add(words, 'tens', Number(v));
for (const [v, words] of Object.entries(TENS_PREFIX)) add(words, 'tensPrefix', Number(v));
for (const [v, words] of Object.entries(TEEN_PREFIX)) add(words, 'teenPrefix', Number(v));
add(CONNECTORS, 'conn', 0);
add(PLUS_WORDS, 'plus', 0);

const MAX_ENTRY = Math.max(...[...DICT.keys()].map((k) => k.length));
const HEADS = new Set([...DICT.keys()].map((k) => k.slice(0, 2)));
/**
 * For each two-letter head, the longest entry that starts with it, and the entries of one letter:
 * where a piece can start and how long it can be, so segmenting tries only those lengths.
 */
const LONGEST_FROM_HEAD = new Map<string, number>();
for (const k of DICT.keys()) {
  if (k.length < 2) continue;
  const head = k.slice(0, 2);
  LONGEST_FROM_HEAD.set(head, Math.max(LONGEST_FROM_HEAD.get(head) ?? 0, k.length));
}

/** Cheap pre-check: could this folded word start with a number word at all? */
export function mayBeNumberWords(folded: string): boolean {
  return HEADS.has(folded.slice(0, 2));
}
/** Longest letter run worth segmenting; longer runs are never number words. */
const MAX_SEGMENTED = 48;

/**
 * Splits a folded letter run into number words, fewest pieces first ("vierendertig" →
 * vier|en|dertig), or returns null if it is not made only of number words. Dynamic programming over
 * at most MAX_SEGMENTED × MAX_ENTRY steps, so bounded per word.
 */
export function segmentNumberWords(folded: string): NumberAtom[] | null {
  const n = folded.length;
  if (n === 0 || n > MAX_SEGMENTED || !HEADS.has(folded.slice(0, 2))) return null;
  const direct = DICT.get(folded);
  if (direct) return [direct];
  const best: (number | undefined)[] = new Array<number | undefined>(n + 1);
  const prev: number[] = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const bi = best[i];
    if (bi === undefined) continue;
    // Only the lengths an entry could have here: one letter, or up to the longest entry with
    // these two letters at its head (the other lengths would find nothing).
    const longest = Math.min(LONGEST_FROM_HEAD.get(folded.slice(i, i + 2)) ?? 1, MAX_ENTRY);
    for (let len = 1; len <= longest && i + len <= n; len++) {
      if (!DICT.has(folded.slice(i, i + len))) continue;
      const bj = best[i + len];
      if (bj === undefined || bi + 1 < bj) {
        best[i + len] = bi + 1;
        prev[i + len] = i;
      }
    }
  }
  if (best[n] === undefined) return null;
  const atoms: NumberAtom[] = [];
  for (let j = n; j > 0; j = prev[j] ?? 0) {
    const i = prev[j] ?? 0;
    const atom = DICT.get(folded.slice(i, j));
    if (!atom) return null;
    atoms.push(atom);
  }
  atoms.reverse();
  // A word glued together from connectors only ("eny") is no number; a lone connector ("en",
  // "und") is returned by the direct lookup above, since it joins "vier en dertig".
  return atoms.some((a) => a.t !== 'conn') ? atoms : null;
}

export function lookupNumberWord(word: string): NumberAtom | undefined {
  return DICT.get(fold(word));
}

/** One atom in a sequence, with whatever the caller needs to carry along (offsets, gaps). */
export interface SequencedAtom<T> {
  atom: NumberAtom;
  data: T;
}

export interface CombinedGroup<T> {
  /** Digits this group stands for ("34" for "vierendertig", "0" for "nul"), or "+" for a plus. */
  digits: string;
  first: T;
  last: T;
}

const UNIT_FIRST_CONNECTORS = new Set(['en', 'und']);

/**
 * Joins number atoms into digit groups following each language's order: tens + unit ("thirty
 * four", "trente-quatre", "treinta y cuatro", "harminc|négy"), unit + en/und + tens (Dutch and
 * German "vier|en|dertig"), French vigesimals ("quatre-vingt", "soixante-dix", "dix-sept").
 * Stray connectors are dropped. Linear: each step consumes at least one atom.
 */
export function combineNumberAtoms<T>(seq: SequencedAtom<T>[]): CombinedGroup<T>[] {
  const out: CombinedGroup<T>[] = [];
  const at = (k: number): NumberAtom | undefined => seq[k]?.atom;
  let i = 0;
  while (i < seq.length) {
    const cur = seq[i];
    if (!cur) break;
    const a = cur.atom;
    const emit = (digits: string, lastIndex: number): void => {
      const last = seq[lastIndex] ?? cur;
      out.push({ digits, first: cur.data, last: last.data });
      i = lastIndex + 1;
    };
    if (a.t === 'plus') {
      emit('+', i);
      continue;
    }
    if (a.t === 'conn') {
      i += 1;
      continue;
    }
    let tens = a.t === 'tens' || a.t === 'tensPrefix' ? a.v : -1;
    let j = i;
    if (a.t === 'unit') {
      const n1 = at(i + 1);
      const n2 = at(i + 2);
      if (n1?.t === 'conn' && UNIT_FIRST_CONNECTORS.has(n1.w) && n2?.t === 'tens' && a.v > 0) {
        emit(String(n2.v + a.v), i + 2);
        continue;
      }
      if (a.v === 4 && n1?.t === 'tens' && n1.v === 20) {
        tens = 80; // quatre-vingt(s)
        j = i + 1;
      } else {
        emit(String(a.v), i);
        continue;
      }
    }
    if (a.t === 'teen' || a.t === 'teenPrefix') {
      const n1 = at(i + 1);
      if (a.v === 10 && n1?.t === 'unit' && (a.t === 'teenPrefix' ? n1.v > 0 : n1.v >= 7)) {
        emit(String(10 + n1.v), i + 1);
      } else {
        emit(String(a.v), i);
      }
      continue;
    }
    // tens (possibly 80 from quatre-vingt): optional connector, then a unit or (60/80) a teen.
    let k = j + 1;
    if (at(k)?.t === 'conn') k += 1;
    const next = at(k);
    if (next?.t === 'unit' && next.v > 0) {
      emit(String(tens + next.v), k);
    } else if (next?.t === 'teen' && (tens === 60 || tens === 80)) {
      const after = at(k + 1);
      if (next.v === 10 && after?.t === 'unit' && after.v >= 7)
        emit(String(tens + 10 + after.v), k + 1);
      else emit(String(tens + next.v), k);
    } else {
      emit(String(tens), j);
    }
  }
  return out;
}
