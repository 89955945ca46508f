// The evidence vault's server end to end on both databases, through the HTTP API as the person's
// app will use it: create (no e-mail, no phone), unlock right and wrong (throttled per vault and per
// address, wiped at the owner's N), lock and idle expiry, uploads in chunks (an interrupted chunk
// and an abandoned upload leave no item and expire), altered ciphertext and chain entries found by
// verification, time-stamps from a local `openssl ts` authority, sharing with a console user (each
// opening seen by the owner, revoke), the export bundle checked with unzip, sha256sum, openssl and
// the chain recipe of VERIFY.txt, erasing a vault, and a byte-for-byte search of the database and
// blob store for the plaintext of a known item and for the vault id, which find nothing.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/app/http-server.js';
import { fixedClock } from '../../src/platform/clock.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore, type BlobStore } from '../../src/platform/blobs/index.js';
import { loadTrustAnchors, type TsaSettings } from '../../src/platform/timestamp/tsa-client.js';
import { expireUploads, timestampPendingHeads, type VaultDeps } from '../../src/vault/index.js';
import { entryHash } from '../../src/vault/domain/chain.js';
import { readStoredZip } from '../../src/vault/zip-writer.js';
import { vaultChain, vaults, vaultTimestamps } from '../../src/vault/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { NOON_AMSTERDAM } from '../helpers/clock.js';
import {
  createTsaPki,
  openssl,
  startLocalTsa,
  type LocalTsa,
  type TsaPki,
} from '../helpers/local-tsa.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import {
  deriveAuthKey,
  fakeAgeFile,
  newVaultRequest,
  sha256,
  VaultClient,
  type NewVault,
} from '../helpers/vault-client.js';

const log = pino({ level: process.env.VLOG ?? 'silent' });
const clock = fixedClock(NOON_AMSTERDAM);
/** The plaintext of the known test item: it must be nowhere on the server. */
const MARKER = `PLAINTEXT-MARKER-${randomBytes(6).toString('hex')}`;
const PASSPHRASE = 'correct horse battery staple, but longer';
/** A worker's request to share: stored, but only encrypted under the field keys. */
const REQUEST = 'Could you share the payment screenshots?';

let t: TestDatabase;
let app: FastifyInstance;
let blobDir: string;
let blobs: BlobStore;
let pki: TsaPki;
let tsa: LocalTsa;
let tsaSettings: TsaSettings;
let deps: VaultDeps;
let owner: VaultClient;
let created: NewVault;
let vaultId: string;
let worker: ApiCall;
let knownItem: Buffer;
let knownItemId: string;

const tmp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'vault-test-'));
  tmp.push(d);
  return d;
};

async function createVault(client: VaultClient, passphrase = PASSPHRASE, wipeAfter?: number) {
  const req = newVaultRequest(passphrase, wipeAfter);
  const res = await client.call('POST', '/api/vault/vaults', req.body);
  expect(res.status, res.body.toString()).toBe(201);
  return { req, id: res.json.vaultId as string };
}

async function unlock(client: VaultClient, id: string, authKey: string, method = 'passphrase') {
  return client.call('POST', '/api/vault/unlock', { vaultId: id, method, authKey });
}

const randomKey = () => randomBytes(32).toString('base64url');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The vault's internal id, as its chain names it (the public id is stored nowhere). */
async function internalVaultId(): Promise<string> {
  const chain = (await owner.call('GET', '/api/vault/chain')).json.entries as {
    canonical: string;
  }[];
  return (JSON.parse(chain[0]!.canonical) as { vault: string }).vault;
}

/** Audit entries of these actions, oldest first. */
async function auditOf(...actions: string[]) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, actions))
    .orderBy(asc(auditLog.seq));
}

/** Downloads the export bundle and unpacks it; returns the directory. */
async function exportedBundle(): Promise<string> {
  const res = await owner.call('GET', '/api/vault/export');
  expect(res.status).toBe(200);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'bundle.zip'), res.body);
  execFileSync('unzip', ['-q', 'bundle.zip', '-d', 'out'], { cwd: dir });
  return path.join(dir, 'out');
}

