// Demo mode's outreach on both databases: the first start creates the SMS channel to the simulated
// phones and approved Dutch and English templates (four eyes kept, no users created), later starts
// create nothing again and keep the channel pointed at the SMSC wherever it listens; a message
// composed from a demo template goes out through the real send job and SMPP, is delivered, and the
// simulated person answers in its language — or writes STOP, which ends contact. Everything runs
// on a clock the test sets (noon in Amsterdam), so the contact rules see the same hour at any time
// of day the suite runs; at night by that clock, the demo's send is refused like any other.
// Beside the ad board the demo serves the recruitment board (a job board and public-channel
// previews): its first crawl takes both, and running those crawls (as the crawl job would) gives
// recruitment ads — criminal signs found by extraction — whose numbers the ad board's ads share.
// Its first-contact templates for young people reached through a recruitment post are approved
// like the others and name nothing a recruiter could learn from.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_REPLIES,
  demoPerson,
  demoReplyText,
  guessLanguage,
  type DemoBehaviour,
} from '../../fixtures/smsc/demo-phones.js';
import { executeCrawl } from '../collect/index.js';
import { ads, adVersions, crawlRuns, sources } from '../collect/schema.js';
import { exploitationTypeOf } from '../extract/index.js';
import { extractAdVersion } from '../facts/index.js';
import {
  channelByName,
  channelForSending,
  listChannels,
} from '../outreach/channels/channel-store.js';
import { openConversation } from '../outreach/inbox/conversations.js';
import { checkMessageSafety, lintTemplate } from '../outreach/domain/index.js';
import { queueSend } from '../outreach/sending/jobs.js';
import { contacts, conversations, messages, outreachTemplates } from '../outreach/schema.js';
import { composeMessage, SendRefused } from '../outreach/sending/service.js';
import { listTemplates } from '../outreach/templates/templates-store.js';
import { listQuickReplies } from '../outreach/templates/quick-replies.js';
import type { Actor } from '../platform/actor.js';
import { AddressRefused, createAddressGuard } from '../platform/address-guard.js';
import { auditLog } from '../platform/audit/schema.js';
import { users } from '../platform/auth/schema.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { Config } from '../platform/config.js';
import {
  DEMO_CHANNEL_NAME,
  DEMO_HAND_CHANNEL_NAME,
  DEMO_QUICK_REPLIES,
  DEMO_SENDER,
  DEMO_TEMPLATES,
  RECRUITMENT_TEMPLATES,
  startDemo,
  type Demo,
} from './demo.js';
import { allJobs } from '../app/jobs.js';
import { startJobs, type Jobs } from '../platform/jobs.js';
import { NOON_AMSTERDAM, noonClock } from '../../test/helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { caseContactConsent } from '../app/contact-consent.js';

const log = pino({ level: 'silent' });
const worker: Actor = {
  userId: randomUUID(),
  label: 'worker@example.org',
  role: 'outreach_worker',
};
let t: TestDatabase;
let jobs: Jobs;
let demo: Demo | undefined;
let dir: string;
const closers: (() => Promise<void>)[] = [];
// The crawls' guard as the runtime makes it with AD_BOARD_PORT=0: the demo opens what it got.
const addressGuard = createAddressGuard();

/** The demo's, the jobs' and the contact rules' one clock. */
const clock = noonClock();
const DAY = 86_400_000;

const start = (config: Config = t.config) =>
  startDemo({
    config,
    db: t.database.db,
    jobs,
    log,
    addressGuard,
    clock,
    replyDelay: { minMs: 50, maxMs: 200 },
  });

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  const until = Date.now() + 30_000;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const demoChannels = async () =>
  (await listChannels(t.database.db)).filter((c) => c.name === DEMO_CHANNEL_NAME);

