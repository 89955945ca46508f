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

/** A span of the field that is the site's boilerplate, with the label it is shown with. */
export interface BoilerplateMark {
  start: number;
  end: number;
}

export function HighlightedText({
  text,
  facts,
  revealed,
  boilerplate = [],
  boilerplateLabel = '',
}: {
  text: string;
  facts: IndexedFact[];
  revealed: Map<string, Revealed>;
  /** Spans the site repeats across its ads: set apart (and labelled) around the marks inside. */
  boilerplate?: BoilerplateMark[];
  boilerplateLabel?: string;
}) {
  const marked = markedText(text, facts, revealed);
  if (boilerplate.length === 0) return marked;
  // Each boilerplate span is cut out of the text and its marks drawn inside it on their own.
  const len = text.length;
  const spans = boilerplate
    .map((b) => ({
      start: Math.max(0, Math.min(len, b.start)),
      end: Math.max(0, Math.min(len, b.end)),
    }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const b of spans) {
    if (b.start < at) continue;
    if (b.start > at)
      out.push(<Part key={`t${at}`} {...{ text, facts, revealed }} from={at} to={b.start} />);
    out.push(
      <span
        key={`b${b.start}`}
        className="site-boilerplate"
        data-testid="site-boilerplate"
        title={boilerplateLabel}
      >
        <Part {...{ text, facts, revealed }} from={b.start} to={b.end} />
      </span>,
    );
    at = b.end;
  }
  if (at < len) out.push(<Part key={`t${at}`} {...{ text, facts, revealed }} from={at} to={len} />);
  return <>{out}</>;
}

/** The marks of one piece of a field [from, to): its facts moved to the piece's own offsets. */
function Part({
  text,
  facts,
  revealed,
  from,
  to,
}: {
  text: string;
  facts: IndexedFact[];
  revealed: Map<string, Revealed>;
  from: number;
  to: number;
}) {
  const inside = facts
    .filter((f) => f.fact.span.start >= from && f.fact.span.end <= to)
    .map((f) => ({
      ...f,
      fact: {
        ...f.fact,
        span: { ...f.fact.span, start: f.fact.span.start - from, end: f.fact.span.end - from },
      },
    }));
  return markedText(text.slice(from, to), inside, revealed);
}

function markedText(text: string, facts: IndexedFact[], revealed: Map<string, Revealed>) {
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