/** Runs the chain recipe of the bundle's VERIFY.txt exactly as written there. */
function runChainRecipe(out: string): string {
  const verify = readFileSync(path.join(out, 'VERIFY.txt'), 'utf8');
  const recipe = verify.slice(
    verify.indexOf("python3 -c '") + 12,
    verify.indexOf('print("chain ok")\'') + 17,
  );
  const py = recipe
    .split('\n')
    .map((l) => l.replace(/^ {5}/, ''))
    .join('\n');
  return execFileSync('python3', ['-c', py], {
    cwd: out,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** `openssl ts -verify` of a bundle's token over its text, with the bundle's CA (test clock). */
const verifyToken = (out: string, s: { token: string; data: string }, data = s.data) =>
  openssl(
    clock.now(),
    ['ts', '-verify', '-in', s.token, '-token_in', '-data', data, '-CAfile', 'tsa-ca.pem'],
    out,
  );

beforeAll(async () => {
  pki = await createTsaPki(clock.now());
  tsa = await startLocalTsa(pki, clock);
  t = await openTestDatabase({
    AUDIT_TSA_URL: tsa.url,
    AUDIT_TSA_TRUST_FILE: pki.caFile,
    VAULT_ADDRESS_FAILURES_PER_HOUR: '12',
    VAULT_CREATIONS_PER_HOUR: '3',
    VAULT_QUOTA_MB: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  blobDir = tempDir();
  blobs = createFsBlobStore(blobDir);
  app = await buildHttpServer({ config: t.config, database: t.database, log, clock, blobs });
  tsaSettings = { url: tsa.url, trustAnchors: loadTrustAnchors(pki.caFile), timeoutMs: 10_000 };
  deps = { db: t.database.db, config: t.config, clock, blobs };
  owner = new VaultClient(app, '10.0.0.1');
  const made = await createVault(owner);
  created = made.req;
  vaultId = made.id;
  worker = await signInAs(app, t.database.db, 'outreach_worker');
});

// Tests move the clock (throttling, idling, expiry): the owner's device unlocks again as needed.
beforeEach(async () => {
  if ((await owner.call('GET', '/api/vault/settings')).status === 200) return;
  const again = await unlock(owner, vaultId, created.body.authKey as string);
  expect(again.status).toBe(200);
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  await tsa?.stop();
  pki?.cleanup();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('creating and opening a vault', () => {
  it('gives a random id, a session cookie scoped to the vault API, and nothing cacheable', async () => {
    const client = new VaultClient(app, '10.0.1.1');
    const req = newVaultRequest('another long passphrase here');
    const res = await client.call('POST', '/api/vault/vaults', req.body);
    expect(res.status).toBe(201);
    expect(res.json.vaultId).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(res.json.vaultId).not.toBe(vaultId);
    expect(res.cookies.map((c) => c.name)).toEqual(['ariadne_vault']);
    expect(res.cookies[0]).toMatchObject({
      path: '/api/vault',
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // The id is not stored: only its keyed hash.
    const rows = await t.database.db.select().from(vaults);
    expect(JSON.stringify(rows)).not.toContain(res.json.vaultId as string);
  });

  it('refuses bad input clearly and keeps nothing', async () => {
    const before = (await t.database.db.select().from(vaults)).length;
    const bad = await new VaultClient(app).call('POST', '/api/vault/vaults', {
      ...created.body,
      authKey: 'short',
    });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { message: string }).message).toMatch(/authKey/);
    expect((await t.database.db.select().from(vaults)).length).toBe(before);
  });

  it('limits the vaults one address creates in an hour', async () => {
    const maker = new VaultClient(app, '10.0.10.1');
    for (let i = 0; i < 3; i++) {
      const made = await maker.call(
        'POST',
        '/api/vault/vaults',
        newVaultRequest(`passphrase number ${i}`).body,
      );
      expect(made.status).toBe(201);
    }
    const refused = await maker.call(
      'POST',
      '/api/vault/vaults',
      newVaultRequest('one too many').body,
    );
    expect(refused.status).toBe(429);
    expect(refused.cookies).toEqual([]);
    expect(
      (
        await new VaultClient(app, '10.0.10.2').call(
          'POST',
          '/api/vault/vaults',
          newVaultRequest('elsewhere').body,
        )
      ).status,
    ).toBe(201);
  });

  it('answers salts for any id, real or not, the same way', async () => {
    const c = new VaultClient(app);
    const real = await c.call('POST', '/api/vault/auth-params', { vaultId });
    expect(real.json).toMatchObject({
      authSalt: created.authSalt,
      recoverySalt: created.recoverySalt,
    });
    const made = await c.call('POST', '/api/vault/auth-params', {
      vaultId: '00000-00000-00000-00000',
    });
    const again = await c.call('POST', '/api/vault/auth-params', {
      vaultId: '00000-00000-00000-00000',
    });
    expect(made.status).toBe(200);
    expect(made.json.authSalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(made.json).toEqual(again.json);
  });

  it('unlocks with the passphrase or the recovery code, on a second device, and returns the wrapped identity', async () => {
    const device = new VaultClient(app, '10.0.2.1');
    const right = await unlock(
      device,
      vaultId.toLowerCase().replaceAll('-', ' '),
      created.body.authKey as string,
    );
    expect(right.status, right.body.toString()).toBe(200);
    expect(right.json.wrappedIdentity).toBe(created.body.passphraseWrappedIdentity);
    expect(right.json.vaultId).toBe(vaultId);
    expect((await device.call('GET', '/api/vault/items')).status).toBe(200);
    const viaRecovery = new VaultClient(app, '10.0.2.2');
    const rec = await unlock(
      viaRecovery,
      vaultId,
      deriveAuthKey(created.recoveryCode, created.recoverySalt, 'recovery'),
      'recovery',
    );
    expect(rec.status).toBe(200);
    expect(rec.json.wrappedIdentity).toBe(created.body.recoveryWrappedIdentity);
    // The recovery key does not pass as the passphrase's.
    const crossed = await unlock(
      new VaultClient(app, '10.0.2.3'),
      vaultId,
      created.body.recoveryAuthKey as string,
    );
    expect(crossed.status).toBe(401);
  });

  it('throttles wrong attempts per vault, reveals nothing, and tells the owner at the next unlock', async () => {
    const client = new VaultClient(app, '10.0.3.1');
    const { req, id } = await createVault(client, 'a third long passphrase');
    const device = new VaultClient(app, '10.0.3.2');
    for (let i = 0; i < 3; i++) {
      const wrong = await unlock(device, id, randomKey());
      expect(wrong.status).toBe(401);
      expect(wrong.json.wrappedIdentity).toBeUndefined();
      expect(wrong.cookies).toEqual([]);
    }
    const waiting = await unlock(device, id, req.body.authKey as string);
    expect(waiting.status).toBe(429);
    expect((waiting.json.error as { retryAfterSeconds: number }).retryAfterSeconds).toBe(30);
    expect(waiting.json.wrappedIdentity).toBeUndefined();
    // An id that is no vault is made to wait the same way: a 429 does not tell a vault exists.
    const stranger = new VaultClient(app, '10.0.3.3');
    const ghost = '7K2QH-M9XTR-4VBNC-8WDJE';
    for (let i = 0; i < 3; i++)
      expect((await unlock(stranger, ghost, randomKey())).status).toBe(401);
    const ghostWait = await unlock(stranger, ghost, randomKey());
    expect(ghostWait.status).toBe(429);
    expect(ghostWait.json.error).toEqual(waiting.json.error);
    clock.advance(30_000);
    const right = await unlock(device, id, req.body.authKey as string);
    expect(right.status).toBe(200);
    expect(right.json.failedAttemptsSinceLastUnlock).toBe(3);
  });

  it('wipes the vault at the owner’s Nth wrong attempt, blobs and all', async () => {
    const client = new VaultClient(app, '10.0.4.1');
    const { req, id } = await createVault(client, 'a fourth long passphrase', 3);
    expect(
      (await client.upload(fakeAgeFile(Buffer.from('x')), 1000, fakeAgeFile(Buffer.from('m'))))
        .status,
    ).toBe(201);
    const [row] = await t.database.db
      .select({ id: vaults.id })
      .from(vaults)
      .orderBy(sql`created_at DESC`)
      .limit(1);
    const files = () => filesUnder(blobDir).filter((f) => f.includes(row!.id));
    expect(files().length).toBeGreaterThan(0);
    const device = new VaultClient(app, '10.0.4.2');
    for (let i = 0; i < 3; i++) expect((await unlock(device, id, randomKey())).status).toBe(401);
    expect(await t.database.db.select().from(vaults).where(eq(vaults.id, row!.id))).toEqual([]);
    expect(files()).toEqual([]);
    expect((await unlock(device, id, req.body.authKey as string)).status).toBe(401);
    expect((await client.call('GET', '/api/vault/items')).status).toBe(401);
  });

  it('limits wrong attempts per address over all vault ids, without storing the address', async () => {
    const guesser = new VaultClient(app, '10.0.5.1');
    for (let i = 0; i < 12; i++) {
      const id = `${randomBytes(3).toString('hex').toUpperCase().slice(0, 5)}-00000-00000-00000`;
      expect((await unlock(guesser, id, randomKey())).status).toBe(401);
    }
    const blocked = await unlock(guesser, vaultId, created.body.authKey as string);
    expect(blocked.status).toBe(429);
    // Another address is not held up.
    expect(
      (await unlock(new VaultClient(app, '10.0.5.2'), vaultId, created.body.authKey as string))
        .status,
    ).toBe(200);
    const stored = await t.database.db.execute(
      sql`SELECT address_hash FROM vault_address_failures`,
    );
    expect(JSON.stringify(stored.rows)).not.toContain('10.0.5.1');
  });

  it('after a recovery, a new passphrase replaces the old one and ends the other sessions', async () => {
    const first = new VaultClient(app, '10.0.8.1');
    const { req, id } = await createVault(first, 'a passphrase someone else learnt');
    const rescuer = new VaultClient(app, '10.0.8.2');
    const recovered = await unlock(
      rescuer,
      id,
      deriveAuthKey(req.recoveryCode, req.recoverySalt, 'recovery'),
      'recovery',
    );
    expect(recovered.status).toBe(200);
    const fresh = newVaultRequest('the new passphrase nobody knows');
    const changed = await rescuer.call('POST', '/api/vault/passphrase', {
      authSalt: fresh.body.authSalt,
      authKey: fresh.body.authKey,
      passphraseWrappedIdentity: fresh.body.passphraseWrappedIdentity,
    });
    expect(changed.status, changed.body.toString()).toBe(204);
    expect((await first.call('GET', '/api/vault/items')).status).toBe(401);
    expect((await rescuer.call('GET', '/api/vault/items')).status).toBe(200);
    const device = new VaultClient(app, '10.0.8.3');
    expect((await unlock(device, id, req.body.authKey as string)).status).toBe(401);
    const params = await device.call('POST', '/api/vault/auth-params', { vaultId: id });
    expect(params.json.authSalt).toBe(fresh.body.authSalt);
    const again = await unlock(device, id, fresh.body.authKey as string);
    expect(again.status).toBe(200);
    expect(again.json.wrappedIdentity).toBe(fresh.body.passphraseWrappedIdentity);
  });

  it('ends the session on lock (clearing site data) and after idling', async () => {
    const device = new VaultClient(app, '10.0.6.1');
    expect((await unlock(device, vaultId, created.body.authKey as string)).status).toBe(200);
    const noCsrf = await device.call(
      'PATCH',
      '/api/vault/settings',
      { wipeAfter: null },
      { 'x-vault-csrf': 'nope' },
    );
    expect(noCsrf.status).toBe(403);
    const cookie = device.cookie;
    const locked = await device.call('POST', '/api/vault/lock');
    expect(locked.status).toBe(204);
    expect(locked.headers['clear-site-data']).toBe('"cache", "cookies"');
    device.cookie = cookie;
    expect((await device.call('GET', '/api/vault/items')).status).toBe(401);

    const idle = new VaultClient(app, '10.0.6.2');
    expect((await unlock(idle, vaultId, created.body.authKey as string)).status).toBe(200);
    clock.advance(t.config.vault.sessionIdleMs - 1000);
    expect((await idle.call('GET', '/api/vault/items')).status).toBe(200);
    clock.advance(t.config.vault.sessionIdleMs);
    const expired = await idle.call('GET', '/api/vault/items');
    expect(expired.status).toBe(401);
    expect((expired.json.error as { code: string }).code).toBe('session_expired');
  });
});

describe('items', () => {
  it('uploads in chunks at exact offsets and finalizes only a whole, matching file', async () => {
    knownItem = fakeAgeFile(
      Buffer.from(`${MARKER} photo of an injury, payment proof`.repeat(2000)),
    );
    const manifest = fakeAgeFile(
      Buffer.from(JSON.stringify({ name: `${MARKER}.jpg`, sha256: 'x' })),
    );
    const started = await owner.call('POST', '/api/vault/uploads', {
      size: knownItem.length,
      sha256: sha256(knownItem),
    });
    expect(started.status).toBe(201);
    const id = started.json.uploadId as string;
    const send = (off: number, len: number, at = off) =>
      owner.call('PATCH', `/api/vault/uploads/${id}`, knownItem.subarray(off, off + len), {
        'upload-offset': String(at),
      });
    expect((await send(0, 30_000)).json.received).toBe(30_000);
    const wrongOffset = await send(30_000, 1000, 29_000);
    expect(wrongOffset.status).toBe(409);
    expect((wrongOffset.json.error as { expectedOffset: number }).expectedOffset).toBe(30_000);
    const early = await owner.call('POST', `/api/vault/uploads/${id}/finalize`, {
      manifest: manifest.toString('base64url'),
    });
    expect(early.status).toBe(409);
    const past = await owner.call(
      'PATCH',
      `/api/vault/uploads/${id}`,
      Buffer.alloc(knownItem.length),
      {
        'upload-offset': '30000',
      },
    );
    expect(past.status).toBe(400);
    // A resumed upload asks where it stands and goes on from there.
    const status = await owner.call('GET', `/api/vault/uploads/${id}`);
    expect(status.json.received).toBe(30_000);
    for (let off = 30_000; off < knownItem.length; off += 30_000) {
      expect((await send(off, 30_000)).status).toBe(200);
    }
    const done = await owner.call('POST', `/api/vault/uploads/${id}/finalize`, {
      manifest: manifest.toString('base64url'),
    });
    expect(done.status, done.body.toString()).toBe(201);
    expect(done.json).toMatchObject({
      itemId: id,
      size: knownItem.length,
      sha256: sha256(knownItem),
    });
    knownItemId = id;
    const back = await owner.call('GET', `/api/vault/items/${id}`);
    expect(back.body.equals(knownItem)).toBe(true);
    const m = await owner.call('GET', `/api/vault/items/${id}/manifest`);
    expect(m.body.equals(manifest)).toBe(true);
    // No chunk is left behind once the item exists.
    expect(filesUnder(blobDir).filter((f) => f.includes(`uploads/${id}`))).toEqual([]);
  });

  it("refuses an upload past the vault's space, before a byte is sent", async () => {
    const big = await owner.call('POST', '/api/vault/uploads', {
      size: 1024 * 1024,
      sha256: 'a'.repeat(64),
    });
    expect(big.status).toBe(413);
    expect((big.json.error as { message: string }).message).toMatch(/bytes left/);
  });

  it('refuses a file whose bytes are not what was declared, and keeps nothing of it', async () => {
    const file = fakeAgeFile(Buffer.from('declared one thing'));
    const started = await owner.call('POST', '/api/vault/uploads', {
      size: file.length,
      sha256: sha256(Buffer.from('something else')),
    });
    const id = started.json.uploadId as string;
    await owner.call('PATCH', `/api/vault/uploads/${id}`, file, { 'upload-offset': '0' });
    const refused = await owner.call('POST', `/api/vault/uploads/${id}/finalize`, {
      manifest: fakeAgeFile(Buffer.from('m')).toString('base64url'),
    });
    expect(refused.status).toBe(422);
    expect((await owner.call('GET', `/api/vault/uploads/${id}`)).json.state).toBe('failed');
    expect(filesUnder(blobDir).filter((f) => f.includes(id))).toEqual([]);
    const items = (await owner.call('GET', '/api/vault/items')).json.items as { itemId: string }[];
    expect(items.map((i) => i.itemId)).not.toContain(id);
  });

  it('an interrupted chunk leaves nothing; the upload resumes; an abandoned one expires with no item', async () => {
    const file = fakeAgeFile(randomBytes(50_000));
    const started = await owner.call('POST', '/api/vault/uploads', {
      size: file.length,
      sha256: sha256(file),
    });
    const id = started.json.uploadId as string;
    expect(
      (
        await owner.call('PATCH', `/api/vault/uploads/${id}`, file.subarray(0, 20_000), {
          'upload-offset': '0',
        })
      ).status,
    ).toBe(200);

    // The connection drops halfway through the second chunk, while the server is writing it.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const temps = () => filesUnder(path.join(blobDir, '~tmp'));
    const until = async (what: string, done: () => boolean) => {
      for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(done(), what).toBe(true);
    };
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'PATCH',
      path: `/api/vault/uploads/${id}`,
      headers: {
        cookie: owner.cookie,
        'x-vault-csrf': owner.csrf,
        'content-type': 'application/octet-stream',
        'content-length': '20000',
        'upload-offset': '20000',
      },
    });
    req.on('error', () => undefined);
    req.write(file.subarray(20_000, 30_000));
    await until('the server is writing the chunk', () => temps().length === 1);
    req.destroy();
    await until('the half-written chunk is gone', () => temps().length === 0);
    expect(filesUnder(blobDir).filter((f) => f.includes(`uploads/${id}`))).toHaveLength(1);
    const status = await owner.call('GET', `/api/vault/uploads/${id}`);
    expect(status.json.received).toBe(20_000);
    expect(
      (
        await owner.call('PATCH', `/api/vault/uploads/${id}`, file.subarray(20_000, 30_000), {
          'upload-offset': '20000',
        })
      ).status,
    ).toBe(200);

    // Then the device goes away for good: past the expiry the job removes it; no item.
    clock.advance(t.config.vault.uploadExpiryMs + 1000);
    const again = new VaultClient(app, '10.0.7.1');
    expect((await unlock(again, vaultId, created.body.authKey as string)).status).toBe(200);
    owner.cookie = again.cookie;
    owner.csrf = again.csrf;
    expect(await expireUploads(deps)).toBeGreaterThanOrEqual(1);
    expect((await owner.call('GET', `/api/vault/uploads/${id}`)).json.state).toBe('expired');
    expect(filesUnder(blobDir).filter((f) => f.includes(id))).toEqual([]);
    const late = await owner.call('PATCH', `/api/vault/uploads/${id}`, file.subarray(30_000), {
      'upload-offset': '30000',
    });
    expect(late.status).toBe(409);
    const items = (await owner.call('GET', '/api/vault/items')).json.items as { itemId: string }[];
    expect(items.map((i) => i.itemId)).not.toContain(id);
  });
});

describe('integrity', () => {
  it('time-stamps each new head at the authority, as a job apart from the upload', async () => {
    const before = tsa.requests();
    expect(await timestampPendingHeads(deps, tsaSettings)).toBeGreaterThanOrEqual(1);
    expect(tsa.requests()).toBeGreaterThan(before);
    const v = await owner.call('GET', '/api/vault/verify');
    expect(v.json).toMatchObject({
      ok: true,
      brokenAt: null,
      alteredItems: [],
      timestampsUnchecked: 0,
      timestampProblems: [],
    });
    expect(v.json.timestampedHeads).toBeGreaterThanOrEqual(1);
    // Heads already stamped are not asked for again.
    const n = tsa.requests();
    expect(await timestampPendingHeads(deps, tsaSettings)).toBe(0);
    expect(tsa.requests()).toBe(n);
  });

  it('finds an altered chain entry and names it, and an altered ciphertext', async () => {
    const chain = (await owner.call('GET', '/api/vault/chain')).json.entries as {
      seq: number;
      kind: string;
      canonical: string;
    }[];
    const added = chain.find((e) => e.kind === 'added')!;
    const [vault] = await t.database.db
      .select({ id: vaults.id })
      .from(vaultChain)
      .innerJoin(vaults, eq(vaults.id, vaultChain.vaultId))
      .where(eq(vaultChain.canonical, added.canonical));
    const tampered = added.canonical.replace(/"size":\d+/, '"size":1');
    await t.database.db.execute(
      sql`UPDATE vault_chain SET canonical = ${tampered} WHERE vault_id = ${vault!.id} AND seq = ${added.seq}`,
    );
    const broken = await owner.call('GET', '/api/vault/verify');
    expect(broken.json).toMatchObject({ ok: false, brokenAt: added.seq });
    // Not even JSON any more: still a clear answer, not an error.
    await t.database.db.execute(
      sql`UPDATE vault_chain SET canonical = 'garbled' WHERE vault_id = ${vault!.id} AND seq = ${added.seq}`,
    );
    const garbled = await owner.call('GET', '/api/vault/verify');
    expect(garbled.status).toBe(200);
    expect(garbled.json).toMatchObject({ ok: false, brokenAt: added.seq });
    await t.database.db.execute(
      sql`UPDATE vault_chain SET canonical = ${added.canonical} WHERE vault_id = ${vault!.id} AND seq = ${added.seq}`,
    );
    expect((await owner.call('GET', '/api/vault/verify')).json.ok).toBe(true);

    const file = filesUnder(blobDir).find((f) => f.endsWith(`${knownItemId}.age`))!;
    const original = readFileSync(file);
    const altered = Buffer.from(original);
    altered[altered.length - 1] = altered[altered.length - 1]! ^ 1;
    writeFileSync(file, altered);
    const found = await owner.call('GET', '/api/vault/verify');
    expect(found.json).toMatchObject({ ok: false, brokenAt: null, alteredItems: [knownItemId] });
    writeFileSync(file, original);
    expect((await owner.call('GET', '/api/vault/verify')).json.ok).toBe(true);
  });
});

describe('time-stamps against the chain', () => {
  it('a chain rewritten with every hash recomputed still chains, but its time-stamps fail, on the server and in the export', async () => {
    await timestampPendingHeads(deps, tsaSettings);
    const id = await internalVaultId();
    const rows = await t.database.db
      .select()
      .from(vaultChain)
      .where(eq(vaultChain.vaultId, id))
      .orderBy(asc(vaultChain.seq));
    const [first] = await t.database.db
      .select({ seq: vaultTimestamps.seq })
      .from(vaultTimestamps)
      .where(eq(vaultTimestamps.vaultId, id))
      .orderBy(asc(vaultTimestamps.seq))
      .limit(1);
    const from = first!.seq;
    const stamped = (
      await t.database.db
        .select({ seq: vaultTimestamps.seq })
        .from(vaultTimestamps)
        .where(eq(vaultTimestamps.vaultId, id))
    ).map((r) => r.seq);
    // What someone with write access to the database can do: change entry `from` (a field the
    // chain's own checks do not read) and recompute every hash after it, head included.
    let prev = rows.find((r) => r.seq === from)!.prevHash;
    for (const row of rows.filter((r) => r.seq >= from)) {
      const canonical =
        row.seq === from ? row.canonical.replace(/}$/, ',"zz":"rewritten"}') : row.canonical;
      const hash = entryHash(prev, canonical);
      await t.database.db
        .update(vaultChain)
        .set({ canonical, prevHash: prev, hash })
        .where(and(eq(vaultChain.vaultId, id), eq(vaultChain.seq, row.seq)));
      prev = hash;
    }
    await t.database.db.update(vaults).set({ headHash: prev }).where(eq(vaults.id, id));
    try {
      const v = await owner.call('GET', '/api/vault/verify');
      expect(v.json).toMatchObject({ ok: false, brokenAt: null, alteredItems: [] });
      const problems = v.json.timestampProblems as { seq: number; reason: string }[];
      expect(problems.map((p) => p.seq).sort((a, b) => a - b)).toEqual(
        stamped.filter((seq) => seq >= from).sort((a, b) => a - b),
      );
      expect(problems[0]!.reason).toMatch(/rewritten/);

      // The bundle: the recipe recomputes the rewritten chain and finds each token's text naming
      // its head, but `openssl ts -verify` refuses the token over the head the chain has now.
      const out = await exportedBundle();
      expect(runChainRecipe(out)).toBe('chain ok\n');
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
        timestamps: { seq: number; token: string; data: string }[];
      };
      const rewritten = manifest.timestamps.find((s) => s.seq === from)!;
      await expect(verifyToken(out, rewritten)).rejects.toThrow();
    } finally {
      for (const row of rows) {
        await t.database.db
          .update(vaultChain)
          .set({ canonical: row.canonical, prevHash: row.prevHash, hash: row.hash })
          .where(and(eq(vaultChain.vaultId, id), eq(vaultChain.seq, row.seq)));
      }
      await t.database.db
        .update(vaults)
        .set({ headHash: rows.at(-1)!.hash })
        .where(eq(vaults.id, id));
    }
    expect((await owner.call('GET', '/api/vault/verify')).json.ok).toBe(true);
  });
});

const AGE_KEY = `age1${'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.repeat(2).slice(0, 58)}`;

describe('sharing', () => {
  let shareId: string;

  it('shares an item with a worker whose code the owner entered; the worker opens it; the owner sees it', async () => {
    expect((await worker('POST', '/api/vault-recipient/share-codes', {})).res.statusCode).toBe(409);
    expect(
      (await worker('POST', '/api/vault-recipient/key', { agePublicKey: AGE_KEY })).res.statusCode,
    ).toBe(200);
    const code = (await worker('POST', '/api/vault-recipient/share-codes', {})).json
      .shareCode as string;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(
      (await owner.call('POST', '/api/vault/recipients', { shareCode: 'AAAA-AAAA' })).status,
    ).toBe(404);
    const added = await owner.call('POST', '/api/vault/recipients', {
      shareCode: code.toLowerCase(),
    });
    expect(added.status).toBe(201);
    expect(added.json.agePublicKey).toBe(AGE_KEY);
    // Single use.
    expect((await owner.call('POST', '/api/vault/recipients', { shareCode: code })).status).toBe(
      404,
    );
    const recipientId = added.json.recipientId as string;
    // Issuing and using the code are audited: who, what, when — never the code itself. The
    // person is no user and leaves no address; the entry names the vault by its internal id.
    const trail = await auditOf('vault.share_code.issue', 'vault.share_code.use');
    expect(trail).toMatchObject([
      {
        action: 'vault.share_code.issue',
        actorUserId: recipientId,
        targetType: 'user',
        targetId: recipientId,
      },
      {
        action: 'vault.share_code.use',
        actorUserId: null,
        actorLabel: 'vault owner',
        ip: null,
        targetType: 'user',
        targetId: recipientId,
        details: { vault: await internalVaultId(), caseId: null },
      },
    ]);
    expect(JSON.stringify(trail)).not.toContain(code);
    expect(JSON.stringify(trail)).not.toContain(code.replace('-', ''));

    const copy = fakeAgeFile(Buffer.from(`${MARKER} re-encrypted to the worker`));
    const started = await owner.call('POST', '/api/vault/shares', {
      itemId: knownItemId,
      recipientId,
      size: copy.length,
      sha256: sha256(copy),
    });
    expect(started.status).toBe(201);
    const uploadId = started.json.uploadId as string;
    expect(
      (await owner.call('PATCH', `/api/vault/uploads/${uploadId}`, copy, { 'upload-offset': '0' }))
        .status,
    ).toBe(200);
    const shared = await owner.call('POST', `/api/vault/shares/${uploadId}/finalize`);
    expect(shared.status, shared.body.toString()).toBe(201);
    shareId = shared.json.shareId as string;

    const mine = (await worker('GET', '/api/vault-recipient/shares')).json.shares as {
      shareId: string;
    }[];
    expect(mine.map((s) => s.shareId)).toEqual([shareId]);
    const opened = await worker('GET', `/api/vault-recipient/shares/${shareId}`);
    expect(opened.res.statusCode).toBe(200);
    expect(opened.res.rawPayload.equals(copy)).toBe(true);
    const seen = (await owner.call('GET', '/api/vault/shares')).json.shares as {
      opens: string[];
    }[];
    expect(seen[0]!.opens).toEqual([clock.now().toISOString()]);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'vault.share.open'));
    expect(audited.map((a) => a.targetId)).toEqual([shareId]);
  });

  it('gives the recipient a bundle of what is shared with them, each copy counted as opened', async () => {
    const res = await worker('GET', '/api/vault-recipient/export');
    expect(res.res.statusCode).toBe(200);
    const zip = readStoredZip(res.res.rawPayload);
    const byName = new Map(zip.map((e) => [e.name, e.data]));
    const copy = byName.get(`shares/${shareId}.age`)!;
    expect(byName.get('SHA256SUMS')!.toString()).toBe(`${sha256(copy)}  shares/${shareId}.age\n`);
    const manifest = JSON.parse(byName.get('manifest.json')!.toString()) as {
      shares: {
        shareId: string;
        chainEntry: { canonical: string; prevHash: string; hash: string };
      }[];
    };
    const entry = manifest.shares[0]!.chainEntry;
    expect(JSON.parse(entry.canonical)).toMatchObject({
      kind: 'shared',
      share: shareId,
      sha256: sha256(copy),
    });
    expect(
      createHash('sha256')
        .update(Buffer.from(entry.prevHash, 'hex'))
        .update(entry.canonical)
        .digest('hex'),
    ).toBe(entry.hash);
    expect(byName.get('VERIFY.txt')!.toString()).toContain('age -d');
    const seen = (await owner.call('GET', '/api/vault/shares')).json.shares as {
      opens: string[];
    }[];
    expect(seen[0]!.opens).toHaveLength(2);
  });

  it('revoking ends future access and is chained', async () => {
    expect((await owner.call('POST', `/api/vault/shares/${shareId}/revoke`)).status).toBe(204);
    expect((await worker('GET', `/api/vault-recipient/shares/${shareId}`)).res.statusCode).toBe(
      404,
    );
    expect((await worker('GET', '/api/vault-recipient/shares')).json.shares).toEqual([]);
    const kinds = (
      (await owner.call('GET', '/api/vault/chain')).json.entries as { kind: string }[]
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'added', 'shared', 'share-revoked']));
    expect((await owner.call('GET', '/api/vault/verify')).json.ok).toBe(true);
  });
});

