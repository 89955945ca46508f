// Shared reads of the outreach pages: who may work the inbox, the staff's names (GET /api/staff,
// open to those who work leads), the channels, and the unread badge of the navigation.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Role } from '../api/types';
import { useCurrentSession } from '../auth/session';
import { listChannels, listInbox, listStaff, outreachKeys, type Channel } from './api';
import { useOutreachT } from './i18n';

/** Outreach workers and supervisors hold conversations; the API answers others 403. */
export const canWorkOutreach = (role: Role) => role === 'outreach_worker' || role === 'supervisor';
/**
 * Lifting a contact rule that allows it (a second thread, words to confirm) is a supervisor's call.
 * Who may take or hand over a conversation is not decided here: the server says so with each
 * conversation (`assignment`).
 */
export const canLiftRules = (role: Role) => role === 'supervisor';

/** How often the badge asks for unread conversations. */
const UNREAD_REFRESH_MS = 15_000;

export function useUnreadCount(): number | null {
  const { user } = useCurrentSession();
  const enabled = canWorkOutreach(user.role);
  const q = useQuery({
    queryKey: outreachKeys.unread,
    queryFn: async () => (await listInbox({ status: 'open' }, null, 1)).unread,
    enabled,
    refetchInterval: UNREAD_REFRESH_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
  return enabled ? (q.data ?? null) : null;
}

export interface StaffNames {
  nameOf: (id: string | null) => string;
  members: { id: string; displayName: string; role: string }[];
}

export function useStaffNames(): StaffNames {
  const t = useOutreachT();
  const { user, capabilities } = useCurrentSession();
  const staff = useQuery({
    queryKey: outreachKeys.staff,
    queryFn: listStaff,
    // Partners (on a referred case's page) are answered 403: they see no names of staff.
    enabled: capabilities.readQueue,
    staleTime: 60_000,
    retry: false,
  });
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.displayName]));
  return {
    nameOf: (id) => {
      if (id === null) return t('people.nobody');
      if (id === user.id) return t('people.you');
      return names.get(id) ?? t('people.someone');
    },
    members: (staff.data ?? []).filter((s) => canWorkOutreach(s.role)),
  };
}

export function useChannels(): {
  channels: Channel[];
  byId: Map<string, Channel>;
  loaded: boolean;
  error: unknown;
} {
  const q = useQuery({ queryKey: outreachKeys.channels, queryFn: listChannels, staleTime: 60_000 });
  const channels = useMemo(() => q.data ?? [], [q.data]);
  const byId = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  return { channels, byId, loaded: q.isSuccess, error: q.error };
}
