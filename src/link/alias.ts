// Entity aliases: a short name a worker can say aloud ("cobalt-river-417") instead of a hex id.
// Drawn from the crypto random source and nothing else — never from the ads, numbers or names of
// the person behind the entity — so an alias that leaks says nothing about anyone. The alias
// belongs to the entity (the lead, conversations and cases all point at an entity id) and is
// stable once given: stored, unique, and on a merge the surviving entity keeps its own.
//
// The same lists are in drizzle/00xx_entity_alias.sql, which gives existing entities theirs and
// serves as the column's default; alias.test.ts checks that the two never drift apart.
import { randomInt } from 'node:crypto';

/**
 * Neutral words that read the same to Dutch and English speakers: colours, materials, weather,
 * plain qualities of things. Nothing that describes a person, a body, a place, a nationality, or
 * that means something rude in either language; no common first names (an alias must not read as
 * the person's name).
 */
export const ALIAS_FIRST_WORDS = [
  'azure',
  'bronze',
  'cobalt',
  'copper',
  'crimson',
  'cyan',
  'golden',
  'indigo',
  'mint',
  'ochre',
  'scarlet',
  'silver',
  'teal',
  'topaz',
  'marble',
  'granite',
  'linen',
  'cotton',
  'velvet',
  'wooden',
  'paper',
  'glass',
  'steel',
  'frosty',
  'misty',
  'sunny',
  'windy',
  'rainy',
  'snowy',
  'cloudy',
  'breezy',
  'quiet',
  'calm',
  'swift',
  'bright',
  'round',
  'square',
  'hollow',
  'solid',
  'plain',
  'smooth',
  'rapid',
  'steady',
  'polar',
  'lunar',
  'solar',
  'cosmic',
  'sonic',
] as const;

/** Things of nature and everyday objects: animals, plants, instruments, tools, weather. */
export const ALIAS_SECOND_WORDS = [
  'river',
  'brook',
  'meadow',
  'forest',
  'maple',
  'cedar',
  'birch',
  'willow',
  'aspen',
  'fern',
  'moss',
  'clover',
  'tulip',
  'lotus',
  'acorn',
  'pebble',
  'boulder',
  'glacier',
  'comet',
  'planet',
  'orbit',
  'meteor',
  'lantern',
  'kettle',
  'anchor',
  'compass',
  'ladder',
  'bucket',
  'basket',
  'candle',
  'button',
  'pencil',
  'feather',
  'falcon',
  'heron',
  'otter',
  'badger',
  'sparrow',
  'finch',
  'owl',
  'gull',
  'lynx',
  'panda',
  'walrus',
  'turtle',
  'salmon',
  'trout',
  'dolphin',
  'whale',
  'puffin',
  'pelican',
  'beetle',
  'cricket',
  'moth',
  'hedgehog',
  'squirrel',
  'bison',
  'moose',
  'orchard',
  'bridge',
  'windmill',
  'bicycle',
  'wagon',
  'kite',
  'drum',
  'flute',
  'violin',
  'piano',
  'cello',
  'trumpet',
  'banjo',
  'harp',
  'rocket',
  'engine',
  'magnet',
  'prism',
  'crystal',
  'quartz',
  'ember',
  'spark',
  'thunder',
  'breeze',
  'frost',
  'cloud',
  'shell',
  'wave',
  'tide',
  'ripple',
  'puzzle',
  'domino',
  'mitten',
  'teapot',
  'spoon',
  'canoe',
  'paddle',
  'sail',
] as const;

/** The number after the words: three digits at most, so an alias stays easy to say. */
export const ALIAS_NUMBER_MIN = 10;
export const ALIAS_NUMBER_MAX = 999;

export const ALIAS_PATTERN = /^[a-z]+-[a-z]+-[1-9][0-9]{1,2}$/;

/** A source of uniform integers in [min, max) — node:crypto's randomInt unless a test pins it. */
export type RandomInt = (min: number, max: number) => number;

/** One alias, drawn at random: "first-second-number". */
export function drawAlias(random: RandomInt = randomInt): string {
  const first = ALIAS_FIRST_WORDS[random(0, ALIAS_FIRST_WORDS.length)];
  const second = ALIAS_SECOND_WORDS[random(0, ALIAS_SECOND_WORDS.length)];
  const number = random(ALIAS_NUMBER_MIN, ALIAS_NUMBER_MAX + 1);
  if (first === undefined || second === undefined) throw new Error('random index out of range');
  return `${first}-${second}-${number}`;
}

/** How many rounds of fresh draws before giving up (each round redraws only the clashes). */
const MAX_ROUNDS = 32;

/**
 * `count` distinct aliases none of which is taken yet. `taken` answers which of some candidates
 * are already in use (the store asks the table, under the linking lock). A clash, with the table
 * or within the batch, is drawn again; a space so full that draws keep clashing is an error,
 * never a duplicate or a silent fallback to something derived.
 */
export async function drawUniqueAliases(
  count: number,
  taken: (candidates: string[]) => Promise<Set<string>>,
  random: RandomInt = randomInt,
): Promise<string[]> {
  const chosen = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS && chosen.size < count; round++) {
    const wanted = count - chosen.size;
    const candidates = new Set<string>();
    for (let draw = 0; draw < wanted * 4 && candidates.size < wanted; draw++) {
      const alias = drawAlias(random);
      if (!chosen.has(alias)) candidates.add(alias);
    }
    const used = candidates.size ? await taken([...candidates]) : new Set<string>();
    for (const c of candidates) if (!used.has(c)) chosen.add(c);
  }
  if (chosen.size < count) {
    throw new Error(`Could not draw ${count} unused entity aliases in ${MAX_ROUNDS} rounds.`);
  }
  return [...chosen];
}

/** Whether a search text looks like (part of) an alias: lower-case words, hyphens and digits. */
export function aliasSearchText(q: string): string | null {
  const s = q.trim().toLowerCase().replace(/\s+/g, '-');
  return /^[a-z0-9-]{2,40}$/.test(s) ? s : null;
}
