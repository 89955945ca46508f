// The language an ad is written in (franc, trigram statistics) and the languages the person says
// they speak ("speak English, Deutsch", "ik spreek Nederlands en Engels", "vorbesc engleza").
// franc's ranking (computed by trigram-ranking.ts, the same figures faster) reads at most 2,048
// characters, and detection reads at most DETECT_CAP, so it is bounded whatever the ad's length.
import { letterRuns } from './char-class.js';
import type { LanguageFact, SpanField, SpokenLanguageFact } from './schema.js';
import { fold } from '../text/index.js';
import { languageEvidence } from './language-evidence.js';
import { foldedSet, wellFormed, type Token } from './text.js';
import { trigramRanker } from './trigram-ranking.js';

/** The language most ads of a country are written in: only a tie-breaker, never the answer alone. */
const COUNTRY_LANGUAGE: Record<string, string> = {
  NL: 'nl', BE: 'nl', DE: 'de', AT: 'de', CH: 'de', FR: 'fr', ES: 'es', IT: 'it', PT: 'pt', GB: 'en',
  IE: 'en', US: 'en', RO: 'ro', MD: 'ro', PL: 'pl', HU: 'hu', BG: 'bg', CZ: 'cs', SK: 'sk', RU: 'ru',
}; // prettier-ignore

// Languages franc may choose from: the ones seen on European ad boards. franc's cost grows with the
// number of candidate languages written in the winning script, so the Latin-script list is kept to
// the languages that matter here; other scripts (Cyrillic, Greek, Arabic, Thai, Chinese) are cheap.
const ISO3_TO_1: Record<string, string> = {
  nld: 'nl', eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ron: 'ro', pol: 'pl', hun: 'hu', bul: 'bg',
  ita: 'it', por: 'pt', ces: 'cs', slk: 'sk', tur: 'tr', rus: 'ru', ukr: 'uk', srp: 'sr', mkd: 'mk',
  ell: 'el', arb: 'ar', tha: 'th', cmn: 'zh',
}; // prettier-ignore
const ONLY = Object.keys(ISO3_TO_1);
const rankLanguages = trigramRanker(ONLY);
/** Enough text to tell the language of an ad; franc itself stops at 2,048. */
const DETECT_CAP = 600;

/** ISO 639-1 for a 639-3 code where one exists, else the 639-3 code itself. */
export function toIso6391(iso3: string): string {
  return ISO3_TO_1[iso3] ?? iso3;
}

/** How much one function word, and one letter only a language writes, adds to franc's score. */
const WORD_WEIGHT = 0.12;
const LETTER_WEIGHT = 0.2;
/** Below this many words, an ad needs its own evidence, not trigrams alone, to be given a language. */
const SHORT_WORDS = 6;

/**
 * The language of the ad as one fact spanning the text it was read from, or null when the text
 * does not say: franc's trigram scores, with the ad's function words and the letters only one
 * language writes added, and the ad's country as a tie-breaker. "Unknown" rather than a guess.
 */