describe('requests to share', () => {
  it('a worker asks through a case; the person sees it and answers; nothing is taken', async () => {
    const opened = await worker('POST', '/api/cases', {});
    expect(opened.res.statusCode, opened.res.body).toBe(200);
    const caseId = opened.json.id as string;
    // Before the person added the worker for this case there is no vault to ask.
    const early = await worker('POST', '/api/vault-recipient/requests', { caseId, message: 'x' });
    expect(early.res.statusCode).toBe(404);
    await worker('POST', '/api/vault-recipient/key', { agePublicKey: AGE_KEY });
    const code = await worker('POST', '/api/vault-recipient/share-codes', { caseId });
    expect(code.res.statusCode, code.res.body).toBe(201);
    const added = await owner.call('POST', '/api/vault/recipients', {
      shareCode: code.json.shareCode,
    });
    expect(added.status).toBe(201);
    const workerId = added.json.recipientId as string;
    const asked = await worker('POST', '/api/vault-recipient/requests', {
      caseId,
      message: REQUEST,
    });
    expect(asked.res.statusCode, asked.res.body).toBe(201);
    expect(asked.json.vaults).toBe(1);
    // A colleague who may not see the case cannot ask through it.
    const other = await signInAs(app, t.database.db, 'outreach_worker');
    const refused = await other('POST', '/api/vault-recipient/requests', { caseId, message: 'x' });
    expect(refused.res.statusCode).toBe(404);
    const seen = (await owner.call('GET', '/api/vault/requests')).json.requests as {
      requestId: string;
      message: string;
      status: string;
    }[];
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      message: REQUEST,
      status: 'open',
    });
    const answered = await owner.call('POST', `/api/vault/requests/${seen[0]!.requestId}/answer`, {
      status: 'declined',
    });
    expect(answered.status).toBe(204);
    const after = (await owner.call('GET', '/api/vault/requests')).json.requests as {
      status: string;
    }[];
    expect(after[0]!.status).toBe('declined');
    // The code made for the case, the request and the answer are audited against the case (the
    // refused colleague's attempt wrote nothing); neither the words nor the code are in the log.
    const trail = await auditOf(
      'vault.share_code.issue',
      'vault.share_request.create',
      'vault.share_request.answer',
    );
    expect(trail.slice(-3)).toMatchObject([
      {
        action: 'vault.share_code.issue',
        actorUserId: workerId,
        targetType: 'case',
        targetId: caseId,
      },
      {
        action: 'vault.share_request.create',
        actorUserId: workerId,
        targetType: 'case',
        targetId: caseId,
        details: { requests: [seen[0]!.requestId] },
      },
      {
        action: 'vault.share_request.answer',
        actorUserId: null,
        actorLabel: 'vault owner',
        ip: null,
        targetType: 'vault_share_request',
        targetId: seen[0]!.requestId,
        details: { vault: await internalVaultId(), caseId, status: 'declined' },
      },
    ]);
    expect(trail.filter((a) => a.action === 'vault.share_request.create')).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain(REQUEST);
    expect(JSON.stringify(trail)).not.toContain(code.json.shareCode as string);
    // Asking shares nothing: the worker still has no item of this vault.
    expect((await worker('GET', '/api/vault-recipient/shares')).json.shares).toEqual([]);
  });
});

