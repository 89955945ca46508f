// Typed application errors. Domain code throws `new AppError('code', message)`; one table maps
// each code to an HTTP status, and the message is what a user may see. Details meant only for the
// logs go in `logDetail` and never reach a client; `details` are for the client (beside code and
// message in the error body), e.g. every password rule that failed.

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  invalid_code: 401,
  weak_password: 400,
  csrf_failed: 403,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  payload_too_large: 413,
  upload_rejected: 422,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
  not_ready: 503,
  already_running: 409,
  config_invalid: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly logDetail?: Record<string, unknown>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
