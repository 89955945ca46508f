// Builds src/extract/data/gazetteer.json from the hand-kept lists beside this file: the 342 Dutch
// municipalities of 2024 (CBS), the residences and districts ads name instead of their municipality,
// and the main European cities with their names in the ad languages (coordinates from GeoNames,
// CC BY 4.0). It checks what extraction relies on — the schema, unique ids, exactly 342
// municipalities inside the Netherlands, every residence's municipality known — prints the names
// several places share (on purpose: Bergen), and writes the file as Prettier formats it.
//
// Run: npx tsx scripts/gazetteer/build.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { Gazetteer, type GazetteerPlace } from '../../src/extract/places.js';
import { tokenize } from '../../src/extract/text.js';
import { fold } from '../../src/text/index.js';
import { CITIES } from './cities.js';
import { MUNICIPALITIES } from './municipalities.js';
import type { RowOptions } from './rows.js';
import { RESIDENCES } from './residences.js';

const OUT = fileURLToPath(new URL('../../src/extract/data/gazetteer.json', import.meta.url));

const SOURCE =
  'Dutch municipalities: CBS, Gebieden in Nederland 2024 (gemeentelijke indeling op 1 januari ' +
  '2024, 342 gemeenten), names and codes. Coordinates, residences and other-language names: ' +
  'GeoNames (geonames.org, CC BY 4.0). Residences, districts, inflected forms and the ambiguous ' +
  'flags: compiled by Ariadne (scripts/gazetteer).';
const DATE = '2024-01-01';
const VERSION = '2024.1';

const NL_BOUNDS = { lat: [50.7, 53.6], lon: [3.3, 7.3] } as const;
const MUNICIPALITY_COUNT = 342;

function slug(name: string): string {
  return fold(name)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const normsOf = (name: string): string =>
  tokenize(name)
    .map((t) => t.norm)
    .join(' ');

/**
 * Other names must read differently from the name and from each other as the extractor compares
 * them (folded: "Kraków" and "Krakow" are one), so the lists hold no spellings that add nothing.
 */
function altNames(name: string, alt: string[]): string[] {
  const seen = new Set([normsOf(name)]);
  for (const a of alt) {
    const norms = normsOf(a);
    if (!norms) throw new Error(`"${a}" (other name of ${name}) has no words`);
    if (seen.has(norms)) throw new Error(`"${a}" (other name of ${name}) reads as one before it`);
    seen.add(norms);
  }
  return alt;
}

function place(
  fields: Omit<GazetteerPlace, 'alt' | 'ambiguous'>,
  alt: string[],
  options: RowOptions | undefined,
): GazetteerPlace {
  return {
    ...fields,
    alt: altNames(fields.name, alt),
    ...(options?.ambiguous ? { ambiguous: true } : {}),
  };
}

function build(): Gazetteer {
  const places: GazetteerPlace[] = [];
  const municipalityNames = new Set<string>();
  const codes = new Set<string>();
  for (const [code, name, _seat, lat, lon, alt, options] of MUNICIPALITIES) {
    if (codes.has(code)) throw new Error(`CBS code ${code} twice`);
    codes.add(code);
    municipalityNames.add(name);
    places.push(
      place(
        {
          id: `nl:${options?.id ?? slug(name)}`,
          name,
          country: 'NL',
          type: 'municipality',
          lat,
          lon,
          municipality: name,
        },
        alt,
        options,
      ),
    );
  }
  for (const [name, municipality, type, lat, lon, alt, options] of RESIDENCES) {
    if (!municipalityNames.has(municipality)) {
      throw new Error(`${name}: unknown municipality ${municipality}`);
    }
    places.push(
      place(
        {
          id: `nl:${options?.id ?? slug(name)}`,
          name,
          country: 'NL',
          type,
          lat,
          lon,
          municipality,
        },
        alt,
        options,
      ),
    );
  }
  for (const [country, name, lat, lon, alt, options] of CITIES) {
    places.push(
      place(
        {
          id: `${country.toLowerCase()}:${options?.id ?? slug(name)}`,
          name,
          country,
          type: 'city',
          lat,
          lon,
          municipality: null,
        },
        alt,
        options,
      ),
    );
  }
  return Gazetteer.parse({ source: SOURCE, date: DATE, version: VERSION, places });
}

function check(g: Gazetteer): void {
  const municipalities = g.places.filter((p) => p.type === 'municipality');
  if (municipalities.length !== MUNICIPALITY_COUNT) {
    throw new Error(`${municipalities.length} municipalities, expected ${MUNICIPALITY_COUNT}`);
  }
  for (const p of g.places) {
    if (p.country !== 'NL') continue;
    const inside =
      p.lat > NL_BOUNDS.lat[0] &&
      p.lat < NL_BOUNDS.lat[1] &&
      p.lon > NL_BOUNDS.lon[0] &&
      p.lon < NL_BOUNDS.lon[1];
    if (!inside) throw new Error(`${p.id} lies outside the Netherlands (${p.lat}, ${p.lon})`);
  }
  const owners = new Map<string, string[]>();
  for (const p of g.places) {
    for (const name of [p.name, ...p.alt]) {
      const norms = normsOf(name);
      const list = owners.get(norms) ?? [];
      if (!list.includes(p.id)) list.push(p.id);
      owners.set(norms, list);
    }
  }
  for (const [norms, ids] of owners) {
    if (ids.length > 1) console.log(`shared name "${norms}": ${ids.join(', ')}`);
  }
}

const gazetteer = build();
check(gazetteer);
const options = await resolveConfig(OUT);
writeFileSync(OUT, await format(JSON.stringify(gazetteer), { ...options, filepath: OUT }));
const counts = new Map<string, number>();
for (const p of gazetteer.places) {
  const key = `${p.type} ${p.country}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.log(
  `${gazetteer.places.length} places:`,
  [...counts].map(([k, n]) => `${k} ${n}`).join(', '),
);
