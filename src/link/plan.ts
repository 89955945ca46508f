// The linking plan: which ads form one entity, which existing entity each group keeps, and what
// merges, splits and ends. Pure — the incremental batch (store.ts linkAdBatch) and the full rebuild
// (rebuildLinks) only gather its inputs and write its result, so both decide by the same rule.
//
// The survivor rule. An entity id is what analysts' work hangs on: leads, notes, assignments and
// audit entries name it. So an id stays with the bulk of the ads it stood for: every (group, old
// entity) pair is weighed by how many of the entity's ads land in the group, and ids are handed out
// greedily from the heaviest pair down, each id to at most one group and each group at most one id.
// Ties go to the older entity (its id is the one in the older notes), then to the smaller id. Taken
// over all pairs at once, the choice depends only on the sets, never on the order they were read in.
// An entity that keeps no group is merged into the entity holding most of its ads (its lead
// follows them) or, with none left, ends; groups that take none get a new id, and where a new group
// holds ads of a kept entity, that entity is split.
import { UnionFind } from './union-find.js';

/** An ad whose entity is decided now. */
export interface PlanAd {
  adId: string;
  /** Strong keys of its current version: ads sharing one are the same entity. */
  strongKeys: readonly string[];
  /** The entity it belongs to now; null for an ad never linked. */
  entityId: string | null;
}

/** An existing entity the plan may keep, merge or end. */
export interface PlanEntity {
  id: string;
  /** Creation time (ms): the older entity wins a tie. */
  createdAt: number;
  /**
   * Its ads that are not among the placed ones. They are taken to stay together (an entity is a
   * connected group) and go wherever the entity goes: the incremental path places only a batch and
   * the entities that lost a bridge; a rebuild places every ad, so this is 0 everywhere.
   */
  outside: number;
}

export interface LinkPlanInput {
  ads: readonly PlanAd[];
  /** Every entity named below or by an ad's entityId. */
  entities: readonly PlanEntity[];
  /** Pairs of placed ads with near-duplicate text, when near duplicates join entities. */
  nearDuplicates?: readonly (readonly [string, string])[];
  /** Strong keys held by ads outside the placed ones, and the entity holding them. */
  keyOwners?: ReadonlyMap<string, string>;
  /** Near-duplicate links from a placed ad to an entity holding the other (unplaced) ad. */
  entityLinks?: readonly (readonly [string, string])[];
  /** Makes the id of a new entity (called in the order of each new group's smallest ad id). */
  newEntityId: () => string;
}

export interface PlannedEntity {
  id: string;
  /** Its placed ads, sorted. */
  ads: string[];
  created: boolean;
  /** Its membership differs from before (created, gained or lost ads, or took another's ads). */
  changed: boolean;
  /** Entities (not kept) whose outside ads move into this one. */
  absorbs: string[];
}

