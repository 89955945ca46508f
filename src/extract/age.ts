// Stated ages in the nine ad languages ("19yo", "19 jaar", "19 ani", "19 lat", "19 años", "19 év",
// "neunzehn Jahre", "age: 19", "born 2006"), ranges ("19-21 jaar"), and the flags that matter most:
// minor (stated or implied under 18: urgent) and young (18–21). Phrases like "just turned 18" are
// youthful language and belong to the lexicon, not here. Durations ("15 jaar ervaring") and client
// rules ("boven de 18 jaar") are not ages.
import { combineNumberAtoms, segmentNumberWords, type NumberAtom } from './number-words.js';
import type { AgeFact, SpanField } from './schema.js';
import { foldedSet, type Token } from './text.js';

// Units that make a number an age on their own.
const AGE_UNITS = foldedSet([
  'yo', 'jaar', 'jr', 'jarige', 'jahre', 'jahrige', 'ans', 'anos', 'ani', 'lat',
  'lata', 'ev', 'eves', 'evesen', 'години', 'годишна', 'godina', 'let',
]); // prettier-ignore
// English "years"/"year"/"yrs" only with "old" after or a first-person/age word before.
const YEAR_WORDS = new Set(['years', 'year', 'yrs', 'yr']);
// Before the number: it is a client rule or a duration, not the person's age.
const DECOY_BEFORE = foldedSet(
  (
    'boven over ab vanaf minimaal minimum min ouder older above under onder unter uber mindestens ' +
    'plus dessus mayores peste powyzej ponad felett nad над sinds since for seit depuis desde od ' +
    'от al already bereits deja ya vor ago geleden'
  ).split(' '),
);
const ARTICLES = new Set(['de', 'the', 'die', 'der', 'la', 'le', 'los', 'las']);
// After the unit: experience, time ago, "and older".
const DECOY_AFTER = foldedSet(
  (
    'ervaring experience erfahrung experiencia experienta doswiadczenia tapasztalat опит geleden ' +
    'ago her zuvor getrouwd married verheiratet felett alatt en and und et of or oder ou y si i es ' +
    'lang long actief active werkzaam'
  ).split(' '),
);
const AFTER_AND_OLDER = new Set(['ouder', 'older', 'alter', 'plus', 'mehr', 'more', 'meer']);
const PREFIX_WORDS = foldedSet([
  'age', 'aged', 'leeftijd', 'alter', 'edad', 'varsta', 'wiek', 'kor', 'eletkor', 'възраст', 'vek',
]); // prettier-ignore
const FIRST_PERSON: string[][] = [
  ['ik', 'ben'], ['i', 'am'], ['im'], ['ich', 'bin'], ['tengo'], ['sunt'], ['jestem'], ['je', 'suis'],
]; // prettier-ignore
const BORN_WORDS = foldedSet([
  'born', 'geboren', 'geb', 'ne', 'nee', 'nacida', 'nacido', 'nascuta', 'nascut', 'urodzona',
  'urodzony', 'rocznik', 'szuletett', 'szul', 'родена', 'роден', 'jahrgang', 'bj',
]); // prettier-ignore
const BORN_FILLERS = foldedSet([
  'in',
  'en',
  'im',
  'em',
  'w',
  'в',
  'el',
  'ano',
  'anul',
  'year',
  'jaar',
]);
const RANGE_WORDS = foldedSet(['tot', 'to', 'bis', 'a', 'do', 'до', 'es', 'and']);
const NON_AGE_UNITS = foldedSet(
  'min minuten minutes uur hour hours u h euro eur cm kg km x keer times procent'.split(' '),
);

export interface AgeOptions {
  field: SpanField;
  /** Year the ad was posted: "born 2006" is an age relative to it. */
  referenceYear: number;
}

function ageFact(
  text: string,
  field: SpanField,
  start: number,
  end: number,
  min: number,
  max: number,
  form: AgeFact['form'],
  rule: string,
  birthYear: number | null = null,
): AgeFact {
  const minor = min < 18;
  return {
    kind: 'age',
    value: min === max ? String(min) : `${min}-${max}`,
    raw: text.slice(start, end),
    span: { field, start, end },
    rule,
    min,
    max,
    minor,
    young: !minor && min <= 21,
    form,
    birthYear,
  };
}

const plainInt = (t: Token | undefined): number | null =>
  t && t.type === 'num' && /^\d{1,3}$/.test(t.norm) ? Number(t.norm) : null;

