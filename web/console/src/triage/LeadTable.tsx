// The queue's table: one row per lead, in the API's order (urgent first, then score). Each row
// links to the entity page; the link is the row's keyboard stop, a click anywhere on the row
// opens it too.
import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { LeadItem } from './api';
import {
  ExploitationBadge,
  FlagBadges,
  LeadNewsBadges,
  StateBadge,
  TopReasons,
  UrgentBadge,
} from './badges';
import { formatDate, languageName, placeName, shortId } from '../ui/format';
import { useTriageT } from './i18n';
import { useStaff } from './people';
import { RouterAnchor } from '../ui/RouterAnchor';

/** A score's colour as text: shades that read at 4.5:1 on white (see theme.ts). */
export function scoreColor(score: number): string {
  if (score >= 70) return 'red.8';
  if (score >= 40) return 'orange.8';
  return 'ariadne.7';
}

export function LeadTable({ leads, newMatches }: { leads: LeadItem[]; newMatches: Set<string> }) {
  const t = useTriageT();
  const staff = useStaff();
  const navigate = useNavigate();

  const rows = leads.map((l) => (
    <Table.Tr
      key={l.entityId}
      data-testid="lead-row"
      data-urgent={l.urgent ? 'true' : 'false'}
      data-score={l.score}
      style={{ cursor: 'pointer' }}
      onClick={(e) => {
        // Let the link, and a selection of text, do their own thing.
        if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
        void navigate({ to: '/entities/$entityId', params: { entityId: l.entityId } });
      }}
    >
      <Table.Td miw={230}>
        <Stack gap={4}>
          <Group gap={6} wrap="wrap">
            {l.urgent ? <UrgentBadge /> : null}
            <RouterAnchor
              to="/entities/$entityId"
              params={{ entityId: l.entityId }}
              fw={600}
              size="sm"
              aria-label={t('queue.openLead', { id: l.alias })}
              data-testid="lead-alias"
            >
              {l.alias}
            </RouterAnchor>
            <Text span size="xs" c="dimmed" ff="monospace" title={l.entityId}>
              {shortId(l.entityId)}
            </Text>
            <LeadNewsBadges lead={l} newMatch={newMatches.has(l.entityId)} />
          </Group>
          <TopReasons lead={l} maw={280} />
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={700} w={26} ta="right" data-testid="lead-score">
            {l.score}
          </Text>
          <Progress
            value={l.score}
            color={scoreColor(l.score)}
            w={48}
            size="sm"
            aria-hidden="true"
          />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <ExploitationBadge type={l.exploitationType} />
          <FlagBadges flags={l.flags.filter((f) => f !== 'urgent')} max={3} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{l.lastPlace ?? '—'}</Text>
        {l.placeIds.length > 1 ? (
          <Text size="xs" c="dimmed" lineClamp={1} maw={160}>
            {l.placeIds.map(placeName).join(', ')}
          </Text>
        ) : null}
        {l.languages.length ? (
          <Text size="xs" c="dimmed" lineClamp={1} maw={160}>
            {l.languages.map(languageName).join(', ')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{l.adCount}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={l.assigneeId ? undefined : 'dimmed'}>
          {staff.nameOf(l.assigneeId)}
        </Text>
      </Table.Td>
      <Table.Td miw={120}>
        <Stack gap={2} align="flex-start">
          <StateBadge state={l.state} />
          {l.snoozedUntil && new Date(l.snoozedUntil) > new Date() ? (
            <Text size="xs" c="dimmed">
              {t('queue.snoozedUntil', { date: formatDate(l.snoozedUntil) })}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover>
        <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
          {t('queue.tableLabel')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queue.columns.lead')}</Table.Th>
            <Table.Th>{t('queue.columns.score')}</Table.Th>
            <Table.Th>{t('queue.columns.signals')}</Table.Th>
            <Table.Th>{t('queue.columns.lastPlace')}</Table.Th>
            <Table.Th ta="right">{t('queue.columns.ads')}</Table.Th>
            <Table.Th>{t('queue.columns.assignee')}</Table.Th>
            <Table.Th>{t('queue.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
