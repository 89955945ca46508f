// Shared reads and invalidation of the cases pages.
import { useQueryClient } from '@tanstack/react-query';
import { referralKeys } from '../referrals/api';
import { caseKeys } from './api';

/**
 * Invalidates what a change to the case touches: the case, the lists and the reminders, and its
 * referrals (a withdrawn consent revokes them on the server at once).
 */
export function useCaseChanged(caseId: string) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    void qc.invalidateQueries({ queryKey: caseKeys.all });
    void qc.invalidateQueries({ queryKey: referralKeys.ofCase(caseId) });
  };
}
