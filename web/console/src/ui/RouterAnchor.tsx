// A Mantine Anchor that is a router link, typed against the console's routes (Mantine's
// polymorphic `component={Link}` loses the route types).
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

const MantineAnchor = forwardRef<
  HTMLAnchorElement,
  AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>
>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
MantineAnchor.displayName = 'MantineAnchor';

export const RouterAnchor = createLink(MantineAnchor);
