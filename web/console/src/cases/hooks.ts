// Shared reads and invalidation of the cases pages.
import { useQueryClient } from '@tanstack/react-query';
import { caseKeys } from './api';

/** Invalidates what a change to the case touches: the case, the lists and the reminders. */
export function useCaseChanged(caseId: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    void qc.invalidateQueries({ queryKey: caseKeys.all });
  };
}