/** A number spelled out in the word tokens ending just before index `end` ("dix neuf"). */
function wordsNumberBefore(tokens: Token[], end: number): { value: number; index: number } | null {
  const seq: { atom: NumberAtom; data: number }[] = [];
  for (let k = end - 1; k >= 0 && k >= end - 3; k--) {
    const t = tokens[k];
    if (!t || t.type !== 'word') break;
    const atoms = segmentNumberWords(t.norm);
    if (!atoms) break;
    seq.unshift(...atoms.map((atom) => ({ atom, data: k })));
    if (tokens[k]?.brk) break;
  }
  if (seq.length === 0) return null;
  const groups = combineNumberAtoms(seq);
  const last = groups[groups.length - 1];
  if (!last || !/^\d{2}$/.test(last.digits)) return null;
  return { value: Number(last.digits), index: last.first };
}

/** Ages stated in free text. */
export function extractAges(text: string, tokens: Token[], options: AgeOptions): AgeFact[] {
  const { field, referenceYear } = options;
  const facts: AgeFact[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    const next = tokens[i + 1];
    // "y.o." / "y/o": the dot inside the abbreviation is no sentence break.
    const nextIsO = next?.norm === 'o' && /^[./]?$/.test(text.slice(tok.end, next.start));
    const isUnit =
      tok.type === 'word' &&
      ((AGE_UNITS.has(tok.norm) && !tok.brk) ||
        (tok.norm === 'y' && nextIsO) ||
        (YEAR_WORDS.has(tok.norm) && (next?.norm === 'old' || firstPersonBefore(tokens, i))));
    if (isUnit) {
      const unitEnd =
        tok.norm === 'y' && next
          ? next.end
          : YEAR_WORDS.has(tok.norm) && next?.norm === 'old'
            ? next.end
            : tok.end;
      const afterIdx =
        tok.norm === 'y' || (YEAR_WORDS.has(tok.norm) && next?.norm === 'old') ? i + 2 : i + 1;
      if (isDecoyAfter(tokens, afterIdx)) continue;
      const fact = numberBeforeUnit(text, tokens, i, unitEnd, field, used);
      if (fact) facts.push(fact);
      continue;
    }
    if (tok.type === 'word' && PREFIX_WORDS.has(tok.norm)) {
      const n = tokens[i + 1];
      const v = plainInt(n);
      if (
        n &&
        v !== null &&
        v >= 10 &&
        v <= 80 &&
        !n.brk &&
        !used.has(i + 1) &&
        !isNonAgeUnit(tokens, i + 2)
      ) {
        used.add(i + 1);
        facts.push(ageFact(text, field, tok.start, n.end, v, v, 'number', 'age.prefix'));
      }
      continue;
    }
    if (tok.type === 'word' && BORN_WORDS.has(tok.norm)) {
      let k = i + 1;
      if (tokens[k] && BORN_FILLERS.has(tokens[k]?.norm ?? '')) k++;
      const y = tokens[k];
      if (y && y.type === 'num' && /^\d{4}$/.test(y.norm) && !y.brk) {
        const year = Number(y.norm);
        const age = referenceYear - year;
        if (age >= 10 && age <= 80) {
          used.add(k);
          facts.push(
            ageFact(text, field, tok.start, y.end, age - 1, age, 'birth_year', 'age.born', year),
          );
        }
      }
      continue;
    }
    const fp = firstPersonNumber(tokens, i);
    if (fp !== null && !used.has(fp)) {
      const n = tokens[fp];
      const v = plainInt(n);
      if (
        n &&
        v !== null &&
        v >= 12 &&
        v <= 69 &&
        !isNonAgeUnit(tokens, fp + 1) &&
        !AGE_UNITS.has(tokens[fp + 1]?.norm ?? '')
      ) {
        used.add(fp);
        facts.push(ageFact(text, field, tok.start, n.end, v, v, 'number', 'age.first_person'));
      }
    }
  }
  return facts;
}

