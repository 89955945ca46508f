// Sharing, only as the owner decides. A console user (a case worker, a lawyer or police contact
// with an account) registers an age public key and hands the person a short-lived share code; the
// owner enters it in the vault, and from then on may share items with that user: the device
// re-encrypts an item to the user's key and uploads the copy (the same resumable uploads as
// items), recorded as "shared" in the chain. The recipient lists and downloads their copies; every
// opening is recorded for the owner to see (and audited). Revoking ends future access: the copy is
// erased and "share-revoked" is chained — what was opened before cannot be recalled, and the owner
// is told so. No directory of staff is ever shown to a vault: only users whose code the owner
// entered. Workers may ask, through a case, that the person share; they never take. Issuing and
// using a share code, and asking and answering a request, are audited: who, what, when, the case
// and the vault's internal id — never the code, the request's words or the person's address.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, like } from 'drizzle-orm';
import { auditFields, type Actor } from '../platform/actor.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import { findUserById } from '../platform/auth/users.js';
import { decryptField, encryptField } from '../platform/crypto.js';
import { AppError, keyed } from '../platform/errors.js';
import { appendChainEntry } from './chain-store.js';
import { shareCodeHash, type VaultDeps } from './deps.js';
import { formatShareCode, parseShareCode } from './domain/vault-id.js';
import {
  assembleUpload,
  dropChunks,
  itemOf,
  startUpload,
  uploadOf,
  type UploadRow,
} from './items.js';
import {
  vaultRecipientKeys,
  vaultRecipients,
  vaultShareCodes,
  vaultShareOpens,
  vaultChain,
  vaultShareRequests,
  vaultShares,
  vaultUploads,
} from './schema.js';
import { zipSize, type ZipEntry } from './zip-writer.js';

export const SHARE_CODE_HOURS = 24;
const MESSAGE_CONTEXT = 'vault_share_requests.message';

export async function registerRecipientKey(
  deps: VaultDeps,
  userId: string,
  agePublicKey: string,
): Promise<void> {
  await deps.db
    .insert(vaultRecipientKeys)
    .values({ userId, agePublicKey, updatedAt: deps.clock.now() })
    .onConflictDoUpdate({
      target: vaultRecipientKeys.userId,
      set: { agePublicKey, updatedAt: deps.clock.now() },
    });
}

export async function recipientKeyOf(
  deps: VaultDeps,
  userId: string,
  db: DbOrTx = deps.db,
): Promise<string | null> {
  const [row] = await db
    .select({ key: vaultRecipientKeys.agePublicKey })
    .from(vaultRecipientKeys)
    .where(eq(vaultRecipientKeys.userId, userId));
  return row?.key ?? null;
}

/**
 * Who acts in the audit log when the person does something in their vault: no user, and never
 * their address (the vault keeps none); the vault's internal id says which vault it was.
 */
const vaultOwner = (requestId: string | null) => ({
  actorUserId: null,
  actorLabel: 'vault owner',
  ip: null,
  requestId,
});

/** A code the user gives a person; single use, valid SHARE_CODE_HOURS. Audited, without the code. */
export async function issueShareCode(
  deps: VaultDeps,
  actor: Actor,
  caseId: string | null,
  db: DbOrTx = deps.db,
): Promise<{ shareCode: string; expiresAt: Date }> {
  const userId = actor.userId ?? '';
  if (!(await recipientKeyOf(deps, userId, db))) {
    throw new AppError(
      'conflict',
      'Register your age public key first: shared items are encrypted to it.',
    );
  }
  const shareCode = formatShareCode(randomBytes(5));
  const expiresAt = new Date(deps.clock.now().getTime() + SHARE_CODE_HOURS * 3_600_000);
  await db.transaction(async (tx) => {
    await tx
      .insert(vaultShareCodes)
      .values({ codeHash: shareCodeHash(deps.config, shareCode), userId, caseId, expiresAt });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'vault.share_code.issue',
      targetType: caseId ? 'case' : 'user',
      targetId: caseId ?? userId,
      details: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { shareCode, expiresAt };
}

export interface RecipientView {
  recipientId: string;
  displayName: string;
  agePublicKey: string;
  addedAt: Date;
}

async function present(
  deps: VaultDeps,
  userId: string,
  addedAt: Date,
): Promise<RecipientView | null> {
  const [user, key] = await Promise.all([
    findUserById(deps.db, userId),
    recipientKeyOf(deps, userId),
  ]);
  if (!user || user.disabledAt || !key) return null;
  return { recipientId: userId, displayName: user.displayName, agePublicKey: key, addedAt };
}

/**
 * The owner enters a share code: its user becomes a recipient this vault may share with. The code
 * is spent, the link made and the use audited in one transaction.
 */
export async function addRecipient(
  deps: VaultDeps,
  vaultId: string,
  codeText: string,
  requestId: string | null = null,
): Promise<RecipientView> {
  const code = parseShareCode(codeText);
  const refused = () =>
    new AppError('not_found', 'That share code is not valid (or has expired). Ask for a new one.');
  if (!code) throw refused();
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [spent] = await tx
      .delete(vaultShareCodes)
      .where(
        and(
          eq(vaultShareCodes.codeHash, shareCodeHash(deps.config, code)),
          gt(vaultShareCodes.expiresAt, now),
        ),
      )
      .returning();
    if (!spent) return null;
    await tx
      .insert(vaultRecipients)
      .values({ vaultId, userId: spent.userId, caseId: spent.caseId, addedAt: now })
      .onConflictDoUpdate({
        target: [vaultRecipients.vaultId, vaultRecipients.userId],
        set: { caseId: spent.caseId },
      });
    await appendAudit(tx, {
      ...vaultOwner(requestId),
      action: 'vault.share_code.use',
      targetType: 'user',
      targetId: spent.userId,
      details: { vault: vaultId, caseId: spent.caseId },
    });
    return spent;
  });
  if (!row) throw refused();
  const view = await present(deps, row.userId, now);
  if (!view) throw refused();
  return view;
}

