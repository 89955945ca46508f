// "/" leads each role to where its work starts (see collect/nav.tsx).
import { Navigate } from '@tanstack/react-router';
import { useCurrentSession } from '../auth/session';
import { homePathFor } from '../collect/nav';

export function HomeRedirect() {
  const { user } = useCurrentSession();
  return <Navigate to={homePathFor(user.role)} replace />;
}
