// The case page's Referrals panel: the case's referrals with each step and each opening by the
// organisation, what to do next (chase an unanswered one, pass a link's code on, revoke), and a
// form to refer: an organisation from the directory's ranked list, then field by field what to
// share — fields outside the person's consent for that organisation cannot be ticked, and say
// why. A secure link's address and code are shown once, right after sending.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { CopyText } from '../ui/CopyText';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../ui/format';
import {
  codePassedOn,
  listCaseReferrals,
  matchPartners,
  newLink,
  recordChase,
  referralKeys,
  revokeReferral,
  sendReferral,
  type CaseDetail,
  type IssuedLink,
  type ShareableField,
  type WorkerReferral,
} from './api';
import { useReferralsT } from './i18n';
import { shareOffer } from './shareable';

const OPEN_STATES = new Set(['sent', 'accepted', 'intake_done', 'in_care']);

export function ReferralsPanel({ detail }: { detail: CaseDetail }) {
  const t = useReferralsT();
  const caseId = detail.case.id;
  const titleId = useId();
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  // The list is an audited read: asked when the panel shows, not refreshed in the background.
  const list = useQuery({
    queryKey: referralKeys.ofCase(caseId),
    queryFn: () => listCaseReferrals(caseId),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const mayRefer = detail.actions.includes('refer');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id={titleId}>
            {t('panel.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('panel.intro')}
          </Text>
        </div>
        {issued ? <IssuedLinkNotice link={issued} onClose={() => setIssued(null)} /> : null}
        {list.isPending ? (
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        ) : list.isError ? (
          <Group>
            <ErrorAlert error={list.error} />
            <Button variant="default" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          </Group>
        ) : list.data.items.length === 0 ? (
          <Text size="sm">{t('panel.empty')}</Text>
        ) : (
          <Stack gap="sm">
            {list.data.items.map((r) => (
              <ReferralItem key={r.id} referral={r} caseId={caseId} onLink={setIssued} />
            ))}
          </Stack>
        )}
        {mayRefer ? <NewReferralForm detail={detail} onLink={setIssued} /> : null}
      </Stack>
    </Paper>
  );
}

function IssuedLinkNotice({ link, onClose }: { link: IssuedLink; onClose: () => void }) {
  const t = useReferralsT();
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('panel.linkTitle')}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      role="status"
    >
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('panel.linkUrl')}
        </Text>
        <CopyText value={link.url} label={t('panel.linkUrl')} />
        <Text size="sm">
          {t('panel.linkIntro')}{' '}
          <strong>{link.codeContact ?? t('panel.codeContactUnknown')}</strong>
        </Text>
        <CopyText value={link.code} label={t('panel.code')} size="lg" fw={700} />
      </Stack>
    </Alert>
  );
}

