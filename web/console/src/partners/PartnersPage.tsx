// The partner directory: a table of organisations filtered by kind, service, region, capacity,
// status and name (the filters live in the URL, so a view can be bookmarked), each name leading to
// its entry. Supervisors and admins add organisations and import a CSV file; internal staff export
// it and find organisations for a person. A partner user sees only their own organisation's entry.
import {
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import {
  needValues,
  partnerCapacityValues,
  partnerKindValues,
  provinceValues,
} from '../api/schema';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RouterAnchor } from '../ui/RouterAnchor';
import { IconPartners } from '../ui/icons';
import { canEditPartners } from './access';
import { exportUrl, listPartners, partnerKeys, type Partner, type PartnerFilters } from './api';
import { CapacityBadge } from './CapacityBadge';
import { usePartnersT } from './i18n';
import { ImportDialog } from './ImportDialog';
import { MatchPanel } from './MatchPanel';
import { useLabels } from './labels';

const route = getRouteApi('/partners/');

export function PartnersPage() {
  const t = usePartnersT();
  const { user, capabilities } = useCurrentSession();
  const isPartner = user.role === 'partner';
  const edit = canEditPartners(capabilities);
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = (next: PartnerFilters) =>
    void navigate({ search: next, replace: false, resetScroll: false });
  const [importing, setImporting] = useState(false);
  const [matching, setMatching] = useState(false);
  usePageTitle(t('page.title'));

  const partners = useQuery({
    queryKey: partnerKeys.list(filters),
    queryFn: () => listPartners(filters),
  });
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('page.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720} mt={4}>
            {isPartner ? t('page.introPartner') : t('page.intro')}
          </Text>
        </div>
        {!isPartner ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setMatching((m) => !m)}>
              {t('page.match')}
            </Button>
            <Button
              variant="default"
              component="a"
              href={exportUrl(filters)}
              download="ariadne-partners.csv"
            >
              {t('page.export')}
            </Button>
            {edit ? (
              <>
                <Button variant="default" onClick={() => setImporting(true)}>
                  {t('page.import')}
                </Button>
                <Button component={Link} to="/partners/new">
                  {t('page.add')}
                </Button>
              </>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {matching ? <MatchPanel /> : null}
      {!isPartner ? (
        <FilterForm key={JSON.stringify(filters)} filters={filters} onApply={setFilters} />
      ) : null}
      <Paper withBorder radius="md">
        {partners.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : partners.isError ? (
          <Stack p="md" align="flex-start">
            <ErrorAlert error={partners.error} />
            <Button variant="default" onClick={() => void partners.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        ) : partners.data.length === 0 ? (
          <EmptyState
            py={40}
            icon={<IconPartners size={28} />}
            withIndicatorBackground
            title={
              isPartner ? t('page.emptyPartner') : filtered ? t('page.noMatches') : t('page.empty')
            }
            description={
              isPartner
                ? t('page.emptyPartnerDescription')
                : filtered
                  ? t('page.noMatchesDescription')
                  : t('page.emptyDescription')
            }
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
          <PartnerTable partners={partners.data} />
        )}
      </Paper>
      {partners.data && partners.data.length > 0 ? (
        <Text size="sm" c="dimmed" role="status" data-testid="partners-shown">
          {t('page.count', { count: partners.data.length })}
        </Text>
      ) : null}
      {edit ? <ImportDialog opened={importing} onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}

function FilterForm({
  filters,
  onApply,
}: {
  filters: PartnerFilters;
  onApply: (f: PartnerFilters) => void;
}) {
  const t = usePartnersT();
  const [draft, setDraft] = useState<PartnerFilters>(filters);
  const set = <K extends keyof PartnerFilters>(key: K, value: PartnerFilters[K] | null) =>
    setDraft((d) => {
      const next = { ...d };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = draft.q?.trim();
    onApply({ ...draft, ...(q ? { q } : { q: undefined }) });
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
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
          <TextInput
            label={t('filters.q')}
            placeholder={t('filters.qPlaceholder')}
            value={draft.q ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
          />
          <Select
            label={t('filters.kind')}
            placeholder={t('common.any')}
            clearable
            data={partnerKindValues.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={draft.kind ?? null}
            onChange={(v) => set('kind', partnerKindValues.find((k) => k === v) ?? null)}
          />
          <Select
            label={t('filters.service')}
            placeholder={t('common.any')}
            clearable
            data={needValues.map((n) => ({ value: n, label: t(`needs.${n}`) }))}
            value={draft.service ?? null}
            onChange={(v) => set('service', needValues.find((n) => n === v) ?? null)}
          />
          <Select
            label={t('filters.region')}
            placeholder={t('common.any')}
            clearable
            data={[...provinceValues]}
            value={draft.region ?? null}
            onChange={(v) => set('region', provinceValues.find((p) => p === v) ?? null)}
          />
          <Select
            label={t('filters.capacity')}
            placeholder={t('common.any')}
            clearable
            data={[...partnerCapacityValues, 'unknown' as const].map((c) => ({
              value: c,
              label: t(`capacity.${c}`),
            }))}
            value={draft.capacity ?? null}
            onChange={(v) =>
              set(
                'capacity',
                [...partnerCapacityValues, 'unknown' as const].find((c) => c === v) ?? null,
              )
            }
          />
          <Select
            label={t('filters.active')}
            placeholder={t('common.any')}
            clearable
            data={[
              { value: 'yes', label: t('filters.activeYes') },
              { value: 'no', label: t('filters.activeNo') },
            ]}
            value={draft.active ?? null}
            onChange={(v) => set('active', v === 'yes' || v === 'no' ? v : null)}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onApply({})}>
            {t('filters.clear')}
          </Button>
          <Button type="submit">{t('filters.apply')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PartnerTable({ partners }: { partners: Partner[] }) {
  const t = usePartnersT();
  const { needs } = useLabels();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('page.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.name')}</Table.Th>
            <Table.Th scope="col">{t('columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('columns.services')}</Table.Th>
            <Table.Th scope="col">{t('columns.regions')}</Table.Th>
            <Table.Th scope="col">{t('columns.capacity')}</Table.Th>
            <Table.Th scope="col">{t('columns.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((p) => (
            <Table.Tr key={p.id} data-testid="partner-row">
              <Table.Td>
                <RouterAnchor to="/partners/$partnerId" params={{ partnerId: p.id }}>
                  {p.name}
                </RouterAnchor>
                {!p.active ? (
                  <Badge ml="xs" size="sm" variant="light" color="gray">
                    {t('filters.activeNo')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`kinds.${p.kind}`)}</Table.Td>
              <Table.Td>{needs(p.services)}</Table.Td>
              <Table.Td>
                {p.regions.length === provinceValues.length
                  ? t('page.allRegions')
                  : p.regions.join(', ')}
              </Table.Td>
              <Table.Td>
                <CapacityBadge capacity={p.capacity} confirmedAt={p.capacityConfirmedAt} />
              </Table.Td>
              <Table.Td>{t(`channels.${p.referralChannel}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
