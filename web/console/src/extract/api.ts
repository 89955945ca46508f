// Calls and shapes of the extraction context (see src/facts/routes.ts and src/extract/schema.ts
// on the server): the facts found in an ad with their spans, the audited reveal of one identifier,
// and the analysts' custom terms and block-list.
import { api } from '../api/client';

const id = encodeURIComponent;

/** Where a fact was found: the structured field or free text (src/extract/schema.ts SpanField). */
export const SPAN_FIELDS = [
  'title',
  'body',
  'phone',
  'age',
  'price',
  'city',
  'displayName',
] as const;
export type SpanField = (typeof SPAN_FIELDS)[number];

export const FACT_KINDS = [
  'indicator',
  'phone',
  'email',
  'messenger',
  'url',
  'age',
  'price',
  'place',
  'postcode',
  'location_type',
  'spoken_language',
  'language',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export const isFactKind = (k: string): k is FactKind =>
  (FACT_KINDS as readonly string[]).includes(k);

/** Identifiers are masked by the server; their plain value needs the audited reveal. */
export const IDENTIFIER_KINDS = ['phone', 'email', 'messenger', 'url'] as const;
export const isIdentifierKind = (k: string) => (IDENTIFIER_KINDS as readonly string[]).includes(k);

export const EVIDENCE_LEVELS = ['validated', 'practitioner', 'contested'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

export const INDICATOR_CATEGORIES = [
  'possible_minor',
  'trust_language',
  'ethnicity',
  'obfuscation',
  'third_party',
  'movement',
  'restricted_movement',
  'always_available',
  'unsafe_services',
  'low_price',
  'multiple_people',
  'language_barrier',
  'recruitment',
  'screening',
  'crude_language',
] as const;
export type IndicatorCategory = (typeof INDICATOR_CATEGORIES)[number];

/**
 * One fact as the API gives it. Which members are present depends on the kind; the console reads
 * them defensively (a stored fact may come from an older extractor).
 */
export interface Fact {
  kind: string;
  span: { field: string; start: number; end: number };
  rule: string;
  /** Normalised value; absent for identifiers (see `masked`). */
  value?: string;
  raw?: string;
  /** Identifiers: the value with all but its shape and last characters hidden. */
  masked?: string;
  /** Identifiers: the id to reveal the value with. */
  identifierId?: string;
  // indicators
  code?: string;
  category?: string;
  evidence?: string;
  weight?: number;
  explanation?: string;
  source?: string;
  language?: string;
  // others
  obfuscated?: boolean;
  obfuscation?: string[];
  platform?: string;
  handle?: string;
  minor?: boolean;
  young?: boolean;
  min?: number;
  max?: number;
  amount?: number;
  currency?: string;
  durationMinutes?: number | null;
  unit?: string | null;
  municipality?: string | null;
  placeType?: string;
  locationType?: string;
  numberType?: string | null;
  country?: string | null;
  confidence?: number;
  host?: string;
}

export interface Extraction {
  adVersionId: string;
  ruleSetVersion: string | null;
  extractedAt: string | null;
  language: string | null;
  truncated: boolean;
  facts: Fact[];
  suppressed: { fact: Fact; reason: string; by: string }[];
  /** Not extracted yet (queued after the crawl); ask again in a moment. */
  pending: boolean;
}

export function fetchExtraction(adId: string, version?: number): Promise<Extraction> {
  const q = version ? `?version=${version}` : '';
  return api.get(`/api/ads/${id(adId)}/extraction${q}`);
}

export interface Revealed {
  id: string;
  kind: string;
  value: string;
  raw: string;
}

/** Shows one identifier in the clear. The server records who did it, when, and why. */
export function revealIdentifier(identifierId: string, reason?: string): Promise<Revealed> {
  return api.post(`/api/identifiers/${id(identifierId)}/reveal`, reason ? { reason } : {});
}

// ---- rules ----------------------------------------------------------------------------------

export type RuleType = 'custom_term' | 'block';

export interface Rule {
  id: string;
  type: string;
  body: Record<string, unknown>;
  createdAt: string;
}

export interface RuleList {
  ruleSetVersion: string;
  /** Ads whose extraction was made with other rules: they are being re-processed. */
  stale: number;
  rules: Rule[];
}

export interface CustomTermInput {
  category: IndicatorCategory;
  evidence: Evidence;
  patterns: string[];
  explanation: string;
  language?: string;
  weight?: number;
}

export interface BlockRuleInput {
  kind: FactKind;
  field?: SpanField;
  value?: string;
  pattern?: string;
  code?: string;
  note?: string;
}

export function listRules(): Promise<RuleList> {
  return api.get('/api/extract/rules');
}

export function addRule(
  input: { type: 'custom_term'; rule: CustomTermInput } | { type: 'block'; rule: BlockRuleInput },
): Promise<Rule> {
  return api.post('/api/extract/rules', input);
}

export function retireRule(ruleId: string): Promise<{ id: string }> {
  return api.post(`/api/extract/rules/${id(ruleId)}/retire`, {});
}

export const extractKeys = {
  extraction: (adId: string, version?: number) =>
    ['extract', 'extraction', adId, version ?? 'current'] as const,
  rules: ['extract', 'rules'] as const,
};
