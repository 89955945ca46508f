// Phone numbers: every disguise recorded, spans that point at the original characters, and the
// decoys (prices, dates, times, ages, postcodes, measurements, ids) that must never become phones.
import { describe, expect, it } from 'vitest';
import { combineNumberAtoms, segmentNumberWords } from './number-words.js';
import { extractPhoneNumbers, internationalNumber } from './phone-numbers.js';
import type { PhoneFact } from './schema.js';
import { SpanSet } from './spans.js';

const find = (text: string, country = 'NL'): PhoneFact[] =>
  extractPhoneNumbers(text, { country, field: 'body' });
const one = (text: string, country = 'NL'): PhoneFact => {
  const found = find(text, country);
  expect(found, text).toHaveLength(1);
  return found[0] as PhoneFact;
};

describe('phone numbers', () => {
  it('normalises national and international forms to E.164', () => {
    for (const text of [
      '06-48271935',
      '06 48 27 19 35',
      '+31 6 48271935',
      '0031648271935',
      '+31 (0)6 4827 1935',
    ]) {
      expect(one(text).value).toBe('+31648271935');
    }
    expect(one('0049 176 2948 3715').value).toBe('+4917629483715');
    expect(one('+32 476 58 21 93').country).toBe('BE');
  });

  it('lets the text override the default region', () => {
    const fact = one('Belgisch: +32 476 58 21 93');
    expect(fact.international).toBe(true);
    expect(fact.value).toBe('+32476582193');
    // A Belgian national number is no Dutch number: it is read as the Belgian mobile it is.
    expect(one('0476 58 21 93').value).toBe('+32476582193');
  });

  it.each([
    ['nul zes vier acht twee zeven een negen drie vijf', ['words']],
    ['06 achtenveertig zevenentwintig negentien vijfendertig', ['words']],
    ['O6 48 27 l9 35', ['lookalike']],
    ['0 6 4 8 2 7 1 9 3 5', ['spacing']],
    ['06*48*27*19*35', ['spacing']],
    ['06 4827\n1935', ['split_line']],
    ['0️⃣6️⃣4️⃣8️⃣2️⃣7️⃣1️⃣9️⃣3️⃣5️⃣', ['emoji']],
    ['０６４８２７１９３５', ['unicode_digits']],
    ['plus 31 6 48271935', ['plus_word']],
    ['plus eenendertig 6 48271935', ['words', 'plus_word']],
  ])('records how %j was disguised', (text, obfuscation) => {
    const fact = one(text);
    expect(fact.value).toBe('+31648271935');
    expect(fact.obfuscation).toEqual(obfuscation);
    expect(fact.obfuscated).toBe(true);
  });

  it('does not call ordinary formatting a disguise', () => {
    for (const text of [
      '06-48271935',
      '06 48 27 19 35',
      '06.48.27.19.35',
      '(020) 624 1935',
      '+31 6 4827 1935',
    ]) {
      expect(one(text).obfuscated, text).toBe(false);
    }
  });

  it('maps spans back to the original text, whatever was normalised', () => {
    const text = 'Schatje 💋 bel: ０６ ４８ 27 negentien 35 ok?';
    const fact = one(text);
    expect(text.slice(fact.span.start, fact.span.end)).toBe(fact.raw);
    expect(fact.raw).toBe('０６ ４８ 27 negentien 35');
  });

  it('reads number words in all nine languages', () => {
    expect(one('zero six one two three four five six seven eight').value).toBe('+31612345678');
    expect(
      one('null eins sieben sechs zwei neun vier acht drei sieben eins fünf', 'DE').value,
    ).toBe('+4917629483715');
    expect(
      one('zéro six quarante et un cinquante-huit vingt-sept quatre-vingt-treize', 'FR').value,
    ).toBe('+33641582793');
    expect(one('seis treinta y cuatro cincuenta y ocho veintinueve diecisiete', 'ES').value).toBe(
      '+34634582917',
    );
    expect(one('07 patruzeci și cinci 28 19 36', 'RO').value).toBe('+40745281936');
    expect(one('698 dwadzieścia jeden 45 37', 'PL').value).toBe('+48698214537');
    expect(one('06 harminc 482 9175', 'HU').value).toBe('+36304829175');
    expect(one('нула осем осем седем четири едно две пет девет три', 'BG').value).toBe(
      '+359887412593',
    );
  });

  it.each([
    ['price', 'Prijs: €150 per uur, 30 min €100'],
    ['price with ,-', 'Tarief 100,- per half uur, 150,- per uur'],
    ['date', 'Datum 12-05-2024'],
    ['date with dots', 'Nieuw sinds 01.06.2024!'],
    ['time range', 'Werktijden 10.00-02.00 uur'],
    ['clock', 'Open van 10:00 tot 22:00'],
    ['age', 'Ik ben 19 jaar'],
    ['postcode', 'Postcode 1012 AB Amsterdam'],
    ['measurement', 'Maten 90-60-90, 1.70m, 60 kg'],
    ['ad id', 'Advertentie-id: 0648271935'],
    ['iban', 'IBAN NL91 ABNA 0417 1643 00'],
  ])('never reads a %s as a phone', (_kind, text) => {
    expect(find(text)).toEqual([]);
  });

  it('finds several numbers in one text', () => {
    expect(find('06 48271935 of 06 39182746').map((f) => f.value)).toEqual([
      '+31648271935',
      '+31639182746',
    ]);
  });

  it('reports a national number as such when there is no default region, never as E.164', () => {
    expect(extractPhoneNumbers('bel 06 48 27 19 35', { field: 'body' })).toEqual([
      expect.objectContaining({
        value: '0648271935',
        raw: '06 48 27 19 35',
        rule: 'phone.national_country_unknown',
        country: null,
        numberType: null,
        countryUnknown: true,
        regions: expect.arrayContaining(['NL']) as unknown,
      }),
    ]);
    // The number's own country code still gives E.164, with no country to guess.
    const international = extractPhoneNumbers('+31648271935', { field: 'body' });
    expect(international).toEqual([
      expect.objectContaining({ value: '+31648271935', country: 'NL' }),
    ]);
    expect(international[0]?.countryUnknown).toBeUndefined();
    // Without a trunk 0, or too short for any national number, digits stay unread.
    expect(extractPhoneNumbers('tel. 512 849 372', { field: 'body' })).toEqual([]);
    expect(extractPhoneNumbers('kamer 0123, 0150 per uur', { field: 'body' })).toEqual([]);
  });

  it('reads numbers from messenger links', () => {
    expect(internationalNumber('31648271935')?.e164).toBe('+31648271935');
    expect(internationalNumber('123')).toBeNull();
  });
});

