// Saved searches as the console uses them: the list, the alert count (polled every minute), and
// opening one (marks its new matches seen, then shows the search with those matches marked).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useCurrentSession } from '../auth/session';
import {
  deleteSavedSearch,
  fetchSavedSearchAlerts,
  listSavedSearches,
  openSavedSearch,
  queryKeys,
} from '../triage/api';
import { parseQueueSearch } from '../triage/filters';

/** How often the header asks for new matches (the server checks searches every few minutes). */
export const ALERT_POLL_MS = 60_000;

const canUse = (role: string) => role !== 'partner';

export function useSavedSearchAlerts() {
  const { user } = useCurrentSession();
  return useQuery({
    queryKey: queryKeys.alerts,
    queryFn: fetchSavedSearchAlerts,
    enabled: canUse(user.role),
    refetchInterval: ALERT_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 30_000,
  });
}

export function useSavedSearchList(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.savedSearches, queryFn: listSavedSearches, enabled });
}

export function useOpenSavedSearch(onOpened?: () => void) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const router = useRouter();
  return useMutation({
    mutationFn: openSavedSearch,
    onSuccess: (opened) => {
      qc.setQueryData(queryKeys.openedSearch, opened);
      void qc.invalidateQueries({ queryKey: queryKeys.savedSearches });
      onOpened?.();
      if (opened.search.target === 'leads') {
        void navigate({ to: '/triage', search: parseQueueSearch(opened.search.filters) });
      } else {
        // Searches over ads belong to the Ads page (built elsewhere); hand it the filters as they are.
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(opened.search.filters)) {
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
            q.set(k, String(v));
          }
        }
        router.history.push(q.size ? `/ads?${q.toString()}` : '/ads');
      }
    },
  });
}

export function useDeleteSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedSearch,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.savedSearches });
    },
  });
}
