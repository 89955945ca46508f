// The entity page: who this lead is as far as the ads tell, why it scored what it did, and what
// to do next. Header with score, urgency, flags, state and the allowed actions; then the score
// explained point by point, movement, features, the graph of ads and identifiers, the ads, the
// identifiers (masked, with an audited reveal), shared templates, similar ads, and the history.
// Those who hold conversations also see the person's threads and write a first message from here.
import { homePathFor } from '../collect/nav';
import {
  Alert,
  Box,
  Button,
  Center,
  EmptyState,
  Grid,
  Group,
  Loader,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { WhoViewedButton } from '../audit/WhoViewed';
import { useCurrentSession } from '../auth/session';
import {
  actOnLead,
  fetchEntity,
  fetchEntityGraph,
  queryKeys,
  type EntityDetail,
  type ReasonHit,
} from '../triage/api';
import { FlagBadges, StateBadge, UrgentBadge } from '../triage/badges';
import { formatDateTime, formatDate, shortId } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { scoreColor } from '../triage/LeadTable';
import { useStaff, type Staff } from '../triage/people';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconTriage } from '../ui/icons';
import { AdsSection, adRowId } from './AdsSection';
import { AdViewer } from './AdViewer';
import { FeaturesTable } from './FeaturesTable';
import { IdentifiersTable } from './IdentifiersTable';
import { LeadActions } from './LeadActions';
import { LeadHistory } from './LeadHistory';
import { MovementTimeline } from './MovementTimeline';
import { ScoreExplanation, type AdRef } from './ScoreExplanation';
import { Section } from './Section';
import { TemplatesAndSimilar } from './TemplatesAndSimilar';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ComposeDialog } from '../outreach/ComposeDialog';
import { canWorkOutreach } from '../outreach/hooks';
import { ContactPanel } from './ContactPanel';

const EntityGraphView = lazy(() => import('./EntityGraphView'));
const route = getRouteApi('/entities/$entityId');

export function EntityPage() {
  const { user } = useCurrentSession();
  if (user.role === 'partner') return <Navigate to={homePathFor(user.role)} replace />;
  return <Entity />;
}

function Entity() {
  const t = useTriageT();
  const { entityId } = route.useParams();
  usePageTitle(t('entity.title', { id: shortId(entityId) }));
  const entity = useQuery({
    queryKey: queryKeys.entity(entityId),
    queryFn: () => fetchEntity(entityId),
  });

  if (entity.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
        <Skeleton h={140} radius="md" />
        <Skeleton h={320} radius="md" />
      </Stack>
    );
  }
  if (entity.isError) {
    const notFound = entity.error instanceof ApiError && entity.error.status === 404;
    return (
      <Stack gap="md">
        <BackLink />
        {notFound ? (
          <Paper withBorder radius="md" py={56} px="xl">
            <EmptyState
              icon={<IconTriage size={28} />}
              withIndicatorBackground
              title={t('entity.notFound')}
              description={t('entity.notFoundDescription')}
            />
          </Paper>
        ) : (
          <Stack align="flex-start">
            <ErrorAlert error={entity.error} />
            <Button variant="default" onClick={() => void entity.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        )}
      </Stack>
    );
  }
  return <EntityView entity={entity.data} />;
}

function BackLink() {
  const t = useTriageT();
  return (
    <RouterAnchor to="/triage" size="sm">
      ← {t('entity.back')}
    </RouterAnchor>
  );
}

