// Ads: everything collected, newest first, with filters (source, city, words, active or gone,
// last seen between two days) kept in the URL, and "Load more" over keyset pages. Scraped text is
// shown as text only; identifiers in it arrive masked from the server.
import {
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { canReadAds } from '../collect/access';
import { collectKeys, listAds, listSources, type AdFilters, type AdListItem } from '../collect/api';
import { formatDateTime, formatNumber, formatRelative, languageName } from '../ui/format';
import { useCollectT } from '../collect/i18n';
import { Loading } from '../ui/Loading';
import { NoAccess } from '../ui/NoAccess';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconAds } from '../ui/icons';

export function AdsPage({ filters }: { filters: AdFilters }) {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  if (!canReadAds(capabilities)) return <NoAccess title={t('ads.title')} />;
  return <AdsList filters={filters} />;
}

function AdsList({ filters }: { filters: AdFilters }) {
  const t = useCollectT();
  usePageTitle(t('ads.title'));
  const ads = useInfiniteQuery({
    queryKey: collectKeys.ads(filters),
    queryFn: ({ pageParam }) => listAds(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = ads.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('ads.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720} mt={4}>
          {t('ads.intro')}
        </Text>
      </div>
      <AdFiltersBar filters={filters} />
      <Paper withBorder radius="md">
        {ads.isPending ? (
          <Loading />
        ) : ads.isError ? (
          <Stack p="md">
            <ErrorAlert error={ads.error} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            py={56}
            px="xl"
            icon={<IconAds size={28} />}
            withIndicatorBackground
            title={filtered ? t('ads.emptyFiltered') : t('ads.empty')}
            description={filtered ? t('ads.emptyFilteredText') : t('ads.emptyText')}
          />
        ) : (
          <AdTable items={items} />
        )}
      </Paper>
      {items.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status" data-testid="ads-count">
            {ads.hasNextPage
              ? t('ads.shownMore', { count: items.length, n: formatNumber(items.length) })
              : t('ads.shownAll', { count: items.length, n: formatNumber(items.length) })}
          </Text>
          {ads.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void ads.fetchNextPage()}
              loading={ads.isFetchingNextPage}
            >
              {t('ads.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {ads.isFetchNextPageError ? <ErrorAlert error={ads.error} /> : null}
    </Stack>
  );
}

function AdFiltersBar({ filters }: { filters: AdFilters }) {
  const t = useCollectT();
  const navigate = useNavigate();
  const sources = useQuery({ queryKey: collectKeys.sources, queryFn: listSources });
  const [city, setCity] = useState(filters.city ?? '');
  const [q, setQ] = useState(filters.q ?? '');
  // Back and forward change the URL under the inputs: follow it.
  useEffect(() => setCity(filters.city ?? ''), [filters.city]);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const apply = (change: Partial<AdFilters>) => {
    const next: Record<string, string | undefined> = { ...filters, ...change };
    for (const k of Object.keys(next)) if (!next[k]) delete next[k];
    void navigate({ to: '/ads', search: next, replace: true });
  };
  const applyText = useDebouncedCallback((change: Partial<AdFilters>) => apply(change), 400);
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="form"
      role="search"
      aria-label={t('ads.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        apply({ city: city.trim() || undefined, q: q.trim() || undefined });
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput
          label={t('ads.filters.q')}
          placeholder={t('ads.filters.qPlaceholder')}
          value={q}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setQ(v);
            applyText({ q: v.trim() || undefined });
          }}
          type="search"
          maxLength={200}
        />
        <Select
          label={t('ads.filters.source')}
          placeholder={t('ads.filters.allSources')}
          data={(sources.data ?? []).map((s) => s.name)}
          value={filters.source ?? null}
          onChange={(v) => apply({ source: v ?? undefined })}
          clearable
          searchable
          nothingFoundMessage={t('ads.filters.noSource')}
        />
        <TextInput
          label={t('ads.filters.city')}
          placeholder={t('ads.filters.cityPlaceholder')}
          value={city}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setCity(v);
            applyText({ city: v.trim() || undefined });
          }}
          maxLength={100}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="ads-status-label">
            {t('ads.filters.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="ads-status-label"
            value={filters.status ?? 'all'}
            onChange={(v) => apply({ status: v === 'active' || v === 'gone' ? v : undefined })}
            data={[
              { value: 'all', label: t('ads.filters.statusAll') },
              { value: 'active', label: t('ads.filters.statusActive') },
              { value: 'gone', label: t('ads.filters.statusGone') },
            ]}
          />
        </Stack>
        <TextInput
          type="date"
          label={t('ads.filters.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => apply({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('ads.filters.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => apply({ to: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Text size="xs" c="dimmed">
          {t('ads.filters.hint')}
        </Text>
        {hasFilters ? (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setCity('');
              setQ('');
              void navigate({ to: '/ads', search: {}, replace: true });
            }}
          >
            {t('ads.filters.clear')}
          </Button>
        ) : null}
      </Group>
      {/* Enter in a text field applies at once instead of waiting for the pause. */}
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </Paper>
  );
}

function AdTable({ items }: { items: AdListItem[] }) {
  const t = useCollectT();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="ads-table">
        <Table.Caption className="visually-hidden">{t('ads.tableLabel')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ads.columns.ad')}</Table.Th>
            <Table.Th>{t('ads.columns.source')}</Table.Th>
            <Table.Th>{t('ads.columns.place')}</Table.Th>
            <Table.Th>{t('ads.columns.status')}</Table.Th>
            <Table.Th>{t('ads.columns.lastSeen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ad) => (
            <Table.Tr key={ad.id} data-testid="ad-row" opacity={ad.status === 'gone' ? 0.7 : 1}>
              <Table.Td maw={520}>
                <RouterAnchor
                  to="/ads/$adId"
                  params={{ adId: ad.id }}
                  fw={600}
                  size="sm"
                  lineClamp={1}
                  lang={ad.title?.trim() ? (ad.language ?? 'und') : undefined}
                >
                  {ad.title?.trim() || t('ads.untitled')}
                </RouterAnchor>
                {/* The ad's own words are in its own language ("und": not known). */}
                <Text
                  size="xs"
                  c="dimmed"
                  lineClamp={2}
                  style={{ overflowWrap: 'anywhere' }}
                  lang={ad.language ?? 'und'}
                >
                  {ad.snippet}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ad.source}</Text>
                {ad.version > 1 ? (
                  <Text size="xs" c="dimmed">
                    {t('ads.versions', { count: ad.version })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {/* Place and name as the ad wrote them, in its language. */}
                <Text size="sm" lang={ad.city ? (ad.language ?? 'und') : undefined}>
                  {ad.city ?? '—'}
                </Text>
                {ad.displayName || ad.language ? (
                  <Text size="xs" c="dimmed">
                    {ad.displayName ? (
                      <span lang={ad.language ?? 'und'}>{ad.displayName}</span>
                    ) : null}
                    {ad.displayName && ad.language ? ' · ' : null}
                    {ad.language ? languageName(ad.language) : null}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {ad.status === 'gone' ? (
                  <Badge color="gray" variant="light">
                    {t('ads.status.gone')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('ads.status.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={formatDateTime(ad.lastSeenAt)} withArrow>
                  <Text size="sm" component="span">
                    {formatRelative(ad.lastSeenAt)}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
