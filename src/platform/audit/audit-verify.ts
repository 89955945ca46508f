// The whole check behind `ariadne audit verify`: the keyed chain, then the anchors, and a plain
// account of what was and was not protected, for an operator or an outside auditor to read.
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import { loadTrustAnchors } from '../timestamp/tsa-client.js';
import { verifyAuditAnchors, type AnchorVerification } from './audit-anchors.js';
import { verifyAuditChain, type AuditVerification } from './audit-log.js';

export interface AuditReport {
  chain: AuditVerification;
  anchors: AnchorVerification;
  /** Whether scheduled anchoring is configured. */
  anchoring: boolean;
  /** True when nothing is wrong (a stale anchoring is a warning, not a failure). */
  ok: boolean;
}

export async function verifyAuditLog(
  db: Db,
  config: Config,
  clock: Clock,
  onProgress?: (checked: number) => void,
): Promise<AuditReport> {
  const chain = await verifyAuditChain(db, config.secrets.auditKeys, onProgress);
  const { tsa, tsaTrustFile } = config.audit;
  const anchors = await verifyAuditAnchors(db, {
    trustAnchors: tsaTrustFile ? loadTrustAnchors(tsaTrustFile) : null,
    intervalMinutes: tsa ? config.audit.anchorIntervalMinutes : null,
    clock,
  });
  return {
    chain,
    anchors,
    anchoring: tsa !== null,
    ok: chain.ok && anchors.problems.length === 0 && anchors.unchecked === 0,
  };
}

/** The report as lines of text, problems first. */
export function describeAuditReport(report: AuditReport): string[] {
  const { chain, anchors } = report;
  const lines: string[] = [];
  if (chain.ok) {
    const keys = chain.keyIds.length ? ` (keyed with ${chain.keyIds.join(', ')})` : '';
    lines.push(`Audit chain intact: ${chain.rows} entries verified${keys}.`);
  } else {
    lines.push(
      `Audit chain BROKEN at entry ${chain.brokenAt}: ${chain.reason}. ${chain.rows} entries before it verified.`,
    );
  }
  if (chain.legacyRows > 0) {
    lines.push(
      `${chain.legacyRows} early entries were chained with unkeyed SHA-256 (before keyed chaining); the keyed entry after them covers them.`,
    );
  }
  for (const p of anchors.problems) lines.push(`Anchor problem (${p.kind}): ${p.reason}.`);
  if (anchors.unchecked > 0) {
    lines.push(
      `${anchors.unchecked} anchors NOT checked: AUDIT_TSA_TRUST_FILE is not set, so their time-stamps cannot be verified.`,
    );
  }
  if (anchors.anchors > 0) {
    lines.push(
      `Anchors: ${anchors.valid} of ${anchors.anchors} time-stamps verified${
        anchors.newest
          ? `; the newest covers entry ${anchors.newest.seq} (${anchors.newest.genTime}), ${anchors.unanchoredEntries} entries after it are not anchored yet`
          : ''
      }.`,
    );
  }
  if (!report.anchoring) {
    lines.push(
      'The tail is NOT protected: no time-stamping authority is configured (AUDIT_TSA_URL), so entries removed from the end of the log would go unnoticed.',
    );
  }
  if (anchors.stale) lines.push(`WARNING: ${anchors.stale}.`);
  return lines;
}
