// The chain heads' time-stamps checked against the chain, with real tokens: a local `openssl ts`
// authority (test/helpers/local-tsa.ts) signs the head texts through the same client the server
// uses. A chain rewritten with every hash recomputed still passes verifyChain; its tokens do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTsaPki,
  startLocalTsa,
  type LocalTsa,
  type TsaPki,
} from '../../../test/helpers/local-tsa.js';
import { fixedClock } from '../../platform/clock.js';
import {
  loadTrustAnchors,
  requestTimestamp,
  type TsaSettings,
} from '../../platform/timestamp/tsa-client.js';
import { headMessage, nextEntry, verifyChain, type StoredEntry } from './chain.js';
import { checkHeadStamps, type StoredStamp } from './stamps.js';

const VAULT = '4f0c8d0e-6b1a-4c52-9d59-2f8f1a3b7c11';
const clock = fixedClock('2030-06-04T10:00:00Z');
const AT = clock.now().toISOString();

let pki: TsaPki;
let tsa: LocalTsa;
let settings: TsaSettings;
let otherPki: TsaPki;

/** A chain of created, added, added; `sizes` makes a different (but well-formed) chain. */
function chain(sizes = [10, 20], at = AT): StoredEntry[] {
  const entries: StoredEntry[] = [];
  const push = (kind: StoredEntry['kind'], fields: Record<string, string | number>) => {
    const { fields: _f, ...e } = nextEntry(entries.at(-1) ?? null, {
      vault: VAULT,
      kind,
      at,
      fields,
    });
    entries.push(e);
  };
  push('created', {});
  for (const [i, size] of sizes.entries())
    push('added', { item: `i${i}`, sha256: 'ab'.repeat(32), size });
  return entries;
}

async function stampOf(entry: StoredEntry, vault = VAULT): Promise<StoredStamp> {
  const message = Buffer.from(headMessage(vault, entry.seq, entry.hash), 'utf8');
  const stamp = await requestTimestamp(settings, message, clock);
  return { seq: entry.seq, headHash: entry.hash, token: stamp.token };
}

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([
    createTsaPki(clock.now()),
    createTsaPki(clock.now(), 'Unknown TSA'),
  ]);
  tsa = await startLocalTsa(pki, clock);
  settings = { url: tsa.url, trustAnchors: loadTrustAnchors(pki.caFile), timeoutMs: 10_000 };
});
afterAll(async () => {
  await tsa?.stop();
  pki?.cleanup();
  otherPki?.cleanup();
});

describe('time-stamps of the chain heads', () => {
  it('verify over the heads they stamp; a rewritten chain, a moved token or another vault fails', async () => {
    const entries = chain();
    const stamps = [await stampOf(entries[1]!), await stampOf(entries[2]!)];
    const trust = settings.trustAnchors;
    expect(await checkHeadStamps(VAULT, entries, stamps, trust)).toEqual({
      valid: 2,
      unchecked: 0,
      problems: [],
    });

    // Entry 2 rewritten and every hash after it recomputed: the chain itself still holds.
    const rewritten = chain([10, 21]);
    expect(rewritten[2]!.hash).not.toBe(entries[2]!.hash);
    expect(verifyChain(VAULT, rewritten).ok).toBe(true);
    const check = await checkHeadStamps(VAULT, rewritten, stamps, trust);
    expect(check.valid).toBe(1);
    expect(check.problems).toEqual([
      { seq: 3, reason: expect.stringMatching(/no longer has the hash .* rewritten/) as string },
    ]);

    // A token over one head, filed under another seq (its stored hash moved with it).
    const moved = { ...stamps[1]!, seq: 2, headHash: entries[1]!.hash };
    const movedCheck = await checkHeadStamps(VAULT, entries, [moved], trust);
    expect(movedCheck.valid).toBe(0);
    expect(movedCheck.problems[0]!.seq).toBe(2);

    // The same chain under another vault's id: the head text names the vault.
    const elsewhere = await checkHeadStamps('another-vault', entries, stamps, trust);
    expect(elsewhere.problems.map((p) => p.seq)).toEqual([2, 3]);
  });

  it('names a missing entry, a changed stored hash, an untrusted or early token; unchecked without trust', async () => {
    const entries = chain();
    const stamp = await stampOf(entries[2]!);

    const truncated = await checkHeadStamps(
      VAULT,
      entries.slice(0, 2),
      [stamp],
      settings.trustAnchors,
    );
    expect(truncated.problems).toEqual([
      { seq: 3, reason: 'the chain has no entry 3, which this time-stamp covers' },
    ]);

    const changed = await checkHeadStamps(
      VAULT,
      entries,
      [{ ...stamp, headHash: 'cd'.repeat(32) }],
      settings.trustAnchors,
    );
    expect(changed.problems[0]!.reason).toMatch(
      /stored with the time-stamp of entry 3 was changed/,
    );

    const untrusted = await checkHeadStamps(
      VAULT,
      entries,
      [stamp],
      loadTrustAnchors(otherPki.caFile),
    );
    expect(untrusted.valid).toBe(0);
    expect(untrusted.problems[0]!.reason).toMatch(/not trusted/);

    // Entries an hour after the token's time: the token cannot have covered them.
    const later = chain([10, 20], new Date(clock.now().getTime() + 3_600_000).toISOString());
    const early = await stampOf(later[2]!);
    const dated = await checkHeadStamps(VAULT, later, [early], settings.trustAnchors);
    expect(dated.problems[0]!.reason).toMatch(/dated .* before entry 3 was written/);

    expect(await checkHeadStamps(VAULT, entries, [stamp], null)).toEqual({
      valid: 0,
      unchecked: 1,
      problems: [],
    });
  });
});
