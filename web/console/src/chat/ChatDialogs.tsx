// The dialogs behind a chat's actions: hand it to a colleague who works the chat line (those on
// duty first, with how many chats each holds of the cap; at the cap they cannot be chosen), end it
// with a reason, block the visitor with a reason category. The server decides; a refusal is shown
// in the dialog with its reason and nothing is lost.
import { Alert, Button, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  BLOCK_REASONS,
  blockVisitor,
  chatKeys,
  END_REASONS,
  endChat,
  listColleagues,
  transferChat,
  type BlockReason,
  type EndReason,
} from './api';
import { useChatT } from './i18n';

export interface DialogProps {
  chatId: string;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function TransferDialog({ chatId, opened, onClose, onDone }: DialogProps) {
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

export function EndDialog({ chatId, opened, onClose, onDone }: DialogProps) {
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

export function BlockDialog({ chatId, opened, onClose, onDone }: DialogProps) {
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
