// Demo mode (embedded, DEMO_DATA): serves the synthetic ad board on loopback and points two sources
// at it, so a new user sees real crawls — listings, faults, changed and removed ads — on the first
// start, without any real site. The board advances one simulated day per real day since the demo
// began, and the first start queues a crawl of both sources.
//
// Outreach gets simulated phones: an SMSC on loopback (fixtures/smsc) whose numbers are answered by
// synthetic people (receipts, short replies, some STOPs), an SMPP channel pointed at it and approved
// first-contact templates in Dutch and English, so a demo user can write to a lead and see the
// whole flow. Nothing leaves the machine: the channel only ever reaches the loopback SMSC.
//
// It lives apart from the program (src/demo, not src/app or src/platform) because it brings the
// test fixtures: the start command loads it with import() only when DEMO_DATA is on.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  adBoardSources,
  generateWorld,
  startAdBoard,
  type AdBoard,
} from '../../fixtures/ad-board/index.js';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { startDemoPhones, type DemoPhones } from '../../fixtures/smsc/demo-phones.js';
import { seedPartnerDirectory } from '../cases/index.js';
import { seedDemoCases } from './demo-cases.js';
import { crawlJobRef, requestCrawl, saveSource } from '../collect/index.js';
import {
  changeTemplateStatus,
  channelByName,
  channelForSending,
  createQuickReply,
  createTemplate,
  listQuickReplies,
  outreachSettings,
  saveChannel,
  templateByName,
} from '../outreach/index.js';
import { SYSTEM_ACTOR, type Actor } from '../platform/actor.js';
import type { AddressGuard } from '../platform/address-guard.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { isAppError } from '../platform/errors.js';
import type { Jobs } from '../platform/jobs.js';

const DemoState = z.object({
  startedAt: z.iso.datetime(),
  seed: z.string(),
  /** The demo SMSC's bind password (absent in data directories from before the simulated phones). */
  smscPassword: z.string().min(1).max(8).optional(),
  /** When the demo channel and templates were created; absent: not yet. */
  outreachSeededAt: z.iso.datetime().optional(),
  /** When the quick replies and the templates without a name were added; absent: not yet. */
  wordingSeededAt: z.iso.datetime().optional(),
});
type DemoState = z.infer<typeof DemoState>;
const DAY_MS = 86_400_000;

export const DEMO_CHANNEL_NAME = 'Demo SMS (simulated phones)';
/** In the UK range reserved for drama (Ofcom, 07700 900xxx): nobody's real number. */
export const DEMO_SENDER = '+447700900555';
const DEMO_SMSC_SYSTEM_ID = 'ariadne-demo';
const LOOPBACK = '127.0.0.1';

// The seed's actors: no users are created for them. Two of them, because approving a template
// takes a supervisor other than its author, and the demo keeps to that rule.
const DEMO_ADMIN: Actor = { userId: null, label: 'demo seed', role: 'admin' };
const DEMO_AUTHOR: Actor = { userId: null, label: 'demo seed (author)', role: 'outreach_worker' };
const DEMO_APPROVER: Actor = { userId: null, label: 'demo seed (approver)', role: 'supervisor' };

/** First contact as a worker would write it: no organisation, nothing a controller could flag. */
export const DEMO_TEMPLATES = [
  {
    name: 'Eerste bericht (demo)',
    language: 'nl',
    purpose: 'first_contact',
    variants: [
      'Hoi {displayName}, ik zag je advertentie. Gaat alles goed met je? Je kunt me altijd terugschrijven.',
      'Hoi {displayName}, hoe gaat het met je? Als je ergens over wilt praten, kun je me altijd een berichtje sturen.',
      'Hallo {displayName}, ik zag je advertentie en wilde even vragen hoe het met je gaat. Je mag me altijd terugschrijven.',
    ],
  },
  {
    name: 'First message (demo)',
    language: 'en',
    purpose: 'first_contact',
    variants: [
      'Hi {displayName}, I saw your ad. Are you doing okay? You can always write back to me.',
      'Hi {displayName}, how are you doing? If you ever want to talk, you can always send me a message.',
      'Hello {displayName}, I saw your ad and wanted to ask how you are. You can always write back to me.',
    ],
  },
  // For a number the ads use under several names: whoever reads it may not be the person a name
  // addresses, so the first message names nobody.
  {
    name: 'Eerste bericht zonder naam (demo)',
    language: 'nl',
    purpose: 'first_contact',
    variants: [
      'Hoi, ik zag je advertentie. Gaat alles goed met je? Je kunt me altijd terugschrijven.',
      'Hallo, hoe gaat het met je? Als je ergens over wilt praten, kun je me altijd een berichtje sturen.',
    ],
  },
  {
    name: 'First message without a name (demo)',
    language: 'en',
    purpose: 'first_contact',
    variants: [
      'Hi, I saw your ad. Are you doing okay? You can always write back to me.',
      'Hello, how are you doing? If you ever want to talk, you can always send me a message.',
    ],
  },
] as const;

