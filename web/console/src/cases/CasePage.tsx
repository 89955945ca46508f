// One case: who it is about (alias, pseudonym, what is known), its status and the step to the next
// one, the needs, where it came from (with the warning that a lead's number may be the
// controller's), consent, risk, tasks, notes and who viewed it. Opening the page is a recorded,
// audited read; the notes are a read of their own, asked for with a button. The server says which
// actions the reader may take, and the page offers only those.
import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Drawer,
  MultiSelect,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useStaffNames } from '../outreach/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime, shortId } from '../ui/format';
import { Loading } from '../ui/Loading';
import { RouterAnchor } from '../ui/RouterAnchor';
import {
  assignCase,
  CASE_OUTCOMES,
  caseKeys,
  changeStatus,
  EXPLOITATION_TYPES,
  fetchCase,
  fetchViews,
  GENDERS,
  NEEDS,
  updateCaseFacts,
  type CaseDetail,
  type CaseNeed,
  type CaseOutcome,
  type CaseStatus,
  type CaseSummary,
  type ExploitationType,
} from './api';
import { CaseStatusBadge, MinorBadge } from './badges';
import { ReferralsPanel } from '../referrals/ReferralsPanel';
import { ConsentSection } from './ConsentSection';
import { SubjectRightsSection } from './SubjectRightsSection';
import { useCaseChanged } from './hooks';
import { useCasesT } from './i18n';
import { NotesSection, RiskSection, TasksSection } from './WorkSections';

const route = getRouteApi('/cases/$caseId');

export function CasePage() {
  const t = useCasesT();
  const { caseId } = route.useParams();
  const detail = useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => fetchCase(caseId),
    retry: false,
  });
  usePageTitle(detail.data?.case.alias ?? t('list.title'));
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackToList />
        {notFound ? (
          <Alert color="gray" variant="light">
            {t('case.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={detail.error} />
        )}
      </Stack>
    );
  }
  return <CaseView detail={detail.data} />;
}

