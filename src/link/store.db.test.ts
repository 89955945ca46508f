// Linking on both databases: a synthetic world replayed day by day and linked incrementally (in
// small batches out of first-seen order) gives the same entities and templates as a rebuild from
// scratch, matches the ground truth closely, and
// merges and splits entities (keeping their ids) as ads bridge them or stop bridging them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type LoadedWorld } from '../../fixtures/ad-board/db-loader.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import type { World } from '../../fixtures/ad-board/model.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { recordAdObservation } from '../collect/ads.js';
import { saveSource } from '../collect/sources.js';
import { extractAdVersion } from '../facts/store.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { ALIAS_PATTERN } from './alias.js';
import { pairwiseScore } from './evaluate.js';
import { memberAdIds, refreshEntity, resolveEntityId } from './entity.js';
import { entityAliases } from './queries.js';
import { lshBuckets } from './minhash.js';
import { entities, linkAds, linkStrongKeys, linkTemplateLsh, linkTemplates } from './schema.js';
import { linkAdBatch, linkSettings, rebuildLinks, type LinkOutcome } from './store.js';

let t: TestDatabase;
let world: World;
let loaded: LoadedWorld;
const outcomes: LinkOutcome[] = [];

async function partition(column: 'entityId' | 'templateId') {
  const rows = await t.database.db.select().from(linkAds);
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const key = r[column];
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), r.adId]);
  }
  return {
    byAd: new Map(rows.filter((r) => r[column]).map((r) => [r.adId, r[column] as string])),
    sets: [...groups.values()].map((g) => g.sort().join(',')).sort(),
  };
}

beforeAll(async () => {
  t = await openTestDatabase();
  world = generateWorld({ seed: 'link-store-test', ads: 140, days: 8 });
  const settings = linkSettings(t.config);
  loaded = await loadWorld(t.database.db, t.config, world, {
    onDay: async (_day, adIds) => {
      // Small batches, latest first: as parallel workers deliver them, not in first-seen order
      // (a rebuild must still find the same templates).
      const reversed = [...adIds].reverse();
      for (let i = 0; i < reversed.length; i += 9) {
        outcomes.push(await linkAdBatch(t.database.db, settings, reversed.slice(i, i + 9)));
      }
    },
  });
}, 240_000);
afterAll(async () => {
  await t?.cleanup();
});

