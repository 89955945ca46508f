// The vault's services against both databases, where the API tests cannot aim: two writers at
// once (the same chunk offset twice, two finalizes, parallel wrong unlocks) leave one linear chain
// and exact counts; a finalize is done once; deleting an item chains it and erases its bytes and
// every shared copy; a time-stamp that fails stores nothing and the next try does.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../platform/blobs/index.js';
import { fixedClock } from '../platform/clock.js';
import { TimestampError } from '../platform/timestamp/rfc3161.js';
import { loadTrustAnchors, type TsaSettings } from '../platform/timestamp/tsa-client.js';
import { NOON_AMSTERDAM } from '../../test/helpers/clock.js';
import {
  createTsaPki,
  startLocalTsa,
  type LocalTsa,
  type TsaPki,
} from '../../test/helpers/local-tsa.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { fakeAgeFile, newVaultRequest, sha256 } from '../../test/helpers/vault-client.js';
import { createVault, unlockVault } from './access.js';
import { chainOf } from './chain-store.js';
import type { VaultDeps } from './deps.js';
import { verifyChain } from './domain/chain.js';
import { deleteItem, finalizeItem, listItems, receiveChunk, startUpload } from './items.js';
import { vaults, vaultTimestamps } from './schema.js';
import {
  addRecipient,
  finalizeShare,
  issueShareCode,
  registerRecipientKey,
  startShare,
} from './shares.js';
import { timestampHead } from './timestamps.js';
import { vaultJobs, vaultTimestampJobRef } from './jobs.js';
import { PermanentJobError } from '../platform/jobs.js';
import pino from 'pino';
import { createUser } from '../platform/auth/users.js';
import { CLI_ACTOR } from '../platform/actor.js';

const clock = fixedClock(NOON_AMSTERDAM);
let t: TestDatabase;
let blobDir: string;
let deps: VaultDeps;
let pki: TsaPki;
let tsa: LocalTsa;
let tsaSettings: TsaSettings;

const files = () =>
  readdirSync(blobDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));

async function newVault(): Promise<string> {
  const opened = await createVault(
    deps,
    newVaultRequest('a passphrase long enough').body as never,
    '192.0.2.9',
  );
  return opened.vaultId;
}

async function* once(b: Buffer) {
  yield b;
}

async function addItem(vaultId: string, bytes: Buffer) {
  const upload = await startUpload(deps, vaultId, { size: bytes.length, sha256: sha256(bytes) });
  await receiveChunk(deps, vaultId, upload.id, 0, bytes.length, once(bytes));
  return finalizeItem(deps, vaultId, upload.id, fakeAgeFile(Buffer.from('manifest')));
}

beforeAll(async () => {
  pki = await createTsaPki(clock.now());
  tsa = await startLocalTsa(pki, clock);
  t = await openTestDatabase({ VAULT_CREATIONS_PER_HOUR: '1000' });
  blobDir = mkdtempSync(path.join(tmpdir(), 'vault-blobs-'));
  deps = { db: t.database.db, config: t.config, clock, blobs: createFsBlobStore(blobDir) };
  tsaSettings = { url: tsa.url, trustAnchors: loadTrustAnchors(pki.caFile), timeoutMs: 10_000 };
});

afterAll(async () => {
  await t?.cleanup();
  await tsa?.stop();
  pki?.cleanup();
  rmSync(blobDir, { recursive: true, force: true });
});

