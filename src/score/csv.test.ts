import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

describe('CSV export cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 3, null])).toBe(
      '"a,b","say ""hi""","two\nlines",3,\r\n',
    );
  });
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('@handle')).toBe("'@handle");
    expect(csvCell(-3)).toBe('-3');
  });
  it('joins lists', () => {
    expect(csvCell(['nl:utrecht', 'nl:amsterdam'])).toBe('nl:utrecht nl:amsterdam');
  });
});
