// The person's vault API (/api/vault): create, unlock (passphrase or recovery code), lock, settings,
// resumable uploads, items, the chain and its verification (time-stamps included), the export
// bundle, and sharing. No account: a vault session is an HttpOnly, SameSite=Strict cookie scoped
// to /api/vault (Secure outside embedded mode), idle-limited, ended by lock. Every state-changing
// call with a session carries the session's CSRF token in x-vault-csrf (the console's CSRF check
// does not apply here: these callers have no console session). Every answer: no-store, a CSP that
// allows nothing, no referrer, no cookie but the vault's; lock and erase add Clear-Site-Data.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as zm from 'zod/mini';
import {
  AUTH_KDF,
  AuthKey,
  AuthParamsResponse,
  ChainEntry,
  ChainVerification,
  ChangePassphraseRequest,
  CreateVaultRequest,
  CreateVaultResponse,
  FinalizeUploadRequest,
  StartUploadRequest,
  UnlockRequest,
  UnlockResponse,
  UPLOAD_OFFSET_HEADER,
  UploadStatus,
  VAULT_CSRF_HEADER,
  VaultItem,
  VaultSettings,
} from '../contracts/vault-protocol.js';
import { constantTimeEqual } from '../platform/crypto.js';
import { AppError } from '../platform/errors.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { loadTrustAnchors } from '../platform/timestamp/tsa-client.js';
import {
  authParams,
  changePassphrase,
  confirmOwner,
  createVault,
  eraseVault,
  lockVault,
  setWipeAfter,
  unlockVault,
  vaultOfSession,
  vaultSettings,
} from './access.js';
import { chainOf } from './chain-store.js';
import { csrfTokenFor, type VaultDeps } from './deps.js';
import { exportBundle, writeZip } from './export.js';
import {
  deleteItem,
  finalizeItem,
  itemOf,
  listItems,
  MAX_CHUNK_BYTES,
  receiveChunk,
  startUpload,
  uploadOf,
  verifyVault,
  type ItemRow,
  type UploadRow,
} from './items.js';
import { Binary } from './binary.js';
import { parseVaultId } from './domain/vault-id.js';
import { registerShareRoutes } from './share-routes.js';
import { ZipTooLargeError } from './zip-writer.js';

export const VAULT_COOKIE = 'ariadne_vault';
export const VAULT_COOKIE_PATH = '/api/vault';

/** The policy on every vault answer: JSON and files only, nothing to run, frame or load. */
export const VAULT_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

export interface VaultRouteDeps extends VaultDeps {
  tsaTrustFile: string | null;
}

const tags = ['vault'];
const security: Record<string, string[]>[] = [{ vaultSession: [], vaultCsrf: [] }];
/** Routes that open a vault take no session. */
const open: Record<string, string[]>[] = [];

declare module 'fastify' {
  interface FastifyRequest {
    vaultSession: { vaultId: string; token: string } | null;
  }
}

function cookieOptions(deps: VaultDeps) {
  return {
    path: VAULT_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.cookieSecure,
  };
}

function setSession(reply: FastifyReply, deps: VaultDeps, token: string) {
  void reply.setCookie(VAULT_COOKIE, token, cookieOptions(deps));
}

/** The open vault of this request, or 401. State-changing calls must carry the CSRF token. */
async function requireVault(request: FastifyRequest, deps: VaultDeps): Promise<string> {
  const token = request.cookies[VAULT_COOKIE];
  const vaultId = token ? await vaultOfSession(deps, token) : null;
  if (!token || !vaultId) {
    throw new AppError(
      token ? 'session_expired' : 'unauthenticated',
      token ? 'The vault locked itself. Unlock it again.' : 'Unlock the vault first.',
    );
  }
  if (!['GET', 'HEAD'].includes(request.method)) {
    const sent = request.headers[VAULT_CSRF_HEADER];
    if (typeof sent !== 'string' || !constantTimeEqual(sent, csrfTokenFor(deps.config, token))) {
      throw new AppError('csrf_failed', 'The request is missing the vault’s security token.');
    }
  }
  request.vaultSession = { vaultId, token };
  return vaultId;
}

const presentUpload = (u: UploadRow): z.infer<typeof UploadStatus> => ({
  uploadId: u.id,
  state: u.state,
  size: u.size,
  received: u.received,
  maxChunkBytes: MAX_CHUNK_BYTES,
  expiresAt: u.expiresAt.toISOString(),
});

const presentItem = (i: ItemRow): z.infer<typeof VaultItem> => ({
  itemId: i.id,
  size: i.size,
  sha256: i.sha256,
  addedAt: i.addedAt.toISOString(),
  seq: i.seq,
});

