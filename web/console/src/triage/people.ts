// Who is who in the queue: names of assignees and of the people in a lead's history. The API
// hands out user ids only; the user list (/api/users) is open to admins, so others see "you" for
// themselves and "another worker" for the rest.
import { useQuery } from '@tanstack/react-query';
import { listUsers } from '../api/endpoints';
import type { AdminUser } from '../api/types';
import { useCurrentSession } from '../auth/session';
import { queryKeys } from './api';
import { useTriageT } from './i18n';

export interface Staff {
  /** A display name for a user id (null: nobody). */
  nameOf: (id: string | null) => string;
  /** Colleagues a lead can be handed to (empty when the list cannot be read). */
  assignable: AdminUser[];
  /** Supervisors and admins hand leads to others and reopen them. */
  canAssignOthers: boolean;
}

export function useStaff(): Staff {
  const t = useTriageT();
  const { user, capabilities } = useCurrentSession();
  // Directing work is the server's rule (canDirectWork), answered in the session.
  const canAssignOthers = capabilities.directWork;
  const users = useQuery({
    queryKey: queryKeys.staff,
    queryFn: listUsers,
    // The server lets admins read the list; a supervisor's request is answered 403 and the
    // console falls back to "assign to me".
    enabled: canAssignOthers,
    staleTime: 60_000,
    retry: false,
  });
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  return {
    nameOf: (id) => {
      if (id === null) return t('people.nobody');
      if (id === user.id) return t('people.you');
      return names.get(id) ?? t('people.someone');
    },
    assignable: (users.data ?? []).filter((u) => !u.disabled && u.role !== 'partner'),
    canAssignOthers,
  };
}
