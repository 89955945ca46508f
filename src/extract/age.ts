// Stated ages in the nine ad languages ("19yo", "19 jaar", "19 ani", "19 lat", "19 años", "19 év",
// "neunzehn Jahre", "age: 19", "born 2006"), ranges ("19-21 jaar"), and the flags that matter most:
// minor (stated or implied under 18: urgent) and young (18–21). A bare number is an age only where
// the wording makes it one: after "I am" ("ik ben 19", "I am really only 16", Bulgarian "съм на
// 19"), in brackets after a name ("Anna (19)"), English "19 years," standing alone, Bulgarian
// ", на 19,". Phrases like "just turned 18" or "almost 18" are youthful language and belong to the
// lexicon, not here. Durations ("15 jaar ervaring"), client rules ("boven de 18 jaar") and numbers
// with a unit of time, money or size ("22 min", "22 cm") are not ages.
import { combineNumberAtoms, segmentNumberWords, type NumberAtom } from './number-words.js';
import type { AgeFact, SpanField } from './schema.js';
import { foldedSet, type Token } from './text.js';

// Units that make a number an age on their own.
const AGE_UNITS = foldedSet([
  'yo', 'jaar', 'jr', 'jarige', 'jahre', 'jahrige', 'ans', 'anos', 'ani', 'lat',
  'lata', 'ev', 'eves', 'evesen', 'години', 'годишна', 'godina', 'let',
  // Diminutives and "-year-old" adjectives: "22 latka", "22-letnia", "22 añitos", "22 годинки".
  'latka', 'latek', 'letnia', 'letni', 'anitos', 'anisori', 'годинки', 'годишен', 'год',
]); // prettier-ignore
// Bulgarian "22 г.": the abbreviation only with its dot (or at the end), never "22 гр" (grams).
const BG_YEAR_ABBREVIATION = 'г';
// English "years"/"year"/"yrs" only with "old" after or a first-person/age word before.
const YEAR_WORDS = new Set(['years', 'year', 'yrs', 'yr']);
// Before the number: it is a client rule or a duration, not the person's age.
const DECOY_BEFORE = foldedSet(
  (
    'boven over ab vanaf minimaal minimum min ouder older above under onder unter uber mindestens ' +
    'plus dessus mayores peste powyzej ponad felett nad над sinds since for seit depuis desde od ' +
    'от al already bereits deja ya vor ago geleden ' +
    // "Ervaring: 15 jaar" is a duration; "bijna 18" says under 18, not 18 (the lexicon reads it).
    'ervaring experience erfahrung experiencia experienta doswiadczenia doswiadczenie tapasztalat ' +
    'опит bijna almost nearly prawie aproape почти casi majdnem fast presque'
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
  ['съм'],
]; // prettier-ignore
// Between "I am" and the number: "I am really only 16", "ik ben eigenlijk pas 16", Bulgarian
// "съм (само) на 16" (на is how Bulgarian states an age).
const FIRST_PERSON_FILLERS = foldedSet([
  'really', 'only', 'just', 'actually', 'still', 'eigenlijk', 'pas', 'net', 'nog', 'maar', 'echt',
  'само', 'още', 'всъщност', 'на', 'solo', 'doar', 'csak', 'tylko', 'dopiero', 'nur', 'erst',
  'eigentlich', 'wirklich', 'seulement', 'vraiment', 'juste',
]); // prettier-ignore
// Words after which a capitalised word is a name, so "Anna (22)" is her age: "ik ben Anna (22)",
// "me llamo", "mă numesc", "mam na imię", "казвам се", "my name is".
const NAME_INTRO = foldedSet([
  'ben', 'am', 'im', 'bin', 'suis', 'soy', 'sunt', 'jestem', 'съм', 'is', 'heet', 'llamo', 'numesc',
  'imie', 'се', 'е', 'here', 'hier', 'aqui', 'aici', 'itt', 'tu', 'тук',
]); // prettier-ignore
// Capitalised words that count things in brackets on ad pages: "Foto's (12)", "Reviews (15)".
const NOT_NAMES = foldedSet(
  (
    'fotos foto photos photo pics pictures videos video reviews review recensies reacties ' +
    'comments kommentare bewertungen opinie comentarios comentarii отзиви kepek velemenyek ' +
    'ads advertenties anzeigen anuncios anunturi ogloszenia обяви hirdetesek room kamer zimmer ' +
    'habitacion camera pokoj стая szoba size maat grosse talla marime rozmiar размер meret girls ' +
    'meiden chicas fete dziewczyny момичета lanyok age leeftijd alter edad varsta wiek kor ' +
    'new nieuw neu nuevo nou nowa ново uj top vip total massage masaje masaj masaz масаж ' +
    'masszazs incall outcall escort service services price prices prijs prijzen preis preise ' +
    'precio precios pret preturi cena ceny цена цени ar arak tarief tarieven tarif tarifa ' +
    'tarife cennik uur hour hours stunde hora ora godzina час perc tel telefon phone'
  ).split(' '),
);
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
// After a bare number: time, money, size, counts. "I am 22 min from the station" is no age.
const NON_AGE_UNITS = foldedSet(
  (
    'min mins minuten minutes minuto minutos minute minut minuty perc мин минути uur hour hours ' +
    'hora horas ora ore godz godzin godziny час часа часове u h sec seconds dagen days dias ' +
    'zile dni nap дни euro eur euros lei ron zl pln лв bgn ft huf usd dollar cm mm m kg kilo kilos ' +
    'lbs km x keer times procent percent girls meiden chicas fete dziewczyny lanyok момичета'
  ).split(' '),
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
    // "22 years old", "22 years young"; "21 years of age" (the span ends at "of age").
    const ofAge = YEAR_WORDS.has(tok.norm) && next?.norm === 'of' && tokens[i + 2]?.norm === 'age';
    const yearsOld =
      YEAR_WORDS.has(tok.norm) && (next?.norm === 'old' || next?.norm === 'young' || ofAge);
    // "23yrs", "23yr": the abbreviation written onto the number is an age as it stands.
    const attachedYears =
      (tok.norm === 'yrs' || tok.norm === 'yr') &&
      tokens[i - 1]?.type === 'num' &&
      tokens[i - 1]!.end === tok.start;
    const isUnit =
      tok.type === 'word' &&
      ((AGE_UNITS.has(tok.norm) && !tok.brk) ||
        (tok.norm === BG_YEAR_ABBREVIATION &&
          !tok.brk &&
          (text.charAt(tok.end) === '.' || tok.end === text.length)) ||
        (tok.norm === 'y' && nextIsO) ||
        (YEAR_WORDS.has(tok.norm) &&
          (yearsOld ||
            attachedYears ||
            firstPersonBefore(tokens, i) ||
            bareYears(text, tokens, i))));
    if (isUnit) {
      const ageWord = ofAge ? tokens[i + 2] : undefined;
      const unitEnd = ageWord
        ? ageWord.end
        : (tok.norm === 'y' || yearsOld) && next
          ? next.end
          : tok.end;
      const afterIdx = ofAge ? i + 3 : tok.norm === 'y' || yearsOld ? i + 2 : i + 1;
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
        (!n.brk || labelOnItsLine(text, tokens, i)) &&
        !used.has(i + 1) &&
        !isNonAgeUnit(text, tokens, i + 2)
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
        !isNonAgeUnit(text, tokens, fp + 1) &&
        !AGE_UNITS.has(tokens[fp + 1]?.norm ?? '') &&
        !YEAR_WORDS.has(tokens[fp + 1]?.norm ?? '')
      ) {
        used.add(fp);
        facts.push(ageFact(text, field, tok.start, n.end, v, v, 'number', 'age.first_person'));
      }
      continue;
    }
    if (tok.type === 'num' && !used.has(i) && (field === 'title' || field === 'displayName')) {
      const v = plainInt(tok);
      if (v !== null && v >= 12 && v <= 69 && titleSegmentAge(text, tokens, i)) {
        used.add(i);
        facts.push(ageFact(text, field, tok.start, tok.end, v, v, 'number', 'age.title'));
        continue;
      }
    }
    if (tok.type === 'num' && !used.has(i)) {
      const v = plainInt(tok);
      const start = v !== null && v >= 12 && v <= 69 ? agedNumberStart(text, tokens, i) : null;
      if (v !== null && start !== null) {
        used.add(i);
        const bracket = text.charAt(tok.end) === ')';
        const end = bracket ? tok.end + 1 : tok.end;
        facts.push(
          ageFact(text, field, start, end, v, v, 'number', bracket ? 'age.name' : 'age.bg_na'),
        );
      }
    }
  }
  return facts;
}