describe('linking a synthetic world', () => {
  it('joins the ads of one person or network and keeps others apart', async () => {
    const { byAd } = await partition('entityId');
    const truth = new Map(
      [...loaded.truthOf].map(([adId, ad]) => [adId, ad.operatorId ?? ad.personId]),
    );
    const score = pairwiseScore(byAd, truth);
    expect(score.precision).toBeGreaterThan(0.95);
    expect(score.recall).toBeGreaterThan(0.8);
    expect(outcomes.some((o) => o.merged.length > 0 || o.touched.length > 0)).toBe(true);
  });

  it('keeps the strong-key table in line with the entities', async () => {
    const keys = await t.database.db.select().from(linkStrongKeys);
    const ents = new Set((await t.database.db.select().from(entities)).map((e) => e.id));
    for (const k of keys) expect(ents.has(k.entityId)).toBe(true);
    const counts = await t.database.db.select().from(entities);
    for (const e of counts.slice(0, 20)) {
      expect(e.adCount).toBe((await memberAdIds(t.database.db, e.id)).length);
    }
  });

  it('keeps every template findable by exactly the buckets of its centroid', async () => {
    // Batches move young templates' centroids and write only the buckets that changed.
    const templates = await t.database.db.select().from(linkTemplates);
    expect(templates.length).toBeGreaterThan(0);
    const rows = await t.database.db.select().from(linkTemplateLsh);
    const stored = new Map<string, string[]>();
    for (const r of rows) {
      stored.set(r.templateId, [...(stored.get(r.templateId) ?? []), `${r.band}:${r.bucket}`]);
    }
    for (const tpl of templates) {
      const expected = [...new Set(lshBuckets(tpl.minhash).map((b) => `${b.band}:${b.bucket}`))];
      expect((stored.get(tpl.id) ?? []).sort(), tpl.id).toEqual(expected.sort());
    }
    expect([...stored.keys()].every((id) => templates.some((x) => x.id === id))).toBe(true);
  });

  it('finds the same entities and templates when rebuilt from scratch, keeping entity ids', async () => {
    const before = await partition('entityId');
    const templatesBefore = await partition('templateId');
    const r = await rebuildLinks(t.database.db, linkSettings(t.config));
    const after = await partition('entityId');
    const templatesAfter = await partition('templateId');
    expect(after.sets).toEqual(before.sets);
    expect(r.changed).toEqual([]);
    const sorted = (m: Map<string, string>) => [...m].sort((x, y) => x[0].localeCompare(y[0]));
    expect(sorted(after.byAd)).toEqual(sorted(before.byAd));
    expect(templatesAfter.sets).toEqual(templatesBefore.sets);
    expect(templatesAfter.sets.length).toBeGreaterThan(0);
  });

  it('computes features and a movement timeline for an entity', async () => {
    const [big] = await t.database.db.select().from(entities).orderBy(entities.adCount).limit(1);
    const rows = await t.database.db.select().from(entities);
    const largest = rows.sort((a, b) => b.adCount - a.adCount)[0] ?? big;
    const r = await refreshEntity(t.database.db, t.config.secrets.fieldKeys, largest!.id);
    expect(r?.features.ads).toBe(largest!.adCount);
    const [row] = await t.database.db.select().from(entities).where(eq(entities.id, largest!.id));
    expect(row?.movement.length).toBeGreaterThan(0);
    expect(row?.featuresAt?.getTime()).toBe(row?.evidenceAt.getTime());
  });
});

