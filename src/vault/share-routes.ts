// Sharing over HTTP. The person's side lives in the vault scope (/api/vault/recipients, /shares,
// /requests; vault session and CSRF token); the console user's side is /api/vault-recipient (the
// console's session and CSRF like every console call): register an age key, make a share code,
// list and open what was shared with them (each opening recorded and audited), ask through a case.
// Making and using a share code and asking and answering a request are audited (shares.ts).
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddRecipientRequest,
  RegisterRecipientKeyRequest,
  ShareRequestView,
  StartShareRequest,
  UploadStatus,
  VaultRecipient,
  VaultShare,
} from '../contracts/vault-protocol.js';
import { requireCase, readerOf } from '../cases/index.js';
import { actorOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { Readable } from 'node:stream';
import { AppError } from '../platform/errors.js';
import type { VaultDeps } from './deps.js';
import { writeZip, zipSize, ZipTooLargeError } from './zip-writer.js';
import { Binary } from './binary.js';
import type { UploadRow } from './items.js';
import {
  addRecipient,
  answerShareRequest,
  finalizeShare,
  issueShareCode,
  listRecipients,
  listShares,
  openShare,
  recipientBundle,
  recipientKeyOf,
  registerRecipientKey,
  requestShare,
  revokeShare,
  sharesFor,
  shareRequestsOf,
  startShare,
  type RecipientView,
  type ShareView,
} from './shares.js';

type Router = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const tags = ['vault'];
const security: Record<string, string[]>[] = [{ vaultSession: [], vaultCsrf: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const IdParams = z.object({ id: z.uuid() });

const presentRecipient = (r: RecipientView): z.infer<typeof VaultRecipient> => ({
  recipientId: r.recipientId,
  displayName: r.displayName,
  agePublicKey: r.agePublicKey,
  addedAt: r.addedAt.toISOString(),
});

const presentShare = (v: ShareView): z.infer<typeof VaultShare> => ({
  shareId: v.share.id,
  itemId: v.share.itemId,
  recipientId: v.share.recipientId,
  recipientName: v.recipientName,
  sharedAt: v.share.sharedAt.toISOString(),
  revokedAt: v.share.revokedAt?.toISOString() ?? null,
  opens: v.opens.map((o) => o.toISOString()),
});

export function registerShareRoutes(
  r: Router,
  deps: VaultDeps,
  helpers: {
    config: { csrf: boolean };
    requireVault: (request: FastifyRequest, deps: VaultDeps) => Promise<string>;
    presentUpload: (u: UploadRow) => z.infer<typeof UploadStatus>;
  },
): void {
  const { config, requireVault, presentUpload } = helpers;

  r.post(
    '/api/vault/recipients',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Add a recipient with the share code they gave the person',
        body: AddRecipientRequest,
        response: { 201: VaultRecipient, ...errors },
      },
    },
    async (request, reply) => {
      const vaultId = await requireVault(request, deps);
      const added = await addRecipient(deps, vaultId, request.body.shareCode, request.id);
      return reply.code(201).send(presentRecipient(added));
    },
  );

  r.get(
    '/api/vault/recipients',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'The people this vault may share with (only those whose code the owner entered)',
        response: { 200: z.object({ recipients: z.array(VaultRecipient) }), ...errors },
      },
    },
    async (request) => {
      const vaultId = await requireVault(request, deps);
      return { recipients: (await listRecipients(deps, vaultId)).map(presentRecipient) };
    },
  );

  r.post(
    '/api/vault/shares',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Start uploading an item’s copy re-encrypted to a recipient (then chunks, then finalize)',
        body: StartShareRequest,
        response: { 201: UploadStatus, ...errors },
      },
    },
    async (request, reply) => {
      const vaultId = await requireVault(request, deps);
      return reply.code(201).send(presentUpload(await startShare(deps, vaultId, request.body)));
    },
  );

  r.post(
    '/api/vault/shares/:id/finalize',
    {
      config,
      schema: {
        tags,
        security,
        summary:
          'Close a share’s upload (id: the upload): the share exists only if length and sha256 match',
        params: IdParams,
        response: { 201: VaultShare, ...errors, 409: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => {
      const vaultId = await requireVault(request, deps);
      const share = await finalizeShare(deps, vaultId, request.params.id);
      const view = (await listShares(deps, vaultId)).find((s) => s.share.id === share.id)!;
      return reply.code(201).send(presentShare(view));
    },
  );

  r.get(
    '/api/vault/shares',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Every share, with each time its recipient opened it',
        response: { 200: z.object({ shares: z.array(VaultShare) }), ...errors },
      },
    },
    async (request) => {
      const vaultId = await requireVault(request, deps);
      return { shares: (await listShares(deps, vaultId)).map(presentShare) };
    },
  );

  r.post(
    '/api/vault/shares/:id/revoke',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Revoke a share: no further access (copies already opened cannot be recalled)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const vaultId = await requireVault(request, deps);
      await revokeShare(deps, vaultId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/vault/requests',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Requests to share, from workers this vault added',
        response: { 200: z.object({ requests: z.array(ShareRequestView) }), ...errors },
      },
    },
    async (request) => {
      const vaultId = await requireVault(request, deps);
      const rows = await shareRequestsOf(deps, vaultId);
      return {
        requests: rows.map((q) => ({
          requestId: q.id,
          recipientId: q.recipientId,
          recipientName: q.recipientName,
          message: q.message,
          createdAt: q.createdAt.toISOString(),
          status: q.status,
        })),
      };
    },
  );

  r.post(
    '/api/vault/requests/:id/answer',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Mark a request answered or declined',
        params: IdParams,
        body: z.object({ status: z.enum(['answered', 'declined']) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const vaultId = await requireVault(request, deps);
      await answerShareRequest(deps, vaultId, request.params.id, request.body.status, request.id);
      return reply.code(204).send(null);
    },
  );
}