describe('the export bundle', () => {
  it('holds the age files, manifest, chain, tokens and VERIFY.txt, and checks with standard tools', async () => {
    await timestampPendingHeads(deps, tsaSettings);
    const res = await owner.call('GET', '/api/vault/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bundle.zip'), res.body);
    expect(execFileSync('unzip', ['-t', 'bundle.zip'], { cwd: dir }).toString()).toMatch(
      /No errors detected/,
    );
    execFileSync('unzip', ['-q', 'bundle.zip', '-d', 'out'], { cwd: dir });
    const out = path.join(dir, 'out');
    expect(readFileSync(path.join(out, `items/${knownItemId}.age`)).equals(knownItem)).toBe(true);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out }).toString()).toContain(
      `items/${knownItemId}.age: OK`,
    );
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      items: { itemId: string; sha256: string }[];
      timestamps: { seq: number; token: string; data: string }[];
      head: { seq: number; hash: string };
    };
    expect(manifest.items.find((i) => i.itemId === knownItemId)?.sha256).toBe(sha256(knownItem));
    // The chain recipe of VERIFY.txt, run as written: the chain, and each token's text naming it.
    expect(runChainRecipe(out)).toBe('chain ok\n');
    // Every token verifies with openssl against the authority's certificate (on the test's clock).
    expect(manifest.timestamps.length).toBeGreaterThanOrEqual(1);
    for (const s of manifest.timestamps) await verifyToken(out, s);
    const newest = manifest.timestamps.at(-1)!;
    expect(readFileSync(path.join(out, newest.data), 'utf8')).toContain(`seq=${newest.seq}\n`);
    // A token over another text does not verify.
    writeFileSync(path.join(out, 'other.txt'), 'something else');
    await expect(verifyToken(out, newest, 'other.txt')).rejects.toThrow();
    // Nor does the recipe pass a token's text that names another head than the chain's (heads
    // were stamped before and after the sharing above: there are two at least).
    const older = manifest.timestamps[0]!;
    expect(older.seq).toBeLessThan(newest.seq);
    writeFileSync(path.join(out, older.data), readFileSync(path.join(out, newest.data)));
    expect(() => runChainRecipe(out)).toThrow(/AssertionError/);
  });
});

