// One organisation of the directory: what it offers, where, whom it takes, its capacity and when
// that was confirmed, and how a referral reaches it; supervisors and admins edit it in place.
// Also the page for a new organisation (/partners/new), which is the same form, empty.
import {
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RouterAnchor } from '../ui/RouterAnchor';
import { formatDate } from '../ui/format';
import { IconPartners } from '../ui/icons';
import { canEditPartners } from './access';
import { getPartner, partnerKeys, type Partner } from './api';
import { CapacityBadge } from './CapacityBadge';
import { usePartnersT } from './i18n';
import { useLabels } from './labels';
import { PartnerForm } from './PartnerForm';

const route = getRouteApi('/partners/$partnerId');

function BackLink() {
  const t = usePartnersT();
  return (
    <RouterAnchor to="/partners" size="sm">
      ← {t('detail.back')}
    </RouterAnchor>
  );
}

export function NewPartnerPage() {
  const t = usePartnersT();
  const navigate = useNavigate();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('form.titleNew'));
  if (!canEditPartners(capabilities)) return <NotFound />;
  return (
    <Stack gap="lg">
      <BackLink />
      <Paper withBorder radius="md" p="lg">
        <PartnerForm
          partner={null}
          headingOrder={1}
          onCancel={() => void navigate({ to: '/partners' })}
          onDone={(saved) =>
            void navigate({ to: '/partners/$partnerId', params: { partnerId: saved.id } })
          }
        />
      </Paper>
    </Stack>
  );
}

export function PartnerPage() {
  const t = usePartnersT();
  const { partnerId } = route.useParams();
  const { capabilities } = useCurrentSession();
  const [editing, setEditing] = useState(false);
  const partner = useQuery({
    queryKey: partnerKeys.one(partnerId),
    queryFn: () => getPartner(partnerId),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  usePageTitle(partner.data?.name ?? t('page.title'));

  if (partner.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (partner.isError) {
    if (partner.error instanceof ApiError && [400, 404].includes(partner.error.status)) {
      return <NotFound />;
    }
    return (
      <Stack align="flex-start">
        <ErrorAlert error={partner.error} />
        <Button variant="default" onClick={() => void partner.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    );
  }
  const p = partner.data;
  return (
    <Stack gap="lg">
      <BackLink />
      {editing ? (
        <Paper withBorder radius="md" p="lg">
          <PartnerForm
            partner={p}
            onCancel={() => setEditing(false)}
            onDone={() => setEditing(false)}
          />
        </Paper>
      ) : (
        <PartnerDetail
          partner={p}
          onEdit={canEditPartners(capabilities) ? () => setEditing(true) : null}
        />
      )}
    </Stack>
  );
}

function NotFound() {
  const t = usePartnersT();
  return (
    <Stack gap="lg">
      <BackLink />
      <Paper withBorder radius="md" py={56} px="xl">
        <EmptyState
          icon={<IconPartners size={28} />}
          withIndicatorBackground
          title={t('detail.notFound')}
          description={t('detail.notFoundDescription')}
        />
      </Paper>
    </Stack>
  );
}

function Facts({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false} aria-label={label}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w="40%" scope="row">
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PartnerDetail({ partner: p, onEdit }: { partner: Partner; onEdit: (() => void) | null }) {
  const t = usePartnersT();
  const { needs, languages, ages, list } = useLabels();
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const none = t('common.none');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {p.name}
          </Title>
          <Group gap="xs" mt={6}>
            <Badge variant="light">{t(`kinds.${p.kind}`)}</Badge>
            <CapacityBadge capacity={p.capacity} confirmedAt={p.capacityConfirmedAt} />
            {!p.active ? (
              <Badge variant="light" color="gray">
                {t('detail.paused')}
              </Badge>
            ) : null}
          </Group>
        </div>
        {onEdit ? <Button onClick={onEdit}>{t('detail.edit')}</Button> : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.offers')}
          </Title>
          <Text>{needs(p.services)}</Text>
          <Title order={2} size="h4" mt="md" mb="xs">
            {t('detail.area')}
          </Title>
          <Facts
            label={t('detail.area')}
            rows={[
              [t('detail.regions'), p.regions.length ? p.regions.join(', ') : none],
              [
                t('detail.municipalities'),
                p.municipalities.length ? p.municipalities.map((m) => m.name).join(', ') : none,
              ],
              [t('detail.place'), p.place?.name ?? none],
            ]}
          />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.eligibility')}
          </Title>
          <Facts
            label={t('detail.eligibility')}
            rows={[
              [t('detail.ages'), ages(p)],
              [t('detail.genders'), list(p.genders.map((g) => t(`genders.${g}`)))],
              [t('detail.minors'), yesNo(p.acceptsMinors)],
              [t('detail.pregnant'), yesNo(p.acceptsPregnant)],
              [t('detail.residence'), list(p.residenceStatuses.map((r) => t(`residence.${r}`)))],
              [t('detail.languages'), p.languages.length ? languages(p.languages) : none],
              [t('detail.interpretation'), yesNo(p.interpretation)],
            ]}
          />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.availability')}
          </Title>
          <Facts
            label={t('detail.availability')}
            rows={[
              [
                t('detail.capacity'),
                <>
                  {t(`capacity.${p.capacity ?? 'unknown'}`)}
                  {p.capacityConfirmedAt
                    ? ` (${t('detail.confirmed', { date: formatDate(p.capacityConfirmedAt) })})`
                    : ''}
                </>,
              ],
              // Written by whoever keeps the directory, in the language they wrote it in.
              [
                t('detail.intakeHours'),
                p.intakeHours ? <span lang="und">{p.intakeHours}</span> : none,
              ],
            ]}
          />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="xs">
            {t('detail.referral')}
          </Title>
          <Facts
            label={t('detail.referral')}
            rows={[
              [t('detail.channel'), t(`channels.${p.referralChannel}`)],
              [t('detail.secureLinkContact'), p.secureLinkContact ?? none],
              [
                t('detail.account'),
                p.accountOrgId ? t('detail.accountLinked') : t('detail.accountNone'),
              ],
            ]}
          />
        </Paper>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('detail.updated', { date: formatDate(p.updatedAt) })}
      </Text>
    </Stack>
  );
}
