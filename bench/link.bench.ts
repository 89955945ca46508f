// Linking and the triage queue against the ad board's ground truth. A generated world (2,000 ads
// online on day 0, 14 days: new ads, edits, moves, removals) is replayed day by day into the
// database with extraction (fixtures/ad-board/db-loader.ts), and each day's new or changed ads are
// linked and their entities scored incrementally, as the workers do. Then:
// - pairwise precision and recall of entities against the true persons and the true networks
//   (an operator's persons together; an independent is her own network);
// - precision@10/@50 of the queue for planted exploitation cases, and the recall of minors
//   (urgent persons) among urgent leads;
// - whether a full rebuild gives the same entities and templates as the incremental path;
// - throughput of the incremental path (linking, scoring) at that size.
// Then the same for a second world whose sites end every ad with their boilerplate (a footer with
// signs of exploitation in it): the planted cases must stay on top there too (precision@10), and
// the entities must not all get the same score (BENCH_LINK_BOILERPLATE_ADS changes its size).
// On PostgreSQL when a server is reachable (BENCH_DATABASE_URL, else the local one; a fresh database
// is created and dropped afterwards), else on embedded PGlite as the other benches; the quality
// figures are the same on both, PostgreSQL is the faster and the production one. BENCH_LINK_DB=pglite
// forces the embedded database; BENCH_LINK_ADS changes the size.
import { loadWorld } from '../fixtures/ad-board/db-loader.js';
import { generateWorld, type World } from '../fixtures/ad-board/index.js';
import { sql } from 'drizzle-orm';
import { linkBoilerplate } from '../src/link/schema.js';
import type { DbOrTx } from '../src/platform/db/connect.js';
import { entityScores } from '../src/score/schema.js';
import { adVersionIdOf } from '../src/collect/ads.js';
import { extractAdVersion } from '../src/facts/store.js';
import { pairwiseScore } from '../src/link/evaluate.js';
import { linkAdBatch, linkSettings, rebuildLinks } from '../src/link/store.js';
import { linkHooks } from '../src/score/hooks.js';
import { processEntity } from '../src/score/pipeline.js';
import { openBenchDatabase, postgresAvailable } from './lib/bench-db.js';
import {
  comparePartitions,
  currentLinks,
  linkingQuality,
  pairwiseLine,
  queueQuality,
  templateGroups,
} from './lib/link-quality.js';
import { fmt, loadLine, p50p95, peakRssMiB, pct } from './lib/measure.js';
import type { BenchResult } from './run.js';

const ADS = Number(process.env.BENCH_LINK_ADS ?? 2000);
/** Ads on day 0 of the site with heavy boilerplate (BENCH_LINK_BOILERPLATE_ADS). */
const BOILERPLATE_ADS = Number(process.env.BENCH_LINK_BOILERPLATE_ADS ?? 1000);
const DAYS = 14;
/** Ads per linkAdBatch call (as linkAndScore); BENCH_LINK_BATCH changes it, e.g. to link a day at once. */
const BATCH = Number(process.env.BENCH_LINK_BATCH ?? 500);

const templateCount = (m: Map<string, string | null>) =>
  new Set([...m.values()].filter(Boolean)).size;

