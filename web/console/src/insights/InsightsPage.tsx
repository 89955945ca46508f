// The Insights page: a period picker (from, to, per day/week/month), the funnel as a chart with a
// table alternative, the funnel per period, region and language, time from first contact to
// referral, referral outcomes per organisation, and the suppressed exports for funders. Supervisors,
// admins and analysts; others are told the page is not for their role (the server refuses anyway).
import {
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Figure } from '../ui/Figure';
import { formatDate, formatNumber, formatPercent, languageName } from '../ui/format';
import { NoAccess } from '../ui/NoAccess';
import {
  exportUrl,
  getFunnel,
  insightsKeys,
  type FunnelAnswer,
  type FunnelStep,
  type InsightsRange,
  type StepCounts,
} from './api';
import { FunnelChart } from './FunnelChart';
import { useInsightsT } from './i18n';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

function defaultRange(): InsightsRange {
  const today = new Date();
  return { from: iso(new Date(today.getTime() - 83 * DAY)), to: iso(today), unit: 'week' };
}

export function InsightsPage() {
  const t = useInsightsT();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('page.title'));
  if (!capabilities.readInsights) return <NoAccess title={t('page.title')} />;
  return <Insights />;
}

function Insights() {
  const t = useInsightsT();
  const [range, setRange] = useState<InsightsRange>(defaultRange);
  const [draft, setDraft] = useState<InsightsRange>(range);
  const [asTable, setAsTable] = useState(false);
  const funnel = useQuery({
    queryKey: insightsKeys.funnel(range),
    queryFn: () => getFunnel(range),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRange(draft);
  };
  const stepName = (s: FunnelStep) => t(`steps.${s}`);

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

      <Paper
        withBorder
        radius="md"
        p="md"
        component="form"
        onSubmit={submit}
        aria-label={t('range.label')}
      >
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('range.from')}
            value={draft.from}
            max={draft.to}
            required
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('range.to')}
            value={draft.to}
            min={draft.from}
            required
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="insights-unit">
              {t('range.unit')}
            </Text>
            <SegmentedControl
              aria-labelledby="insights-unit"
              value={draft.unit}
              onChange={(v) => setDraft({ ...draft, unit: v })}
              data={(['day', 'week', 'month'] as const).map((u) => ({
                value: u,
                label: t(`range.${u}`),
              }))}
            />
          </div>
          <Button type="submit">{t('range.apply')}</Button>
          <Group gap="xs" ml="auto">
            <Button component="a" variant="default" href={exportUrl(range, 'csv')} download>
              {t('export.csv')}
            </Button>
            <Button component="a" variant="default" href={exportUrl(range, 'json')} download>
              {t('export.json')}
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('export.note')}
        </Text>
      </Paper>

      {funnel.isPending ? (
        <Center py="xl" aria-busy="true">
          <Loader role="status" aria-label={t('page.loading')} />
        </Center>
      ) : funnel.isError ? (
        <ErrorAlert error={funnel.error} />
      ) : (
        <Figures data={funnel.data} asTable={asTable} setAsTable={setAsTable} stepName={stepName} />
      )}
    </Stack>
  );
}

function Figures({
  data,
  asTable,
  setAsTable,
  stepName,
}: {
  data: FunnelAnswer;
  asTable: boolean;
  setAsTable: (v: boolean) => void;
  stepName: (s: FunnelStep) => string;
}) {
  const t = useInsightsT();
  const bars = data.steps.map((s) => ({
    label: stepName(s),
    count: data.totals[s],
    conversion: data.conversions[s],
  }));
  const summary = bars.map((b) => `${b.label} ${formatNumber(b.count)}`).join(', ');
  const days = (v: number | null) =>
    v === null ? t('timing.none') : t('timing.days', { count: v });
  const states = [...new Set(data.outcomes.map((o) => o.state))];
  const organisations = [...new Set(data.outcomes.map((o) => o.organisation))];
  const outcome = (org: string, state: string) =>
    data.outcomes.find((o) => o.organisation === org && o.state === state)?.count ?? 0;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="insights-funnel">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="insights-funnel">
            {t('funnel.title')}
          </Title>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setAsTable(!asTable)}
            aria-pressed={asTable}
          >
            {asTable ? t('funnel.showChart') : t('funnel.showTable')}
          </Button>
        </Group>
        {asTable ? (
          <Table striped data-testid="funnel-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funnel.step')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funnel.count')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funnel.conversion')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((b) => (
                <Table.Tr key={b.label}>
                  <Table.Th scope="row" fw={500}>
                    {b.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(b.count)}</Table.Td>
                  <Table.Td ta="right">
                    {b.conversion === null ? '—' : formatPercent(b.conversion)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <FunnelChart bars={bars} label={t('funnel.chartLabel', { summary })} />
        )}
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="insights-timing">
        <Title order={2} size="h4" id="insights-timing" mb="sm">
          {t('timing.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('timing.cases')} value={formatNumber(data.contactToReferral.cases)} />
          <Figure label={t('timing.median')} value={days(data.contactToReferral.medianDays)} />
          <Figure label={t('timing.p75')} value={days(data.contactToReferral.p75Days)} />
        </SimpleGrid>
      </Paper>

      <StepTable
        id="insights-periods"
        title={t('periods.title')}
        keyHeader={t('periods.period')}
        rows={data.periods}
        // Noon UTC: the same calendar day in every time zone the console is used in.
        keyLabel={(k) => formatDate(`${k}T12:00:00Z`)}
        steps={data.steps}
        stepName={stepName}
      />
      <StepTable
        id="insights-regions"
        title={t('regions.title')}
        keyHeader={t('regions.region')}
        rows={data.regions}
        keyLabel={(k) =>
          k === 'unknown' ? t('regions.unknown') : k === 'elsewhere' ? t('regions.elsewhere') : k
        }
        steps={data.steps}
        stepName={stepName}
      />
      <StepTable
        id="insights-languages"
        title={t('languages.title')}
        keyHeader={t('languages.language')}
        rows={data.languages}
        keyLabel={(k) => (k === 'unknown' ? t('languages.unknown') : languageName(k))}
        steps={data.steps}
        stepName={stepName}
      />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="insights-outcomes">
        <Title order={2} size="h4" id="insights-outcomes" mb="sm">
          {t('outcomes.title')}
        </Title>
        {organisations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('outcomes.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('outcomes.organisation')}</Table.Th>
                  {states.map((s) => (
                    <Table.Th scope="col" key={s} ta="right">
                      {t(`outcomes.${s as 'sent'}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.map((org) => (
                  <Table.Tr key={org}>
                    <Table.Th scope="row" fw={500}>
                      {org}
                    </Table.Th>
                    {states.map((s) => (
                      <Table.Td key={s} ta="right">
                        {formatNumber(outcome(org, s))}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function StepTable({
  id,
  title,
  keyHeader,
  rows,
  keyLabel,
  steps,
  stepName,
}: {
  id: string;
  title: string;
  keyHeader: string;
  rows: { key: string; counts: StepCounts }[];
  keyLabel: (key: string) => string;
  steps: FunnelStep[];
  stepName: (s: FunnelStep) => string;
}) {
  const t = useInsightsT();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{keyHeader}</Table.Th>
                {steps.map((s) => (
                  <Table.Th scope="col" key={s} ta="right">
                    {stepName(s)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={500}>
                    {keyLabel(r.key)}
                  </Table.Th>
                  {steps.map((s) => (
                    <Table.Td key={s} ta="right">
                      {formatNumber(r.counts[s])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