describe('what the server keeps', () => {
  it('holds no plaintext of the known item, no vault id, passphrase or request text, byte for byte', async () => {
    const needles = [MARKER, vaultId, PASSPHRASE, created.recoveryCode, REQUEST].map((s) =>
      Buffer.from(s),
    );
    const tables = await t.database.db.execute<{ schema: string; name: string }>(sql`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`);
    let dump = '';
    for (const { schema, name } of tables.rows) {
      const rows = await t.database.db.execute(
        sql.raw(`SELECT t::text AS row FROM "${schema}"."${name}" t`),
      );
      dump += rows.rows.map((r) => String((r as { row: string }).row)).join('\n');
    }
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain(sha256(knownItem));
    const haystacks: [string, Buffer][] = [['database dump', Buffer.from(dump)]];
    for (const f of filesUnder(blobDir)) haystacks.push([f, readFileSync(f)]);
    if (t.kind === 'pglite') {
      for (const f of filesUnder(t.config.dataDir)) {
        if (statSync(f).size < 64 * 1024 * 1024) haystacks.push([f, readFileSync(f)]);
      }
    }
    for (const [where, bytes] of haystacks) {
      for (const needle of needles)
        expect(bytes.indexOf(needle), `${needle.toString()} in ${where}`).toBe(-1);
    }
  });
});

