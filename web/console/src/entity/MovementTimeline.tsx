// Where the ads placed this person over time: the stops in order, each with its first and last
// day and how many ads placed them there. A vertical timeline: moving between cities is one of
// the validated signs of control.
import { Text, Timeline } from '@mantine/core';
import type { MovementStop } from '../triage/api';
import { formatDate } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { Section } from './Section';

export function MovementTimeline({ movement }: { movement: MovementStop[] }) {
  const t = useTriageT();
  const stops = [...movement].sort(
    (a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.lastSeen.localeCompare(b.lastSeen),
  );
  return (
    <Section title={t('entity.sections.movement')} testId="movement">
      {stops.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('movement.empty')}
        </Text>
      ) : (
        <Timeline
          active={stops.length - 1}
          bulletSize={14}
          lineWidth={2}
          role="list"
          aria-label={t('movement.label')}
        >
          {stops.map((s, i) => (
            <Timeline.Item
              key={`${s.placeId}-${s.firstSeen}-${i}`}
              role="listitem"
              data-testid="movement-stop"
              title={
                <Text fw={600} size="sm">
                  {s.name}{' '}
                  <Text span size="xs" c="dimmed" tt="uppercase">
                    {s.country}
                  </Text>
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {s.firstSeen.slice(0, 10) === s.lastSeen.slice(0, 10)
                  ? formatDate(s.firstSeen)
                  : t('movement.range', {
                      from: formatDate(s.firstSeen),
                      to: formatDate(s.lastSeen),
                    })}
                {' · '}
                {t('movement.ads', { count: s.ads })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
