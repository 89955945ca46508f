import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_PREV_HASH,
  canonicalEntry,
  entryHash,
  nextEntry,
  verifyChain,
  type StoredEntry,
} from './chain.js';

const VAULT = '4f0c8d0e-6b1a-4c52-9d59-2f8f1a3b7c11';
const AT = '2030-06-04T10:00:00.000Z';

function build(): StoredEntry[] {
  const entries: StoredEntry[] = [];
  const push = (kind: StoredEntry['kind'], fields: Record<string, string | number>) => {
    const head = entries.at(-1) ?? null;
    const { fields: _f, ...e } = nextEntry(head, { vault: VAULT, kind, at: AT, fields });
    entries.push(e);
  };
  push('created', {});
  push('added', { item: 'a', sha256: 'ab'.repeat(32), size: 10 });
  push('shared', { item: 'a', share: 's', recipient: 'r' });
  push('share-revoked', { share: 's' });
  push('deleted', { item: 'a' });
  return entries;
}

describe('the vault chain', () => {
  it('encodes entries canonically: sorted keys, no spaces, independent of field order', () => {
    const a = canonicalEntry({
      vault: VAULT,
      seq: 2,
      kind: 'added',
      at: AT,
      fields: { size: 10, item: 'x' },
    });
    const b = canonicalEntry({
      vault: VAULT,
      seq: 2,
      kind: 'added',
      at: AT,
      fields: { item: 'x', size: 10 },
    });
    expect(a).toBe(b);
    expect(a).toBe(
      `{"at":"${AT}","format":"ariadne-vault-chain/1","item":"x","kind":"added","seq":2,"size":10,"vault":"${VAULT}"}`,
    );
    expect(() =>
      canonicalEntry({ vault: VAULT, seq: 1, kind: 'added', at: AT, fields: { seq: 3 } }),
    ).toThrow(/reserved/);
    expect(() =>
      canonicalEntry({ vault: VAULT, seq: 1, kind: 'added', at: AT, fields: { size: 1.5 } }),
    ).toThrow(/whole/);
  });

  it('hashes sha256(previous hash bytes || canonical text), from 32 zero bytes', () => {
    const [first] = build();
    const expected = createHash('sha256')
      .update(Buffer.alloc(32))
      .update(first!.canonical)
      .digest('hex');
    expect(first!.prevHash).toBe(GENESIS_PREV_HASH);
    expect(first!.hash).toBe(expected);
    expect(entryHash(GENESIS_PREV_HASH, first!.canonical)).toBe(expected);
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(VAULT, build())).toEqual({
      ok: true,
      entries: 5,
      brokenAt: null,
      reason: null,
    });
  });

  it('names the first broken entry: altered text, hash, order, a gap, another vault', () => {
    const altered = build();
    altered[1] = {
      ...altered[1]!,
      canonical: altered[1]!.canonical.replace('"size":10', '"size":11'),
    };
    expect(verifyChain(VAULT, altered)).toMatchObject({ ok: false, brokenAt: 2 });

    const rehashed = build();
    rehashed[2] = { ...rehashed[2]!, hash: 'f'.repeat(64) };
    expect(verifyChain(VAULT, rehashed)).toMatchObject({ ok: false, brokenAt: 3 });

    // Recomputing an altered entry's own hash breaks the link to the next one.
    const recomputed = build();
    const canonical = recomputed[1]!.canonical.replace('"size":10', '"size":11');
    recomputed[1] = {
      ...recomputed[1]!,
      canonical,
      hash: entryHash(recomputed[1]!.prevHash, canonical),
    };
    expect(verifyChain(VAULT, recomputed)).toMatchObject({ ok: false, brokenAt: 3 });

    const gap = build();
    gap.splice(2, 1);
    expect(verifyChain(VAULT, gap)).toMatchObject({ ok: false, brokenAt: 3 });

    const kind = build();
    kind[4] = { ...kind[4]!, kind: 'added' };
    expect(verifyChain(VAULT, kind)).toMatchObject({ ok: false, brokenAt: 5 });

    expect(verifyChain('another-vault', build())).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain(VAULT, build().slice(1))).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
