import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTREACH_LANGUAGES, type OutreachLanguage } from './languages.js';
import { optOutConfirmation } from './opt-out.js';
import { checkMessageSafety, LIST_CATEGORIES, loadSafetyLists, SafetyConfig } from './safety.js';

const first = (text: string, config?: Parameters<typeof checkMessageSafety>[1]) =>
  checkMessageSafety({ text, firstMessage: true }, config);
const hitTexts = (text: string, config?: Parameters<typeof checkMessageSafety>[1]) =>
  first(text, config).hits.map((h) => h.text);

describe('the word lists', () => {
  it('load for every language and cover every category', () => {
    const lists = loadSafetyLists();
    for (const lang of OUTREACH_LANGUAGES) {
      const list = lists.get(lang);
      expect(list?.language).toBe(lang);
      const categories = new Set(list?.terms.map((t) => t.category));
      for (const c of LIST_CATEGORIES) expect([lang, categories.has(c)]).toEqual([lang, true]);
    }
  });
});

// What an outreach worker would really write as a first message: none of it may be flagged, or
// supervisors learn to click "confirm" without reading.
const NEUTRAL: Record<OutreachLanguage, string> = {
  nl: 'Hoi Anna, ik zag je advertentie. Hoe gaat het met je? Je mag me altijd een berichtje sturen, ook als je alleen even wilt praten.',
  en: 'Hi Anna, I saw your ad. How are you doing? You can always send me a message, even if you just want to talk.',
  de: 'Hallo Anna, ich habe deine Anzeige gesehen. Wie geht es dir? Du kannst mir jederzeit schreiben, auch wenn du nur reden willst.',
  fr: "Salut Anna, j'ai vu ton annonce. Comment vas-tu ? Tu peux m'écrire quand tu veux, même juste pour parler.",
  es: 'Hola Anna, vi tu anuncio. ¿Cómo estás? Puedes escribirme cuando quieras, aunque solo sea para hablar.',
  ro: 'Bună Anna, am văzut anunțul tău. Ce mai faci? Îmi poți scrie oricând, chiar dacă vrei doar să vorbim.',
  pl: 'Cześć Anna, widziałam twoje ogłoszenie. Jak się masz? Możesz do mnie napisać kiedy chcesz, nawet żeby tylko porozmawiać.',
  hu: 'Szia Anna, láttam a hirdetésedet. Hogy vagy? Bármikor írhatsz nekem, akkor is, ha csak beszélgetni szeretnél.',
  bg: 'Здравей, Анна, видях обявата ти. Как си? Можеш да ми пишеш по всяко време, дори само за да поговорим.',
};

// A message per language that must be flagged, with the words expected.
const DANGEROUS: Record<OutreachLanguage, [string, string[]]> = {
  nl: [
    'Ben je slachtoffer van mensenhandel? De politie en de opvang kunnen helpen.',
    ['slachtoffer', 'mensenhandel', 'politie', 'opvang', 'helpen'],
  ],
  en: [
    'Are you a victim of human trafficking? Our shelter can rescue you, no police.',
    ['victim', 'human trafficking', 'shelter', 'rescue', 'police'],
  ],
  de: [
    'Bist du ein Opfer von Menschenhandel? Die Polizei und das Frauenhaus helfen.',
    ['Opfer', 'Menschenhandel', 'Polizei', 'Frauenhaus', 'helfen'],
  ],
  fr: [
    "Es-tu victime de la traite des êtres humains ? La police et l'association peuvent t'aider.",
    ['victime', 'traite des êtres humains', 'police', 'association', 'aider'],
  ],
  es: [
    '¿Eres víctima de trata de personas? La policía y la casa de acogida te ayudan.',
    ['víctima', 'trata de personas', 'policía', 'casa de acogida', 'ayudan'],
  ],
  ro: [
    'Ești victimă a traficului de persoane? Poliția și adăpostul te pot ajuta.',
    ['victimă', 'traficului de persoane', 'Poliția', 'adăpostul', 'ajuta'],
  ],
  pl: [
    'Czy jesteś ofiarą handlu ludźmi? Policja i schronisko mogą pomóc.',
    ['ofiarą', 'handlu ludźmi', 'Policja', 'schronisko', 'pomóc'],
  ],
  hu: [
    'Emberkereskedelem áldozata vagy? A rendőrség és a menedékhely segít.',
    ['Emberkereskedelem', 'áldozata', 'rendőrség', 'menedékhely', 'segít'],
  ],
  bg: [
    'Жертва ли си на трафик? Полицията и приютът могат да помогнат.',
    ['Жертва', 'трафик', 'Полицията', 'приютът', 'помогнат'],
  ],
};

