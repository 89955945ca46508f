// Structured logs (pino). Secrets and personal data are kept out at the logger, so a careless log
// line cannot leak a password, a session cookie or a message body: paths are redacted, request
// lines carry the path and the names of the query parameters but never their values (a search for
// a phone number would otherwise put the number in the log), and errors are serialized without
// the values of the query that failed (drizzle puts every parameter in its error message, and
// PostgreSQL repeats a bad value in its own).
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Config } from './config.js';

const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'oneTimePassword',
  'code',
  'recoveryCode',
  'secret',
  'token',
];

// Each secret field at the top of a line's object and one level down (pino's `*.x` alone does not
// reach `log.info({ password })`).
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/**
 * The paths a person at risk uses: the chat line (the /chat page, widget.js, the /chat/ws socket)
 * and the vault (its app under /vault and its own API under /api/vault; not /api/vault-recipient,
 * the staff's side). Their request lines carry no address: the widget tells the person that their
 * IP address is not stored, the vault keeps none, and a log kept by the organisation's collector is
 * storage too.
 */
const VISITOR_PATH = /^\/(?:chat|vault|api\/vault)(?:\/|$)/;

/**
 * The request as a log line shows it: the path and which query parameters were given, and where
 * it came from (not for a visitor of the chat line or the vault).
 */
export function requestForLog(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}) {
  const url = req.url ?? '';
  const at = url.indexOf('?');
  const names =
    at < 0
      ? []
      : [...new URLSearchParams(url.slice(at + 1)).keys()]
          .filter((n, i, all) => all.indexOf(n) === i)
          .slice(0, 20)
          .map((n) => n.slice(0, 40));
  const path = at < 0 ? url : url.slice(0, at);
  return {
    method: req.method,
    url: path,
    ...(names.length > 0 ? { queryParams: names } : {}),
    host: req.host,
    ...(VISITOR_PATH.test(path)
      ? {}
      : { remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
  };
}

const PARAMS_MARK = '\nparams: ';

/**
 * Text of an error without the values of a failed query: drizzle's "Failed query: … params: …"
 * loses everything from its parameter list on.
 */
export function scrubErrorText(text: string): string {
  const at = text.indexOf(PARAMS_MARK);
  return at < 0 ? text : `${text.slice(0, at)}${PARAMS_MARK}[redacted]`;
}

// Properties of an error that say what went wrong without carrying data: PostgreSQL's `detail`,
// `where`, `hint` and `internalQuery` and drizzle's `params` can all hold values, so are left out.
const SAFE_ERROR_FIELDS = [
  'code',
  'errno',
  'syscall',
  'statusCode',
  'status',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'query',
] as const;

/** PostgreSQL data exceptions (class 22) quote the offending value in their message. */
function isDataException(err: Record<string, unknown>): boolean {
  return typeof err.code === 'string' && err.code.startsWith('22') && 'severity' in err;
}

/** An error as a log line shows it (pino `err` serializer); strings are scrubbed too. */
export function errorForLog(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return scrubErrorText(err);
  if (!(err instanceof Error)) return err;
  const fields = err as unknown as Record<string, unknown>;
  let message = scrubErrorText(err.message);
  if (isDataException(fields)) message = message.replace(/"[^"]*"/g, '"[redacted]"');
  const out: Record<string, unknown> = { type: err.name, message };
  if (typeof err.stack === 'string') {
    const frames = err.stack.indexOf('\n    at ');
    out.stack = `${err.name}: ${message}${frames < 0 ? '' : err.stack.slice(frames)}`;
  }
  for (const key of SAFE_ERROR_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out[key] = value;
    }
  }
  // `*.code` is redacted (it is where TOTP codes travel); PostgreSQL's code is kept under its name.
  if ('severity' in fields && typeof fields.code === 'string') out.sqlState = fields.code;
  if (err.cause !== undefined && depth < 3) out.cause = errorForLog(err.cause, depth + 1);
  return out;
}

/**
 * An error fit to be stored where it outlives the log (pg-boss keeps a failed job's error in its
 * table): the same message and stack as the log shows, nothing else.
 */
export function scrubbedError(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(scrubErrorText(String(err)));
  const safe = errorForLog(err) as { message: string; stack?: string; code?: unknown };
  const copy = new Error(safe.message);
  copy.name = err.name;
  if (safe.stack) copy.stack = safe.stack;
  return copy;
}

export const LOG_SERIALIZERS = {
  req: requestForLog,
  err: errorForLog,
} satisfies LoggerOptions['serializers'];

export function createLogger(
  config: Pick<Config, 'logLevel' | 'logPretty'>,
  name = 'ariadne',
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    name,
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: LOG_SERIALIZERS,
    hooks: {
      // A message built from an error's text ("… failed: " + err.message) is scrubbed as well.
      logMethod(args, method) {
        const [first, ...rest] = args;
        if (typeof first === 'string') return method.apply(this, [scrubErrorText(first), ...rest]);
        // log.error(err) alone would take the error's own message as the line's message.
        if (first instanceof Error && typeof rest[0] !== 'string') {
          return method.apply(this, [first, scrubErrorText(first.message)]);
        }
        return method.apply(this, args);
      },
    },
  };
  // In the same thread and synchronous, not as a pino transport: a command that ends with
  // process.exit() must not lose its last lines to a worker thread that had no time to write them.
  if (config.logPretty) {
    const pretty = pinoPretty({
      sync: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      ...(destination ? { destination, colorize: false } : {}),
    });
    return pino(options, pretty);
  }
  if (destination) return pino(options, destination);
  return pino(options);
}
