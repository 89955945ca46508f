// Mantine's Anchor as a router link, so `to` and `params` are checked against the route tree
// (Mantine's polymorphic `component={Link}` loses the router's types).
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

const MantineAnchor = forwardRef<
  HTMLAnchorElement,
  AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>
>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
MantineAnchor.displayName = 'MantineAnchor';

export const AnchorLink = createLink(MantineAnchor);