/**
 * Prepared answers for the first real reply, in the same discreet voice: nothing names the
 * organisation or its purpose, so a phone read by someone else gives nothing away.
 */
export const DEMO_QUICK_REPLIES = [
  {
    language: 'nl',
    title: 'Fijn dat je schrijft',
    text: 'Fijn dat je terugschrijft. Hoe gaat het nu met je?',
  },
  {
    language: 'nl',
    title: 'Kun je vrij praten?',
    text: 'Kun je nu rustig praten, of schrijf ik je beter op een ander moment?',
  },
  {
    language: 'nl',
    title: 'Geen haast',
    text: 'Je hoeft niets te vertellen wat je niet wilt. Ik ben er als je wilt praten, ook later.',
  },
  {
    language: 'en',
    title: 'Glad you wrote',
    text: 'Thank you for writing back. How are you doing right now?',
  },
  {
    language: 'en',
    title: 'Can you talk freely?',
    text: 'Can you talk freely right now, or is it better if I write at another time?',
  },
  {
    language: 'en',
    title: 'No rush',
    text: "You don't have to tell me anything you don't want to. I'm here if you want to talk, now or later.",
  },
] as const;

export interface Demo {
  board: AdBoard;
  phones: DemoPhones;
  stop(): Promise<void>;
}

