// Issue 3's "done when": both crawlers crawl the synthetic ad board over real HTTP, find every
// listed ad, record every planted fault without aborting, honour robots.txt, keep non-UTF-8 text
// intact, and a second crawl after the board advances a day records the changed and gone ads that
// the board's ground truth says there are.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adBoardSources,
  generateWorld,
  startAdBoard,
  versionOnDay,
  viewOnDay,
  type AdBoard,
} from '../../fixtures/ad-board/index.js';
import { readAdVersionText } from '../../src/collect/ads.js';
import { executeCrawl, requestCrawl, type CrawlSummary } from '../../src/collect/crawl-service.js';
import { capturesForAd } from '../../src/collect/captures.js';
import { ads, adVersions, crawlErrors, sources } from '../../src/collect/schema.js';
import { saveSource } from '../../src/collect/sources.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let board: AdBoard;
let blobs: BlobStore;
let dir: string;
const world = generateWorld({ seed: 'issue-3', ads: 120, days: 4 });

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-board-'));
  blobs = createFsBlobStore(dir);
  board = await startAdBoard({ world, faults: true, slowMs: 1500 });
});
afterAll(async () => {
  await board?.close();
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function crawl(name: string): Promise<CrawlSummary> {
  const defs = adBoardSources(board.urls, { maxPages: 5000 });
  const def = {
    ...(name === 'ad-board-a' ? defs.a : defs.b),
    recrawlHours: 0,
    fetchImages: name === 'ad-board-a',
  };
  const { source } = await saveSource(t.database.db, CLI_ACTOR, def);
  const run = await requestCrawl(t.database.db, CLI_ACTOR, source.id, 'cli');
  return executeCrawl(
    {
      db: t.database.db,
      blobs,
      keys: t.config.secrets,
      log: pino({ level: 'silent' }),
      addressGuard: guardAllowing(Object.values(board.urls)),
    },
    run.id,
  );
}

async function storedExternalIds(sourceName: string, status?: 'active' | 'gone') {
  const rows = await t.database.db
    .select({ externalId: ads.externalId })
    .from(ads)
    .innerJoin(sources, eq(ads.sourceId, sources.id))
    .where(and(eq(sources.name, sourceName), status ? eq(ads.status, status) : undefined));
  return new Set(rows.map((r) => r.externalId));
}

const liveIds = (day: number, site: 'a' | 'b') =>
  new Set(viewOnDay(world, day).sites[site].ads.map((l) => l.ad.externalId));

describe('crawling the synthetic ad board', () => {
  let first: CrawlSummary;

  it('finds every listed ad on the HTML site and gets through every fault', async () => {
    first = await crawl('ad-board-a');
    const found = await storedExternalIds('ad-board-a');
    const expected = liveIds(0, 'a');
    expect([...expected].filter((id) => !found.has(id))).toEqual([]);
    expect(first.adsNew).toBe(expected.size);

    const errors = await t.database.db
      .select()
      .from(crawlErrors)
      .where(eq(crawlErrors.runId, first.runId));
    const kindsAt = (p: string) =>
      errors.filter((e) => new URL(e.url).pathname === p).map((e) => e.kind);
    for (const fault of board.faults.filter((f) => f.site === 'a')) {
      const kinds = kindsAt(fault.path);
      switch (fault.kind) {
        case 'error-500':
          expect(kinds, fault.kind).toContain('http_5xx');
          break;
        case 'error-500-once':
          expect(kinds, fault.kind).toContain('http_5xx');
          break;
        case 'rate-limit-429':
        case 'unavailable-503':
          expect(kinds, fault.kind).toContain('rate_limited');
          break;
        case 'redirect-loop':
        case 'redirect-chain':
          expect(kinds, fault.kind).toContain('redirect_limit');
          break;
        case 'huge-page':
          expect(kinds, fault.kind).toContain('too_large');
          break;
        case 'gone-404':
          expect(kinds, fault.kind).toContain('http_4xx');
          break;
        case 'slow':
        case 'malformed-html':
        case 'encoding-windows-1252':
        case 'encoding-iso-8859-2':
        case 'hostile-script':
          // Nothing to record: these pages must simply be read correctly.
          expect(found.has(fault.externalId), fault.kind).toBe(true);
          break;
      }
    }
    // robots.txt: the crawler never asked for a disallowed path.
    const disallowed = [...board.stats.byPath('a').keys()].filter((p) =>
      /^\/(admin\/|search|account\/|contact\/)/.test(p),
    );
    expect(disallowed, 'requests to disallowed paths').toEqual([]);
  }, 240_000);

  it('keeps characters of windows-1252 and iso-8859-2 pages intact', async () => {
    for (const kind of ['encoding-windows-1252', 'encoding-iso-8859-2'] as const) {
      const fault = board.faults.find((f) => f.kind === kind && f.site === 'a');
      expect(fault?.adId, `the board plants a ${kind} ad page`).toBeTruthy();
      const ad = world.ads.find((a) => a.id === fault!.adId)!;
      const [row] = await t.database.db
        .select({ id: adVersions.id })
        .from(adVersions)
        .innerJoin(ads, eq(adVersions.adId, ads.id))
        .where(eq(ads.externalId, ad.externalId));
      const text = await readAdVersionText(t.database.db, t.config.secrets.fieldKeys, row!.id);
      const firstLine = versionOnDay(ad, 0)!.body.split('\n')[0]!.trim();
      expect(text?.body, kind).toContain(firstLine);
    }
  });

  it('finds every ad of the script-built site with the browser crawler', async () => {
    const summary = await crawl('ad-board-b');
    const found = await storedExternalIds('ad-board-b');
    const expected = liveIds(0, 'b');
    expect([...expected].filter((id) => !found.has(id))).toEqual([]);
    expect(summary.adsNew).toBe(expected.size);
  }, 300_000);

  it('records changed and gone ads after the board advances a day', async () => {
    board.setDay(1);
    const second = await crawl('ad-board-a');
    const day0 = viewOnDay(world, 0).sites.a;
    const day1 = viewOnDay(world, 1).sites.a;
    const gone = [...day0.byExternalId.keys()].filter((id) => !day1.byExternalId.has(id));
    const added = [...day1.byExternalId.keys()].filter((id) => !day0.byExternalId.has(id));
    const changed = [...day1.byExternalId.entries()].filter(([id, live]) => {
      const before = day0.byExternalId.get(id);
      return before && before.version !== live.version;
    });
    expect(second.adsGone).toBe(gone.length);
    expect(second.adsNew).toBe(added.length);
    expect(second.adsChanged).toBe(changed.length);
    const goneStored = await storedExternalIds('ad-board-a', 'gone');
    expect([...goneStored].sort()).toEqual([...gone].sort());
    // The 404 that showed each of them gone is a capture of this run, the last of the ad's evidence.
    for (const externalId of gone) {
      const [ad] = await t.database.db
        .select({ id: ads.id })
        .from(ads)
        .innerJoin(sources, eq(ads.sourceId, sources.id))
        .where(and(eq(sources.name, 'ad-board-a'), eq(ads.externalId, externalId)));
      const evidence = await capturesForAd(t.database.db, ad!.id);
      expect(evidence.at(-1), externalId).toMatchObject({ status: 404, runId: second.runId });
    }
  }, 240_000);
});
