// "Why this score": the reasons as a list whose points add up to the score, each with its
// evidence level, the model's reasoning, its published source, and where in the ads it was found
// (a click opens the ad with the passage marked). Contested signs are shown for context at 0.
import { Badge, Box, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { ClampedText } from '../ui/ClampedText';
import { Cited, CITATION } from '../ui/Cited';
import { useQuery } from '@tanstack/react-query';
import {
  fetchScoreModel,
  queryKeys,
  type EntityScore,
  type ReasonHit,
  type ScoreReason,
} from '../triage/api';
import { EvidenceBadge } from '../triage/badges';
import { useTriageT } from '../triage/i18n';
import { Section } from './Section';
import { useModelText, useReasonText } from '../i18n/reasons';

export interface AdRef {
  /** 1-based number of the ad in the entity's list (what people call it), or null. */
  numberOf: (adId: string) => number | null;
  open: (adId: string, focus?: ReasonHit) => void;
}

function formatValue(v: ScoreReason['value']): string | null {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number') return String(Math.round(v * 10) / 10);
  return v;
}

function Reason({ reason, ads, first }: { reason: ScoreReason; ads: AdRef; first: boolean }) {
  const t = useTriageT();
  const reasonText = useReasonText();
  const contested = reason.evidence === 'contested';
  const value = formatValue(reason.value);
  const fieldName = (f: string) =>
    ['title', 'body', 'phone', 'age', 'price', 'city', 'displayName'].includes(f)
      ? t(`fields.${f as 'title'}`)
      : f;
  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}
      data-testid="reason"
      data-points={reason.points}
    >
      <Box w={64} ta="right" style={{ flexShrink: 0 }}>
        <Text
          fw={700}
          size="lg"
          c={reason.points > 0 ? 'dark' : 'dimmed'}
          data-testid="reason-points"
          aria-label={t('why.points', { points: reason.points })}
        >
          {reason.points > 0 ? t('why.pointsShort', { points: reason.points }) : '0'}
        </Text>
        {contested ? (
          <Text size="xs" c="dimmed" lh={1.2}>
            {t('why.notScored')}
          </Text>
        ) : null}
      </Box>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" c={contested ? 'dimmed' : undefined}>
            {reasonText(reason.labelText, reason.label)}
          </Text>
          {reason.evidence ? <EvidenceBadge evidence={reason.evidence} /> : null}
          {reason.urgent ? (
            <Badge color="red" variant="light" size="sm">
              {t('why.urgentReason')}
            </Badge>
          ) : null}
        </Group>
        {/* The model's reasoning can run long: two lines, the rest on request. */}
        <ClampedText
          size="xs"
          c="dimmed"
          lines={2}
          moreLabel={t('why.more')}
          lessLabel={t('why.less')}
        >
          {reasonText(reason.whyText, reason.why)}
        </ClampedText>
        {value !== null || reason.uncapped !== undefined ? (
          <Text size="xs" c="dimmed">
            {[
              value !== null ? t('why.value', { value }) : null,
              reason.uncapped !== undefined ? t('why.capped', { points: reason.uncapped }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        ) : null}
        {reason.source ? (
          <Text size="xs" c="dimmed" fs="italic">
            <Cited text={t('why.source', { source: CITATION })} citation={reason.source} />
          </Text>
        ) : null}
        {reason.hits && reason.hits.length > 0 ? (
          <Group gap={6} mt={2}>
            <Text size="xs" c="dimmed">
              {t('why.hits')}:
            </Text>
            {reason.hits.map((h) => {
              const n = ads.numberOf(h.adId) ?? h.adId.slice(0, 8);
              const field = fieldName(h.field);
              return (
                <Button
                  key={`${h.adId}-${h.field}-${h.start}`}
                  size="compact-xs"
                  variant="light"
                  onClick={() => ads.open(h.adId, h)}
                  aria-label={t('why.hitLabel', { n, field })}
                  data-testid="reason-hit"
                >
                  {t('why.hit', { n, field })}
                </Button>
              );
            })}
          </Group>
        ) : null}
      </Stack>
    </Group>
  );
}

export function ScoreExplanation({ score, ads }: { score: EntityScore | null; ads: AdRef }) {
  const t = useTriageT();
  if (!score) {
    return (
      <Section title={t('entity.sections.why')} testId="why-score">
        <Text size="sm" c="dimmed">
          {t('entity.notScored')}
        </Text>
      </Section>
    );
  }
  // Scoring reasons first by weight; contested ones (0 points) last, for context.
  const reasons = [...score.reasons].sort((a, b) => b.points - a.points);
  const total = reasons.reduce((n, r) => n + r.points, 0);
  return (
    <Section title={t('entity.sections.why')} testId="why-score">
      <Text size="sm" c="dimmed">
        {t('why.intro')}
      </Text>
      {reasons.length === 0 ? (
        <Text size="sm">{t('why.noReasons')}</Text>
      ) : (
        <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {reasons.map((r, i) => (
            <Reason key={`${r.kind}-${r.code}-${i}`} reason={r} ads={ads} first={i === 0} />
          ))}
        </Stack>
      )}
      <Divider size="sm" />
      <Group gap="md" wrap="nowrap">
        <Text w={64} ta="right" fw={800} size="xl" data-testid="reason-total">
          {total}
        </Text>
        <Text fw={600}>
          {t('why.total')} · {t('entity.scoreOutOf', { score: score.score })}
        </Text>
      </Group>
      <ModelNote scoredWith={score.modelVersion} />
    </Section>
  );
}

const EXPLOITATION_KINDS = ['sexual', 'criminal', 'both'] as const;

/** Which model made the score, and from which score an entity becomes a lead. */
function ModelNote({ scoredWith }: { scoredWith: number }) {
  const t = useTriageT();
  const modelText = useModelText();
  const model = useQuery({
    queryKey: queryKeys.scoreModel,
    queryFn: fetchScoreModel,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!model.data) return null;
  const m = model.data;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('why.model', {
          name: m.model.name,
          version: m.version,
          threshold: m.model.leadThreshold,
        })}
        {m.version !== scoredWith ? ` ${t('why.modelChanged', { version: scoredWith })}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {modelText(m.model.leadThresholdWhy)}
      </Text>
      {EXPLOITATION_KINDS.map((kind) => {
        const own = m.model.leadThresholdByType?.[kind];
        return own ? (
          <Text key={kind} size="xs" c="dimmed" data-testid={`lead-threshold-${kind}`}>
            {t('why.modelByType', {
              kind: t(`exploitation.badge.${kind}`),
              threshold: own.threshold,
            })}{' '}
            {modelText(own.why)}
          </Text>
        ) : null;
      })}
    </Stack>
  );
}
