// E-mail addresses (also spelled out: "anna at mail dot com"), links, and messenger contacts:
// WhatsApp, Telegram, Snapchat, Instagram, OnlyFans, Signal, Kik, Line, WeChat and X, each normalised
// for its platform so the same account links ads together. Every scan is anchored on a cheap marker
// ('@', '.', a platform keyword) and reads a bounded number of characters around it: linear time.
import { lookupNumberWord } from './number-words.js';
import { internationalNumber } from './phone-numbers.js';
import type {
  EmailFact,
  MessengerFact,
  MessengerPlatform,
  Obfuscation,
  PhoneFact,
  SpanField,
  UrlFact,
} from './schema.js';
import { compilePattern, PatternIndex, type PatternHit } from './pattern.js';
import { SpanSet } from './spans.js';
import type { Token } from './text.js';

export interface ContactResult {
  emails: EmailFact[];
  urls: UrlFact[];
  messengers: MessengerFact[];
  /** Numbers found inside messenger links (wa.me/316…). */
  phones: PhoneFact[];
  /** Spans taken by addresses and links, where digits are not phone numbers. */
  claimed: SpanSet;
}

// Top-level domains accepted for bare domains (no scheme, no www) and spelled-out addresses.
const TLDS = new Set(
  (
    'com net org info biz eu nl be de fr es ro pl hu bg uk at ch it pt cz sk lu dk se no fi ie gr ' +
    'ru ua md rs hr si io me to ly cc co tv xxx sex porn adult dating link site online club vip top ' +
    'app live love chat cam escort girl fun pro mobi email shop store blog'
  ).split(' '),
);
// Country TLDs that are also common words; a bare domain with one needs a lower-case TLD.
const WORDLIKE_TLDS = new Set(['me', 'to', 'it', 'at', 'be', 'co', 'es', 'de', 'no', 'so', 'do']);

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const HOST_CHAR = /[A-Za-z0-9.-]/;
const LABEL_RE = /[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?/y;
// "@" and its disguises: [at] (at) {at} " at " and the national names of the sign.
const AT_RE =
  /\s{0,2}@\s{0,2}|\s{0,2}[([{<]\s{0,2}(?:at|@)\s{0,2}[)\]}>]\s{0,2}|\s(?:at|AT|At|apenstaartje|klammeraffe|arobase|arroba|malpa|małpa|kukac|маймунка)\s/g;
const DOT_RE =
  /\s{0,2}[([{<]\s{0,2}(?:dot|punt|punkt|point|punto|punct|kropka|pont|точка)\s{0,2}[)\]}>]\s{0,2}|\s(?:dot|DOT|punt|punkt|point|punto|punct|kropka|pont|точка)\s|\s{0,2}\.\s{0,2}/y;
const SPACE_RE = /\s/;
const SPELLED_RE = /[a-zA-Zа-я]/;
const STOP_LOCAL = new Set(
  'me us him her you mij ons mich moi nous we am are is be was ben zijn bin'.split(' '),
);

export function extractContacts(text: string, tokens: Token[], field: SpanField): ContactResult {
  const result: ContactResult = {
    emails: [],
    urls: [],
    messengers: [],
    phones: [],
    claimed: new SpanSet(),
  };
  findEmails(text, field, result);
  findLinks(text, field, result);
  findHandles(text, tokens, field, result);
  return result;
}

function findEmails(text: string, field: SpanField, out: ContactResult): void {
  AT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AT_RE.exec(text)) !== null) {
    const ms = m.index;
    const me = ms + m[0].length;
    const marker = m[0];
    let ls = ms;
    while (ls > 0 && ms - ls < 64 && LOCAL_CHAR.test(text[ls - 1] ?? '')) ls--;
    while (ls < ms && text[ls] === '.') ls++;
    const local = text.slice(ls, ms);
    if (!local || !/[A-Za-z0-9]/.test(local)) continue;
    // "instagram @bianca.ro", "snap @ mia.x": a platform's name, a spaced "@" and a handle.
    // "my insta is @lola.mx": a common word before a spaced "@" is no mailbox either.
    if (
      marker.trim() !== marker &&
      (PLATFORM_WORDS.has(local.toLowerCase()) || STOP_LOCAL.has(local.toLowerCase()))
    )
      continue;
    const domain = readDomain(text, me);
    if (!domain) continue;
    const spelled = SPELLED_RE.test(marker) || domain.spelled;
    const tld = domain.labels[domain.labels.length - 1] ?? '';
    if (spelled && (!TLDS.has(tld.toLowerCase()) || STOP_LOCAL.has(local.toLowerCase()))) continue;
    if (!spelled && !/^[A-Za-z]{2,24}$/.test(tld)) continue;
    const obfuscation: Obfuscation[] = [];
    if (spelled) obfuscation.push('words');
    // Spaces around a spelled-out "at"/"dot" are part of the words; around "@" and "." they are
    // a spacing trick.
    if ((SPACE_RE.test(marker) && marker.trim() === '@') || domain.spaced)
      obfuscation.push('spacing');
    const value = `${local.toLowerCase()}@${domain.labels.join('.').toLowerCase()}`;
    out.emails.push({
      kind: 'email',
      value,
      raw: text.slice(ls, domain.end),
      span: { field, start: ls, end: domain.end },
      rule: spelled ? 'email.spelled' : 'email.address',
      obfuscated: obfuscation.length > 0,
      obfuscation,
    });
    out.claimed.add(ls, domain.end);
    AT_RE.lastIndex = Math.max(AT_RE.lastIndex, domain.end);
  }
}

