// An ad's versions, newest first: when each was seen, which fields the poster changed (with the
// text before and after), parse problems, and a way to read any version with its own extraction.
import {
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { RouterAnchor } from '../ui/RouterAnchor';
import type { AdDetail, AdVersion } from '../collect/api';
import { formatDateTime } from '../ui/format';
import { useCollectT, useOptionalT } from '../collect/i18n';
import './ads.css';
import { wordDiff } from './diff';

/** The text of a changed field in a version (changedFields names the stored columns). */
function fieldValue(v: AdVersion, field: string): string | null {
  switch (field) {
    case 'title':
      return v.title;
    case 'body':
      return v.body;
    case 'postedRaw':
      return v.postedRaw;
    case 'city':
      return v.city;
    case 'displayName':
      return v.displayName;
    case 'phoneRaw':
      return v.phoneRaw;
    case 'ageRaw':
      return v.ageRaw;
    case 'priceRaw':
      return v.priceRaw;
    default:
      return null;
  }
}

function Change({ field, before, after }: { field: string; before: AdVersion; after: AdVersion }) {
  const t = useCollectT();
  const o = useOptionalT();
  const label = o(`changes.${field}`, field);
  if (field === 'imageHashes') {
    return (
      <Text size="sm">
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        {t('versions.images', { before: before.images.length, after: after.images.length })}
      </Text>
    );
  }
  const a = fieldValue(before, field);
  const b = fieldValue(after, field);
  // A short value: before → after on one line.
  if ((a ?? '').length <= 80 && (b ?? '').length <= 80) {
    return (
      <Text size="sm" data-testid="change">
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        <del className="diff-removed">
          <span className="visually-hidden">{t('versions.removed')} </span>
          {a ?? t('versions.empty')}
        </del>{' '}
        →{' '}
        <ins className="diff-added">
          <span className="visually-hidden">{t('versions.added')} </span>
          {b ?? t('versions.empty')}
        </ins>
      </Text>
    );
  }
  // A longer text: the words changed, marked in one block.
  const parts = a && b ? wordDiff(a, b) : null;
  if (parts) {
    return (
      <div data-testid="change">
        <Text size="sm" fw={600} mb={2}>
          {label}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            {t('versions.between', { before: before.version, after: after.version })}
          </Text>
        </Text>
        <Paper withBorder p="xs" radius="sm">
          <Spoiler maxHeight={120} showLabel={t('versions.more')} hideLabel={t('versions.less')}>
            <Text size="sm" className="ad-text">
              {parts.map((p, i) =>
                p.kind === 'same' ? (
                  p.text
                ) : p.kind === 'removed' ? (
                  <del key={i} className="diff-removed">
                    <span className="visually-hidden">{t('versions.removed')} </span>
                    {p.text}
                  </del>
                ) : (
                  <ins key={i} className="diff-added">
                    <span className="visually-hidden">{t('versions.added')} </span>
                    {p.text}
                  </ins>
                ),
              )}
            </Text>
          </Spoiler>
        </Paper>
      </div>
    );
  }
  return (
    <div>
      <Text size="sm" fw={600} mb={2}>
        {label}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Paper bg="red.0" p="xs" radius="sm">
          <Text size="xs" c="dimmed" mb={2}>
            {t('versions.before', { version: before.version })}
          </Text>
          <Spoiler maxHeight={96} showLabel={t('versions.more')} hideLabel={t('versions.less')}>
            <Text size="sm" className="ad-text">
              {a ?? t('versions.empty')}
            </Text>
          </Spoiler>
        </Paper>
        <Paper bg="green.0" p="xs" radius="sm">
          <Text size="xs" c="dimmed" mb={2}>
            {t('versions.after', { version: after.version })}
          </Text>
          <Spoiler maxHeight={96} showLabel={t('versions.more')} hideLabel={t('versions.less')}>
            <Text size="sm" className="ad-text">
              {b ?? t('versions.empty')}
            </Text>
          </Spoiler>
        </Paper>
      </SimpleGrid>
    </div>
  );
}

export function VersionsPanel({ ad, shownVersion }: { ad: AdDetail; shownVersion: number }) {
  const t = useCollectT();
  const o = useOptionalT();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('versions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('versions.intro', { count: ad.versions.length })}
          </Text>
        </div>
        <Timeline active={0} bulletSize={18} lineWidth={2}>
          {ad.versions.map((v, i) => {
            const previous = ad.versions[i + 1];
            const isShown = v.version === shownVersion;
            return (
              <Timeline.Item
                key={v.versionId}
                data-testid="version"
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t('versions.version', { version: v.version })}
                    </Text>
                    {v.version === ad.version ? (
                      <Badge size="sm" variant="light">
                        {t('versions.current')}
                      </Badge>
                    ) : null}
                    {isShown ? (
                      <Badge size="sm" variant="outline" color="gray">
                        {t('versions.shown')}
                      </Badge>
                    ) : (
                      <RouterAnchor
                        to="/ads/$adId"
                        params={{ adId: ad.id }}
                        search={v.version === ad.version ? {} : { version: v.version }}
                        size="sm"
                      >
                        {t('versions.show')}
                      </RouterAnchor>
                    )}
                  </Group>
                }
              >
                <Stack gap="xs" mt={4}>
                  <Text size="xs" c="dimmed">
                    {t('versions.seenAt', { at: formatDateTime(v.seenAt) })}
                  </Text>
                  {previous ? (
                    v.changedFields.length > 0 ? (
                      <>
                        <Group gap={4}>
                          <Text size="sm">{t('versions.changed')}</Text>
                          {v.changedFields.map((f) => (
                            <Badge key={f} size="sm" color="blue" variant="light">
                              {o(`changes.${f}`, f)}
                            </Badge>
                          ))}
                        </Group>
                        {v.changedFields.map((f) => (
                          <Change key={f} field={f} before={previous} after={v} />
                        ))}
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('versions.noChange')}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('versions.first')}
                    </Text>
                  )}
                  {v.parseErrors.length > 0 ? (
                    <Text size="xs" c="orange.9">
                      {t('versions.parseErrors', { errors: v.parseErrors.join('; ') })}
                    </Text>
                  ) : null}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    </Paper>
  );
}