/** The crawl runs of each demo source, by source name. */
const runsBySource = async () => {
  const rows = await t.database.db
    .select({ name: sources.name, id: crawlRuns.id, status: crawlRuns.status })
    .from(crawlRuns)
    .innerJoin(sources, eq(crawlRuns.sourceId, sources.id));
  const out: Record<string, { id: string; status: string }[]> = {};
  for (const r of rows) (out[r.name] ??= []).push({ id: r.id, status: r.status });
  return out;
};

const templateAudits = async () =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(inArray(auditLog.action, ['outreach.template_create', 'outreach.template_approve']))
  )[0]?.n;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-demo-test-'));
  t = await openTestDatabase({ AD_BOARD_PORT: '0', RECRUIT_BOARD_PORT: '0', DEMO_SMSC_PORT: '0' });
  const definitions = allJobs({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(path.join(dir, 'blobs')),
    log,
    addressGuard,
    clock,
    jobs: () => jobs,
    onStop: (close) => closers.push(close),
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions });
  // Only outreach runs here: the crawls the demo queues stay queued.
  await jobs.work(
    definitions.filter((d) => d.name.startsWith('outreach.')),
    2,
  );
}, 120_000);

afterAll(async () => {
  await demo?.stop();
  await jobs?.stop();
  for (const close of closers) await close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the demo start', () => {
  it('creates the SMS channel to the simulated phones and approved templates, once', async () => {
    const db = t.database.db;
    demo = await start();
    const [channel, ...more] = await demoChannels();
    expect(more).toEqual([]);
    expect(channel).toMatchObject({
      kind: 'smpp',
      enabled: true,
      sender: DEMO_SENDER,
      repliesPossible: true,
    });
    const { settings } = await channelForSending(db, t.config, channel!.id);
    expect(settings).toMatchObject({ host: '127.0.0.1', port: demo.phones.port });

    const approved = await listTemplates(db, { status: 'approved' });
    expect(approved.map((x) => [x.name, x.language]).sort()).toEqual(
      DEMO_TEMPLATES.map((x) => [x.name, x.language]).sort(),
    );
    for (const x of approved) {
      expect(x.safetyHits).toEqual([]);
      expect(x.warnings).toEqual([]);
      expect(x.variants.every((v) => v.segments === 1 && v.encoding === 'GSM-7')).toBe(true);
    }
    // Four eyes: written by one demo actor, approved by another; no user was made for either.
    const audits = await db
      .select()
      .from(auditLog)
      .where(
        inArray(
          auditLog.targetId,
          approved.map((x) => x.id),
        ),
      );
    const by = (action: string) =>
      [...new Set(audits.filter((a) => a.action === action).map((a) => a.actorLabel))].sort();
    expect(by('outreach.template_create')).toEqual(['demo seed (author)']);
    expect(by('outreach.template_approve')).toEqual(['demo seed (approver)']);
    expect((await db.select({ n: count() }).from(users))[0]?.n).toBe(0);

    const state = JSON.parse(readFileSync(path.join(t.config.dataDir, 'demo.json'), 'utf8')) as {
      outreachSeededAt?: string;
      smscPassword?: string;
    };
    expect(state.outreachSeededAt).toBe(new Date(NOON_AMSTERDAM).toISOString());
    expect(state.smscPassword).toMatch(/^.{8}$/);
    // Handles from recruitment posts are written to by hand, on the programme's own account.
    const hand = await channelByName(db, DEMO_HAND_CHANNEL_NAME);
    expect(hand?.kind).toBe('manual');
    expect(hand?.enabled).toBe(true);

    // Crawls may reach the two boards' loopback ports and nothing else on loopback (not the SMSC).
    for (const url of [
      ...Object.values(demo.board.urls),
      ...Object.values(demo.recruitBoard.urls),
    ]) {
      const port = Number(new URL(url).port);
      expect(await addressGuard.resolve('127.0.0.1', port)).toHaveLength(1);
    }
    await expect(addressGuard.resolve('127.0.0.1', demo.phones.port)).rejects.toBeInstanceOf(
      AddressRefused,
    );
  });

  it('crawls the job board and the channel previews in its first crawl, and finds recruitment', async () => {
    const db = t.database.db;
    // The first start queued one crawl of each of the four sources.
    const runs = await runsBySource();
    expect(Object.keys(runs).sort()).toEqual([
      'ad-board-a',
      'ad-board-b',
      'recruit-board-channels',
      'recruit-board-jobs',
    ]);
    for (const list of Object.values(runs)) expect(list.map((r) => r.status)).toEqual(['queued']);

    // A small world (seconds, not minutes, on the first crawl) with every kind of post, both
    // languages of recruitment, and recruiters who give an ad-board operator's number.
    const world = demo!.recruitBoard.world;
    expect(world.posts.length).toBeGreaterThanOrEqual(40);
    expect(world.posts.length).toBeLessThanOrEqual(100);
    const recruitment = world.posts.filter((p) => p.recruitment);
    expect(new Set(recruitment.map((p) => p.language))).toEqual(new Set(['nl', 'en']));
    const onDayZero = new Set(
      demo!.board.world.ads
        .filter((a) => a.postedDay <= 0 && (a.removedDay === null || a.removedDay > 0))
        .map((a) => a.id),
    );
    expect(
      recruitment.some((p) =>
        p.crossLinks.some((l) => l.adBoardAdIds.some((id) => onDayZero.has(id))),
      ),
    ).toBe(true);

    // Run the two recruitment crawls as the crawl job would, through the guard the demo opened.
    const versions: string[] = [];
    for (const name of ['recruit-board-jobs', 'recruit-board-channels']) {
      const summary = await executeCrawl(
        {
          db,
          blobs: createFsBlobStore(path.join(dir, 'blobs')),
          keys: t.config.secrets,
          log,
          addressGuard,
          clock,
          onAdVersion: (id) => {
            versions.push(id);
            return Promise.resolve();
          },
        },
        runs[name]![0]!.id,
      );
      expect(summary, name).toMatchObject({ status: 'finished', parseErrors: 0 });
    }
    const stored = await db
      .select({ externalId: ads.externalId, source: sources.name })
      .from(ads)
      .innerJoin(sources, eq(ads.sourceId, sources.id));
    for (const site of ['jobs', 'channels'] as const) {
      expect(
        stored
          .filter((a) => a.source === `recruit-board-${site}`)
          .map((a) => a.externalId)
          .sort(),
      ).toEqual(
        world.posts
          .filter((p) => p.site === site)
          .map((p) => p.externalId)
          .sort(),
      );
    }

    // Extraction reads most recruitment posts as criminal recruitment, on both sites, in both
    // languages (the bench measures how well: npm run bench -- recruit).
    const byExternalId = new Map(world.posts.map((p) => [p.externalId, p]));
    const found: typeof recruitment = [];
    for (const id of versions) {
      const result = await extractAdVersion(db, t.config, id);
      const [row] = await db
        .select({ externalId: ads.externalId })
        .from(adVersions)
        .innerJoin(ads, eq(adVersions.adId, ads.id))
        .where(eq(adVersions.id, id));
      const post = byExternalId.get(row!.externalId);
      const signs = result!.facts.flatMap((f) => (f.kind === 'indicator' ? [f] : []));
      const type = exploitationTypeOf(signs);
      if (post?.recruitment && (type === 'criminal' || type === 'both')) found.push(post);
    }
    expect(versions).toHaveLength(world.posts.length);
    expect(found.length / recruitment.length).toBeGreaterThanOrEqual(0.8);
    for (const site of ['jobs', 'channels'] as const)
      expect(
        found.some((p) => p.site === site),
        site,
      ).toBe(true);
    expect(new Set(found.map((p) => p.language))).toEqual(new Set(['nl', 'en']));

    // Public pages only: robots.txt first on each site, no login, join, posting or search page.
    const asked = demo!.recruitBoard.requests;
    for (const site of ['jobs', 'channels'] as const)
      expect(asked.find((r) => r.site === site)?.path).toBe('/robots.txt');
    expect(
      asked.filter((r) => /^\/(login|join\/|api\/|account\/|plaatsen|zoeken)/.test(r.path)),
    ).toEqual([]);
    expect(asked.filter((r) => r.credentials)).toEqual([]);
  }, 120_000);

  it('shows the ad board as it is on the day the demo clock says', async () => {
    expect(demo!.board.day).toBe(0);
    clock.advance(3 * DAY);
    try {
      await demo!.stop();
      demo = await start();
      expect(demo.board.day).toBe(3);
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
  });

  it('creates nothing again on later starts, and follows the SMSC to another port', async () => {
    const audits = await templateAudits();
    const runs = await runsBySource();
    const channelId = (await demoChannels())[0]!.id;
    await demo?.stop();
    demo = await start();
    // Only the first start crawls at once; later ones leave it to the schedules.
    expect(await runsBySource()).toEqual(runs);
    expect((await demoChannels()).map((c) => c.id)).toEqual([channelId]);
    expect(await listTemplates(t.database.db, { status: 'all' })).toHaveLength(
      DEMO_TEMPLATES.length,
    );
    expect(await listQuickReplies(t.database.db)).toHaveLength(DEMO_QUICK_REPLIES.length);
    expect(await templateAudits()).toBe(audits);

    // The configured port is taken: the SMSC listens elsewhere and the channel goes with it.
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      await demo.stop();
      demo = await start({ ...t.config, demoSmscPort: taken });
      expect(demo.phones.port).not.toBe(taken);
      const { settings } = await channelForSending(t.database.db, t.config, channelId);
      expect(settings.port).toBe(demo.phones.port);
      expect((await demoChannels()).map((c) => c.id)).toEqual([channelId]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }

    // A data directory from before the simulated phones (or a start cut short after the commit)
    // seeds again without duplicating anything.
    const stateFile = path.join(t.config.dataDir, 'demo.json');
    const { startedAt, seed } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      startedAt: string;
      seed: string;
    };
    writeFileSync(stateFile, JSON.stringify({ startedAt, seed }));
    await demo.stop();
    demo = await start();
    expect((await demoChannels()).map((c) => c.id)).toEqual([channelId]);
    expect(await listTemplates(t.database.db, { status: 'approved' })).toHaveLength(
      DEMO_TEMPLATES.length,
    );
    expect(await listQuickReplies(t.database.db)).toHaveLength(DEMO_QUICK_REPLIES.length);
    const { settings } = await channelForSending(t.database.db, t.config, channelId);
    expect(settings.port).toBe(demo.phones.port);
  });

  it('adds the recruitment templates once to a data directory seeded before them', async () => {
    const db = t.database.db;
    const names: string[] = RECRUITMENT_TEMPLATES.map((x) => x.name);
    const stateFile = path.join(t.config.dataDir, 'demo.json');
    const forget = () => {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
      expect(state.recruitmentWordingSeededAt).toBeDefined();
      delete state.recruitmentWordingSeededAt;
      writeFileSync(stateFile, JSON.stringify(state));
    };
    // As a demo seeded before the recruitment board: the other templates, not these.
    await db.delete(outreachTemplates).where(inArray(outreachTemplates.name, names));
    forget();
    await demo!.stop();
    demo = await start();
    const approved = await listTemplates(db, { status: 'approved' });
    expect(approved).toHaveLength(DEMO_TEMPLATES.length);
    expect(
      approved
        .filter((x) => names.includes(x.name))
        .map((x) => x.language)
        .sort(),
    ).toEqual(['en', 'nl']);
    // Once: what an operator removes afterwards stays removed.
    await db.delete(outreachTemplates).where(inArray(outreachTemplates.name, names));
    await demo.stop();
    demo = await start();
    expect(await listTemplates(db, { status: 'all' })).toHaveLength(
      DEMO_TEMPLATES.length - names.length,
    );
  });

  it('writes first messages for recruitment posts that tell a recruiter reading the phone nothing', () => {
    // Words that would tell whoever reads the phone why we write: the post, the work, the money.
    const telling =
      /\b(jobs?|work\w*|money|cash|pay|paid|earn\w*|euros?|post\w*|ads?|channel|werk\w*|geld|klus\w*|baan|banen|vacature\w*|verdien\w*|betaal\w*|advertentie\w*|kanaal|bericht)\b/i;
    expect(RECRUITMENT_TEMPLATES.map((x) => x.language).sort()).toEqual(['en', 'nl']);
    for (const x of RECRUITMENT_TEMPLATES) {
      expect(DEMO_TEMPLATES).toContainEqual(x);
      expect(x.name).toMatch(/^Recruitment post — first contact \((nl|en)\)$/);
      expect(x.purpose).toBe('first_contact');
      expect(lintTemplate({ ...x, variants: [...x.variants] })).toEqual([]);
      expect(x.variants.length).toBeGreaterThanOrEqual(2);
      for (const v of x.variants) {
        // No name: the post's name is a channel's or the recruiter's.
        expect(v, v).not.toMatch(/[{}]/);
        expect(v, v).not.toMatch(telling);
        expect(
          checkMessageSafety({ text: v, firstMessage: true, language: x.language }).hits,
        ).toEqual([]);
        expect(guessLanguage(v, '447700900001')).toBe(x.language);
        // The person chooses: answering is optional, and STOP ends it.
        expect(v, v).toMatch(/\bSTOP\b/);
      }
    }
  });

  it('brings quick replies in Dutch and English for the first real reply, once', async () => {
    const quick = await listQuickReplies(t.database.db);
    expect(quick.map((q) => [q.language, q.title]).sort()).toEqual(
      DEMO_QUICK_REPLIES.map((q) => [q.language, q.title]).sort(),
    );
    expect(new Set(quick.map((q) => q.language))).toEqual(new Set(['nl', 'en']));
    for (const q of DEMO_QUICK_REPLIES) {
      expect(guessLanguage(q.text, '447700900001')).toBe(q.language);
      // As discreet as a first message: a reply may be read by someone else too.
      expect(
        checkMessageSafety({ text: q.text, firstMessage: true, language: q.language }).hits,
      ).toEqual([]);
    }
    // Some templates name nobody, for numbers the ads use under several names.
    for (const language of ['nl', 'en']) {
      expect(
        DEMO_TEMPLATES.some(
          (x) => x.language === language && x.variants.every((v) => !v.includes('{displayName}')),
        ),
      ).toBe(true);
    }
  });

  it('writes first-contact texts that read as Dutch and English, without risky words', () => {
    for (const x of DEMO_TEMPLATES) {
      expect(lintTemplate({ ...x, variants: [...x.variants] })).toEqual([]);
      for (const v of x.variants) {
        expect(guessLanguage(v, '447700900001')).toBe(x.language);
        expect(
          checkMessageSafety({ text: v, firstMessage: true, language: x.language }).hits,
        ).toEqual([]);
      }
    }
  });
});

