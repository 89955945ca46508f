// The triage queue, the outreach worker's home: leads urgent first, then by score, each with the
// few signals that put it there. Filters live in the URL (a filtered queue can be bookmarked or
// shared with a colleague), pages load with the API's keyset cursor, and the same filters drive
// the CSV export and saved searches. On a phone the filters fold into a drawer behind a "Filters"
// button that counts those in use, and the leads show as cards (LeadCards) instead of the table.
import { homePathFor } from '../collect/nav';
import {
  Alert,
  Badge,
  Button,
  Center,
  Drawer,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { SaveSearchButton } from '../searches/SaveSearchButton';
import { SavedSearchesMenu } from '../searches/SavedSearchesMenu';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconTriage } from '../ui/icons';
import { leadsCsvUrl, listLeads, queryKeys, type LeadFilters, type OpenedSavedSearch } from './api';
import { formatTime } from '../ui/format';
import { useTriageT } from './i18n';
import { LeadTable } from './LeadTable';
import { QueueFilters } from './QueueFilters';
import { LeadCards } from './LeadCards';
import { usePhone } from '../ui/use-phone';

const route = getRouteApi('/triage');

const hasFilters = (f: LeadFilters) => Object.keys(f).length > 0;
/** Filters in use, as the worker set them: the score range's two ends are one filter. */
const activeFilterCount = (f: LeadFilters) =>
  Object.keys(f).filter((k) => k !== 'maxScore' || f.minScore === undefined).length;
const QUEUE_REFRESH_MS = 60_000;

export function QueuePage() {
  const t = useTriageT();
  const { user } = useCurrentSession();
  usePageTitle(t('queue.title'));
  // The queue is the program's own work; partner organisations get a 403 from the API.
  if (user.role === 'partner') return <Navigate to={homePathFor(user.role)} replace />;
  return <Queue />;
}

function Queue() {
  const t = useTriageT();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = (next: LeadFilters) =>
    void navigate({ search: next, replace: false, resetScroll: false });

  const qc = useQueryClient();
  const phone = usePhone();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = activeFilterCount(filters);
  const [notice, setNotice] = useState<string | null>(null);
  const leads = useInfiniteQuery({
    queryKey: queryKeys.leads(filters),
    queryFn: ({ pageParam }) => listLeads(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // New evidence is scored all the time; the queue on screen follows within a minute.
    refetchInterval: QUEUE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const items = useMemo(() => leads.data?.pages.flatMap((p) => p.items) ?? [], [leads.data]);

  // Set by the saved-searches menu when a search is opened: its new matches are marked here.
  const opened = useQuery<OpenedSavedSearch | null>({
    queryKey: queryKeys.openedSearch,
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
  const newMatches = useMemo(
    () => new Set((opened?.hits ?? []).filter((h) => !h.seen).map((h) => h.itemId)),
    [opened],
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} size="h2">
            {t('queue.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640} mt={4}>
            {t('queue.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="subtle"
            onClick={() => void leads.refetch()}
            loading={leads.isRefetching && !leads.isFetchingNextPage}
            title={
              leads.dataUpdatedAt
                ? t('queue.updatedAt', { time: formatTime(leads.dataUpdatedAt) })
                : undefined
            }
          >
            {t('queue.refresh')}
          </Button>
          <SavedSearchesMenu />
          <SaveSearchButton
            filters={filters}
            onSaved={(name) => setNotice(t('searches.saved', { name }))}
          />
          <Tooltip label={t('queue.exportHint')} multiline w={260} withArrow>
            <Button
              component="a"
              href={leadsCsvUrl(filters)}
              download="ariadne-leads.csv"
              variant="default"
              data-testid="export-csv"
            >
              {t('queue.export')}
            </Button>
          </Tooltip>
        </Group>
      </Group>

      {notice ? (
        <Alert
          variant="light"
          color="teal"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}

      {phone ? (
        <>
          <Group justify="space-between" gap="xs">
            <Button
              variant="default"
              onClick={() => setFiltersOpen(true)}
              data-testid="filters-open"
              data-count={activeFilters}
              rightSection={
                activeFilters > 0 ? (
                  <Badge size="sm" circle aria-hidden="true">
                    {activeFilters}
                  </Badge>
                ) : undefined
              }
            >
              {t('filters.label')}
              {activeFilters > 0 ? (
                <span className="visually-hidden">
                  {' '}
                  {t('filters.activeCount', { count: activeFilters })}
                </span>
              ) : null}
            </Button>
            {activeFilters > 0 ? (
              <Button variant="subtle" onClick={() => setFilters({})}>
                {t('filters.clear')}
              </Button>
            ) : null}
          </Group>
          <Drawer
            opened={filtersOpen}
            onClose={() => setFiltersOpen(false)}
            title={t('filters.label')}
            position="bottom"
            size="90%"
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            <Stack gap="lg">
              <QueueFilters filters={filters} onChange={setFilters} leads={items} inDrawer />
              <Button fullWidth onClick={() => setFiltersOpen(false)}>
                {t('filters.showLeads')}
              </Button>
            </Stack>
          </Drawer>
        </>
      ) : (
        <QueueFilters filters={filters} onChange={setFilters} leads={items} />
      )}

      {opened ? (
        <Alert
          variant="light"
          color="ariadne"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => qc.setQueryData(queryKeys.openedSearch, null)}
        >
          {newMatches.size > 0
            ? t('searches.opened', { name: opened.search.name, count: newMatches.size })
            : t('searches.openedNone', { name: opened.search.name })}
        </Alert>
      ) : null}

      {/* On a phone each lead is a card with a border of its own. */}
      <Paper withBorder={!phone || items.length === 0} radius="md">
        {leads.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : leads.isError ? (
          <Stack p="md" align="flex-start">
            <ErrorAlert error={leads.error} />
            <Button variant="default" onClick={() => void leads.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            py={56}
            icon={<IconTriage size={28} />}
            withIndicatorBackground
            title={hasFilters(filters) ? t('queue.noMatches') : t('queue.empty')}
            description={
              hasFilters(filters) ? t('queue.noMatchesDescription') : t('queue.emptyDescription')
            }
          >
            {hasFilters(filters) ? (
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setFilters({})}>
                  {t('filters.clear')}
                </Button>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : phone ? (
          <LeadCards leads={items} newMatches={newMatches} />
        ) : (
          <LeadTable leads={items} newMatches={newMatches} />
        )}
      </Paper>

      {items.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status" data-testid="leads-shown">
            {t('queue.shown', { count: items.length })}
            {leads.hasNextPage ? '' : ` ${t('queue.allShown')}`}
          </Text>
          {leads.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void leads.fetchNextPage()}
              loading={leads.isFetchingNextPage}
            >
              {t('queue.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {leads.isFetchNextPageError ? <ErrorAlert error={leads.error} /> : null}
    </Stack>
  );
}