const IdParams = z.object({ id: z.uuid() });
const file = (description: string, type = 'application/octet-stream') => ({
  200: { description, content: { [type]: { schema: Binary } } },
  ...errors,
});
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export async function registerVaultRoutes(
  app: FastifyInstance,
  deps: VaultRouteDeps,
): Promise<void> {
  // The authority's certificates, read once: verification checks every stored token with them.
  const trustAnchors = deps.tsaTrustFile ? loadTrustAnchors(deps.tsaTrustFile) : null;
  await app.register(async (scope) => {
    scope.decorateRequest('vaultSession', null);
    // Chunks are streamed to the blob store as they come: never parsed, never buffered whole.
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => {
      done(null, payload);
    });
    scope.addHook('onSend', async (_request, reply) => {
      void reply
        .header('cache-control', 'no-store')
        .header('pragma', 'no-cache')
        .header('content-security-policy', VAULT_CSP)
        .header('referrer-policy', 'no-referrer')
        .header('x-content-type-options', 'nosniff')
        .header('x-robots-tag', 'noindex, nofollow, noarchive');
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    // The console's CSRF check is for console sessions; the vault checks its own (requireVault).
    const config = { csrf: false };

    r.post(
      '/api/vault/vaults',
      {
        config,
        schema: {
          tags,
          security: open,
          summary: 'Create a vault (no e-mail, no phone): returns its id, once, and opens it',
          body: CreateVaultRequest,
          response: { 201: CreateVaultResponse, 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const opened = await createVault(deps, request.body, request.ip);
        setSession(reply, deps, opened.token);
        return reply.code(201).send({
          vaultId: opened.publicId,
          csrfToken: opened.csrfToken,
          idleSeconds: deps.config.vault.sessionIdleMs / 1000,
        });
      },
    );

    r.post(
      '/api/vault/auth-params',
      {
        config,
        schema: {
          tags,
          security: open,
          summary: 'The salts to derive the auth key with (made-up ones for an unknown id)',
          body: zm.object({ vaultId: zm.string().check(zm.maxLength(40)) }),
          response: { 200: AuthParamsResponse, 400: ErrorResponse },
        },
      },
      async (request) => {
        const salts = await authParams(deps, request.body.vaultId);
        const { N, r: rr, p, dkLen } = AUTH_KDF;
        return { ...salts, kdf: { N, r: rr, p, dkLen } };
      },
    );

    r.post(
      '/api/vault/unlock',
      {
        config,
        schema: {
          tags,
          security: open,
          summary:
            'Unlock with the passphrase or the recovery code (throttled; may wipe if the owner chose)',
          body: UnlockRequest,
          response: { 200: UnlockResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const unlocked = await unlockVault(deps, request.body, request.ip);
        setSession(reply, deps, unlocked.token);
        return {
          vaultId: parseVaultId(request.body.vaultId) ?? request.body.vaultId,
          wrappedIdentity: unlocked.wrappedIdentity,
          csrfToken: unlocked.csrfToken,
          idleSeconds: deps.config.vault.sessionIdleMs / 1000,
          failedAttemptsSinceLastUnlock: unlocked.failedAttemptsSinceLastUnlock,
        };
      },
    );

    r.post(
      '/api/vault/lock',
      {
        config,
        schema: {
          tags,
          security: open,
          summary: 'Lock: ends the session and clears what the browser kept',
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const token = request.cookies[VAULT_COOKIE];
        if (token) await lockVault(deps, token);
        void reply
          .clearCookie(VAULT_COOKIE, cookieOptions(deps))
          // Not "storage": the app's offline queue holds only ciphertext waiting to upload.
          .header('clear-site-data', '"cache", "cookies"');
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/vault/settings',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'The vault’s settings',
          response: { 200: VaultSettings, ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        const s = await vaultSettings(deps, vaultId);
        return { wipeAfter: s.wipeAfter };
      },
    );

    r.patch(
      '/api/vault/settings',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Set or clear the wipe after N wrong attempts',
          body: VaultSettings,
          response: { 200: VaultSettings, ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        await setWipeAfter(deps, vaultId, request.body.wipeAfter);
        return { wipeAfter: request.body.wipeAfter };
      },
    );

    r.post(
      '/api/vault/passphrase',
      {
        config,
        schema: {
          tags,
          security,
          summary:
            'Set a new passphrase (new salt, auth key and wrapped identity); other sessions end',
          body: ChangePassphraseRequest,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const vaultId = await requireVault(request, deps);
        await changePassphrase(deps, vaultId, request.vaultSession!.token, request.body);
        return reply.code(204).send(null);
      },
    );

    r.delete(
      '/api/vault',
      {
        config,
        schema: {
          tags,
          security,
          summary:
            'Erase the whole vault (its items, chain and everything stored): cannot be undone',
          body: zm.object({ authKey: AuthKey }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const vaultId = await requireVault(request, deps);
        await confirmOwner(deps, vaultId, request.body.authKey);
        await eraseVault(deps, vaultId);
        void reply
          .clearCookie(VAULT_COOKIE, cookieOptions(deps))
          .header('clear-site-data', '"cache", "cookies"');
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/api/vault/uploads',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Start a resumable upload of one age file (exact size and sha256 declared)',
          body: StartUploadRequest,
          response: { 201: UploadStatus, ...errors },
        },
      },
      async (request, reply) => {
        const vaultId = await requireVault(request, deps);
        return reply.code(201).send(presentUpload(await startUpload(deps, vaultId, request.body)));
      },
    );

    r.get(
      '/api/vault/uploads/:id',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Where an upload stands (a resumed upload continues at `received`)',
          params: IdParams,
          response: { 200: UploadStatus, ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        return presentUpload(await uploadOf(deps, vaultId, request.params.id));
      },
    );

    r.patch(
      '/api/vault/uploads/:id',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Send one chunk (application/octet-stream) at the offset in Upload-Offset',
          params: IdParams,
          response: { 200: UploadStatus, ...errors, 409: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        if (request.headers['content-type'] !== 'application/octet-stream') {
          throw new AppError('unsupported_media_type', 'Send a chunk as application/octet-stream.');
        }
        const offset = Number(request.headers[UPLOAD_OFFSET_HEADER]);
        const length = Number(request.headers['content-length']);
        if (!Number.isSafeInteger(offset) || offset < 0) {
          throw new AppError('bad_request', 'Upload-Offset must be a whole number of bytes.');
        }
        if (!Number.isSafeInteger(length)) {
          throw new AppError('bad_request', 'A chunk needs a Content-Length.');
        }
        const body = request.body as Readable;
        return presentUpload(
          await receiveChunk(deps, vaultId, request.params.id, offset, length, body),
        );
      },
    );

    r.post(
      '/api/vault/uploads/:id/finalize',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'Close an upload: an item exists only if length and sha256 match',
          params: IdParams,
          body: FinalizeUploadRequest,
          response: { 201: VaultItem, ...errors, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const vaultId = await requireVault(request, deps);
        const manifest = Buffer.from(request.body.manifest, 'base64url');
        const item = await finalizeItem(deps, vaultId, request.params.id, manifest);
        return reply.code(201).send(presentItem(item));
      },
    );

    r.get(
      '/api/vault/items',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'The vault’s items',
          response: { 200: z.object({ items: z.array(VaultItem) }), ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        return { items: (await listItems(deps, vaultId)).map(presentItem) };
      },
    );

    const download =
      (what: 'item' | 'manifest') =>
      async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        const vaultId = await requireVault(request, deps);
        const item = await itemOf(deps, vaultId, request.params.id);
        const key = what === 'item' ? item.blobKey : item.manifestKey;
        const size = what === 'item' ? item.size : item.manifestSize;
        return reply
          .type('application/octet-stream')
          .header('content-length', size)
          .header(
            'content-disposition',
            `attachment; filename="${item.id}${what === 'item' ? '' : '.manifest'}.age"`,
          )
          .send(await deps.blobs.stream(key));
      };
    r.get(
      '/api/vault/items/:id',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'An item’s age file',
          params: IdParams,
          response: file('The age file, as uploaded'),
        },
      },
      download('item'),
    );
    r.get(
      '/api/vault/items/:id/manifest',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'An item’s encrypted manifest',
          params: IdParams,
          response: file('The manifest, an age file'),
        },
      },
      download('manifest'),
    );

    r.delete(
      '/api/vault/items/:id',
      {
        config,
        schema: {
          tags,
          security,
          summary:
            'Delete an item: recorded in the chain, its ciphertext and shared copies removed',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const vaultId = await requireVault(request, deps);
        await deleteItem(deps, vaultId, request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/vault/chain',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'The vault’s hash chain',
          response: { 200: z.object({ entries: z.array(ChainEntry) }), ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        return { entries: await chainOf(deps.db, vaultId) };
      },
    );

    r.get(
      '/api/vault/verify',
      {
        config,
        schema: {
          tags,
          security,
          summary:
            'Checks the chain, every item’s stored ciphertext and every time-stamp against the head it covers; names what does not hold',
          response: { 200: ChainVerification, ...errors },
        },
      },
      async (request) => {
        const vaultId = await requireVault(request, deps);
        const v = await verifyVault(deps, vaultId, trustAnchors);
        return {
          ok: v.ok && v.alteredItems.length === 0 && v.timestampProblems.length === 0,
          entries: v.entries,
          brokenAt: v.brokenAt,
          reason: v.reason,
          alteredItems: v.alteredItems,
          timestampedHeads: v.timestampedHeads,
          timestampsUnchecked: v.timestampsUnchecked,
          timestampProblems: v.timestampProblems,
        };
      },
    );

    // Untyped reply: the answer is a stream, which the typed router does not take as a Buffer.
    scope.get(
      '/api/vault/export',
      {
        config,
        schema: {
          tags,
          security,
          summary: 'The export bundle (zip): age files, manifest, chain, time-stamps, VERIFY.txt',
          response: { ...file('The bundle', 'application/zip'), 413: ErrorResponse },
        },
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const vaultId = await requireVault(request, deps);
        let bundle;
        try {
          bundle = await exportBundle(deps, vaultId, deps.tsaTrustFile);
        } catch (err) {
          if (err instanceof ZipTooLargeError) throw new AppError('payload_too_large', err.message);
          throw err;
        }
        return reply
          .type('application/zip')
          .header('content-length', bundle.size)
          .header('content-disposition', 'attachment; filename="vault-export.zip"')
          .send(Readable.from(writeZip(bundle.entries)));
      },
    );

    registerShareRoutes(r, deps, { config, requireVault, presentUpload });
  });
}
