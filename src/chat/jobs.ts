// The chat line's job: every minute, chats left unanswered for CHAT_UNANSWERED_MINUTES go back to
// the queue and supervisors are alerted (service.returnUnanswered decides each under its lock).
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../platform/jobs.js';
import { returnUnanswered, type ChatDeps } from './service.js';

export function chatJobs(deps: ChatDeps): JobDefinition[] {
  return [
    defineJob({
      name: 'chat.unanswered',
      schema: z.object({}),
      schedule: { cron: '* * * * *', data: {} },
      retryLimit: 1,
      handler: async (_data, ctx) => {
        const returned = await returnUnanswered(deps);
        if (returned > 0) ctx.log.info({ returned }, 'unanswered chats back in the queue');
      },
    }),
  ];
}