/**
 * A form laid out in lines or cells: "Age" on one line, "23" on the next. The label must end its
 * line (a colon may follow) and the number stand alone on its own, so running text across a line
 * break ("my age\n23 cm") is not read as one.
 */
function labelOnItsLine(text: string, tokens: Token[], labelIdx: number): boolean {
  const label = tokens[labelIdx];
  const num = tokens[labelIdx + 1];
  if (!label || !num) return false;
  if (!/^[ \t:：]*\n[\s:：]*$/.test(text.slice(label.end, num.start))) return false;
  const after = tokens[labelIdx + 2];
  return !after || after.brk || /\n|\|/.test(text.slice(num.end, after.start));
}

/**
 * "Sweet Lily - 22", "Nina | 19 | Amsterdam", "Lena – 17": in a title, a number that is a segment
 * of its own after a name, set off by a dash, a bar or a comma, is the age the site's form put
 * there. A count or a room ("Studio 54 - …", "24/7") is not set off that way.
 */
function titleSegmentAge(text: string, tokens: Token[], i: number): boolean {
  const num = tokens[i];
  const before = tokens[i - 1];
  if (!num || !before || before.type !== 'word' || !/^\d{2}$/.test(num.norm)) return false;
  if (!/^\s*[-–—|,]\s*$/.test(text.slice(before.end, num.start))) return false;
  const after = tokens[i + 1];
  if (!after) return text.slice(num.end).trim() === '';
  return /^\s*[-–—|,]\s/.test(text.slice(num.end, after.start));
}