const rtags = ['vault-recipient'];

/** The console user's side: /api/vault-recipient. */
export function registerRecipientRoutes(app: FastifyInstance, deps: VaultDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/vault-recipient/key',
    {
      schema: {
        tags: rtags,
        summary: 'My age public key for receiving shared vault items',
        response: { 200: z.object({ agePublicKey: z.string().nullable() }), 401: ErrorResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return { agePublicKey: await recipientKeyOf(deps, auth.user.id) };
    },
  );

  r.post(
    '/api/vault-recipient/key',
    {
      schema: {
        tags: rtags,
        summary: 'Register my age public key (items shared with me are encrypted to it)',
        body: RegisterRecipientKeyRequest,
        response: {
          200: z.object({ agePublicKey: z.string() }),
          400: ErrorResponse,
          401: ErrorResponse,
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await registerRecipientKey(deps, auth.user.id, request.body.agePublicKey);
      return { agePublicKey: request.body.agePublicKey };
    },
  );

  r.post(
    '/api/vault-recipient/share-codes',
    {
      schema: {
        tags: rtags,
        summary:
          'A share code to give a person, so their vault may share with me (optionally for a case)',
        body: z.object({ caseId: z.uuid().optional() }),
        response: {
          201: z.object({ shareCode: z.string(), expiresAt: z.string() }),
          ...errors,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      requireAuth(request);
      const actor = actorOf(request);
      const { caseId } = request.body;
      // Under the case's row lock, which its erasure takes too: a code never names a case
      // erased a moment earlier (erasure unlinks the codes it finds).
      const code = await deps.db.transaction(async (tx) => {
        if (caseId) {
          await requireCase(tx, readerOf(actor), caseId, 'edit', { forUpdate: true });
        }
        return issueShareCode(deps, actor, caseId ?? null, tx);
      });
      return reply
        .code(201)
        .send({ shareCode: code.shareCode, expiresAt: code.expiresAt.toISOString() });
    },
  );

  r.get(
    '/api/vault-recipient/shares',
    {
      schema: {
        tags: rtags,
        summary: 'Items shared with me, not revoked',
        response: {
          200: z.object({
            shares: z.array(
              z.object({
                shareId: z.uuid(),
                size: z.number().int(),
                sha256: z.string(),
                sharedAt: z.string(),
              }),
            ),
          }),
          401: ErrorResponse,
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return {
        shares: (await sharesFor(deps, auth.user.id)).map((s) => ({
          shareId: s.id,
          size: s.size,
          sha256: s.sha256,
          sharedAt: s.sharedAt.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/vault-recipient/shares/:id',
    {
      schema: {
        tags: rtags,
        summary:
          'Open a shared item (its age file, encrypted to my key); the owner sees each opening',
        params: IdParams,
        response: {
          200: {
            description: 'The copy, an age file encrypted to my key',
            content: { 'application/octet-stream': { schema: Binary } },
          },
          ...errors,
        },
      },
    },
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      requireAuth(request);
      const { share, stream } = await openShare(deps, actorOf(request), request.params.id);
      return reply
        .type('application/octet-stream')
        .header('content-length', share.size)
        .header('content-disposition', `attachment; filename="${share.id}.age"`)
        .send(stream);
    },
  );

  app.get(
    '/api/vault-recipient/export',
    {
      schema: {
        tags: rtags,
        summary:
          'A zip of every item shared with me now (copies, SHA256SUMS, manifest, VERIFY.txt); each counts as opened',
        response: {
          200: {
            description: 'The bundle',
            content: { 'application/zip': { schema: Binary } },
          },
          401: ErrorResponse,
          413: ErrorResponse,
        },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      requireAuth(request);
      const entries = await recipientBundle(deps, actorOf(request));
      let size: number;
      try {
        size = zipSize(entries);
      } catch (err) {
        if (err instanceof ZipTooLargeError) throw new AppError('payload_too_large', err.message);
        throw err;
      }
      return reply
        .type('application/zip')
        .header('content-length', size)
        .header('content-disposition', 'attachment; filename="shared-with-me.zip"')
        .send(Readable.from(writeZip(entries)));
    },
  );

  r.post(
    '/api/vault-recipient/requests',
    {
      schema: {
        tags: rtags,
        summary: 'Ask, through a case, that the person share something (never take)',
        body: z.object({ caseId: z.uuid(), message: z.string().trim().min(1).max(1000) }),
        response: { 201: z.object({ vaults: z.number().int() }), ...errors },
      },
    },
    async (request, reply) => {
      requireAuth(request);
      const actor = actorOf(request);
      const { caseId, message } = request.body;
      // Under the case's row lock, as above: no request is left behind by a concurrent erasure.
      const n = await deps.db.transaction(async (tx) => {
        await requireCase(tx, readerOf(actor), caseId, 'edit', { forUpdate: true });
        return requestShare(deps, actor, caseId, message, tx);
      });
      return reply.code(201).send({ vaults: n });
    },
  );
}
