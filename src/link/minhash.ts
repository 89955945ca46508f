// Near-duplicate text in sub-linear time: MinHash signatures over word shingles of an ad's template
// tokens (template-text.ts), and LSH banding so that ads with similar text share a bucket. Many ads
// on one template across different numbers or names is a sign of organised posting (InfoShield,
// Lee et al., KDD 2021). Pure functions and one in-memory index; the store keeps signatures in
// link_ads.minhash (integer[]) and buckets in link_lsh (band smallint, bucket bigint).
//
// Stored signatures must stay comparable across processes and releases: hashes are written here
// (no dependency, no Math.random), permutation coefficients come from a fixed seed, and the first
// n coefficients do not depend on how many are drawn. Change anything that alters a signature or a
// bucket (this file, or the tokens templateTokens returns) only together with MINHASH_VERSION.

/**
 * Version of signatures and buckets: shingling, hashes, permutations, banding and the template
 * tokens they are made from. Bump on any change; stored values of another version must be rebuilt.
 */
export const MINHASH_VERSION = 1;

/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Permutations per signature: the estimate's standard error is √(J(1−J)/128) ≤ 0.044. */
export const NUM_PERM = 128;
/**
 * LSH banding: 32 bands of 4 rows. Two signatures share a bucket in some band with probability
 * 1 − (1 − J⁴)³², an S-curve with its steepest point near (1/32)^(1/4) ≈ 0.42:
 *
 *   Jaccard      0.1     0.2    0.3    0.4    0.5    0.6    0.7     0.8
 *   candidate    0.003   0.05   0.23   0.56   0.87   0.988  0.9998  1.0
 *
 * So a pair at the default threshold 0.6 is missed 1.2% of the time and at 0.7 0.02%, while
 * unrelated texts (J ≤ 0.1) are almost never compared. Pairs in between (0.3–0.5) do become
 * candidates and are then dropped by estimateJaccard; that costs one comparison each, which is
 * cheaper than losing near-threshold pairs (25×5 would miss 13% of pairs at 0.6, 20×6 38%).
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;
/** Estimated Jaccard similarity from which two ads are taken to share a template (configurable). */
export const NEAR_DUP_THRESHOLD = 0.6;

/** Most permutations a signature may have (coefficients are drawn lazily up to this). */
const MAX_PERM = 1024;
/** The Mersenne prime 2^31 − 1: signature values lie in [0, P), valid Postgres integers. */
const P = 2147483647;
const TWO_31 = 2147483648;
const INV_2_31 = 1 / TWO_31;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** Murmur3's finaliser: a bijection on 32 bits with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Murmur3's block step: mixes one 32-bit word into the running hash. */
function mixIn(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** FNV-1a over the UTF-16 code units of a string, finalised with fmix32. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * The distinct 32-bit hashes (ascending, unsigned) of the word k-grams of the tokens. A text with
 * fewer than k tokens (but at least one) gives a single shingle of all of them; no tokens, none.
 */
export function shingles(tokens: readonly string[], k = SHINGLE_SIZE): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`shingle size must be ≥ 1, got ${k}`);
  const n = tokens.length;
  if (n === 0) return new Uint32Array(0);
  const width = Math.min(k, n);
  const th = new Uint32Array(n);
  for (let i = 0; i < n; i++) th[i] = hashString(tokens[i] ?? '');
  const out = new Uint32Array(n - width + 1);
  for (let i = 0; i + width <= n; i++) {
    let h = 0x5348494e; // seed "SHIN"
    for (let j = 0; j < width; j++) h = mixIn(h, th[i + j] ?? 0);
    out[i] = fmix32(h ^ width);
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || out[i] !== out[m - 1]) out[m++] = out[i] ?? 0;
  }
  return out.subarray(0, m);
}

/** Exact Jaccard similarity of two shingle sets as shingles() returns them (sorted, distinct). */
export function exactJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

// Permutation coefficients h_i(x) = (a_i·x + b_i) mod P, a_i in [1, P), b_i in [0, P), drawn from
// SplitMix32 with a fixed seed. Drawn lazily but always in the same order, so signatures of
// different lengths agree on their common prefix.
const coefA = new Float64Array(MAX_PERM);
const coefB = new Float64Array(MAX_PERM);
let coefCount = 0;
let rngState = 0x41524941; // "ARIA"

