// How many visitors wait in the chat line's queue, for the navigation's badge on every page (the
// live socket lives on the chat page only): read every few seconds for those who work the chat
// line. It shares the queue's cache entry with the chat page, so both always agree.
import { useQuery } from '@tanstack/react-query';
import { useCurrentSession } from '../auth/session';
import { chatKeys, listQueue } from './api';

const WAITING_REFRESH_MS = 15_000;

export function useChatWaiting(): number | null {
  const { capabilities } = useCurrentSession();
  const enabled = capabilities.workChat;
  const q = useQuery({
    queryKey: chatKeys.queue,
    queryFn: listQueue,
    enabled,
    refetchInterval: WAITING_REFRESH_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
  return enabled ? (q.data?.length ?? null) : null;
}
