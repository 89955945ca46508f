// Templates as leader clusters around a centroid: near-duplicates of one text come together, a chain
// of texts each near the next does not (transitive joining would put its ends in one template), and
// the centroid depends only on its members.
import { describe, expect, it } from 'vitest';
import { estimateJaccard, minhashSignature, shingles } from './minhash.js';
import {
  CENTROID_MEMBERS,
  centroidOf,
  TEMPLATE_THRESHOLD,
  TemplateClusterer,
} from './template-clusters.js';

const words = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `w${from + i}`);
const sigOf = (tokens: string[]) => minhashSignature(shingles(tokens));

describe('template clusters', () => {
  it('cannot chain: texts each near the next do not make one template of the ends', () => {
    // Each text shifts a 60-word window by 12 words: neighbours share 48 words, the ends none.
    const sigs = Array.from({ length: 8 }, (_, i) => sigOf(words(12 * i, 12 * i + 60)));
    for (let i = 1; i < sigs.length; i++) {
      // Union-find over pairs at the threshold would join every neighbour, so all eight.
      expect(estimateJaccard(sigs[i - 1]!, sigs[i]!)).toBeGreaterThanOrEqual(TEMPLATE_THRESHOLD);
    }
    expect(estimateJaccard(sigs[0]!, sigs[7]!)).toBeLessThan(0.1);
    const clusters = new TemplateClusterer<number>();
    sigs.forEach((s, i) => clusters.add(i, s));
    expect(clusters.templateOf(0)).not.toBeNull();
    expect(clusters.templateOf(0)).not.toBe(clusters.templateOf(7));
    for (const t of clusters.templates) {
      // No template spans texts that share almost nothing.
      const ids = t.ads;
      for (const a of ids) for (const b of ids) expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
    }
  });

  it('puts fillings of one text together and keeps another text apart', () => {
    const base = words(0, 50);
    const other = words(500, 550);
    const fill = (tokens: string[], k: number) =>
      tokens.map((w, i) => (i % 25 === k ? `fill${k}` : w));
    const clusters = new TemplateClusterer<string>();
    for (let k = 0; k < 6; k++) {
      clusters.add(`a${k}`, sigOf(fill(base, k)));
      clusters.add(`b${k}`, sigOf(fill(other, k)));
    }
    const a = clusters.templateOf('a0');
    const b = clusters.templateOf('b0');
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
    for (let k = 1; k < 6; k++) {
      expect(clusters.templateOf(`a${k}`)).toBe(a);
      expect(clusters.templateOf(`b${k}`)).toBe(b);
    }
  });

  it('leaves a text alone until a second one resembles it', () => {
    const clusters = new TemplateClusterer<number>();
    expect(clusters.add(1, sigOf(words(0, 40)))).toBeNull();
    expect(clusters.add(2, sigOf(words(100, 140)))).toBeNull();
    expect(clusters.add(3, [])).toBeNull();
    expect(clusters.add(4, sigOf(words(0, 40)))).toBe(0);
    expect(clusters.templates[0]?.ads).toEqual([4, 1]);
  });

  it('takes the majority per position, whatever the order, and settles after its first members', () => {
    const sigs = [
      [5, 1, 9],
      [5, 2, 8],
      [6, 2, 7],
    ];
    expect(centroidOf(sigs)).toEqual([5, 2, 7]);
    expect(centroidOf([...sigs].reverse())).toEqual([5, 2, 7]);
    expect(centroidOf([])).toEqual([]);

    const clusters = new TemplateClusterer<number>();
    const base = words(0, 50);
    for (let k = 0; k < CENTROID_MEMBERS + 4; k++) {
      clusters.add(k, sigOf(base.map((w, i) => (i === k % 50 ? `x${k}` : w))));
    }
    const t = clusters.templates[0]!;
    expect(t.ads).toHaveLength(CENTROID_MEMBERS + 4);
    expect(t.basis).toHaveLength(CENTROID_MEMBERS);
  });
});
