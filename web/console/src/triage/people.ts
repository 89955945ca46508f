// Who is who in the queue: names of assignees and of the people in a lead's history, and whom a
// lead can be handed to. Read from GET /api/staff, which every staff member may read and which
// holds only id, name and role — never the admins' user list (/api/users), which would answer
// anyone else 403.
import { useQuery } from '@tanstack/react-query';
import { listAssignableUsers } from '../api/endpoints';
import type { AssignableUser } from '../api/types';
import { useCurrentSession } from '../auth/session';
import { queryKeys } from './api';
import { useTriageT } from './i18n';

export interface Staff {
  /** A display name for a user id (null: nobody). */
  nameOf: (id: string | null) => string;
  /** Colleagues a lead can be handed to, and filtered by (empty until the list is read). */
  assignable: AssignableUser[];
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
    queryFn: listAssignableUsers,
    // The same rule as the endpoint's: whoever reads the queue may read who holds its leads.
    enabled: capabilities.readQueue,
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
    assignable: users.data ?? [],
    canAssignOthers,
  };
}
