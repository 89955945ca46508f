// One ad's text in a dialog, opened from a reason ("found in ad 3") or from the ads list: the
// current version's fields as collected (identifiers masked by the server), with what extraction
// found marked, and the passage behind the chosen reason marked strongest and scrolled into view.
import { Alert, Center, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  fetchAd,
  fetchAdExtraction,
  queryKeys,
  type AdVersionView,
  type ReasonHit,
} from '../triage/api';
import { formatDateTime } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useIndicatorExplanation } from '../i18n/reasons';
import { highlight, type Mark } from './highlight';

type Field = 'title' | 'displayName' | 'city' | 'phone' | 'age' | 'price' | 'body';

function fieldText(v: AdVersionView, f: Field): string | null {
  switch (f) {
    case 'title':
      return v.title;
    case 'displayName':
      return v.displayName;
    case 'city':
      return v.city;
    case 'phone':
      return v.phoneRaw;
    case 'age':
      return v.ageRaw;
    case 'price':
      return v.priceRaw;
    case 'body':
      return v.body;
  }
}

export function AdViewer({
  adId,
  number,
  focus,
  onClose,
}: {
  adId: string | null;
  number: number | string;
  focus?: ReasonHit | undefined;
  onClose: () => void;
}) {
  const t = useTriageT();
  return (
    <Modal
      opened={adId !== null}
      onClose={onClose}
      size="xl"
      title={t('ads.viewerTitle', { n: number })}
      data-testid="ad-viewer"
    >
      {adId ? <AdBody adId={adId} focus={focus} /> : null}
    </Modal>
  );
}

function AdBody({ adId, focus }: { adId: string; focus?: ReasonHit | undefined }) {
  const t = useTriageT();
  const explain = useIndicatorExplanation();
  const ad = useQuery({ queryKey: queryKeys.ad(adId), queryFn: () => fetchAd(adId) });
  const extraction = useQuery({
    queryKey: queryKeys.extraction(adId),
    queryFn: () => fetchAdExtraction(adId),
  });
  const focusRef = useRef<HTMLElement>(null);
  const ready = ad.isSuccess && !extraction.isPending;

  useEffect(() => {
    if (ready) focusRef.current?.scrollIntoView({ block: 'center' });
  }, [ready, focus]);

  if (ad.isPending) {
    return (
      <Center py="xl">
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (ad.isError) return <ErrorAlert error={ad.error} />;

  const version =
    ad.data.versions.find((v) => v.version === ad.data.version) ?? ad.data.versions[0];
  if (!version) return <ErrorAlert error={new Error('no version')} />;

  const facts = extraction.data?.facts ?? [];
  const marksOf = (field: Field): Mark[] => {
    const marks: Mark[] = facts
      .filter((f) => f.span?.field === field && f.kind !== 'language')
      .map((f) => ({
        start: f.span.start,
        end: f.span.end,
        tone: f.kind === 'indicator' ? 'sign' : 'fact',
        title:
          f.kind === 'indicator' && typeof f.explanation === 'string'
            ? explain(typeof f.code === 'string' ? f.code : undefined, f.explanation)
            : f.kind,
      }));
    if (focus && focus.field === field) {
      marks.push({ start: focus.start, end: focus.end, tone: 'focus', title: '' });
    }
    return marks;
  };

  const title = fieldText(version, 'title');
  const body = fieldText(version, 'body') ?? '';
  // The ad's own words are in its own language ("und": not known).
  const adLang = version.language ?? 'und';
  const small = (['displayName', 'city', 'phone', 'age', 'price'] as const).filter((f) =>
    fieldText(version, f),
  );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('ads.viewerIntro')}
      </Text>
      {focus ? (
        <Alert variant="light" color="yellow" py={6}>
          {t('ads.highlighted')}
        </Alert>
      ) : null}
      {extraction.data?.pending ? (
        <Text size="xs" c="dimmed">
          {t('ads.extractionPending')}
        </Text>
      ) : null}
      <Title
        order={3}
        size="h5"
        className="ad-text"
        data-testid="ad-title"
        lang={title ? adLang : undefined}
      >
        {title ? highlight(title, marksOf('title'), focusRef) : t('ads.untitled')}
      </Title>
      {small.length > 0 ? (
        <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
          <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
            {t('ads.fieldsLabel')}
          </Table.Caption>
          <Table.Tbody>
            {small.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row" fw={400} c="dimmed" w={120}>
                  {t(`fields.${f}`)}
                </Table.Th>
                <Table.Td className="ad-text" lang={adLang}>
                  {highlight(fieldText(version, f) ?? '', marksOf(f), focusRef)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <div className="ad-text" data-testid="ad-body" lang={body ? adLang : undefined}>
        {body ? highlight(body, marksOf('body'), focusRef) : t('ads.noText')}
      </div>
      <Text size="xs" c="dimmed">
        {t('ads.legend')}
      </Text>
      <Group gap="lg">
        <Text size="xs" c="dimmed">
          {t('ads.source')}: {ad.data.source}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ads.firstSeen')}: {formatDateTime(ad.data.firstSeenAt)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('ads.lastSeen')}: {formatDateTime(ad.data.lastSeenAt)}
        </Text>
      </Group>
      {/* The address is shown as text, not a link: opening a scraped site from here would tell
          it that someone is looking. */}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('ads.url')}: {ad.data.url}
      </Text>
      <ErrorAlert error={extraction.error} />
    </Stack>
  );
}