function numberBeforeUnit(
  text: string,
  tokens: Token[],
  unitIndex: number,
  unitEnd: number,
  field: SpanField,
  used: Set<number>,
): AgeFact | null {
  let unitIdx = unitIndex;
  // Romanian puts "de" between a number from 20 up and its noun: "22 de ani".
  const filler = tokens[unitIdx - 1]?.norm === 'de' && unit0IsAni(tokens[unitIdx]) ? 1 : 0;
  const n2 = tokens[unitIdx - 1 - filler];
  const unit = tokens[unitIdx];
  if (!n2 || !unit || unit.brk) return null;
  if (filler) unitIdx -= 1;
  const v2 = plainInt(n2);
  if (v2 !== null) {
    if (used.has(unitIdx - 1)) return null;
    if (!filler && text.slice(n2.end, unit.start).length > 2) return null;
    // A range: "19-21 jaar", "19 tot 21 jaar".
    const n1Direct = tokens[unitIdx - 2];
    const v1Direct = plainInt(n1Direct);
    let rangeStart: Token | null = null;
    let rangeIdx = -1;
    let v1: number | null = null;
    if (n1Direct && v1Direct !== null && /^\s*[-–]\s*$/.test(text.slice(n1Direct.end, n2.start))) {
      rangeStart = n1Direct;
      rangeIdx = unitIdx - 2;
      v1 = v1Direct;
    } else {
      const w = tokens[unitIdx - 2];
      const n1 = tokens[unitIdx - 3];
      const v = plainInt(n1);
      if (w && n1 && v !== null && RANGE_WORDS.has(w.norm) && !w.brk) {
        rangeStart = n1;
        rangeIdx = unitIdx - 3;
        v1 = v;
      }
    }
    if (rangeStart && v1 !== null && v1 >= 12 && v1 < v2 && v2 <= v1 + 15 && v2 <= 80) {
      if (isDecoyBefore(tokens, rangeIdx)) return null;
      used.add(unitIdx - 1);
      return ageFact(text, field, rangeStart.start, unitEnd, v1, v2, 'range', 'age.range');
    }
    if (v2 < 12 || v2 > 80) return null;
    if (isDecoyBefore(tokens, unitIdx - 1)) return null;
    used.add(unitIdx - 1);
    return ageFact(text, field, n2.start, unitEnd, v2, v2, 'number', 'age.unit');
  }
  const words = wordsNumberBefore(tokens, unitIdx);
  const first = words ? tokens[words.index] : undefined;
  if (words && first && words.value >= 12 && words.value <= 80) {
    if (isDecoyBefore(tokens, words.index)) return null;
    return ageFact(
      text,
      field,
      first.start,
      unitEnd,
      words.value,
      words.value,
      'words',
      'age.words',
    );
  }
  return null;
}

function unit0IsAni(t: Token | undefined): boolean {
  return t?.norm === 'ani';
}

function isDecoyBefore(tokens: Token[], numIdx: number): boolean {
  const num = tokens[numIdx];
  if (!num || num.brk) return false;
  let k = numIdx - 1;
  const prev = tokens[k];
  if (prev && ARTICLES.has(prev.norm)) k--;
  const word = tokens[k];
  if (!word) return false;
  const gapOk = !tokens[k + 1]?.brk;
  return gapOk && DECOY_BEFORE.has(word.norm);
}

function isDecoyAfter(tokens: Token[], idx: number): boolean {
  const t = tokens[idx];
  if (!t || t.brk) return false;
  if (t.norm === '+') return true;
  if (!DECOY_AFTER.has(t.norm)) return false;
  // "19 jaar en ik …" is still an age; only "18 jaar en ouder" / "20 years of experience" are not.
  if (['en', 'and', 'und', 'et', 'of', 'or', 'oder', 'ou', 'y', 'si', 'i', 'es'].includes(t.norm)) {
    const after = tokens[idx + 1];
    return !!after && AFTER_AND_OLDER.has(after.norm);
  }
  return true;
}

function isNonAgeUnit(tokens: Token[], idx: number): boolean {
  const t = tokens[idx];
  if (!t || t.brk) return false;
  return NON_AGE_UNITS.has(t.norm) || t.type === 'sym' || t.type === 'num';
}

function firstPersonBefore(tokens: Token[], unitIdx: number): boolean {
  for (const seq of FIRST_PERSON) {
    const start = unitIdx - 1 - seq.length;
    if (seq.every((w, k) => tokens[start + k]?.norm === w)) return true;
  }
  const prefix = tokens[unitIdx - 2];
  return !!prefix && PREFIX_WORDS.has(prefix.norm);
}

/** "ik ben 19", "I'm 19": index of the number token if `i` starts such a phrase. */
function firstPersonNumber(tokens: Token[], i: number): number | null {
  for (const seq of FIRST_PERSON) {
    if (!seq.every((w, k) => tokens[i + k]?.norm === w && (k === 0 || !tokens[i + k]?.brk)))
      continue;
    const idx = i + seq.length;
    const n = tokens[idx];
    return n && !n.brk ? idx : null;
  }
  return null;
}

/** The structured age field: "19", "19 jaar", "19-21". */
export function extractAgeField(text: string, tokens: Token[], referenceYear: number): AgeFact[] {
  const found = extractAges(text, tokens, { field: 'age', referenceYear });
  if (found.length > 0) return found;
  const m = /^\s*(\d{2})\s*(?:[-–]\s*(\d{2}))?\s*$/.exec(text.slice(0, 32));
  if (!m?.[1]) return [];
  const min = Number(m[1]);
  const max = m[2] ? Number(m[2]) : min;
  if (min < 10 || min > 80 || max < min || max > 80) return [];
  const start = text.indexOf(m[1]);
  const end = m[2] ? text.indexOf(m[2], start + 2) + 2 : start + 2;
  return [ageFact(text, 'age', start, end, min, max, m[2] ? 'range' : 'field', 'age.field')];
}
