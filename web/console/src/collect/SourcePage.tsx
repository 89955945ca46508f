// One source: its health, "Run now" with the running crawl followed until its summary, the crawl
// history with errors, the health panel, the definition as JSON, export, and the admin's robots.txt
// override. Outreach workers see it all read-only.
import {
  Breadcrumbs,
  Button,
  Divider,
  Group,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { canManageSources, canOverrideRobots, canReadAds } from './access';
import {
  collectKeys,
  fetchCrawlRun,
  fetchSource,
  isActiveRun,
  listSources,
  sourceExportUrl,
  startCrawl,
  type CrawlRun,
  type Source,
} from './api';
import { CrawlHistory, RunSummary } from './CrawlRuns';
import { formatDefinition, NEW_SOURCE_TEMPLATE } from './definition';
import { DefinitionEditor } from './DefinitionEditor';
import { HealthPanel } from './HealthPanel';
import { currentLanguage } from '../i18n';
import { useCollectT } from './i18n';
import { RobotsPanel } from './RobotsPanel';
import { EnabledSwitch } from './SourcesPage';
import { HealthBadge, healthReasons } from './badges';
import { scheduleInWords } from './schedule-words';
import { Loading } from '../ui/Loading';
import { NoAccess } from '../ui/NoAccess';
import { SOURCE_TABS, type SourceTab } from './source-tabs';

export function SourcePage({ sourceId, tab }: { sourceId: string; tab: SourceTab }) {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  if (!canReadAds(capabilities)) return <NoAccess title={t('sources.title')} />;
  return <SourceView sourceId={sourceId} tab={tab} />;
}

function SourceView({ sourceId, tab }: { sourceId: string; tab: SourceTab }) {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  const manage = canManageSources(capabilities);
  const detail = useQuery({
    queryKey: collectKeys.source(sourceId),
    queryFn: () => fetchSource(sourceId),
  });
  usePageTitle(detail.data?.source.name ?? t('sources.title'));

  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    return (
      <Stack gap="md">
        <SourceCrumbs name={null} />
        <ErrorAlert error={detail.error} />
      </Stack>
    );
  }
  const { source, runs } = detail.data;
  return (
    <Stack gap="lg">
      <SourceCrumbs name={source.name} />
      <SourceHeader source={source} manage={manage} />
      <RunPanel source={source} runs={runs} manage={manage} />
      <SourceTabs
        source={source}
        runs={runs}
        tab={tab}
        manage={manage}
        isAdmin={canOverrideRobots(capabilities)}
      />
    </Stack>
  );
}

function SourceCrumbs({ name }: { name: string | null }) {
  const t = useCollectT();
  return (
    <Breadcrumbs separator="›">
      <RouterAnchor to="/sources" size="sm">
        {t('sources.title')}
      </RouterAnchor>
      {name ? (
        <Text size="sm" c="dimmed">
          {name}
        </Text>
      ) : null}
    </Breadcrumbs>
  );
}

/** "At 30 minutes past the hour, every 12 hours (UTC; cron 30 *\/12 * * *)", or the cron alone. */
function scheduleText(cron: string, t: ReturnType<typeof useCollectT>): string {
  const words = scheduleInWords(cron, currentLanguage());
  return words ? t('sources.scheduleWords', { words, cron }) : t('sources.scheduleLine', { cron });
}

