// The audit log for supervisors and admins: entries newest first with filters by user, action,
// record and dates (kept in the URL, so a view can be bookmarked or handed on), older entries page
// by page, and each entry's details on demand. Every load is itself audited on the server, so
// nothing here refreshes by itself.
import {
  Anchor,
  Autocomplete,
  Button,
  Center,
  Code,
  EmptyState,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { canReadAuditLog } from './access';
import { auditKeys, listAuditEntries, type AuditEntry, type AuditFilters } from './api';
import { useAuditT } from './i18n';
import { IconAudit } from '../ui/icons';

const route = getRouteApi('/audit');

export function AuditPage() {
  const t = useAuditT();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('page.title'));
  if (!canReadAuditLog(capabilities)) {
    return (
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('page.title')}
        </Title>
        <Paper withBorder radius="md" py={56} px="xl">
          <EmptyState
            icon={<IconAudit size={28} />}
            withIndicatorBackground
            title={t('page.notForRole')}
            description={t('page.notForRoleDescription')}
          />
        </Paper>
      </Stack>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const t = useAuditT();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = (next: AuditFilters) =>
    void navigate({ search: next, replace: false, resetScroll: false });

  const log = useInfiniteQuery({
    queryKey: auditKeys.entries(filters),
    queryFn: ({ pageParam }) => listAuditEntries(filters, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  const actions = log.data?.pages[0]?.actions ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('page.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720} mt={4}>
          {t('page.intro')}
        </Text>
      </div>
      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        actions={actions}
        onApply={setFilters}
      />
      <Paper withBorder radius="md">
        {log.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : log.isError && entries.length === 0 ? (
          <Stack p="md" align="flex-start">
            <ErrorAlert error={log.error} />
            <Button variant="default" onClick={() => void log.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        ) : entries.length === 0 ? (
          <EmptyState
            py={40}
            icon={<IconAudit size={28} />}
            withIndicatorBackground
            title={filtered ? t('page.noMatches') : t('page.empty')}
            description={filtered ? t('page.noMatchesDescription') : t('page.emptyDescription')}
          >
            {filtered ? (
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setFilters({})}>
                  {t('filters.clear')}
                </Button>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        ) : (
          <EntriesTable entries={entries} onFilter={(f) => setFilters({ ...filters, ...f })} />
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" data-testid="audit-shown">
          {entries.length > 0 ? t('page.shown', { count: entries.length }) : ''}
        </Text>
        {log.hasNextPage ? (
          <Button
            variant="default"
            onClick={() => void log.fetchNextPage()}
            loading={log.isFetchingNextPage}
          >
            {t('page.loadMore')}
          </Button>
        ) : null}
      </Group>
      {log.isFetchNextPageError ? <ErrorAlert error={log.error} /> : null}
    </Stack>
  );
}

function FilterForm({
  filters,
  actions,
  onApply,
}: {
  filters: AuditFilters;
  actions: string[];
  onApply: (f: AuditFilters) => void;
}) {
  const t = useAuditT();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const set = (key: keyof AuditFilters) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const actionInvalid =
    Boolean(draft.action?.trim()) && !/^[a-z0-9_.]+\*?$/i.test(draft.action!.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (actionInvalid) return;
    const next: AuditFilters = {};
    for (const [k, v] of Object.entries(draft) as [keyof AuditFilters, string | undefined][]) {
      if (v?.trim()) next[k] = v.trim();
    }
    onApply(next);
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      onSubmit={submit}
      aria-label={t('filters.label')}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('filters.user')}
            placeholder={t('filters.userPlaceholder')}
            value={draft.user ?? ''}
            onChange={(e) => set('user')(e.currentTarget.value)}
          />
          <Autocomplete
            label={t('filters.action')}
            placeholder={t('filters.actionPlaceholder')}
            data={actions}
            value={draft.action ?? ''}
            onChange={set('action')}
            error={actionInvalid ? t('filters.actionInvalid') : undefined}
            limit={20}
          />
          <TextInput
            label={t('filters.targetType')}
            placeholder={t('filters.targetTypePlaceholder')}
            value={draft.targetType ?? ''}
            onChange={(e) => set('targetType')(e.currentTarget.value)}
          />
          <TextInput
            label={t('filters.targetId')}
            value={draft.targetId ?? ''}
            onChange={(e) => set('targetId')(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('filters.since')}
            value={draft.since ?? ''}
            onChange={(e) => set('since')(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('filters.until')}
            value={draft.until ?? ''}
            onChange={(e) => set('until')(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => onApply({})}
            disabled={Object.keys(filters).length === 0}
          >
            {t('filters.clear')}
          </Button>
          <Button type="submit">{t('filters.apply')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EntriesTable({
  entries,
  onFilter,
}: {
  entries: AuditEntry[];
  onFilter: (f: AuditFilters) => void;
}) {
  const t = useAuditT();
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const toggle = (seq: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table
        verticalSpacing="xs"
        horizontalSpacing="md"
        aria-label={t('page.tableLabel')}
        data-testid="audit-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.at')}</Table.Th>
            <Table.Th>{t('columns.actor')}</Table.Th>
            <Table.Th>{t('columns.action')}</Table.Th>
            <Table.Th>{t('columns.target')}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t('columns.more')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Fragment key={e.seq}>
              <Table.Tr data-testid="audit-entry" data-seq={e.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(e.at)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('entry.seq', { seq: e.seq })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    title={t('filters.onlyThisUser')}
                    onClick={() => onFilter({ user: e.actorUserId ?? e.actorLabel })}
                    style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                  >
                    {e.actorLabel}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.targetType ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ff="monospace"
                      title={t('filters.onlyThisRecord')}
                      onClick={() =>
                        onFilter(
                          e.targetId
                            ? { targetType: e.targetType!, targetId: e.targetId }
                            : { targetType: e.targetType! },
                        )
                      }
                      style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                    >
                      <code>{e.targetId ? `${e.targetType}:${e.targetId}` : e.targetType}</code>
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => toggle(e.seq)}
                    aria-expanded={open.has(e.seq)}
                    aria-label={
                      open.has(e.seq)
                        ? t('entry.hide', { seq: e.seq })
                        : t('entry.show', { seq: e.seq })
                    }
                    fz="sm"
                    c="blue.8"
                  >
                    {t('entry.details')}
                  </UnstyledButton>
                </Table.Td>
              </Table.Tr>
              {open.has(e.seq) ? (
                <Table.Tr>
                  <Table.Td colSpan={5} bg="gray.0">
                    <EntryDetails entry={e} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useAuditT();
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <Stack gap={4} data-testid="audit-entry-details">
      {hasDetails ? (
        <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
      ) : (
        <Text size="sm" c="dimmed">
          {t('entry.noDetails')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[
          entry.ip ? t('entry.address', { ip: entry.ip }) : null,
          entry.requestId ? t('entry.request', { id: entry.requestId }) : null,
          entry.keyId ? t('entry.key', { id: entry.keyId }) : t('entry.legacy'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}
