// A case's consent: what the person agreed to, each record with its evidence (their own message,
// or the note of a call), its state now, and the forms to record a consent and to record its
// withdrawal. The server refuses what a consent may not say (a share without its organisation or
// fields, a message we sent as "evidence"); the form only helps to get it right the first time.
// The organisation is chosen by name from the partner directory, and shown by name.
import {
  Alert,
  Blockquote,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fetchConversation, outreachKeys } from '../outreach/api';
import { listPartners, partnerKeys } from '../partners/api';
import { useStaffNames } from '../outreach/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime, shortId } from '../ui/format';
import {
  CONSENT_SCOPES,
  CONSENT_SOURCES,
  recordConsent,
  SHAREABLE_FIELDS,
  withdrawConsent,
  type CaseDetail,
  type ConsentScope,
  type ConsentSource,
  type ConsentView,
  type ShareableField,
} from './api';
import { ConsentStateBadge } from './badges';
import { useCaseChanged } from './hooks';
import { useCasesT } from './i18n';

/** A datetime-local input's value for an instant, in local time. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const isMessageSource = (s: ConsentSource) => s === 'message' || s === 'chat';

export function ConsentSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const { consent } = detail;
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);
  const canWithdraw = detail.actions.includes('withdraw_consent');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-consent-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="case-consent-title">
          {t('consent.title')}
        </Title>
        {detail.actions.includes('record_consent') ? (
          <Button size="xs" onClick={() => setRecording(true)} data-testid="record-consent">
            {t('consent.record')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('consent.intro')}
      </Text>
      <Group gap="md" mb="sm">
        <Text size="sm" fw={500}>
          {consent.mayContactAgain ? t('consent.mayContactAgain') : t('consent.mayNotContactAgain')}
        </Text>
        <Text size="sm" fw={500}>
          {consent.mayKeepData ? t('consent.mayKeepData') : t('consent.mayNotKeepData')}
        </Text>
      </Group>
      {consent.records.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('consent.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {consent.records.map((r) => (
            <ConsentRecord
              key={r.id}
              record={r}
              onWithdraw={
                canWithdraw && (r.state === 'current' || r.state === 'not_yet')
                  ? () => setWithdrawing(r)
                  : null
              }
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('consent.recordTitle')}
        size="lg"
      >
        {recording ? (
          <RecordConsentForm detail={detail} onDone={() => setRecording(false)} />
        ) : null}
      </Modal>
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('consent.withdrawTitle')}
      >
        {withdrawing ? (
          <WithdrawForm detail={detail} record={withdrawing} onDone={() => setWithdrawing(null)} />
        ) : null}
      </Modal>
    </Paper>
  );
}

function ConsentRecord({
  record: r,
  onWithdraw,
}: {
  record: ConsentView;
  onWithdraw: (() => void) | null;
}) {
  const t = useCasesT();
  const staff = useStaffNames();
  const names = useDirectoryNames();
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="consent-record" data-scope={r.scope}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t(`scope.${r.scope}`)}
            </Text>
            <ConsentStateBadge state={r.state} />
          </Group>
          {r.organisationId ? (
            <Text size="sm">
              {t('consent.organisation', {
                id: names.get(r.organisationId) ?? shortId(r.organisationId),
              })}
            </Text>
          ) : null}
          {r.fields.length ? (
            <Text size="sm">
              {t('consent.fields', { fields: r.fields.map((f) => t(`field.${f}`)).join(', ') })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {[
              t('consent.given', { date: formatDateTime(r.givenAt) }),
              r.expiresAt ? t('consent.expires', { date: formatDateTime(r.expiresAt) }) : null,
              t('consent.recordedBy', { name: staff.nameOf(r.recordedBy) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Evidence evidence={r.evidence} />
          {r.withdrawnAt ? (
            <>
              <Text size="sm" c="red.8">
                {t('consent.withdrawnAt', {
                  date: formatDateTime(r.withdrawnAt),
                  name: staff.nameOf(r.withdrawnBy),
                })}
              </Text>
              {r.withdrawal ? <Evidence evidence={r.withdrawal} /> : null}
            </>
          ) : null}
        </Stack>
        {onWithdraw ? (
          <Button size="xs" variant="light" color="red" onClick={onWithdraw}>
            {t('consent.withdraw')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

function Evidence({ evidence }: { evidence: ConsentView['evidence'] }) {
  const t = useCasesT();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('consent.evidence')}: {t(`source.${evidence.source}`)}
        {evidence.messageAt ? ` · ${formatDateTime(evidence.messageAt)}` : ''}
      </Text>
      {evidence.messageText ? (
        <Blockquote p="xs" fz="sm">
          {evidence.messageText}
        </Blockquote>
      ) : null}
      {evidence.note ? <Text size="sm">{evidence.note}</Text> : null}
    </Stack>
  );
}

/** The person's own messages in the case's threads, to point at as evidence. */
function usePersonMessages(detail: CaseDetail, enabled: boolean) {
  const first = detail.conversations[0]?.conversationId ?? null;
  const q = useQuery({
    queryKey: outreachKeys.conversation(first ?? ''),
    queryFn: () => fetchConversation(first!),
    enabled: enabled && first !== null,
  });
  return (q.data?.messages ?? []).filter((m) => m.direction === 'in');
}

