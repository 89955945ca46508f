// The templates, filtered by status and language, grouped by language: each with its purpose,
// status, how many variants and SMS parts, whether it has risky words, and who wrote it.
import {
  Anchor,
  Badge,
  Center,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconInbox } from '../ui/icons';
import {
  listTemplates,
  OUTREACH_LANGUAGES,
  setupKeys,
  type StatusFilter,
  type Template,
  type TemplateStatus,
} from './api';
import { formatDateTime, languageName } from '../ui/format';
import { useSetupT } from './i18n';
import { useNameOf } from './people';

const STATUS_COLOR: Record<TemplateStatus, string> = {
  draft: 'blue',
  approved: 'green',
  retired: 'gray',
};
const STATUS_ORDER: Record<TemplateStatus, number> = { draft: 0, approved: 1, retired: 2 };

export function StatusBadge({ status }: { status: TemplateStatus }) {
  const t = useSetupT();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant={status === 'retired' ? 'outline' : 'light'}
      data-testid="status-badge"
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

export interface TemplateFilters {
  status: StatusFilter;
  language: string;
}

export function TemplateList({
  filters,
  onFilters,
  onOpen,
}: {
  filters: TemplateFilters;
  onFilters: (f: TemplateFilters) => void;
  onOpen: (t: Template) => void;
}) {
  const t = useSetupT();
  const nameOf = useNameOf();
  const templates = useQuery({
    queryKey: setupKeys.templates(filters.status, filters.language),
    queryFn: () => listTemplates(filters.status, filters.language),
  });
  const sorted = [...(templates.data ?? [])].sort(
    (a, b) =>
      languageName(a.language).localeCompare(languageName(b.language)) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.name.localeCompare(b.name),
  );

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" role="group" aria-label={t('list.filters')}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="status-filter-label">
            {t('list.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="status-filter-label"
            value={filters.status}
            onChange={(v) => onFilters({ ...filters, status: v })}
            data={(['all', 'draft', 'approved', 'retired'] as const).map((s) => ({
              value: s,
              label: s === 'all' ? t('list.allStatuses') : t(`status.${s}`),
            }))}
          />
        </Stack>
        <NativeSelect
          label={t('list.language')}
          value={filters.language}
          onChange={(e) => onFilters({ ...filters, language: e.currentTarget.value })}
          data={[
            { value: '', label: t('list.allLanguages') },
            ...OUTREACH_LANGUAGES.map((l) => ({ value: l, label: languageName(l) })),
          ]}
        />
      </Group>
      <Paper withBorder radius="md">
        {templates.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : templates.isError ? (
          <Stack p="md">
            <ErrorAlert error={templates.error} />
          </Stack>
        ) : sorted.length === 0 ? (
          <EmptyState
            py={48}
            px="xl"
            icon={<IconInbox size={28} />}
            withIndicatorBackground
            title={
              filters.status === 'all' && !filters.language ? t('list.empty') : t('list.noMatches')
            }
            description={t('list.emptyHint')}
          />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Caption className="visually-hidden">{t('list.tableLabel')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.columns.name')}</Table.Th>
                  <Table.Th>{t('list.columns.purpose')}</Table.Th>
                  <Table.Th>{t('list.columns.status')}</Table.Th>
                  <Table.Th>{t('list.columns.variants')}</Table.Th>
                  <Table.Th>{t('list.columns.safety')}</Table.Th>
                  <Table.Th>{t('list.columns.author')}</Table.Th>
                  <Table.Th>{t('list.columns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((tpl, i) => {
                  const header = i === 0 || sorted[i - 1]?.language !== tpl.language;
                  const maxSegments = Math.max(0, ...tpl.variants.map((v) => v.segments));
                  const ucs2 = tpl.variants.some((v) => v.encoding === 'UCS-2');
                  return (
                    <Fragment key={tpl.id}>
                      {header ? (
                        <Table.Tr>
                          <Table.Th colSpan={7} bg="gray.0" scope="colgroup">
                            {languageName(tpl.language)}
                          </Table.Th>
                        </Table.Tr>
                      ) : null}
                      <Table.Tr
                        data-testid="template-row"
                        data-name={tpl.name}
                        data-status={tpl.status}
                      >
                        <Table.Td>
                          <Anchor
                            component="button"
                            type="button"
                            fw={600}
                            onClick={() => onOpen(tpl)}
                            aria-label={t('list.open', { name: tpl.name })}
                          >
                            {/* Named by whoever wrote it, in the language they wrote it in. */}
                            <span lang="und">{tpl.name}</span>
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`purpose.${tpl.purpose}`)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={tpl.status} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Text size="sm">
                              {t('list.variantCount', { count: tpl.variants.length })}
                              {' · '}
                              {t('list.upToSegments', { count: maxSegments })}
                            </Text>
                            {ucs2 ? (
                              <Badge size="xs" color="orange" variant="light">
                                UCS-2
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {tpl.safetyHits.length > 0 ? (
                            <Badge color="orange" variant="light">
                              {t('list.hits', {
                                count: new Set(tpl.safetyHits.map((h) => h.text.toLowerCase()))
                                  .size,
                              })}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('list.noHits')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{nameOf(tpl.createdBy)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(tpl.updatedAt)}</Text>
                        </Table.Td>
                      </Table.Tr>
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