function splitmix32(): number {
  rngState = (rngState + 0x9e3779b9) | 0;
  let z = rngState;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

function ensureCoefficients(n: number): void {
  while (coefCount < n) {
    coefA[coefCount] = 1 + (splitmix32() % (P - 1));
    coefB[coefCount] = splitmix32() % P;
    coefCount++;
  }
}

/**
 * The first n permutation coefficients (a_i, b_i) of h_i(x) = (a_i·x + b_i) mod (2^31 − 1), where x
 * is a shingle hash reduced mod 2^31 − 1: what a reimplementation elsewhere (SQL, Python) needs.
 */
export function minhashCoefficients(n = NUM_PERM): { a: number[]; b: number[] } {
  if (!Number.isInteger(n) || n < 0 || n > MAX_PERM) {
    throw new RangeError(`n must be 0…${MAX_PERM}, got ${n}`);
  }
  ensureCoefficients(n);
  return { a: Array.from(coefA.subarray(0, n)), b: Array.from(coefB.subarray(0, n)) };
}

/**
 * The MinHash signature of a shingle set: for each of numPerm permutations, the least image of any
 * shingle. Values are in [0, 2^31 − 1), so they store as Postgres integer[] as they are. An empty
 * set has no signature (length 0): it estimates 0 against everything and has no LSH bucket.
 *
 * The product a·x reaches 2^62, past the 2^53 that doubles hold exactly, so x is split into 16-bit
 * halves and each partial product reduced modulo the Mersenne prime before the next: exact, with
 * no BigInt, and about twice the cost of a plain 32-bit mix.
 */
export function minhashSignature(shingleHashes: ArrayLike<number>, numPerm = NUM_PERM): Int32Array {
  if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > MAX_PERM) {
    throw new RangeError(`numPerm must be 1…${MAX_PERM}, got ${numPerm}`);
  }
  const n = shingleHashes.length;
  if (n === 0) return new Int32Array(0);
  ensureCoefficients(numPerm);
  // Inputs reduced into [0, P) (x mod P = (x & P) + (x >>> 31), minus P once if it reaches P) and
  // split into 16-bit halves.
  const xHigh = new Float64Array(n);
  const xLow = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const x = (shingleHashes[j] ?? 0) >>> 0;
    let r = (x & P) + (x >>> 31);
    if (r >= P) r -= P;
    xHigh[j] = r >>> 16;
    xLow[j] = r & 0xffff;
  }
  const sig = new Int32Array(numPerm);
  for (let i = 0; i < numPerm; i++) {
    const a = coefA[i] ?? 1;
    const b = coefB[i] ?? 0;
    let min = P;
    for (let j = 0; j < n; j++) {
      // a·x = a·xHigh·2^16 + a·xLow. Each step stays below 2^53 and is folded with 2^31 ≡ 1:
      // v ≡ (v mod 2^31) + ⌊v / 2^31⌋ (mod P).
      let u = a * (xHigh[j] ?? 0); // < 2^46
      let q = Math.floor(u * INV_2_31);
      u = u - q * TWO_31 + q; // < 2^31 + 2^15
      let r = u * 65536 + a * (xLow[j] ?? 0) + b; // < 2^48 + 2^32
      q = Math.floor(r * INV_2_31);
      r = r - q * TWO_31 + q; // < 2^31 + 2^18
      if (r >= P) r -= P;
      if (r < min) min = r;
    }
    sig[i] = min;
  }
  return sig;
}

/**
 * Estimated Jaccard similarity: the share of positions where two signatures agree (over their
 * common length; 0 when either is empty).
 */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

export interface LshOptions {
  bands?: number;
  rows?: number;
}

export interface LshBucket {
  band: number;
  /** Hash of the band's rows as a signed 64-bit integer (Postgres bigint). */
  bucket: bigint;
}

function checkBanding(bands: number, rows: number): void {
  if (!Number.isInteger(bands) || bands < 1 || bands > 32767) {
    throw new RangeError(`bands must be 1…32767, got ${bands}`);
  }
  if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`rows must be ≥ 1, got ${rows}`);
}

/**
 * Two independent 32-bit hashes of each whole band (band index and its rows) of a signature, as
 * pairs [h1, h2, h1, h2, …]. A signature too short for all bands gives only its whole bands.
 */
function bandHashes(sig: ArrayLike<number>, bands: number, rows: number): Uint32Array {
  const usable = Math.min(bands, Math.floor(sig.length / rows));
  const out = new Uint32Array(2 * usable);
  for (let band = 0; band < usable; band++) {
    let h1 = mixIn(0x4c534831, band); // "LSH1"
    let h2 = mixIn(0x4c534832, band); // "LSH2"
    for (let r = band * rows; r < (band + 1) * rows; r++) {
      const v = (sig[r] ?? 0) | 0;
      h1 = mixIn(h1, v);
      h2 = mixIn(h2, v ^ 0x5bd1e995);
    }
    out[2 * band] = fmix32(h1 ^ rows);
    out[2 * band + 1] = fmix32(h2 ^ rows);
  }
  return out;
}

/** The LSH buckets of a signature: one per band, for link_lsh (band, bucket). */
export function lshBuckets(
  signature: ArrayLike<number>,
  bands = LSH_BANDS,
  rows = LSH_ROWS,
): LshBucket[] {
  checkBanding(bands, rows);
  const h = bandHashes(signature, bands, rows);
  const out: LshBucket[] = [];
  for (let band = 0; band < h.length / 2; band++) {
    const hi = BigInt(h[2 * band] ?? 0);
    const lo = BigInt(h[2 * band + 1] ?? 0);
    out.push({ band, bucket: BigInt.asIntN(64, (hi << 32n) | lo) });
  }
  return out;
}

