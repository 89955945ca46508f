// How facts are grouped and coloured on screen: one colour per kind of finding, the same in the
// text, the legend and the list, so a glance at the ad says where its signs are.
import type { Fact } from './api';
import { isIdentifierKind } from './api';

export const FACT_GROUPS = [
  'indicator',
  'identifier',
  'age',
  'price',
  'place',
  'spoken_language',
] as const;
export type FactGroup = (typeof FACT_GROUPS)[number];

export function groupOf(f: Pick<Fact, 'kind'>): FactGroup | null {
  if (f.kind === 'indicator') return 'indicator';
  if (isIdentifierKind(f.kind)) return 'identifier';
  if (f.kind === 'age') return 'age';
  if (f.kind === 'price') return 'price';
  if (f.kind === 'place' || f.kind === 'postcode' || f.kind === 'location_type') return 'place';
  if (f.kind === 'spoken_language') return 'spoken_language';
  // The language of the whole ad spans all of it: said once, not marked.
  return null;
}

/** When spans overlap, the piece takes the colour of the group that matters most. */
export const GROUP_RANK: Record<FactGroup, number> = {
  indicator: 6,
  identifier: 5,
  age: 4,
  price: 3,
  place: 2,
  spoken_language: 1,
};

/** Mantine colour of each group (badges and the legend; the marks use extract.css). */
export const GROUP_COLOR: Record<FactGroup, string> = {
  indicator: 'red',
  identifier: 'violet',
  age: 'pink',
  price: 'teal',
  place: 'blue',
  spoken_language: 'gray',
};

/** Order of the kinds in the list of facts. */
export const KIND_ORDER = [
  'indicator',
  'phone',
  'messenger',
  'email',
  'url',
  'age',
  'price',
  'place',
  'postcode',
  'location_type',
  'spoken_language',
  'language',
];

export const EVIDENCE_COLOR: Record<string, string> = {
  validated: 'red',
  practitioner: 'orange',
  contested: 'gray',
};

/** A fact with its index in the extraction (the id its mark and list entry share). */
export interface IndexedFact {
  index: number;
  fact: Fact;
}

export function indexFacts(facts: Fact[]): IndexedFact[] {
  return facts.map((fact, index) => ({ index, fact }));
}

/** The facts found in one field, for marking that field's text. */
export function factsIn(facts: IndexedFact[], field: string): IndexedFact[] {
  return facts.filter(({ fact }) => fact.span?.field === field && groupOf(fact) !== null);
}

export function groupByKind(facts: IndexedFact[]): [string, IndexedFact[]][] {
  const groups = new Map<string, IndexedFact[]>();
  for (const f of facts) {
    const list = groups.get(f.fact.kind) ?? [];
    list.push(f);
    groups.set(f.fact.kind, list);
  }
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * The occurrences of one finding together: the same place, price or sign found in the title, the
 * text and a field is one entry with three places. Identifiers stay one entry per occurrence: each
 * has its own reveal (and its own way of being written).
 */
export function clusterFacts(items: IndexedFact[]): IndexedFact[][] {
  const clusters = new Map<string, IndexedFact[]>();
  for (const item of items) {
    const f = item.fact;
    const key = isIdentifierKind(f.kind)
      ? `#${item.index}`
      : `${f.kind}|${f.code ?? ''}|${f.value ?? f.raw ?? ''}`;
    const list = clusters.get(key) ?? [];
    list.push(item);
    clusters.set(key, list);
  }
  return [...clusters.values()];
}

export const markId = (index: number) => `fact-mark-${index}`;
