// Turns every error into `{ error: { code, message, text?, issues? } }` with the right status.
// `message` is English (API clients, logs); `text` is the message's key and parameters in the
// console's catalogue, and `issues` say which fields of a request failed which check, so the console
// speaks the user's language. Clients never see a stack trace or an internal message; the full
// error goes to the log with the request id.
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z, ZodError } from 'zod';
import {
  AppError,
  validationIssues,
  type ErrorCode,
  type MessageText,
  type ValidationIssue,
} from '../errors.js';

/** A server message as a key of the console's catalogue and its parameters. */
export const ErrorText = z
  .object({
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ErrorText' });

/** One failed check of a request's schema: where, which zod check, and its bounds. */
export const ValidationIssueView = z
  .object({
    path: z.array(z.string()),
    code: z.string(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    origin: z.string().optional(),
    expected: z.string().optional(),
    format: z.string().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'ValidationIssue' });

export const ErrorResponse = z.object({
  // Some errors say more beside code and message (the password rules that failed, say).
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    text: ErrorText.optional(),
    issues: z.array(ValidationIssueView).optional(),
  }),
});

function body(
  code: ErrorCode | 'bad_request',
  message: string,
  details?: Record<string, unknown>,
  text?: MessageText,
) {
  return { error: { ...details, code, message, ...(text ? { text } : {}) } };
}

function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  return issues
    .slice(0, 10)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function issuesOf(issues: Parameters<typeof validationIssues>[0]): { issues: ValidationIssue[] } {
  return { issues: validationIssues(issues) };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof AppError) {
      const level = err.status >= 500 ? 'error' : 'info';
      request.log[level](
        { code: err.code, detail: err.logDetail, msg: err.message },
        'request failed',
      );
      if (err.code === 'rate_limited') void reply.header('retry-after', '60');
      return reply.code(err.status).send(body(err.code, err.message, err.details, err.text));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const failed = err.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? 'invalid',
        code: v.keyword,
        ...v.params,
      }));
      const message = describeIssues(failed);
      request.log.info({ validation: message }, 'request failed validation');
      return reply
        .code(400)
        .send(body('validation_failed', `Invalid request: ${message}`, issuesOf(failed)));
    }
    if (err instanceof ZodError) {
      const message = describeIssues(err.issues);
      return reply
        .code(400)
        .send(body('validation_failed', `Invalid request: ${message}`, issuesOf(err.issues)));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body('payload_too_large', 'The request body is too large.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .code(415)
          .send(body('unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(body('invalid_json', 'The request body is not valid JSON.'));
      default:
        break;
    }
    if (status === 400 && err instanceof SyntaxError) {
      return reply.code(400).send(body('invalid_json', 'The request body is not valid JSON.'));
    }
    if (status === 429) {
      return reply
        .code(429)
        .send(body('rate_limited', 'Too many requests. Wait a minute and try again.'));
    }
    if (status >= 400 && status < 500) {
      request.log.info({ err }, 'request failed');
      return reply.code(status).send(body('bad_request', fe.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .code(404)
      .send(body('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
