// Marks spans in scraped text. The text is hostile input: it is only ever rendered as React text
// nodes inside <mark> elements, never as HTML.
import type { ReactNode, Ref } from 'react';

export interface Mark {
  start: number;
  end: number;
  /** focus: the passage a reason points at; sign: an indicator; fact: any other finding. */
  tone: 'focus' | 'sign' | 'fact';
  title: string;
}

const RANK = { focus: 3, sign: 2, fact: 1 } as const;

/** Splits text at every span boundary and marks each piece with the strongest span over it. */
export function highlight(text: string, marks: Mark[], focusRef?: Ref<HTMLElement>): ReactNode[] {
  const len = text.length;
  const spans = marks
    .map((m) => ({
      ...m,
      start: Math.max(0, Math.min(len, m.start)),
      end: Math.max(0, Math.min(len, m.end)),
    }))
    .filter((m) => m.end > m.start);
  if (spans.length === 0) return [text];
  const cuts = [...new Set([0, len, ...spans.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  const out: ReactNode[] = [];
  let focusPlaced = false;
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const piece = text.slice(a, b);
    const over = spans.filter((m) => m.start <= a && m.end >= b);
    if (over.length === 0) {
      out.push(piece);
      continue;
    }
    const top = over.reduce((x, y) => (RANK[y.tone] > RANK[x.tone] ? y : x));
    const title = [...new Set(over.map((m) => m.title))].join(' · ');
    const isFirstFocus = top.tone === 'focus' && !focusPlaced;
    if (isFirstFocus) focusPlaced = true;
    out.push(
      <mark
        key={a}
        className={top.tone}
        title={title}
        data-testid={top.tone === 'focus' ? 'focus-mark' : undefined}
        ref={isFirstFocus ? focusRef : undefined}
      >
        {piece}
      </mark>,
    );
  }
  return out;
}