/** The score spread of a world's entities: how many share the most common score. */
async function scoreSpread(db: DbOrTx): Promise<string> {
  const rows = await db.select({ score: entityScores.score }).from(entityScores);
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
  const [mode, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  return `scores: ${fmt(counts.size, 0)} distinct over ${fmt(rows.length, 0)} entities; the most common, ${mode}, held by ${pct(n / Math.max(1, rows.length))}`;
}

export async function linkBench(): Promise<BenchResult> {
  const lines: string[] = [];
  const board = await benchWorld(generateWorld({ seed: 'link-bench', ads: ADS, days: DAYS }), {
    rebuild: true,
  });
  lines.push(...board.lines);
  // A second site: the same kind of world, every ad of both sites ending with the site's footer
  // (SITE_BOILERPLATE: "100% real pictures", "new girls every week", "day and night").
  const heavy = await benchWorld(
    generateWorld({
      seed: 'link-bench-boilerplate',
      ads: BOILERPLATE_ADS,
      days: DAYS,
      boilerplate: ['a', 'b'],
    }),
    { rebuild: false },
  );
  lines.push(`-- a second site with heavy boilerplate (${fmt(BOILERPLATE_ADS, 0)} ads on day 0):`);
  lines.push(...heavy.lines);
  lines.push(
    `precision@10 of planted cases: board ${pct(board.p10)}, boilerplate site ${pct(heavy.p10)}`,
  );
  return {
    name: `link vs ad-board ground truth (${fmt(ADS, 0)} ads on day 0, ${DAYS} days; and a site with boilerplate)`,
    lines,
  };
}

async function benchWorld(
  world: World,
  opts: { rebuild: boolean },
): Promise<{ lines: string[]; p10: number }> {
  const lines: string[] = [];
  let p10: number;
  const kind =
    process.env.BENCH_LINK_DB !== 'pglite' && (await postgresAvailable()) ? 'postgres' : 'pglite';
  const bench = await openBenchDatabase(kind);
  const { db } = bench.database;
  try {
    const settings = linkSettings(bench.config);
    let extractMs = 0;
    let linkMs = 0;
    let scoreMs = 0;
    let linked = 0;
    let scored = 0;
    const batchMs: number[] = [];
    const t0 = performance.now();
    const loaded = await loadWorld(db, bench.config, world, {
      skipExtraction: true,
      onDay: async (day, adIds) => {
        console.error(`[link] day ${day}: ${adIds.length} new or changed ads`);
        let t = performance.now();
        for (const id of adIds) {
          const versionId = await adVersionIdOf(db, id);
          if (versionId) await extractAdVersion(db, bench.config, versionId);
        }
        extractMs += performance.now() - t;
        for (let i = 0; i < adIds.length; i += BATCH) {
          const batch = adIds.slice(i, i + BATCH);
          t = performance.now();
          const outcome = await linkAdBatch(db, settings, batch, linkHooks);
          const ms = performance.now() - t;
          batchMs.push(ms);
          linkMs += ms;
          linked += batch.length;
          t = performance.now();
          for (const id of outcome.touched) {
            await processEntity(db, settings.fieldKeys, id);
            scored++;
          }
          scoreMs += performance.now() - t;
        }
      },
    });
    const totalMs = performance.now() - t0;
    const versions = world.ads.reduce((n, a) => n + a.versions.length, 0);
    lines.push(
      `world: seed ${String(world.options.seed)}, ${fmt(world.ads.length, 0)} ads (${fmt(world.options.ads, 0)} online on day 0), ${fmt(versions, 0)} versions, ${fmt(world.persons.length, 0)} persons, ${fmt(world.operators.length, 0)} operators, ${DAYS} days; on ${kind === 'pglite' ? 'embedded PGlite' : `PostgreSQL (${bench.name})`}`,
    );

    // Quality against the truth.
    const links = await currentLinks(db);
    const personOf = new Map<string, string>();
    const networkOf = new Map<string, string>();
    const templateTruth = new Map<string, string>();
    const persons = new Map(world.persons.map((p) => [p.id, p]));
    for (const [adId, ad] of loaded.truthOf) {
      personOf.set(adId, ad.personId);
      networkOf.set(adId, ad.operatorId ?? ad.personId);
      templateTruth.set(adId, ad.versions[ad.versions.length - 1]?.templateId ?? adId);
    }
    lines.push(...linkingQuality(links.entityOf, personOf, networkOf));
    lines.push(
      pairwiseLine(
        'templates vs generator skeletons:',
        pairwiseScore(templateGroups(links.templateOf), templateTruth),
        new Set(links.templateOf.values()).size,
        new Set(templateTruth.values()).size,
      ),
    );
    const planted = new Set(world.persons.filter((p) => p.plantedCase).map((p) => p.id));
    const urgent = new Set([...persons.values()].filter((p) => p.urgent).map((p) => p.id));
    const queue = await queueQuality(db, links.entityOf, personOf, planted, urgent);
    lines.push(...queue.lines);
    p10 = queue.p10;
    lines.push(await scoreSpread(db));
    const [bp] = await db.select({ n: sql<number>`count(*)::int` }).from(linkBoilerplate);
    lines.push(`site boilerplate: ${fmt(bp?.n ?? 0, 0)} sentences found`);

    // Throughput of the incremental path.
    lines.push(
      `incremental: linking ${fmt(linked, 0)} new or changed ads in ${batchMs.length} batches: ${fmt((linked / linkMs) * 1000)} ads/s (${p50p95(batchMs)} per batch); scoring ${fmt(scored, 0)} touched entities: ${fmt((scored / scoreMs) * 1000)} entities/s`,
    );
    lines.push(
      `replay in all ${fmt(totalMs / 1000)} s: loading ${fmt((totalMs - extractMs - linkMs - scoreMs) / 1000)} s, extraction ${fmt(extractMs / 1000)} s, linking ${fmt(linkMs / 1000)} s, scoring ${fmt(scoreMs / 1000)} s`,
    );
    // A full rebuild must find the same partition.
    if (!opts.rebuild) return { lines, p10 };
    const t1 = performance.now();
    const rebuilt = await rebuildLinks(db, settings, linkHooks);
    const rebuildMs = performance.now() - t1;
    const after = await currentLinks(db);
    const ents = comparePartitions(links.entityOf, after.entityOf);
    const tpls = comparePartitions(
      templateGroups(links.templateOf),
      templateGroups(after.templateOf),
    );
    const keptIds = [...links.entityOf].filter(([ad, e]) => after.entityOf.get(ad) === e).length;
    lines.push(
      `incremental vs rebuild: same entities ${ents.same ? 'yes' : 'NO'} (${ents.groupsA} vs ${ents.groupsB}, ${ents.adsDiffering} ads differ), same templates ${tpls.same ? 'yes' : 'NO'} (${templateCount(links.templateOf)} vs ${templateCount(after.templateOf)} templates, ${tpls.adsDiffering} ads differ); entity ids kept for ${fmt((100 * keptIds) / links.entityOf.size)}% of ads`,
    );
    lines.push(loadLine());
    lines.push(
      `rebuild: ${fmt(rebuilt.ads, 0)} ads in ${fmt(rebuildMs / 1000)} s = ${fmt((rebuilt.ads / rebuildMs) * 1000)} ads/s; peak RSS ${fmt(peakRssMiB())} MiB`,
    );
  } finally {
    await bench.close();
  }
  return { lines, p10 };
}
