// The providers' webhooks: receipts and replies, on a raw body verified by the channel kind's own
// parser (no session, no CSRF: the provider's signature is the authentication; a bad signature is
// refused and nothing is stored), and WhatsApp's subscription handshake.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { ErrorResponse } from '../../platform/http/errors.js';
import { errors, type OutreachRouteDeps } from '../routes-common.js';
import { receiveWebhookEvents } from '../sending/jobs.js';
import { parseChannelWebhook } from './channel-registry.js';
import { channelForSending } from './channel-store.js';
import { WebhookError, type WebhookRequest } from './http-gateway.js';
import { verifyWhatsAppSubscription } from './whatsapp.js';

/** A provider hears why its call was refused (WEBHOOK_ERROR_STATUS in http-gateway.ts). */
const webhookErrors = { ...errors, 405: ErrorResponse, 413: ErrorResponse };

export function registerWebhookRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, config, log, clock } = deps;

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
    const w = scope.withTypeProvider<ZodTypeProvider>();
    const webhookConfig = { csrf: false, rateLimit: { max: 600, timeWindow: '1 minute' } };

    async function channelOf(id: string) {
      try {
        return await channelForSending(db, config, id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') throw err;
        throw new AppError('not_found', 'No such channel.');
      }
    }

    w.post(
      '/api/webhooks/:channelId',
      {
        config: webhookConfig,
        schema: {
          tags: ['outreach'],
          summary: "A provider's receipts and replies, verified by the channel's signature",
          security: [],
          params: z.object({ channelId: z.uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }), ...webhookErrors },
        },
      },
      async (request, reply) => {
        // The channel's own settings (credentials), not the contact rules.
        const { row, settings: channelSettings } = await channelOf(request.params.channelId);
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const req: WebhookRequest = {
          method: request.method,
          url: new URL(request.url, config.publicUrl).toString(),
          headers: request.headers,
          rawBody: raw,
        };
        let result;
        try {
          result = await parseChannelWebhook(row.kind, channelSettings, req, clock.now());
        } catch (err) {
          if (!(err instanceof WebhookError)) throw err;
          request.log.info({ refusal: err.code, channel: row.id }, 'webhook refused');
          return reply.code(err.status).send({ error: { code: err.code, message: err.message } });
        }
        await receiveWebhookEvents(deps, { id: row.id, kind: row.kind }, result);
        return reply.code(200).send({ ok: true });
      },
    );

    w.get(
      '/api/webhooks/:channelId',
      {
        config: webhookConfig,
        schema: {
          tags: ['outreach'],
          summary: "WhatsApp's subscription handshake (hub.challenge)",
          security: [],
          params: z.object({ channelId: z.uuid() }),
          response: {
            200: {
              description: 'The challenge, echoed',
              content: { 'text/plain': { schema: z.string() } },
            },
            ...webhookErrors,
          },
        },
      },
      async (request, reply) => {
        const { row, settings: channelSettings } = await channelOf(request.params.channelId);
        if (row.kind !== 'whatsapp') throw new AppError('not_found', 'No such webhook.');
        try {
          const challenge = verifyWhatsAppSubscription(
            request.query as Record<string, string | undefined>,
            typeof channelSettings.verifyToken === 'string' ? channelSettings.verifyToken : '',
          );
          return reply.type('text/plain').send(challenge);
        } catch (err) {
          if (!(err instanceof WebhookError)) throw err;
          log.info({ channel: row.id, refusal: err.code }, 'whatsapp verification refused');
          return reply.code(403).send({ error: { code: err.code, message: err.message } });
        }
      },
    );
  });
}
