// The HTTP server of the whole program: the platform's server (auth, errors, OpenAPI, probes) with
// every context's routes registered on it, and the hooks between contexts wired here (masking of
// ad text by the stored facts; rescoring when the score model changes), and the chat line.
import type { FastifyInstance } from 'fastify';
import {
  onConsentWithdrawn,
  registerCasesRoutes,
  registerHtcdsRoutes,
  registerLinkPage,
  registerPartnerRoutes,
  registerReferralRoutes,
  registerSubjectRightsRoutes,
  type CasesHooks,
} from '../cases/index.js';
import { registerChat, registerChatWidget } from '../chat/index.js';
import { registerCollectRoutes } from '../collect/index.js';
import { maskVersions, registerExtractRoutes } from '../facts/index.js';
import { boilerplateOfAdVersion } from '../link/index.js';
import { registerInsightsRoutes } from '../insights/index.js';
import { registerOutreachRoutes } from '../outreach/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { systemClock } from '../platform/clock.js';
import { capabilityPolicies } from './capabilities.js';
import { caseContactConsent } from './contact-consent.js';
import { registerInboxRoute } from './inbox.js';
import { referralDepsOf } from './referrals.js';
import { eraseCaseElsewhere, registerRetentionRoutes } from './retention.js';
import { createHttpServer, type PlatformHttpDeps } from '../platform/http/server.js';
import type { Jobs } from '../platform/jobs.js';
import { registerScoreModelRoutes, registerScoreRoutes, rescoreAllJobRef } from '../score/index.js';
import {
  registerRecipientRoutes,
  registerVaultRoutes,
  registerVaultWeb,
  vaultTimestampJobRef,
  type VaultDeps,
} from '../vault/index.js';

export interface HttpDeps extends Omit<PlatformHttpDeps, 'capabilities'> {
  /** Blob store and job queue, for the contexts' routes (absent in API-only tests: then none). */
  blobs?: BlobStore;
  jobs?: Jobs;
  /** Calls out of cases; by default a withdrawn consent ends the referrals resting on it. */
  casesHooks?: CasesHooks;
}

export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { config, database, log, blobs, jobs } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.db;
  const contexts = (app: FastifyInstance) => {
    // Cases and referrals need neither blobs nor the queue: their API and the secure-link page
    // are always there. A withdrawal ends the referrals on that consent in its own transaction.
    const referralDeps = referralDepsOf(config, database, clock);
    const casesHooks: CasesHooks = {
      onConsentWithdrawn: async (event, tx) => {
        await onConsentWithdrawn(referralDeps, event, tx);
      },
      ...deps.casesHooks,
    };
    registerCasesRoutes(app, { db, config, clock, hooks: casesHooks });
    registerHtcdsRoutes(app, { db, config, clock });
    registerReferralRoutes(app, referralDeps);
    registerLinkPage(app, { ...referralDeps, config });
    registerPartnerRoutes(app, { db, clock });
    registerInsightsRoutes(app, { db, clock });
    // A case's erasure takes the chat its thread was carried from and its traces in the person's
    // vault along, in the same commit.
    registerSubjectRightsRoutes(app, { db, config, clock, onCaseErased: eraseCaseElsewhere });
    registerRetentionRoutes(app, { db, config, clock });
    // The one inbox: outreach's threads and the chat line's chats (it needs the database only).
    registerInboxRoute(app, { db, config });
    if (!blobs || !jobs) return;
    const mask = (versions: Parameters<typeof maskVersions>[1]) => maskVersions(db, versions);
    registerCollectRoutes(app, { db, blobs, keys: config.secrets, jobs, mask });
    registerExtractRoutes(app, {
      db,
      config,
      jobs,
      boilerplateOf: (adId, versionId) =>
        boilerplateOfAdVersion(db, config.secrets.fieldKeys, adId, versionId),
    });
    registerScoreRoutes(app, { db, config, mask });
    registerScoreModelRoutes(app, {
      db,
      onModelChanged: async (change) => {
        await jobs.send(rescoreAllJobRef, { reason: `score model v${change.version}` });
      },
    });
    registerOutreachRoutes(app, {
      db,
      config,
      jobs,
      log,
      clock,
      contactConsent: caseContactConsent,
    });
  };
  // The chat line: its WebSocket routes, this server's share of the fan-out across servers, and
  // the widget (the /chat page and the script organisations embed).
  const chat = async (app: FastifyInstance) => {
    await registerChat(app, { config, database, clock, log });
    await registerChatWidget(app, {
      retentionDays: config.retention.chatDays,
      ...(config.chat.exitUrl ? { exitUrl: config.chat.exitUrl } : {}),
    });
  };
  // The evidence vault: the person's API and the recipients' side. It keeps its bytes in the blob
  // store, so it is there when one is; a new chain head queues its time-stamp when the queue is.
  const vault = async (app: FastifyInstance) => {
    if (!blobs) return;
    const vaultDeps: VaultDeps = {
      db,
      config,
      clock,
      blobs,
      ...(jobs
        ? {
            onNewHead: async (vaultId: string) => {
              if (config.audit.tsa) await jobs.send(vaultTimestampJobRef, { vaultId });
            },
          }
        : {}),
    };
    await registerVaultRoutes(app, { ...vaultDeps, tsaTrustFile: config.audit.tsaTrustFile });
    registerRecipientRoutes(app, vaultDeps);
    // The person's app (web/vault); quick exit goes where the chat's does.
    await registerVaultWeb(app, config.chat.exitUrl ? { exitUrl: config.chat.exitUrl } : {});
  };
  return createHttpServer({
    ...deps,
    clock,
    capabilities: capabilityPolicies,
    plugins: [contexts, chat, vault, ...(deps.plugins ?? [])],
  });
}
