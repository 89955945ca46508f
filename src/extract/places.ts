// Places in ads: Dutch municipalities, residences and districts with their other names (Den Haag /
// 's-Gravenhage / The Hague), the main European cities in the nine ad languages, Dutch postcode
// areas ("1012 AB"), and whether the person receives (incall), visits (outcall) or works in hotels.
// The gazetteer is a data file (./data/gazetteer.json) that names its sources; it is validated here.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { compilePattern, PatternIndex } from './pattern.js';
import type { LocationTypeFact, PlaceFact, PostcodeFact, SpanField } from './schema.js';
import { foldedSet, tokenize, type Token } from './text.js';

export const GazetteerPlace = z
  .object({
    id: z.string().regex(/^[a-z]{2}:[a-z0-9-]+$/),
    name: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/),
    type: z.enum(['municipality', 'residence', 'district', 'city']),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    municipality: z.string().nullable(),
    alt: z.array(z.string().min(1)),
    /** The name is also an everyday word ("Best", "Goes", "Leiden"): needs place context. */
    ambiguous: z.boolean().optional(),
  })
  .strict();
export type GazetteerPlace = z.infer<typeof GazetteerPlace>;

export const Gazetteer = z
  .object({
    source: z.string().min(10),
    date: z.string(),
    version: z.string(),
    places: z.array(GazetteerPlace).min(1),
  })
  .strict()
  .refine((g) => new Set(g.places.map((p) => p.id)).size === g.places.length, {
    message: 'place ids must be unique',
  });
export type Gazetteer = z.infer<typeof Gazetteer>;

interface NameEntry {
  norms: string[];
  place: GazetteerPlace;
}

interface LoadedGazetteer {
  gazetteer: Gazetteer;
  hash: string;
  byFirst: Map<string, NameEntry[]>;
}

let loaded: LoadedGazetteer | undefined;