function SourceHeader({ source, manage }: { source: Source; manage: boolean }) {
  const t = useCollectT();
  const def = source.definition as {
    description?: string;
    crawler?: string;
    schedule?: string;
    country?: string;
  };
  const reasons = healthReasons(source.healthDetail);
  return (
    <Group justify="space-between" align="flex-start" gap="lg">
      <Stack gap={6} maw={720}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {source.name}
          </Title>
          <HealthBadge health={source.health} />
        </Group>
        {def.description ? (
          <Text size="sm" lang="und">
            {def.description}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {[
            def.crawler === 'browser' ? t('sources.crawlerBrowser') : t('sources.crawlerHttp'),
            def.country ? t('sources.country', { country: def.country }) : null,
            def.schedule ? scheduleText(def.schedule, t) : t('sources.onDemand'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {reasons.length > 0 ? (
          <Text
            size="sm"
            c={source.health === 'broken' ? 'red.8' : 'orange.9'}
            data-testid="health-alert"
          >
            {reasons.join('; ')}
          </Text>
        ) : null}
      </Stack>
      <Stack gap="xs" align="flex-end">
        <EnabledSwitch source={source} disabled={!manage} />
        <Button
          component="a"
          href={sourceExportUrl(source.id)}
          download={`${source.name}.source.json`}
          variant="default"
          size="sm"
        >
          {t('sources.export')}
        </Button>
      </Stack>
    </Group>
  );
}

/**
 * Run now, then the run followed until it ends (a crawl already under way is followed the same
 * way), with the last finished crawl's summary beside it.
 */
function RunPanel({ source, runs, manage }: { source: Source; runs: CrawlRun[]; manage: boolean }) {
  const t = useCollectT();
  const qc = useQueryClient();
  const [startedRunId, setStartedRunId] = useState<string | null>(null);
  const latest = runs[0];
  const watchId = startedRunId ?? (latest && isActiveRun(latest) ? latest.id : null);

  const start = useMutation({
    mutationFn: () => startCrawl(source.id),
    onSuccess: (runId) => {
      setStartedRunId(runId);
      void qc.invalidateQueries({ queryKey: collectKeys.source(source.id) });
    },
  });

  // The watched run is polled by RunSummary (same query); when it ends, the source's health,
  // history and the ads it found are out of date.
  const watched = useQuery({
    queryKey: collectKeys.run(watchId ?? ''),
    queryFn: () => fetchCrawlRun(watchId!),
    enabled: watchId !== null,
    refetchInterval: (q) => (q.state.data && !isActiveRun(q.state.data.run) ? false : 2000),
  });
  const status = watched.data?.run.status;
  const watchedActive = status === undefined ? watchId !== null : isActiveRun({ status });
  const wasActive = useRef(false);
  useEffect(() => {
    if (!status) return;
    const active = isActiveRun({ status });
    if (wasActive.current && !active) {
      void qc.invalidateQueries({ queryKey: collectKeys.source(source.id) });
      void qc.invalidateQueries({ queryKey: collectKeys.sources });
      void qc.invalidateQueries({ queryKey: ['collect', 'ads'] });
    }
    wasActive.current = active;
  }, [status, qc, source.id]);

  const lastDone = runs.find((r) => !isActiveRun(r) && r.id !== watchId);
  const busy = watchedActive || start.isPending;
  const runButton = (
    <Button onClick={() => start.mutate()} loading={start.isPending} disabled={busy}>
      {t('runs.runNow')}
    </Button>
  );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" maw={640}>
            {manage ? t('runs.runNowIntro') : t('runs.readOnlyIntro')}
          </Text>
          {manage ? (
            watchedActive ? (
              <Tooltip label={t('runs.alreadyRunning')} withArrow>
                <span>{runButton}</span>
              </Tooltip>
            ) : (
              runButton
            )
          ) : null}
        </Group>
        <ErrorAlert error={start.error} onClose={() => start.reset()} />
        {watchId ? (
          <RunSummary
            runId={watchId}
            title={watchedActive ? t('runs.currentTitle') : t('runs.justFinishedTitle')}
          />
        ) : null}
        {watchId && watchedActive && lastDone ? <Divider /> : null}
        {lastDone && (!watchId || watchedActive) ? (
          <RunSummary runId={lastDone.id} title={t('runs.lastTitle')} />
        ) : null}
        {!watchId && !lastDone ? (
          <Text size="sm" c="dimmed">
            {t('sources.neverCrawled')}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function SourceTabs({
  source,
  runs,
  tab,
  manage,
  isAdmin,
}: {
  source: Source;
  runs: CrawlRun[];
  tab: SourceTab;
  manage: boolean;
  isAdmin: boolean;
}) {
  const t = useCollectT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const definitionText = useMemo(() => formatDefinition(source.definition), [source.definition]);
  const names = useQuery({ queryKey: collectKeys.sources, queryFn: listSources });
  return (
    <Tabs
      value={tab}
      onChange={(v) => {
        const next = SOURCE_TABS.find((x) => x === v);
        if (next)
          void navigate({
            to: '/sources/$sourceId',
            params: { sourceId: source.id },
            search: next === 'crawls' ? {} : { tab: next },
            replace: true,
          });
      }}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="crawls">{t('sources.tabs.crawls')}</Tabs.Tab>
        <Tabs.Tab value="health">{t('sources.tabs.health')}</Tabs.Tab>
        <Tabs.Tab value="definition">{t('sources.tabs.definition')}</Tabs.Tab>
        <Tabs.Tab value="robots">{t('sources.tabs.robots')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="crawls">
        <Paper withBorder radius="md">
          <CrawlHistory runs={runs} />
        </Paper>
      </Tabs.Panel>
      <Tabs.Panel value="health">
        <Paper withBorder radius="md" p="lg">
          <HealthPanel source={source} runs={runs} />
        </Paper>
      </Tabs.Panel>
      <Tabs.Panel value="definition">
        <Paper withBorder radius="md" p="lg">
          <DefinitionEditor
            key={source.id}
            initial={definitionText}
            currentName={source.name}
            readOnly={!manage}
            existingNames={(names.data ?? []).map((s) => s.name)}
            onSaved={(saved, created) => {
              void qc.invalidateQueries({ queryKey: collectKeys.sources });
              if (saved.id !== source.id || created) {
                void navigate({
                  to: '/sources/$sourceId',
                  params: { sourceId: saved.id },
                  search: { tab: 'definition' },
                });
              } else {
                qc.setQueryData(collectKeys.source(source.id), (old: unknown) =>
                  old && typeof old === 'object' ? { ...old, source: saved } : old,
                );
              }
            }}
          />
        </Paper>
      </Tabs.Panel>
      <Tabs.Panel value="robots">
        <Paper withBorder radius="md" p="lg">
          <RobotsPanel source={source} isAdmin={isAdmin} />
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}

export function NewSourcePage() {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageTitle(t('sources.newTitle'));
  const names = useQuery({ queryKey: collectKeys.sources, queryFn: listSources });
  if (!canManageSources(capabilities)) return <NoAccess title={t('sources.newTitle')} />;
  return (
    <Stack gap="lg">
      <SourceCrumbs name={t('sources.newTitle')} />
      <Title order={1} size="h2">
        {t('sources.newTitle')}
      </Title>
      <Paper withBorder radius="md" p="lg">
        <DefinitionEditor
          initial={NEW_SOURCE_TEMPLATE}
          currentName={null}
          readOnly={false}
          existingNames={(names.data ?? []).map((s) => s.name)}
          onSaved={(saved) => {
            void qc.invalidateQueries({ queryKey: collectKeys.sources });
            void navigate({ to: '/sources/$sourceId', params: { sourceId: saved.id } });
          }}
        />
      </Paper>
    </Stack>
  );
}
