// The directory's filters as they live in the URL, read leniently: a bookmarked or hand-edited
// address with something malformed shows the whole directory instead of an error.
import {
  needValues,
  partnerCapacityValues,
  partnerKindValues,
  provinceValues,
} from '../api/schema';
import type { PartnerFilters } from './api';

const pick = <T extends string>(values: readonly T[], raw: unknown): T | undefined =>
  values.find((v) => v === raw);

export function parsePartnerSearch(raw: Record<string, unknown>): PartnerFilters {
  const out: PartnerFilters = {};
  const kind = pick(partnerKindValues, raw.kind);
  if (kind) out.kind = kind;
  const service = pick(needValues, raw.service);
  if (service) out.service = service;
  const region = pick(provinceValues, raw.region);
  if (region) out.region = region;
  const capacity = pick([...partnerCapacityValues, 'unknown' as const], raw.capacity);
  if (capacity) out.capacity = capacity;
  const active = pick(['yes', 'no'] as const, raw.active);
  if (active) out.active = active;
  if (typeof raw.q === 'string' && raw.q.trim()) out.q = raw.q.trim().slice(0, 100);
  return out;
}
