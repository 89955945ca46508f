// A capacity as a coloured badge beside the day it was confirmed ("Full  3 Dec"), so a worker sees at
// a glance both whether there is room and how fresh that word is.
import { Badge, Group, Text } from '@mantine/core';
import type { Capacity } from './api';
import { usePartnersT } from './i18n';
import { shortDay } from './labels';

const COLOR: Record<Capacity | 'unknown', string> = {
  open: 'green',
  waiting_list: 'yellow',
  full: 'red',
  unknown: 'gray',
};

export function CapacityBadge({
  capacity,
  confirmedAt,
}: {
  capacity: Capacity | null;
  confirmedAt: string | null;
}) {
  const t = usePartnersT();
  const key = capacity ?? 'unknown';
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={COLOR[key]} size="sm" style={{ flexShrink: 0 }}>
        {t(`capacity.${key}`)}
      </Badge>
      {capacity && confirmedAt ? (
        <Text component="span" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {shortDay(confirmedAt)}
        </Text>
      ) : null}
    </Group>
  );
}
