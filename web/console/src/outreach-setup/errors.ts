// The server's own words for refusals whose generic translation would hide the reason: "forbidden"
// on a template says who may approve it (four eyes), which the console's general "You do not have
// permission" would lose. The server writes these messages to be safe to show.
import { ApiError } from '../api/client';
import type { ErrorOverrides } from '../ui/errors';

export function keepServerMessage(err: unknown): ErrorOverrides {
  return err instanceof ApiError && err.message ? { forbidden: err.message } : {};
}