describe('erasing a vault', () => {
  it('needs the passphrase again, then removes every row and blob of the vault', async () => {
    const client = new VaultClient(app, '10.0.9.1');
    const { req } = await createVault(client, 'a vault to erase, long enough');
    expect(
      (await client.upload(fakeAgeFile(randomBytes(5000)), 2000, fakeAgeFile(Buffer.from('m'))))
        .status,
    ).toBe(201);
    const [row] = await t.database.db
      .select({ id: vaults.id })
      .from(vaults)
      .orderBy(sql`created_at DESC, id`)
      .limit(1);
    const before = filesUnder(blobDir).filter((f) => f.includes(row!.id));
    expect(before.length).toBeGreaterThan(0);
    expect((await client.call('DELETE', '/api/vault', { authKey: randomKey() })).status).toBe(401);
    const erased = await client.call('DELETE', '/api/vault', { authKey: req.body.authKey });
    expect(erased.status).toBe(204);
    expect(erased.headers['clear-site-data']).toBe('"cache", "cookies"');
    expect(filesUnder(blobDir).filter((f) => f.includes(row!.id))).toEqual([]);
    const left = await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM vault_chain WHERE vault_id = ${row!.id}`,
    );
    expect((left.rows[0] as { n: number }).n).toBe(0);
  });
});