function ReferralItem({
  referral: r,
  caseId,
  onLink,
}: {
  referral: WorkerReferral;
  caseId: string;
  onLink: (link: IssuedLink) => void;
}) {
  const t = useReferralsT();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: referralKeys.ofCase(caseId) });
  const act = useMutation({
    mutationFn: async (what: 'revoke' | 'chase' | 'code' | 'link') => {
      if (what === 'link') onLink(await newLink(r.id));
      else if (what === 'revoke') await revokeReferral(r.id);
      else if (what === 'chase') await recordChase(r.id);
      else await codePassedOn(r.id);
    },
    onSettled: () => {
      setConfirming(false);
      void refresh();
    },
  });
  const open = OPEN_STATES.has(r.state);
  const fields = r.fields.map((f) => t(`fields.${f}`)).join(', ');
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      component="article"
      aria-label={r.partnerName ?? r.partnerId}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{r.partnerName ?? r.partnerId}</Text>
          <Badge variant="light" color={open ? 'blue' : 'gray'}>
            {t(`states.${r.state}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatDateTime(r.sentAt)} ·{' '}
          {r.channel === 'account' ? t('panel.channelAccount') : t('panel.channelLink')} ·{' '}
          {r.legalBasis === 'consent' ? t('panel.basisConsent') : t('panel.basisDuty')}
        </Text>
        <Text size="sm">{t('panel.sharedFields', { fields })}</Text>
        {r.endCause ? (
          <Text size="sm">{t('panel.ended', { cause: t(`endCause.${r.endCause}`) })}</Text>
        ) : null}
        {r.answerNote ? (
          <Text size="sm">
            <strong>{t('panel.answerNote')}:</strong> {r.answerNote}
          </Text>
        ) : null}
        {r.link && open ? (
          <Text size="sm" c="dimmed">
            {t(`linkStatus.${r.link.status}`, { date: formatDate(r.link.expiresAt) })}
          </Text>
        ) : null}
        {r.reminderDue ? (
          <Alert color="yellow" variant="light" p="xs">
            <Group justify="space-between">
              <Text size="sm">{t('panel.reminderDue')}</Text>
              <Button size="xs" variant="default" onClick={() => act.mutate('chase')}>
                {t('panel.chase')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {r.codeToDeliver ? (
          <Alert color="yellow" variant="light" p="xs">
            <Group justify="space-between">
              <Text size="sm">
                {t('panel.codePending', {
                  contact: r.codeToDeliver.contact ?? t('panel.codeContactUnknown'),
                })}
              </Text>
              <Button size="xs" variant="default" onClick={() => act.mutate('code')}>
                {t('panel.codePassedOn')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {open ? (
          <Group gap="xs">
            {r.channel === 'secure_link' ? (
              <Button size="xs" variant="default" onClick={() => act.mutate('link')}>
                {t('panel.newLink')}
              </Button>
            ) : null}
            {confirming ? (
              <>
                <Text size="sm" role="alert">
                  {t('panel.revokeConfirm')}
                </Text>
                <Button size="xs" color="red" onClick={() => act.mutate('revoke')}>
                  {t('panel.revoke')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                  {t('common.close')}
                </Button>
              </>
            ) : (
              <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
                {t('panel.revoke')}
              </Button>
            )}
          </Group>
        ) : null}
        <ErrorAlert error={act.error} />
        <details>
          <summary>
            <Text span size="sm">
              {t('panel.history')}
            </Text>
          </summary>
          <List size="sm" spacing={2} mt={4} component="ol">
            {r.events.map((e, i) => (
              <List.Item key={i}>
                {formatDateTime(e.at)} — {t(`events.${e.kind}`)} ({e.actorLabel})
              </List.Item>
            ))}
          </List>
        </details>
      </Stack>
    </Paper>
  );
}

function NewReferralForm({
  detail,
  onLink,
}: {
  detail: CaseDetail;
  onLink: (link: IssuedLink) => void;
}) {
  const t = useReferralsT();
  const client = useQueryClient();
  const c = detail.case;
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ShareableField[]>([]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const match = useQuery({
    queryKey: referralKeys.match(c.id),
    queryFn: () =>
      matchPartners({
        needs: c.needs,
        ...(c.placeId ? { placeId: c.placeId } : {}),
        languages: c.languages.filter((l) => /^[a-z]{2}$/.test(l)),
        ...(c.age !== null ? { age: c.age } : {}),
        minor: c.minor,
      }),
    staleTime: 60_000,
  });
  const partner = match.data?.items.find((m) => m.partnerId === partnerId) ?? null;
  const offer = useMemo(
    () =>
      partner ? shareOffer(detail.consent.records, partner.partnerId, partner.kind, c.minor) : null,
    [partner, detail.consent.records, c.minor],
  );
  const send = useMutation({
    mutationFn: () =>
      sendReferral(c.id, {
        partnerId: partnerId!,
        fields: chosen,
        ...(chosen.includes('handoff_note') && note.trim() ? { handoffNote: note.trim() } : {}),
        ...(offer?.basis === 'child_protection_duty' ? { protectionReason: reason.trim() } : {}),
      }),
    onSuccess: (sent) => {
      if (sent.secureLink) onLink(sent.secureLink);
      setPartnerId(null);
      setChosen([]);
      setNote('');
      setReason('');
      void client.invalidateQueries({ queryKey: referralKeys.ofCase(c.id) });
    },
  });
  const choose = (id: string | null) => {
    setPartnerId(id);
    setChosen([]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (partnerId && chosen.length > 0) send.mutate();
  };
  const nothingAllowed = offer !== null && offer.fields.every((f) => !f.allowed);
  return (
    <form onSubmit={submit} aria-label={t('panel.newReferral')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('panel.newReferral')}
        </Title>
        {match.isError ? <ErrorAlert error={match.error} title={t('panel.matchFailed')} /> : null}
        <Select
          label={t('panel.organisation')}
          placeholder={t('panel.organisationPlaceholder')}
          searchable
          data={(match.data?.items ?? []).map((m) => ({
            value: m.partnerId,
            label: m.excluded ? `${m.name} — ${t('panel.excluded')}` : m.name,
          }))}
          value={partnerId}
          onChange={choose}
          disabled={!match.data}
        />
        {offer ? (
          <>
            {offer.basis === 'child_protection_duty' ? (
              <Alert color="orange" variant="light">
                {t('panel.dutyBasis')}
              </Alert>
            ) : nothingAllowed ? (
              <Alert color="gray" variant="light">
                {t('panel.noConsent')}
              </Alert>
            ) : null}
            <Checkbox.Group
              label={t('panel.fieldsLegend')}
              value={chosen}
              onChange={(v) => setChosen(v)}
            >
              <Stack gap={4} mt={4}>
                {offer.fields.map((f) => (
                  <Checkbox
                    key={f.field}
                    value={f.field}
                    disabled={!f.allowed}
                    label={t(`fields.${f.field}`)}
                    description={
                      f.allowed
                        ? undefined
                        : f.why === 'no_consent'
                          ? t('panel.whyNoConsent')
                          : t('panel.whyOutside')
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            {chosen.includes('handoff_note') ? (
              <Textarea
                label={t('panel.note')}
                description={t('panel.noteHint')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={4000}
                autosize
                minRows={3}
                required
              />
            ) : null}
            {offer.basis === 'child_protection_duty' ? (
              <Textarea
                label={t('panel.dutyReason')}
                description={t('panel.dutyReasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
                required
              />
            ) : null}
          </>
        ) : null}
        <ErrorAlert error={send.error} />
        <Group>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!partnerId || chosen.length === 0}
          >
            {t('panel.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
