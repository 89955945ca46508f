// The entity page: who this lead is as far as the ads tell, why it scored what it did, and what
// to do next. A bar that stays in view while the page scrolls holds the lead's alias, its score,
// the Contact action and one link per section; below it a summary (alias, id, state, holder, the
// key facts and the top reasons, the actions), then the sections, each an anchored panel: the
// score explained point by point, movement and features, the graph of ads and identifiers, the
// ads, the identifiers (masked, with an audited reveal), shared templates and similar ads, and the
// history. Those who hold conversations also see the person's threads and write a first message
// from here. Anchored panels rather than tabs: every part stays on the page, so a reason's ad or a
// graph node can be scrolled to, and the browser's find-in-page still finds everything.
import { homePathFor } from '../collect/nav';
import {
  Alert,
  Anchor,
  Button,
  Center,
  EmptyState,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
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
import { formatDateTime, formatDate, languageName, shortId } from '../ui/format';
import { CopyText } from '../ui/CopyText';
import { useTriageT } from '../triage/i18n';
import { scoreColor } from '../triage/LeadTable';
import { useStaff, type Staff } from '../triage/people';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconTriage } from '../ui/icons';
import { AdsSection, adRowId } from './AdsSection';
import { AdViewer } from './AdViewer';
import { ExploitationSummary } from './ExploitationSummary';
import { FeaturesTable } from './FeaturesTable';
import { IdentifiersTable } from './IdentifiersTable';
import { LeadActions } from './LeadActions';
import { LeadHistory } from './LeadHistory';
import { MovementTimeline } from './MovementTimeline';
import { ScoreExplanation, type AdRef } from './ScoreExplanation';
import { Section } from './Section';
import { TemplatesAndSimilar } from './TemplatesAndSimilar';
import { RouterAnchor } from '../ui/RouterAnchor';
import { useReasonText } from '../i18n/reasons';
import { ComposeDialog } from '../outreach/ComposeDialog';
import { canWorkOutreach } from '../outreach/hooks';
import { useOutreachT } from '../outreach/i18n';
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
  const entity = useQuery({
    queryKey: queryKeys.entity(entityId),
    queryFn: () => fetchEntity(entityId),
  });
  usePageTitle(t('entity.title', { id: entity.data?.alias ?? shortId(entityId) }));

  if (entity.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Center py="md">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
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
          {t('entity.merged', { id: entity.alias })}
        </Alert>
      ) : null}
      {showNewEvidence ? (
        <Alert variant="light" color="grape" data-testid="new-evidence-notice">
          {t('entity.newEvidence')}
        </Alert>
      ) : null}

      <LeadBar entity={entity} onContact={lead ? compose : undefined} />
      <EntityHeader entity={entity} staff={staff} onContact={compose} />
      {outreach ? <ContactPanel entityId={entity.id} onCompose={() => setComposing(true)} /> : null}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 7 }} id={SECTION_ANCHORS.why} className="lead-anchor">
          <ScoreExplanation score={entity.score} ads={adRef} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <div id={SECTION_ANCHORS.movement} className="lead-anchor">
              <MovementTimeline movement={entity.movement} />
            </div>
            {/* An entity not yet featured by the linker has none to show. */}
            {entity.features ? <FeaturesTable features={entity.features} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <Section
        title={t('entity.sections.graph')}
        testId="graph"
        id={SECTION_ANCHORS.graph}
        className="lead-anchor"
      >
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

      <div id={SECTION_ANCHORS.ads} className="lead-anchor">
        <AdsSection ads={entity.ads} more={entity.moreAds} adRef={adRef} />
      </div>

      <Grid gap="md" align="flex-start">
        <Grid.Col
          span={{ base: 12, md: 7 }}
          id={SECTION_ANCHORS.identifiers}
          className="lead-anchor"
        >
          <IdentifiersTable identifiers={entity.identifiers} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} id={SECTION_ANCHORS.network} className="lead-anchor">
          <TemplatesAndSimilar templates={entity.templates} similar={entity.similar} ads={adRef} />
        </Grid.Col>
      </Grid>

      {lead ? (
        <div id={SECTION_ANCHORS.history} className="lead-anchor">
          <LeadHistory history={lead.history} staff={staff} />
        </div>
      ) : null}

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

/** The element ids of the page's sections, in page order: the bar links to each. */
const SECTION_ANCHORS = {
  why: 'lead-why',
  movement: 'lead-movement',
  graph: 'lead-graph',
  ads: 'lead-ads',
  identifiers: 'lead-identifiers',
  network: 'lead-templates',
  history: 'lead-history',
} as const;
type SectionKey = keyof typeof SECTION_ANCHORS;

/**
 * Stays in view while the page scrolls: the alias, the score, the Contact action, and a link to
 * each section (one click, or Tab and Enter, from anywhere on the page).
 */