function EntityView({ entity }: { entity: EntityDetail }) {
  const t = useTriageT();
  const { user } = useCurrentSession();
  const staff = useStaff();
  const qc = useQueryClient();
  const [viewer, setViewer] = useState<{ adId: string; focus?: ReasonHit } | null>(null);
  const [composing, setComposing] = useState(false);
  const outreach = canWorkOutreach(user.role);
  const compose = outreach ? () => setComposing(true) : undefined;
  const graph = useQuery({
    queryKey: queryKeys.graph(entity.id),
    queryFn: () => fetchEntityGraph(entity.id),
  });

  const numbers = useMemo(() => new Map(entity.ads.map((a, i) => [a.id, i + 1])), [entity.ads]);
  const adRef: AdRef = useMemo(
    () => ({
      numberOf: (adId) => numbers.get(adId) ?? null,
      open: (adId, focus) => setViewer(focus ? { adId, focus } : { adId }),
    }),
    [numbers],
  );

  // The holder has now seen the evidence: tell the server once, but keep the notice on screen.
  const lead = entity.lead;
  const [showNewEvidence] = useState(Boolean(lead?.newEvidence));
  const { mutate: markSeen } = useMutation({
    mutationFn: () => actOnLead(entity.id, { action: 'seen' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.allLeads }),
  });
  const markedSeen = useRef(false);
  useEffect(() => {
    if (lead?.newEvidence && lead.assigneeId === user.id && !markedSeen.current) {
      markedSeen.current = true;
      markSeen();
    }
  }, [lead, user.id, markSeen]);

  const scrollToAd = useCallback((adId: string) => {
    const row = document.getElementById(adRowId(adId));
    if (!row) return;
    row.scrollIntoView({ behavior: 'smooth', block: 'center' });
    row.focus({ preventScroll: true });
    row.classList.remove('ad-row-target');
    // Restart the flash even when the same row is chosen twice.
    void row.offsetWidth;
    row.classList.add('ad-row-target');
  }, []);

  const viewerNumber = viewer ? (numbers.get(viewer.adId) ?? shortId(viewer.adId)) : '';

  return (
    <Stack gap="md">
      <BackLink />
      {entity.requestedId !== entity.id ? (
        <Alert variant="light" color="blue">
          {t('entity.merged', { id: shortId(entity.id) })}
        </Alert>
      ) : null}
      {showNewEvidence ? (
        <Alert variant="light" color="grape" data-testid="new-evidence-notice">
          {t('entity.newEvidence')}
        </Alert>
      ) : null}

      <EntityHeader entity={entity} staff={staff} onContact={compose} />
      {outreach ? <ContactPanel entityId={entity.id} onCompose={() => setComposing(true)} /> : null}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ScoreExplanation score={entity.score} ads={adRef} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <MovementTimeline movement={entity.movement} />
            {/* An entity not yet featured by the linker has none to show. */}
            {entity.features ? <FeaturesTable features={entity.features} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <Section title={t('entity.sections.graph')} testId="graph">
        {graph.isPending ? (
          <Skeleton h={380} radius="md" />
        ) : graph.isError ? (
          <ErrorAlert error={graph.error} />
        ) : (
          <Suspense fallback={<Skeleton h={380} radius="md" />}>
            <EntityGraphView data={graph.data} onAdClick={scrollToAd} />
          </Suspense>
        )}
      </Section>

      <AdsSection ads={entity.ads} more={entity.moreAds} adRef={adRef} />

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <IdentifiersTable identifiers={entity.identifiers} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TemplatesAndSimilar templates={entity.templates} similar={entity.similar} ads={adRef} />
        </Grid.Col>
      </Grid>

      {lead ? <LeadHistory history={lead.history} staff={staff} /> : null}

      {outreach ? (
        <ComposeDialog entity={entity} opened={composing} onClose={() => setComposing(false)} />
      ) : null}
      <AdViewer
        adId={viewer?.adId ?? null}
        number={viewerNumber}
        focus={viewer?.focus}
        onClose={() => setViewer(null)}
      />
    </Stack>
  );
}

function EntityHeader({
  entity,
  staff,
  onContact,
}: {
  entity: EntityDetail;
  staff: Staff;
  onContact: (() => void) | undefined;
}) {
  const t = useTriageT();
  const lead = entity.lead;
  const score = entity.score?.score ?? lead?.score ?? 0;
  const urgent = entity.score?.urgent ?? lead?.urgent ?? false;
  const flags = (entity.score?.flags ?? lead?.flags ?? []).filter((f) => f !== 'urgent');
  const snoozed = lead?.snoozedUntil && new Date(lead.snoozedUntil) > new Date();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="entity-header">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
          <Stack gap={8}>
            <Group gap="sm" align="center">
              <Title order={1} size="h2">
                {lead
                  ? t('entity.title', { id: shortId(entity.id) })
                  : t('entity.entityTitle', { id: shortId(entity.id) })}
              </Title>
              {urgent ? <UrgentBadge size="lg" /> : null}
              {lead ? <StateBadge state={lead.state} size="md" /> : null}
              <WhoViewedButton kind="entity" id={entity.id} />
            </Group>
            <FlagBadges flags={flags} />
            <Text size="sm" c="dimmed">
              {[
                lead ? `${t('entity.assignee')}: ${staff.nameOf(lead.assigneeId)}` : null,
                `${t('entity.evidenceAt')}: ${formatDateTime(entity.evidenceAt)}`,
                snoozed && lead?.snoozedUntil
                  ? t('entity.snoozedUntil', { date: formatDate(lead.snoozedUntil) })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {lead?.state === 'no_action' && lead.noActionReason ? (
              <Text size="sm">{t('entity.noActionReason', { reason: lead.noActionReason })}</Text>
            ) : null}
          </Stack>
          <Box miw={180} ta="right">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('entity.score')}
            </Text>
            <Text
              fz={40}
              fw={800}
              lh={1.1}
              c={scoreColor(score)}
              data-testid="entity-score"
              aria-label={t('entity.scoreOutOf', { score })}
            >
              {score}
            </Text>
            <Progress value={score} color={scoreColor(score)} size="sm" mt={4} aria-hidden="true" />
            {entity.score ? (
              <Text size="xs" c="dimmed" mt={6}>
                {t('entity.scoredAt', {
                  date: formatDate(entity.score.scoredAt),
                  version: entity.score.modelVersion,
                })}
              </Text>
            ) : null}
          </Box>
        </Group>
        {lead ? (
          <LeadActions entityId={entity.id} lead={lead} staff={staff} onContact={onContact} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('entity.notQueued')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
