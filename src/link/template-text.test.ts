import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, PLACEHOLDER, templateTokens } from './template-text.js';
import { timeRatio } from '../../test/helpers/linear-time.js';

const tt = (text: string, names?: string[]) => templateTokens(text, names ? { names } : {});
const N = PLACEHOLDER.number;

describe('templateTokens: folding', () => {
  it('folds case, accents, compatibility forms and letters that do not decompose', () => {
    expect(tt('Dóra ÉÉN Straße Kraków ŁÓDŹ Ørsted')).toEqual([
      'dora',
      'een',
      'strasse',
      'krakow',
      'lodz',
      'orsted',
    ]);
    // Full-width, mathematical bold and ligatures read as plain letters.
    expect(tt('ＮＥＷ 𝐧𝐞𝐰 ﬁne')).toEqual(['new', 'new', 'fine']);
    expect(tt('ΣΟΦΊΑΣ σοφίας')).toEqual(['σοφιασ', 'σοφιασ']);
  });

  it('drops invisible characters inside words instead of splitting them', () => {
    expect(tt('s\u200be\u200dx\u00ad y\u2060ou \u202ehello\u202c \ufeffbye')).toEqual([
      'sex',
      'you',
      'hello',
      'bye',
    ]);
  });

  it('splits on punctuation and drops emoji and symbols', () => {
    expect(tt('✨ Hi!!! 💋💋 new—in town… ❤️ (really)')).toEqual([
      'hi',
      'new',
      'in',
      'town',
      'really',
    ]);
  });

  it('keeps words of other scripts, right-to-left ones included', () => {
    expect(tt('Привет, я Анна! مرحبا بكم שלום')).toEqual([
      'привет',
      'я',
      'анна',
      'مرحبا',
      'بكم',
      'שלום',
    ]);
  });
});

describe('templateTokens: placeholders', () => {
  it('turns every written phone number into one placeholder, whatever its disguise', () => {
    const numbers = [
      '0612345678',
      '06-12345678',
      '06 12 34 56 78',
      '+31 6 1234 5678',
      '+31 (0)6 12345678',
      '0031 612 345 678',
      '06.12.34.56.78',
      'O6 l2345678',
      '０６１２３４５６７８',
      '0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣',
      'nul zes een twee drie vier vijf zes zeven acht',
      'zero six 12 34 56 78',
      '06 vier-twee-negen-nul 4123',
      'plus 31 6 12345678',
    ];
    for (const phone of numbers) {
      expect(tt(`bel ${phone} vandaag`), phone).toEqual(['bel', N, 'vandaag']);
    }
  });

  it('turns prices, times, dates, ages and measures into placeholders', () => {
    expect(tt('Tarief: €150 per uur, 30 min 80,-')).toEqual([
      'tarief',
      N,
      'per',
      'uur',
      N,
      'min',
      N,
    ]);
    expect(tt('van 10:00 tot 02:00, vanaf 01-03')).toEqual(['van', N, 'tot', N, 'vanaf', N]);
    // "(23) 1.70 m" is one run: brackets may sit inside a phone number.
    expect(tt('Lieke (23) 1.70 m, 55 kg, 75D')).toEqual(['lieke', N, N, N]);
    expect(tt('postcode 1094 BL, Ref. #4554166')).toEqual(['postcode', N, 'ref', N]);
  });

  it('leaves number words in running text alone', () => {
    expect(tt('een lieve meid, het is twee uur')).toEqual([
      'een',
      'lieve',
      'meid',
      'het',
      'is',
      'twee',
      'uur',
    ]);
    expect(tt('I am 23 and one of a kind')).toEqual([
      'i',
      'am',
      N,
      'and',
      'one',
      'of',
      'a',
      'kind',
    ]);
    // A word of one or two letters after a number is its unit (or postcode letters), and closes it:
    // the words after it stay.
    expect(tt('bel 0612345678 nu')).toEqual(['bel', N]);
    expect(tt('(177 cm) en een zachte huid')).toEqual([N, 'en', 'een', 'zachte', 'huid']);
  });

  it('replaces e-mails, links and handles', () => {
    expect(tt('mail Lieke.B_92@Example.co.uk!')).toEqual(['mail', PLACEHOLDER.email]);
    expect(tt('see https://x.example/a?b=1&c=2 or www.site.nl/p/q, ok')).toEqual([
      'see',
      PLACEHOLDER.url,
      'or',
      PLACEHOLDER.url,
      'ok',
    ]);
    expect(tt('site: lieke-escort.nl, telegram t.me/lieke_x, wa.me/31612345678')).toEqual([
      'site',
      PLACEHOLDER.url,
      'telegram',
      PLACEHOLDER.url,
      PLACEHOLDER.url,
    ]);
    expect(tt('insta @lieke_ams.official or @Lieke')).toEqual([
      'insta',
      PLACEHOLDER.handle,
      'or',
      PLACEHOLDER.handle,
    ]);
    // A missing space after a full stop is no link, even when the next word is a domain.
    expect(tt('so sweet.Call me, ok.It is')).toEqual([
      'so',
      'sweet',
      'call',
      'me',
      'ok',
      'it',
      'is',
    ]);
    expect(tt('lieke.de/fotos lieke.nl')).toEqual([PLACEHOLDER.url, PLACEHOLDER.url]);
  });

  it('replaces the given names and cities as whole words, longest first', () => {
    const text = 'Hi, ik ben Dóra uit Den Haag. Dora en Dorathea, den haag 2 keer';
    expect(tt(text, ['dora', 'Den Haag', 'Den'])).toEqual([
      'hi',
      'ik',
      'ben',
      PLACEHOLDER.name,
      'uit',
      PLACEHOLDER.name,
      PLACEHOLDER.name,
      'en',
      'dorathea',
      PLACEHOLDER.name,
      N,
      'keer',
    ]);
    // Empty names, names that are only numbers, and too many names are ignored safely.
    expect(
      tt('Anna 06 12', ['', '  ', '0612', ...Array.from({ length: 500 }, (_, i) => `n${i}`)]),
    ).toEqual(['anna', N]);
  });

  it('gives the same tokens for the same template filled in differently', () => {
    const fill = (name: string, age: number, city: string, phone: string, price: string) =>
      `${name} (${age}) nieuw in ${city}! Bel ${phone}. Tarief ${price} per uur. Groetjes, ${name}`;
    const a = tt(fill('Lieke', 23, 'Amsterdam', '06-12345678', '€150'), ['Lieke', 'Amsterdam']);
    const b = tt(fill('Ana', 31, "'s-Hertogenbosch", '+31 6 9876 5432', '200 €'), [
      'Ana',
      "'s-Hertogenbosch",
    ]);
    expect(b).toEqual(a);
  });
});