describe('failure kinds seen on the synthetic ad board', () => {
  it.each([
    ['date, comma, time', 'Beschikbaar vanaf 01.03.2025, 11.00 - 23.00'],
    ['short date, comma, time', 'Beschikbaar vanaf 01.03., 09.00 - 04.00'],
    ['day-month, comma, time', 'Vanaf 01-03, 20.00 - 02.00'],
    ['day-month and time', 'Nieuw vanaf 12-03 14.30 uur'],
    ['date and time without comma', 'Op 01.03.2025 11.00 uur'],
    ['"and" between times', 'Working between 09.00 and 22.00'],
    ['"et" between times', 'Disponible entre 09.00 et 02.00'],
  ])('never joins a %s into a phone', (_kind, text) => {
    expect(find(text)).toEqual([]);
  });

  it('still finds a number right after a date or a time', () => {
    expect(one('Vanaf 01.03.2025 06 48271935').value).toBe('+31648271935');
    expect(one('Open 10.00-22.00 06 48271935').value).toBe('+31648271935');
    expect(find('Bel 06 48271935, of 06 39182746').map((f) => f.value)).toEqual([
      '+31648271935',
      '+31639182746',
    ]);
  });

  it.each([
    ['plus drie-een zes-vier acht-twee zeven-een negen-drie vijf', ['words', 'plus_word']],
    ['+-drie-een-zes-vier-acht-twee-zeven-een-negen-drie-vijf', ['words']],
    ['nul-zes \nvier-acht-twee-zeven-een-negen-drie-vijf', ['words', 'split_line']],
    ['+-three-one six-four-eight two-seven one-nine three-five', ['words']],
    ['нула-шест четири-осем-две-седем едно-девет-три-пет', ['words']],
  ])('reads hyphenated number words in %j', (text, obfuscation) => {
    const fact = one(text);
    expect(fact.value).toBe('+31648271935');
    expect(fact.obfuscation).toEqual(obfuscation);
  });

  it.each([
    ['+-drie-een ６ ４８２７ een-negen-drie-vijf', ['words', 'unicode_digits']],
    ['+-drie-1 6-vier-８-27 een-9-３5', ['words', 'unicode_digits']],
    ['nul-6 48 twee-7 19 ３５', ['words', 'unicode_digits']],
  ])('reads numbers mixing words, digits and fullwidth digits: %j', (text, obfuscation) => {
    const fact = one(text);
    expect(fact.value).toBe('+31648271935');
    expect(fact.obfuscation).toEqual(obfuscation);
  });

  it.each([
    '+..31..6..48..27..19..35',
    '+_3_1_6_4_8_2_7_1_9_3_5',
    '+ / 3 / 1 / 6 / 4 / 8 / 2 / 7 / 1 / 9 / 3 / 5',
    '+ - 316 - 4 - 8 - 27 - 19 - 35',
    '+-\n31 6 48271935',
    '+.drie.een.zes.vier.acht.twee.zeven.een.negen.drie.vijf',
  ])('reads a "+" followed by fillers: %j', (text) => {
    expect(one(text).value).toBe('+31648271935');
  });

  it.each([
    ['06 48 27 lI 35', '+31648271135'],
    ['O6 48 27 l9 35', '+31648271935'],
    ['O - 6 - 4 - 8 - 2 - 7 - 1 - 9 - 3 - 5', '+31648271935'],
    ['o/6/4/8/2/7/1/9/3/5', '+31648271935'],
    ['+  3  I  6  4  8  2  7  I  9  3  5', '+31648271935'],
  ])('reads look-alike letters standing apart from the digits: %j', (text, value) => {
    const fact = one(text);
    expect(fact.value).toBe(value);
    expect(fact.obfuscation).toContain('lookalike');
  });

  it('keeps the words "o" and "I" out of numbers', () => {
    expect(find('612 345 678 o 698 765 432', 'ES').map((f) => f.value)).toEqual([
      '+34612345678',
      '+34698765432',
    ]);
    expect(find('llámame o 612345678', 'ES').map((f) => f.raw)).toEqual(['612345678']);
    expect(one('Bel 06 48271935 I love it').raw).toBe('06 48271935');
  });

  it('reads Belgian and other foreign mobiles written nationally in a Dutch ad', () => {
    // Not a Dutch number at all: the Belgian mobile it is.
    expect(one('Bel 0476 58 21 93').value).toBe('+32476582193');
    // A Dutch landline (Sittard) as digits, but grouped the Belgian way: the Belgian mobile.
    expect(one('Bel 0460 84 40 21').value).toBe('+32460844021');
    // Grouped the Dutch way, or not at all: the default region keeps it.
    expect(one('Bel 046 084 4021').value).toBe('+31460844021');
    expect(one('Bel 0460844021').value).toBe('+31460844021');
    expect(one('Ruf an: 0152 48300260').value).toBe('+4915248300260');
    expect(one('Hívj: 06 20 391 8274').value).toBe('+36203918274');
    expect(one('обади се 0887 412 593').value).toBe('+359887412593');
    // Under another default region the grouping decides between the Dutch and the French 06.
    expect(one('06-12345678', 'BE').value).toBe('+31612345678');
    expect(one('06 12 34 56 78', 'BE').value).toBe('+33612345678');
    // A mobile of the default region is never read as anything else.
    expect(one('06 12 34 56 78').value).toBe('+31612345678');
  });

  it('keeps a number that only starts where a messenger handle was read, not one in an address', () => {
    const claimed = (start: number, end: number): SpanSet => {
      const set = new SpanSet();
      set.add(start, end);
      return set;
    };
    const text = 'WhatsApp: nul-zes-vier-acht-twee-zeven-een-negen-drie-vijf';
    const handle = claimed(0, text.indexOf('-'));
    expect(
      extractPhoneNumbers(text, { country: 'NL', field: 'body', exclude: handle }).map(
        (f) => f.value,
      ),
    ).toEqual(['+31648271935']);
    const lookalike = 'WhatsApp: O648271935';
    expect(
      extractPhoneNumbers(lookalike, {
        country: 'NL',
        field: 'body',
        exclude: claimed(0, lookalike.length),
      }),
    ).toHaveLength(1);
    for (const address of ['0648271935@example.nl', 'example.nl/ad/0648271935']) {
      expect(
        extractPhoneNumbers(address, {
          country: 'NL',
          field: 'body',
          exclude: claimed(0, address.length),
        }),
        address,
      ).toEqual([]);
    }
  });
});

describe('number words', () => {
  const digits = (words: string): string =>
    combineNumberAtoms(
      words
        .split(' ')
        .flatMap((w) => (segmentNumberWords(w) ?? []).map((atom) => ({ atom, data: 0 }))),
    )
      .map((g) => g.digits)
      .join('');
  it('joins compounds in each language order', () => {
    expect(digits('vierendertig')).toBe('34');
    expect(digits('vierunddreissig')).toBe('34');
    expect(digits('thirty four')).toBe('34');
    expect(digits('quatre vingt treize')).toBe('93');
    expect(digits('soixante dix huit')).toBe('78');
    expect(digits('dix sept')).toBe('17');
    expect(digits('veinticuatro')).toBe('24');
    expect(digits('harmincnegy')).toBe('34');
    expect(digits('tizenketto')).toBe('12');
  });
  it('does not read ordinary words as numbers', () => {
    expect(segmentNumberWords('hotel')).toBeNull();
    expect(segmentNumberWords('en')).toEqual([{ t: 'conn', v: 0, w: 'en' }]);
    expect(segmentNumberWords('enen')).toBeNull();
    expect(segmentNumberWords('a'.repeat(100))).toBeNull();
  });
});
