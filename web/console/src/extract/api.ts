// Calls and shapes of the extraction context (see src/facts/routes.ts and src/extract/schema.ts
// on the server): the facts found in an ad with their spans, the audited reveal of one identifier,
// and the analysts' custom terms and block-list.
import { api } from '../api/client';
import type { Answer, Schemas } from '../api/contract';

const id = encodeURIComponent;

export type RuleList = Answer<'/api/extract/rules'>;
export type Rule = RuleList['rules'][number];
export type RuleType = Rule['type'];
export type TermRule = Extract<Rule, { type: 'custom_term' }>;
export type BlockListRule = Extract<Rule, { type: 'block' }>;
type CustomTermRule = TermRule['body'];
type BlockRule = BlockListRule['body'];

/** Where a fact was found: the structured field or free text (src/extract/schema.ts SpanField). */
export type SpanField = NonNullable<BlockRule['field']>;
export const SPAN_FIELDS = [
  'title',
  'body',
  'phone',
  'age',
  'price',
  'city',
  'displayName',
] as const satisfies readonly SpanField[];

export type FactKind = BlockRule['kind'];
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
] as const satisfies readonly FactKind[];
export const isFactKind = (k: string): k is FactKind =>
  (FACT_KINDS as readonly string[]).includes(k);

/** Identifiers are masked by the server; their plain value needs the audited reveal. */
export const IDENTIFIER_KINDS = ['phone', 'email', 'messenger', 'url'] as const;
export const isIdentifierKind = (k: string) => (IDENTIFIER_KINDS as readonly string[]).includes(k);

export type Evidence = CustomTermRule['evidence'];
export const EVIDENCE_LEVELS = [
  'validated',
  'practitioner',
  'contested',
] as const satisfies readonly Evidence[];

export type IndicatorCategory = CustomTermRule['category'];
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
  'easy_money',
  'account_lending',
  'drug_running',
  'travel_paid',
  'no_questions',
  'targets_young',
  'private_app',
] as const satisfies readonly IndicatorCategory[];
/** Fails to compile when the server has a category this list lacks (a custom term could not use it). */
type MissingCategory = Exclude<IndicatorCategory, (typeof INDICATOR_CATEGORIES)[number]>;
const everyCategory: [MissingCategory] extends [never] ? true : MissingCategory = true;
void everyCategory;

/**
 * The fields of one kind of fact (src/extract/schema.ts). The API holds only the part every fact
 * shares to a schema (Schemas['Fact']): a result stored by an older rule set keeps its older
 * shape, so the console reads these defensively.
 */
interface FactKindFields {
  weight?: number;
  language?: string;
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

/** One fact as the API gives it; identifiers come masked, with the id to reveal them by. */
export type Fact = Schemas['Fact'] & FactKindFields;

export type Extraction = Omit<Answer<'/api/ads/{id}/extraction'>, 'facts' | 'suppressed'> & {
  facts: Fact[];
  suppressed: { fact: Fact; reason: string; by: string }[];
};

export function fetchExtraction(adId: string, version?: number): Promise<Extraction> {
  const q = version ? `?version=${version}` : '';
  return api.get(`/api/ads/${id(adId)}/extraction${q}`);
}

export type Revealed = Answer<'/api/identifiers/{id}/reveal', 'post'>;

/** Shows one identifier in the clear. The server records who did it, when, and why. */
export function revealIdentifier(identifierId: string, reason?: string): Promise<Revealed> {
  return api.post<Revealed>(
    `/api/identifiers/${id(identifierId)}/reveal`,
    reason ? { reason } : {},
  );
}

// ---- rules ----------------------------------------------------------------------------------

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
  return api.get<RuleList>('/api/extract/rules');
}

export function addRule(
  input: { type: 'custom_term'; rule: CustomTermInput } | { type: 'block'; rule: BlockRuleInput },
): Promise<Rule> {
  return api.post<Answer<'/api/extract/rules', 'post', 201>>('/api/extract/rules', input);
}

export type RetiredRule = Answer<'/api/extract/rules/{id}/retire', 'post'>;

export function retireRule(ruleId: string): Promise<RetiredRule> {
  return api.post<RetiredRule>(`/api/extract/rules/${id(ruleId)}/retire`, {});
}

export const extractKeys = {
  extraction: (adId: string, version?: number) =>
    ['extract', 'extraction', adId, version ?? 'current'] as const,
  rules: ['extract', 'rules'] as const,
};
