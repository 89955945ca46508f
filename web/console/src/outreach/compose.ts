// What the compose dialog works out before anything is sent, kept free of React so it can be
// tested alone: which channels reach which identifiers (and which identifier to offer first), what
// one ad says for the placeholders, the language the ads suggest, how a variant reads with the
// values filled in, and a time in the person's zone beside the worker's.
import type { EntityAd, EntityDetail, EntityIdentifier } from '../triage/api';
import type { Channel, OutreachTemplate } from './api';

export const OUTREACH_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'ro', 'pl', 'hu', 'bg'] as const;
const SMS_KINDS = ['smpp', 'cm', 'messagebird', 'twilio'];

/** Which channel kinds can reach an identifier of this kind. */
export function channelFits(identifier: EntityIdentifier, channel: Channel): boolean {
  if (channel.kind === 'manual') return true;
  if (identifier.kind === 'phone')
    return SMS_KINDS.includes(channel.kind) || channel.kind === 'whatsapp';
  if (identifier.kind === 'email') return channel.kind === 'email';
  return false;
}

/** How a channel reaches people, in the words a worker uses: the kind's protocol is the admin's. */
export function channelMedium(kind: string): 'sms' | 'whatsapp' | 'email' | 'manual' {
  if (kind === 'whatsapp' || kind === 'email' || kind === 'manual') return kind;
  return 'sms';
}

/**
 * When a refused message could be scheduled instead: only time held it back, and a channel that
 * sends by itself carries it (a message by hand is written when the worker writes it; the server
 * refuses to schedule one).
 */
export function scheduleFrom(
  refusal: { rule: string | null; notBefore: string | null } | null,
  channelKind: string | undefined,
): string | null {
  if (!refusal || refusal.rule !== 'quiet_hours' || !channelKind) return null;
  return channelKind === 'manual' ? null : refusal.notBefore;
}

/**
 * The channel the dialog offers first for a contact: one that sends by itself before one by hand.
 * A channel by hand reaches every contact, but writing by hand on a platform is the worker's own
 * choice; a phone number should not default to it.
 */
export function defaultChannel<C extends { kind: string }>(usable: C[]): C | undefined {
  return usable.find((c) => c.kind !== 'manual') ?? usable[0];
}

/** The enabled channels that reach an identifier. */
export function channelsFor(identifier: EntityIdentifier, channels: Channel[]): Channel[] {
  return channels.filter((c) => c.enabled && channelFits(identifier, c));
}

/**
 * The identifier the dialog offers first: one a channel that is set up reaches (a phone number
 * before an address or a handle), else the first. A WhatsApp handle while only SMS is set up is
 * not the default when the person's phone number is there.
 */
export function defaultIdentifier(
  identifiers: EntityIdentifier[],
  channels: Channel[],
): EntityIdentifier | undefined {
  const reachable = identifiers.filter((i) => channelsFor(i, channels).length > 0);
  return reachable.find((i) => i.kind === 'phone') ?? reachable[0] ?? identifiers[0];
}

/** What kind of identifier no channel reaches, for "no channel set up reaches …". */
export function identifierSort(i: EntityIdentifier): string {
  if (i.kind === 'messenger') return i.platform ? `messenger:${i.platform}` : 'messenger';
  return i.kind;
}

/** Identifiers one can write to (not pictures or web pages). */
export const contactable = (i: EntityIdentifier) =>
  i.kind === 'phone' || i.kind === 'email' || i.kind === 'messenger';

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v && v.trim()) counts.set(v.trim(), (counts.get(v.trim()) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** What the ads say about the person, for the placeholders and the language. */
export function entityDefaults(entity: EntityDetail) {
  const latest = [...entity.ads].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  const language = mostCommon([
    ...entity.ads.map((a) => a.language),
    ...(entity.features?.languages ?? []),
  ]);
  return {
    displayName: mostCommon(entity.ads.map((a) => a.displayName)) ?? '',
    city: latest.find((a) => a.city)?.city ?? entity.movement.at(-1)?.name ?? '',
    language:
      language && (OUTREACH_LANGUAGES as readonly string[]).includes(language) ? language : null,
  };
}

/**
 * The placeholders from ONE ad the worker picks, never a mix: the most common name of one ad with
 * the latest city of another would address a person who may not exist (and on a number behind
 * several names, tell the controller who was found where). No ad: no name, no city.
 */
export function adValues(ad: EntityAd | undefined): { displayName: string; city: string } {
  return { displayName: ad?.displayName?.trim() ?? '', city: ad?.city?.trim() ?? '' };
}

/** "Tue 09:00" in a time zone (the person's, or the worker's own when absent). */
export function timeIn(iso: string, zone: string | undefined, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    ...(zone ? { timeZone: zone } : {}),
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

const LIMITS = { displayName: 30, city: 40 } as const;
const UNSAFE_IN_VALUE_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Cs}\s{}]+/gu;
// Marks a removed placeholder while the text around it is tidied (private use: never in a text).
const GAP = '\uE000';

/** A value as the server inserts it: one line, no invisible characters, at most `max` characters. */
function sanitise(raw: string | null | undefined, max: number): string | null {
  if (raw == null) return null;
  const flat = raw.normalize('NFC').replace(UNSAFE_IN_VALUE_RE, ' ').trim();
  const out = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(flat)]
    .slice(0, max)
    .map((s) => s.segment)
    .join('')
    .trim();
  return out === '' ? null : out;
}

const capitaliseFirst = (s: string, language: string) =>
  s.replace(
    /^([¿¡"'«„(]*)(\p{Ll})/u,
    (_, lead: string, letter: string) => lead + letter.toLocaleUpperCase(language),
  );

/** The same tidying as the server's renderTemplate where a placeholder was left out. */
function tidyRemoved(text: string, language: string): string {
  return text
    .replace(/\uE000(?:[ \t]*\uE000)+/gu, GAP)
    .replace(
      /(^|\n)[ \t]*\uE000[ \t]*[,;:]?[ \t]*([^\n]*)/gu,
      (_, nl: string, rest: string) => nl + capitaliseFirst(rest, language),
    )
    .replace(/[ \t]*[,;:][ \t]*\uE000[ \t]*(?=[.!?…]|\n|$)/gu, '')
    .replace(/[ \t]*\uE000[ \t]*(?=[,.!?;:…)])/gu, '')
    .replace(/[ \t]*\uE000[ \t]*/gu, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The variant as it will read with these values: a value, else the template's fallback, else the
 * placeholder is left out and the sentence closed up, as src/outreach/domain/templates.ts
 * renderTemplate does (the server renders the text that is sent; this is its preview).
 */
export function fillPlaceholders(
  text: string,
  values: { displayName: string; city: string },
  fallbacks: OutreachTemplate['fallbacks'],
  language = 'en',
): string {
  let removed = false;
  const out = text.replace(/\{(displayName|city)\}/g, (_, name: 'displayName' | 'city') => {
    const value = sanitise(values[name], LIMITS[name]) ?? sanitise(fallbacks[name], LIMITS[name]);
    if (value !== null) return value;
    removed = true;
    return GAP;
  });
  return removed ? tidyRemoved(out, language) : out;
}
