// Names for the user ids the outreach API hands out (who wrote, approved or retired a template,
// who added a quick reply), from the staff list every non-partner may read. The signed-in user is
// "you"; an id not on the list (a disabled account) is "a former colleague".
import { useQuery } from '@tanstack/react-query';
import { useCurrentSession } from '../auth/session';
import { listStaff, setupKeys } from './api';
import { useSetupT } from './i18n';

export function useNameOf(): (id: string | null) => string {
  const t = useSetupT();
  const { user } = useCurrentSession();
  const staff = useQuery({
    queryKey: setupKeys.staff,
    queryFn: listStaff,
    enabled: user.role !== 'partner',
    staleTime: 60_000,
    retry: false,
  });
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.displayName]));
  return (id) => {
    if (id === null) return t('people.nobody');
    if (id === user.id) return t('people.you');
    return names.get(id) ?? t('people.former');
  };
}