function LeadBar({
  entity,
  onContact,
}: {
  entity: EntityDetail;
  onContact: (() => void) | undefined;
}) {
  const t = useTriageT();
  const to = useOutreachT();
  const lead = entity.lead;
  const score = entity.score?.score ?? lead?.score ?? 0;
  const sections: SectionKey[] = (Object.keys(SECTION_ANCHORS) as SectionKey[]).filter(
    (k) => k !== 'history' || lead !== null,
  );
  return (
    <Paper withBorder radius="md" px="md" py={8} className="lead-bar" data-testid="lead-bar">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Text fw={700} size="sm" truncate="end" data-testid="lead-bar-alias">
              {entity.alias}
            </Text>
            {lead ? <StateBadge state={lead.state} size="sm" /> : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text
              fw={800}
              size="xl"
              c={scoreColor(score)}
              data-testid="entity-score"
              aria-label={t('entity.scoreOutOf', { score })}
            >
              {score}
            </Text>
            {onContact ? (
              <Button color="teal" size="xs" onClick={onContact} data-testid="lead-bar-contact">
                {to('entityPanel.contactAction')}
              </Button>
            ) : null}
          </Group>
        </Group>
        <nav aria-label={t('entity.sectionsNav')} className="lead-sections">
          {sections.map((k) => (
            <a key={k} href={`#${SECTION_ANCHORS[k]}`} className="lead-section-link">
              {t(`entity.nav.${k}`)}
            </a>
          ))}
        </nav>
      </Stack>
    </Paper>
  );
}

/** The lead at a glance: who holds it, where it stands, the key facts and the top reasons. */
function EntityHeader({
  entity,
  staff,
  onContact,
}: {
  entity: EntityDetail;
  staff: Staff;
  /** Also in the bar; here it sits with the other actions on the lead. */
  onContact: (() => void) | undefined;
}) {
  const t = useTriageT();
  const lead = entity.lead;
  const urgent = entity.score?.urgent ?? lead?.urgent ?? false;
  const flags = (entity.score?.flags ?? lead?.flags ?? []).filter((f) => f !== 'urgent');
  const snoozed = lead?.snoozedUntil && new Date(lead.snoozedUntil) > new Date();
  const f = entity.features;
  const lastStop = entity.movement.at(-1);
  const facts: { label: string; value: string }[] = [
    { label: t('entity.facts.ads'), value: String(entity.adCount) },
    ...(lastStop ? [{ label: t('entity.facts.lastPlace'), value: lastStop.name }] : []),
    ...(f && f.languages.length
      ? [
          {
            label: t('entity.facts.languages'),
            value: f.languages.map((l) => languageName(l)).join(', '),
          },
        ]
      : []),
    ...(f?.firstSeen
      ? [
          {
            label: t('entity.facts.seen'),
            value: `${formatDate(f.firstSeen)} – ${f.lastSeen ? formatDate(f.lastSeen) : '…'}`,
          },
        ]
      : []),
  ];
  const top = (entity.score?.reasons ?? []).filter((r) => r.points > 0).slice(0, 3);
  const reasonText = useReasonText();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="entity-header">
      <Stack gap="md">
        <Stack gap={8}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {lead
                ? t('entity.title', { id: entity.alias })
                : t('entity.entityTitle', { id: entity.alias })}
            </Title>
            {urgent ? <UrgentBadge size="lg" /> : null}
            {lead ? <StateBadge state={lead.state} size="md" /> : null}
            <WhoViewedButton kind="entity" id={entity.id} />
          </Group>
          <CopyText value={entity.id} label={t('entity.copyId')} size="xs" c="dimmed">
            {t('entity.idLabel', { id: entity.id })}
          </CopyText>
          <FlagBadges flags={flags} />
          {entity.score ? <ExploitationSummary entity={entity} /> : null}
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
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="lead-facts">
          {facts.map((x) => (
            <Stack key={x.label} gap={0}>
              <Text size="xs" c="dimmed">
                {x.label}
              </Text>
              <Text size="sm" fw={500}>
                {x.value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {top.length > 0 ? (
          <Text size="sm" data-testid="lead-top-reasons">
            <Text span size="sm" c="dimmed">
              {t('entity.topReasons')}:{' '}
            </Text>
            {top.map((r) => `${reasonText(r.labelText, r.label)} (+${r.points})`).join(' · ')}{' '}
            <Anchor href={`#${SECTION_ANCHORS.why}`} size="sm">
              {t('entity.allReasons')}
            </Anchor>
          </Text>
        ) : null}
        {entity.score ? (
          <Text size="xs" c="dimmed">
            {t('entity.scoredAt', {
              date: formatDate(entity.score.scoredAt),
              version: entity.score.modelVersion,
            })}
          </Text>
        ) : null}
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
