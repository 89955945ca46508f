// What the rest of the cases context and the composition root use of referrals.
export { referralJobs } from './jobs.js';
export { registerLinkPage } from './link-page.js';
export { canReadPartnerReferrals, canWorkReferrals, registerReferralRoutes } from './routes.js';
export { REFERRALS_ENCRYPTED_COLUMNS } from './schema.js';
export {
  DEFAULT_REFERRAL_SETTINGS,
  onConsentWithdrawn,
  type ReferralDeps,
  type ReferralSettings,
} from './service.js';
