// The vault API as the app calls it: same origin, JSON in and out, the session's CSRF token on every
// state-changing call, each answer checked against the contract's schema (zod/mini at the edge).
// The session cookie is HttpOnly and scoped to /api/vault: the app never sees it.
import * as z from 'zod/mini';
import {
  AuthParamsResponse,
  CreateVaultResponse,
  ShareRequestView,
  UnlockResponse,
  UPLOAD_OFFSET_HEADER,
  UploadStatus,
  VAULT_CSRF_HEADER,
  VaultItem,
  VaultRecipient,
  VaultSettings,
  VaultShare,
  type CreateVaultRequest,
  type StartUploadRequest,
  type UnlockRequest,
} from '../../../src/contracts/vault-protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** No answer at all (offline, the server down): the outbox keeps what waits. */
export class OfflineError extends Error {}

const ErrorBody = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    retryAfterSeconds: z.optional(z.number()),
  }),
});

type Fetch = typeof fetch;

export class VaultApi {
  csrf = '';
  constructor(private readonly fetcher: Fetch = (...a) => fetch(...a)) {}

  async raw(method: string, url: string, body?: BodyInit, headers: HeadersInit = {}) {
    let res: Response;
    try {
      res = await this.fetcher(url, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          ...(method !== 'GET' && this.csrf ? { [VAULT_CSRF_HEADER]: this.csrf } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body } : {}),
      });
    } catch (err) {
      throw new OfflineError(err instanceof Error ? err.message : 'offline');
    }
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(
        res.status,
        parsed.success ? parsed.data.error.code : 'http_' + res.status,
        parsed.success ? parsed.data.error.message : res.statusText,
        parsed.data?.error.retryAfterSeconds ??
          (Number.isFinite(retry) && retry > 0 ? retry : null),
      );
    }
    return res;
  }

  async json<T>(schema: z.ZodMiniType<T>, method: string, url: string, body?: unknown): Promise<T> {
    const res = await this.raw(
      method,
      url,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? {} : { 'content-type': 'application/json' },
    );
    return schema.parse(await res.json());
  }

  async send(method: string, url: string, body?: unknown): Promise<void> {
    await this.raw(
      method,
      url,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? {} : { 'content-type': 'application/json' },
    );
  }

  async create(req: CreateVaultRequest) {
    const r = await this.json(CreateVaultResponse, 'POST', '/api/vault/vaults', req);
    this.csrf = r.csrfToken;
    return r;
  }
  authParams = (vaultId: string) =>
    this.json(AuthParamsResponse, 'POST', '/api/vault/auth-params', { vaultId });
  async unlock(req: UnlockRequest) {
    const r = await this.json(UnlockResponse, 'POST', '/api/vault/unlock', req);
    this.csrf = r.csrfToken;
    return r;
  }
  async lock() {
    this.csrf = '';
    await this.send('POST', '/api/vault/lock');
  }
  items = async () =>
    (await this.json(z.object({ items: z.array(VaultItem) }), 'GET', '/api/vault/items')).items;
  async itemBytes(itemId: string, what: 'item' | 'manifest'): Promise<Response> {
    return this.raw('GET', `/api/vault/items/${itemId}${what === 'manifest' ? '/manifest' : ''}`);
  }
  deleteItem = (itemId: string) => this.send('DELETE', `/api/vault/items/${itemId}`);
  settings = () => this.json(VaultSettings, 'GET', '/api/vault/settings');
  setWipeAfter = (wipeAfter: number | null) =>
    this.json(VaultSettings, 'PATCH', '/api/vault/settings', { wipeAfter });
  changePassphrase = (body: {
    authSalt: string;
    authKey: string;
    passphraseWrappedIdentity: string;
  }) => this.send('POST', '/api/vault/passphrase', body);
  erase = (authKey: string) => this.send('DELETE', '/api/vault', { authKey });

  startUpload = (body: StartUploadRequest) =>
    this.json(UploadStatus, 'POST', '/api/vault/uploads', body);
  startShare = (body: StartUploadRequest & { itemId: string; recipientId: string }) =>
    this.json(UploadStatus, 'POST', '/api/vault/shares', body);
  uploadStatus = (id: string) => this.json(UploadStatus, 'GET', `/api/vault/uploads/${id}`);
  async sendChunk(id: string, offset: number, bytes: Uint8Array) {
    const res = await this.raw('PATCH', `/api/vault/uploads/${id}`, bytes as BodyInit, {
      'content-type': 'application/octet-stream',
      [UPLOAD_OFFSET_HEADER]: String(offset),
    });
    return UploadStatus.parse(await res.json());
  }
  finalizeItem = (id: string, manifest: string) =>
    this.json(VaultItem, 'POST', `/api/vault/uploads/${id}/finalize`, { manifest });
  finalizeShare = (id: string) => this.json(VaultShare, 'POST', `/api/vault/shares/${id}/finalize`);

  recipients = async () =>
    (
      await this.json(
        z.object({ recipients: z.array(VaultRecipient) }),
        'GET',
        '/api/vault/recipients',
      )
    ).recipients;
  addRecipient = (shareCode: string) =>
    this.json(VaultRecipient, 'POST', '/api/vault/recipients', { shareCode });
  shares = async () =>
    (await this.json(z.object({ shares: z.array(VaultShare) }), 'GET', '/api/vault/shares')).shares;
  revokeShare = (shareId: string) => this.send('POST', `/api/vault/shares/${shareId}/revoke`);
  requests = async () =>
    (
      await this.json(
        z.object({ requests: z.array(ShareRequestView) }),
        'GET',
        '/api/vault/requests',
      )
    ).requests;
  answerRequest = (requestId: string, status: 'answered' | 'declined') =>
    this.send('POST', `/api/vault/requests/${requestId}/answer`, { status });
}
