// Every job the program knows, from every context. Workers, the scheduler and senders all take
// their definitions from here so queue names and payload schemas agree across processes. The
// pipeline is chained here: collect → extract (facts) → link → score, each step queueing the next,
// and link's one call backwards into score is the hook passed in.
import { referralJobs } from '../cases/index.js';
import { chatJobs } from '../chat/index.js';
import { collectJobs } from '../collect/index.js';
import { extractJobs, extractVersionJobRef } from '../facts/index.js';
import { linkAdsJobRef, linkJobs, linkSettings } from '../link/index.js';
import { outreachJobs } from '../outreach/index.js';
import { platformJobs, type JobDeps } from '../platform/job-registry.js';
import type { JobDefinition } from '../platform/jobs.js';
import { caseContactConsent } from './contact-consent.js';
import { referralDepsOf } from './referrals.js';
import { retentionJobs } from './retention.js';
import { scoreHooks } from './score-hooks.js';
import { linkHooks, queueScoring, scoreJobs } from '../score/index.js';
import { loadTrustAnchors } from '../platform/timestamp/tsa-client.js';
import { vaultJobs, vaultTimestampJobRef } from '../vault/index.js';

export function allJobs(deps: JobDeps): JobDefinition[] {
  return [
    ...platformJobs(deps),
    ...collectJobs({
      db: deps.database.db,
      blobs: deps.blobs,
      keys: deps.config.secrets,
      log: deps.log,
      addressGuard: deps.addressGuard,
      jobs: deps.jobs,
      ...(deps.worker ? { worker: deps.worker } : {}),
      onAdVersion: async (adVersionId) => {
        await deps.jobs().send(extractVersionJobRef, { adVersionId });
      },
    }),
    ...extractJobs({
      db: deps.database.db,
      config: deps.config,
      onExtracted: async (adIds) => {
        for (let i = 0; i < adIds.length; i += 500) {
          await deps.jobs().send(linkAdsJobRef, { adIds: adIds.slice(i, i + 500) });
        }
      },
    }),
    ...linkJobs({
      db: deps.database.db,
      settings: linkSettings(deps.config),
      hooks: linkHooks,
      onLinked: async (outcome) => {
        await queueScoring(deps.jobs(), outcome.touched);
      },
    }),
    ...scoreJobs({ db: deps.database.db, keys: deps.config.secrets, hooks: scoreHooks }),
    ...outreachJobs({
      db: deps.database.db,
      config: deps.config,
      log: deps.log,
      jobs: deps.jobs,
      clock: deps.clock,
      contactConsent: caseContactConsent,
      ...(deps.onStop ? { onStop: deps.onStop } : {}),
    }),
    ...referralJobs(referralDepsOf(deps.config, deps.database, deps.clock)),
    ...retentionJobs({
      db: deps.database.db,
      config: deps.config,
      clock: deps.clock,
      blobs: deps.blobs,
      onEntitiesChanged: (entityIds) => queueScoring(deps.jobs(), entityIds),
    }),
    ...chatJobs({ db: deps.database.db, config: deps.config, clock: deps.clock }),
    ...vaultJobs(
      {
        db: deps.database.db,
        config: deps.config,
        clock: deps.clock,
        blobs: deps.blobs,
        onNewHead: async (vaultId) => {
          if (deps.config.audit.tsa) await deps.jobs().send(vaultTimestampJobRef, { vaultId });
        },
      },
      // The audit log's authority stamps the vaults' heads too (one TSA, one trust file).
      deps.config.audit.tsa && deps.config.audit.tsaTrustFile
        ? {
            url: deps.config.audit.tsa.url,
            timeoutMs: deps.config.audit.tsa.timeoutMs,
            trustAnchors: loadTrustAnchors(deps.config.audit.tsaTrustFile),
          }
        : null,
    ),
  ];
}
