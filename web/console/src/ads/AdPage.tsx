// One ad: its text with what extraction found (marked and listed, identifiers masked with an
// audited reveal), its versions with what changed between them, and its captures with the WARC
// download. Reading this page is audited on the server, so it is fetched once per visit.
import { Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { WhoViewedButton } from '../audit/WhoViewed';
import { useCurrentSession } from '../auth/session';
import { canReadAds } from '../collect/access';
import { collectKeys, fetchAd, type AdDetail } from '../collect/api';
import { formatDateTime } from '../ui/format';
import { useCollectT } from '../collect/i18n';
import { CopyText } from '../ui/CopyText';
import { Loading } from '../ui/Loading';
import { NoAccess } from '../ui/NoAccess';
import type { Revealed } from '../extract/api';
import { ExtractionView } from '../extract/ExtractionView';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { CapturesPanel } from './CapturesPanel';
import { VersionsPanel } from './VersionsPanel';

export function AdPage({ adId, version }: { adId: string; version?: number }) {
  const t = useCollectT();
  const { capabilities } = useCurrentSession();
  if (!canReadAds(capabilities)) return <NoAccess title={t('ads.title')} />;
  return <AdView adId={adId} version={version} />;
}

function AdView({ adId, version }: { adId: string; version?: number }) {
  const t = useCollectT();
  const ad = useQuery({
    queryKey: collectKeys.ad(adId),
    queryFn: () => fetchAd(adId),
    staleTime: 5 * 60_000,
  });
  const current = ad.data?.versions[0];
  usePageTitle(current?.title?.trim() || t('ads.untitled'));

  if (ad.isPending) return <Loading />;
  if (ad.isError) {
    return (
      <Stack gap="md">
        <AdCrumbs title={null} />
        <ErrorAlert error={ad.error} />
      </Stack>
    );
  }
  return <AdContent ad={ad.data} version={version} />;
}

function AdCrumbs({ title }: { title: string | null }) {
  const t = useCollectT();
  return (
    <Breadcrumbs separator="›">
      <RouterAnchor to="/ads" size="sm">
        {t('ads.title')}
      </RouterAnchor>
      {title ? (
        <Text size="sm" c="dimmed" lineClamp={1} maw={480}>
          {title}
        </Text>
      ) : null}
    </Breadcrumbs>
  );
}

function AdContent({ ad, version }: { ad: AdDetail; version?: number }) {
  const t = useCollectT();
  // Revealed identifiers live in this page's memory only.
  const [revealed, setRevealed] = useState<Map<string, Revealed>>(() => new Map());
  const onRevealed = useCallback((r: Revealed) => setRevealed((m) => new Map(m).set(r.id, r)), []);
  const shown = ad.versions.find((v) => v.version === version) ?? ad.versions[0];
  const title = shown?.title?.trim() || t('ads.untitled');
  return (
    <Stack gap="lg">
      <AdCrumbs title={title} />
      <Stack gap={6}>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="ad-heading">
            {title}
          </Title>
          {ad.status === 'gone' ? (
            <Badge color="gray" variant="light">
              {t('ads.status.gone')}
            </Badge>
          ) : (
            <Badge color="teal" variant="light">
              {t('ads.status.active')}
            </Badge>
          )}
          <WhoViewedButton kind="ad" id={ad.id} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            ad.source,
            t('adPage.firstSeen', { at: formatDateTime(ad.firstSeenAt) }),
            t('adPage.lastSeen', { at: formatDateTime(ad.lastSeenAt) }),
            ad.goneAt ? t('adPage.goneAt', { at: formatDateTime(ad.goneAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('adPage.address')}
          </Text>
          <CopyText value={ad.url} label={t('common.copyUrl')} size="xs" c="dimmed" />
        </Group>
        <Text size="xs" c="dimmed">
          {t('adPage.noLinks')}
        </Text>
      </Stack>
      {shown && shown.version !== ad.version ? (
        <Text size="sm" c="orange.9" role="status">
          {t('adPage.olderVersion', { version: shown.version, current: ad.version })}{' '}
          <RouterAnchor to="/ads/$adId" params={{ adId: ad.id }} search={{}} size="sm">
            {t('adPage.showCurrent')}
          </RouterAnchor>
        </Text>
      ) : null}
      {shown ? (
        <ExtractionView
          key={shown.versionId}
          adId={ad.id}
          version={shown}
          isCurrent={shown.version === ad.version}
          revealed={revealed}
          onRevealed={onRevealed}
        />
      ) : null}
      <VersionsPanel ad={ad} shownVersion={shown?.version ?? ad.version} />
      <CapturesPanel ad={ad} />
    </Stack>
  );
}
