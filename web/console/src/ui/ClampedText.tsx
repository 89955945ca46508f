// Text shown to a number of whole lines, the rest on request. A pixel height (Mantine's Spoiler)
// cuts through the next line whenever the font or zoom differs from what the height assumed; a line
// clamp never does, and the toggle appears only when something is actually hidden.
import { Anchor, Text, type TextProps } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export function ClampedText({
  children,
  lines,
  moreLabel,
  lessLabel,
  ...text
}: TextProps & { children: ReactNode; lines: number; moreLabel: string; lessLabel: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    measure();
    // A narrower window wraps into more lines: measure again when the width changes.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [children, open]);
  return (
    <div>
      <Text ref={ref} {...text} lineClamp={open ? undefined : lines}>
        {children}
      </Text>
      {overflows || open ? (
        <Anchor
          component="button"
          type="button"
          size="xs"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? lessLabel : moreLabel}
        </Anchor>
      ) : null}
    </div>
  );
}
