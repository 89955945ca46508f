// Linking across kinds of exploitation (issue 17) on both databases: the ad board's sex ads are
// loaded, linked and scored as the workers do; the recruitment board (generated with that ad
// board's world, so some recruiters give an operator's number) is crawled for real, extracted,
// linked and scored. A recruitment post and the sex ads with the same number then form one entity,
// and its page — the entity page service behind GET /api/entities/:id — lists ads of both kinds,
// with movement over the places of both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type LoadedWorld } from '../../fixtures/ad-board/db-loader.js';
import { BOARD_CITY_PLACE_IDS } from '../../fixtures/ad-board/extract-corpus.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import { NL_CITIES } from '../../fixtures/ad-board/places.js';
import {
  generateRecruitWorld,
  recruitBoardSources,
  startRecruitBoard,
  type Post,
  type RecruitBoard,
} from '../../fixtures/recruit-board/index.js';
import { executeCrawl, requestCrawl, saveSource } from '../../src/collect/index.js';
import { adVersionIdOf } from '../../src/collect/ads.js';
import { ads, sources } from '../../src/collect/schema.js';
import { exploitationTypeOf, signExploitation } from '../../src/extract/index.js';
import { extractAdVersion } from '../../src/facts/index.js';
import { entityOfAds, linkSettings } from '../../src/link/index.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import type { Jobs } from '../../src/platform/jobs.js';
import { linkAndScore } from '../../src/score/index.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { startApiApp } from '../helpers/api-app.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
const adWorld = generateWorld({ seed: 'cross-type', ads: 80, days: 2 });
// Every recruiter on an operator's number, so that posts on both sites link to sex ads.
const recruitWorld = generateRecruitWorld({
  seed: 'cross-type',
  channels: 2,
  vacancies: 24,
  startDate: adWorld.options.startDate,
  adBoard: adWorld,
  crossLinkShare: 1,
});

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let board: RecruitBoard;
let dir: string;
let loaded: LoadedWorld;
/** Database ad id of each recruitment-board post, by its external id. */
const recruitAdIds = new Map<string, string>();
/** Signs extracted per database ad id (code and category). */
const signsOf = new Map<string, { code: string; category: string }[]>();

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-cross-type-'));
  const db = t.database.db;
  const settings = linkSettings(t.config);
  loaded = await loadWorld(db, t.config, adWorld, {
    onDay: async (_day, adIds) => {
      await linkAndScore(db, settings, adIds);
    },
  });

  board = await startRecruitBoard({ world: recruitWorld });
  const defs = recruitBoardSources(board.urls, board.channelUrls);
  const versions: string[] = [];
  for (const site of ['jobs', 'channels'] as const) {
    const { source } = await saveSource(db, CLI_ACTOR, { ...defs[site], recrawlHours: 0 });
    const run = await requestCrawl(db, CLI_ACTOR, source.id, 'cli');
    const summary = await executeCrawl(
      {
        db,
        blobs: createFsBlobStore(path.join(dir, 'blobs')),
        keys: t.config.secrets,
        log,
        addressGuard: guardAllowing(Object.values(board.urls)),
        onAdVersion: (id) => {
          versions.push(id);
          return Promise.resolve();
        },
      },
      run.id,
    );
    expect(summary.status).toBe('finished');
  }
  for (const id of versions) await extractAdVersion(db, t.config, id);
  const rows = await db
    .select({ id: ads.id, externalId: ads.externalId, source: sources.name })
    .from(ads)
    .innerJoin(sources, eq(ads.sourceId, sources.id));
  for (const r of rows)
    if (r.source.startsWith('recruit-board-')) recruitAdIds.set(r.externalId, r.id);
  await linkAndScore(db, settings, [...recruitAdIds.values()]);

  // Every ad's signs (its current version's extraction), to tell the two kinds apart below.
  for (const r of rows) {
    const result = await extractAdVersion(db, t.config, (await adVersionIdOf(db, r.id))!);
    signsOf.set(
      r.id,
      (result?.facts ?? []).flatMap((f) =>
        f.kind === 'indicator' ? [{ code: f.code, category: f.category }] : [],
      ),
    );
  }

  ({ app, jobs } = await startApiApp(t, dir));
}, 300_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await board?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface EntityPage {
  id: string;
  ads: { id: string; source: string; externalId: string }[];
  movement: { placeId: string; name: string; ads: number }[];
}

