// Typed application errors. Domain code throws `new AppError('code', message)`; one table maps
// each code to an HTTP status. The message is English, for API clients and the logs; a message a
// console user can meet also carries its key in the console's catalogue of server messages
// (web/console/src/i18n/server-errors) with its parameters — `new AppError('conflict',
// keyed('cases.consentWithdrawn', 'This consent was already withdrawn.'))` — so the console says
// it in the user's language. Parameters are values (names, dates, counts), never English
// sentences. Details meant only for the logs go in `logDetail` and never reach a client; `details`
// are for the client (beside code and message in the error body), e.g. every password rule that
// failed.

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

/** Values a catalogue message fills in: names, dates (ISO), counts, enum values. */
export type TextParams = Record<string, string | number>;

/** A message of the console's catalogue of server messages: its key and parameters. */
export interface MessageText {
  key: string;
  params?: TextParams;
}

/** An English message together with its catalogue key (see `keyed`). */
export interface KeyedMessage {
  readonly message: string;
  readonly text: MessageText;
}

/**
 * An error message a person may read: the English text for API clients and logs, and the key (with
 * parameters) under which the console's catalogue says it in every language it speaks.
 */
export function keyed(key: string, message: string, params?: TextParams): KeyedMessage {
  return { message, text: params ? { key, params } : { key } };
}

export class AppError extends Error {
  /** The message's catalogue key, when it has one (sent as `error.text`). */
  readonly text?: MessageText;

  constructor(
    readonly code: ErrorCode,
    message: string | KeyedMessage,
    readonly logDetail?: Record<string, unknown>,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'AppError';
    if (typeof message !== 'string') this.text = message.text;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * One failed check of a zod schema as the error body sends it (`error.issues`): where (path),
 * which check (zod's issue code) and its bounds, so the console can say in the user's language
 * which field is wrong and why. zod's own message is English and stays in `message` only.
 */
export interface ValidationIssue {
  path: string[];
  code: string;
  minimum?: number;
  maximum?: number;
  /** For too_small/too_big: what was measured (string, array, number, date…). */
  origin?: string;
  /** For invalid_type: the type wanted; for invalid_format: the format (email, uuid, url…). */
  expected?: string;
  format?: string;
  /**
   * For a custom check: which one, when its schema names it (`params: { reason: 'regex' }`), so
   * the console says "not a valid regular expression" in the user's language.
   */
  reason?: string;
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code?: string;
}

const asNumber = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** zod issues (at most 20) as `error.issues`: path, code and bounds, no English. */
export function validationIssues(issues: readonly IssueLike[]): ValidationIssue[] {
  return issues.slice(0, 20).map((issue) => {
    // zod's issue kinds each carry their own bounds; read them by name.
    const i = issue as IssueLike & Record<string, unknown>;
    const out: ValidationIssue = {
      path: i.path.map((p) => (typeof p === 'symbol' ? p.toString() : String(p))),
      code: i.code ?? 'custom',
    };
    const minimum = asNumber(i.minimum);
    const maximum = asNumber(i.maximum);
    const origin = asString(i.origin);
    const expected = asString(i.expected);
    const format = asString(i.format);
    if (minimum !== undefined) out.minimum = minimum;
    if (maximum !== undefined) out.maximum = maximum;
    if (origin !== undefined) out.origin = origin;
    if (expected !== undefined) out.expected = expected;
    if (format !== undefined) out.format = format;
    const params = i.params as Record<string, unknown> | undefined;
    const reason = asString(params?.reason);
    if (reason !== undefined) out.reason = reason;
    return out;
  });
}

/**
 * A problem found in an imported file (a CSV row, an HTCDS record), said without English: its
 * catalogue key and parameters, or the zod check that failed. The English `message` stays beside
 * it for API clients.
 */
export interface ProblemWords {
  text?: MessageText;
  issue?: ValidationIssue;
}

/**
 * A custom check may carry its keyed message as `params: { text }` (see `keyedIssue`); any other
 * failed check is sent as the check itself.
 */
export function problemWords(issue: IssueLike): ProblemWords {
  const params = (issue as { params?: Record<string, unknown> }).params;
  const text = params?.text as MessageText | undefined;
  if (text && typeof text.key === 'string') return { text };
  const [only] = validationIssues([issue]);
  return only ? { issue: only } : {};
}

/** Why an import wrote nothing: the count of problems its file has (listed beside it). */
export function refusedMessage(problems: number): KeyedMessage {
  return keyed(
    'imports.refused',
    `Nothing was imported: ${problems === 1 ? 'one problem' : `${problems} problems`} in the file.`,
    { count: problems },
  );
}

/** The fields of a zod custom issue that carries its keyed message (for `problemWords`). */
export function keyedIssue(m: KeyedMessage): { message: string; params: { text: MessageText } } {
  return { message: m.message, params: { text: m.text } };
}
