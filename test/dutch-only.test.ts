import { describe, expect, it } from 'vitest';
import { findEnglish } from './browser/dutch-only.js';

const words = (text: string, allow?: string[]) =>
  findEnglish(text, allow ? { allow } : {}).map((f) => f.word);

describe('findEnglish', () => {
  it('passes Dutch, with the words Dutch shares with English', () => {
    expect(
      words(
        'Waarom deze score · Eén nummer gebruikt voor 3 verschillende namen (+12) · De lead is open, ' +
          'in week 5 was het urgent. Sjabloon gedeeld met 2 andere nummers. Filters wissen ' +
          '· Echt, recent of geverifieerd',
      ),
    ).toEqual([]);
  });

  it('finds English function and console words as whole words', () => {
    expect(words('Eén nummer · One number used for 2 different names · Opslaan · Save')).toEqual([
      'One',
      'number',
      'used',
      'for',
      'different',
      'names',
      'Save',
    ]);
    // Inside a Dutch word they are not words of their own ("theorie", "andere", "toon").
    expect(words('theorie andere toon forum')).toEqual([]);
  });

  it('leaves aliases, ids, addresses, codes, numbers with units and allowed names alone', () => {
    expect(
      words(
        'Lead cobalt-river-417 · olga.outreach@example.org · https://ads.example/the/ad · ' +
          '0f3a9c2e · trust.real_photos · 12 km · Brussel BE · Demo SMS (Twilio, WhatsApp Business)',
        ['WhatsApp Business'],
      ),
    ).toEqual([]);
  });

  it('tells each finding in its context', () => {
    const [finding] = findEnglish('Waarom deze score: Validated sign, lexicon weight 2');
    expect(finding).toEqual({
      word: 'Validated',
      context: 'Waarom deze score: Validated sign, lexicon weight 2',
    });
  });
});
