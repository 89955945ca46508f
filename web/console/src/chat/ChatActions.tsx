// What an operator does with a chat besides writing: transfer it, end it, block the visitor (each
// asks in a dialog first, ChatDialogs.tsx), and for a supervisor who does not hold it, join it to
// write in it.
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { chatKeys, joinChat, type ChatSummary } from './api';
import { BlockDialog, EndDialog, TransferDialog } from './ChatDialogs';
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
