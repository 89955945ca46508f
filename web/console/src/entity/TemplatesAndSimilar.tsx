// Text templates these ads share with other entities (a sign of one writer behind several
// "persons"), counted as the Features table counts them (the server's one definition: this lead's
// ads on a template other entities also use), and near-identical ads of other entities, each
// linking to that entity by its alias.
import { Group, List, Stack, Text } from '@mantine/core';
import type { EntityTemplate, SimilarAd } from '../triage/api';
import { shortId } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import type { AdRef } from './ScoreExplanation';
import { Section } from './Section';
import { RouterAnchor } from '../ui/RouterAnchor';

export function TemplatesAndSimilar({
  templates,
  similar,
  ads,
}: {
  templates: EntityTemplate[];
  similar: SimilarAd[];
  ads: AdRef;
}) {
  const t = useTriageT();
  return (
    <Stack gap="md">
      <Section title={t('entity.sections.templates')} testId="templates">
        {templates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('templates.empty')}
          </Text>
        ) : (
          <List spacing={4} size="sm">
            {templates.map((tp) => (
              <List.Item key={tp.templateId}>
                <Text span size="sm" ff="monospace">
                  {t('templates.label', { id: shortId(tp.templateId) })}
                </Text>
                <Text span size="sm" c="dimmed" data-testid="template-ads" data-ads={tp.ads}>
                  {' · '}
                  {t('templates.adsHere', { count: tp.ads })} ·{' '}
                  {t('templates.otherEntities', { count: tp.otherEntities })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t('entity.sections.similar')} testId="similar">
        {similar.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('similar.empty')}
          </Text>
        ) : (
          <List spacing={6} size="sm">
            {similar.map((s) => {
              const n = ads.numberOf(s.toAdId);
              return (
                <List.Item key={s.adId}>
                  <Group gap={6} wrap="wrap">
                    <RouterAnchor
                      to="/entities/$entityId"
                      params={{ entityId: s.entityId }}
                      size="sm"
                    >
                      {t('similar.item', {
                        ad: shortId(s.adId),
                        entity: s.entityAlias ?? shortId(s.entityId),
                      })}
                    </RouterAnchor>
                    <Text span size="sm" c="dimmed">
                      {t('similar.similarity', { pct: Math.round(s.similarity * 100) })}
                      {n !== null ? ` · ${t('similar.to', { n })}` : ''}
                    </Text>
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
      </Section>
    </Stack>
  );
}