function BackToList() {
  const t = useCasesT();
  return (
    <RouterAnchor to="/cases" size="sm">
      ← {t('case.back')}
    </RouterAnchor>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const c = detail.case;
  const can = (a: CaseDetail['actions'][number]) => detail.actions.includes(a);
  return (
    <Stack gap="lg" data-testid="case-page" data-case-id={c.id}>
      <BackToList />
      <CaseHeader detail={detail} />
      {c.minor ? (
        <Alert color="red" variant="light" data-testid="minor-alert">
          {t('case.minorAlert')}
        </Alert>
      ) : null}
      {detail.nextStatuses.length ? <StatusSection key={c.status} detail={detail} /> : null}
      {can('assign') || can('transfer') ? <TeamSection detail={detail} /> : null}
      <FactsSection summary={c} editable={can('edit')} />
      <LinksSection detail={detail} />
      <ConsentSection detail={detail} />
      <ReferralsPanel detail={detail} />
      <RiskSection detail={detail} />
      <TasksSection detail={detail} />
      {can('view_notes') ? <NotesSection caseId={c.id} writable={can('write_note')} /> : null}
      <SubjectRightsSection detail={detail} />
    </Stack>
  );
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const staff = useStaffNames();
  const c = detail.case;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2" data-testid="case-alias">
              {c.alias}
            </Title>
            <Text ff="monospace" c="dimmed">
              {c.pseudonym}
            </Text>
            <CaseStatusBadge status={c.status} />
            {c.minor ? <MinorBadge /> : null}
          </Group>
          <Text size="sm" c="dimmed">
            {[
              t('case.owner', { name: staff.nameOf(c.ownerId) }),
              c.assigneeIds.length
                ? t('case.colleagues', { names: c.assigneeIds.map(staff.nameOf).join(', ') })
                : null,
              `${t('case.opened', { date: formatDateTime(c.createdAt) })} ${t(`case.origin.${c.origin}`)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {c.status === 'closed' && c.outcome && c.closedAt ? (
            <Text size="sm">
              {t('case.closedWith', {
                date: formatDateTime(c.closedAt),
                outcome: t(`outcome.${c.outcome}`),
              })}
            </Text>
          ) : null}
        </Stack>
        {detail.actions.includes('view_viewers') ? <WhoViewed caseId={c.id} /> : null}
      </Group>
    </Paper>
  );
}

function StatusSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const c = detail.case;
  const changed = useCaseChanged(c.id);
  const others = detail.nextStatuses;
  const [to, setTo] = useState<CaseStatus>(others[0]!);
  const [outcome, setOutcome] = useState<CaseOutcome>('helped');
  const move = useMutation({
    mutationFn: () => changeStatus(c.id, { status: to, ...(to === 'closed' ? { outcome } : {}) }),
    onSuccess: changed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    move.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-status-title">
      <Title order={2} size="h4" id="case-status-title" mb="sm">
        {t('case.statusTitle')}
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('case.moveTo')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value as CaseStatus)}
            data={others.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {to === 'closed' ? (
            <NativeSelect
              label={t('case.outcomeLabel')}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value as CaseOutcome)}
              data={CASE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            />
          ) : null}
          <Button type="submit" loading={move.isPending}>
            {t('case.move')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={move.error} />
    </Paper>
  );
}

/** Who works the case: the owner (a supervisor hands it on) and the colleagues on it. */
function TeamSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const staff = useStaffNames();
  const c = detail.case;
  const changed = useCaseChanged(c.id);
  const [ownerId, setOwnerId] = useState(c.ownerId);
  const [colleagues, setColleagues] = useState<string[]>(c.assigneeIds);
  const save = useMutation({
    mutationFn: () =>
      assignCase(c.id, {
        ...(detail.actions.includes('transfer') && ownerId !== c.ownerId ? { ownerId } : {}),
        ...(detail.actions.includes('assign') ? { assigneeIds: colleagues } : {}),
      }),
    onSuccess: changed,
  });
  const people = staff.members.map((m) => ({ value: m.id, label: m.displayName }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-team-title">
      <Title order={2} size="h4" id="case-team-title" mb="sm">
        {t('team.title')}
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          {detail.actions.includes('transfer') ? (
            <NativeSelect
              label={t('team.owner')}
              value={ownerId}
              onChange={(e) => setOwnerId(e.currentTarget.value)}
              data={
                people.some((p) => p.value === c.ownerId)
                  ? people
                  : [{ value: c.ownerId, label: staff.nameOf(c.ownerId) }, ...people]
              }
            />
          ) : null}
          {detail.actions.includes('assign') ? (
            <MultiSelect
              label={t('team.colleagues')}
              value={colleagues}
              onChange={setColleagues}
              data={people.filter((p) => p.value !== ownerId)}
              searchable
              miw={260}
            />
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {t('team.save')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={save.error} />
    </Paper>
  );
}

function FactsSection({ summary: c, editable }: { summary: CaseSummary; editable: boolean }) {
  const t = useCasesT();
  const changed = useCaseChanged(c.id);
  const [needs, setNeeds] = useState<string[]>(c.needs);
  const [age, setAge] = useState<number | ''>(c.age ?? '');
  const [gender, setGender] = useState(c.gender ?? '');
  const [languages, setLanguages] = useState(c.languages.join(', '));
  const [place, setPlace] = useState(c.placeName ?? '');
  const [minor, setMinor] = useState(c.minor);
  const [exploitation, setExploitation] = useState<string[]>(c.exploitationTypes);
  const [nationality, setNationality] = useState(c.nationality ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateCaseFacts(c.id, {
        needs: needs as CaseNeed[],
        age: age === '' ? null : age,
        gender: gender === '' ? null : (gender as (typeof GENDERS)[number]),
        languages: languages
          .split(',')
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean),
        placeName: place.trim() || null,
        exploitationTypes: exploitation as ExploitationType[],
        nationality: nationality.trim().toUpperCase() || null,
        ...(minor !== c.minor ? { minor } : {}),
      }),
    onSuccess: changed,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-facts-title">
      <Title order={2} size="h4" id="case-facts-title" mb="sm">
        {t('case.facts')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Chip.Group multiple value={needs} onChange={editable ? setNeeds : undefined}>
            <Group gap="xs" role="group" aria-label={t('case.needs')}>
              {NEEDS.map((n) => (
                <Chip key={n} value={n} size="sm" disabled={!editable}>
                  {t(`need.${n}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Group gap="sm" align="flex-end">
            <NumberInput
              label={t('case.age')}
              value={age}
              min={0}
              max={120}
              onChange={(v) => setAge(typeof v === 'number' ? v : '')}
              disabled={!editable}
              w={100}
            />
            <NativeSelect
              label={t('case.gender')}
              value={gender}
              onChange={(e) => setGender(e.currentTarget.value)}
              data={[
                { value: '', label: t('common.none') },
                ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })),
              ]}
              disabled={!editable}
            />
            <TextInput
              label={t('case.languages')}
              value={languages}
              onChange={(e) => setLanguages(e.currentTarget.value)}
              disabled={!editable}
            />
            <TextInput
              label={t('case.place')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              disabled={!editable}
            />
            <TextInput
              label={t('case.nationality')}
              description={t('case.nationalityHint')}
              value={nationality}
              onChange={(e) => setNationality(e.currentTarget.value)}
              disabled={!editable}
              maxLength={2}
              w={120}
            />
          </Group>
          <Chip.Group
            multiple
            value={exploitation}
            onChange={editable ? setExploitation : undefined}
          >
            <Group gap="xs" role="group" aria-label={t('case.exploitation')}>
              {EXPLOITATION_TYPES.map((x) => (
                <Chip key={x} value={x} size="sm" disabled={!editable}>
                  {t(`exploitation.${x}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Checkbox
            label={t('case.isMinor')}
            checked={minor}
            onChange={(e) => setMinor(e.currentTarget.checked)}
            disabled={!editable}
          />
          {editable ? (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('case.saveFacts')}
              </Button>
              {save.isSuccess ? (
                <Text size="sm" c="green.8" role="status">
                  {t('case.saved')}
                </Text>
              ) : null}
            </Group>
          ) : null}
          <ErrorAlert error={save.error} />
        </Stack>
      </form>
    </Paper>
  );
}

function LinksSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const none = detail.conversations.length === 0 && detail.entities.length === 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-links-title">
      <Title order={2} size="h4" id="case-links-title" mb="sm">
        {t('case.links')}
      </Title>
      {none ? (
        <Text size="sm" c="dimmed">
          {t('case.noLinks')}
        </Text>
      ) : (
        <Stack gap="xs">
          {detail.conversations.map((c) => (
            <RouterAnchor
              key={c.conversationId}
              to="/inbox/$conversationId"
              params={{ conversationId: c.conversationId }}
              search={{}}
              size="sm"
            >
              {t('case.conversation', { id: shortId(c.conversationId), status: c.status })}
            </RouterAnchor>
          ))}
          {detail.entities.length ? (
            <>
              <Alert color="orange" variant="light" data-testid="controller-warning">
                {t('case.controllerWarning')}
              </Alert>
              {detail.entities.map((e) => (
                <RouterAnchor
                  key={e.entityId}
                  to="/entities/$entityId"
                  params={{ entityId: e.entityId }}
                  size="sm"
                >
                  {t('case.entity', { id: e.alias ?? shortId(e.entityId) })}
                </RouterAnchor>
              ))}
            </>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function WhoViewed({ caseId }: { caseId: string }) {
  const t = useCasesT();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)} data-testid="case-views">
        {t('views.button')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        title={t('views.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <ViewsList caseId={caseId} /> : null}
      </Drawer>
    </>
  );
}

function ViewsList({ caseId }: { caseId: string }) {
  const t = useCasesT();
  const views = useQuery({ queryKey: caseKeys.views(caseId), queryFn: () => fetchViews(caseId) });
  if (views.isPending) return <Loading />;
  if (views.isError) return <ErrorAlert error={views.error} />;
  if (views.data.length === 0) return <Text size="sm">{t('views.none')}</Text>;
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {views.data.map((v, i) => (
        <li key={`${v.viewedAt}-${i}`}>
          <Text size="sm">
            <strong>{v.userLabel}</strong> {t(`views.${v.part}`)} · {formatDateTime(v.viewedAt)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
