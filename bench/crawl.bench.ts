// Crawl throughput on the synthetic ad board at 10,000 ads (HTTP site, no faults, no images):
// the crawler alone (fetch + parse, captures built but not stored), the full pipeline (WARC
// captures in the blob store, ads in embedded PGlite), and the reference: plain undici requests
// for the same URLs at the same concurrency — the limit of this machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { request } from 'undici';
import { adBoardSources, generateWorld, startAdBoard } from '../fixtures/ad-board/index.js';
import { createCrawlFetcher } from '../src/collect/crawl-fetcher.js';
import { runCrawl } from '../src/collect/crawler.js';
import { executeCrawl, requestCrawl } from '../src/collect/crawl-service.js';
import { SourceDefinition } from '../src/collect/source-definition.js';
import { saveSource } from '../src/collect/sources.js';
import { buildCaptureWarc } from '../src/collect/warc.js';
import { CLI_ACTOR } from '../src/platform/actor.js';
import { createAddressGuard, parseAllowList } from '../src/platform/address-guard.js';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import type { BenchResult } from './run.js';

const ADS = Number(process.env.BENCH_CRAWL_ADS ?? 10_000);
const CONCURRENCY = 4;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Runs fn while sampling RSS; returns its duration and the peak RSS in MiB. */
async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, seconds: (performance.now() - t0) / 1000, peakMiB: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function crawlBench(): Promise<BenchResult> {
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-crawl-bench-'));
  const world = generateWorld({ seed: 'bench', ads: ADS, siteBShare: 0, days: 2 });
  const board = await startAdBoard({ world, faults: false });
  try {
    const raw = adBoardSources(board.urls, {
      maxPages: 50_000,
      maxConcurrencyPerHost: CONCURRENCY,
    }).a;
    const def = SourceDefinition.parse({ ...raw, fetchImages: false, recrawlHours: 0 });

    // The board is on loopback: open exactly its two ports.
    const addressGuard = createAddressGuard({
      allow: parseAllowList(
        Object.values(board.urls)
          .map((u) => new URL(u).host)
          .join(','),
      ),
    });

    // 1. The crawler alone: every page fetched, parsed and turned into a WARC record in memory.
    const bare = await measured(() =>
      runCrawl(
        def,
        { ad: async () => 'new' },
        {
          fetcher: createCrawlFetcher(
            def,
            {
              capture: async (res) => {
                await buildCaptureWarc(res);
                return 'in-memory';
              },
              error: async () => undefined,
            },
            { robotsOverride: false, addressGuard },
          ),
          log: pino({ level: 'silent' }),
          addressGuard,
        },
      ),
    );
    const urls = [...board.stats.byPath('a').keys()].map((p) => `${board.urls.a}${p}`);
    lines.push(
      `crawler (fetch + parse + WARC, no storage): ${bare.value.pagesFetched} pages, ${bare.value.adsFound} ads in ${fmt(bare.seconds)} s = ${fmt(bare.value.pagesFetched / bare.seconds)} pages/s, peak RSS ${fmt(bare.peakMiB)} MiB`,
    );

    // 2. The reference: plain undici GETs of the same URLs at the same concurrency.
    const reference = await measured(async () => {
      let next = 0;
      let bytes = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < urls.length) {
            const url = urls[next++]!;
            const res = await request(url);
            bytes += (await res.body.arrayBuffer()).byteLength;
          }
        }),
      );
      return bytes;
    });
    lines.push(
      `reference (undici GET, same ${urls.length} URLs, concurrency ${CONCURRENCY}): ${fmt(urls.length / reference.seconds)} pages/s, peak RSS ${fmt(reference.peakMiB)} MiB`,
    );
    lines.push(
      `ratio crawler/reference: ${(bare.value.pagesFetched / bare.seconds / (urls.length / reference.seconds)).toFixed(2)}`,
    );

    // 3. The full pipeline into embedded PGlite and the filesystem blob store.
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' });
    const database = await openDatabase(config, { requireOwner: true });
    try {
      await runMigrations(database.pool);
      const { source } = await saveSource(database.db, CLI_ACTOR, {
        ...raw,
        fetchImages: false,
        recrawlHours: 0,
      });
      const run = await requestCrawl(database.db, CLI_ACTOR, source.id, 'cli');
      const full = await measured(() =>
        executeCrawl(
          {
            db: database.db,
            blobs: createFsBlobStore(path.join(dir, 'blobs')),
            keys: config.secrets,
            log: pino({ level: 'silent' }),
            addressGuard,
          },
          run.id,
        ),
      );
      lines.push(
        `full pipeline (WARC in blob store, ads in PGlite): ${full.value.pagesFetched} pages, ${full.value.adsNew} new ads in ${fmt(full.seconds)} s = ${fmt(full.value.pagesFetched / full.seconds)} pages/s, peak RSS ${fmt(full.peakMiB)} MiB; ratio to reference ${(full.value.pagesFetched / full.seconds / (urls.length / reference.seconds)).toFixed(2)}`,
      );
    } finally {
      await database.close();
    }
  } finally {
    await board.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: `crawl (${fmt(ADS)} ads)`, lines };
}
