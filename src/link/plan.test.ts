import { describe, expect, it } from 'vitest';
import { Rng } from '../../fixtures/ad-board/prng.js';
import {
  planLinks,
  type LinkPlan,
  type LinkPlanInput,
  type PlanAd,
  type PlanEntity,
} from './plan.js';

function ids(prefix = 'new') {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

const ad = (adId: string, strongKeys: string[], entityId: string | null = null): PlanAd => ({
  adId,
  strongKeys,
  entityId,
});
const entity = (id: string, createdAt = 0, outside = 0): PlanEntity => ({ id, createdAt, outside });

/** The groups of a plan as sorted "entity:ad,ad" strings. */
const groupsOf = (plan: LinkPlan) => plan.entities.map((e) => `${e.id}:${e.ads.join(',')}`);

describe('linking plan', () => {
  it('decides nothing for no ads', () => {
    const plan = planLinks({ ads: [], entities: [], newEntityId: ids() });
    expect(plan).toEqual({
      entities: [],
      entityOf: new Map(),
      moved: [],
      merged: [],
      split: [],
      removed: [],
    });
  });

  it('joins new ads that share a strong key into one new entity', () => {
    const plan = planLinks({
      ads: [ad('a1', ['k1']), ad('a2', ['k1', 'k2']), ad('a3', ['k2']), ad('a4', ['k9'])],
      entities: [],
      newEntityId: ids(),
    });
    expect(groupsOf(plan)).toEqual(['new-0001:a1,a2,a3', 'new-0002:a4']);
    expect(plan.entities.every((e) => e.created && e.changed)).toBe(true);
    expect(plan.moved).toHaveLength(4);
  });

  it('joins near-duplicate ads, and ads to the entity of a near-duplicate outside the plan', () => {
    const plan = planLinks({
      ads: [ad('a1', []), ad('a2', []), ad('a3', [])],
      entities: [entity('E', 0, 4)],
      nearDuplicates: [['a1', 'a2']],
      entityLinks: [['a3', 'E']],
      newEntityId: ids(),
    });
    expect(groupsOf(plan)).toEqual(['E:a3', 'new-0001:a1,a2']);
  });

  it('merges entities an ad bridges into the one holding more ads, whatever the ids', () => {
    for (const [big, small] of [
      ['E1', 'E2'],
      ['E2', 'E1'],
    ] as const) {
      const plan = planLinks({
        ads: [ad('bridge', ['k1', 'k2'])],
        entities: [entity(big, 5, 3), entity(small, 1, 1)],
        keyOwners: new Map([
          ['k1', big],
          ['k2', small],
        ]),
        newEntityId: ids(),
      });
      expect(groupsOf(plan)).toEqual([`${big}:bridge`]);
      expect(plan.merged).toEqual([{ from: small, into: big }]);
      expect(plan.entities[0]?.absorbs).toEqual([small]);
      expect(plan.entities[0]?.changed).toBe(true);
    }
  });

  it('keeps the older entity when two of equal size merge', () => {
    const plan = planLinks({
      ads: [ad('bridge', ['k1', 'k2'])],
      entities: [entity('E-a', 200, 2), entity('E-z', 100, 2)],
      keyOwners: new Map([
        ['k1', 'E-a'],
        ['k2', 'E-z'],
      ]),
      newEntityId: ids(),
    });
    expect(plan.merged).toEqual([{ from: 'E-a', into: 'E-z' }]);
  });

  it('splits an entity that lost its bridge: the larger part keeps the id', () => {
    const plan = planLinks({
      ads: [
        ad('a1', ['k1'], 'E'),
        ad('a2', ['k1'], 'E'),
        ad('a3', ['k2'], 'E'),
        ad('a4', ['k2'], 'E'),
        ad('a5', ['k2'], 'E'),
      ],
      entities: [entity('E')],
      newEntityId: ids(),
    });
    expect(groupsOf(plan)).toEqual(['E:a3,a4,a5', 'new-0001:a1,a2']);
    expect(plan.split).toEqual([{ from: 'E', into: ['new-0001'] }]);
    expect(plan.moved).toEqual([
      { adId: 'a1', from: 'E', to: 'new-0001' },
      { adId: 'a2', from: 'E', to: 'new-0001' },
    ]);
    expect(plan.merged).toEqual([]);
  });

  it('keeps an id with most of its ads, not with the largest group that holds one of them', () => {
    // One ad of E joins a large group of new ads; E's other five stay together: E stays with them.
    const ads = [
      ...Array.from({ length: 5 }, (_, i) => ad(`e${i}`, ['kE'], 'E')),
      ad('e5', ['kBig'], 'E'),
      ...Array.from({ length: 50 }, (_, i) => ad(`b${String(i).padStart(2, '0')}`, ['kBig'])),
    ];
    const plan = planLinks({ ads, entities: [entity('E')], newEntityId: ids() });
    expect(plan.entityOf.get('e0')).toBe('E');
    expect(plan.entityOf.get('e5')).toBe('new-0001');
    expect(plan.split).toEqual([{ from: 'E', into: ['new-0001'] }]);
  });

  it('ends an entity whose ads are all gone, and merges one whose ads all moved', () => {
    const plan = planLinks({
      ads: [ad('a1', ['k1'], 'E2')],
      entities: [entity('E1'), entity('E2'), entity('E3', 0, 4)],
      keyOwners: new Map([['k1', 'E3']]),
      newEntityId: ids(),
    });
    expect(plan.removed).toEqual(['E1']);
    expect(plan.merged).toEqual([{ from: 'E2', into: 'E3' }]);
    expect(groupsOf(plan)).toEqual(['E3:a1']);
  });

  it('leaves an entity that nothing changed as it was', () => {
    const plan = planLinks({
      ads: [ad('a1', ['k1'], 'E'), ad('a2', ['k1'], 'E')],
      entities: [entity('E', 0, 3)],
      keyOwners: new Map([['k1', 'E']]),
      newEntityId: ids(),
    });
    expect(plan.entities).toEqual([
      { id: 'E', ads: ['a1', 'a2'], created: false, changed: false, absorbs: [] },
    ]);
    expect(plan.moved).toEqual([]);
  });

  it('refuses inputs that name an entity or ad it was not given', () => {
    expect(() => planLinks({ ads: [ad('a1', [], 'E')], entities: [], newEntityId: ids() })).toThrow(
      /entity E/,
    );
    expect(() =>
      planLinks({ ads: [], entities: [], nearDuplicates: [['a', 'b']], newEntityId: ids() }),
    ).toThrow(/ad a/);
  });

  it('gives the same plan whatever order its inputs come in', () => {
    const rng = new Rng('plan-order');
    const state = randomState(rng, 300);
    const input = globalInput(state, changeSome(rng, state, 40));
    const reference = planLinks(input);
    for (let round = 0; round < 5; round++) {
      const shuffled: LinkPlanInput = {
        ...input,
        ads: shuffle(
          rng,
          input.ads.map((a) => ({ ...a, strongKeys: shuffle(rng, a.strongKeys) })),
        ),
        entities: shuffle(rng, input.entities),
        newEntityId: ids(),
      };
      const plan = planLinks(shuffled);
      expect(groupsOf(plan)).toEqual(groupsOf(reference));
      expect(plan.merged).toEqual(reference.merged);
      expect(plan.split).toEqual(reference.split);
      expect(plan.removed).toEqual(reference.removed);
    }
  });

  it('matches a brute-force oracle on a big random case', () => {
    const rng = new Rng('plan-oracle');
    const state = randomState(rng, 800);
    const input = globalInput(state, changeSome(rng, state, 200));
    const plan = planLinks(input);
    const oracle = bruteForce(input);
    expect(groupsOf(plan)).toEqual(oracle.groups);
    expect(plan.merged).toEqual(oracle.merged);
    expect(plan.removed).toEqual(oracle.removed);
    expect(plan.split.length + plan.merged.length).toBeGreaterThan(0);
  });

  it('decides the same on the neighbourhood of a batch as over every ad', () => {
    for (let round = 0; round < 20; round++) {
      const rng = new Rng(`plan-local-${round}`);
      const state = randomState(rng, 400);
      const batch = changeSome(rng, state, 1 + (round % 5) * 7);
      const global = planLinks(globalInput(state, batch));
      const local = planLinks(localInput(state, batch));
      for (const [adId, e] of local.entityOf) expect(global.entityOf.get(adId)).toBe(e);
      expect(local.merged).toEqual(global.merged);
      expect(local.split).toEqual(global.split);
      expect(local.removed).toEqual(global.removed);
      const changedGlobal = global.entities.filter((e) => e.changed).map((e) => e.id);
      expect(local.entities.filter((e) => e.changed).map((e) => e.id)).toEqual(changedGlobal);
    }
  });
});

// ---- random worlds ----------------------------------------------------------------------------

interface State {
  /** Keys of each ad as linked. */
  keys: Map<string, string[]>;
  entityOf: Map<string, string>;
  createdAt: Map<string, number>;
}

interface Batch {
  /** New keys of changed or new ads; deleted ads are absent. */
  keys: Map<string, string[]>;
  deleted: Set<string>;
}

function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function randomKeys(rng: Rng, pool: number): string[] {
  const n = rng.int(0, 2);
  return Array.from({ length: n }, () => `k${rng.int(0, pool - 1)}`);
}

/** A linked world: random keys, entities as the plan builds them from scratch. */
function randomState(rng: Rng, n: number): State {
  const keys = new Map<string, string[]>();
  for (let i = 0; i < n; i++) keys.set(`ad${String(i).padStart(5, '0')}`, randomKeys(rng, n));
  const plan = planLinks({
    ads: [...keys].map(([adId, k]) => ad(adId, k)),
    entities: [],
    newEntityId: ids('old'),
  });
  const createdAt = new Map(plan.entities.map((e) => [e.id, rng.int(0, 5)]));
  return { keys, entityOf: plan.entityOf, createdAt };
}

/** Some ads change their keys, some go, some are new. */
function changeSome(rng: Rng, state: State, n: number): Batch {
  const keys = new Map<string, string[]>();
  const deleted = new Set<string>();
  const all = [...state.keys.keys()];
  for (let i = 0; i < n; i++) {
    const adId = all[rng.int(0, all.length - 1)] as string;
    const roll = rng.int(0, 9);
    if (roll === 0) deleted.add(adId);
    else if (roll < 4) keys.set(adId, (state.keys.get(adId) ?? []).slice(1));
    else keys.set(adId, [...(state.keys.get(adId) ?? []), ...randomKeys(rng, all.length)]);
  }
  for (let i = 0; i < n; i++)
    keys.set(`new${String(i).padStart(4, '0')}`, randomKeys(rng, all.length));
  for (const d of deleted) keys.delete(d);
  return { keys, deleted };
}

/** Every ad placed, as a rebuild does. */
function globalInput(state: State, batch: Batch): LinkPlanInput {
  const ads: PlanAd[] = [];
  for (const [adId, k] of state.keys) {
    if (batch.deleted.has(adId)) continue;
    ads.push(ad(adId, batch.keys.get(adId) ?? k, state.entityOf.get(adId) ?? null));
  }
  for (const [adId, k] of batch.keys) if (!state.keys.has(adId)) ads.push(ad(adId, k));
  const entities = [...state.createdAt].map(([id, at]) => entity(id, at));
  return { ads, entities, newEntityId: ids() };
}

/** Only the batch and the entities that lost a bridge placed, the rest taken as it stands. */
function localInput(state: State, batch: Batch): LinkPlanInput {
  const batchIds = new Set([...batch.keys.keys(), ...batch.deleted]);
  const recheck = new Set<string>();
  for (const adId of batchIds) {
    const old = state.entityOf.get(adId);
    if (!old) continue;
    const now = new Set(batch.keys.get(adId) ?? []);
    const lost = batch.deleted.has(adId) || (state.keys.get(adId) ?? []).some((k) => !now.has(k));
    if (lost) recheck.add(old);
  }
  const placedIds = new Set([...batch.keys.keys()]);
  for (const [adId, e] of state.entityOf) {
    if (recheck.has(e) && !batch.deleted.has(adId)) placedIds.add(adId);
  }
  const ads = [...placedIds].map((adId) =>
    ad(adId, batch.keys.get(adId) ?? state.keys.get(adId) ?? [], state.entityOf.get(adId) ?? null),
  );
  const ownerOf = new Map<string, string>();
  for (const [adId, k] of state.keys)
    for (const key of k) ownerOf.set(key, state.entityOf.get(adId)!);
  const keyOwners = new Map<string, string>();
  for (const a of ads) {
    for (const k of a.strongKeys) {
      const owner = ownerOf.get(k);
      if (owner && !recheck.has(owner)) keyOwners.set(k, owner);
    }
  }
  const involved = new Set([...keyOwners.values()]);
  for (const a of ads) if (a.entityId) involved.add(a.entityId);
  for (const d of batch.deleted) involved.add(state.entityOf.get(d)!);
  const entities = [...involved].map((id) => {
    let outside = 0;
    for (const [adId, e] of state.entityOf) {
      if (e === id && !placedIds.has(adId) && !batch.deleted.has(adId)) outside++;
    }
    return entity(id, state.createdAt.get(id), outside);
  });
  return { ads, entities, keyOwners, newEntityId: ids() };
}

/** The rule written the slow, obvious way: components by search, ids by repeated best pick. */
function bruteForce(input: LinkPlanInput) {
  const ads = input.ads;
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of ads) {
    if (seen.has(start.adId)) continue;
    const comp: string[] = [];
    const todo = [start];
    seen.add(start.adId);
    while (todo.length > 0) {
      const cur = todo.pop()!;
      comp.push(cur.adId);
      for (const other of ads) {
        if (seen.has(other.adId)) continue;
        if (other.strongKeys.some((k) => cur.strongKeys.includes(k))) {
          seen.add(other.adId);
          todo.push(other);
        }
      }
    }
    components.push(comp.sort());
  }
  const createdAt = new Map(input.entities.map((e) => [e.id, e.createdAt]));
  const oldOf = new Map(ads.map((a) => [a.adId, a.entityId]));
  const weight = (comp: string[], e: string) => comp.filter((a) => oldOf.get(a) === e).length;
  const idOf = new Map<string[], string>();
  const used = new Set<string>();
  for (;;) {
    let best: { comp: string[]; e: string; w: number } | null = null;
    for (const comp of components) {
      if (idOf.has(comp)) continue;
      for (const e of new Set(comp.map((a) => oldOf.get(a)))) {
        if (!e || used.has(e)) continue;
        const w = weight(comp, e);
        const age = (x: string) => createdAt.get(x) ?? 0;
        const better =
          !best ||
          w > best.w ||
          (w === best.w && age(e) < age(best.e)) ||
          (w === best.w && age(e) === age(best.e) && e < best.e) ||
          (w === best.w && e === best.e && (comp[0] ?? '') < (best.comp[0] ?? ''));
        if (better) best = { comp, e, w };
      }
    }
    if (!best) break;
    idOf.set(best.comp, best.e);
    used.add(best.e);
  }
  const fresh = ids();
  const ordered = [...components].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  for (const comp of ordered) if (!idOf.has(comp)) idOf.set(comp, fresh());
  const groups = components.map((c) => `${idOf.get(c)}:${c.join(',')}`).sort();
  const merged: { from: string; into: string }[] = [];
  const removed: string[] = [];
  for (const e of [...input.entities.map((x) => x.id)].sort()) {
    if (used.has(e)) continue;
    const counts = components
      .map((c) => ({ into: idOf.get(c)!, n: weight(c, e) }))
      .filter((x) => x.n > 0)
      .sort((x, y) => y.n - x.n || (x.into < y.into ? -1 : 1));
    if (counts[0]) merged.push({ from: e, into: counts[0].into });
    else removed.push(e);
  }
  return { groups, merged, removed };
}
