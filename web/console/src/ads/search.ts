// The ads list's filters in the URL (?source=…&city=…&q=…&status=gone&from=2025-01-01): shareable,
// kept on reload and back, and the names saved searches use. Anything malformed is dropped.
import type { AdFilters } from '../collect/api';

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined;

const day = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

export function parseAdSearch(raw: Record<string, unknown>): AdFilters {
  const out: AdFilters = {};
  const source = text(raw.source, 80);
  if (source) out.source = source;
  const city = text(raw.city, 100);
  if (city) out.city = city;
  const q = text(raw.q, 200);
  if (q) out.q = q;
  if (raw.status === 'active' || raw.status === 'gone') out.status = raw.status;
  const language = text(raw.language, 8);
  if (language) out.language = language;
  const from = day(raw.from);
  if (from) out.from = from;
  const to = day(raw.to);
  if (to) out.to = to;
  return out;
}