function readDomain(
  text: string,
  from: number,
): { labels: string[]; end: number; spelled: boolean; spaced: boolean } | null {
  const labels: { label: string; end: number; sep: string }[] = [];
  let pos = from;
  let sep = '';
  for (let i = 0; i < 8; i++) {
    LABEL_RE.lastIndex = pos;
    const label = LABEL_RE.exec(text);
    if (!label) break;
    const end = pos + label[0].length;
    labels.push({ label: label[0], end, sep });
    DOT_RE.lastIndex = end;
    const dot = DOT_RE.exec(text);
    if (!dot) break;
    LABEL_RE.lastIndex = end + dot[0].length;
    if (!LABEL_RE.test(text)) break;
    sep = dot[0];
    pos = end + dot[0].length;
  }
  // "anna@mail.com. Bel me": a spaced dot before a word that is no top-level domain ends a
  // sentence, not the domain.
  while (labels.length > 2) {
    const last = labels[labels.length - 1];
    const prev = labels[labels.length - 2];
    if (!last || !prev) break;
    const lastIsTld = TLDS.has(last.label.toLowerCase());
    if (lastIsTld && !/^\s*\.\s+$/.test(last.sep)) break;
    if (!TLDS.has(prev.label.toLowerCase())) break;
    labels.pop();
  }
  const last = labels[labels.length - 1];
  if (labels.length < 2 || !last) return null;
  let spelled = false;
  let spaced = false;
  for (const l of labels.slice(1)) {
    if (SPELLED_RE.test(l.sep.replace(/\s/g, '').replace('.', ''))) spelled = true;
    else if (SPACE_RE.test(l.sep)) spaced = true;
  }
  return { labels: labels.map((l) => l.label), end: last.end, spelled, spaced };
}

function findLinks(text: string, field: SpanField, out: ContactResult): void {
  let dot = text.indexOf('.');
  while (dot >= 0) {
    const next = scanLinkAt(text, dot, field, out);
    dot = text.indexOf('.', Math.max(dot + 1, next));
  }
}

