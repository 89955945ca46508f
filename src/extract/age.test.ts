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
