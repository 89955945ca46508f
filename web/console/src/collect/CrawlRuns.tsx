// Crawl runs of a source: the summary of one run (figures, errors by kind, and the failing URLs
// with their reasons) and the history table, each row opening its run's errors.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { collectKeys, fetchCrawlRun, isActiveRun, type CrawlError, type CrawlRun } from './api';
import { formatDateTime, formatDuration, formatNumber } from '../ui/format';
import { useCollectT, useOptionalT } from './i18n';
import { RunStatusBadge } from './badges';
import { CopyText } from '../ui/CopyText';
import { Figure } from '../ui/Figure';
import { Loading } from '../ui/Loading';

export function ErrorsByKind({ errorsByKind }: { errorsByKind: Record<string, number> }) {
  const t = useCollectT();
  const o = useOptionalT();
  const entries = Object.entries(errorsByKind).filter(([, n]) => n > 0);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('runs.noErrors')}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid="errors-by-kind">
      {entries
        .sort((a, b) => b[1] - a[1])
        .map(([kind, n]) => (
          <Badge key={kind} color="red" variant="light">
            {o(`runs.errorKind.${kind}`, kind)}: {formatNumber(n)}
          </Badge>
        ))}
    </Group>
  );
}

export function ErrorTable({ errors }: { errors: CrawlError[] }) {
  const t = useCollectT();
  const o = useOptionalT();
  if (errors.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('runs.noErrorUrls')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720} maxHeight={360}>
      <Table verticalSpacing={6} fz="sm" striped stickyHeader>
        <Table.Caption className="visually-hidden">{t('runs.errorsTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('runs.errorColumns.url')}</Table.Th>
            <Table.Th>{t('runs.errorColumns.kind')}</Table.Th>
            <Table.Th>{t('runs.errorColumns.reason')}</Table.Th>
            <Table.Th>{t('runs.errorColumns.at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={i} data-testid="crawl-error">
              <Table.Td maw={360}>
                <CopyText value={e.url} label={t('common.copyUrl')} size="xs" />
              </Table.Td>
              <Table.Td>
                <Badge color="red" variant="outline">
                  {o(`runs.errorKind.${e.kind}`, e.kind)}
                  {e.status ? ` ${e.status}` : ''}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{e.message}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.at)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The figures of one run: pages, ads found, new / changed / unchanged / gone, parse errors. */
export function RunFigures({ run }: { run: CrawlRun }) {
  const t = useCollectT();
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 7 }} spacing="md" data-testid="run-figures">
      <Figure
        label={t('runs.figures.pages')}
        value={formatNumber(run.pagesFetched)}
        testId="figure-pages"
      />
      <Figure
        label={t('runs.figures.found')}
        value={formatNumber(run.adsFound)}
        testId="figure-found"
      />
      <Figure
        label={t('runs.figures.new')}
        value={formatNumber(run.adsNew)}
        color="green.8"
        testId="figure-new"
      />
      <Figure
        label={t('runs.figures.changed')}
        value={formatNumber(run.adsChanged)}
        color="blue.8"
        testId="figure-changed"
      />
      <Figure label={t('runs.figures.unchanged')} value={formatNumber(run.adsUnchanged)} />
      <Figure
        label={t('runs.figures.gone')}
        value={formatNumber(run.adsGone)}
        color="gray.7"
        testId="figure-gone"
      />
      <Figure
        label={t('runs.figures.parseErrors')}
        value={formatNumber(run.parseErrors)}
        color={run.parseErrors > 0 ? 'orange.8' : undefined}
      />
    </SimpleGrid>
  );
}

/** One run in full, read from the server while it is going on (every 2 s) and once after. */
export function RunSummary({
  runId,
  title,
  errorsOpen = false,
}: {
  runId: string;
  title?: string;
  /** Show the failing addresses at once (in the history); otherwise behind a button. */
  errorsOpen?: boolean;
}) {
  const t = useCollectT();
  const [showErrors, setShowErrors] = useState(errorsOpen);
  const run = useQuery({
    queryKey: collectKeys.run(runId),
    queryFn: () => fetchCrawlRun(runId),
    refetchInterval: (q) => (q.state.data && !isActiveRun(q.state.data.run) ? false : 2000),
  });
  if (run.isPending) return <Loading />;
  if (run.isError) return <ErrorAlert error={run.error} />;
  const r = run.data.run;
  const active = isActiveRun(r);
  return (
    <Stack gap="md" data-testid="run-summary" data-status={r.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          {title ? (
            <Title order={3} size="h4">
              {title}
            </Title>
          ) : null}
          <Text size="sm" c="dimmed">
            {r.startedAt
              ? t('runs.startedAt', { at: formatDateTime(r.startedAt) })
              : t('runs.requestedAt', { at: formatDateTime(r.createdAt) })}
            {r.startedAt && r.finishedAt
              ? ` · ${t('runs.took', { duration: formatDuration(r.startedAt, r.finishedAt) })}`
              : ''}
          </Text>
        </div>
        <RunStatusBadge status={r.status} />
      </Group>
      {active ? (
        <Text size="sm" role="status">
          {r.status === 'queued' ? t('runs.waiting') : t('runs.running')}
        </Text>
      ) : (
        <>
          {r.message ? (
            <Text size="sm" c={r.status === 'failed' ? 'red.8' : undefined}>
              {r.message}
            </Text>
          ) : null}
          {/* A run that failed before fetching anything has no figures worth showing. */}
          {r.status === 'finished' || r.pagesFetched > 0 ? (
            <>
              <RunFigures run={r} />
              <div>
                <Text size="sm" fw={600} mb={6}>
                  {t('runs.errorsByKind')}
                </Text>
                <ErrorsByKind errorsByKind={r.errorsByKind} />
              </div>
            </>
          ) : null}
          {run.data.errors.length > 0 ? (
            <div>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShowErrors((v) => !v)}
                aria-expanded={showErrors}
                leftSection={<IconChevron open={showErrors} />}
              >
                {showErrors
                  ? t('runs.hideErrors')
                  : t('runs.showErrors', { count: run.data.errors.length })}
              </Button>
              {showErrors ? <ErrorTable errors={run.data.errors} /> : null}
            </div>
          ) : null}
        </>
      )}
    </Stack>
  );
}

const IconChevron = ({ open }: { open: boolean }) => (
  <svg
    width={16}
    height={16}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
    style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
  >
    <path d="M9 6l6 6-6 6" />
  </svg>
);

export function CrawlHistory({ runs }: { runs: CrawlRun[] }) {
  const t = useCollectT();
  const o = useOptionalT();
  const [open, setOpen] = useState<string | null>(null);
  if (runs.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md">
        {t('runs.historyEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" horizontalSpacing="sm" fz="sm" data-testid="crawl-history">
        <Table.Caption className="visually-hidden">{t('runs.historyTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <span className="visually-hidden">{t('runs.columns.details')}</span>
            </Table.Th>
            <Table.Th>{t('runs.columns.started')}</Table.Th>
            <Table.Th>{t('runs.columns.trigger')}</Table.Th>
            <Table.Th>{t('runs.columns.status')}</Table.Th>
            <Table.Th>{t('runs.columns.duration')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.pages')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.found')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.new')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.changed')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.gone')}</Table.Th>
            <Table.Th ta="right">{t('runs.columns.errors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((r) => {
            const errors = Object.values(r.errorsByKind).reduce((a, b) => a + b, 0);
            const isOpen = open === r.id;
            const at = r.startedAt ?? r.createdAt;
            return (
              <Fragment key={r.id}>
                <Table.Tr data-testid="run-row">
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => setOpen(isOpen ? null : r.id)}
                      aria-expanded={isOpen}
                      aria-label={t('runs.showDetails', { at: formatDateTime(at) })}
                    >
                      <IconChevron open={isOpen} />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</Table.Td>
                  <Table.Td>{o(`runs.trigger.${r.trigger}`, r.trigger)}</Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.startedAt && r.finishedAt ? formatDuration(r.startedAt, r.finishedAt) : '—'}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(r.pagesFetched)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.adsFound)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.adsNew)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.adsChanged)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.adsGone)}</Table.Td>
                  <Table.Td ta="right" c={errors > 0 ? 'red.8' : undefined}>
                    {formatNumber(errors)}
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr>
                    <Table.Td colSpan={11} bg="gray.0">
                      <Paper withBorder p="md" radius="md" m={4}>
                        <RunSummary runId={r.id} errorsOpen />
                      </Paper>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
