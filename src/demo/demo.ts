// Demo mode (embedded, DEMO_DATA): serves the synthetic ad board on loopback and points two sources
// at it, so a new user sees real crawls — listings, faults, changed and removed ads — on the first
// start, without any real site. The board advances one simulated day per real day since the demo
// began, and the first start queues a crawl of both sources. Beside it runs the synthetic
// recruitment board (a job board and public-channel previews, issue 17), generated with the ad
// board's world so that some recruiters give the number of an ad-board operator and the demo links
// the two kinds of exploitation; two more sources crawl it, in the same first crawl.
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
import {
  generateRecruitWorld,
  recruitBoardSources,
  startRecruitBoard,
  type RecruitBoard,
} from '../../fixtures/recruit-board/index.js';
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
  /** When the templates for recruitment posts were added; absent: not yet. */
  recruitmentWordingSeededAt: z.iso.datetime().optional(),
  /** When the channel for messages sent by hand on platforms was added; absent: not yet. */
  handChannelSeededAt: z.iso.datetime().optional(),
});
type DemoState = z.infer<typeof DemoState>;
const DAY_MS = 86_400_000;

/**
 * The recruitment board's size: two channels (one of recruitment, one of chatter) and 40 job-board
 * posts, about 80 posts of which a quarter recruit, in Dutch and English. Small on purpose: it
 * shows every kind of post and a link to the ad board while adding seconds, not minutes, to the
 * first crawl.
 */
export const DEMO_RECRUIT_WORLD = { channels: 2, vacancies: 40 } as const;

export const DEMO_CHANNEL_NAME = 'Demo SMS (simulated phones)';
/**
 * Platforms without an API (Telegram, Snapchat, Instagram): the worker copies the text, sends it
 * from the programme's own account and confirms it here. Recruitment posts mostly give a handle.
 */
export const DEMO_HAND_CHANNEL_NAME = 'By hand (Telegram, Snapchat, Instagram)';
/** In the UK range reserved for drama (Ofcom, 07700 900xxx): nobody's real number. */
export const DEMO_SENDER = '+447700900555';
const DEMO_SMSC_SYSTEM_ID = 'ariadne-demo';
const LOOPBACK = '127.0.0.1';

// The seed's actors: no users are created for them. Two of them, because approving a template
// takes a supervisor other than its author, and the demo keeps to that rule.
const DEMO_ADMIN: Actor = { userId: null, label: 'demo seed', role: 'admin' };
const DEMO_AUTHOR: Actor = { userId: null, label: 'demo seed (author)', role: 'outreach_worker' };
const DEMO_APPROVER: Actor = { userId: null, label: 'demo seed (approver)', role: 'supervisor' };

/**
 * First contact with a young person reached through a recruitment post (issue 17). The number in
 * such a post may be the recruiter's own, or the phone may be read by one: so no name (the post's
 * name is a channel's or a recruiter's), no word of the post, the work, money, exploitation or
 * anyone who helps — only a neutral hello that leaves answering to them, and how to stop it.
 */
export const RECRUITMENT_TEMPLATES = [
  {
    name: 'Recruitment post — first contact (nl)',
    language: 'nl',
    purpose: 'first_contact',
    variants: [
      'Hoi, hoe gaat het met je? Je mag me altijd een berichtje sturen, maar het hoeft niet. Liever niets meer van me horen? Stuur dan STOP.',
      'Hey, alles goed met je? Als je zin hebt om te praten, kun je me altijd terugschrijven. Geen zin? Stuur STOP, dan hoor je niets meer.',
      'Hoi! Ik wilde even vragen hoe het met je gaat. Antwoorden mag, het hoeft niet. Liever geen berichtjes meer? Stuur dan STOP.',
    ],
  },
  {
    name: 'Recruitment post — first contact (en)',
    language: 'en',
    purpose: 'first_contact',
    variants: [
      "Hi, how are you doing? You can always text me back, but you don't have to. If you'd rather not hear from me, reply STOP.",
      "Hey, hope you're okay. If you ever feel like talking, you can message me any time. Not for you? Reply STOP and I won't text again.",
      "Hi! Just wanted to ask how you are. Reply if you like, or don't, it's up to you. Rather not get messages? Reply STOP.",
    ],
  },
] as const;

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
  ...RECRUITMENT_TEMPLATES,
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
  recruitBoard: RecruitBoard;
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
 * The recruitment board on the configured ports, or on free ones when they are taken (the demo
 * opens in its guard whatever ports it got; a worker in another process then cannot crawl it).
 */
