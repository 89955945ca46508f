// The Cases page: the supervisors' open alerts (a case or a lead about a minor), the reader's due tasks
// (reminders), and the cases they may see, most recently changed first, filtered by status and by
// "only mine". The list shows alias and pseudonym, never anything the person said.
import {
  Alert,
  Button,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { IconCases } from '../ui/icons';
import { Loading } from '../ui/Loading';
import { RouterAnchor } from '../ui/RouterAnchor';
import {
  acknowledgeAlert,
  acknowledgeLeadAlert,
  CASE_STATUSES,
  caseKeys,
  fetchAlerts,
  fetchDueTasks,
  fetchLeadAlerts,
  listCases,
  openCase,
  type CaseFilters,
} from './api';
import { CaseStatusBadge, MinorBadge } from './badges';
import { HtcdsExchange } from './HtcdsExchange';
import { useCasesT } from './i18n';

const REMINDER_REFRESH_MS = 60_000;

export function CasesPage() {
  const t = useCasesT();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('list.title'));
  if (!capabilities.workCases) {
    return (
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('list.title')}
        </Title>
        <Paper withBorder radius="md" py={56} px="xl">
          <EmptyState
            icon={<IconCases size={28} />}
            withIndicatorBackground
            title={t('list.notForRole')}
            description={t('list.notForRoleDescription')}
          />
        </Paper>
      </Stack>
    );
  }
  return <Cases />;
}