function EvidenceFields({
  detail,
  source,
  setSource,
  messageId,
  setMessageId,
  note,
  setNote,
}: {
  detail: CaseDetail;
  source: ConsentSource;
  setSource: (s: ConsentSource) => void;
  messageId: string;
  setMessageId: (id: string) => void;
  note: string;
  setNote: (n: string) => void;
}) {
  const t = useCasesT();
  const messages = usePersonMessages(detail, isMessageSource(source));
  return (
    <>
      <NativeSelect
        label={t('consent.source')}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value as ConsentSource)}
        data={CONSENT_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
      />
      {isMessageSource(source) ? (
        <NativeSelect
          label={t('consent.message')}
          value={messageId}
          onChange={(e) => setMessageId(e.currentTarget.value)}
          data={[
            { value: '', label: t('consent.pickMessage') },
            ...messages.map((m) => ({
              value: m.id,
              label: `${formatDateTime(m.createdAt)} — ${m.body.slice(0, 80)}`,
            })),
          ]}
        />
      ) : null}
      <Textarea
        label={t('consent.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        required={!isMessageSource(source)}
      />
    </>
  );
}

function RecordConsentForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const t = useCasesT();
  const changed = useCaseChanged(detail.case.id);
  const [scope, setScope] = useState<ConsentScope>('share_with_org');
  const [organisationId, setOrganisationId] = useState('');
  const directory = useDirectory();
  const [fields, setFields] = useState<ShareableField[]>([]);
  const [givenAt, setGivenAt] = useState(localInput(new Date()));
  const [expiresAt, setExpiresAt] = useState('');
  const [source, setSource] = useState<ConsentSource>(
    detail.conversations.length ? 'message' : 'call_note',
  );
  const [messageId, setMessageId] = useState('');
  const [note, setNote] = useState('');
  // A no to being contacted again or to keeping data is recorded like a yes: the system acts on it.
  const [declined, setDeclined] = useState(false);
  const share = scope === 'share_with_org';
  const saysNo = declined && !share;
  const save = useMutation({
    mutationFn: () =>
      recordConsent(detail.case.id, {
        scope,
        ...(share ? { organisationId: organisationId.trim(), fields } : { fields: [] }),
        givenAt: new Date(givenAt).toISOString(),
        ...(expiresAt && !saysNo ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
        ...(saysNo ? { declined: true } : {}),
        source,
        ...(isMessageSource(source) && messageId ? { evidenceMessageId: messageId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await changed();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect
          label={t('consent.scope')}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value as ConsentScope)}
          data={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
        />
        {share ? (
          <>
            <Select
              label={t('consent.organisationId')}
              placeholder={t('consent.pickOrganisation')}
              searchable
              data={(directory.data ?? [])
                .filter((p) => p.active)
                .map((p) => ({ value: p.id, label: p.name }))}
              value={organisationId || null}
              onChange={(v) => setOrganisationId(v ?? '')}
              nothingFoundMessage={t('consent.noOrganisation')}
              required
            />
            <Checkbox.Group
              label={t('consent.fieldsLabel')}
              value={fields}
              onChange={(v) => setFields(v)}
            >
              <Group gap="sm" mt={4}>
                {SHAREABLE_FIELDS.map((f) => (
                  <Checkbox key={f} value={f} label={t(`field.${f}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </>
        ) : (
          <Checkbox
            label={t('consent.declined')}
            description={t('consent.declinedHint')}
            checked={declined}
            onChange={(e) => setDeclined(e.currentTarget.checked)}
            data-testid="consent-declined"
          />
        )}
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('consent.givenAt')}
            value={givenAt}
            onChange={(e) => setGivenAt(e.currentTarget.value)}
            required
          />
          {saysNo ? null : (
            <TextInput
              type="datetime-local"
              label={t('consent.expiresAt')}
              value={expiresAt}
              onChange={(e) => setExpiresAt(e.currentTarget.value)}
            />
          )}
        </Group>
        <EvidenceFields
          detail={detail}
          source={source}
          setSource={setSource}
          messageId={messageId}
          setMessageId={setMessageId}
          note={note}
          setNote={setNote}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('consent.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawForm({
  detail,
  record,
  onDone,
}: {
  detail: CaseDetail;
  record: ConsentView;
  onDone: () => void;
}) {
  const t = useCasesT();
  const changed = useCaseChanged(detail.case.id);
  const [source, setSource] = useState<ConsentSource>('call_note');
  const [messageId, setMessageId] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      withdrawConsent(detail.case.id, record.id, {
        source,
        ...(isMessageSource(source) && messageId ? { evidenceMessageId: messageId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await changed();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Alert color="red" variant="light">
          {t('consent.withdrawIntro')}
        </Alert>
        <Text size="sm" fw={600}>
          {t(`scope.${record.scope}`)}
        </Text>
        <EvidenceFields
          detail={detail}
          source={source}
          setSource={setSource}
          messageId={messageId}
          setMessageId={setMessageId}
          note={note}
          setNote={setNote}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            {t('consent.confirmWithdraw')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The directory, for naming the organisation a consent names (its active ones to choose from). */
function useDirectory() {
  return useQuery({
    queryKey: partnerKeys.list({}),
    queryFn: () => listPartners({}),
    staleTime: 60_000,
  });
}

function useDirectoryNames(): Map<string, string> {
  const directory = useDirectory();
  return new Map((directory.data ?? []).map((p) => [p.id, p.name]));
}
