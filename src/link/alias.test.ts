// The alias generator: the shape of an alias, that nothing but the random source goes into it,
// that clashes (with the table or within a batch) are drawn again and an exhausted space is an
// error, and that the migration's word lists (the column default, the backfill) are these lists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../platform/db/migrate.js';
import {
  ALIAS_FIRST_WORDS,
  ALIAS_NUMBER_MAX,
  ALIAS_NUMBER_MIN,
  ALIAS_PATTERN,
  ALIAS_SECOND_WORDS,
  aliasSearchText,
  drawAlias,
  drawUniqueAliases,
  type RandomInt,
} from './alias.js';

/** A random source that replays `values` (each taken modulo the range asked for). */
function replay(values: number[]): RandomInt {
  let i = 0;
  return (min, max) => {
    const v = values[i++ % values.length]!;
    return min + (v % (max - min));
  };
}

describe('entity aliases', () => {
  it('are two listed words and a number of two or three digits', () => {
    for (let i = 0; i < 500; i++) {
      const alias = drawAlias();
      expect(alias).toMatch(ALIAS_PATTERN);
      const [first, second, number] = alias.split('-');
      expect(ALIAS_FIRST_WORDS).toContain(first);
      expect(ALIAS_SECOND_WORDS).toContain(second);
      expect(Number(number)).toBeGreaterThanOrEqual(ALIAS_NUMBER_MIN);
      expect(Number(number)).toBeLessThanOrEqual(ALIAS_NUMBER_MAX);
    }
  });

  it('reach both ends of each list and of the numbers', () => {
    expect(drawAlias(replay([0, 0, 0]))).toBe(
      `${ALIAS_FIRST_WORDS[0]}-${ALIAS_SECOND_WORDS[0]}-10`,
    );
    const last = (n: number) => n - 1;
    expect(
      drawAlias(
        replay([
          last(ALIAS_FIRST_WORDS.length),
          last(ALIAS_SECOND_WORDS.length),
          ALIAS_NUMBER_MAX - ALIAS_NUMBER_MIN,
        ]),
      ),
    ).toBe(`${ALIAS_FIRST_WORDS.at(-1)}-${ALIAS_SECOND_WORDS.at(-1)}-999`);
  });

  it('take nothing but the random source: the generator has no input for a person', () => {
    // Its only parameter is the random source; the same draws give the same alias whatever the
    // entity, and no draw can put a digit string or word from an ad into it.
    expect(drawAlias.length).toBeLessThanOrEqual(1);
    expect(drawAlias(replay([3, 5, 7]))).toBe(drawAlias(replay([3, 5, 7])));
    const words = new Set<string>([...ALIAS_FIRST_WORDS, ...ALIAS_SECOND_WORDS]);
    for (let i = 0; i < 200; i++) {
      const [a, b] = drawAlias().split('-');
      expect(words.has(a!) && words.has(b!)).toBe(true);
    }
  });

  it('lists distinct, plain lower-case words', () => {
    for (const list of [ALIAS_FIRST_WORDS, ALIAS_SECOND_WORDS]) {
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(w).toMatch(/^[a-z]{3,9}$/);
    }
    expect(ALIAS_FIRST_WORDS.length * ALIAS_SECOND_WORDS.length).toBeGreaterThan(4000);
  });

  it('draws again when a candidate is taken or repeats within the batch', async () => {
    // The first three draws all give the same alias; the table already holds the fourth's.
    const r = replay([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const held = `${ALIAS_FIRST_WORDS[1]}-${ALIAS_SECOND_WORDS[1]}-11`;
    const asked: string[][] = [];
    const aliases = await drawUniqueAliases(
      3,
      async (c) => {
        asked.push(c);
        return new Set(c.filter((a) => a === held));
      },
      r,
    );
    expect(aliases).toHaveLength(3);
    expect(new Set(aliases).size).toBe(3);
    expect(aliases).not.toContain(held);
    expect(asked.length).toBeGreaterThan(1);
  });

  it('fails with an error, never a duplicate, when every draw is taken', async () => {
    await expect(drawUniqueAliases(2, async (c) => new Set(c), replay([4, 4, 4]))).rejects.toThrow(
      /Could not draw 2 unused entity aliases/,
    );
  });

  it('match the word lists of the migration that backfills them and is the column default', () => {
    // Found by name, whatever number a merge of branches gives it.
    const file = readdirSync(MIGRATIONS_DIR).find((f) => /^\d{4}_entity_alias\.sql$/.test(f));
    expect(file).toBeDefined();
    const sqlText = readFileSync(path.join(MIGRATIONS_DIR, file!), 'utf8');
    const list = (name: string) => {
      const m = new RegExp(`${name} text\\[\\] := ARRAY\\[([^\\]]*)\\]`).exec(sqlText);
      expect(m, name).not.toBeNull();
      return [...m![1]!.matchAll(/'([a-z]+)'/g)].map((x) => x[1]);
    };
    expect(list('first_words')).toEqual([...ALIAS_FIRST_WORDS]);
    expect(list('second_words')).toEqual([...ALIAS_SECOND_WORDS]);
    expect(sqlText).toContain(`(${ALIAS_NUMBER_MIN} + `);
    expect(sqlText).toContain(`% ${ALIAS_NUMBER_MAX - ALIAS_NUMBER_MIN + 1})`);
  });

  it('are searched by their words, with spaces for hyphens; other text is refused', () => {
    expect(aliasSearchText(' Cobalt River ')).toBe('cobalt-river');
    expect(aliasSearchText('river-41')).toBe('river-41');
    expect(aliasSearchText('x')).toBeNull();
    expect(aliasSearchText("river'; drop")).toBeNull();
  });
});
