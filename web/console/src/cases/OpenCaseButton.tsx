// "Open a case" on a conversation: one click opens the case with the thread and its lead linked,
// and goes to it. If the thread already has a case, it goes there instead (or, if that case is not
// the reader's to see, says so without naming it).
import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ApiError } from '../api/client';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { caseKeys, openCase } from './api';
import { useCasesT } from './i18n';

export function OpenCaseButton({ conversationId }: { conversationId: string }) {
  const t = useCasesT();
  const { capabilities } = useCurrentSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const go = (caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } });
  const open = useMutation({
    mutationFn: () => openCase({ conversationId }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: caseKeys.all });
      go(c.id);
    },
    onError: (err) => {
      const caseId = err instanceof ApiError ? err.details.caseId : undefined;
      if (typeof caseId === 'string') go(caseId);
    },
  });
  if (!capabilities.workCases) return null;
  const hidden =
    open.error instanceof ApiError && open.error.status === 409 && !open.error.details.caseId;
  return (
    <>
      <Button
        size="xs"
        onClick={() => open.mutate()}
        loading={open.isPending}
        data-testid="open-case"
      >
        {t('openCase.button')}
      </Button>
      {hidden ? (
        <Text size="xs" c="orange.8" role="status">
          {t('openCase.exists')}
        </Text>
      ) : open.error instanceof ApiError && open.error.status === 409 ? null : (
        <ErrorAlert error={open.error} />
      )}
    </>
  );
}