describe('templateTokens: hostile input', () => {
  // [name, unit, prefix]: the input is the prefix and the unit repeated to about 1 MB.
  const cases: [string, string, string][] = [
    ['1 MB of one letter', 'a', ''],
    ['1 MB of one digit', '7', ''],
    ['digits and spaces', '1 ', ''],
    ['at signs', '@', ''],
    ['dotted chain', 'a.', ''],
    ['at chain', 'a@', ''],
    ['e-mail chain', 'a@b.', ''],
    ['link chain', 'http://', ''],
    ['emoji', '😘💋', ''],
    ['RTL and bidi controls', '\u202eمرحبا\u202c \u200fשלום ', ''],
    ['zero-width characters', 'a\u200b\u200c\u200d\u2060\ufeff', ''],
    ['combining marks', '\u0301', 'a'],
    ['expanding ligature', '\ufdfa', ''],
    ['lone surrogates', '\ud800a\udc00', ''],
    ['number words', 'een twee ', ''],
  ];
  const names = ['a', 'een twee'];
  for (const [name, unit, prefix] of cases) {
    it(`${name}: bounded tokens and bounded time, without throwing`, () => {
      const whole = prefix + unit.repeat(Math.ceil((1 << 20) / unit.length));
      const tokens = tt(whole, names);
      expect(tokens.length).toBeLessThanOrEqual(2 * MAX_INPUT_CHARS);
      for (const w of tokens) expect(w.length).toBeLessThanOrEqual(64);
      // Only the first MAX_INPUT_CHARS are read: 1 MB costs what its head costs (50× the text
      // would be about 50× the time if the cap did not hold; 20 leaves room for noise).
      const head = whole.slice(0, MAX_INPUT_CHARS);
      const ratio = timeRatio((text) => tt(text, names), head, whole);
      expect(ratio, `${ratio.toFixed(1)}×`).toBeLessThan(20);
    });
  }

  it('reads only the first MAX_INPUT_CHARS characters', () => {
    const head = 'hallo '.repeat(MAX_INPUT_CHARS / 6 + 1);
    expect(tt(`${head}tail`)).not.toContain('tail');
    expect(tt(`hallo tail`)).toContain('tail');
  });

  it('never throws, and gives non-empty tokens without spaces, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 4 }),
        (text, names) => {
          for (const w of templateTokens(text, { names })) {
            expect(w.length).toBeGreaterThan(0);
            expect(/\s/.test(w)).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
