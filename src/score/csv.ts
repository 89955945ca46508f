// CSV for exports that open safely in spreadsheets: RFC 4180 quoting, and cells that a spreadsheet
// would run as a formula (scraped text is hostile: "=HYPERLINK(...)") are defused with a quote.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
        ? String(v)
        : JSON.stringify(v);
  let s = Array.isArray(value) ? value.map(text).join(' ') : text(value);
  if (FORMULA_START.test(s) && typeof value !== 'number') s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
