// "Save this search": keeps the queue's current filters under a name; new leads that match them
// raise the alert badge in the header.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { queryKeys, saveLeadSearch, type LeadFilters } from '../triage/api';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';

export function SaveSearchButton({
  filters,
  onSaved,
}: {
  filters: LeadFilters;
  onSaved?: (name: string) => void;
}) {
  const t = useTriageT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);

  const save = useMutation({
    mutationFn: (n: string) => saveLeadSearch(n, filters),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: queryKeys.savedSearches });
      onSaved?.(s.name);
      setOpen(false);
      setName('');
    },
  });

  const close = () => {
    setOpen(false);
    setMissing(false);
    save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setMissing(true);
      return;
    }
    save.mutate(n);
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('searches.save')}
      </Button>
      <Modal opened={open} onClose={close} title={t('searches.saveTitle')}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('searches.saveIntro')}
            </Text>
            <TextInput
              label={t('searches.name')}
              placeholder={t('searches.namePlaceholder')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('searches.nameRequired') : undefined}
              maxLength={120}
              required
              data-autofocus
            />
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('searches.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
