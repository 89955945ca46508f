// What an operator does with a chat besides writing: hand it to a colleague who works the chat
// line (those on duty first, with how many chats each holds of the cap), end it with a reason,
// block an abusive visitor (with a reason category), and for a supervisor who does not hold it,
// join it to write. Each asks in a dialog first; the server decides and says why when it refuses.
import { Alert, Button, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  BLOCK_REASONS,
  blockVisitor,
  chatKeys,
  END_REASONS,
  endChat,
  joinChat,
  listColleagues,
  transferChat,
  type BlockReason,
  type ChatSummary,
  type EndReason,
} from './api';
import { useChatT } from './i18n';

type Dialog = 'transfer' | 'end' | 'block' | null;

export function ChatActions({
  chat,
  holder,
  joined,
  onJoined,
}: {
  chat: ChatSummary;
  holder: boolean;
  joined: boolean;
  onJoined: () => void;
}) {
  const t = useChatT();
  const qc = useQueryClient();
  const { capabilities } = useCurrentSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const supervisor = capabilities.superviseChat;
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: chatKeys.transcript(chat.id) });
    void qc.invalidateQueries({ queryKey: chatKeys.mine });
    void qc.invalidateQueries({ queryKey: chatKeys.queue });
    void qc.invalidateQueries({ queryKey: chatKeys.running });
  };
  const join = useMutation({
    mutationFn: () => joinChat(chat.id),
    onSuccess: () => onJoined(),
  });
  if (chat.state === 'ended') return null;
  const mayAct = holder || supervisor;
  return (
    <Stack gap={6} align="flex-end">
      <Group gap="xs" justify="flex-end">
        {supervisor && !holder && chat.state === 'active' && !joined ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => join.mutate()}
            loading={join.isPending}
          >
            {t('actions.join')}
          </Button>
        ) : null}
        {mayAct && chat.state === 'active' ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => setDialog('transfer')}
            data-testid="chat-transfer"
          >
            {t('actions.transfer')}
          </Button>
        ) : null}
        {mayAct ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => setDialog('end')}
            data-testid="chat-end"
          >
            {t('actions.end')}
          </Button>
        ) : null}
        {mayAct ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => setDialog('block')}
            data-testid="chat-block"
          >
            {t('actions.block')}
          </Button>
        ) : null}
      </Group>
      {join.error ? <ErrorAlert error={join.error} onClose={() => join.reset()} /> : null}
      <TransferDialog
        chatId={chat.id}
        opened={dialog === 'transfer'}
        onClose={() => setDialog(null)}
        onDone={refresh}
      />
      <EndDialog
        chatId={chat.id}
        opened={dialog === 'end'}
        onClose={() => setDialog(null)}
        onDone={refresh}
      />
      <BlockDialog
        chatId={chat.id}
        opened={dialog === 'block'}
        onClose={() => setDialog(null)}
        onDone={refresh}
      />
    </Stack>
  );
}

interface DialogProps {
  chatId: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

function TransferDialog({ chatId, opened, onClose, onDone }: DialogProps) {
  const t = useChatT();
  const [to, setTo] = useState('');
  const colleagues = useQuery({
    queryKey: chatKeys.colleagues,
    queryFn: listColleagues,
    enabled: opened,
    staleTime: 0,
  });
  const transfer = useMutation({
    mutationFn: () => transferChat(chatId, to),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  const cap = colleagues.data?.cap ?? 0;
  const items = colleagues.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('transfer.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('transfer.intro')}</Text>
        {colleagues.isError ? <ErrorAlert error={colleagues.error} /> : null}
        {colleagues.isSuccess && items.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('transfer.nobody')}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('transfer.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          disabled={!colleagues.isSuccess || items.length === 0}
          data={[
            { value: '', label: t('transfer.choose') },
            ...items.map((c) => ({
              value: c.id,
              disabled: c.holding >= cap,
              label: t('transfer.option', {
                name: c.displayName,
                duty: c.onDuty ? t('transfer.onDuty') : t('transfer.offDuty'),
                holding: c.holding,
                cap,
              }),
            })),
          ]}
          data-testid="transfer-to"
        />
        {transfer.error ? (
          <ErrorAlert error={transfer.error} onClose={() => transfer.reset()} />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => transfer.mutate()} disabled={!to} loading={transfer.isPending}>
            {t('transfer.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EndDialog({ chatId, opened, onClose, onDone }: DialogProps) {
  const t = useChatT();
  const [reason, setReason] = useState<EndReason | ''>('');
  const end = useMutation({
    mutationFn: (r: EndReason) => endChat(chatId, r),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('end.title')}>
      <Stack gap="sm">
        <Radio.Group
          label={t('end.reason')}
          value={reason}
          onChange={(v) => setReason(v)}
          data-testid="end-reason"
        >
          <Stack gap={6} mt={6}>
            {END_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`endReasons.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {end.error ? <ErrorAlert error={end.error} onClose={() => end.reset()} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => reason && end.mutate(reason)}
            disabled={!reason}
            loading={end.isPending}
            data-testid="end-confirm"
          >
            {t('end.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function BlockDialog({ chatId, opened, onClose, onDone }: DialogProps) {
  const t = useChatT();
  const [reason, setReason] = useState<BlockReason | ''>('');
  const block = useMutation({
    mutationFn: (r: BlockReason) => blockVisitor(chatId, r),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('block.title')}>
      <Stack gap="sm">
        <Alert color="red" variant="light">
          {t('block.warning')}
        </Alert>
        <NativeSelect
          label={t('block.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as BlockReason | '')}
          data={[
            { value: '', label: t('block.choose') },
            ...BLOCK_REASONS.map((r) => ({ value: r, label: t(`blockReasons.${r}`) })),
          ]}
          data-testid="block-reason"
        />
        {block.error ? <ErrorAlert error={block.error} onClose={() => block.reset()} /> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => reason && block.mutate(reason)}
            disabled={!reason}
            loading={block.isPending}
            data-testid="block-confirm"
          >
            {t('block.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
