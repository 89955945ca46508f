// Review of a template: the risky words a supervisor must confirm before a first message may use
// them, approval (a supervisor other than the author; the button says why when it is off) and
// retirement (final, so it asks first). What the server refuses is shown with its reason.
import { Alert, Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { approveBlock, canRetire, needsSafetyConfirmation } from './access';
import { approveTemplate, retireTemplate, setupKeys, type Template } from './api';
import { useSetupT } from './i18n';
import { SafetyHitList } from './live';

export function TemplateReview({
  template,
  dirty,
  onChanged,
}: {
  template: Template;
  /** The editor holds changes not saved yet: what would be approved is not what is on screen. */
  dirty: boolean;
  onChanged: (t: Template) => void;
}) {
  const t = useSetupT();
  const { user } = useCurrentSession();
  const qc = useQueryClient();
  const [confirmed, setConfirmed] = useState(false);
  const [askRetire, setAskRetire] = useState(false);
  const done = (stored: Template) => {
    setConfirmed(false);
    setAskRetire(false);
    void qc.invalidateQueries({ queryKey: setupKeys.allTemplates });
    onChanged(stored);
  };
  const approve = useMutation({
    mutationFn: () => approveTemplate(template.id, confirmed),
    onSuccess: done,
  });
  const retire = useMutation({
    mutationFn: () => retireTemplate(template.id),
    onSuccess: done,
    // The refusal is shown on the page, not behind the question.
    onError: () => setAskRetire(false),
  });

  if (template.status === 'retired') return null;
  const isDraft = template.status === 'draft';
  const block = approveBlock(template, user, dirty);
  const mustConfirm = isDraft && needsSafetyConfirmation(template);
  const mayRetire = canRetire(template, user);
  const approveDisabled = block !== null || (mustConfirm && !confirmed);
  const reason =
    block !== null && block !== 'not_draft'
      ? t(`review.blocked.${block}`)
      : mustConfirm && !confirmed
        ? t('review.blocked.confirm')
        : null;

  return (
    <Paper withBorder radius="md" p="md" role="region" aria-label={t('review.title')}>
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('review.title')}
        </Title>
        {isDraft && template.safetyHits.length > 0 ? (
          <Alert
            variant="light"
            color={mustConfirm ? 'orange' : 'gray'}
            title={mustConfirm ? t('review.hitsTitle') : t('review.hitsReplyTitle')}
            data-testid="review-hits"
          >
            <Stack gap="xs">
              <Text size="sm">{mustConfirm ? t('review.hitsIntro') : t('review.hitsReply')}</Text>
              <SafetyHitList hits={template.safetyHits} />
              {mustConfirm && block === null ? (
                <Checkbox
                  mt="xs"
                  label={t('review.confirm')}
                  description={t('review.confirmHint')}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                />
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {isDraft && template.safetyHits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('review.noHits')}
          </Text>
        ) : null}
        {template.status === 'approved' ? (
          <Text size="sm" c="dimmed">
            {t('review.approvedNote')}
          </Text>
        ) : null}

        <ErrorAlert
          error={approve.error ?? retire.error}
          onClose={() => {
            approve.reset();
            retire.reset();
          }}
        />
        <Group align="flex-start">
          {isDraft ? (
            <Stack gap={4}>
              <Button
                onClick={() => approve.mutate()}
                loading={approve.isPending}
                disabled={approveDisabled}
                aria-describedby={reason ? 'approve-reason' : undefined}
              >
                {t('review.approve')}
              </Button>
              {reason ? (
                <Text
                  id="approve-reason"
                  size="xs"
                  c="dimmed"
                  maw={360}
                  data-testid="approve-blocked"
                >
                  {reason}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          {mayRetire ? (
            <Button variant="default" color="red" onClick={() => setAskRetire(true)}>
              {t('review.retire')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal
        opened={askRetire}
        onClose={() => setAskRetire(false)}
        title={t('review.retireTitle', { name: template.name })}
      >
        <Stack gap="md">
          <Text size="sm">
            {template.status === 'approved' ? t('review.retireApproved') : t('review.retireDraft')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskRetire(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={retire.isPending} onClick={() => retire.mutate()}>
              {t('review.retireConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