/** The validated gazetteer with its name index, loaded once. */
export function loadGazetteer(): LoadedGazetteer {
  if (loaded) return loaded;
  const text = readFileSync(new URL('./data/gazetteer.json', import.meta.url), 'utf8');
  const parsed = Gazetteer.safeParse(JSON.parse(text) as unknown);
  if (!parsed.success) {
    throw new Error(
      `gazetteer.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const byFirst = new Map<string, NameEntry[]>();
  for (const place of parsed.data.places) {
    for (const name of new Set([place.name, ...place.alt])) {
      const norms = tokenize(name).map((t) => t.norm);
      const first = norms[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ norms, place });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length);
  loaded = {
    gazetteer: parsed.data,
    hash: createHash('sha256').update(text).digest('hex').slice(0, 16),
    byFirst,
  };
  return loaded;
}

// Words after which a capitalised common word is a place: "in Best", "uit Goes", "near Nice".
const PLACE_CONTEXT = foldedSet(
  (
    'in te uit bij regio omgeving nabij vlakbij rond naar richting centrum stad gemeente near from ' +
    'around to at city center centre area aus bei nahe nach um a en de dans vers pres por cerca ' +
    'din la langa w we z ze okolice kolo в от до около край'
  ).split(' '),
);

export function extractPlaces(
  text: string,
  tokens: Token[],
  field: SpanField,
  country: string | undefined,
): PlaceFact[] {
  const { byFirst } = loadGazetteer();
  const facts: PlaceFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.type !== 'word') continue;
    const candidates = byFirst.get(tok.norm);
    if (!candidates) continue;
    let bestLen = 0;
    const matches: GazetteerPlace[] = [];
    for (const c of candidates) {
      if (c.norms.length < bestLen) break;
      if (!sequenceAt(tokens, i, c.norms)) continue;
      bestLen = c.norms.length;
      if (!matches.includes(c.place)) matches.push(c.place);
    }
    if (matches.length === 0) continue;
    const place = choose(matches, country);
    if (place.ambiguous && field !== 'city' && !(tok.upper && hasPlaceContext(tokens, i))) continue;
    const last = tokens[i + bestLen - 1] ?? tok;
    facts.push({
      kind: 'place',
      value: place.name,
      raw: text.slice(tok.start, last.end),
      span: { field, start: tok.start, end: last.end },
      rule: `place.gazetteer.${place.type}`,
      placeId: place.id,
      country: place.country,
      placeType: place.type,
      municipality: place.municipality,
      lat: place.lat,
      lon: place.lon,
    });
    i += bestLen - 1;
  }
  return facts;
}

function sequenceAt(tokens: Token[], i: number, norms: string[]): boolean {
  for (let k = 0; k < norms.length; k++) {
    const t = tokens[i + k];
    if (!t || t.norm !== norms[k] || (k > 0 && t.brk)) return false;
  }
  return true;
}

/** Among places sharing a name, prefer the ad's country, then unambiguous ones, then file order. */
function choose(matches: GazetteerPlace[], country: string | undefined): GazetteerPlace {
  const score = (p: GazetteerPlace): number =>
    (p.country === country ? 4 : 0) + (p.ambiguous ? 0 : 2) + (p.type === 'municipality' ? 1 : 0);
  let best = matches[0] as GazetteerPlace;
  for (const p of matches) if (score(p) > score(best)) best = p;
  return best;
}

function hasPlaceContext(tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  const prev = tokens[i - 1];
  if (!tok || !prev || tok.brk) return false;
  return PLACE_CONTEXT.has(prev.norm);
}

const POSTCODE_LETTERS_RE = /^[A-Z]{2}$/;
const POSTCODE_WORDS = new Set(['postcode', 'pc', 'postcodegebied', 'postcodes']);
const EXCLUDED_LETTERS = new Set(['SA', 'SD', 'SS']);

/** Dutch postcodes: "1012 AB" / "1012AB" anywhere, a bare area ("postcode 1012") after a keyword. */
export function extractPostcodes(text: string, tokens: Token[], field: SpanField): PostcodeFact[] {
  const facts: PostcodeFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.type !== 'num' || !/^[1-9]\d{3}$/.test(tok.norm)) continue;
    const next = tokens[i + 1];
    const letters = next ? text.slice(next.start, next.end) : '';
    const gap = next ? text.slice(tok.end, next.start) : 'x';
    if (
      next &&
      !next.brk &&
      (gap === '' || gap === ' ') &&
      POSTCODE_LETTERS_RE.test(letters) &&
      !EXCLUDED_LETTERS.has(letters) &&
      tokens[i + 2]?.type !== 'num'
    ) {
      facts.push({
        kind: 'postcode',
        value: `${tok.norm}${letters}`,
        raw: text.slice(tok.start, next.end),
        span: { field, start: tok.start, end: next.end },
        rule: 'postcode.nl_full',
        country: 'NL',
        area: tok.norm,
      });
      i += 1;
      continue;
    }
    const prev = tokens[i - 1];
    if (prev && POSTCODE_WORDS.has(prev.norm) && !tok.brk) {
      facts.push({
        kind: 'postcode',
        value: tok.norm,
        raw: text.slice(tok.start, tok.end),
        span: { field, start: tok.start, end: tok.end },
        rule: 'postcode.nl_area',
        country: 'NL',
        area: tok.norm,
      });
    }
  }
  return facts;
}

type LocationType = LocationTypeFact['locationType'];
const LOCATION_PATTERNS: Record<LocationType, string[]> = {
  incall: [
    'incall', 'incalls', 'in call', 'prive ontvangst', 'thuisontvangst', 'ik ontvang',
    'ontvang (je|u|jou|heren|mannen|thuis)', 'ontvangst (thuis|prive)', 'eigen (locatie|appartement|adres|woning)',
    'bei mir', 'empfange', 'besuchbar', 'je reçois', 'recibo', 'en mi (piso|casa|apartamento)',
    'la mine', 'primesc', 'u mnie', 'przyjmuję', 'nálam', 'fogadok', 'при мен', 'приемам',
    'my place', 'private apartment',
  ],
  outcall: [
    'outcall', 'outcalls', 'out call', 'escort service', 'kom* (naar|bij) (je|jou|u)',
    'ik kom (naar|bij)', 'thuisbezoek*', 'bij (jou|u) thuis', 'hausbesuch*', 'haus ~1 hotelbesuch*',
    'je me déplace', 'déplacement*', 'a domicilio', 'domicilio', 'salidas', 'desplazamiento*', 'me desplazo', 'deplasar*',
    'vin la (tine|domiciliu)', 'la domiciliu', 'dojazd*', 'dojeżdżam', 'wyjazd*', 'házhoz',
    'kimegyek', 'hozzád megyek', 'до адрес', 'идвам', 'изнесени', 'visit you', 'to your (place|home)',
  ],
  hotel: ['hotel*', 'szálloda*', 'szállodába', 'хотел*'],
}; // prettier-ignore
const LOCATION_NEGATORS = foldedSet(
  'geen niet no not kein keine keinen pas sin nu fara nie nem без не'.split(' '),
);

let locationIndex: PatternIndex<LocationType> | undefined;

/** incall / outcall / hotel mentions; a negation just before ("geen hotel") cancels it. */
export function extractLocationTypes(
  text: string,
  tokens: Token[],
  field: SpanField,
): LocationTypeFact[] {
  locationIndex ??= new PatternIndex(
    Object.entries(LOCATION_PATTERNS).flatMap(([type, list]) =>
      list.map((p) => ({ pattern: compilePattern(p), data: type as LocationType })),
    ),
  );
  const facts: LocationTypeFact[] = [];
  const lastEnd: Record<LocationType, number> = { incall: -1, outcall: -1, hotel: -1 };
  for (const hit of locationIndex.find(tokens)) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last || first.start < lastEnd[hit.data]) continue;
    const before = tokens[hit.startToken - 1];
    if (before && !first.brk && LOCATION_NEGATORS.has(before.norm)) continue;
    facts.push({
      kind: 'location_type',
      value: hit.data,
      raw: text.slice(first.start, last.end),
      span: { field, start: first.start, end: last.end },
      rule: `location_type.${hit.data}`,
      locationType: hit.data,
    });
    lastEnd[hit.data] = last.end;
  }
  return facts;
}
