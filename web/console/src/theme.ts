// A calm, sober look: one deep blue-green as the accent, system fonts (nothing loaded from
// elsewhere), generous spacing. Every colour used for text reaches WCAG AA (4.5:1) on its
// background, decided here and nowhere else: Mantine's own scales are too light for that in their
// darker half (its dimmed grey is 3.3:1 on white, orange 9 on orange 1 3.6:1, red 6 under white
// text 3.3:1), so the darker shades are deepened just enough, dimmed text is one shade darker, and
// a colour's fill (filled badges and buttons, coloured text) is its first shade that carries white
// text at 4.5:1.
import {
  Alert,
  Badge,
  Button,
  createTheme,
  DEFAULT_THEME,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

const AA = 4.5;
/** A little above the line, so rounding in a browser never tips it under. */
const TARGET = AA + 0.1;
const WHITE = '#ffffff';

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((v) =>
      Math.round(v * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The colour darkened by the least amount that reads at 4.5:1 on the background. */
function readableOn(hex: string, background: string, from = 0): string {
  let amount = from;
  while (contrast(darken(hex, amount), background) < TARGET && amount < 1) amount += 0.01;
  return darken(hex, amount);
}

/**
 * A scale whose shade 8 reads on white and whose shade 9 reads on shade 1 (Mantine's light
 * variant: shade 9 text on shade 1), shade 7 deepened halfway so the scale stays even.
 */
export function readableScale(scale: readonly string[]): MantineColorsTuple {
  const out = [...scale];
  const eight = readableOn(scale[8]!, WHITE);
  const nine = readableOn(scale[9]!, scale[1]!);
  out[8] = eight;
  out[9] = contrast(nine, WHITE) >= contrast(eight, WHITE) ? nine : readableOn(eight, scale[1]!);
  if (contrast(out[7]!, WHITE) < contrast(scale[6]!, WHITE)) out[7] = scale[7]!;
  return out as unknown as MantineColorsTuple;
}

/** The first shade from 6 on that carries white text at 4.5:1 (shade 8 always does, see above). */
export function fillShade(scale: readonly string[]): number {
  for (let i = 6; i < 9; i++) if (contrast(scale[i]!, WHITE) >= AA) return i;
  return 8;
}

const ariadne: MantineColorsTuple = [
  '#ecf4f6',
  '#d9e7ec',
  '#b0cfd9',
  '#85b5c5',
  '#619fb4',
  '#4a91a9',
  '#2f6f86',
  '#265d71',
  '#1f4e5f',
  '#163b48',
];

const colors: Record<string, MantineColorsTuple> = {
  ...Object.fromEntries(
    Object.entries(DEFAULT_THEME.colors).map(([name, scale]) => [name, readableScale(scale)]),
  ),
  ariadne,
};

/**
 * The console's theme. Close buttons of dialogs, drawers and alerts are icons: `closeLabel` (the
 * current language's "Close") names them for screen readers and voice control.
 */
export function consoleTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'ariadne',
    colors,
    primaryShade: 6,
    defaultRadius: 'md',
    cursorType: 'pointer',
    headings: { fontWeight: '650' },
    components: {
      Button: Button.extend({ defaultProps: { radius: 'md' } }),
      // Sentence case reads calmer in dense tables than Mantine's default capitals.
      // Plain objects, not Modal.extend and Drawer.extend: importing Modal or Drawer here would
      // put them (with their scroll area and focus trap) into the sign-in page's code.
      Modal: {
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
        styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
      },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: closeLabel } }),
      Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 500, radius: 'sm' } }),
    },
  });
}

/**
 * The light scheme's text colours: dimmed text and error messages one step darker, and each
 * colour's fill, outline and text at its first shade that reads at 4.5:1 (see fillShade).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    ...Object.fromEntries(
      Object.entries(colors).flatMap(([name, scale]) => {
        const shade = fillShade(scale);
        return [
          [`--mantine-color-${name}-filled`, `var(--mantine-color-${name}-${shade})`],
          [`--mantine-color-${name}-filled-hover`, `var(--mantine-color-${name}-${shade + 1})`],
          [`--mantine-color-${name}-outline`, `var(--mantine-color-${name}-${shade})`],
        ];
      }),
    ),
  },
  dark: {},
});
