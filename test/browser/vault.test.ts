// The person's vault app in Chromium, on a real `ariadne start` of its own (no demo) with a local
// RFC 3161 authority (`openssl ts`). A person creates a vault (passphrase with its strength meter,
// the id and recovery code shown once), adds a file of a few MB with a known marker, saves their
// key, adds a note while offline (it waits encrypted in the outbox and uploads when the connection
// is back), and locks. In a second browser context they unlock with id and passphrase, the file
// decrypts there byte for byte, and the export bundle checks out with Debian's `age`, `sha256sum -c`
// and `openssl ts -verify` as its VERIFY.txt says. Neither browser's IndexedDB, caches or local
// storage, nor the server's data directory (database and blobs), holds the marker. The file is
// shared with an outreach worker (a share code made for their case; the copy re-encrypted to their
// age key opens with `age`), the opening shows, revoking warns plainly, and the worker's request
// through the case is answered. The recovery code opens the vault to set a new passphrase; the
// settings take a wipe-after count and the neutral app name. Left idle (the page's clock moved on
// with Playwright's clock, not waited for) the app locks itself, and the lock's answer carries
// Clear-Site-Data; offline, the installed shell still opens and says unlocking needs the internet.
// Quick exit from an open vault leaves no history entry, ends the server's session (Clear-Site-Data
// again) and leaves nothing of the item readable on the device. Wrong passphrases reveal nothing,
// are told to the owner at the next unlock, and are throttled.
// Every wait is on an element, a download or a response, never a sleep. The server is a child
// process on the machine's clock, so the authority signs on that clock too (systemClock): a
// time-stamp further than five minutes from the server's clock would be refused.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/platform/clock.js';
import { createTsaPki, startLocalTsa, type LocalTsa, type TsaPki } from '../helpers/local-tsa.js';
import {
  apiSignIn,
  ensureConsoleBuilt,
  freePort,
  freshDataDir,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Started,
} from './harness.js';

const PASSPHRASE = 'lantern orchard velvet 48 copper';
const ADMIN_PASSWORD = 'granite orchard beacon 52';
const WORKER_PASSWORD = 'harbour thistle canvas 65';
const NEW_PASSPHRASE = 'thistle lagoon marble 91 saffron';
const WAIT_MS = 60_000;
/** A step's budget: scrypt, Argon2 sign-ins and Chromium share two cores with the rest of a run. */
const JOURNEY_STEP_MS = 240_000;
const wait = <T>(fn: () => Promise<T> | T) => poll(fn, WAIT_MS);

const MARKER = `VAULT-JOURNEY-MARKER-${randomBytes(6).toString('hex')}`;
const NOTE_MARKER = `VAULT-NOTE-MARKER-${randomBytes(6).toString('hex')}`;

/** 3 MB of synthetic bytes with the marker every 64 kB. */
function syntheticFile(): Buffer {
  const b = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7 + (i >> 11)) & 0xff;
  for (let at = 0; at + MARKER.length < b.length; at += 65_536) b.write(MARKER, at, 'latin1');
  return b;
}

/** One unlock with a wrong passphrase on the start screen: its HTTP status (the body must not
 * carry the wrapped identity, and the app must not open). */
