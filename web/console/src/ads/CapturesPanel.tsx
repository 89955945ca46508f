// An ad's captures: every fetch of its page over time (recrawls, error answers, redirects, the
// answer that showed it gone) kept as a WARC record with its payload's SHA-256, oldest first, each
// with its HTTP status and what that status means; and the download of them all as one .warc.gz
// that archive tools open (audited on the server).
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { adWarcUrl, type AdDetail } from '../collect/api';
import { formatDateTime, shortId } from '../ui/format';
import { useCollectT, useOptionalT } from '../collect/i18n';
import { CopyText } from '../ui/CopyText';
import { CAPTURE_STATUS_COLOR, captureStatusMeaning } from './capture-status';

export function CapturesPanel({ ad }: { ad: AdDetail }) {
  const t = useCollectT();
  const o = useOptionalT();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {t('captures.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              {t('captures.intro')}
            </Text>
            {ad.captures.length > 0 ? (
              <Text size="sm" mt={4} data-testid="captures-count">
                {t('captures.count', { count: ad.captures.length })}
              </Text>
            ) : null}
          </div>
          {ad.captures.length > 0 ? (
            <Stack gap={2} align="flex-end">
              <Button
                component="a"
                href={adWarcUrl(ad.id)}
                download
                variant="default"
                data-testid="warc-download"
              >
                {t('captures.download')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('captures.downloadLogged')}
              </Text>
            </Stack>
          ) : null}
        </Group>
        {ad.captures.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('captures.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" fz="sm" data-testid="captures-table">
              <Table.Caption className="visually-hidden">{t('captures.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('captures.columns.fetchedAt')}</Table.Th>
                  <Table.Th>{t('captures.columns.kind')}</Table.Th>
                  <Table.Th>{t('captures.columns.status')}</Table.Th>
                  <Table.Th>{t('captures.columns.url')}</Table.Th>
                  <Table.Th>{t('captures.columns.sha256')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ad.captures.map((c) => {
                  const meaning = captureStatusMeaning(c.status);
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(c.fetchedAt)}
                      </Table.Td>
                      <Table.Td>{o(`captures.kind.${c.kind}`, c.kind)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge variant="light" color={CAPTURE_STATUS_COLOR[meaning]} radius="sm">
                          {c.status}
                        </Badge>{' '}
                        <Text span size="xs" c="dimmed">
                          {t(`captures.statusMeaning.${meaning}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <CopyText value={c.url} label={t('common.copyUrl')} size="xs" />
                      </Table.Td>
                      <Table.Td>
                        <CopyText value={c.payloadSha256} label={t('captures.copyHash')} size="xs">
                          {shortId(c.payloadSha256)}…
                        </CopyText>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
