// Badges of the sources pages, the same wherever they appear: a source's health (with the reasons
// the last check gave) and a crawl run's status.
import { Badge } from '@mantine/core';
import type { HealthDetail } from './api';
import { useOptionalT } from './i18n';

const HEALTH_COLOR: Record<string, string> = {
  ok: 'green',
  degraded: 'orange',
  broken: 'red',
  unknown: 'gray',
};

export function HealthBadge({ health }: { health: string }) {
  const o = useOptionalT();
  return (
    <Badge
      color={HEALTH_COLOR[health] ?? 'gray'}
      variant={health === 'unknown' ? 'outline' : 'light'}
      // In a narrow table cell a badge would shrink and cut its word ("Healt…").
      miw="max-content"
      data-testid="health-badge"
      data-health={health}
    >
      {o(`health.state.${health}`, health)}
    </Badge>
  );
}

/** The reasons the last health check gave, as the server wrote them (English, from the crawler). */
export function healthReasons(detail: Record<string, unknown> | null): string[] {
  const d = (detail ?? {}) as HealthDetail;
  return Array.isArray(d.reasons) ? d.reasons.filter((r) => typeof r === 'string') : [];
}

const RUN_COLOR: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  finished: 'green',
  failed: 'red',
};

export function RunStatusBadge({ status }: { status: string }) {
  const o = useOptionalT();
  return (
    <Badge color={RUN_COLOR[status] ?? 'gray'} variant="light" data-testid="run-status">
      {o(`runs.status.${status}`, status)}
    </Badge>
  );
}
