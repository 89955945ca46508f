// The queue on a phone: one card per lead instead of the table's seven columns, in the API's
// order, with what a worker decides on at a glance (alias, score, urgent and young, the top
// signals, place, state and holder). The alias is the card's link and its keyboard stop; it
// stretches over the whole card (triage.css), so a tap anywhere on the card opens the lead and
// the focus ring goes round the card.
import { Group, Progress, Stack, Text } from '@mantine/core';
import type { LeadItem } from './api';
import {
  ExploitationBadge,
  FlagBadges,
  LeadNewsBadges,
  StateBadge,
  TopReasons,
  UrgentBadge,
} from './badges';
import { formatDate } from '../ui/format';
import { useTriageT } from './i18n';
import { useStaff } from './people';
import { RouterAnchor } from '../ui/RouterAnchor';
import { scoreColor } from './LeadTable';

export function LeadCards({ leads, newMatches }: { leads: LeadItem[]; newMatches: Set<string> }) {
  const t = useTriageT();
  const staff = useStaff();
  return (
    <ul className="lead-cards" aria-label={t('queue.tableLabel')}>
      {leads.map((l) => (
        <li
          key={l.entityId}
          className="lead-card"
          data-testid="lead-card"
          data-urgent={l.urgent ? 'true' : 'false'}
          data-score={l.score}
        >
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Group gap={6} wrap="wrap" miw={0}>
                {l.urgent ? <UrgentBadge /> : null}
                <RouterAnchor
                  to="/entities/$entityId"
                  params={{ entityId: l.entityId }}
                  fw={600}
                  size="sm"
                  className="lead-card-link"
                  aria-label={t('queue.openLead', { id: l.alias })}
                  data-testid="lead-alias"
                >
                  {l.alias}
                </RouterAnchor>
              </Group>
              <Group gap={6} wrap="nowrap">
                <Progress
                  value={l.score}
                  color={scoreColor(l.score)}
                  w={40}
                  size="sm"
                  aria-hidden="true"
                />
                <Text size="lg" fw={800} c={scoreColor(l.score)}>
                  <span className="visually-hidden">{t('queue.columns.score')}: </span>
                  <span data-testid="lead-score">{l.score}</span>
                </Text>
              </Group>
            </Group>
            <Group gap={4} wrap="wrap">
              <ExploitationBadge type={l.exploitationType} />
              <FlagBadges flags={l.flags.filter((f) => f !== 'urgent')} max={3} />
              <LeadNewsBadges lead={l} newMatch={newMatches.has(l.entityId)} />
            </Group>
            <TopReasons lead={l} />
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-end">
              <Text size="xs" miw={0} truncate="end">
                {[l.lastPlace ?? '—', staff.nameOf(l.assigneeId)].join(' · ')}
              </Text>
              <StateBadge state={l.state} />
            </Group>
            {l.snoozedUntil && new Date(l.snoozedUntil) > new Date() ? (
              <Text size="xs" c="dimmed">
                {t('queue.snoozedUntil', { date: formatDate(l.snoozedUntil) })}
              </Text>
            ) : null}
          </Stack>
        </li>
      ))}
    </ul>
  );
}
