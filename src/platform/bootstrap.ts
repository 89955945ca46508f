// First-start set-up in embedded mode: when no user exists yet, create an admin and show its
// one-time password once, on the terminal only (it is never logged or stored in the clear).
import type { Actor } from './actor.js';
import { countUsers, createUser } from './auth/users.js';
import type { Db } from './db/connect.js';

export const FIRST_ADMIN_EMAIL = 'admin@ariadne.local';

export async function ensureFirstAdmin(
  db: Db,
  actor: Actor,
  print: (line: string) => void,
): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const { user, oneTimePassword } = await createUser(db, actor, {
    email: FIRST_ADMIN_EMAIL,
    displayName: 'Administrator',
    role: 'admin',
  });
  print('');
  print('  First start: an administrator account was created.');
  print(`  Admin e-mail: ${user.email}`);
  print(`  One-time password: ${oneTimePassword}`);
  print(
    '  It is shown only this once. Sign in, choose a new password and set up two-factor sign-in.',
  );
  print('');
  return true;
}
