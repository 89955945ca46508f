// Shows one identifier in the clear. Every reveal is written to the audit log under the user's
// name (with the reason, if given), so the button says so before and after. The value stays in
// this page's memory only; leaving the page forgets it.
import { Button, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useCollectT } from '../collect/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { revealIdentifier, type Revealed } from './api';

export function RevealButton({
  identifierId,
  label,
  onRevealed,
}: {
  identifierId: string;
  /** What is revealed, for the button's accessible name ("Reveal phone number ••••78"). */
  label: string;
  onRevealed: (r: Revealed) => void;
}) {
  const t = useCollectT();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const reveal = useMutation({
    mutationFn: () => revealIdentifier(identifierId, reason.trim() || undefined),
    onSuccess: (r) => {
      setOpened(false);
      setReason('');
      onRevealed(r);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reveal.mutate();
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={320}
      position="bottom-end"
      withArrow
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color="violet"
          onClick={() => setOpened((o) => !o)}
          aria-label={t('reveal.buttonFor', { what: label })}
        >
          {t('reveal.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Text size="sm">{t('reveal.intro')}</Text>
            <TextInput
              size="xs"
              label={t('reveal.reason')}
              placeholder={t('reveal.reasonPlaceholder')}
              value={reason}
              maxLength={300}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <ErrorAlert error={reveal.error} />
            <Button type="submit" size="xs" color="violet" loading={reveal.isPending}>
              {t('reveal.confirm')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