export async function listRecipients(deps: VaultDeps, vaultId: string): Promise<RecipientView[]> {
  const rows = await deps.db
    .select()
    .from(vaultRecipients)
    .where(eq(vaultRecipients.vaultId, vaultId))
    .orderBy(asc(vaultRecipients.addedAt));
  const out: RecipientView[] = [];
  for (const r of rows) {
    const v = await present(deps, r.userId, r.addedAt);
    if (v) out.push(v);
  }
  return out;
}

/** Starts the upload of an item's copy for a recipient this vault added. */
export async function startShare(
  deps: VaultDeps,
  vaultId: string,
  input: { itemId: string; recipientId: string; size: number; sha256: string },
): Promise<UploadRow> {
  await itemOf(deps, vaultId, input.itemId);
  const [linked] = await deps.db
    .select()
    .from(vaultRecipients)
    .where(
      and(eq(vaultRecipients.vaultId, vaultId), eq(vaultRecipients.userId, input.recipientId)),
    );
  if (!linked) throw new AppError('not_found', 'That person is not among this vault’s recipients.');
  return startUpload(deps, vaultId, input, {
    itemId: input.itemId,
    recipientId: input.recipientId,
  });
}

export type ShareRow = typeof vaultShares.$inferSelect;

/** Closes a share's upload: the share and its "shared" entry, or nothing. */
export async function finalizeShare(
  deps: VaultDeps,
  vaultId: string,
  uploadId: string,
): Promise<ShareRow> {
  const upload = await uploadOf(deps, vaultId, uploadId);
  if (upload.purpose !== 'share' || !upload.itemId || !upload.recipientId) {
    throw new AppError('bad_request', 'This upload is not a share’s copy.');
  }
  const key = await assembleUpload(deps, upload);
  const now = deps.clock.now();
  let share: ShareRow | null;
  try {
    share = await deps.db.transaction(async (tx) => {
      const [closed] = await tx
        .update(vaultUploads)
        .set({ state: 'finalized' })
        .where(and(eq(vaultUploads.id, upload.id), eq(vaultUploads.state, 'receiving')))
        .returning({ id: vaultUploads.id });
      if (!closed) return null;
      await appendChainEntry(tx, vaultId, 'shared', now, {
        share: upload.id,
        item: upload.itemId!,
        recipient: upload.recipientId!,
        size: upload.size,
        sha256: upload.sha256,
      });
      const [row] = await tx
        .insert(vaultShares)
        .values({
          id: upload.id,
          vaultId,
          itemId: upload.itemId!,
          recipientId: upload.recipientId!,
          blobKey: key,
          size: upload.size,
          sha256: upload.sha256,
          sharedAt: now,
        })
        .returning();
      return row!;
    });
  } catch (err) {
    await deps.blobs.delete(key);
    throw err;
  }
  if (!share) throw new AppError('conflict', 'This upload was already closed.');
  await dropChunks(deps, upload.id);
  await deps.onNewHead?.(vaultId);
  return share;
}

export interface ShareView {
  share: ShareRow;
  recipientName: string;
  opens: Date[];
}