export function detectLanguage(
  text: string,
  field: SpanField,
  country?: string,
): LanguageFact | null {
  const sample = text.slice(0, DETECT_CAP);
  // The sample's words (runs of letters) and the letters alone, the words joined by spaces.
  const words = letterRuns(sample);
  const letters = words.join(' ');
  if (letters.length < 12) return null;
  const evidence = languageEvidence(letters, words);
  const ranked = rankLanguages(letters, 12);
  if (!ranked[0] || ranked[0][0] === 'und') return null;
  const home = country ? COUNTRY_LANGUAGE[country] : undefined;
  const scored = ranked
    .map(([iso3, franc]) => {
      const lang = toIso6391(iso3);
      const words = Math.min(evidence.words.get(lang) ?? 0, 8);
      const own = Math.min(evidence.letters.get(lang) ?? 0, 4);
      const score = franc + WORD_WEIGHT * words + LETTER_WEIGHT * own + (lang === home ? 0.02 : 0);
      return { iso3, lang, score, words, own };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return null;
  // A short text with nothing of its own in the winner's words is a guess.
  if (evidence.total < SHORT_WORDS && best.words === 0 && best.own === 0) return null;
  const confidence = Math.max(0, Math.min(1, best.score - (second?.score ?? 0)));
  return {
    kind: 'language',
    value: best.lang,
    // Cut by code points: half an emoji is not a string PostgreSQL's jsonb will store.
    raw: text.length > 80 ? `${wellFormed(firstCodePoints(text.slice(0, 81), 80))}…` : text,
    span: { field, start: 0, end: text.length },
    rule: best.words > 0 || best.own > 0 ? 'language.franc_words' : 'language.franc',
    iso6393: best.iso3,
    confidence: Math.round(confidence * 1000) / 1000,
  };
}

/** The first `count` code points of `text` (a surrogate pair counts as one). */
function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) {
    const unit = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    end += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return text.slice(0, end);
}

// Language names as written in the nine ad languages (folded), with the ISO 639-1 code.
const LANGUAGE_NAMES: Record<string, string[]> = {
  en: ['english', 'engels', 'englisch', 'anglais', 'ingles', 'engleza', 'angielski', 'angielsku', 'angol', 'angolul', 'английски', 'en', 'eng'],
  nl: ['dutch', 'nederlands', 'hollands', 'niederlandisch', 'hollandisch', 'neerlandais', 'holandes', 'neerlandeza', 'olandeza', 'niderlandzki', 'holenderski', 'holendersku', 'holland', 'hollandul', 'нидерландски', 'холандски', 'nl'],
  de: ['german', 'duits', 'deutsch', 'allemand', 'aleman', 'germana', 'niemiecki', 'niemiecku', 'nemet', 'nemetul', 'немски', 'de'],
  fr: ['french', 'frans', 'franzosisch', 'francais', 'frances', 'franceza', 'francuski', 'francusku', 'francia', 'franciaul', 'френски', 'fr'],
  es: ['spanish', 'spaans', 'spanisch', 'espagnol', 'espanol', 'castellano', 'spaniola', 'hiszpanski', 'hiszpansku', 'spanyol', 'spanyolul', 'испански', 'es'],
  ro: ['romanian', 'roemeens', 'rumanisch', 'roumain', 'rumano', 'romana', 'romaneste', 'rumunski', 'rumunsku', 'roman', 'romanul', 'румънски', 'ro'],
  pl: ['polish', 'pools', 'polnisch', 'polonais', 'polaco', 'poloneza', 'polski', 'polsku', 'lengyel', 'lengyelul', 'полски', 'pl'],
  hu: ['hungarian', 'hongaars', 'ungarisch', 'hongrois', 'hungaro', 'maghiara', 'wegierski', 'wegiersku', 'magyar', 'magyarul', 'унгарски', 'hu'],
  bg: ['bulgarian', 'bulgaars', 'bulgarisch', 'bulgare', 'bulgaro', 'bulgara', 'bulgarski', 'bulgarsku', 'bolgar', 'bolgarul', 'български', 'bg'],
  ru: ['russian', 'russisch', 'russe', 'ruso', 'rusa', 'rosyjski', 'rosyjsku', 'orosz', 'oroszul', 'руски', 'ru'],
  it: ['italian', 'italiaans', 'italienisch', 'italien', 'italiano', 'italiana', 'wloski', 'wlosku', 'olasz', 'olaszul', 'италиански', 'it'],
  pt: ['portuguese', 'portugees', 'portugiesisch', 'portugais', 'portugues', 'portugheza', 'portugalski', 'portugal', 'portugalul', 'португалски', 'pt'],
  uk: ['ukrainian', 'oekraiens', 'ukrainisch', 'ukrainien', 'ucraniano', 'ucraineana', 'ukrainski', 'ukrainsku', 'ukran', 'ukranul', 'украински', 'ua'],
  tr: ['turkish', 'turks', 'turkisch', 'turc', 'turco', 'turca', 'turecki', 'turecku', 'torok', 'torokul', 'турски', 'tr'],
}; // prettier-ignore
const NAME_TO_CODE = new Map<string, string>();
for (const [code, names] of Object.entries(LANGUAGE_NAMES)) {
  for (const n of names) NAME_TO_CODE.set(fold(n), code);
}
// Two-letter codes count only right after a trigger ("talen: NL, EN"), never as words in a list.
const CODE_LIKE = new Set(
  Object.values(LANGUAGE_NAMES).flatMap((names) => names.filter((n) => n.length <= 3)),
);
const TRIGGERS = foldedSet(
  (
    'speak speaks spoken speaking language languages spreek spreekt spreken talen taal sprechen ' +
    'spreche spricht sprachen sprache parle parlons langues langue hablo habla idiomas idioma ' +
    'vorbesc vorbeste limbi limba mowie mowi jezyki jezyk beszelek beszel nyelvek nyelv говоря ' +
    'говори езици език'
  ).split(' '),
);
const LIST_JOINERS = foldedSet([
  'en',
  'and',
  'und',
  'et',
  'y',
  'e',
  'si',
  'i',
  'es',
  'и',
  'a',
  'or',
  'of',
  '&',
  'po',
  'na',
  'le',
]);
const MAX_AFTER_TRIGGER = 10;

/** Languages the person says they speak: names after a trigger, or a list of two or more names. */
export function extractSpokenLanguages(
  text: string,
  tokens: Token[],
  field: SpanField,
): SpokenLanguageFact[] {
  const facts: SpokenLanguageFact[] = [];
  const seen = new Set<number>();
  const push = (k: number, code: string, rule: string): void => {
    const t = tokens[k];
    if (!t || seen.has(k)) return;
    seen.add(k);
    facts.push({
      kind: 'spoken_language',
      value: code,
      raw: text.slice(t.start, t.end),
      span: { field, start: t.start, end: t.end },
      rule,
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    if (TRIGGERS.has(tok.norm)) {
      for (let k = i + 1; k <= i + MAX_AFTER_TRIGGER && k < tokens.length; k++) {
        const t = tokens[k];
        if (!t || t.brk) break;
        const code = NAME_TO_CODE.get(t.norm);
        // Codes ("NL, EN") only in capitals: "és" (Hungarian "and") is no Spanish.
        const isCode = CODE_LIKE.has(t.norm);
        if (code && (!isCode || /^[A-Z]{2,3}$/.test(text.slice(t.start, t.end)))) {
          push(k, code, 'spoken_language.after_trigger');
        } else if (!LIST_JOINERS.has(t.norm) && !SKIPPABLE.has(t.norm) && k > i + 3) break;
      }
      continue;
    }
    // A list without a trigger: "English, Deutsch, Nederlands".
    const code = NAME_TO_CODE.get(tok.norm);
    if (!code || CODE_LIKE.has(tok.norm)) continue;
    let k = i + 1;
    if (tokens[k] && LIST_JOINERS.has(tokens[k]?.norm ?? '')) k++;
    const other = tokens[k];
    const otherCode = other && !other.brk ? NAME_TO_CODE.get(other.norm) : undefined;
    const after = tokens[k + 1];
    // "Romanian and Bulgarian girls" names nationalities, not languages.
    const isNationality = !!after && !after.brk && PEOPLE_NOUNS.has(after.norm);
    if (otherCode && other && !CODE_LIKE.has(other.norm) && otherCode !== code && !isNationality) {
      push(i, code, 'spoken_language.list');
      push(k, otherCode, 'spoken_language.list');
    }
  }
  return facts;
}
// Words allowed between a trigger and the names ("I speak a little English", "ik spreek goed Engels").
const SKIPPABLE = foldedSet(
  (
    'a little bit some fluent good well perfect goed vloeiend beetje wat ook also auch gut fliessend ' +
    'un peu bien couramment poco bien algo un pic putin bine troche dobrze plynnie kicsit jol folyekonyan ' +
    'малко добре only alleen nur seulement solo doar tylko csak само basic'
  ).split(' '),
);
const PEOPLE_NOUNS = foldedSet(
  (
    'girl girls lady ladies women woman babes models model escorts meiden meisjes dames vrouwen ' +
    'madchen damen frauen filles femmes chicas mujeres fete femei dziewczyny lanyok momicheta'
  ).split(' '),
);
