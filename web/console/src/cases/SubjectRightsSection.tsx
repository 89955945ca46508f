// The person's rights on a case page: a copy of everything held about them (JSON, or one readable
// HTML page), a legal hold that keeps the case from erasure and retention, and erasure itself,
// confirmed by typing the case's pseudonym. The server decides who may do each (a copy: the owner
// or a supervisor; hold and erasure: supervisors) and refuses an erasure under a hold, saying why;
// the section offers only what the reader's role allows.
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useCurrentSession } from '../auth/session';
import { useStaffNames } from '../outreach/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import {
  caseKeys,
  eraseCase,
  exportUrl,
  fetchHolds,
  liftHold,
  setHold,
  type CaseDetail,
} from './api';
import { useCasesT } from './i18n';

export function SubjectRightsSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const { user, capabilities } = useCurrentSession();
  const c = detail.case;
  const supervisor = capabilities.directWork;
  const mayExport = supervisor || c.ownerId === user.id;
  if (!mayExport && !supervisor) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-rights-title">
      <Title order={2} size="h4" id="case-rights-title" mb="sm">
        {t('rights.title')}
      </Title>
      <Stack gap="md">
        {mayExport ? <ExportLinks caseId={c.id} /> : null}
        {supervisor ? <Holds caseId={c.id} /> : null}
        {supervisor ? <Erase caseId={c.id} pseudonym={c.pseudonym} /> : null}
      </Stack>
    </Paper>
  );
}

function ExportLinks({ caseId }: { caseId: string }) {
  const t = useCasesT();
  const [notes, setNotes] = useState(false);
  return (
    <Stack gap={4}>
      <Text size="sm">{t('rights.exportIntro')}</Text>
      <Group gap="md">
        <Anchor href={exportUrl(caseId, 'html', notes)} download>
          {t('rights.exportHtml')}
        </Anchor>
        <Anchor href={exportUrl(caseId, 'json', notes)} download>
          {t('rights.exportJson')}
        </Anchor>
        <Checkbox
          size="xs"
          label={t('rights.withNotes')}
          checked={notes}
          onChange={(e) => setNotes(e.currentTarget.checked)}
        />
      </Group>
    </Stack>
  );
}

function Holds({ caseId }: { caseId: string }) {
  const t = useCasesT();
  const staff = useStaffNames();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const key = [...caseKeys.detail(caseId), 'holds'] as const;
  const holds = useQuery({ queryKey: key, queryFn: () => fetchHolds(caseId) });
  const refresh = () => void qc.invalidateQueries({ queryKey: key });
  const set = useMutation({
    mutationFn: () => setHold(caseId, reason.trim()),
    onSuccess: () => {
      setReason('');
      refresh();
    },
  });
  const lift = useMutation({ mutationFn: () => liftHold(caseId), onSuccess: refresh });
  const current = holds.data?.find((h) => h.liftedAt === null) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length >= 3) set.mutate();
  };
  return (
    <Stack gap={4} data-testid="legal-hold">
      <ErrorAlert error={holds.error ?? set.error ?? lift.error} />
      {current ? (
        <Group gap="sm" align="flex-start">
          <Text size="sm">
            {t('rights.held', {
              name: staff.nameOf(current.heldBy),
              date: formatDateTime(current.heldAt),
              reason: current.reason,
            })}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            loading={lift.isPending}
            onClick={() => lift.mutate()}
          >
            {t('rights.lift')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submit}>
          <Group gap="sm" align="flex-end">
            <Textarea
              label={t('rights.holdReason')}
              autosize
              minRows={1}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              type="submit"
              variant="light"
              loading={set.isPending}
              disabled={reason.trim().length < 3}
            >
              {t('rights.hold')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function Erase({ caseId, pseudonym }: { caseId: string; pseudonym: string }) {
  const t = useCasesT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const erase = useMutation({
    mutationFn: () => eraseCase(caseId, typed.trim()),
    onSuccess: async () => {
      qc.removeQueries({ queryKey: caseKeys.detail(caseId) });
      await qc.invalidateQueries({ queryKey: caseKeys.all });
      await navigate({ to: '/cases' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim() === pseudonym) erase.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap={4}>
        <Text size="sm">{t('rights.eraseIntro', { pseudonym })}</Text>
        <ErrorAlert error={erase.error} />
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('rights.eraseConfirm')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button
            type="submit"
            color="red"
            loading={erase.isPending}
            disabled={typed.trim() !== pseudonym}
          >
            {t('rights.erase')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
