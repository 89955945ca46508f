// One ad version's text with what extraction found marked in it (a colour per kind, a legend, and
// a tooltip on each mark with the rule and, for signs, the explanation and evidence level), beside
// the list of facts. Asks again every few seconds while the version waits for extraction.
import { Alert, DataList, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { AdVersion } from '../collect/api';
import { formatDateTime, languageName } from '../ui/format';
import { useCollectT, useOptionalT } from '../collect/i18n';
import { Loading } from '../ui/Loading';
import { ErrorAlert } from '../ui/ErrorAlert';
import { extractKeys, fetchExtraction, type Revealed } from './api';
import { FactList } from './FactList';
import { FACT_GROUPS, factsIn, groupOf, indexFacts } from './facts';
import { HighlightedText } from './HighlightedText';
import './extract.css';

/** Structured fields a source may read, with the span field their facts name. */
const STRUCTURED: { key: keyof AdVersion; field: string }[] = [
  { key: 'displayName', field: 'displayName' },
  { key: 'city', field: 'city' },
  { key: 'ageRaw', field: 'age' },
  { key: 'priceRaw', field: 'price' },
  { key: 'phoneRaw', field: 'phone' },
];

export function ExtractionView({
  adId,
  version,
  isCurrent,
  revealed,
  onRevealed,
}: {
  adId: string;
  version: AdVersion;
  isCurrent: boolean;
  revealed: Map<string, Revealed>;
  onRevealed: (r: Revealed) => void;
}) {
  const t = useCollectT();
  const o = useOptionalT();
  const extraction = useQuery({
    queryKey: extractKeys.extraction(adId, isCurrent ? undefined : version.version),
    queryFn: () => fetchExtraction(adId, isCurrent ? undefined : version.version),
    refetchInterval: (q) => (q.state.data?.pending ? 3000 : false),
  });
  const facts = indexFacts(extraction.data?.facts ?? []);
  const present = new Set(facts.map((f) => groupOf(f.fact)).filter(Boolean));
  const boilerplate = extraction.data?.boilerplate ?? [];
  const boilerplateIn = (field: 'title' | 'body') => boilerplate.filter((b) => b.field === field);
  const boilerplateLabel = t('adPage.boilerplate');

  const textPanel = (
    <Paper withBorder radius="md" p="lg" h="100%">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {t('adPage.textTitle')}
          </Title>
          {extraction.data?.pending ? (
            <Group gap={6} role="status">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('adPage.extractionPending')}
              </Text>
            </Group>
          ) : null}
        </Group>
        {version.title ? (
          <Text
            fw={650}
            size="lg"
            className="ad-text"
            data-testid="ad-title"
            lang={version.language ?? 'und'}
          >
            <HighlightedText
              text={version.title}
              facts={factsIn(facts, 'title')}
              revealed={revealed}
              boilerplate={boilerplateIn('title')}
              boilerplateLabel={boilerplateLabel}
            />
          </Text>
        ) : null}
        {/* The ad's own words are in its own language ("und": not known). */}
        <Text size="sm" className="ad-text" data-testid="ad-body" lang={version.language ?? 'und'}>
          <HighlightedText
            text={version.body}
            facts={factsIn(facts, 'body')}
            revealed={revealed}
            boilerplate={boilerplateIn('body')}
            boilerplateLabel={boilerplateLabel}
          />
        </Text>
        <DataList size="sm" labelWidth={150} withDivider>
          {STRUCTURED.map(({ key, field }) => {
            const value = version[key];
            if (typeof value !== 'string' || value === '') return null;
            return (
              <DataList.Item key={key}>
                <DataList.ItemLabel>{o(`fields.${field}`, field)}</DataList.ItemLabel>
                <DataList.ItemValue className="ad-text" lang={version.language ?? 'und'}>
                  <HighlightedText text={value} facts={factsIn(facts, field)} revealed={revealed} />
                </DataList.ItemValue>
              </DataList.Item>
            );
          })}
          {version.postedAt || version.postedRaw ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('fields.postedAt')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {version.postedAt ? formatDateTime(version.postedAt) : version.postedRaw}
              </DataList.ItemValue>
            </DataList.Item>
          ) : null}
          {(extraction.data?.language ?? version.language) ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('adPage.language')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {languageName((extraction.data?.language ?? version.language)!)}
              </DataList.ItemValue>
            </DataList.Item>
          ) : null}
          {version.images.length > 0 ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('fields.images')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {t('adPage.imageHashes', { count: version.images.length })}
              </DataList.ItemValue>
            </DataList.Item>
          ) : null}
        </DataList>
        {present.size > 0 || boilerplate.length > 0 ? (
          <Group gap="md" aria-label={t('adPage.legend')} data-testid="legend">
            {FACT_GROUPS.filter((g) => present.has(g)).map((g) => (
              <Group key={g} gap={6}>
                <span className={`legend-swatch fact-mark fact-${g}`} aria-hidden="true" />
                <Text size="xs">{t(`adPage.legendGroups.${g}`)}</Text>
              </Group>
            ))}
            {boilerplate.length > 0 ? (
              <Group gap={6}>
                <span className="legend-swatch site-boilerplate" aria-hidden="true" />
                <Text size="xs">{boilerplateLabel}</Text>
              </Group>
            ) : null}
          </Group>
        ) : null}
        {boilerplate.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="boilerplate-hint">
            {t('adPage.boilerplateHint')}
          </Text>
        ) : null}
        {extraction.data?.truncated ? (
          <Alert color="orange" variant="light">
            {t('adPage.truncated')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>{textPanel}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="lg" h="100%">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('adPage.factsTitle')}
            </Title>
            {extraction.isPending ? (
              <Loading />
            ) : extraction.isError ? (
              <ErrorAlert error={extraction.error} />
            ) : extraction.data.pending ? (
              <Text size="sm" c="dimmed">
                {t('adPage.extractionPendingText')}
              </Text>
            ) : (
              <>
                <FactList
                  extraction={extraction.data}
                  facts={facts.filter((f) => f.fact.kind !== 'language')}
                  revealed={revealed}
                  onRevealed={onRevealed}
                />
                {extraction.data.extractedAt ? (
                  <Text size="xs" c="dimmed">
                    {t('adPage.extractedAt', {
                      at: formatDateTime(extraction.data.extractedAt),
                      rules: extraction.data.ruleSetVersion ?? '—',
                    })}
                  </Text>
                ) : null}
              </>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