describe('writing to a simulated phone', () => {
  const demoSeed = () =>
    (JSON.parse(readFileSync(path.join(t.config.dataDir, 'demo.json'), 'utf8')) as { seed: string })
      .seed;

  /** A synthetic number whose simulated person behaves as asked. */
  function numberWith(behaviour: DemoBehaviour): string {
    const seed = demoSeed();
    for (let i = 0; i < 10_000; i++) {
      const n = `+3162${String(1_000_000 + i * 104_729).slice(-7)}`;
      if (demoPerson(seed, n).behaviour === behaviour) return n;
    }
    throw new Error(`no ${behaviour} number`);
  }

  async function send(address: string, language: 'nl' | 'en') {
    const db = t.database.db;
    const channel = (await demoChannels())[0]!;
    const template = (await listTemplates(db, { status: 'approved', language }))[0]!;
    const { message, conversation } = await composeMessage(
      db,
      t.config,
      worker,
      {
        idempotencyKey: randomUUID(),
        entityId: randomUUID(),
        contact: { kind: 'phone', address },
        channelId: channel.id,
        templateId: template.id,
        values: { displayName: 'Sanne' },
      },
      { clock, contactConsent: caseContactConsent },
    );
    await queueSend(jobs, message.id);
    const delivered = await waitFor('delivered', async () => {
      const [m] = await db.select().from(messages).where(eq(messages.id, message.id));
      return m?.status === 'delivered' ? m : null;
    });
    // Composed, sent and delivered by the demo's clock, not the machine's.
    expect(
      [delivered.createdAt, delivered.sentAt, delivered.deliveredAt].map((d) => d?.toISOString()),
    ).toEqual(Array(3).fill(new Date(NOON_AMSTERDAM).toISOString()));
    return conversation.id;
  }

  it('refuses to write at night in Amsterdam by the demo clock, and stores nothing', async () => {
    const db = t.database.db;
    const channel = (await demoChannels())[0]!;
    const template = (await listTemplates(db, { status: 'approved', language: 'nl' }))[0]!;
    const before = (await db.select({ n: count() }).from(messages))[0]?.n;
    const night = new Date('2030-06-04T01:00:00Z'); // 03:00 CEST
    clock.set(night);
    try {
      const refused = await composeMessage(
        db,
        t.config,
        worker,
        {
          idempotencyKey: randomUUID(),
          contact: { kind: 'phone', address: numberWith('reply') },
          channelId: channel.id,
          templateId: template.id,
          values: {},
        },
        { clock, contactConsent: caseContactConsent },
      ).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(SendRefused);
      expect((refused as SendRefused).rule).toBe('quiet_hours');
      expect((refused as SendRefused).check.notBefore?.toISOString()).toBe(
        '2030-06-04T07:00:00.000Z', // 09:00 CEST
      );
    } finally {
      clock.set(NOON_AMSTERDAM);
    }
    expect((await db.select({ n: count() }).from(messages))[0]?.n).toBe(before);
  });

  it('delivers a message from a demo template and gets an answer in its language', async () => {
    const number = numberWith('reply');
    const conversationId = await send(number, 'en');
    const reply = await waitFor('the answer', async () => {
      const opened = await openConversation(t.database.db, t.config, worker, conversationId);
      return opened.messages.find((m) => m.direction === 'in');
    });
    expect(reply.body).toBe(demoReplyText(demoPerson(demoSeed(), number), 'en'));
    expect(DEMO_REPLIES.en).toContain(reply.body);
    expect(reply.createdAt).toBe(new Date(NOON_AMSTERDAM).toISOString());
  });

  it('ends contact when the simulated person writes STOP, with one confirmation', async () => {
    const db = t.database.db;
    const number = numberWith('stop');
    const conversationId = await send(number, 'nl');
    const [conversation] = await db
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    await waitFor('do-not-contact', async () => {
      const [c] = await db.select().from(contacts).where(eq(contacts.id, conversation!.contactId!));
      return c?.doNotContact;
    });
    const confirmation = await waitFor('the confirmation', async () => {
      const [m] = await db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            eq(messages.purpose, 'opt_out_confirmation'),
          ),
        );
      return m && m.status === 'delivered' ? m : null;
    });
    expect(confirmation.direction).toBe('out');
    // The confirmation gets a receipt but no answer. A phone decides on its answer the moment a
    // message reaches the SMSC (demo-phones.ts), before the receipt: no wait can change this.
    expect(demo!.phones.pending()).toBe(0);
    expect(demo!.phones.replies.filter((r) => r.from === number.slice(1))).toHaveLength(1);
  });
});
