// The entity's ads: masked text, score, status and when they were seen. "Read" opens the ad's
// text here; where the console has an ad page (the Ads section), a link leads there too.
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { EntityAd } from '../triage/api';
import { formatDate } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { scoreColor } from '../triage/LeadTable';
import type { AdRef } from './ScoreExplanation';
import { Section } from './Section';

/** Row id of an ad in the list (the graph scrolls to it). */
export const adRowId = (adId: string) => `ad-${adId}`;

export function AdsSection({ ads, more, adRef }: { ads: EntityAd[]; more: number; adRef: AdRef }) {
  const t = useTriageT();
  const router = useRouter();
  // The ad page belongs to the Ads section; link to it only when the console has that route.
  const hasAdPage = Object.hasOwn(router.routesByPath, '/ads/$adId');

  return (
    <Section
      title={t('entity.sections.ads')}
      testId="ads"
      aside={
        <Text size="sm" c="dimmed">
          {ads.length + more}
        </Text>
      }
    >
      {ads.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ads.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="sm">
            <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
              {t('ads.tableLabel')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>#</Table.Th>
                <Table.Th>{t('ads.ad')}</Table.Th>
                <Table.Th ta="right">{t('ads.score')}</Table.Th>
                <Table.Th>{t('ads.status')}</Table.Th>
                <Table.Th>{t('ads.seen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ads.map((a, i) => {
                const n = i + 1;
                return (
                  <Table.Tr key={a.id} id={adRowId(a.id)} tabIndex={-1} data-testid="ad-row">
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {n}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {/* The ad's own words are in its own language ("und": not known). */}
                      <Stack gap={2} maw={520}>
                        <Text
                          size="sm"
                          fw={600}
                          lineClamp={1}
                          lang={a.title ? (a.language ?? 'und') : undefined}
                        >
                          {a.title ?? t('ads.untitled')}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2} lang={a.language ?? 'und'}>
                          {a.snippet}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[a.displayName, a.city, a.source].filter(Boolean).join(' · ')}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right">
                      {a.score === null ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {a.urgent ? (
                            <Badge color="red" size="xs" variant="filled">
                              !
                            </Badge>
                          ) : null}
                          <Text size="sm" fw={600} c={scoreColor(a.score)}>
                            {a.score}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td miw={90}>
                      <Badge
                        color={a.status === 'active' ? 'green' : 'gray'}
                        variant="light"
                        size="sm"
                      >
                        {a.status === 'active' ? t('ads.active') : t('ads.gone')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(a.firstSeenAt)}
                      </Text>
                      {formatDate(a.lastSeenAt) !== formatDate(a.firstSeenAt) ? (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          – {formatDate(a.lastSeenAt)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => adRef.open(a.id)}
                          aria-label={t('ads.read', { n })}
                        >
                          {t('ads.readShort')}
                        </Button>
                        {hasAdPage ? (
                          <Anchor
                            size="sm"
                            style={{ whiteSpace: 'nowrap' }}
                            href={`/ads/${encodeURIComponent(a.id)}`}
                            onClick={(e) => {
                              e.preventDefault();
                              router.history.push(`/ads/${encodeURIComponent(a.id)}`);
                            }}
                          >
                            {t('ads.page')}
                          </Anchor>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {more > 0 ? (
        <Text size="sm" c="dimmed">
          {t('ads.more', { count: more })}
        </Text>
      ) : null}
    </Section>
  );
}
