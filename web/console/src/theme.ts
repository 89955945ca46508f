// A calm, sober look: one deep blue-green as the accent, system fonts (nothing loaded from
// elsewhere), generous spacing.
import { Badge, Button, createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'ariadne',
  colors: { ariadne },
  primaryShade: 6,
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  components: {
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    // Sentence case reads calmer in dense tables than Mantine's default capitals.
    // A plain object, not Modal.extend: importing Modal here would put it (with its scroll area
    // and focus trap) into the sign-in page's code.
    Modal: { styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } } },
    Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 500, radius: 'sm' } }),
  },
});
