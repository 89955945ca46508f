// Checking a vault's RFC 3161 tokens against its chain as it is now. The chain is plain sha256, so
// whoever can write the database could rewrite an entry and recompute every hash after it: the
// chain alone would still hold. A token is what such a rewrite cannot redo. So each token is
// verified over the head text of the chain's own entry at its seq (never over the head hash stored
// beside the token, which a rewrite could change as well): a token over another head, a missing
// entry, a token not signed by a trusted authority, or one dated before the entry it covers is a
// problem, named with its seq.
import { TimestampError, verifyTimestampToken } from '../../platform/timestamp/rfc3161.js';
import type * as pkijs from 'pkijs';
import { headMessage, type StoredEntry } from './chain.js';

/** How far a token's genTime may lie before the entry's own time (the two clocks differ). */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface StoredStamp {
  seq: number;
  /** The head hash recorded when the token was obtained. */
  headHash: string;
  /** The TimeStampToken, DER. */
  token: Uint8Array;
}

export interface StampProblem {
  seq: number;
  reason: string;
}

export interface StampCheck {
  /** Tokens that verified over the chain's head at their seq. */
  valid: number;
  /** Tokens not checked: no trusted authority certificate is configured. */
  unchecked: number;
  problems: StampProblem[];
}

/** Verifies every token over the head the chain has now at its seq; never throws for a bad token. */
export async function checkHeadStamps(
  vault: string,
  entries: readonly StoredEntry[],
  stamps: readonly StoredStamp[],
  trustAnchors: readonly pkijs.Certificate[] | null,
): Promise<StampCheck> {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const result: StampCheck = { valid: 0, unchecked: 0, problems: [] };
  for (const stamp of stamps) {
    const problem = (reason: string) => result.problems.push({ seq: stamp.seq, reason });
    const entry = bySeq.get(stamp.seq);
    if (!entry) {
      problem(`the chain has no entry ${stamp.seq}, which this time-stamp covers`);
      continue;
    }
    if (!trustAnchors) {
      result.unchecked++;
      continue;
    }
    const message = Buffer.from(headMessage(vault, stamp.seq, entry.hash), 'utf8');
    try {
      const verified = await verifyTimestampToken(stamp.token, message, trustAnchors);
      if (verified.genTime.getTime() < new Date(entry.at).getTime() - CLOCK_SKEW_MS) {
        problem(
          `the time-stamp is dated ${verified.genTime.toISOString()}, before entry ${stamp.seq} was written (${entry.at})`,
        );
        continue;
      }
    } catch (err) {
      if (!(err instanceof TimestampError)) throw err;
      problem(
        err.failure === 'imprint_mismatch'
          ? `entry ${stamp.seq} no longer has the hash that was time-stamped: the chain was rewritten from there on`
          : err.message,
      );
      continue;
    }
    if (stamp.headHash !== entry.hash) {
      problem(`the head hash stored with the time-stamp of entry ${stamp.seq} was changed`);
      continue;
    }
    result.valid++;
  }
  return result;
}
