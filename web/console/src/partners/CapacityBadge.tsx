// A capacity as a coloured badge with the day it was confirmed ("Full · 3 Dec"), so a worker sees at
// a glance both whether there is room and how fresh that word is.
import { Badge } from '@mantine/core';
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
    <Badge variant="light" color={COLOR[key]} size="sm">
      {t(`capacity.${key}`)}
      {capacity && confirmedAt ? ` · ${shortDay(confirmedAt)}` : ''}
    </Badge>
  );
}
