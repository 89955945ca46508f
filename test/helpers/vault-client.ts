// A stand-in for the person's vault app over the API, for server tests: it derives auth keys as
// the contract says (scrypt, AUTH_KDF), carries the vault cookie and CSRF token, and uploads in
// chunks. The server never sees plaintext, so the "age files" here are opaque stand-ins made with
// node:crypto (AES-256-GCM behind an age-like header): no age implementation is installed
// (age-encryption is not in node_modules); the later client session uses the real one.
import { createCipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AUTH_KDF, VAULT_CSRF_HEADER } from '../../src/contracts/vault-protocol.js';

export function deriveAuthKey(secret: string, salt: string, which: 'passphrase' | 'recovery') {
  const label = which === 'passphrase' ? AUTH_KDF.passphraseLabel : AUTH_KDF.recoveryLabel;
  return scryptSync(
    Buffer.from(secret.normalize('NFKC'), 'utf8'),
    Buffer.concat([Buffer.from(label, 'utf8'), Buffer.from(salt, 'base64url')]),
    AUTH_KDF.dkLen,
    { N: AUTH_KDF.N, r: AUTH_KDF.r, p: AUTH_KDF.p, maxmem: 256 * 1024 * 1024 },
  ).toString('base64url');
}

/** Opaque bytes that look like an age file and reveal nothing of `plaintext`. */
export function fakeAgeFile(plaintext: Buffer): Buffer {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.from(
    `age-encryption.org/v1\n-> X25519 ${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n--- ${randomBytes(32).toString('base64')}\n`,
  );
  return Buffer.concat([header, iv, body]);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
  json: Record<string, unknown>;
  cookies: { name: string; value: string; [k: string]: unknown }[];
}

export class VaultClient {
  cookie = '';
  csrf = '';
  constructor(
    readonly app: FastifyInstance,
    readonly address = '127.0.0.1',
  ) {}

  async call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Reply> {
    const raw = Buffer.isBuffer(body);
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.address,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { [VAULT_CSRF_HEADER]: this.csrf } : {}),
        ...(body !== undefined
          ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' }
          : {}),
        ...extra,
      },
      ...(body !== undefined ? { payload: raw ? body : JSON.stringify(body) } : {}),
    });
    const cookies = res.cookies as Reply['cookies'];
    for (const c of cookies) {
      if (c.name !== 'ariadne_vault') continue;
      this.cookie = c.value ? `ariadne_vault=${c.value}` : '';
    }
    const json =
      res.headers['content-type']?.toString().includes('json') && res.body
        ? (JSON.parse(res.body) as Record<string, unknown>)
        : {};
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.statusCode, headers: res.headers, body: res.rawPayload, json, cookies };
  }

  /** Uploads `file` in chunks of `chunk` bytes and finalizes it with `manifest`. */
  async upload(file: Buffer, chunk: number, manifest: Buffer): Promise<Reply> {
    const started = await this.call('POST', '/api/vault/uploads', {
      size: file.length,
      sha256: sha256(file),
    });
    if (started.status !== 201) return started;
    const id = started.json.uploadId as string;
    for (let off = 0; off < file.length; off += chunk) {
      const sent = await this.call(
        'PATCH',
        `/api/vault/uploads/${id}`,
        file.subarray(off, off + chunk),
        {
          'upload-offset': String(off),
        },
      );
      if (sent.status !== 200) return sent;
    }
    return this.call('POST', `/api/vault/uploads/${id}/finalize`, {
      manifest: manifest.toString('base64url'),
    });
  }
}

export interface NewVault {
  passphrase: string;
  recoveryCode: string;
  authSalt: string;
  recoverySalt: string;
  body: Record<string, unknown>;
}

/** What the app sends to create a vault (salts chosen, keys derived, identity "wrapped"). */
export function newVaultRequest(passphrase: string, wipeAfter?: number | null): NewVault {
  const authSalt = randomBytes(16).toString('base64url');
  const recoverySalt = randomBytes(16).toString('base64url');
  const recoveryCode = randomBytes(15).toString('hex');
  const wrapped = (label: string) =>
    Buffer.concat([
      Buffer.from(`age-encryption.org/v1\n-> scrypt ${label} 18\n`),
      randomBytes(180),
    ]).toString('base64url');
  return {
    passphrase,
    recoveryCode,
    authSalt,
    recoverySalt,
    body: {
      authSalt,
      authKey: deriveAuthKey(passphrase, authSalt, 'passphrase'),
      recoverySalt,
      recoveryAuthKey: deriveAuthKey(recoveryCode, recoverySalt, 'recovery'),
      passphraseWrappedIdentity: wrapped('pass'),
      recoveryWrappedIdentity: wrapped('recovery'),
      ...(wipeAfter !== undefined ? { wipeAfter } : {}),
    },
  };
}
