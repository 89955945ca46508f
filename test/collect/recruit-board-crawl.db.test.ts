// Issue 17's sources: the real crawler crawls the synthetic job board and the public-channel
// previews (fixtures/recruit-board) and finds every post as an ad, captured as WARC, with its poster
// or channel as the display name; extraction of each stored version finds the handles and numbers
// the ground truth planted; robots.txt is obeyed and nothing asks for a login, an account or a join.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import {
  generateRecruitWorld,
  recruitBoardSources,
  recruitGroundTruthOf,
  startRecruitBoard,
  type RecruitBoard,
  type RecruitGroundTruth,
} from '../../fixtures/recruit-board/index.js';
import { capturesForAd } from '../../src/collect/captures.js';
import {
  executeCrawl,
  readAdVersionText,
  requestCrawl,
  saveSource,
  type CrawlSummary,
} from '../../src/collect/index.js';
import { ads, adVersions, sources } from '../../src/collect/schema.js';
import { extractAdVersion } from '../../src/facts/index.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let board: RecruitBoard;
let truth: RecruitGroundTruth;
let blobs: BlobStore;
let dir: string;
const world = generateRecruitWorld({
  seed: 'issue-17',
  channels: 6,
  vacancies: 40,
  adBoard: generateWorld({ seed: 'issue-17', ads: 80 }),
});
const versionIds: string[] = [];

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-recruit-'));
  blobs = createFsBlobStore(dir);
  board = await startRecruitBoard({ world });
  truth = recruitGroundTruthOf(world, board.urls);
});
afterAll(async () => {
  await board?.close();
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(site: 'jobs' | 'channels'): Promise<CrawlSummary> {
  const def = recruitBoardSources(board.urls, board.channelUrls)[site];
  const { source } = await saveSource(t.database.db, CLI_ACTOR, { ...def, recrawlHours: 0 });
  const run = await requestCrawl(t.database.db, CLI_ACTOR, source.id, 'cli');
  return executeCrawl(
    {
      db: t.database.db,
      blobs,
      keys: t.config.secrets,
      log: pino({ level: 'silent' }),
      addressGuard: guardAllowing(Object.values(board.urls)),
      onAdVersion: (id) => {
        versionIds.push(id);
        return Promise.resolve();
      },
    },
    run.id,
  );
}

async function storedAds(sourceName: string) {
  return t.database.db
    .select({ id: ads.id, externalId: ads.externalId, versionId: adVersions.id })
    .from(ads)
    .innerJoin(sources, eq(ads.sourceId, sources.id))
    .innerJoin(adVersions, and(eq(adVersions.adId, ads.id), eq(adVersions.version, ads.version)))
    .where(eq(sources.name, sourceName));
}

describe('crawling the recruitment board', () => {
  for (const site of ['jobs', 'channels'] as const) {
    it(`finds every post of the ${site} site as an ad, with its display name and identifiers`, async () => {
      const summary = await crawl(site);
      const posts = truth.posts.filter((p) => p.site === site);
      expect(summary.status).toBe('finished');
      expect(summary.adsNew).toBe(posts.length);
      expect(summary.parseErrors).toBe(0);
      const stored = await storedAds(`recruit-board-${site}`);
      const byExternalId = new Map(stored.map((s) => [s.externalId, s]));
      expect([...byExternalId.keys()].sort()).toEqual(posts.map((p) => p.externalId).sort());

      for (const p of posts) {
        const row = byExternalId.get(p.externalId)!;
        expect(versionIds).toContain(row.versionId);
        const text = await readAdVersionText(
          t.database.db,
          t.config.secrets.fieldKeys,
          row.versionId,
        );
        expect(text?.displayName, p.id).toBe(p.displayName);
        expect(text?.body, p.id).toBe(p.body);
        // The page as fetched is the ad's evidence.
        const evidence = await capturesForAd(t.database.db, row.id);
        expect(evidence.at(-1)?.status, p.id).toBe(200);
        // The stored version's extraction finds the handles and numbers the post gives.
        const result = await extractAdVersion(t.database.db, t.config, row.versionId);
        const values = new Set(result!.facts.map((f) => ('value' in f ? String(f.value) : '')));
        for (const h of p.handles) expect(values, `${p.id} ${h.text}`).toContain(h.value);
        for (const n of p.phones) expect(values, `${p.id} ${n.text}`).toContain(n.e164);
      }
      // Public pages only: robots.txt read first, no login, posting, search or join page asked for.
      const asked = board.requests.filter((r) => r.site === site);
      expect(asked[0]?.path).toBe('/robots.txt');
      expect(
        asked.filter((r) => /^\/(login|join\/|api\/|account\/|plaatsen|zoeken)/.test(r.path)),
      ).toEqual([]);
      expect(asked.filter((r) => r.credentials)).toEqual([]);
    }, 120_000);
  }
});
