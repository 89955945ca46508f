// Prices: amount, currency and unit in nine languages; and the very-low-price threshold.
import { describe, expect, it } from 'vitest';
import { extractPrices, isVeryLowPrice, parseAmount } from './price.js';
import { tokenize } from './text.js';

const prices = (text: string, country = 'NL') =>
  extractPrices(text, tokenize(text), { field: 'body', country }).map((p) => p.value);

describe('prices', () => {
  it.each([
    ['30 min €100, 1 uur €150', ['100 EUR/30min', '150 EUR/60min'], 'NL'],
    ['€100/30min, €150/1h', ['100 EUR/30min', '150 EUR/60min'], 'NL'],
    ['Tarief: 100,- per half uur', ['100 EUR/30min'], 'NL'],
    ['€ 250 per nacht', ['250 EUR/night'], 'NL'],
    ['$200/hr', ['200 USD/60min'], 'GB'],
    ['halbe Stunde 80€', ['80 EUR/30min'], 'DE'],
    ['1.500 euros la nuit', ['1500 EUR/night'], 'FR'],
    ['200 lei ora', ['200 RON/60min'], 'RO'],
    ['200 zł za godzinę', ['200 PLN/60min'], 'PL'],
    ['20 000 Ft / óra', ['20000 HUF/60min'], 'HU'],
    ['100 лв на час', ['100 BGN/60min'], 'BG'],
    ['€500 per dag', ['500 EUR/day'], 'NL'],
    ['200 per rit', ['200 EUR/task'], 'NL'],
    ['1k a day', ['1000 GBP/day'], 'GB'],
    ['500 euro p/d', ['500 EUR/day'], 'NL'],
    ['€50 per pakketje', ['50 EUR/task'], 'NL'],
    ['£40 per drop, 2K a day', ['40 GBP/task', '2000 GBP/day'], 'GB'],
  ])('reads %j', (text, expected, country) => {
    expect(prices(text, country)).toEqual(expected);
  });

  it('needs a currency in free text', () => {
    expect(prices('100% echt, 24/7, 19 jaar, 06 48271935')).toEqual([]);
    expect(prices('Runners 16+, 2 days a week; 1 k extra; 5 km per rit', 'GB')).toEqual([]);
  });

  it('parses amounts with European and English separators', () => {
    expect(parseAmount('1.500')).toBe(1500);
    expect(parseAmount('1,500')).toBe(1500);
    expect(parseAmount('99,99')).toBe(99.99);
    expect(parseAmount('12.05.2024')).toBeNull();
  });

  it('flags very low prices for their duration only', () => {
    const [low] = extractPrices('30 min €25', tokenize('30 min €25'), { field: 'body' });
    const [normal] = extractPrices('30 min €100', tokenize('30 min €100'), { field: 'body' });
    const [noUnit] = extractPrices('€25', tokenize('€25'), { field: 'body' });
    expect(low && isVeryLowPrice(low)).toBe(true);
    expect(normal && isVeryLowPrice(normal)).toBe(false);
    expect(noUnit && isVeryLowPrice(noUnit)).toBe(false);
  });
});
