// A partner user's inbox: the referrals to their organisation (when, in which state — nothing
// shared in the list), one opened beside it (an audited read the referring worker sees in the
// case history), with the answer or the next outcome to report. A revoked referral shows only
// that it was revoked.
import {
  Alert,
  Button,
  EmptyState,
  Grid,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { IconPartners } from '../ui/icons';
import {
  answerReferral,
  listPartnerReferrals,
  openPartnerReferral,
  referralKeys,
  type PartnerReferral,
  type ReferralState,
} from './api';
import { useReferralsT } from './i18n';
import { SHAREABLE_FIELDS } from './shareable';

export function PartnerInboxPage() {
  const t = useReferralsT();
  const { user } = useCurrentSession();
  usePageTitle(t('inbox.title'));
  if (user.role !== 'partner') {
    return (
      <Paper withBorder radius="md" py={56} px="xl">
        <EmptyState
          icon={<IconPartners size={28} />}
          withIndicatorBackground
          title={t('inbox.notForRole')}
          description={t('inbox.notForRoleDescription')}
        />
      </Paper>
    );
  }
  return <Inbox />;
}

function Inbox() {
  const t = useReferralsT();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ queryKey: referralKeys.inbox, queryFn: listPartnerReferrals });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720} mt={4}>
          {t('inbox.intro')}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md">
            {list.isPending ? (
              <Text p="md">{t('common.loading')}</Text>
            ) : list.isError ? (
              <Stack p="md" align="flex-start">
                <ErrorAlert error={list.error} />
                <Button variant="default" onClick={() => void list.refetch()}>
                  {t('common.retry')}
                </Button>
              </Stack>
            ) : list.data.items.length === 0 ? (
              <EmptyState
                py={40}
                icon={<IconPartners size={28} />}
                withIndicatorBackground
                title={t('inbox.empty')}
                description={t('inbox.emptyDescription')}
              />
            ) : (
              <Table aria-label={t('inbox.tableLabel')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('inbox.sentAt')}</Table.Th>
                    <Table.Th>{t('inbox.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id} aria-selected={r.id === openId}>
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => setOpenId(r.id)}
                          aria-label={`${t('inbox.open')}: ${formatDateTime(r.sentAt)}`}
                        >
                          {formatDateTime(r.sentAt)}
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>{t(`states.${r.state}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {openId ? (
            <OpenedReferral key={openId} id={openId} />
          ) : (
            <Text c="dimmed">{t('inbox.noneChosen')}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function OpenedReferral({ id }: { id: string }) {
  const t = useReferralsT();
  // Each opening is recorded: asked once when chosen, not refreshed in the background.
  const opened = useQuery({
    queryKey: referralKeys.opened(id),
    queryFn: () => openPartnerReferral(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (opened.isPending) return <Text>{t('common.loading')}</Text>;
  if (opened.isError) return <ErrorAlert error={opened.error} />;
  const r = opened.data;
  if (r.state === 'revoked' || r.state === 'expired') {
    return (
      <Alert color="gray" variant="light" role="status">
        {t('inbox.revoked')}
      </Alert>
    );
  }
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby="opened-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="opened-title">
          {t(`states.${r.state}`)} · {formatDateTime(r.sentAt)}
        </Title>
        {r.shared ? <SharedFields referral={r} /> : <Text>{t('inbox.closed')}</Text>}
        {r.answerNote ? <Text size="sm">{r.answerNote}</Text> : null}
        {r.next.length > 0 ? <AnswerForm referral={r} /> : null}
      </Stack>
    </Paper>
  );
}

function SharedFields({ referral: r }: { referral: PartnerReferral }) {
  const t = useReferralsT();
  const shown = (v: string | number | string[] | null | undefined) =>
    v === null || v === undefined || (Array.isArray(v) && v.length === 0)
      ? t('inbox.unknown')
      : Array.isArray(v)
        ? v.join(', ')
        : String(v);
  return (
    <section aria-label={t('inbox.shared')}>
      <Title order={3} size="h5">
        {t('inbox.shared')}
      </Title>
      <dl className="referral-fields">
        {SHAREABLE_FIELDS.filter((f) => r.fields.includes(f)).map((f) => (
          <div key={f}>
            <dt>{t(`fields.${f}`)}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{shown(r.shared?.[f])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function AnswerForm({ referral: r }: { referral: PartnerReferral }) {
  const t = useReferralsT();
  const client = useQueryClient();
  const [step, setStep] = useState<ReferralState | null>(r.next[0] ?? null);
  const [note, setNote] = useState('');
  const answer = useMutation({
    mutationFn: () => answerReferral(r.id, step!, note),
    onSuccess: (next) => {
      client.setQueryData(referralKeys.opened(r.id), next);
      void client.invalidateQueries({ queryKey: referralKeys.inbox });
      setNote('');
      setStep(next.next[0] ?? null);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step) answer.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={r.state === 'sent' ? t('inbox.answer') : t('inbox.report')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {r.state === 'sent' ? t('inbox.answer') : t('inbox.report')}
        </Title>
        <Select
          label={t('inbox.step')}
          data={r.next.map((s) => ({ value: s, label: t(`steps.${s}`) }))}
          value={step}
          onChange={(v) => setStep(v)}
          allowDeselect={false}
        />
        <Textarea
          label={t('inbox.note')}
          description={t('inbox.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          required={step === 'declined'}
        />
        <ErrorAlert error={answer.error} />
        <div>
          <Button type="submit" loading={answer.isPending} disabled={!step}>
            {t('inbox.send')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