function Cases() {
  const t = useCasesT();
  const { capabilities } = useCurrentSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<CaseFilters>({});
  const open = useMutation({
    mutationFn: () => openCase({}),
    onSuccess: (c) => void navigate({ to: '/cases/$caseId', params: { caseId: c.id } }),
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('list.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={640}>
            {t('list.intro')}
          </Text>
        </Stack>
        <Button onClick={() => open.mutate()} loading={open.isPending} data-testid="new-case">
          {t('list.newCase')}
        </Button>
      </Group>
      <ErrorAlert error={open.error} />
      {capabilities.receiveCaseAlerts ? <Alerts /> : null}
      {capabilities.exchangeHtcds ? <HtcdsExchange /> : null}
      <DueTasks />
      <Group gap="lg" align="flex-end">
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" id="case-status-filter">
            {t('list.filterStatus')}
          </Text>
          <SegmentedControl
            aria-labelledby="case-status-filter"
            value={filters.status ?? 'all'}
            onChange={(v) => setFilters({ ...filters, status: v === 'all' ? undefined : v })}
            data={[
              { value: 'all', label: t('list.all') },
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
        </Stack>
        <Switch
          label={t('list.onlyMine')}
          checked={filters.mine ?? false}
          onChange={(e) => setFilters({ ...filters, mine: e.currentTarget.checked })}
        />
      </Group>
      <CaseTable filters={filters} />
    </Stack>
  );
}

function CaseTable({ filters }: { filters: CaseFilters }) {
  const t = useCasesT();
  const cases = useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ pageParam }) => listCases(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  if (cases.isPending) return <Loading />;
  if (cases.isError) return <ErrorAlert error={cases.error} />;
  const items = cases.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Paper withBorder radius="md" py={40} px="xl">
        <EmptyState
          icon={<IconCases size={28} />}
          withIndicatorBackground
          title={t('list.empty')}
          description={t('list.emptyDescription')}
        />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md">
        <Table striped highlightOnHover aria-label={t('list.label')} data-testid="case-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.alias')}</Table.Th>
              <Table.Th>{t('list.pseudonym')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.needs')}</Table.Th>
              <Table.Th>{t('list.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id} data-testid="case-row">
                <Table.Td>
                  <Group gap="xs">
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }}>
                      {c.alias}
                    </RouterAnchor>
                    {c.minor ? <MinorBadge /> : null}
                  </Group>
                </Table.Td>
                <Table.Td ff="monospace">{c.pseudonym}</Table.Td>
                <Table.Td>
                  <CaseStatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>{c.needs.map((n) => t(`need.${n}`)).join(', ')}</Table.Td>
                <Table.Td>{formatDateTime(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {cases.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void cases.fetchNextPage()}
          loading={cases.isFetchingNextPage}
        >
          {t('list.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Alerts() {
  const t = useCasesT();
  const qc = useQueryClient();
  const alerts = useQuery({
    queryKey: caseKeys.alerts,
    queryFn: fetchAlerts,
    refetchInterval: REMINDER_REFRESH_MS,
  });
  // Leads about a minor (scoring found them): the same protocol, so the same place.
  const leadAlerts = useQuery({
    queryKey: caseKeys.leadAlerts,
    queryFn: fetchLeadAlerts,
    refetchInterval: REMINDER_REFRESH_MS,
  });
  const ack = useMutation({
    mutationFn: acknowledgeAlert,
    onSettled: () => void qc.invalidateQueries({ queryKey: caseKeys.alerts }),
  });
  const ackLead = useMutation({
    mutationFn: acknowledgeLeadAlert,
    onSettled: () => void qc.invalidateQueries({ queryKey: caseKeys.leadAlerts }),
  });
  if (!alerts.data?.length && !leadAlerts.data?.length) {
    return (
      <>
        <ErrorAlert error={alerts.error} />
        <ErrorAlert error={leadAlerts.error} />
      </>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-alerts-title">
      <Title order={2} size="h4" id="case-alerts-title">
        {t('alerts.title')}
      </Title>
      <ErrorAlert error={ack.error} />
      <ErrorAlert error={ackLead.error} />
      {(alerts.data ?? []).map((a) => (
        <Alert key={a.id} color="red" variant="light" data-testid="case-alert">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {t(`alerts.${a.kind}`, {
                alias: a.caseAlias,
                pseudonym: a.casePseudonym,
                date: formatDateTime(a.raisedAt),
              })}
            </Text>
            <Group gap="xs">
              <RouterAnchor to="/cases/$caseId" params={{ caseId: a.caseId }} size="sm">
                {t('alerts.open')}
              </RouterAnchor>
              <Button
                size="xs"
                variant="default"
                onClick={() => ack.mutate(a.id)}
                loading={ack.isPending && ack.variables === a.id}
              >
                {t('alerts.acknowledge')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
      {(leadAlerts.data ?? []).map((a) => (
        <Alert key={a.id} color="red" variant="light" data-testid="lead-alert">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('alerts.leadMinor', { date: formatDateTime(a.raisedAt) })}</Text>
            <Group gap="xs">
              <RouterAnchor to="/entities/$entityId" params={{ entityId: a.entityId }} size="sm">
                {t('alerts.openLead')}
                {a.alias ? ` ${a.alias}` : ''}
              </RouterAnchor>
              <Button
                size="xs"
                variant="default"
                onClick={() => ackLead.mutate(a.id)}
                loading={ackLead.isPending && ackLead.variables === a.id}
              >
                {t('alerts.acknowledge')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

function DueTasks() {
  const t = useCasesT();
  const due = useQuery({
    queryKey: caseKeys.dueTasks,
    queryFn: fetchDueTasks,
    refetchInterval: REMINDER_REFRESH_MS,
  });
  if (!due.data?.length) return <ErrorAlert error={due.error} />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="case-due-title">
      <Title order={2} size="h4" id="case-due-title">
        {t('due.title')}
      </Title>
      <Paper withBorder radius="md" p="sm">
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {due.data.map((task) => (
            <li key={task.id} data-testid="due-task">
              <RouterAnchor to="/cases/$caseId" params={{ caseId: task.caseId }} size="sm">
                {t('due.item', {
                  title: task.title,
                  alias: task.caseAlias,
                  date: task.dueAt ? formatDate(task.dueAt) : '',
                })}
              </RouterAnchor>
            </li>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
