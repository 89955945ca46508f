// A source's health: what the last check said and why, how often each field was found in the last
// crawl against the crawls before it, and sample pages where a field stopped matching (so an
// analyst can open the capture and fix the selector).
import { Alert, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { AD_FIELDS, type CrawlRun, type FieldDrop, type HealthDetail, type Source } from './api';
import { formatDateTime, formatPercent } from '../ui/format';
import { useCollectT, useOptionalT } from './i18n';
import { HealthBadge, healthReasons } from './badges';
import { CopyText } from '../ui/CopyText';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function fieldFillRows(runs: CrawlRun[]) {
  const done = runs.filter((r) => r.status === 'finished' && r.adsFound > 0);
  const [latest, ...before] = done;
  const history = before.slice(0, 5);
  const fields = new Set<string>([...AD_FIELDS, ...done.flatMap((r) => Object.keys(r.fieldFill))]);
  return {
    latest,
    historyCount: history.length,
    rows: [...fields].map((field) => ({
      field,
      now: latest ? (latest.fieldFill[field] ?? 0) : null,
      before: median(history.map((r) => r.fieldFill[field] ?? 0)),
    })),
  };
}

export function HealthPanel({ source, runs }: { source: Source; runs: CrawlRun[] }) {
  const t = useCollectT();
  const o = useOptionalT();
  const detail = (source.healthDetail ?? {}) as HealthDetail;
  const reasons = healthReasons(source.healthDetail);
  const drops: FieldDrop[] = Array.isArray(detail.fieldDrops) ? detail.fieldDrops : [];
  const dropped = new Set(drops.map((d) => d.field));
  const { latest, historyCount, rows } = fieldFillRows(runs);

  return (
    <Stack gap="md" data-testid="health-panel">
      <Group gap="sm">
        <HealthBadge health={source.health} />
        <Text size="sm" c="dimmed">
          {detail.at
            ? t('health.checkedAt', { at: formatDateTime(detail.at) })
            : t('health.notChecked')}
        </Text>
      </Group>
      {reasons.length > 0 ? (
        <Alert
          color={source.health === 'broken' ? 'red' : 'orange'}
          variant="light"
          title={t('health.alertTitle')}
        >
          <Stack gap={2}>
            {reasons.map((r, i) => (
              <Text key={i} size="sm">
                {r}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : source.health === 'ok' ? (
        <Text size="sm">{historyCount > 0 ? t('health.allGood') : t('health.firstCrawl')}</Text>
      ) : null}

      <div>
        <Title order={3} size="h5" mb={4}>
          {t('health.fillTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {latest
            ? historyCount > 0
              ? t('health.fillIntro', { count: historyCount })
              : t('health.fillIntroNoHistory')
            : t('health.fillNone')}
        </Text>
        {latest ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={6} fz="sm" data-testid="field-fill">
              <Table.Caption className="visually-hidden">{t('health.fillTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('health.columns.field')}</Table.Th>
                  <Table.Th w="40%">{t('health.columns.now')}</Table.Th>
                  <Table.Th>{t('health.columns.before')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('health.columns.state')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const drop = dropped.has(row.field);
                  const now = row.now ?? 0;
                  return (
                    <Table.Tr key={row.field} bg={drop ? 'red.0' : undefined}>
                      <Table.Td>
                        <Text size="sm" fw={drop ? 600 : undefined}>
                          {o(`fields.${row.field}`, row.field)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Progress
                            value={now * 100}
                            color={drop ? 'red' : now >= 0.5 ? 'teal' : 'gray'}
                            w="100%"
                            size="md"
                            aria-label={t('health.fillOf', {
                              field: o(`fields.${row.field}`, row.field),
                            })}
                          />
                          <Text size="sm" w={48} ta="right">
                            {formatPercent(now)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {row.before === null ? '—' : formatPercent(row.before)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {drop ? (
                          <Badge color="red" variant="light">
                            {t('health.stoppedMatching')}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </div>

      {drops.length > 0 ? (
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('health.samplesTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" maw={760}>
            {t('health.samplesIntro')}
          </Text>
          <Stack gap="sm">
            {drops.map((d) => (
              <Paper key={d.field} withBorder radius="md" p="sm" data-testid="field-drop">
                <Text size="sm" fw={600}>
                  {t('health.dropLine', {
                    field: o(`fields.${d.field}`, d.field),
                    before: formatPercent(d.before),
                    now: formatPercent(d.now),
                  })}
                </Text>
                {d.sampleUrls.length > 0 ? (
                  <Stack gap={2} mt={6}>
                    {d.sampleUrls.map((u) => (
                      <CopyText key={u} value={u} label={t('common.copyUrl')} size="xs" />
                    ))}
                  </Stack>
                ) : (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('health.noSamples')}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        </div>
      ) : null}
    </Stack>
  );
}
