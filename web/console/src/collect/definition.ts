// A source definition as analysts read it: members in the order the documentation gives them
// (the database returns them in its own order), and a template for a new source.
import { AD_FIELDS } from './api';

const TOP_ORDER = [
  'name',
  'description',
  'country',
  'startUrls',
  'crawler',
  'listing',
  'fields',
  'waitForSelector',
  'politeness',
  'limits',
  'schedule',
  'recrawlHours',
  'keepImages',
  'fetchImages',
];
const NESTED_ORDER: Record<string, string[]> = {
  listing: ['nextPageSelector', 'adLinkSelector', 'adUrlPattern', 'listingUrlPattern'],
  fields: [...AD_FIELDS],
  politeness: ['maxConcurrencyPerHost', 'delayMs', 'respectRobotsTxt', 'userAgent'],
  limits: [
    'maxPages',
    'maxDepth',
    'maxResponseBytes',
    'pageTimeoutMs',
    'maxRedirects',
    'maxRetries',
  ],
};
const FIELD_RULE_ORDER = ['selector', 'attribute', 'pattern', 'all'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function ordered(obj: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in obj) out[k] = obj[k];
  for (const k of Object.keys(obj).sort()) if (!(k in out)) out[k] = obj[k];
  return out;
}

export function orderDefinition(def: Record<string, unknown>): Record<string, unknown> {
  const top = ordered(def, TOP_ORDER);
  for (const [key, order] of Object.entries(NESTED_ORDER)) {
    const v = top[key];
    if (isObject(v)) top[key] = ordered(v, order);
  }
  const fields = top.fields;
  if (isObject(fields)) {
    for (const [k, rule] of Object.entries(fields)) {
      if (isObject(rule)) fields[k] = ordered(rule, FIELD_RULE_ORDER);
    }
  }
  return top;
}

export const formatDefinition = (def: unknown) =>
  JSON.stringify(isObject(def) ? orderDefinition(def) : def, null, 2);

/** A starting point for a new source: every required member, with placeholders to replace. */
export const NEW_SOURCE_TEMPLATE = formatDefinition({
  name: 'new-source',
  description: '',
  country: 'NL',
  startUrls: ['https://example.org/'],
  crawler: 'http',
  listing: {
    nextPageSelector: '.pagination a',
    adLinkSelector: '.listing a.ad-link',
  },
  fields: {
    title: { selector: 'h1' },
    body: { selector: '.description' },
    city: { selector: '.city' },
    phone: { selector: 'a[href^="tel:"]', attribute: 'href', pattern: '^tel:(.+)$' },
  },
  politeness: { maxConcurrencyPerHost: 2, delayMs: 500, respectRobotsTxt: true },
  limits: { maxPages: 500, maxDepth: 10 },
});