export async function listShares(deps: VaultDeps, vaultId: string): Promise<ShareView[]> {
  const shares = await deps.db
    .select()
    .from(vaultShares)
    .where(eq(vaultShares.vaultId, vaultId))
    .orderBy(asc(vaultShares.sharedAt));
  const opens = shares.length
    ? await deps.db
        .select()
        .from(vaultShareOpens)
        .where(
          inArray(
            vaultShareOpens.shareId,
            shares.map((s) => s.id),
          ),
        )
        .orderBy(asc(vaultShareOpens.at))
    : [];
  const names = new Map<string, string>();
  for (const s of shares) {
    if (!names.has(s.recipientId)) {
      names.set(s.recipientId, (await findUserById(deps.db, s.recipientId))?.displayName ?? '');
    }
  }
  return shares.map((share) => ({
    share,
    recipientName: names.get(share.recipientId) ?? '',
    opens: opens.filter((o) => o.shareId === share.id).map((o) => o.at),
  }));
}

/** Ends future access: the copy is erased and the revocation chained. */
export async function revokeShare(
  deps: VaultDeps,
  vaultId: string,
  shareId: string,
): Promise<void> {
  const revoked = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(vaultShares)
      .set({ revokedAt: deps.clock.now() })
      .where(
        and(
          eq(vaultShares.id, shareId),
          eq(vaultShares.vaultId, vaultId),
          isNull(vaultShares.revokedAt),
        ),
      )
      .returning();
    if (!row) return null;
    await appendChainEntry(tx, vaultId, 'share-revoked', deps.clock.now(), { share: shareId });
    return row;
  });
  if (!revoked)
    throw new AppError('not_found', 'No such share in this vault, or it is revoked already.');
  await deps.blobs.delete(revoked.blobKey);
  await deps.onNewHead?.(vaultId);
}

/** What a recipient may open now: their shares, not revoked. */
export async function sharesFor(deps: VaultDeps, userId: string): Promise<ShareRow[]> {
  return deps.db
    .select()
    .from(vaultShares)
    .where(and(eq(vaultShares.recipientId, userId), isNull(vaultShares.revokedAt)))
    .orderBy(desc(vaultShares.sharedAt));
}

/** A recipient opens a copy: the opening is recorded for the owner and audited, then streamed. */
export async function openShare(deps: VaultDeps, actor: Actor, shareId: string) {
  const [share] = await deps.db
    .select()
    .from(vaultShares)
    .where(
      and(
        eq(vaultShares.id, shareId),
        eq(vaultShares.recipientId, actor.userId ?? ''),
        isNull(vaultShares.revokedAt),
      ),
    );
  if (!share)
    throw new AppError(
      'not_found',
      keyed('vault.sharedItemNotFound', 'No such shared item (or its owner revoked it).'),
    );
  await recordOpens(deps, actor, [shareId]);
  return { share, stream: await deps.blobs.stream(share.blobKey) };
}

/** Records that a recipient opened shares (for the owner to see) and audits it, in one go. */
async function recordOpens(deps: VaultDeps, actor: Actor, shareIds: string[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    for (const shareId of shareIds) {
      await tx.insert(vaultShareOpens).values({ shareId, at: deps.clock.now() });
      await appendAudit(tx, {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'vault.share.open',
        targetType: 'vault_share',
        targetId: shareId,
        ip: actor.ip,
        requestId: actor.requestId,
      });
    }
  });
}

export const RECIPIENT_VERIFY_TXT = `How to check these shared items
===============================

Each shares/<id>.age is a copy of an item a person chose to share with you, encrypted to your age
key. The owner of the vault sees each time it was downloaded.

1. The files are intact:          sha256sum -c SHA256SUMS
2. Open one with your identity:   age -d -i your-identity.txt -o item shares/<id>.age
3. Each copy's "shared" entry of the owner's hash chain is in manifest.json ("chainEntry"): its
   hash is sha256(previous hash as 32 bytes || canonical), and it names the copy's sha256.
`;

/**
 * A recipient's bundle of what is shared with them now: the copies, SHA256SUMS, manifest.json
 * (with each copy's "shared" chain entry) and VERIFY.txt. Every copy in it counts as opened.
 */