export interface LinkPlan {
  /** One per group, in order of id. */
  entities: PlannedEntity[];
  /** The entity of every placed ad. */
  entityOf: Map<string, string>;
  /** Placed ads whose entity changes (from null: never linked). */
  moved: { adId: string; from: string | null; to: string }[];
  /** Entities not kept, and where their ads (and leads) go. */
  merged: { from: string; into: string }[];
  /** Kept entities that lost ads to new entities. */
  split: { from: string; into: string[] }[];
  /** Entities not kept with no ads left. */
  removed: string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Group {
  /** Smallest placed ad id, or the entity id of a group of outside ads only: orders groups. */
  key: string;
  ads: string[];
  fixed: string[];
  entity?: string;
}

/** Decides the entities of the placed ads; see the module header for the rule. */
export function planLinks(input: LinkPlanInput): LinkPlan {
  const entityInfo = new Map(input.entities.map((e) => [e.id, e]));
  const known = (id: string) => {
    if (!entityInfo.has(id)) throw new Error(`linking plan: entity ${id} not among its inputs`);
    return id;
  };
  const placed = new Map<string, PlanAd>();
  for (const ad of input.ads) {
    if (placed.has(ad.adId)) throw new Error(`linking plan: ad ${ad.adId} placed twice`);
    if (ad.entityId !== null) known(ad.entityId);
    placed.set(ad.adId, ad);
  }
  const isPlaced = (id: string) => {
    if (!placed.has(id)) throw new Error(`linking plan: ad ${id} is not placed`);
    return id;
  };

  const uf = new UnionFind();
  for (const ad of input.ads) {
    uf.add(`a:${ad.adId}`);
    for (const k of ad.strongKeys) uf.union(`a:${ad.adId}`, `k:${k}`);
  }
  for (const e of input.entities) if (e.outside > 0) uf.add(`e:${e.id}`);
  for (const [key, entity] of input.keyOwners ?? []) uf.union(`k:${key}`, `e:${known(entity)}`);
  for (const [a, b] of input.nearDuplicates ?? []) uf.union(`a:${isPlaced(a)}`, `a:${isPlaced(b)}`);
  for (const [ad, entity] of input.entityLinks ?? [])
    uf.union(`a:${isPlaced(ad)}`, `e:${known(entity)}`);

  const groups: Group[] = [];
  for (const members of uf.groups().values()) {
    const ads = members.filter((n) => n.startsWith('a:')).map((n) => n.slice(2));
    const fixed = members.filter((n) => n.startsWith('e:')).map((n) => n.slice(2));
    if (ads.length === 0 && fixed.length === 0) continue;
    ads.sort(byString);
    fixed.sort(byString);
    groups.push({ key: ads[0] ?? (fixed[0] as string), ads, fixed });
  }
  groups.sort((a, b) => byString(a.key, b.key));

  // How many of each old entity's ads land in each group.
  const weights: { group: Group; entity: string; weight: number }[] = [];
  for (const group of groups) {
    const count = new Map<string, number>();
    for (const e of group.fixed) count.set(e, entityInfo.get(e)?.outside ?? 0);
    for (const adId of group.ads) {
      const e = placed.get(adId)?.entityId;
      if (e) count.set(e, (count.get(e) ?? 0) + 1);
    }
    for (const [entity, weight] of count) if (weight > 0) weights.push({ group, entity, weight });
  }
  const age = (id: string) => entityInfo.get(id)?.createdAt ?? 0;
  weights.sort(
    (x, y) =>
      y.weight - x.weight ||
      age(x.entity) - age(y.entity) ||
      byString(x.entity, y.entity) ||
      byString(x.group.key, y.group.key),
  );
  const kept = new Set<string>();
  for (const { group, entity } of weights) {
    if (group.entity !== undefined || kept.has(entity)) continue;
    group.entity = entity;
    kept.add(entity);
  }
  const created = new Set<string>();
  for (const group of groups) {
    if (group.entity !== undefined) continue;
    group.entity = input.newEntityId();
    created.add(group.entity);
  }

  const entityOf = new Map<string, string>();
  for (const group of groups) for (const adId of group.ads) entityOf.set(adId, group.entity!);
  const moved: LinkPlan['moved'] = [];
  const changed = new Set<string>(created);
  for (const ad of input.ads) {
    const to = entityOf.get(ad.adId)!;
    if (ad.entityId === to) continue;
    moved.push({ adId: ad.adId, from: ad.entityId, to });
    changed.add(to);
    if (ad.entityId) changed.add(ad.entityId);
  }

  // Where the ads of each old entity went, for merges and splits.
  const landed = new Map<string, Map<string, number>>();
  const land = (from: string, to: string, n: number) => {
    const m = landed.get(from) ?? new Map<string, number>();
    m.set(to, (m.get(to) ?? 0) + n);
    landed.set(from, m);
  };
  for (const ad of input.ads) if (ad.entityId) land(ad.entityId, entityOf.get(ad.adId)!, 1);
  for (const group of groups) {
    for (const e of group.fixed) land(e, group.entity!, entityInfo.get(e)?.outside ?? 0);
  }

  const merged: LinkPlan['merged'] = [];
  const removed: string[] = [];
  const split: LinkPlan['split'] = [];
  for (const { id } of [...input.entities].sort((a, b) => byString(a.id, b.id))) {
    const targets = [...(landed.get(id) ?? [])].filter(([, n]) => n > 0);
    if (kept.has(id)) {
      const into = targets.map(([to]) => to).filter((to) => created.has(to));
      if (into.length > 0) split.push({ from: id, into: into.sort(byString) });
      continue;
    }
    const into = targets.sort((x, y) => y[1] - x[1] || byString(x[0], y[0]))[0]?.[0];
    if (into) merged.push({ from: id, into });
    else removed.push(id);
  }

  const entities: PlannedEntity[] = groups
    .map((g) => {
      const id = g.entity!;
      const absorbs = g.fixed.filter((e) => e !== id);
      if (absorbs.length > 0) changed.add(id);
      return { id, ads: g.ads, created: created.has(id), changed: changed.has(id), absorbs };
    })
    .sort((a, b) => byString(a.id, b.id));
  return { entities, entityOf, moved, merged, split, removed };
}
