// robots.txt for one source: whether the definition respects it, and the admin's override — to
// crawl a site against its robots.txt takes a written reason (10 characters at least, kept with
// the source and in the audit log). Only an admin can set or lift it; others see the state.
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { collectKeys, setRobotsOverride, type Source } from './api';
import { useCollectT } from './i18n';

const MIN_REASON = 10;

export function RobotsPanel({ source, isAdmin }: { source: Source; isAdmin: boolean }) {
  const t = useCollectT();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const respects =
    (source.definition.politeness as { respectRobotsTxt?: boolean } | undefined)
      ?.respectRobotsTxt !== false;
  const override = useMutation({
    mutationFn: (r: string | null) => setRobotsOverride(source.id, r),
    onSuccess: (saved) => {
      setReason('');
      setTouched(false);
      qc.setQueryData(collectKeys.source(source.id), (old: unknown) =>
        old && typeof old === 'object' ? { ...old, source: saved } : old,
      );
      void qc.invalidateQueries({ queryKey: collectKeys.sources });
    },
  });
  const tooShort = reason.trim().length < MIN_REASON;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    override.mutate(reason.trim());
  };

  return (
    <Stack gap="md" maw={760} data-testid="robots-panel">
      <Text size="sm">{respects ? t('robots.respects') : t('robots.ignoresInDefinition')}</Text>
      {source.robotsOverrideReason ? (
        <Alert
          color="orange"
          variant="light"
          title={t('robots.activeTitle')}
          data-testid="robots-override-active"
        >
          <Text size="sm">{t('robots.activeReason')}</Text>
          <Text size="sm" fs="italic" mt={4}>
            {source.robotsOverrideReason}
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('robots.none')}
        </Text>
      )}
      {!isAdmin ? (
        <Text size="sm" c="dimmed">
          {t('robots.adminOnly')}
        </Text>
      ) : source.robotsOverrideReason ? (
        <Group>
          <Button
            variant="default"
            loading={override.isPending}
            onClick={() => override.mutate(null)}
          >
            {t('robots.lift')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('robots.reasonLabel')}
              description={t('robots.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={
                touched && tooShort ? t('robots.reasonTooShort', { min: MIN_REASON }) : undefined
              }
            />
            <Group>
              <Button type="submit" color="orange" loading={override.isPending}>
                {t('robots.set')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ErrorAlert error={override.error} onClose={() => override.reset()} />
    </Stack>
  );
}
