// Reads a fetched page with the source's rules: decodes its bytes by the HTML Standard's encoding
// sniffing (header, BOM, meta charset), finds listing and ad links, and reads each ad field as
// plain text. Scraped HTML is turned into text here and never rendered as HTML anywhere.
import { load, type CheerioAPI } from 'cheerio';
import { hasChildren, isTag, isText, type AnyNode } from 'domhandler';
import { decodeBuffer, getEncoding } from 'encoding-sniffer';
import type { AdField, FieldRule, SourceDefinition } from './source-definition.js';

/** Text fields are capped: a hostile page must not blow up storage or the extractor. */
export const MAX_FIELD_CHARS = 50_000;

/** Parses a page once; pass the result to findLinks and parseAdPage. */
export function loadPage(html: string): CheerioAPI {
  return load(html);
}

export interface DecodedPage {
  html: string;
  encoding: string;
}

export function decodePage(body: Buffer, contentType: string | undefined): DecodedPage {
  const label = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  const options = label ? { transportLayerEncodingLabel: label } : {};
  return { html: decodeBuffer(body, options), encoding: getEncoding(body, options) };
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'head',
]);

/** Plain text of an element, keeping line breaks where the page has them (br, blocks). */
export function elementText(el: AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      parts.push(node.data);
      return;
    }
    if (!hasChildren(node)) return;
    const tag = isTag(node) ? node.tagName.toLowerCase() : '';
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    if (BLOCK.has(tag)) parts.push('\n');
    for (const child of node.children) walk(child);
    if (BLOCK.has(tag)) parts.push('\n');
  };
  walk(el);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\f\v\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function cap(text: string): string {
  return text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text;
}

function applyPattern(value: string, pattern: string | undefined): string | undefined {
  if (!pattern) return value;
  const m = new RegExp(pattern, 'u').exec(value);
  if (!m) return undefined;
  return (m[1] ?? m[0]).trim();
}

function readRule($: CheerioAPI, rule: FieldRule, baseUrl: string, asUrl: boolean): string[] {
  let nodes;
  try {
    nodes = $(rule.selector);
  } catch {
    throw new Error(`selector "${rule.selector}" is not valid CSS`);
  }
  const values: string[] = [];
  for (const el of nodes.toArray()) {
    let raw = rule.attribute ? ($(el).attr(rule.attribute) ?? '') : elementText(el);
    raw = raw.trim();
    if (asUrl && raw) {
      try {
        raw = new URL(raw, baseUrl).toString();
      } catch {
        continue;
      }
    }
    const value = applyPattern(raw, rule.pattern);
    if (value) values.push(cap(value));
    if (!rule.all && values.length > 0) break;
  }
  return values;
}

export interface ParsedAd {
  fields: Partial<Record<Exclude<AdField, 'images'>, string>> & { images?: string[] };
  /** Fields the source defines that this page did not yield. */
  missing: AdField[];
  errors: string[];
}

/** Reads every field the source defines from an ad page. Never throws: problems go to `errors`. */
export function parseAdPage(
  page: string | CheerioAPI,
  url: string,
  def: SourceDefinition,
): ParsedAd {
  const $ = typeof page === 'string' ? load(page) : page;
  const fields: ParsedAd['fields'] = {};
  const missing: AdField[] = [];
  const errors: string[] = [];
  for (const [name, rule] of Object.entries(def.fields) as [AdField, FieldRule | undefined][]) {
    if (!rule) continue;
    try {
      const values = readRule($, rule, url, name === 'images');
      if (values.length === 0) {
        missing.push(name);
        continue;
      }
      if (name === 'images') fields.images = values.slice(0, 50);
      else fields[name] = values[0];
    } catch (err) {
      errors.push(`${name}: ${(err as Error).message}`);
      missing.push(name);
    }
  }
  if (!fields.body) errors.push('body: nothing matched, so this page yields no ad');
  return { fields, missing, errors };
}

export interface PageLinks {
  ads: string[];
  listings: string[];
}

function sameSite(url: URL, allowedHosts: Set<string>): boolean {
  return (url.protocol === 'http:' || url.protocol === 'https:') && allowedHosts.has(url.host);
}

/** Finds ad and listing links on a page, resolved, de-duplicated and kept on the source's hosts. */
export function findLinks(
  page: string | CheerioAPI,
  pageUrl: string,
  def: SourceDefinition,
): PageLinks {
  const $ = typeof page === 'string' ? load(page) : page;
  const allowedHosts = new Set(def.startUrls.map((u) => new URL(u).host));
  const adPattern = def.listing.adUrlPattern ? new RegExp(def.listing.adUrlPattern, 'u') : null;
  const listingPattern = def.listing.listingUrlPattern
    ? new RegExp(def.listing.listingUrlPattern, 'u')
    : null;
  const ads = new Set<string>();
  const listings = new Set<string>();
  const resolve = (href: string | undefined): URL | null => {
    if (!href) return null;
    try {
      const u = new URL(href, pageUrl);
      u.hash = '';
      return sameSite(u, allowedHosts) ? u : null;
    } catch {
      return null;
    }
  };
  const select = (selector: string | undefined): string[] => {
    if (!selector) return [];
    try {
      return $(selector)
        .toArray()
        .map((el) => $(el).attr('href') ?? '');
    } catch {
      return [];
    }
  };
  for (const href of select(def.listing.adLinkSelector)) {
    const u = resolve(href);
    if (u) ads.add(u.toString());
  }
  for (const href of select(def.listing.nextPageSelector)) {
    const u = resolve(href);
    if (u) listings.add(u.toString());
  }
  if (adPattern || listingPattern) {
    for (const el of $('a[href]').toArray()) {
      const u = resolve($(el).attr('href'));
      if (!u) continue;
      const s = u.toString();
      if (adPattern?.test(s)) ads.add(s);
      else if (listingPattern?.test(s)) listings.add(s);
    }
  }
  for (const a of ads) listings.delete(a);
  return { ads: [...ads], listings: [...listings] };
}
