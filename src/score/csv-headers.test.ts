import { describe, expect, it } from 'vitest';
import { LEAD_CSV_COLUMNS, leadCsvHeader } from './csv-headers.js';

describe('the queue CSV header', () => {
  it('names every column in English and Dutch, or as codes', () => {
    expect(leadCsvHeader('codes', 'nl')).toEqual([...LEAD_CSV_COLUMNS]);
    const en = leadCsvHeader('words', 'en');
    const nl = leadCsvHeader('words', 'nl');
    expect(en).toHaveLength(LEAD_CSV_COLUMNS.length);
    expect(nl).toHaveLength(LEAD_CSV_COLUMNS.length);
    expect(nl[0]).toBe('Lead-id');
    expect(new Set(nl).size).toBe(nl.length);
    // The type of exploitation came last, so columns read by position stay where they were.
    expect(en.at(-1)).toBe('Type of exploitation');
    expect(nl.at(-1)).toBe('Soort uitbuiting');
  });
  it('speaks English to a language it does not know', () => {
    expect(leadCsvHeader('words', 'fr')).toEqual(leadCsvHeader('words', 'en'));
  });
});