/**
 * Where the evidence starts if the bare number at `i` is an age by its wording, else null:
 *  - in brackets right after a name: "Anna (22)", "Ik ben Anna Maria (22)", "Eszter vagyok (22)";
 *  - Bulgarian ", на 22," after a name ("Тук е Мария, на 22, …"), the number standing alone.
 */
function agedNumberStart(text: string, tokens: Token[], i: number): number | null {
  const num = tokens[i];
  const prev = tokens[i - 1];
  if (!num || !prev || num.brk || !/^[1-9]\d$/.test(num.norm)) return null;
  const gap = text.slice(prev.end, num.start);
  if (/^ ?\($/.test(gap) && text.charAt(num.end) === ')') {
    // "Massage (60) 100 €", "Tel (31) 6 …": minutes or a country code, not an age.
    const after = tokens[i + 1];
    const unitAfter =
      after?.type === 'num' ||
      NON_AGE_UNITS.has(after?.norm ?? '') ||
      /\p{Sc}/u.test(after?.norm ?? '');
    if (after && !after.brk && unitAfter) return null;
    const name = nameEndingAt(text, tokens, prev.norm === 'vagyok' ? i - 2 : i - 1);
    return name === null ? null : (tokens[name]?.start ?? null);
  }
  if (prev.norm === 'на' && !prev.brk && /^\s+$/.test(gap) && standsAlone(text, tokens, i)) {
    const before = tokens[i - 2];
    const comma = before ? text.slice(before.end, prev.start) : '';
    if (before?.type === 'word' && before.upper && /^,\s+$/.test(comma)) return prev.start;
  }
  return null;
}

/**
 * Index of the first word of a name of one or two capitalised words ending at `end`, if the name
 * starts the field, a sentence or a phrase (after an emoji, colon or dash), or follows an
 * introduction ("ik ben").
 */
function nameEndingAt(text: string, tokens: Token[], end: number): number | null {
  const isName = (t: Token | undefined) =>
    !!t && t.type === 'word' && t.upper && t.norm.length >= 2 && !NOT_NAMES.has(t.norm);
  const last = tokens[end];
  if (!isName(last)) return null;
  let first = end;
  if (last && !last.brk && isName(tokens[end - 1]) && !NAME_INTRO.has(tokens[end - 1]?.norm ?? ''))
    first = end - 1;
  const head = tokens[first];
  if (!head) return null;
  const before = tokens[first - 1];
  if (!before || head.brk || before.type === 'sym') return first;
  if (/[:|•·–—]|\s-\s/.test(text.slice(before.end, head.start))) return first;
  return NAME_INTRO.has(before.norm) ? first : null;
}

/** The number at `idx` ends its phrase: a sentence end, a comma before a word, or the text's end. */
function standsAlone(text: string, tokens: Token[], idx: number): boolean {
  const num = tokens[idx];
  const next = tokens[idx + 1];
  if (!num) return false;
  if (!next || next.brk) return true;
  return next.type === 'word' && /^[,;.)]\s/.test(text.slice(num.end, next.start));
}

/**
 * English "22 years" with neither "old" nor "I am": an age only after a name or at the start of a
 * sentence ("Anna: 22 years, sweet", "Anna, 22 years.") and ending its phrase, so "in business
 * 15 years" and "15 years in the business" stay durations.
 */
function bareYears(text: string, tokens: Token[], unitIdx: number): boolean {
  const num = tokens[unitIdx - 1];
  if (!num || num.type !== 'num') return false;
  const before = tokens[unitIdx - 2];
  const lead =
    !before ||
    num.brk ||
    (before.type === 'word' && before.upper && /^[:,]\s*$/.test(text.slice(before.end, num.start)));
  return lead && standsAlone(text, tokens, unitIdx);
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

/** The token at `idx` is a unit or another number that makes the number before it no age. */
function isNonAgeUnit(text: string, tokens: Token[], idx: number): boolean {
  const t = tokens[idx];
  const num = tokens[idx - 1];
  if (!t || !num || t.brk) return false;
  // A sentence end before it ("I am 22. 100% real") though it starts with a digit.
  if (/[.!?]\s/.test(text.slice(num.end, t.start))) return false;
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

/** "ik ben 19", "I'm 19", "I am only 19": index of the number token if `i` starts such a phrase. */
function firstPersonNumber(tokens: Token[], i: number): number | null {
  for (const seq of FIRST_PERSON) {
    if (!seq.every((w, k) => tokens[i + k]?.norm === w && (k === 0 || !tokens[i + k]?.brk)))
      continue;
    let idx = i + seq.length;
    for (let f = 0; f < 2 && FIRST_PERSON_FILLERS.has(tokens[idx]?.norm ?? ''); f++) {
      if (tokens[idx]?.brk) return null;
      idx++;
    }
    const n = tokens[idx];
    return n && !n.brk && n.type === 'num' ? idx : null;
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
