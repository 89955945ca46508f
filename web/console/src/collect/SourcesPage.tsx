// Sources: every site Ariadne collects from, with its health (and why), its last crawl and whether
// scheduled crawls are on. Analysts, supervisors and admins add sources and switch them on or off;
// outreach workers see the list read-only.
import {
  Button,
  EmptyState,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconSources } from '../ui/icons';
import { canManageSources, canReadAds } from './access';
import {
  collectKeys,
  fetchSource,
  isActiveRun,
  listSources,
  setSourceEnabled,
  type CrawlRun,
  type Source,
} from './api';
import { formatDateTime, formatNumber, formatRelative } from '../ui/format';
import { currentLanguage } from '../i18n';
import { useCollectT } from './i18n';
import { scheduleInWords } from './schedule-words';
import { HealthBadge, healthReasons, RunStatusBadge } from './badges';
import { Loading } from '../ui/Loading';
import { NoAccess } from '../ui/NoAccess';

export function SourcesPage() {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  if (!canReadAds(capabilities)) return <NoAccess title={t('sources.title')} />;
  return <SourcesList />;
}

function SourcesList() {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  const manage = canManageSources(capabilities);
  usePageTitle(t('sources.title'));
  const sources = useQuery({ queryKey: collectKeys.sources, queryFn: listSources });
  // The list has no crawl figures; each source's page has its recent runs. A program has a
  // handful of sources, so asking per source is cheap and keeps the server's list small.
  const details = useQueries({
    queries: (sources.data ?? []).map((s) => ({
      queryKey: collectKeys.source(s.id),
      queryFn: () => fetchSource(s.id),
    })),
  });
  const runsOf = new Map<string, CrawlRun[] | undefined>(
    (sources.data ?? []).map((s, i) => [s.id, details[i]?.data?.runs]),
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('sources.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720} mt={4}>
            {t('sources.intro')}
          </Text>
        </div>
        {manage ? (
          <Button component={Link} to="/sources/new">
            {t('sources.new')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md">
        {sources.isPending ? (
          <Loading />
        ) : sources.isError ? (
          <Stack p="md">
            <ErrorAlert error={sources.error} />
          </Stack>
        ) : sources.data.length === 0 ? (
          <EmptyState
            py={56}
            px="xl"
            icon={<IconSources size={28} />}
            withIndicatorBackground
            title={t('sources.empty')}
            description={manage ? t('sources.emptyManage') : t('sources.emptyRead')}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">{t('sources.tableLabel')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sources.columns.source')}</Table.Th>
                  <Table.Th>{t('sources.columns.health')}</Table.Th>
                  <Table.Th>{t('sources.columns.lastCrawl')}</Table.Th>
                  <Table.Th>{t('sources.columns.schedule')}</Table.Th>
                  <Table.Th>{t('sources.columns.enabled')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.data.map((s) => (
                  <SourceRow key={s.id} source={s} runs={runsOf.get(s.id)} manage={manage} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function SourceRow({
  source,
  runs,
  manage,
}: {
  source: Source;
  runs: CrawlRun[] | undefined;
  manage: boolean;
}) {
  const t = useCollectT();
  const def = source.definition as { description?: string; crawler?: string; schedule?: string };
  const reasons = healthReasons(source.healthDetail);
  const words = def.schedule ? scheduleInWords(def.schedule, currentLanguage()) : null;
  return (
    <Table.Tr data-testid="source-row" data-source={source.name}>
      <Table.Td maw={320}>
        <RouterAnchor to="/sources/$sourceId" params={{ sourceId: source.id }} fw={600}>
          {source.name}
        </RouterAnchor>
        {def.description ? (
          // Written by an administrator, in the language they wrote it in.
          <Text size="xs" c="dimmed" lineClamp={2} lang="und">
            {def.description}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {def.crawler === 'browser' ? t('sources.crawlerBrowser') : t('sources.crawlerHttp')}
        </Text>
      </Table.Td>
      <Table.Td maw={280}>
        <Stack gap={4} align="flex-start">
          <HealthBadge health={source.health} />
          {reasons.length > 0 ? (
            <Text
              size="xs"
              c={source.health === 'broken' ? 'red.8' : 'orange.9'}
              data-testid="health-alert"
            >
              {reasons.join('; ')}
            </Text>
          ) : null}
          {source.robotsOverrideReason ? (
            <Text size="xs" c="dimmed">
              {t('sources.robotsOverridden')}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <LastCrawl runs={runs} />
      </Table.Td>
      <Table.Td>
        <Text
          size="sm"
          ff={def.schedule ? 'monospace' : undefined}
          c={def.schedule ? undefined : 'dimmed'}
        >
          {def.schedule ?? t('sources.onDemand')}
        </Text>
        {words ? (
          <Text size="xs" c="dimmed" data-testid="schedule-words">
            {t('sources.scheduleWordsShort', { words })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <EnabledSwitch source={source} disabled={!manage} />
      </Table.Td>
    </Table.Tr>
  );
}

function LastCrawl({ runs }: { runs: CrawlRun[] | undefined }) {
  const t = useCollectT();
  if (!runs || runs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {runs ? t('sources.neverCrawled') : '…'}
      </Text>
    );
  }
  const current = runs[0] && isActiveRun(runs[0]) ? runs[0] : undefined;
  const done = runs.find((r) => !isActiveRun(r));
  return (
    <Stack gap={4} data-testid="last-crawl">
      {current ? (
        <Group gap={6}>
          <RunStatusBadge status={current.status} />
          <Text size="xs" c="dimmed">
            {t('sources.since', { when: formatRelative(current.startedAt ?? current.createdAt) })}
          </Text>
        </Group>
      ) : null}
      {done ? <DoneRun run={done} /> : null}
    </Stack>
  );
}

function DoneRun({ run }: { run: CrawlRun }) {
  const t = useCollectT();
  const at = run.finishedAt ?? run.startedAt ?? run.createdAt;
  const errors = Object.values(run.errorsByKind).reduce((a, b) => a + b, 0);
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <RunStatusBadge status={run.status} />
        <Tooltip label={formatDateTime(at)} withArrow>
          <Text size="sm" component="span">
            {formatRelative(at)}
          </Text>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed">
        {t('sources.lastCrawlSummary', {
          pages: formatNumber(run.pagesFetched),
          found: formatNumber(run.adsFound),
          new: formatNumber(run.adsNew),
          changed: formatNumber(run.adsChanged),
          gone: formatNumber(run.adsGone),
        })}
        {errors > 0 ? ` · ${t('sources.errorsCount', { count: errors })}` : ''}
      </Text>
    </Stack>
  );
}

export function EnabledSwitch({ source, disabled }: { source: Source; disabled: boolean }) {
  const t = useCollectT();
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setSourceEnabled(source.id, enabled),
    onSuccess: (saved) => {
      qc.setQueryData<Source[]>(collectKeys.sources, (list) =>
        list?.map((s) => (s.id === saved.id ? saved : s)),
      );
      void qc.invalidateQueries({ queryKey: collectKeys.source(source.id) });
    },
  });
  const checked = toggle.isPending ? (toggle.variables ?? source.enabled) : source.enabled;
  return (
    <Stack gap={4}>
      <Switch
        checked={checked}
        disabled={disabled || toggle.isPending}
        onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        label={checked ? t('sources.enabledOn') : t('sources.enabledOff')}
        aria-label={t('sources.enabledFor', { name: source.name })}
      />
      {toggle.error ? <ErrorAlert error={toggle.error} onClose={() => toggle.reset()} /> : null}
    </Stack>
  );
}