async function wrongAttempt(p: Page, vaultId: string): Promise<number> {
  await p.getByLabel('Vault id').fill(vaultId);
  await p.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all 12');
  const answer = p.waitForResponse((r) => r.url().endsWith('/api/vault/unlock'));
  await p.getByRole('button', { name: 'Unlock' }).click();
  const res = await answer;
  expect(await res.text()).not.toContain('wrappedIdentity');
  return res.status();
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Everything the page's origin keeps (IndexedDB, Cache Storage, local storage), as latin1 text. */
async function deviceStorage(p: Page): Promise<{ text: string; chunks: number; cached: string[] }> {
  return p.evaluate(async () => {
    const latin1 = (u8: Uint8Array) => {
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000) {
        s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      }
      return s;
    };
    const asText = (v: unknown): string =>
      v instanceof Uint8Array
        ? latin1(v)
        : v instanceof ArrayBuffer
          ? latin1(new Uint8Array(v))
          : (JSON.stringify(v) ?? '');
    let text = '';
    let chunks = 0;
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
        if (name === 'chunks') chunks += all.length;
        text += all.map(asText).join('\n');
      }
      db.close();
    }
    const cached: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        cached.push(new URL(req.url).pathname);
        text += req.url + latin1(new Uint8Array(await res!.arrayBuffer()));
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      text += k + (localStorage.getItem(k) ?? '');
    }
    return { text, chunks, cached };
  });
}