/**
 * An in-memory LSH index (for a full rebuild and for tests): ids added with their signatures, and
 * the ids that share at least one band bucket with a given signature. Candidates still need
 * estimateJaccard against a threshold; the index only makes the search sub-linear.
 *
 * A hash table with chaining in typed arrays rather than a Map per band: a hundred thousand ads
 * make three million bucket entries, which as Map entries and small arrays cost several times
 * more time and memory. Each id gets a slot; per band, a head per table cell starts a chain of
 * slots, and every entry keeps its bucket key (53 of the bucket's 64 bits), so buckets that share
 * a cell are told apart.
 */
export class LshIndex<Id = string> {
  private readonly bands: number;
  private readonly rows: number;
  private readonly slotOf = new Map<Id, number>();
  private ids: Id[] = [];
  private freeSlots: number[] = [];
  /** Slots allocated so far, and the capacity (a power of two, also the table size per band). */
  private used = 0;
  private capacity = 0;
  /** Per band and table cell: the first slot of its chain, or −1. */
  private heads = new Int32Array(0);
  /** Per slot and band: the next slot in the chain (−1 ends it), and the entry's bucket key. */
  private next = new Int32Array(0);
  private keyOf = new Float64Array(0);
  /** Per slot: whether it holds an id, and the last candidates() call that returned it. */
  private live = new Uint8Array(0);
  private seen = new Uint32Array(0);
  private epoch = 0;

  constructor(opts: LshOptions = {}) {
    this.bands = opts.bands ?? LSH_BANDS;
    this.rows = opts.rows ?? LSH_ROWS;
    checkBanding(this.bands, this.rows);
    this.grow(64);
  }

  /** Bucket keys per band (53 bits of the band's two hashes); NaN where the signature is short. */
  private keys(sig: ArrayLike<number>): Float64Array {
    const h = bandHashes(sig, this.bands, this.rows);
    const keys = new Float64Array(this.bands).fill(NaN);
    for (let band = 0; band < h.length / 2; band++) {
      keys[band] = (h[2 * band] ?? 0) * 2097152 + ((h[2 * band + 1] ?? 0) >>> 11);
    }
    return keys;
  }

  private cell(band: number, key: number): number {
    return band * this.capacity + ((key % 1073741824) & (this.capacity - 1));
  }

  private link(slot: number): void {
    for (let band = 0; band < this.bands; band++) {
      const at = slot * this.bands + band;
      const key = this.keyOf[at] ?? NaN;
      if (Number.isNaN(key)) continue;
      const cell = this.cell(band, key);
      this.next[at] = this.heads[cell] ?? -1;
      this.heads[cell] = slot;
    }
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Float64Array | Uint8Array | Uint32Array>(old: T, n: T) => {
      n.set(old);
      return n;
    };
    this.next = copy(this.next, new Int32Array(capacity * this.bands));
    this.keyOf = copy(this.keyOf, new Float64Array(capacity * this.bands));
    this.live = copy(this.live, new Uint8Array(capacity));
    this.seen = copy(this.seen, new Uint32Array(capacity));
    this.capacity = capacity;
    this.heads = new Int32Array(capacity * this.bands).fill(-1);
    for (let slot = 0; slot < this.used; slot++) if (this.live[slot]) this.link(slot);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an id (replacing what it was added with before). */
  add(id: Id, sig: ArrayLike<number>): void {
    this.remove(id);
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.used === this.capacity) this.grow(2 * this.capacity);
      slot = this.used++;
    }
    this.keyOf.set(this.keys(sig), slot * this.bands);
    this.ids[slot] = id;
    this.live[slot] = 1;
    this.slotOf.set(id, slot);
    this.link(slot);
  }

  /** Removes an id; false if it was not in the index. */
  remove(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    for (let band = 0; band < this.bands; band++) {
      const at = slot * this.bands + band;
      const key = this.keyOf[at] ?? NaN;
      if (Number.isNaN(key)) continue;
      const cell = this.cell(band, key);
      const after = this.next[at] ?? -1;
      let s = this.heads[cell] ?? -1;
      if (s === slot) {
        this.heads[cell] = after;
        continue;
      }
      while (s >= 0) {
        const n: number = this.next[s * this.bands + band] ?? -1;
        if (n === slot) {
          this.next[s * this.bands + band] = after;
          break;
        }
        s = n;
      }
    }
    this.live[slot] = 0;
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * Distinct ids sharing a bucket with the signature (the signature's own id included, if it was
   * added), at most `limit` of them; the order is deterministic but otherwise unspecified.
   */
  candidates(sig: ArrayLike<number>, limit = Infinity): Id[] {
    const keys = this.keys(sig);
    const out: Id[] = [];
    if (++this.epoch > 0xfffffff0) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    for (let band = 0; band < this.bands && out.length < limit; band++) {
      const key = keys[band] ?? NaN;
      if (Number.isNaN(key)) continue;
      let s = this.heads[this.cell(band, key)] ?? -1;
      while (s >= 0 && out.length < limit) {
        if (this.seen[s] !== epoch && this.keyOf[s * this.bands + band] === key) {
          this.seen[s] = epoch;
          out.push(this.ids[s] as Id);
        }
        s = this.next[s * this.bands + band] ?? -1;
      }
    }
    return out;
  }
}