async function startRecruit(
  config: Config,
  log: Logger,
  world: Parameters<typeof startRecruitBoard>[0]['world'],
): Promise<RecruitBoard> {
  try {
    return await startRecruitBoard({ world, port: config.recruitBoardPort });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || config.recruitBoardPort === 0)
      throw err;
    log.warn(
      { port: config.recruitBoardPort },
      'demo: RECRUIT_BOARD_PORT (or the next port) is taken; the recruitment board listens on free ports',
    );
    return startRecruitBoard({ world });
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

/** Writes and approves (four eyes: two demo actors) each of these templates not yet there. */
async function approveMissingTemplates(
  deps: { config: Config; db: Db; clock: Clock },
  list: readonly (typeof DEMO_TEMPLATES)[number][],
): Promise<number> {
  const { config, db, clock } = deps;
  const options = { safety: outreachSettings(config).safety };
  let added = 0;
  for (const template of list) {
    if (await templateByName(db, template.name, template.language)) continue;
    const draft = await createTemplate(db, DEMO_AUTHOR, template, options);
    await changeTemplateStatus(
      db,
      DEMO_APPROVER,
      draft.id,
      { action: 'approve' },
      options,
      clock.now(),
    );
    added++;
  }
  return added;
}

/**
 * The demo's quick replies and any demo template still missing (a data directory seeded before
 * they existed), each once: a later start leaves what an operator removed removed.
 */
async function seedDemoWording(deps: { config: Config; db: Db; log: Logger; clock: Clock }) {
  const { db, log } = deps;
  await db.transaction(async (tx) => {
    await approveMissingTemplates({ ...deps, db: tx }, DEMO_TEMPLATES);
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
  let recruitBoard: RecruitBoard | undefined;
  let phones: DemoPhones | undefined;
  try {
    // The ad board's world, so that the same number joins a recruitment post and sex ads.
    recruitBoard = await startRecruit(
      config,
      log,
      generateRecruitWorld({
        seed: state.seed,
        ...DEMO_RECRUIT_WORLD,
        startDate: world.options.startDate,
        adBoard: world,
      }),
    );
    deps.addressGuard.allow(
      [...Object.values(board.urls), ...Object.values(recruitBoard.urls)]
        .map((u) => new URL(u).host)
        .join(','),
    );
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
    // Public pages only, as for the ad board: robots.txt obeyed, no login, account or join. A
    // data directory from before the recruitment board gets its first crawl when the sources appear.
    const recruitDefs = recruitBoardSources(recruitBoard.urls, recruitBoard.channelUrls, {
      maxPages: 2000,
      delayMs: 100,
      maxConcurrencyPerHost: 2,
    });
    const recruitSchedules = { jobs: '15 */6 * * *', channels: '45 */12 * * *' };
    for (const key of ['jobs', 'channels'] as const) {
      const { source, created } = await saveSource(db, SYSTEM_ACTOR, {
        ...recruitDefs[key],
        schedule: recruitSchedules[key],
        recrawlHours: 6,
      });
      if (first || created) {
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
      state = { ...state, wordingSeededAt: clock.now().toISOString() };
      writeState(stateFile, state);
    }
    // A data directory seeded before the recruitment board gets its templates once; a later
    // start leaves one an operator retired as it is.
    if (state.outreachSeededAt && !state.recruitmentWordingSeededAt) {
      const added = await db.transaction((tx) =>
        approveMissingTemplates({ config, db: tx, clock }, RECRUITMENT_TEMPLATES),
      );
      if (added) log.info({ added }, 'demo: first-contact templates for recruitment posts');
      state = { ...state, recruitmentWordingSeededAt: clock.now().toISOString() };
      writeState(stateFile, state);
    }
    if (state.outreachSeededAt && !state.handChannelSeededAt) {
      if (!(await channelByName(db, DEMO_HAND_CHANNEL_NAME))) {
        await saveChannel(db, config, DEMO_ADMIN, {
          name: DEMO_HAND_CHANNEL_NAME,
          kind: 'manual',
          sender: null,
          enabled: true,
          settings: {},
        });
        log.info('demo: a channel for messages sent by hand on platforms');
      }
      state = { ...state, handChannelSeededAt: clock.now().toISOString() };
      writeState(stateFile, state);
    }
  } catch (err) {
    await phones?.close().catch(() => undefined);
    await recruitBoard?.close().catch(() => undefined);
    await board.close().catch(() => undefined);
    throw err;
  }

  const timer = setInterval(() => {
    if (board.day !== dayNow()) board.setDay(dayNow());
  }, 60_000);
  timer.unref();
  log.info({ siteA: board.urls.a, siteB: board.urls.b, day: board.day }, 'demo ad board running');
  log.info(
    {
      jobs: recruitBoard.urls.jobs,
      channels: recruitBoard.urls.channels,
      posts: recruitBoard.world.posts.length,
    },
    'demo recruitment board running (job board and public-channel previews)',
  );
  log.info({ port: phones.port }, 'demo: simulated phones answer on the demo SMS channel');
  const running = phones;
  const recruit = recruitBoard;
  return {
    board,
    recruitBoard: recruit,
    phones: running,
    stop: async () => {
      clearInterval(timer);
      await running.close();
      await recruit.close();
      await board.close();
    },
  };
}
