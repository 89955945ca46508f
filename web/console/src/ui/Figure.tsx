// A labelled figure in a summary ("Pages 133").
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
        {label}
      </Text>
      <Text size="xl" fw={650} c={color} lh={1.3}>
        {value}
      </Text>
    </div>
  );
}