/** Tries the dot at `dot` as the last dot of a host name; returns where scanning may resume. */
function scanLinkAt(text: string, dot: number, field: SpanField, out: ContactResult): number {
  let te = dot + 1;
  while (te < text.length && te - dot <= 24 && /[A-Za-z]/.test(text[te] ?? '')) te++;
  const tld = text.slice(dot + 1, te);
  if (tld.length < 2 || /[A-Za-z0-9-]/.test(text[te] ?? '')) return dot + 1;
  if (text[te] === '.' && /[A-Za-z]/.test(text[te + 1] ?? '')) return dot + 1; // not the last dot
  if (!TLDS.has(tld.toLowerCase())) return dot + 1;
  let hs = dot;
  while (hs > 0 && dot - hs < 253 && HOST_CHAR.test(text[hs - 1] ?? '')) hs--;
  while (hs < dot && /[.-]/.test(text[hs] ?? '')) hs++;
  if (hs === dot) return dot + 1;
  if (text[hs - 1] === '@') return te; // the domain of an e-mail address
  if (out.claimed.overlaps(hs, te)) return te;
  const host = text.slice(hs, te);
  let start = hs;
  const schemeMatch = /(https?:\/\/)$/i.exec(text.slice(Math.max(0, hs - 8), hs));
  if (schemeMatch?.[1]) start = hs - schemeMatch[1].length;
  const hasWww = /^www\./i.test(host);
  if (!schemeMatch && !hasWww) {
    const firstTld = tld[0] ?? '';
    if (firstTld !== firstTld.toLowerCase() && WORDLIKE_TLDS.has(tld.toLowerCase())) return te;
    if (/[A-Z]/.test(tld) && /[a-z]$/.test(text.slice(hs, dot))) return te; // "stad.De …"
    if (!/[A-Za-z]/.test(text.slice(hs, dot))) return te; // "1.nl"? a number, not a host
  }
  let end = te;
  if (/[/?#]/.test(text[te] ?? '')) {
    while (end < text.length && end - te < 512 && /[^\s<>"'()[\]{}]/.test(text[end] ?? '')) end++;
    while (end > te && /[.,;:!?]/.test(text[end - 1] ?? '')) end--;
  }
  const path = text.slice(te, end);
  const raw = text.slice(start, end);
  const hostLower = host.toLowerCase().replace(/^www\./, '');
  out.claimed.add(start, end);
  const messenger = messengerFromLink(hostLower, path);
  if (messenger) {
    const span = { field, start, end };
    const phone = messenger.phone;
    out.messengers.push({
      kind: 'messenger',
      value: `${messenger.platform}:${messenger.handle}`,
      raw,
      span,
      rule: `messenger.link.${messenger.platform}`,
      platform: messenger.platform,
      handle: messenger.handle,
      phone: phone?.e164 ?? null,
      obfuscated: false,
      obfuscation: [],
    });
    if (phone) {
      out.phones.push({
        kind: 'phone',
        value: phone.e164,
        raw,
        span,
        rule: `phone.${messenger.platform}_link`,
        country: phone.country,
        numberType: phone.type,
        international: true,
        obfuscated: false,
        obfuscation: [],
      });
    }
    return end;
  }
  const cleanPath = path.replace(/\/+$/, '');
  out.urls.push({
    kind: 'url',
    value: `${hostLower}${cleanPath}`,
    raw,
    span: { field, start, end },
    rule: schemeMatch ? 'url.scheme' : hasWww ? 'url.www' : 'url.domain',
    host: hostLower,
  });
  return end;
}

interface LinkMessenger {
  platform: MessengerPlatform;
  handle: string;
  phone: ReturnType<typeof internationalNumber>;
}

const INSTAGRAM_RESERVED = new Set(['p', 'reel', 'reels', 'explore', 'stories', 'accounts', 'tv']);
const X_RESERVED = new Set([
  'home',
  'search',
  'i',
  'intent',
  'share',
  'hashtag',
  'explore',
  'login',
]);

/** Reads the platform account out of a messenger link, or null for an ordinary link. */
function messengerFromLink(host: string, path: string): LinkMessenger | null {
  const seg = path.split(/[/?#]/).filter(Boolean);
  const first = (seg[0] ?? '').replace(/^@/, '');
  const handle = (h: string): string => h.toLowerCase().replace(/[.]+$/, '');
  const withPhone = (platform: MessengerPlatform, digits: string): LinkMessenger | null => {
    const phone = internationalNumber(digits.replace(/\D/g, ''));
    return phone ? { platform, handle: phone.e164, phone } : null;
  };
  switch (host) {
    case 'wa.me':
      return withPhone('whatsapp', first);
    case 'api.whatsapp.com':
    case 'web.whatsapp.com':
    case 'whatsapp.com': {
      const q = /[?&]phone=\+?(\d{8,15})/.exec(path);
      return q?.[1] ? withPhone('whatsapp', q[1]) : null;
    }
    case 'chat.whatsapp.com':
      return first ? { platform: 'whatsapp', handle: `group/${first}`, phone: null } : null;
    case 't.me':
    case 'telegram.me':
    case 'telegram.dog': {
      if (first.startsWith('+') || first === 'joinchat') {
        const code = first === 'joinchat' ? (seg[1] ?? '') : first.slice(1);
        return code ? { platform: 'telegram', handle: `group/${code}`, phone: null } : null;
      }
      return /^[A-Za-z0-9_]{4,32}$/.test(first)
        ? { platform: 'telegram', handle: handle(first), phone: null }
        : null;
    }
    case 'snapchat.com': {
      const h = seg[0] === 'add' ? (seg[1] ?? '') : first;
      return h ? { platform: 'snapchat', handle: handle(h), phone: null } : null;
    }
    case 'instagram.com':
    case 'instagr.am':
      return first && !INSTAGRAM_RESERVED.has(first.toLowerCase())
        ? { platform: 'instagram', handle: handle(first), phone: null }
        : null;
    case 'onlyfans.com':
      return first ? { platform: 'onlyfans', handle: handle(first), phone: null } : null;
    case 'signal.me': {
      const p = /#p\/\+?(\d{8,15})/.exec(path);
      return p?.[1] ? withPhone('signal', p[1]) : null;
    }
    case 'kik.me':
      return first ? { platform: 'kik', handle: handle(first), phone: null } : null;
    case 'line.me': {
      const id = /\/(?:R\/)?ti\/p\/[~@]?([A-Za-z0-9._-]{2,40})/.exec(path);
      return id?.[1] ? { platform: 'line', handle: handle(id[1]), phone: null } : null;
    }
    case 'u.wechat.com':
    case 'weixin.qq.com':
      return first ? { platform: 'wechat', handle: first, phone: null } : null;
    case 'x.com':
    case 'twitter.com':
    case 'mobile.twitter.com':
      return /^[A-Za-z0-9_]{1,15}$/.test(first) && !X_RESERVED.has(first.toLowerCase())
        ? { platform: 'x', handle: handle(first), phone: null }
        : null;
    default:
      return null;
  }
}

// Platform keywords written in ads. Ambiguous short ones ("sc", "ig", "of", "line") only count when
// followed by ":" / "=" / "@" and a handle; see AMBIGUOUS.
const KEYWORDS: Record<Exclude<MessengerPlatform, 'unknown'>, string[]> = {
  whatsapp: ['whatsapp*', 'whats app', 'watsapp*', 'wapp', 'wa', 'ватсап', 'вотсап', 'уатсап'],
  telegram: ['telegram*', 'tg', 'телеграм*'],
  // Polish declines it: "na snapie", "dodaj na snapa".
  snapchat: ['snapchat', 'snap', 'sc', 'snapie', 'snapa', 'snapchacie'],
  instagram: ['instagram', 'insta', 'ig'],
  onlyfans: ['onlyfans', 'of'],
  signal: ['signal'],
  kik: ['kik'],
  line: ['line id', 'line'],
  wechat: ['wechat', 'weixin', 'wechat id', '微信'],
  x: ['twitter', 'x'],
};
const AMBIGUOUS = new Set(['sc', 'ig', 'of', 'line', 'signal', 'snap', 'wa', 'tg', 'kik', 'x']);
const NEEDS_SEPARATOR = new Set(['of', 'line', 'signal', 'x', 'wa']);
/** Every platform keyword of one word, as an e-mail's local part would hold it. */
const PLATFORM_WORDS = new Set(
  Object.values(KEYWORDS)
    .flat()
    .filter((k) => /^[a-z]+$/.test(k)),
);

let keywordIndex: PatternIndex<MessengerPlatform> | undefined;
function keywords(): PatternIndex<MessengerPlatform> {
  keywordIndex ??= new PatternIndex(
    Object.entries(KEYWORDS).flatMap(([platform, list]) =>
      list.map((p) => ({ pattern: compilePattern(p), data: platform as MessengerPlatform })),
    ),
  );
  return keywordIndex;
}

/**
 * The platform keywords in an ad's tokens. Handles and phone messengers both ask for them over
 * the same tokens one after the other, so the last answer is kept (tokens are never changed).
 */
let lastKeywordHits: { tokens: Token[]; hits: PatternHit<MessengerPlatform>[] } | undefined;
function keywordHits(tokens: Token[]): PatternHit<MessengerPlatform>[] {
  if (lastKeywordHits?.tokens !== tokens) {
    lastKeywordHits = { tokens, hits: keywords().find(tokens) };
  }
  return lastKeywordHits.hits;
}

// After the keyword: "snap: x", "snapchat id is x", "kik – x", "telegram as x", "insta @ x".
// "Kik me: x", "add my snap 👉 x" (a pointing emoji or arrow as the colon).
const HANDLE_AFTER_RE =
  /[ \t]{0,3}(?:(?:me|mij|mich|moi|id|name|username|user)\b)?[ \t]{0,2}([:=\-–>→➡👉]{0,2}\uFE0F?)[ \t]{0,3}(?:(?:is|as)[ \t]{1,2})?(@?)[ \t]{0,2}([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,31})/uy;
const STOP_HANDLES = new Set(
  (
    'me mij ons us only alleen enkel nur also ook too and en or of for to naar is my mijn me. ' +
    'available beschikbaar call bel text sms app me, contact hier here nummer number nr tel'
  ).split(' '),
);

function findHandles(text: string, tokens: Token[], field: SpanField, out: ContactResult): void {
  const taken = (s: number, e: number): boolean => out.claimed.overlaps(s, e);
  for (const hit of keywordHits(tokens)) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last) continue;
    HANDLE_AFTER_RE.lastIndex = last.end;
    const m = HANDLE_AFTER_RE.exec(text);
    if (!m) continue;
    const [, sep = '', at = '', rawHandle = ''] = m;
    const kw = text.slice(first.start, last.end).toLowerCase();
    const handle = rawHandle.replace(/[.-]+$/, '');
    // Without ":" or "@" only a handle-looking word counts ("Telegram anna_x", not "Telegram voor
    // afspraken"); the shortest keywords ("of", "x", "line") always need the separator, the other
    // short ones a handle that has an underscore or digits in it ("snap anna_b23").
    const handleLike = /[\p{L}].*[_\d.]|[_\d.].*\p{L}/u.test(handle);
    const strongHandle = /[\p{L}].*[_\d]|[_\d].*\p{L}/u.test(handle);
    if (
      !sep &&
      !at &&
      (!handleLike || (AMBIGUOUS.has(kw) && (NEEDS_SEPARATOR.has(kw) || !strongHandle)))
    )
      continue;
    if (handle.length < 3 || !/\p{L}/u.test(handle) || STOP_HANDLES.has(handle.toLowerCase())) {
      continue;
    }
    // "WhatsApp: nul zes…" is a number written out, not a handle; taken as one it would join
    // every ad that spells its number that way into one entity.
    if (
      /^\p{L}+$/u.test(handle) &&
      (lookupNumberWord(handle) || lookupNumberWord(handle.replace(/s$/, '')))
    ) {
      continue;
    }
    const end = last.end + m[0].length - (rawHandle.length - handle.length);
    const hStart = end - handle.length - at.length;
    if (taken(hStart, end)) continue;
    pushHandle(out, text, field, hit.data, handle, first.start, end, 'messenger.keyword');
  }
  // Bare @handles: the platform comes from a keyword shortly before, else it stays unknown.
  let at = text.indexOf('@');
  while (at >= 0) {
    const prev = text[at - 1] ?? '';
    if (!/[A-Za-z0-9._%+-]/.test(prev)) {
      BARE_RE.lastIndex = at + 1;
      const m = BARE_RE.exec(text);
      const handle = m?.[0]?.replace(/[.]+$/, '') ?? '';
      const end = at + 1 + handle.length;
      if (handle.length >= 3 && /\p{L}/u.test(handle) && !taken(at, end)) {
        const before = platformBefore(text, tokens, at);
        const platform = before === 'unknown' ? platformAfter(text, tokens, end) : before;
        pushHandle(out, text, field, platform, handle, at, end, 'messenger.at_handle');
      }
    }
    at = text.indexOf('@', at + 1);
  }
}
const BARE_RE = /[\p{L}\p{N}_][\p{L}\p{N}_.]{1,31}/uy;

function platformBefore(text: string, tokens: Token[], at: number): MessengerPlatform {
  const windowStart = Math.max(0, at - 30);
  const lineBreak = text.lastIndexOf('\n', at);
  const from = Math.max(windowStart, lineBreak + 1);
  const near: Token[] = [];
  for (let i = firstTokenAtOrAfter(tokens, from); i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.end > at) break;
    near.push(t);
  }
  let platform: MessengerPlatform = 'unknown';
  for (const hit of keywords().find(near)) platform = hit.data;
  return platform;
}

// Words that put a platform after a handle: "@bella.x on insta", "@mia op snapchat".
const ON_WORDS = new Set(['on', 'op', 'auf', 'sur', 'pe', 'na', 'en', 'in', 'via', 'at', 'bei']);

/** "@bella.x on insta", "@mia (snapchat)", "@lena - telegram": the platform named right after. */
function platformAfter(text: string, tokens: Token[], end: number): MessengerPlatform {
  let i = firstTokenAtOrAfter(tokens, end);
  const first = tokens[i];
  if (!first || first.brk || /\n/.test(text.slice(end, first.start))) return 'unknown';
  const on = ON_WORDS.has(first.norm);
  if (on) i++;
  const near = tokens.slice(i, i + 2).filter((t) => !t.brk);
  const hit = keywords()
    .find(near)
    .find((h) => h.startToken === 0);
  if (!hit) return 'unknown';
  // Without "on" a short keyword ("x", "sc", "of") is too often another word.
  const word = near
    .slice(0, hit.endToken)
    .map((t) => t.norm)
    .join(' ');
  return on || !AMBIGUOUS.has(word) ? hit.data : 'unknown';
}

/** Index of the first token starting at or after `offset` (binary search: tokens are sorted). */
export function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushHandle(
  out: ContactResult,
  text: string,
  field: SpanField,
  platform: MessengerPlatform,
  handle: string,
  start: number,
  end: number,
  rule: string,
): void {
  const norm = platform === 'wechat' || platform === 'line' ? handle : handle.toLowerCase();
  out.messengers.push({
    kind: 'messenger',
    value: `${platform}:${norm}`,
    raw: text.slice(start, end),
    span: { field, start, end },
    rule: `${rule}.${platform}`,
    platform,
    handle: norm,
    phone: null,
    obfuscated: false,
    obfuscation: [],
  });
  out.claimed.add(start, end);
}

/**
 * Messenger contacts given as a phone number next to the platform's name ("WhatsApp: 06 …",
 * "bel of app 06…", "Signal +31…"): the first number after the name (within 40 characters), else
 * the last one just before it ("06 … (whatsapp)"), never across a sentence or line break.
 */
export function messengersForPhones(
  text: string,
  tokens: Token[],
  phones: PhoneFact[],
  field: SpanField,
): MessengerFact[] {
  const out: MessengerFact[] = [];
  // A number with no country is no messenger id either: "whatsapp:0612345678" would join every ad
  // that gives those digits, whichever country's number each one means.
  const sorted = phones
    .filter((p) => p.span.field === field && !p.countryUnknown)
    .sort((a, b) => a.span.start - b.span.start);
  if (sorted.length === 0) return out;
  const phoneKeywords = keywordHits(tokens).filter(
    (h) => h.data === 'whatsapp' || h.data === 'telegram' || h.data === 'signal',
  );
  const appMe = APP_ME_INDEX.find(tokens).map((h) => ({ ...h, data: 'whatsapp' as const }));
  const seen = new Set<string>();
  for (const hit of [...phoneKeywords, ...appMe]) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last) continue;
    const next = firstPhoneFrom(sorted, last.end);
    const after = sorted[next];
    const before = sorted[next - 1];
    let phone: PhoneFact | undefined;
    if (
      after &&
      after.span.start - last.end <= 40 &&
      !SENTENCE_BREAK_RE.test(text.slice(last.end, after.span.start))
    ) {
      phone = after;
    } else if (
      before &&
      before.span.end <= first.start &&
      first.start - before.span.end <= 25 &&
      !SENTENCE_BREAK_RE.test(text.slice(before.span.end, first.start))
    ) {
      phone = before;
    }
    if (!phone) continue;
    const key = `${hit.data}:${phone.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = Math.min(first.start, phone.span.start);
    const end = Math.max(last.end, phone.span.end);
    out.push({
      kind: 'messenger',
      value: key,
      raw: text.slice(start, end),
      span: { field, start, end },
      rule: `messenger.phone.${hit.data}`,
      platform: hit.data,
      handle: phone.value,
      phone: phone.value,
      obfuscated: phone.obfuscated,
      obfuscation: phone.obfuscation,
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
const SENTENCE_BREAK_RE = /[.!?]\s|\n/;

/** Index of the first phone starting at or after `offset` (binary search over sorted phones). */
function firstPhoneFrom(sorted: PhoneFact[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.span.start ?? Infinity) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Dutch "app me/mij", "bel of app" (= WhatsApp me), also "appen", "stuur een appje".
const APP_ME_INDEX = new PatternIndex(
  [
    'app (me|mij|ff|gerust|even)',
    '(bel|sms|bellen) (of|en)? app',
    'app of (bel|sms)',
    'appen',
    'appje',
    'appt',
    'whatsappen',
  ].map((p) => ({
    pattern: compilePattern(p),
    data: 'whatsapp' as const,
  })),
);
