// "Open case" on a chat, in one step: the operator says where in the chat the person gave their
// consent (one of the person's own messages, or none yet) and what they agreed to; the server
// carries the transcript as the case's thread, records the consent with that message as its
// evidence and answers the new case, which opens. A chat that has a case offers "Go to case"
// instead, and if a colleague opened one meanwhile, the refusal names it and the console goes there.
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useCurrentSession } from '../auth/session';
import { caseKeys } from '../cases/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { chatKeys, openCaseFromChat, type ChatMessage, type Transcript } from './api';
import { useChatT } from './i18n';

const SCOPES = ['keep_data', 'contact_again'] as const;
type Scope = (typeof SCOPES)[number];

export function OpenCaseFromChat({ transcript }: { transcript: Transcript }) {
  const t = useChatT();
  const { capabilities } = useCurrentSession();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const go = (caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } });
  if (!capabilities.workCases) return null;
  if (transcript.caseId) {
    const caseId = transcript.caseId;
    return (
      <Button size="xs" variant="light" onClick={() => go(caseId)} data-testid="chat-go-to-case">
        {t('openCase.goTo')}
      </Button>
    );
  }
  return (
    <>
      <Button size="xs" onClick={() => setOpened(true)} data-testid="chat-open-case">
        {t('openCase.button')}
      </Button>
      {opened ? (
        <OpenCaseDialog transcript={transcript} onClose={() => setOpened(false)} onOpened={go} />
      ) : null}
    </>
  );
}

function OpenCaseDialog({
  transcript,
  onClose,
  onOpened,
}: {
  transcript: Transcript;
  onClose: () => void;
  onOpened: (caseId: string) => void;
}) {
  const t = useChatT();
  const qc = useQueryClient();
  const chatId = transcript.chat.id;
  const theirs = transcript.messages.filter((m) => m.from === 'visitor');
  const [evidence, setEvidence] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const open = useMutation({
    mutationFn: () =>
      openCaseFromChat(
        chatId,
        evidence
          ? { evidenceSeq: Number(evidence), consents: scopes.map((scope) => ({ scope })) }
          : {},
      ),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      void qc.invalidateQueries({ queryKey: chatKeys.transcript(chatId) });
      onOpened(c.caseId);
    },
    onError: (err) => {
      const caseId = err instanceof ApiError ? err.details.caseId : undefined;
      if (typeof caseId === 'string') onOpened(caseId);
    },
  });
  // With a message chosen, at least one thing agreed to: a message agreeing to nothing is none.
  const ready = evidence === '' || scopes.length > 0;
  return (
    <Modal opened onClose={onClose} title={t('openCase.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('openCase.intro')}</Text>
        {theirs.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('openCase.noVisitorMessages')}
          </Alert>
        ) : (
          <Radio.Group
            label={t('openCase.where')}
            value={evidence}
            onChange={setEvidence}
            data-testid="open-case-evidence"
          >
            <Stack gap={6} mt={6}>
              <Radio value="" label={t('openCase.noneYet')} />
              {theirs.map((m) => (
                <Radio key={m.seq} value={String(m.seq)} label={<EvidenceLabel message={m} />} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {evidence ? (
          <Checkbox.Group
            label={t('openCase.what')}
            value={scopes}
            onChange={(v) => setScopes(v)}
            data-testid="open-case-scopes"
          >
            <Stack gap={6} mt={6}>
              {SCOPES.map((s) => (
                <Checkbox key={s} value={s} label={t(`openCase.scopes.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {!ready ? (
          <Text size="xs" c="dimmed">
            {t('openCase.pickScope')}
          </Text>
        ) : null}
        {open.error && !(open.error instanceof ApiError && open.error.details.caseId) ? (
          <ErrorAlert error={open.error} onClose={() => open.reset()} />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('openCase.cancel')}
          </Button>
          <Button
            onClick={() => open.mutate()}
            loading={open.isPending}
            disabled={!ready}
            data-testid="open-case-submit"
          >
            {t('openCase.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EvidenceLabel({ message }: { message: ChatMessage }) {
  return (
    <Stack gap={0}>
      <Text size="sm" lineClamp={3}>
        {message.body}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(message.at)}
      </Text>
    </Stack>
  );
}