describe('vault services', () => {
  it('takes one of two chunks sent for the same offset at once, and keeps one copy', async () => {
    const vaultId = await newVault();
    const bytes = fakeAgeFile(Buffer.from('one chunk'));
    const upload = await startUpload(deps, vaultId, { size: bytes.length, sha256: sha256(bytes) });
    const results = await Promise.allSettled([
      receiveChunk(deps, vaultId, upload.id, 0, bytes.length, once(bytes)),
      receiveChunk(deps, vaultId, upload.id, 0, bytes.length, once(bytes)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(files().filter((f) => f.includes(`uploads/${upload.id}`))).toHaveLength(1);
    const item = await finalizeItem(deps, vaultId, upload.id, fakeAgeFile(Buffer.from('m')));
    await expect(
      finalizeItem(deps, vaultId, upload.id, fakeAgeFile(Buffer.from('m'))),
    ).rejects.toThrow(/finalized/);
    expect((await listItems(deps, vaultId)).map((i) => i.id)).toEqual([item.id]);
  });

  it('keeps one linear chain when items are finalized at the same time', async () => {
    const vaultId = await newVault();
    await Promise.all(
      [1, 2, 3, 4].map((n) => addItem(vaultId, fakeAgeFile(Buffer.from(`item ${n}`)))),
    );
    const chain = await chainOf(t.database.db, vaultId);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(vaultId, chain).ok).toBe(true);
  });

  it('counts parallel wrong unlocks exactly', async () => {
    const req = newVaultRequest('yet another passphrase');
    const opened = await createVault(deps, req.body as never, '192.0.2.10');
    const attempts = await Promise.allSettled(
      [1, 2, 3].map(() =>
        unlockVault(
          deps,
          { vaultId: opened.publicId, method: 'passphrase', authKey: 'A'.repeat(43) },
          '192.0.2.1',
        ),
      ),
    );
    expect(attempts.every((a) => a.status === 'rejected')).toBe(true);
    const [row] = await t.database.db.select().from(vaults).where(eq(vaults.id, opened.vaultId));
    expect(row!.failures).toBe(3);
  });

  it('deletes an item: chained, its ciphertext, manifest and shared copies erased', async () => {
    const vaultId = await newVault();
    const item = await addItem(vaultId, fakeAgeFile(Buffer.from('to delete')));
    const { user } = await createUser(t.database.db, CLI_ACTOR, {
      email: `lawyer.${Date.now()}@example.org`,
      displayName: 'Lawyer',
      role: 'outreach_worker',
      partnerOrgId: null,
    });
    await registerRecipientKey(deps, user.id, `age1${'q'.repeat(58)}`);
    const lawyer = { userId: user.id, label: user.email, role: user.role };
    const { shareCode } = await issueShareCode(deps, lawyer, null);
    await addRecipient(deps, vaultId, shareCode);
    const copy = fakeAgeFile(Buffer.from('copy'));
    const up = await startShare(deps, vaultId, {
      itemId: item.id,
      recipientId: user.id,
      size: copy.length,
      sha256: sha256(copy),
    });
    await receiveChunk(deps, vaultId, up.id, 0, copy.length, once(copy));
    await finalizeShare(deps, vaultId, up.id);
    expect(files().filter((f) => f.includes(vaultId))).toHaveLength(3);

    await deleteItem(deps, vaultId, item.id);
    expect(files().filter((f) => f.includes(vaultId))).toEqual([]);
    const chain = await chainOf(t.database.db, vaultId);
    expect(chain.map((e) => e.kind)).toEqual(['created', 'added', 'shared', 'deleted']);
    expect(JSON.parse(chain.at(-1)!.canonical)).toMatchObject({ item: item.id });
    expect(verifyChain(vaultId, chain).ok).toBe(true);
    await expect(deleteItem(deps, vaultId, item.id)).rejects.toThrow(/No such item/);
  });

  it('stores a time-stamp only when the authority granted one, and tries again after a failure', async () => {
    const vaultId = await newVault();
    tsa.setMode('http-error');
    const failed = await timestampHead(deps, tsaSettings, vaultId).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TimestampError);
    expect((failed as TimestampError).retryable).toBe(true);
    const none = await t.database.db
      .select()
      .from(vaultTimestamps)
      .where(eq(vaultTimestamps.vaultId, vaultId));
    expect(none).toEqual([]);
    tsa.setMode('grant');
    expect(await timestampHead(deps, tsaSettings, vaultId)).toBe(1);
    expect(await timestampHead(deps, tsaSettings, vaultId)).toBeNull();
  });

  it('runs its jobs: a head stamped by the queued job, the rest by the sweep, a refusal not retried', async () => {
    const jobs = vaultJobs(deps, tsaSettings);
    const job = (name: string) => jobs.find((j) => j.name === name)!;
    const ctx = { log: pino({ level: 'silent' }), jobId: 'test', retryCount: 0 };
    expect(job('vault.timestamp-sweep').schedule?.cron).toBe('*/5 * * * *');
    expect(job('vault.cleanup').schedule?.cron).toBe('*/15 * * * *');
    const first = await newVault();
    const second = await newVault();
    const stamped = async (id: string) =>
      (await t.database.db.select().from(vaultTimestamps).where(eq(vaultTimestamps.vaultId, id)))
        .length;
    await job(vaultTimestampJobRef.name).handler({ vaultId: first }, ctx);
    expect(await stamped(first)).toBe(1);
    expect(await stamped(second)).toBe(0);
    await job('vault.timestamp-sweep').handler({}, ctx);
    expect(await stamped(second)).toBe(1);
    const third = await newVault();
    tsa.setMode('refuse');
    await expect(job(vaultTimestampJobRef.name).handler({ vaultId: third }, ctx)).rejects.toThrow(
      PermanentJobError,
    );
    tsa.setMode('grant');
    expect(await stamped(third)).toBe(0);
    // Without an authority the jobs do nothing and the sweep is not scheduled.
    const off = vaultJobs(deps, null);
    expect(off.find((j) => j.name === 'vault.timestamp-sweep')!.schedule).toBeUndefined();
    await off.find((j) => j.name === vaultTimestampJobRef.name)!.handler({ vaultId: third }, ctx);
    expect(await stamped(third)).toBe(0);
  });
});