export async function recipientBundle(deps: VaultDeps, actor: Actor): Promise<ZipEntry[]> {
  const shares = await sharesFor(deps, actor.userId ?? '');
  const now = deps.clock.now();
  const entries: ZipEntry[] = [];
  const listed = [];
  for (const s of shares) {
    const [entry] = await deps.db
      .select()
      .from(vaultChain)
      .where(
        and(
          eq(vaultChain.vaultId, s.vaultId),
          eq(vaultChain.kind, 'shared'),
          // Plain text match: a garbled entry elsewhere in the chain must not fail this read.
          like(vaultChain.canonical, `%"share":"${s.id}"%`),
        ),
      );
    entries.push({
      name: `shares/${s.id}.age`,
      size: s.size,
      modified: s.sharedAt,
      data: async () => (await deps.blobs.stream(s.blobKey)) as AsyncIterable<Buffer>,
    });
    listed.push({
      shareId: s.id,
      file: `shares/${s.id}.age`,
      size: s.size,
      sha256: s.sha256,
      sharedAt: s.sharedAt.toISOString(),
      chainEntry: entry
        ? { seq: entry.seq, canonical: entry.canonical, prevHash: entry.prevHash, hash: entry.hash }
        : null,
    });
  }
  const text = (name: string, body: string): ZipEntry => {
    const data = Buffer.from(body, 'utf8');
    return {
      name,
      size: data.length,
      modified: now,
      data: async function* () {
        yield data;
      },
    };
  };
  entries.push(
    text(
      'manifest.json',
      JSON.stringify(
        { format: 'ariadne-vault-shared/1', exportedAt: now.toISOString(), shares: listed },
        null,
        2,
      ) + '\n',
    ),
    text('SHA256SUMS', listed.map((l) => `${l.sha256}  ${l.file}\n`).join('')),
    text('VERIFY.txt', RECIPIENT_VERIFY_TXT),
  );
  zipSize(entries); // refused above 4 GiB before anything counts as opened
  await recordOpens(
    deps,
    actor,
    shares.map((s) => s.id),
  );
  return entries;
}

/**
 * A worker asks, through a case, that the vaults linked to them for that case share something.
 * Audited against the case, without the message (it is about the person, and stays encrypted).
 * `db` is the transaction holding the case's row lock (see share-routes.ts).
 */
export async function requestShare(
  deps: VaultDeps,
  actor: Actor,
  caseId: string,
  message: string,
  db: DbOrTx = deps.db,
): Promise<number> {
  const userId = actor.userId ?? '';
  const links = await db
    .select()
    .from(vaultRecipients)
    .where(and(eq(vaultRecipients.userId, userId), eq(vaultRecipients.caseId, caseId)));
  if (!links.length) {
    throw new AppError(
      'not_found',
      keyed(
        'vault.noVaultForCase',
        'No vault has added you for this case. Give the person a share code made for the case first.',
      ),
    );
  }
  await db.transaction(async (tx) => {
    const made = await tx
      .insert(vaultShareRequests)
      .values(
        links.map((l) => ({
          vaultId: l.vaultId,
          recipientId: userId,
          caseId,
          messageEnc: encryptField(deps.config.secrets.fieldKeys, message, MESSAGE_CONTEXT),
          createdAt: deps.clock.now(),
        })),
      )
      .returning({ id: vaultShareRequests.id });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'vault.share_request.create',
      targetType: 'case',
      targetId: caseId,
      details: { requests: made.map((m) => m.id) },
    });
  });
  return links.length;
}

/**
 * A case was erased (on the person's request or by retention), inside that erasure's transaction:
 * the worker's requests made through it go (their words are about the case), and recipients and
 * unused share codes stop naming it. The recipient itself stays: whom a vault shares with is the
 * owner's choice, made in the vault, and only the owner undoes it.
 */
export async function forgetCase(tx: DbOrTx, caseId: string): Promise<void> {
  await tx.delete(vaultShareRequests).where(eq(vaultShareRequests.caseId, caseId));
  await tx.update(vaultRecipients).set({ caseId: null }).where(eq(vaultRecipients.caseId, caseId));
  await tx.update(vaultShareCodes).set({ caseId: null }).where(eq(vaultShareCodes.caseId, caseId));
}

export async function shareRequestsOf(deps: VaultDeps, vaultId: string) {
  const rows = await deps.db
    .select()
    .from(vaultShareRequests)
    .where(eq(vaultShareRequests.vaultId, vaultId))
    .orderBy(desc(vaultShareRequests.createdAt));
  const out = [];
  for (const r of rows) {
    const user = await findUserById(deps.db, r.recipientId);
    const { messageEnc, ...rest } = r;
    out.push({
      ...rest,
      message: decryptField(deps.config.secrets.fieldKeys, messageEnc, MESSAGE_CONTEXT),
      recipientName: user?.displayName ?? '',
    });
  }
  return out;
}

/** The owner answers or declines a worker's request; audited for the case's record. */
export async function answerShareRequest(
  deps: VaultDeps,
  vaultId: string,
  shareRequestId: string,
  status: 'answered' | 'declined',
  requestId: string | null = null,
): Promise<void> {
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(vaultShareRequests)
      .set({ status })
      .where(
        and(eq(vaultShareRequests.id, shareRequestId), eq(vaultShareRequests.vaultId, vaultId)),
      )
      .returning({ id: vaultShareRequests.id, caseId: vaultShareRequests.caseId });
    if (!updated) return null;
    await appendAudit(tx, {
      ...vaultOwner(requestId),
      action: 'vault.share_request.answer',
      targetType: 'vault_share_request',
      targetId: updated.id,
      details: { vault: vaultId, caseId: updated.caseId, status },
    });
    return updated;
  });
  if (!row) throw new AppError('not_found', 'No such request in this vault.');
}
