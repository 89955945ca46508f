// What an ad's own words say about its language, beside franc's trigram statistics. Short ads (a
// sentence, a price list, a name and a place) give trigrams too little to go on: Romanian written
// without diacritics reads as French or Portuguese, Bulgarian as Macedonian, Russian as Bulgarian.
// Two kinds of evidence are cheap and hold across ads: the function words every sentence of a
// language needs (pronouns, "I am", articles, prepositions, the words of calling and meeting), and
// the letters only one of the candidate languages writes (ș ț ă, ą ę ł, ő ű, ы э ё, and a few endings).
import { fold } from '../text/index.js';

/** Frequent words of each language, folded (lower case, no accents), a few dozen each. */
const FUNCTION_WORDS: Record<string, string> = {
  nl: 'ik ben je jij u het een de en van voor met mij me bij graag niet ook maar wat zijn ze we wij jou jouw mijn naar heb hebt kan kun wil ontvang bel bellen alleen nieuw lieve meid afspraak',
  en: 'i im am the and you your my me for with to in is are be not only call new girl sweet waiting hi hello here near available come',
  de: 'ich bin du dich dir mich mir und der die das ein eine mit fur bei nur auch sehr nicht zu ruf an neu hallo komm bis meiner deine wohnung',
  fr: 'je suis tu te toi moi et le la les un une des de du pour avec chez tres pas vous mon ma appelle nouvelle salut bonjour ici',
  es: 'yo soy tu te mi y el la los las un una de del para con muy en no hola nueva llamame espero estoy aqui',
  it: 'io sono tu ti mi e il la lo le un una di della per con molto non ciao nuova chiamami aspetto sei anche ragazza ricevo',
  pt: 'eu sou voce te me e o a os as um uma de do da para com muito nao ola nova liga espero estou aqui',
  ro: 'eu sunt esti tu te ma mi si sau la in cu pe de din sa nu doar foarte fara pentru care este noua nou fata buna salut suna sunati astept acum numesc ofer vin ca pupici draguta',
  pl: 'ja jestem ty ci mnie mi i w z na do u dla sie nie tylko bardzo czesc nowa nowy zadzwon czekam zapraszam przyjmuje',
  hu: 'en vagyok te a az es egy nem is meg csak vagy nalam nalad szia uj hivj hivas varlak varom kedves fiatal lany',
  bg: 'аз съм ти те ме ми и в на за с от да не се ще още само тук сега нещо като във със обадете звънни чакам нова',
  ru: 'я ты тебя меня мне и в на с у не что это только очень жду звони привет новенькая принимаю себя',
};

/** Folded word → the languages whose function words hold it, in FUNCTION_WORDS' order. */
const WORD_LANGUAGES = new Map<string, string[]>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
  for (const word of new Set(list.split(' '))) {
    const langs = WORD_LANGUAGES.get(word);
    if (langs) langs.push(lang);
    else WORD_LANGUAGES.set(word, [lang]);
  }
}

/**
 * Letters that, among the candidate languages, only one writes, and endings only one uses:
 * Russian adjectives end in -ая/-ые/-ый, Bulgarian nouns carry the article -ът/-ят.
 */
const OWN_LETTERS: [string, RegExp][] = [
  ['ro', /[ășțşţ]/giu],
  ['pl', /[ąęłńśźż]/giu],
  ['hu', /[őű]/giu],
  ['ru', /[ыэё]|(?:ая|ые|ый)(?![\p{L}])/giu],
  ['bg', /(?:ът|ят)(?![\p{L}])/giu],
  ['de', /ß/gu],
];

export interface LanguageEvidence {
  /** Per language: how many of the text's words are its function words. */
  words: Map<string, number>;
  /** Per language: how many letters only it writes. */
  letters: Map<string, number>;
  /** How many words the text has. */
  total: number;
}

/**
 * Counts the evidence in a sample of the ad (the caller bounds its length), given as its words
 * (runs of letters) and as those words joined by spaces.
 */
export function languageEvidence(sample: string, sampleWords: readonly string[]): LanguageEvidence {
  const words = new Map<string, number>();
  for (const word of sampleWords) {
    const langs = WORD_LANGUAGES.get(fold(word));
    if (langs) for (const lang of langs) words.set(lang, (words.get(lang) ?? 0) + 1);
  }
  const total = sampleWords.length;
  const letters = new Map<string, number>();
  for (const [lang, re] of OWN_LETTERS) {
    const n = sample.match(re)?.length ?? 0;
    if (n > 0) letters.set(lang, n);
  }
  return { words, letters, total };
}
