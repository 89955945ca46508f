// Stated ages, ranges and birth years in nine languages; durations and client rules are no ages.
import { describe, expect, it } from 'vitest';
import { extractAgeField, extractAges } from './age.js';
import { tokenize } from './text.js';

const ages = (text: string) =>
  extractAges(text, tokenize(text), { field: 'body', referenceYear: 2025 }).map((a) => a.value);

describe('ages', () => {
  it.each([
    ['19yo', '19'],
    ['19 y.o.', '19'],
    ['19 jaar', '19'],
    ['19 ani', '19'],
    ['19 lat', '19'],
    ['19 años', '19'],
    ['19 év', '19'],
    ['19 éves', '19'],
    ['19 Jahre', '19'],
    ["j'ai 19 ans", '19'],
    ['на 19 години', '19'],
    ['Age: 19', '19'],
    ["I'm 19 years old", '19'],
    ['ik ben 19', '19'],
    ['negentien jaar', '19'],
    ['dix-neuf ans', '19'],
    ['tizenkilenc éves', '19'],
    ['19-21 jaar', '19-21'],
    ['born 2006', '18-19'],
  ])('reads %j as %s', (text, value) => {
    expect(ages(text)).toEqual([value]);
  });

  // How real ads state an age beyond "N <unit>", per language.
  it.each([
    // Bulgarian: "на" states an age; "г." abbreviates години; "-годишна" is the adjective.
    ['Казвам се Мария и съм на 22.', '22'],
    ['Аз съм на 22 и търся', '22'],
    ['Хей! Тук е Мария, на 22, винаги усмихната.', '22'],
    ['Мария, 22 г., София', '22'],
    ['Мария, 22 год.', '22'],
    ['22-годишна блондинка', '22'],
    ['на 22 годинки', '22'],
    ['Всъщност съм само на 16, но изглеждам по-голяма.', '16'],
    // English
    ["I'm 22", '22'],
    ['I am 22. 100% real pictures', '22'],
    ['age: 22', '22'],
    ['22 y/o', '22'],
    ['22 years young', '22'],
    ['Anna: 22 years, sweet and friendly.', '22'],
    ['Anna, 22 yrs.', '22'],
    ['I am really only 16 but look older.', '16'],
    // In brackets after a name, in every language.
    ['Anna (22) private in Utrecht', '22'],
    ['I am Anna Maria (22), cheerful and open.', '22'],
    ['Ik ben Fleur (22), een vrolijke vrouw.', '22'],
    ['Soy Paula (22), una mujer alegre.', '22'],
    ['Jestem Ewa (22), wesoła.', '22'],
    ['Sunt Andreea (22), o femeie veselă.', '22'],
    ['Аз съм Мария (22), весела.', '22'],
    ['✨ Eszter vagyok (22), vidám és nyitott.', '22'],
    ['Nieuw: Lisa (19) 💋', '19'],
    // Hungarian, Dutch, Polish, Romanian, Spanish
    ['22 éves vagyok', '22'],
    ['ik ben 22', '22'],
    ['Ik ben eigenlijk pas 16, maar zie er ouder uit.', '16'],
    ['mam 22 lata', '22'],
    ['22 latka z Warszawy', '22'],
    ['22-letnia studentka', '22'],
    ['am 22 de ani', '22'],
    ['tengo 22 años', '22'],
    ['22 añitos', '22'],
  ])('reads %j as %s', (text, value) => {
    expect(ages(text)).toEqual([value]);
  });

  it.each([
    'boven de 18 jaar',
    '18 jaar of ouder',
    '18+ only',
    'in business for 15 years',
    'al 15 jaar ervaring',
    'seit 10 Jahren',
    'mayores de 18 años',
    'peste 18 ani',
    'powyżej 18 lat',
    '18 év felett',
    'над 18 години',
    '24 uur per dag',
    // Durations and "almost": the lexicon reads "bijna 18", it is no stated age of 18.
    'Experience: 15 years.',
    'Ervaring: 15 jaar',
    'In business: 15 years.',
    '15 years in the business',
    'Anna: 15 years experience',
    'bijna 18 jaar',
    'Aproape 18 ani, foarte tânără.',
    'Almost 18 years, very young.',
    // Prices, times, dates, phone fragments, measurements, counts after "I am" / "на".
    'I am 50 euro per half hour',
    'ik ben 22 min van het station',
    'I am only 20 minutes from the centre',
    'I am 22:00 till late',
    'ik ben 24/7 bereikbaar',
    'open 24 uur',
    'ik ben 20 30 40 50',
    'I am 06 22 33 44 55',
    'съм на 24 часа на разположение',
    'Ела на 22 май',
    'Цени: 50 лв на 30 мин.',
    'Tel, на 22, 23 и 24 май',
    'I am 165 cm, 90-60-90',
    'I am size 38',
    '22 cm',
    '2 girls',
    // Bracketed numbers that are no age: counts, minutes, prices, room numbers, country codes.
    'Reviews (15)',
    "Foto's (12)",
    'Massage (60) 100 €',
    'Massage (30)',
    'Prijs (50)',
    'Room (12)',
    'Tel (31) 6 1234 5678',
    'Lisa (22 €)',
    'we have two rooms (12) free',
    'Welcome Anna (22 min from the station)',
    'Zondag Anna Lisa Marie (22)',
  ])('does not read %j as an age', (text) => {
    expect(ages(text)).toEqual([]);
  });

  it('flags minors and young people', () => {
    const [minor] = extractAges('16 jaar', tokenize('16 jaar'), {
      field: 'body',
      referenceYear: 2025,
    });
    expect(minor).toMatchObject({ minor: true, young: false, min: 16, max: 16 });
    const [young] = extractAges('20 jaar', tokenize('20 jaar'), {
      field: 'body',
      referenceYear: 2025,
    });
    expect(young).toMatchObject({ minor: false, young: true });
    const [born] = extractAges('born 2008', tokenize('born 2008'), {
      field: 'body',
      referenceYear: 2025,
    });
    expect(born).toMatchObject({ min: 16, max: 17, minor: true, birthYear: 2008 });
  });

  it('reads the structured age field', () => {
    expect(extractAgeField('19', tokenize('19'), 2025).map((a) => [a.value, a.form])).toEqual([
      ['19', 'field'],
    ]);
    expect(extractAgeField('19-21', tokenize('19-21'), 2025)[0]?.value).toBe('19-21');
    expect(extractAgeField('unknown', tokenize('unknown'), 2025)).toEqual([]);
  });
});
