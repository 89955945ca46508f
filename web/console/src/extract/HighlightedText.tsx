// Marks what extraction found in one field of an ad. The text is hostile input: it is only ever
// rendered as React text nodes inside <mark> elements, never as HTML. Identifiers arrive masked
// ("••••••78"); once revealed, the original characters take the mask's place (same length, so
// every other span still lines up).
import { Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Revealed } from './api';
import { FactTooltip } from './FactDetails';
import { GROUP_RANK, groupOf, markId, type FactGroup, type IndexedFact } from './facts';

function withRevealed(text: string, facts: IndexedFact[], revealed: Map<string, Revealed>): string {
  let out = text;
  for (const { fact } of facts) {
    const r = fact.identifierId ? revealed.get(fact.identifierId) : undefined;
    const { start, end } = fact.span;
    if (r && r.raw.length === end - start && end <= out.length) {
      out = out.slice(0, start) + r.raw + out.slice(end);
    }
  }
  return out;
}

export function HighlightedText({
  text,
  facts,
  revealed,
}: {
  text: string;
  facts: IndexedFact[];
  revealed: Map<string, Revealed>;
}) {
  const shown = withRevealed(text, facts, revealed);
  const len = shown.length;
  const spans = facts
    .map((f) => ({
      ...f,
      group: groupOf(f.fact),
      start: Math.max(0, Math.min(len, f.fact.span.start)),
      end: Math.max(0, Math.min(len, f.fact.span.end)),
    }))
    .filter((s): s is typeof s & { group: FactGroup } => s.group !== null && s.end > s.start);
  if (spans.length === 0) return <>{shown}</>;

  const cuts = [...new Set([0, len, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const placed = new Set<number>();
  const out: ReactNode[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const piece = shown.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      out.push(piece);
      continue;
    }
    const top = over.reduce((x, y) => (GROUP_RANK[y.group] > GROUP_RANK[x.group] ? y : x));
    // The first piece of each fact carries its id, so the list can point at it.
    const first = over.find((s) => s.start === a && !placed.has(s.index));
    if (first) placed.add(first.index);
    const revealedHere = over.some((s) => s.fact.identifierId && revealed.has(s.fact.identifierId));
    out.push(
      <Tooltip
        key={a}
        multiline
        w={320}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
        label={
          <>
            {over.map((s) => (
              <div key={s.index} style={{ marginBottom: over.length > 1 ? 6 : 0 }}>
                <FactTooltip
                  fact={s.fact}
                  revealed={s.fact.identifierId ? revealed.get(s.fact.identifierId) : undefined}
                />
              </div>
            ))}
          </>
        }
      >
        <mark
          id={first ? markId(first.index) : undefined}
          className={`fact-mark fact-${top.group}${revealedHere ? ' fact-revealed' : ''}`}
          data-fact-kind={top.fact.kind}
          data-testid="fact-mark"
          // Focusable from the list's links (which show the tooltip), not a tab stop each.
          tabIndex={-1}
        >
          {piece}
        </mark>
      </Tooltip>,
    );
  }
  return <>{out}</>;
}