describe('checkMessageSafety', () => {
  it.each(OUTREACH_LANGUAGES)('lets a neutral first message in %s through untouched', (lang) => {
    expect(first(NEUTRAL[lang]).hits).toEqual([]);
  });

  it.each(OUTREACH_LANGUAGES)('flags the dangerous words of a first message in %s', (lang) => {
    const [text, expected] = DANGEROUS[lang];
    const result = checkMessageSafety({ text, firstMessage: true, language: lang });
    expect(result.hits.map((h) => h.text)).toEqual(expected);
    expect(result.requiresConfirmation).toBe(true);
    for (const h of result.hits) {
      expect(text.slice(h.start, h.end)).toBe(h.text);
      expect(h.why).toMatch(/controller reads the phone/);
    }
  });

  it('says why for each hit, by category', () => {
    const [hit] = first('Wij zijn van de politie').hits;
    expect(hit).toMatchObject({ category: 'police', language: 'nl', term: 'politie' });
    expect(hit?.why).toMatch(/^Mentions the police\./);
  });

  it('ignores case and accents both ways', () => {
    expect(hitTexts('SLACHTOFFER')).toEqual(['SLACHTOFFER']);
    expect(hitTexts('Politia si procurorul')).toEqual(['Politia', 'procurorul']);
    expect(hitTexts('POLIȚIA')).toEqual(['POLIȚIA']);
    expect(hitTexts('Menschenhandler, MENSCHENHÄNDLER')).toHaveLength(2);
    expect(hitTexts('ПОЛИЦИЯТА')).toEqual(['ПОЛИЦИЯТА']);
    // Decomposed accents (e + combining acute) are the same word.
    expect(hitTexts('victime\u0301')).toEqual(['victime\u0301']);
  });

  it('matches inflections and compounds through the patterns', () => {
    expect(hitTexts('slachtoffers')).toEqual(['slachtoffers']);
    expect(hitTexts('vrouwenopvang')).toEqual(['vrouwenopvang']);
    expect(hitTexts('Zwangsprostitution')).toEqual(['Zwangsprostitution']);
    expect(hitTexts('trafficked')).toEqual(['trafficked']);
  });

  it('matches whole words only, and not words that merely look alike', () => {
    const innocent = [
      'politiek', // politics, not politie
      'zwanglos', // casual, not Zwang
      'Ich habe deine Anzeige gesehen', // an ad, not a police report
      'se trata de una cita', // "it is about", not trafficking
      'agentschap', // agency, not agent
      'victory', // not victim
      'reportage', // not report
      'scope and cope', // not cop
      'Ment a boltba', // Hungarian "went", not rescue
      'salvie', // sage (Romanian), not save
      'helper',
    ];
    for (const text of innocent) expect([text, hitTexts(text)]).toEqual([text, []]);
  });

  it('matches phrases across any spacing and apostrophes, but needs every word', () => {
    expect(hitTexts('human   trafficking')).toEqual(['human   trafficking']);
    expect(hitTexts('human\ntrafficking')).toEqual(['human\ntrafficking']);
    expect(hitTexts("une mise à l'abri")).toEqual(["mise à l'abri"]);
    expect(hitTexts('trata de')).toEqual([]);
  });

  it('gives UTF-16 offsets that survive emoji before the word', () => {
    const text = '😀😀 hoi 🇳🇱 politie';
    const [hit] = first(text).hits;
    expect(hit && text.slice(hit.start, hit.end)).toBe('politie');
    expect(hit?.start).toBe(text.indexOf('politie'));
  });

  it("flags the organisation's own name as a whole word, in any case", () => {
    const config = { organisationNames: ['Fier', 'Centrum tegen Kinderhandel en Mensenhandel'] };
    expect(first("Hoi, groetjes van FIER's team", config).hits[0]).toMatchObject({
      text: 'FIER',
      category: 'organisation',
      language: null,
    });
    expect(hitTexts('Zij is fiere moeder', config)).toEqual([]);
    // The longest match wins: the whole name, not its last word from the Dutch list.
    expect(hitTexts('Het centrum tegen kinderhandel en mensenhandel', config)).toEqual([
      'centrum tegen kinderhandel en mensenhandel',
    ]);
  });

  it('flags custom words, with their own reason when given', () => {
    const config = {
      customTerms: ['Ariadne*', { pattern: 'rode kamer', why: 'Our code word for the shelter.' }],
    };
    const hits = first('De Ariadnes in de rode kamer', config).hits;
    expect(hits.map((h) => [h.text, h.category])).toEqual([
      ['Ariadnes', 'custom'],
      ['rode kamer', 'custom'],
    ]);
    expect(hits[1]?.why).toMatch(/^Our code word for the shelter\./);
  });

  it('refuses a configuration with a pattern that would match everything or nothing', () => {
    expect(() => SafetyConfig.parse({ customTerms: ['*'] })).toThrow();
    expect(() => SafetyConfig.parse({ customTerms: ['a*'] })).toThrow(/three letters/);
    expect(() => SafetyConfig.parse({ customTerms: ['po*li'] })).toThrow(/start or end/);
    expect(() => SafetyConfig.parse({ organisationNames: ['--'] })).toThrow(/letters/);
    expect(() => SafetyConfig.parse({ languages: ['xx'] })).toThrow();
  });

  it('checks only the chosen lists when the configuration says so', () => {
    expect(hitTexts('Polizei und politie', { languages: ['de'] })).toEqual(['Polizei']);
  });

  it('needs confirmation only for a first message with hits', () => {
    expect(checkMessageSafety({ text: 'politie', firstMessage: false })).toMatchObject({
      requiresConfirmation: false,
    });
    expect(checkMessageSafety({ text: 'politie', firstMessage: false }).hits).toHaveLength(1);
    expect(checkMessageSafety({ text: 'hoi', firstMessage: true })).toEqual({
      hits: [],
      requiresConfirmation: false,
    });
  });

  it('prefers the message language when two lists flag the same word', () => {
    expect(
      checkMessageSafety({ text: 'police', firstMessage: true, language: 'fr' }).hits[0]?.language,
    ).toBe('fr');
    expect(checkMessageSafety({ text: 'police', firstMessage: true }).hits[0]?.language).toBe('en');
  });

  it('refuses input that is not a message', () => {
    expect(() => checkMessageSafety({ text: 'x'.repeat(20_001), firstMessage: true })).toThrow();
    expect(() => checkMessageSafety({ text: 'x' } as never)).toThrow();
  });

  it('has hits in order, without overlap, pointing at the text', () => {
    const words = fc.constantFrom(
      'hoi',
      'politie',
      'human',
      'trafficking',
      'Opfer',
      '😀',
      'victim',
      'é',
      ' ',
      '\n',
      ',',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const { hits } = first(text);
        let end = 0;
        for (const h of hits) {
          expect(h.start).toBeGreaterThanOrEqual(end);
          expect(h.end).toBeGreaterThan(h.start);
          expect(text.slice(h.start, h.end)).toBe(h.text);
          end = h.end;
        }
      }),
    );
  });

  it.each(OUTREACH_LANGUAGES)(
    'keeps the opt-out confirmation in %s free of dangerous words',
    (lang) => {
      expect(first(optOutConfirmation(lang)).hits).toEqual([]);
    },
  );
});
