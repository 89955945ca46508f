// Text templates as leader clusters around a centroid, in memory: the rule the store follows ad by
// ad (store.ts assignTemplates with its tables, rebuildLinks with this class), and what the
// near-duplicate bench measures. An ad joins the template whose centroid it resembles most, at least
// TEMPLATE_THRESHOLD; it is never joined through another member. Transitive joining (union-find over
// near-duplicate pairs) chains: A≈B and B≈C put A and C together though they share little, and on
// the ad board's first versions it reached template precision 0.05–0.24. Measured against the
// template's centroid, every member is near the template as a whole, so a template cannot creep
// away from the text that founded it.
//
// The centroid is the per-position majority of the MinHash signatures of its first members (ties
// to the smallest value): the min-hash of what most members share, the template's fixed sentences
// rather than one ad's fill. It is settled once the template has CENTROID_MEMBERS ads, so one more
// member never moves it, and a majority does not depend on the order its members came in.
//
// An ad that resembles no centroid waits as "loose". When a later ad resembles no centroid either
// but some loose ads, it founds a template with them (they are near it, not merely near each
// other). A template that never gains a second ad is no template.
import { estimateJaccard, LshIndex } from './minhash.js';

/**
 * Estimated Jaccard similarity to a template's centroid (and of a founder to the loose ads it takes)
 * from which an ad is on that template. Lower than the pair threshold (NEAR_DUP_THRESHOLD): the
 * centroid holds what members share, so an ad of the template with a sentence of its own sits
 * nearer to it than to many single members. Chosen on the ad board's 103,521 first versions
 * (bench/near-dup.bench.ts): at 0.5 template precision 0.74 recall 0.80, at 0.525 0.83 / 0.75, at
 * 0.55 0.89 / 0.71, at 0.6 0.95 / 0.59. Precision first: a template taken for shared adds points.
 * The board's independents draw their sentences from the same small pools, so two unrelated ads
 * often share more than half their text; no threshold on text alone separates those.
 */
export const TEMPLATE_THRESHOLD = 0.55;
/** Members whose signatures make up a centroid; it stays as it is after that. */
export const CENTROID_MEMBERS = 16;

/** Orders two signatures by content, so ties between templates break the same way everywhere. */
export function compareSigs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/**
 * The per-position majority of signatures (ties to the smallest value), over their common length.
 * Depends only on the set of signatures, never on their order.
 */
export function centroidOf(sigs: readonly ArrayLike<number>[]): number[] {
  if (sigs.length === 0) return [];
  const n = Math.min(...sigs.map((s) => s.length));
  const out = new Array<number>(n);
  const counts = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    counts.clear();
    let best = 0;
    let value = 0;
    for (const s of sigs) {
      const v = s[p] ?? 0;
      const c = (counts.get(v) ?? 0) + 1;
      counts.set(v, c);
      if (c > best || (c === best && v < value)) {
        best = c;
        value = v;
      }
    }
    out[p] = value;
  }
  return out;
}

/** The template whose centroid is most similar (at least the threshold), if any. */
export function bestTemplate<T extends string | number>(
  sig: ArrayLike<number>,
  candidates: { id: T; minhash: ArrayLike<number> }[],
  threshold: number,
): T | null {
  let best: { id: T; sim: number; rep: ArrayLike<number> } | null = null;
  for (const c of candidates) {
    const sim = estimateJaccard(sig, c.minhash);
    if (sim < threshold) continue;
    if (!best || sim > best.sim || (sim === best.sim && compareSigs(c.minhash, best.rep) < 0)) {
      best = { id: c.id, sim, rep: c.minhash };
    }
  }
  return best?.id ?? null;
}

export interface TemplateCluster<Id> {
  /** The centroid: every member was within the threshold of it when it joined. */
  rep: number[];
  /** Members in the order they joined (the founder first, then the loose ads it took). */
  ads: Id[];
  /** Signatures of the first CENTROID_MEMBERS members, which make the centroid. */
  basis: ArrayLike<number>[];
}

/**
 * Leader clustering of signatures added one at a time, in the order linking meets the ads (the
 * result depends on that order, which the store keeps in link_ads.link_order so a rebuild replays
 * it). Each add is one LSH lookup among centroids and, when none is near, one among loose ads.
 */
export class TemplateClusterer<Id> {
  readonly templates: TemplateCluster<Id>[] = [];
  private readonly reps = new LshIndex<number>();
  private readonly loose = new LshIndex<Id>();
  private readonly looseSigs = new Map<Id, ArrayLike<number>>();
  private readonly of = new Map<Id, number>();

  constructor(private readonly threshold = TEMPLATE_THRESHOLD) {}

  /** Places one ad; returns its template's index, or null while it resembles nothing. */
  add(id: Id, sig: ArrayLike<number>): number | null {
    if (sig.length === 0) return null;
    const joined = bestTemplate(
      sig,
      this.reps.candidates(sig).map((i) => ({ id: i, minhash: this.templates[i]?.rep ?? [] })),
      this.threshold,
    );
    if (joined !== null) {
      const t = this.templates[joined]!;
      t.ads.push(id);
      this.of.set(id, joined);
      if (t.basis.length < CENTROID_MEMBERS) {
        t.basis.push(sig);
        t.rep = centroidOf(t.basis);
        this.reps.add(joined, t.rep);
      }
      return joined;
    }
    const fellows = this.loose
      .candidates(sig)
      .filter((o) => estimateJaccard(sig, this.looseSigs.get(o) ?? []) >= this.threshold);
    if (fellows.length === 0) {
      this.loose.add(id, sig);
      this.looseSigs.set(id, sig);
      return null;
    }
    const i = this.templates.length;
    const basis = [sig, ...fellows.map((f) => this.looseSigs.get(f) ?? [])];
    const t: TemplateCluster<Id> = { rep: centroidOf(basis), ads: [id, ...fellows], basis };
    this.templates.push(t);
    this.reps.add(i, t.rep);
    this.of.set(id, i);
    for (const f of fellows) {
      this.loose.remove(f);
      this.looseSigs.delete(f);
      this.of.set(f, i);
    }
    return i;
  }

  /** The template of an ad (index into `templates`), or null. */
  templateOf(id: Id): number | null {
    return this.of.get(id) ?? null;
  }
}
