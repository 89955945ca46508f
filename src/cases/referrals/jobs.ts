// Scheduled work of referrals: ending referrals whose consent no longer covers what they carry (an
// expired consent stops pending shares; a withdrawal the hook somehow missed is caught here too),
// and reminding workers of referrals nobody answered. Both are idempotent: a second run finds
// nothing left to do.
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs.js';
import { endReferralsWithoutConsent, remindUnanswered, type ReferralDeps } from './service.js';

export function referralJobs(deps: ReferralDeps): JobDefinition[] {
  return [
    defineJob({
      name: 'cases.referrals-consent-check',
      schema: z.object({}),
      schedule: { cron: '*/5 * * * *', data: {} },
      retryLimit: 2,
      handler: async (_data, ctx) => {
        const ended = await endReferralsWithoutConsent(deps);
        if (ended > 0) ctx.log.info({ ended }, 'referrals ended: consent no longer covers them');
      },
    }),
    defineJob({
      name: 'cases.referral-reminders',
      schema: z.object({}),
      schedule: { cron: '17 * * * *', data: {} },
      retryLimit: 2,
      handler: async (_data, ctx) => {
        const reminded = await remindUnanswered(deps);
        if (reminded > 0) ctx.log.info({ reminded }, 'workers reminded of unanswered referrals');
      },
    }),
  ];
}
