// The export bundle: one zip the owner downloads and can check with standard tools alone. It holds
// every item's age file and encrypted manifest, manifest.json (hashes, sizes, times), SHA256SUMS
// (`sha256sum -c`), chain.json (the canonical entries and their hashes), each head's RFC 3161 token
// with the text naming the chain's head at its seq as exported (`openssl ts -verify` then fails for
// a chain rewritten since), the authority's certificate when one is configured, and VERIFY.txt
// saying how, with a recipe that checks the chain and ties each token's text to it. Streamed from the blob store; the size is checked first.
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { chainOf } from './chain-store.js';
import type { VaultDeps } from './deps.js';
import { CHAIN_FORMAT, headMessage } from './domain/chain.js';
import { listItems } from './items.js';
import { timestampsOf } from './timestamps.js';
import { writeZip, zipSize, type ZipEntry } from './zip-writer.js';

export const VERIFY_TXT = `How to check this evidence bundle
==================================

Everything here can be checked with standard tools, without Ariadne.

1. The files are intact: the sha256 of every encrypted file is listed in SHA256SUMS.

     sha256sum -c SHA256SUMS

2. Open an item: every items/<id>.age is an age file encrypted to the vault's key. With the
   vault's identity (exported from the vault app into identity.txt):

     age -d -i identity.txt -o item items/<id>.age
     age -d -i identity.txt items/<id>.manifest.age      (its name, type, time, description and
                                                         the sha256 of the original file)

   Then compare: sha256sum item   (must equal the manifest's plaintext sha256).

3. The history is intact: chain.json lists every entry of the vault (created, added, shared,
   share-revoked, deleted). Each entry's hash is sha256(previous hash as 32 bytes || canonical),
   starting from 32 zero bytes; "canonical" is the exact text hashed. For example:

     python3 -c 'import json,hashlib;c=json.load(open("chain.json"));p=bytes(32);hs={}
     for e in c["entries"]:
       h=hashlib.sha256(p+e["canonical"].encode()).hexdigest(); assert h==e["hash"],e["seq"]; p=bytes.fromhex(h); hs[e["seq"]]=h
     for t in json.load(open("manifest.json"))["timestamps"]:
       assert open(t["data"]).read()=="ariadne vault head v1\\nvault=%s\\nseq=%d\\nhash=%s\\n"%(c["vault"],t["seq"],hs.get(t["seq"])),t["data"]
     print("chain ok")'

   Each "added" entry names the item and the sha256 and size of its encrypted file, which match
   SHA256SUMS and manifest.json. The last check ties the time-stamps to this chain: each
   timestamps/<seq>.txt must be exactly the text naming entry <seq>'s hash in chain.json.

4. When it happened: timestamps/<seq>.tsr is an RFC 3161 time-stamp token over timestamps/<seq>.txt,
   the text naming the chain's head at entry <seq>. A chain rewritten after the time-stamp (even
   with every hash recomputed) no longer has that head, and the token does not verify. With the
   authority's certificate (tsa-ca.pem, when included):

     openssl ts -verify -in timestamps/<seq>.tsr -token_in -data timestamps/<seq>.txt -CAfile tsa-ca.pem
     openssl ts -reply -in timestamps/<seq>.tsr -token_in -text      (shows the time)

   A token over a head covers every entry before it: the chain cannot have been changed since.
`;

export interface ExportBundle {
  size: number;
  entries: ZipEntry[];
}

const text = (name: string, body: string, modified: Date): ZipEntry => {
  const data = Buffer.from(body, 'utf8');
  return {
    name,
    size: data.length,
    modified,
    data: async function* () {
      yield data;
    },
  };
};

const streamOf = (deps: VaultDeps, key: string) => async () =>
  (await deps.blobs.stream(key)) as Readable & AsyncIterable<Buffer>;

/** The bundle's entries and size (throws ZipTooLargeError above 4 GiB, before any byte). */
export async function exportBundle(
  deps: VaultDeps,
  vaultId: string,
  tsaTrustFile: string | null,
): Promise<ExportBundle> {
  const now = deps.clock.now();
  const items = await listItems(deps, vaultId);
  const chain = await chainOf(deps.db, vaultId);
  const stamps = await timestampsOf(deps, vaultId);
  const entries: ZipEntry[] = [];
  const sums: string[] = [];
  for (const item of items) {
    const file = `items/${item.id}.age`;
    const manifestFile = `items/${item.id}.manifest.age`;
    entries.push(
      { name: file, size: item.size, modified: item.addedAt, data: streamOf(deps, item.blobKey) },
      {
        name: manifestFile,
        size: item.manifestSize,
        modified: item.addedAt,
        data: streamOf(deps, item.manifestKey),
      },
    );
    sums.push(`${item.sha256}  ${file}`, `${item.manifestSha256}  ${manifestFile}`);
  }
  const manifest = {
    format: 'ariadne-vault-export/1',
    vault: vaultId,
    exportedAt: now.toISOString(),
    head: chain.at(-1) ? { seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash } : null,
    items: items.map((i) => ({
      itemId: i.id,
      file: `items/${i.id}.age`,
      size: i.size,
      sha256: i.sha256,
      manifestFile: `items/${i.id}.manifest.age`,
      manifestSize: i.manifestSize,
      manifestSha256: i.manifestSha256,
      addedAt: i.addedAt.toISOString(),
      chainSeq: i.seq,
    })),
    timestamps: stamps.map((s) => ({
      seq: s.seq,
      headHash: s.headHash,
      genTime: s.genTime.toISOString(),
      tsa: s.tsaUrl,
      token: `timestamps/${s.seq}.tsr`,
      data: `timestamps/${s.seq}.txt`,
    })),
  };
  entries.push(
    text('manifest.json', JSON.stringify(manifest, null, 2) + '\n', now),
    text('SHA256SUMS', sums.map((l) => l + '\n').join(''), now),
    text(
      'chain.json',
      JSON.stringify({ format: CHAIN_FORMAT, vault: vaultId, entries: chain }, null, 2) + '\n',
      now,
    ),
  );
  const heads = new Map(chain.map((e) => [e.seq, e.hash]));
  for (const s of stamps) {
    const token = Buffer.from(s.token, 'base64');
    entries.push(
      {
        name: `timestamps/${s.seq}.tsr`,
        size: token.length,
        modified: s.genTime,
        data: async function* () {
          yield token;
        },
      },
      // The text of the head the chain has now at this seq, not the hash stored with the token:
      // a rewritten chain must fail `openssl ts -verify`, not pass it with the old text.
      text(
        `timestamps/${s.seq}.txt`,
        headMessage(vaultId, s.seq, heads.get(s.seq) ?? s.headHash),
        s.genTime,
      ),
    );
  }
  if (tsaTrustFile && stamps.length) {
    entries.push(text('tsa-ca.pem', readFileSync(tsaTrustFile, 'utf8'), now));
  }
  entries.push(text('VERIFY.txt', VERIFY_TXT, now));
  return { size: zipSize(entries), entries };
}

export { writeZip };