/** The place id (gazetteer) of a job-board post's city, as the ad board's cities map to it. */
const placeIdOfCity = (name: string) =>
  BOARD_CITY_PLACE_IDS[NL_CITIES.find((c) => c.name === name)?.slug ?? ''];

/** The places of the ad-board ads that share a post's number (every version's city). */
const sexAdPlacesOf = (post: Post) =>
  post.crossLinks
    .flatMap((l) => l.adBoardAdIds)
    .map((id) => adWorld.ads.find((a) => a.id === id))
    .flatMap((a) => (a ? a.versions.map((v) => BOARD_CITY_PLACE_IDS[v.city]) : []));

describe('linking across kinds of exploitation', () => {
  let worker: ApiCall;
  let page: EntityPage;
  let post: Post;

  it('joins a recruitment post and the sex ads with its number into one entity', async () => {
    worker = await signInAs(app, t.database.db, 'outreach_worker');
    // A job-board recruitment post whose number is on ad-board ads that were loaded, in a city
    // none of those ads is in: the movement can then show that place only because of the post.
    const linked = recruitWorld.posts.filter(
      (p) =>
        p.recruitment &&
        p.crossLinks.some((l) => l.adBoardAdIds.some((id) => loaded.dbIdOf.has(id))),
    );
    expect(new Set(linked.map((p) => p.site))).toEqual(new Set(['jobs', 'channels']));
    post = linked.find(
      (p) =>
        p.site === 'jobs' &&
        p.city &&
        placeIdOfCity(p.city) &&
        !sexAdPlacesOf(p).includes(placeIdOfCity(p.city)),
    )!;
    expect(post, 'a job-board post in a city of its own').toBeDefined();
    const adId = recruitAdIds.get(post.externalId)!;
    const sexAdIds = post.crossLinks[0]!.adBoardAdIds.flatMap((id) => loaded.dbIdOf.get(id) ?? []);

    const entityId = (await entityOfAds(t.database.db, [adId])).get(adId);
    expect(entityId, 'the post is linked').toBeDefined();
    const opened = await worker('GET', `/api/entities/${entityId}`);
    expect(opened.res.statusCode).toBe(200);
    page = opened.json as unknown as EntityPage;
    const members = new Set(page.ads.map((a) => a.id));
    expect(members).toContain(adId);
    for (const id of sexAdIds) expect(members, `sex ad ${id}`).toContain(id);
  });

  it("lists ads of both kinds on the entity's page, with both kinds of signs", () => {
    const sources = new Set(page.ads.map((a) => a.source));
    expect([...sources].some((s) => s.startsWith('recruit-board-'))).toBe(true);
    expect([...sources].some((s) => s.startsWith('board-'))).toBe(true);
    const kinds = new Set(
      page.ads.flatMap((a) => (signsOf.get(a.id) ?? []).map((s) => signExploitation(s))),
    );
    expect(kinds).toContain('criminal');
    expect(kinds).toContain('sexual');
    expect(exploitationTypeOf(page.ads.flatMap((a) => signsOf.get(a.id) ?? []))).toBe('both');
  });

  it("shows the movement over the places of both: the post's city and the sex ads' cities", () => {
    const places = new Set(page.movement.map((s) => s.placeId));
    const postPlace = placeIdOfCity(post.city!);
    // No sex ad of the entity is in the post's city: that stop is the recruitment posts' own.
    const boardPlaces = page.ads.flatMap(
      (a) => loaded.truthOf.get(a.id)?.versions.map((v) => BOARD_CITY_PLACE_IDS[v.city]) ?? [],
    );
    expect(boardPlaces).not.toContain(postPlace);
    expect(places).toContain(postPlace);
    expect(sexAdPlacesOf(post).some((p) => p !== undefined && places.has(p))).toBe(true);
  });
});