/** Files under `dir` that contain `needle` (byte for byte). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const bytes = Buffer.from(needle, 'latin1');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        e.isFile() &&
        statSync(p).size < 512 * 1024 * 1024 &&
        readFileSync(p).includes(bytes)
      )
        hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

describe('the person’s vault app', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let base: string;
  let pki: TsaPki;
  let tsa: LocalTsa;
  let work: string;
  let first: BrowserContext;
  let second: BrowserContext;
  let vaultId = '';
  let recoveryCode = '';
  /** The second browser's page, unlocked, for the sharing step. */
  let owner: Page;
  const file = syntheticFile();
  const watch = pageWatch();
  const shot = screenshots('vault');

  beforeAll(async () => {
    ensureConsoleBuilt();
    work = mkdtempSync(path.join(tmpdir(), 'ariadne-vault-journey-'));
    pki = await createTsaPki(systemClock.now());
    tsa = await startLocalTsa(pki, systemClock);
    dataDir = freshDataDir('vault');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startServer(dataDir, {
      demo: false,
      port,
      env: {
        PUBLIC_URL: base,
        AUDIT_TSA_URL: tsa.url,
        AUDIT_TSA_TRUST_FILE: pki.caFile,
        // Quick exit goes somewhere on this machine: the journey must not reach the internet.
        CHAT_EXIT_URL: `${base}/healthz`,
      },
    });
    browser = await launchChromium();
    first = await newContext(browser, { acceptDownloads: true });
    second = await newContext(browser, { acceptDownloads: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    await tsa?.stop();
    pki?.cleanup();
    removeDataDir(dataDir);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(
    'creates a vault, adds a file and an offline note, keeps no plaintext on the device, saves the key and locks',
    async () => {
      const p = await newPage(first);
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      await p.goto(`${base}/vault?lang=en`);
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      await p.getByRole('button', { name: 'Make a new vault' }).click();
      await p.getByRole('heading', { name: 'New vault' }).waitFor();
      await p.getByLabel('Choose a passphrase').fill('password1');
      await p
        .getByText('Very weak')
        .or(p.getByText('Weak', { exact: true }))
        .waitFor();
      await p.getByLabel('Choose a passphrase').fill(PASSPHRASE);
      await p.getByText(/^(Strong|Very strong)$/).waitFor();
      await p.getByLabel('Type the passphrase again').fill(PASSPHRASE);
      await p.getByRole('button', { name: 'Make a new vault' }).click();
      await p.getByRole('heading', { name: 'Write these down' }).waitFor();
      vaultId = (await p.locator('#vault-id').textContent())!;
      expect(vaultId).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
      recoveryCode = (await p.locator('#recovery-code').textContent())!;
      expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
      await shot(p, 'created');
      const go = p.getByRole('button', { name: 'Continue' });
      expect(await go.isDisabled()).toBe(true);
      await p.getByLabel('I have written down the vault id and the recovery code').check();
      await go.click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();

      // A file of a few MB: encrypted into the outbox in chunks, uploaded, listed.
      await p.getByRole('button', { name: 'Add', exact: true }).click();
      await p.getByLabel('Choose a file').setInputFiles({
        name: 'evidence.bin',
        mimeType: 'application/octet-stream',
        buffer: file,
      });
      await p.getByLabel('Description (optional)').fill('synthetic test file');
      const finalized = p.waitForResponse(
        (r) => /\/api\/vault\/uploads\/[^/]+\/finalize$/.test(r.url()) && r.status() === 201,
      );
      await p.getByRole('button', { name: 'Save in the vault' }).click();
      await finalized;
      await p.getByText('Saved in your vault.').waitFor();
      await p.locator('#items tr', { hasText: 'synthetic test file' }).waitFor();
      expect(await p.locator('#items tbody tr').first().textContent()).toContain('File');

      // Offline, a typed note waits in the outbox as ciphertext only.
      await first.setOffline(true);
      await p.getByRole('button', { name: 'Add', exact: true }).click();
      await p.getByLabel('Or type a note').fill(`met at the station ${NOTE_MARKER}`);
      await p.getByRole('button', { name: 'Save in the vault' }).click();
      await p.getByText('No connection.', { exact: false }).waitFor();
      const offline = await deviceStorage(p);
      expect(offline.chunks).toBeGreaterThan(0);
      expect(offline.text).not.toContain(NOTE_MARKER);
      expect(offline.text).not.toContain(MARKER);
      expect(offline.text).not.toContain('met at the station');
      const uploadedNote = p.waitForResponse(
        (r) => /\/api\/vault\/uploads\/[^/]+\/finalize$/.test(r.url()) && r.status() === 201,
      );
      await first.setOffline(false);
      await uploadedNote;
      await p.locator('#items tbody tr').nth(1).waitFor();
      expect(await p.locator('#items').textContent()).toContain('Note');
      // The service worker keeps the app shell, and nothing the API answered.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await wait(async () => (await deviceStorage(p)).cached).toContain('/vault/app.js');
      const after = await deviceStorage(p);
      expect(after.cached).toContain('/vault/');
      expect(after.cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
      expect(after.chunks).toBe(0);
      expect(after.text).not.toContain(NOTE_MARKER);
      expect(after.text).not.toContain(MARKER);

      // "Save my key": an age identity file.
      const saved = p.waitForEvent('download');
      await p.getByRole('button', { name: 'Save my key' }).click();
      await (await saved).saveAs(path.join(work, 'key.txt'));
      expect(readFileSync(path.join(work, 'key.txt'), 'utf8')).toMatch(
        /# public key: age1[a-z0-9]+\nAGE-SECRET-KEY-1[A-Z0-9]+\n$/,
      );

      const locked = p.waitForResponse((r) => r.url().endsWith('/api/vault/lock'));
      await p.getByRole('button', { name: 'Lock', exact: true }).click();
      const lockAnswer = await locked;
      expect(lockAnswer.status()).toBe(204);
      expect((await lockAnswer.allHeaders())['clear-site-data']).toContain('"cookies"');
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      expect(await p.getByRole('button', { name: 'Lock', exact: true }).isVisible()).toBe(false);
    },
    JOURNEY_STEP_MS,
  );

  it(
    'unlocks in a second browser, decrypts the file there, and exports a bundle that standard tools verify',
    async () => {
      const p = await newPage(second);
      owner = p;
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      await p.goto(`${base}/vault/?lang=en`);
      // Two wrong tries first (free ones): the owner is told of them at the next unlock.
      for (let i = 0; i < 2; i++) {
        expect(await wrongAttempt(p, vaultId)).toBe(401);
        await p.getByText('That did not open a vault.').waitFor();
      }
      await p.getByLabel('Vault id').fill(vaultId.toLowerCase().replace(/-/g, ''));
      await p.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await p.getByRole('button', { name: 'Unlock' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await p
        .getByText(
          'Since you last opened the vault, someone tried 2 times to open it with a wrong passphrase.',
        )
        .waitFor();
      await shot(p, 'items');
      expect(await p.locator('#items tbody tr').count()).toBe(2);

      await p
        .locator('#items tr', { hasText: 'synthetic test file' })
        .getByRole('button', { name: 'Open' })
        .click();
      await p.getByRole('heading', { name: 'synthetic test file' }).waitFor();
      expect(await p.locator('dd.mono').textContent()).toBe(sha256(file));
      const download = p.waitForEvent('download');
      await p.getByRole('button', { name: 'Download' }).click();
      const plain = path.join(work, 'decrypted.bin');
      await (await download).saveAs(plain);
      expect((await download).suggestedFilename()).toBe('evidence.bin');
      expect(sha256(readFileSync(plain))).toBe(sha256(file));
      rmSync(plain);
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();

      // The chain's head is time-stamped by the job the upload queued; then export.
      await wait(() =>
        p.evaluate(async () => {
          const v = (await (await fetch('/api/vault/verify')).json()) as {
            ok: boolean;
            entries: number;
            timestampedHeads: number;
          };
          return v.ok && v.timestampedHeads >= 1;
        }),
      ).toBe(true);
      const exported = p.waitForEvent('download');
      await p.getByRole('link', { name: 'Download everything (zip)' }).click();
      const zip = path.join(work, 'vault-export.zip');
      await (await exported).saveAs(zip);
      const bundle = path.join(work, 'bundle');
      execFileSync('python3', ['-m', 'zipfile', '-e', zip, bundle]);
      const run = (cmd: string, args: string[]) =>
        execFileSync(cmd, args, {
          cwd: bundle,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });

      expect(run('sha256sum', ['-c', 'SHA256SUMS'])).toMatch(/: OK\n/);
      const manifest = JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8')) as {
        items: { file: string; manifestFile: string }[];
        timestamps: { token: string; data: string }[];
      };
      expect(manifest.items).toHaveLength(2);
      const key = path.join(work, 'key.txt');
      const opened = manifest.items.map((i) => {
        const about = JSON.parse(run('age', ['-d', '-i', key, i.manifestFile])) as {
          sha256: string;
          description: string;
        };
        execFileSync('age', ['-d', '-i', key, '-o', path.join(work, 'item.out'), i.file], {
          cwd: bundle,
        });
        const content = readFileSync(path.join(work, 'item.out'));
        rmSync(path.join(work, 'item.out'));
        expect(sha256(content)).toBe(about.sha256);
        return { about, content };
      });
      const big = opened.find((o) => o.about.description === 'synthetic test file')!;
      expect(big.content.equals(file)).toBe(true);
      expect(opened.some((o) => o.content.toString('utf8').includes(NOTE_MARKER))).toBe(true);

      expect(manifest.timestamps.length).toBeGreaterThanOrEqual(1);
      expect(readFileSync(path.join(bundle, 'VERIFY.txt'), 'utf8')).toContain('openssl ts -verify');
      const ca = readdirSync(bundle).includes('tsa-ca.pem')
        ? path.join(bundle, 'tsa-ca.pem')
        : pki.caFile;
      for (const t of manifest.timestamps) {
        const out = execFileSync(
          'openssl',
          ['ts', '-verify', '-in', t.token, '-token_in', '-data', t.data, '-CAfile', ca],
          { cwd: bundle, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        );
        expect(out).toContain('Verification: OK');
      }

      // Nothing of the item in plaintext on this device either, nor on the server.
      const stored = await deviceStorage(p);
      expect(stored.text).not.toContain(MARKER);
      expect(stored.text).not.toContain(NOTE_MARKER);
      expect(filesContaining(dataDir, MARKER)).toEqual([]);
      expect(filesContaining(dataDir, NOTE_MARKER)).toEqual([]);
    },
    JOURNEY_STEP_MS,
  );

  it(
    'shares the file with a worker who gave a share code, shows each opening, revokes with the plain warning, and answers the worker’s request',
    async () => {
      const p = owner;
      // The worker: a console user with an age key for receiving, who gives the person a share code.
      const adminContext = await newContext(browser);
      const admin = await apiSignIn(
        adminContext.request,
        base,
        server.email,
        server.password,
        ADMIN_PASSWORD,
      );
      const email = 'noor@vault-journey.example';
      const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
        email,
        displayName: 'Noor',
        role: 'outreach_worker',
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      await adminContext.close();
      const workerContext = await newContext(browser);
      const worker = await apiSignIn(
        workerContext.request,
        base,
        email,
        created.json.oneTimePassword,
        WORKER_PASSWORD,
      );
      const workerIdentity = await generateX25519Identity();
      const workerKey = path.join(work, 'worker-key.txt');
      writeFileSync(workerKey, `${workerIdentity}\n`);
      expect(
        (
          await worker.post('/api/vault-recipient/key', {
            agePublicKey: await identityToRecipient(workerIdentity),
          })
        ).status,
      ).toBe(200);
      // The code is made for a case, so the worker can ask through it later.
      const opened = await worker.post<{ id: string }>('/api/cases', {});
      expect(opened.status).toBe(200);
      const caseId = opened.json.id;
      const code = await worker.post<{ shareCode: string }>('/api/vault-recipient/share-codes', {
        caseId,
      });
      expect(code.status).toBe(201);

      await p.getByRole('button', { name: 'Sharing', exact: true }).click();
      await p.getByRole('heading', { name: 'Sharing', level: 1 }).waitFor();
      await p.getByText('Nobody yet.', { exact: false }).waitFor();
      await p.getByLabel('Share code from your worker').fill(code.json.shareCode.toLowerCase());
      await p.getByRole('button', { name: 'Add', exact: true }).click();
      await p.getByLabel('synthetic test file').check();
      const finalized = p.waitForResponse(
        (r) => /\/api\/vault\/shares\/[^/]+\/finalize$/.test(r.url()) && r.status() === 201,
      );
      await p.getByRole('button', { name: 'Share', exact: true }).click();
      await finalized;
      await p.getByText('Shared.', { exact: true }).waitFor();
      await p.locator('#shares li', { hasText: 'Shared with Noor' }).waitFor();
      await p.locator('#shares li', { hasText: 'Not opened yet' }).waitFor();

      // The worker opens the copy: it is an age file to their key, and decrypts to the file.
      const listed = await worker.get<{ shares: { shareId: string }[] }>(
        '/api/vault-recipient/shares',
      );
      expect(listed.json.shares).toHaveLength(1);
      const shareId = listed.json.shares[0]!.shareId;
      const copy = await workerContext.request.get(`${base}/api/vault-recipient/shares/${shareId}`);
      expect(copy.status()).toBe(200);
      const copyFile = path.join(work, 'copy.age');
      writeFileSync(copyFile, await copy.body());
      const copyPlain = path.join(work, 'copy.bin');
      execFileSync('age', ['-d', '-i', workerKey, '-o', copyPlain, copyFile]);
      expect(sha256(readFileSync(copyPlain))).toBe(sha256(file));
      rmSync(copyPlain);

      // The owner sees the opening; stopping warns that opened copies cannot be recalled.
      // Each screen waits for the one before it: a screen renders after its reads, so until the
      // items screen is shown the sharing screen's "Stop sharing" is the only button whose name
      // holds "Sharing" (under load a click landed on it and the list never showed the opening).
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await p.getByRole('button', { name: 'Sharing', exact: true }).click();
      await p.getByRole('heading', { name: 'Sharing', level: 1 }).waitFor();
      await p.locator('#shares li', { hasText: 'Opened:' }).waitFor();
      p.once('dialog', (d) => {
        expect(d.message()).toContain('copies they already opened cannot be taken back');
        void d.accept();
      });
      await p.getByRole('button', { name: 'Stop sharing' }).click();
      await p.locator('#shares li', { hasText: 'Stopped on' }).waitFor();
      const after = await workerContext.request.get(
        `${base}/api/vault-recipient/shares/${shareId}`,
      );
      expect(after.status()).toBeGreaterThanOrEqual(400);

      // The worker asks, through the case, for more; the person sees it and answers.
      const asked = await worker.post<{ vaults: number }>('/api/vault-recipient/requests', {
        caseId,
        message: 'Could you share the photos of the flat as well?',
      });
      expect(asked.json.vaults).toBe(1);
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await p.getByRole('button', { name: 'Requests', exact: true }).click();
      await p.getByRole('heading', { name: 'Requests to share' }).waitFor();
      await p.getByText('Could you share the photos of the flat as well?').waitFor();
      await p.getByRole('button', { name: 'Mark as answered' }).click();
      await p.getByText('Answered', { exact: true }).waitFor();
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await workerContext.close();
    },
    JOURNEY_STEP_MS,
  );

  it(
    'opens with the recovery code, however it is typed, and sets a new passphrase',
    async () => {
      const p = await newPage(first);
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      await p.goto(`${base}/vault/?lang=en`);
      await p
        .getByRole('button', { name: 'I forgot my passphrase: use the recovery code' })
        .click();
      await p.getByRole('heading', { name: 'Open with the recovery code' }).waitFor();
      await p.getByLabel('Vault id').fill(vaultId);
      await p.getByLabel('Recovery code').fill(recoveryCode.toLowerCase().replace(/-/g, ' '));
      await p.getByRole('button', { name: 'Unlock' }).click();
      await p.getByRole('heading', { name: 'Set a new passphrase' }).waitFor();
      await p.getByLabel('Choose a passphrase').fill(NEW_PASSPHRASE);
      await p.getByText(/^(Strong|Very strong)$/).waitFor();
      await p.getByLabel('Type the passphrase again').fill(NEW_PASSPHRASE);
      await p.getByRole('button', { name: 'Save the new passphrase' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await p.getByText('The new passphrase is set.', { exact: false }).waitFor();

      // Settings: the wipe after N wrong attempts, and the neutral name for the installed app.
      await p.getByRole('button', { name: 'Settings' }).click();
      await p.getByRole('heading', { name: 'Settings' }).waitFor();
      await p
        .getByLabel('Erase the vault after this many wrong passphrases in a row')
        .selectOption('10');
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByText('Saved.', { exact: true }).waitFor();
      expect(
        await p.evaluate(
          async () => (await (await fetch('/api/vault/settings')).json()) as unknown,
        ),
      ).toEqual({ wipeAfter: 10 });
      await p.getByLabel('Show the installed app as "Notes" with a plain icon').check();
      expect(await p.title()).toBe('Notes');
      expect(await p.locator('link[rel="manifest"]').getAttribute('href')).toContain('neutral=1');
      await p.getByRole('button', { name: 'Back' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      await p.getByRole('button', { name: 'Lock', exact: true }).click();
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      await p.getByLabel('Vault id').fill(vaultId);
      await p.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
      await p.getByRole('button', { name: 'Unlock' }).click();
      await p.getByRole('heading', { name: 'Your items' }).waitFor();
      expect(await p.locator('#items tbody tr').count()).toBe(2);
      await p.getByRole('button', { name: 'Lock', exact: true }).click();
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
    },
    JOURNEY_STEP_MS,
  );

  it(
    'locks itself when idle (the page’s clock moved on), opens offline from the installed shell, and quick exit from an open vault leaves no history entry, no session and nothing readable',
    async () => {
      const context = await newContext(browser);
      const p = await newPage(context);
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      // The page's timers and Date are Playwright's: idling ten minutes takes no ten minutes.
      await p.clock.install();
      await p.goto(`${base}/vault/?lang=en`);
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      const openVault = async () => {
        await p.getByLabel('Vault id').fill(vaultId);
        await p.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
        const unlocked = p.waitForResponse((r) => r.url().endsWith('/api/vault/unlock'));
        await p.getByRole('button', { name: 'Unlock' }).click();
        const idleSeconds = ((await (await unlocked).json()) as { idleSeconds: number })
          .idleSeconds;
        await p.getByRole('heading', { name: 'Your items' }).waitFor();
        return idleSeconds;
      };

      // Auto-lock. A key press restarts the idle time (the clock runs on meanwhile, so the time is
      // counted from here); short of it by a few seconds nothing happens; at the idle time the keys
      // go, the server's session ends, and its answer clears the site's cache and cookies.
      const idleSeconds = await openVault();
      expect(idleSeconds).toBeGreaterThan(10);
      await p.keyboard.press('Shift');
      await p.clock.fastForward((idleSeconds - 5) * 1000);
      expect(await p.getByRole('heading', { name: 'Your items' }).isVisible()).toBe(true);
      const idleLock = p.waitForResponse((r) => r.url().endsWith('/api/vault/lock'));
      await p.clock.fastForward(5000);
      const idled = await idleLock;
      expect(idled.status()).toBe(204);
      expect((await idled.allHeaders())['clear-site-data']).toBe('"cache", "cookies"');
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      await p.getByText('The vault locked itself. Unlock it again.').waitFor();
      await wait(async () => (await context.cookies()).map((c) => c.name)).not.toContain(
        'ariadne_vault',
      );

      // Offline, the installed app still opens (the shell from the service worker's cache, which
      // the lock's Clear-Site-Data left alone); unlocking says plainly that it needs the internet.
      await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await wait(async () => (await deviceStorage(p)).cached).toContain('/vault/');
      await context.setOffline(true);
      await p.reload();
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      // Proof that it came from the cache: the network is gone for the service worker too.
      expect(
        await p.evaluate(() =>
          fetch('/vault/not-in-the-shell.svg').then(
            () => 'reached',
            () => 'failed',
          ),
        ),
      ).toBe('failed');
      await p.getByLabel('Vault id').fill(vaultId);
      await p.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
      await p.getByRole('button', { name: 'Unlock' }).click();
      await p.getByText('No connection. Opening or making a vault needs the internet').waitFor();
      expect(await p.getByRole('heading', { name: 'Your items' }).count()).toBe(0);
      await context.setOffline(false);

      // Quick exit from the open vault, with the note decrypted on screen.
      await openVault();
      await p
        .locator('#items tr', { hasText: 'Note' })
        .getByRole('button', { name: 'Open', exact: true })
        .click();
      await p.locator('#preview').waitFor({ state: 'attached' });
      await p.getByRole('button', { name: 'Open', exact: true }).click();
      await p.locator('#preview', { hasText: NOTE_MARKER }).waitFor();
      const session = (await context.cookies()).find((c) => c.name === 'ariadne_vault')!;
      expect(session).toBeDefined();
      const before = await p.evaluate(() => history.length);
      const left = p.waitForURL(`${base}/healthz`);
      await p.keyboard.press('Escape');
      await left;
      expect(await p.evaluate(() => history.length)).toBe(before);
      // The lock it sent on the way out (keepalive: the page is gone before the answer comes) is
      // the one above, with its Clear-Site-Data: the cookie goes, and the server's session ended.
      await wait(async () => (await context.cookies()).map((c) => c.name)).not.toContain(
        'ariadne_vault',
      );
      // The server ended that session: its cookie, sent again, opens nothing.
      const replayed = await fetch(`${base}/api/vault/items`, {
        headers: { cookie: `ariadne_vault=${session.value}` },
      });
      expect(replayed.status).toBe(401);
      await p.goBack();
      expect(p.url()).not.toContain('/vault');
      // Back at the app: locked, and nothing of the note on the device.
      await p.goto(`${base}/vault/?lang=en`);
      await p.getByRole('heading', { name: 'Open your vault' }).waitFor();
      expect(await p.getByRole('button', { name: 'Lock', exact: true }).isVisible()).toBe(false);
      const stored = await deviceStorage(p);
      expect(stored.text).not.toContain(NOTE_MARKER);
      expect(stored.text).not.toContain(MARKER);
      await context.close();
    },
    JOURNEY_STEP_MS,
  );

  it(
    'a wrong passphrase reveals nothing and is throttled',
    async () => {
      const p = await newPage(await newContext(browser));
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      await p.goto(`${base}/vault/?lang=en`);
      // The first few wrong attempts are free (the owner who mistyped is not locked out)…
      for (let i = 0; i < 3; i++) {
        expect(await wrongAttempt(p, vaultId)).toBe(401);
        await p.getByText('That did not open a vault.').waitFor();
      }
      // …then the vault makes the next one wait, and says so.
      expect(await wrongAttempt(p, vaultId)).toBe(429);
      await p
        .getByText(/Too many wrong attempts\. To protect the vault, wait \d+ seconds/)
        .waitFor();
      await shot(p, 'throttled');
      expect(await p.getByRole('heading', { name: 'Your items' }).count()).toBe(0);
    },
    JOURNEY_STEP_MS,
  );

  it(
    'deletes a vault for ever from its settings, with the passphrase (in Dutch)',
    async () => {
      const context = await newContext(browser);
      const p = await newPage(context);
      p.setDefaultTimeout(WAIT_MS);
      watch.watch(p);
      await p.goto(`${base}/vault/?lang=nl`);
      await p.getByRole('heading', { name: 'Je kluis openen' }).waitFor();
      await p.getByRole('button', { name: 'Nieuwe kluis maken' }).click();
      await p.getByLabel('Kies een wachtzin').fill(NEW_PASSPHRASE);
      await p.getByText(/^(Sterk|Heel sterk)$/).waitFor();
      await p.getByLabel('Typ de wachtzin nog een keer').fill(NEW_PASSPHRASE);
      await p.getByRole('button', { name: 'Nieuwe kluis maken' }).click();
      await p.getByRole('heading', { name: 'Schrijf dit op' }).waitFor();
      const doomed = (await p.locator('#vault-id').textContent())!;
      await p.getByLabel('Ik heb het kluisnummer en de herstelcode opgeschreven').check();
      await p.getByRole('button', { name: 'Verder' }).click();
      await p.getByRole('heading', { name: 'Je bestanden' }).waitFor();
      await p.getByRole('button', { name: 'Instellingen' }).click();
      await p.getByRole('heading', { name: 'Instellingen' }).waitFor();
      await p.getByLabel('Wachtzin', { exact: true }).fill(NEW_PASSPHRASE);
      const erased = p.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/vault' && r.request().method() === 'DELETE',
      );
      await p.getByRole('button', { name: 'De kluis voorgoed verwijderen' }).click();
      expect((await erased).status()).toBe(204);
      await p.getByText('De kluis is verwijderd.').waitFor();
      await p.getByRole('heading', { name: 'Je kluis openen' }).waitFor();
      // Gone: the same id and passphrase open nothing.
      await p.getByLabel('Kluisnummer').fill(doomed);
      await p.getByLabel('Wachtzin', { exact: true }).fill(NEW_PASSPHRASE);
      const answer = p.waitForResponse((r) => r.url().endsWith('/api/vault/unlock'));
      await p.getByRole('button', { name: 'Openen', exact: true }).click();
      expect((await answer).status()).toBe(401);
      await p.getByText('Daarmee ging geen kluis open.', { exact: false }).waitFor();
      await context.close();
    },
    JOURNEY_STEP_MS,
  );

  it('asked nothing of any other host and broke no CSP rule', () => {
    expect(watch.outside).toEqual([]);
    expect(watch.cspErrors).toEqual([]);
  });
});