describe('merging and splitting', () => {
  /** Posts (or edits) an ad on a test source and extracts it, as the crawler would. */
  async function poster(name: string) {
    const db = t.database.db;
    const { source } = await saveSource(db, CLI_ACTOR, {
      name,
      country: 'NL',
      startUrls: ['http://127.0.0.1:9/'],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: 'p' } },
    });
    const seen = new Date('2026-01-01T10:00:00Z');
    return async (ext: string, body: string, at = seen) => {
      const r = await recordAdObservation(db, t.config.secrets, {
        sourceId: source.id,
        externalId: ext,
        url: `http://127.0.0.1:9/ad/${ext}`,
        seenAt: at,
        postedAt: null,
        content: {
          title: null,
          body,
          postedRaw: null,
          city: null,
          displayName: null,
          phoneRaw: null,
          ageRaw: null,
          priceRaw: null,
          imageHashes: [],
        },
        images: [],
        captureId: null,
        parseErrors: [],
        fillRatio: 1,
      });
      await extractAdVersion(db, t.config, r.versionId);
      return r.adId;
    };
  }

  it('merges two entities when an ad bridges them and splits them when the bridge goes', async () => {
    const db = t.database.db;
    const settings = linkSettings(t.config);
    const post = await poster('bridge-test');
    const a = await post('m1', 'Lieve dame in Utrecht, bel 06-11223344 voor een afspraak.');
    const b = await post(
      'm2',
      'Nieuw meisje in Zwolle. Whatsapp 06-55667788, alleen serieuze heren.',
    );
    await linkAdBatch(db, settings, [a, b]);
    const ea = await entityOf(a);
    const eb = await entityOf(b);
    expect(ea).not.toBe(eb);

    const aliasBefore = await entityAliases(db, [ea!, eb!]);
    expect(aliasBefore.get(ea!)).not.toBe(aliasBefore.get(eb!));

    const c = await post('m3', 'Ook bereikbaar op 06-11223344 en op 06-55667788, kom snel.');
    const merged = await linkAdBatch(db, settings, [c]);
    expect(merged.merged).toHaveLength(1);
    const survivor = await entityOf(c);
    expect(await entityOf(a)).toBe(survivor);
    expect(await entityOf(b)).toBe(survivor);
    const gone = merged.merged[0]!.from;
    expect(await resolveEntityId(db, gone)).toBe(survivor);
    // The survivor keeps its own alias; the merged-away id answers with it.
    const aliasAfter = await entityAliases(db, [survivor!, gone]);
    expect(aliasAfter.get(survivor!)).toBe(aliasBefore.get(survivor!));
    expect(aliasAfter.get(gone)).toBe(aliasBefore.get(survivor!));

    // The bridging ad is edited: its second number disappears, so the two groups part again.
    const later = new Date('2026-01-02T10:00:00Z');
    await post('m3', 'Ook bereikbaar op 06-11223344, kom snel.', later);
    const split = await linkAdBatch(db, settings, [c]);
    expect(split.split).toHaveLength(1);
    expect(await entityOf(a)).toBe(await entityOf(c));
    expect(await entityOf(b)).not.toBe(await entityOf(a));
    expect([await entityOf(a), await entityOf(b)]).toContain(survivor);
    // The part split off is a new entity with a new alias; the one keeping the id keeps its alias.
    const parted = [await entityOf(a), await entityOf(b)].find((id) => id !== survivor)!;
    const aliasSplit = await entityAliases(db, [survivor!, parted]);
    expect(aliasSplit.get(survivor!)).toBe(aliasBefore.get(survivor!));
    expect(aliasSplit.get(parted)).toMatch(ALIAS_PATTERN);
    expect(aliasSplit.get(parted)).not.toBe(aliasBefore.get(survivor!));
  });

  it('joins near-duplicate texts when configured, keeps them joined through a split, and rebuilds the same', async () => {
    const db = t.database.db;
    const settings = { ...linkSettings(t.config), mergeNearDuplicates: true };
    const post = await poster('near-dup-test');
    const text =
      'Nieuw in de stad, lieve en discrete dame voor ontspanning en gezelligheid, bel of app';
    const a = await post('n1', `${text} 06-12121212`);
    await linkAdBatch(db, settings, [a]);
    // Another number, the same text: joined through the stored ad's entity.
    const b = await post('n2', `${text} 06-34343434`);
    await linkAdBatch(db, settings, [b]);
    expect(await entityOf(b)).toBe(await entityOf(a));
    const c = await post(
      'n3',
      'Heel andere tekst over iets anders, bel 06-12121212 of 06-56565656',
    );
    const joined = await linkAdBatch(db, settings, [c]);
    const entity = await entityOf(a);
    expect(await entityOf(c)).toBe(entity);
    expect(joined.merged).toEqual([]);

    // c loses the shared number: it leaves, while a and b stay together by their text.
    await post(
      'n3',
      'Heel andere tekst over iets anders, bel 06-56565656',
      new Date('2026-01-02T10:00:00Z'),
    );
    const split = await linkAdBatch(db, settings, [c]);
    expect(split.split).toEqual([{ from: entity, into: [await entityOf(c)] }]);
    expect(await entityOf(a)).toBe(entity);
    expect(await entityOf(b)).toBe(entity);
    expect(await entityOf(c)).not.toBe(entity);

    // Last in this file: a rebuild with near duplicates joined regroups the world's ads too.
    const before = [await entityOf(a), await entityOf(b), await entityOf(c)];
    await rebuildLinks(db, settings);
    expect([await entityOf(a), await entityOf(b), await entityOf(c)]).toEqual(before);
  });

  async function entityOf(adId: string) {
    const [row] = await t.database.db
      .select({ e: linkAds.entityId })
      .from(linkAds)
      .where(eq(linkAds.adId, adId));
    return row?.e ?? null;
  }
});
