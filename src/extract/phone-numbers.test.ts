// Phone numbers: every disguise recorded, spans that point at the original characters, and the
// decoys (prices, dates, times, ages, postcodes, measurements, ids) that must never become phones.
import { describe, expect, it } from 'vitest';
import { combineNumberAtoms, segmentNumberWords } from './number-words.js';
import { extractPhoneNumbers, internationalNumber } from './phone-numbers.js';
import type { PhoneFact } from './schema.js';

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
    expect(find('0476 58 21 93')).toEqual([]); // a Belgian national number is no Dutch number
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

  it('needs a country code when there is no default region', () => {
    expect(extractPhoneNumbers('0648271935', { field: 'body' })).toEqual([]);
    expect(extractPhoneNumbers('+31648271935', { field: 'body' })).toHaveLength(1);
  });

  it('reads numbers from messenger links', () => {
    expect(internationalNumber('31648271935')?.e164).toBe('+31648271935');
    expect(internationalNumber('123')).toBeNull();
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
