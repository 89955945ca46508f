// The console after sign-in: the router with the frame and every page's route. A chunk of its own,
// fetched by the sign-in gate once the session is complete, so the sign-in steps load none of it.
import { RouterProvider } from '@tanstack/react-router';
import { SessionContext, type CurrentSession } from '../auth/session';
// The server's messages in the console's languages: for signed-in work, not the sign-in steps.
import '../i18n/server-errors';
import { router } from './router';

export { router };

export function SignedInApp({ session }: { session: CurrentSession }) {
  return (
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} />
    </SessionContext.Provider>
  );
}
