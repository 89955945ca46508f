// Whether the console is on a phone-sized screen: below Mantine's `sm` breakpoint, where the
// navigation folds into the burger menu too. For layouts that differ in what they render (cards
// instead of a table, filters in a drawer), not only in how it is styled: those use Mantine's
// hiddenFrom/visibleFrom. Read on the first render, so a phone never mounts the desktop layout
// first (the console renders only in the browser).
import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export function usePhone(): boolean {
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, {
    getInitialValueInEffect: false,
  });
  return !wide;
}
