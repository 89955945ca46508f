// Admin → retention: per record type, how long it is kept, what the next nightly run erases, what a
// legal hold keeps, and when the next records fall due (GET /api/admin/retention; the server
// computes it with the same cutoffs as the run).
import { Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer } from '../api/contract';
import { defineNamespace } from '../i18n/namespace';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { PanelIntro } from './AdminPage';
import en from './retention-locales/en.json';
import nl from './retention-locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    retention: typeof en;
  }
}

const { useT } = defineNamespace('retention', en, nl);

type RetentionPreview = Answer<'/api/admin/retention'>;

export function RetentionPanel() {
  const t = useT();
  const preview = useQuery({
    queryKey: ['admin', 'retention'],
    queryFn: () => api.get<RetentionPreview>('/api/admin/retention'),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="retention-title" mt="xl">
      <Title order={2} size="h3" id="retention-title">
        {t('title')}
      </Title>
      <PanelIntro>{t('intro')}</PanelIntro>
      {preview.isPending && (
        <Center py="md">
          <Loader size="sm" role="status" aria-label={t('caption')} />
        </Center>
      )}
      {preview.error && <ErrorAlert error={preview.error} />}
      {preview.data && (
        <>
          <Table withTableBorder maw={900}>
            <Table.Caption>{t('caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('type')}</Table.Th>
                <Table.Th scope="col">{t('period')}</Table.Th>
                <Table.Th scope="col">{t('due')}</Table.Th>
                <Table.Th scope="col">{t('held')}</Table.Th>
                <Table.Th scope="col">{t('next')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.data.types.map((row) => (
                <Table.Tr key={row.type}>
                  <Table.Th scope="row">{t(`types.${row.type}`)}</Table.Th>
                  <Table.Td>{t('days', { count: row.periodDays })}</Table.Td>
                  <Table.Td>{row.due}</Table.Td>
                  <Table.Td>{row.held}</Table.Td>
                  <Table.Td>{row.nextDueAt ? formatDate(row.nextDueAt) : t('none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('asOf', { at: formatDateTime(preview.data.at) })}
          </Text>
        </>
      )}
    </Stack>
  );
}
