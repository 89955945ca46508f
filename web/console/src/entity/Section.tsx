// A titled block of the entity page: a landmark with its heading, so a screen reader can jump
// from one part of the lead to the next.
import { Group, Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function Section({
  title,
  aside,
  children,
  testId,
  id,
  className,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
  id?: string;
  className?: string;
}) {
  const headingId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby={headingId}
      data-testid={testId}
      id={id}
      className={className}
    >
      <Stack gap="md">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