function writeState(file: string, state: DemoState): void {
  writeFileSync(file, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** The configured port, or a free one when it is taken (the channel follows the SMSC's port). */
async function startPhones(
  config: Config,
  log: Logger,
  opts: Omit<Parameters<typeof startDemoPhones>[0], 'port'>,
): Promise<DemoPhones> {
  try {
    return await startDemoPhones({ ...opts, port: config.demoSmscPort });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || config.demoSmscPort === 0)
      throw err;
    log.warn(
      { port: config.demoSmscPort },
      'demo: DEMO_SMSC_PORT is taken; the simulated SMSC listens on a free port',
    );
    return startDemoPhones(opts);
  }
}

/**
 * Creates the demo channel and approved templates once; on later starts only keeps the channel
 * pointed at this SMSC (its port may differ), unless an admin has pointed it elsewhere.
 */
async function seedOutreach(
  deps: { config: Config; db: Db; log: Logger; clock: Clock },
  state: DemoState,
  smsc: { port: number; password: string },
): Promise<boolean> {
  const { config, db, log, clock } = deps;
  const settings = {
    host: LOOPBACK,
    port: smsc.port,
    systemId: DEMO_SMSC_SYSTEM_ID,
    password: smsc.password,
    sourceAddr: DEMO_SENDER,
  };
  if (state.outreachSeededAt) {
    const row = await channelByName(db, DEMO_CHANNEL_NAME);
    if (!row || row.kind !== 'smpp') return false;
    const stored = (await channelForSending(db, config, row.id)).settings;
    const current =
      stored.port === settings.port &&
      stored.systemId === settings.systemId &&
      stored.password === settings.password;
    if (stored.host !== LOOPBACK || current) return false;
    await saveChannel(db, config, DEMO_ADMIN, {
      name: row.name,
      kind: 'smpp',
      sender: row.sender,
      enabled: row.enabled,
      settings: { ...stored, ...settings, sourceAddr: stored.sourceAddr },
    });
    log.info({ channel: row.id, port: smsc.port }, 'demo: SMS channel moved to the simulated SMSC');
    return false;
  }

  const options = { safety: outreachSettings(config).safety };
  const approved = await db.transaction(async (tx) => {
    await saveChannel(tx, config, DEMO_ADMIN, {
      name: DEMO_CHANNEL_NAME,
      kind: 'smpp',
      sender: DEMO_SENDER,
      enabled: true,
      settings,
    });
    let count = 0;
    for (const template of DEMO_TEMPLATES) {
      if (await templateByName(tx, template.name, template.language)) continue;
      const draft = await createTemplate(tx, DEMO_AUTHOR, template, options);
      try {
        await changeTemplateStatus(
          tx,
          DEMO_APPROVER,
          draft.id,
          { action: 'approve' },
          options,
          clock.now(),
        );
        count++;
      } catch (err) {
        // Words of ORGANISATION_NAMES in the text: a supervisor decides, not the demo.
        if (!isAppError(err) || err.logDetail?.rule !== 'safety_confirmation_required') throw err;
        log.warn(
          { template: draft.id },
          'demo: template left as a draft, its text needs a supervisor to confirm safety words',
        );
      }
    }
    return count;
  });
  log.info(
    { templatesApproved: approved },
    'demo: SMS channel to simulated phones and first-contact templates created',
  );
  return true;
}

/**
 * The demo's quick replies and any demo template still missing (a data directory seeded before
 * they existed), each once: a later start leaves what an operator removed removed.
 */
async function seedDemoWording(deps: { config: Config; db: Db; log: Logger; clock: Clock }) {
  const { config, db, log, clock } = deps;
  const options = { safety: outreachSettings(config).safety };
  await db.transaction(async (tx) => {
    for (const template of DEMO_TEMPLATES) {
      if (await templateByName(tx, template.name, template.language)) continue;
      const draft = await createTemplate(tx, DEMO_AUTHOR, template, options);
      await changeTemplateStatus(
        tx,
        DEMO_APPROVER,
        draft.id,
        { action: 'approve' },
        options,
        clock.now(),
      );
    }
    const existing = await listQuickReplies(tx);
    for (const q of DEMO_QUICK_REPLIES) {
      if (existing.some((e) => e.language === q.language && e.title === q.title)) continue;
      await createQuickReply(tx, DEMO_AUTHOR, q);
    }
  });
  log.info({ quickReplies: DEMO_QUICK_REPLIES.length }, 'demo: quick replies in Dutch and English');
}

export async function startDemo(deps: {
  config: Config;
  db: Db;
  jobs: Jobs;
  log: Logger;
  /** The crawls' guard: the board is on loopback, so exactly its two ports are opened in it. */
  addressGuard: AddressGuard;
  /**
   * "Now" for the demo: which simulated day the ad board shows, the times it records, and the
   * simulated phones' receipts (so they agree with the times outreach records).
   */
  clock: Clock;
  /** How long the simulated people take to answer (tests shorten it). */
  replyDelay?: { minMs: number; maxMs: number };
}): Promise<Demo> {
  const { config, db, jobs, log, clock } = deps;
  const stateFile = path.join(config.dataDir, 'demo.json');
  const first = !existsSync(stateFile);
  let state: DemoState = first
    ? { startedAt: clock.now().toISOString(), seed: 'ariadne-demo' }
    : DemoState.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
  const smscPassword = state.smscPassword ?? randomBytes(6).toString('base64url');
  if (first || !state.smscPassword) writeState(stateFile, { ...state, smscPassword });
  state.smscPassword = smscPassword;

  const world = generateWorld({ seed: state.seed, ads: config.demoAds, days: 30 });
  const dayNow = () => Math.floor((clock.now().getTime() - Date.parse(state.startedAt)) / DAY_MS);
  const board = await startAdBoard({
    world,
    faults: true,
    port: config.adBoardPort,
    day: dayNow(),
  });
  deps.addressGuard.allow(
    Object.values(board.urls)
      .map((u) => new URL(u).host)
      .join(','),
  );
  let phones: DemoPhones | undefined;
  try {
    phones = await startPhones(config, log, {
      seed: state.seed,
      systemId: DEMO_SMSC_SYSTEM_ID,
      password: smscPassword,
      clock,
      ...(deps.replyDelay ? { replyDelay: deps.replyDelay } : {}),
      onReply: (reply) =>
        log.info(
          { language: reply.language, optOut: reply.behaviour === 'stop' },
          'demo: a simulated phone answered',
        ),
    });

    const defs = adBoardSources(board.urls, {
      maxPages: 2000,
      delayMs: 100,
      maxConcurrencyPerHost: 2,
    });
    const schedules = { a: '0 */6 * * *', b: '30 */12 * * *' };
    for (const key of ['a', 'b'] as const) {
      const { source } = await saveSource(db, SYSTEM_ACTOR, {
        ...defs[key],
        schedule: schedules[key],
        recrawlHours: 6,
      });
      if (first) {
        const run = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'schedule');
        await jobs.send(crawlJobRef, { runId: run.id }, { singletonKey: `crawl:${source.id}` });
      }
    }

    const directory = generatePartnerDirectory({ asOf: clock.now() });
    await seedPartnerDirectory(db, SYSTEM_ACTOR, directory, clock);
    await seedDemoCases({ config, db, log, clock }, directory);
    if (
      await seedOutreach({ config, db, log, clock }, state, {
        port: phones.port,
        password: smscPassword,
      })
    ) {
      state = { ...state, outreachSeededAt: clock.now().toISOString() };
      writeState(stateFile, state);
    }
    if (state.outreachSeededAt && !state.wordingSeededAt) {
      await seedDemoWording({ config, db, log, clock });
      writeState(stateFile, { ...state, wordingSeededAt: clock.now().toISOString() });
    }
  } catch (err) {
    await phones?.close().catch(() => undefined);
    await board.close().catch(() => undefined);
    throw err;
  }

  const timer = setInterval(() => {
    if (board.day !== dayNow()) board.setDay(dayNow());
  }, 60_000);
  timer.unref();
  log.info({ siteA: board.urls.a, siteB: board.urls.b, day: board.day }, 'demo ad board running');
  log.info({ port: phones.port }, 'demo: simulated phones answer on the demo SMS channel');
  const running = phones;
  return {
    board,
    phones: running,
    stop: async () => {
      clearInterval(timer);
      await running.close();
      await board.close();
    },
  };
}
