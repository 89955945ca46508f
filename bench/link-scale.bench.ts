// Linking, near-duplicates, scoring and the triage API at scale, on PostgreSQL: N synthetic ads
// (BENCH_ADS, default 1,000,000) are bulk-loaded into a fresh database with their versions,
// extractions and identifiers (bench/lib/synthetic-ads.ts says how they are made), then:
// 1. incremental linking: linkAdBatch over batches of 500 in arrival order — ads/s, ms per batch,
//    how the batch time grows with the database, and where the SQL time goes;
// 2. near-duplicates: MinHash signatures + LSH clustering in memory (what a rebuild does; compared
//    with InfoShield's ~140 ads/s), and the candidate search of one ad through the DB buckets;
// 3. scoring: processEntity per entity, one stream and several in parallel;
// 4. the triage API: p50/p95 of the first page of GET /api/leads, with and without filters, through
//    an in-process server with a signed-in outreach worker — against "interactive" = p95 < 100 ms;
// 5. EXPLAIN ANALYZE of the costliest statements, the database's size and the peak memory.
// Runs when named (`npm run bench -- link-scale`) or when BENCH_ADS is set. Figures only, never a
// pass/fail. Other knobs: BENCH_DATABASE_URL (admin URL of the server), BENCH_KEEP_DB=1,
// BENCH_CLUSTER_ADS (ads clustered in memory, default all up to 250,000), BENCH_SCORE_CONCURRENCY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { AdTextForLinking } from '../src/collect/ads.js';
import { openAdText } from '../src/collect/ad-text.js';
import { estimateJaccard, LshIndex, lshBuckets } from '../src/link/minhash.js';
import { linkAdBatch, linkSettings, signatureOf } from '../src/link/store.js';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { buildHttpServer } from '../src/app/http-server.js';
import { startJobs, type Jobs } from '../src/platform/jobs.js';
import { linkHooks } from '../src/score/hooks.js';
import { processEntity } from '../src/score/pipeline.js';
import { signInAs, type ApiCall } from '../test/helpers/api-client.js';
import { BENCH_PG_ADMIN_URL, openBenchDatabase, postgresAvailable } from './lib/bench-db.js';
import { currentLinks, linkingQuality, queueQuality } from './lib/link-quality.js';
import { duration, fmt, loadLine, mean, p50p95, peakRssMiB } from './lib/measure.js';
import { startQueryProfile, type QueryProfile } from './lib/query-profile.js';
import { cloneLeads, explain, measureQueueApi } from './lib/queue-api.js';
import { loadSyntheticAds } from './lib/scale-loader.js';
import type { BenchResult } from './run.js';

const ADS = Math.max(1000, Number(process.env.BENCH_ADS ?? 1_000_000));
const BATCH = 500;
const CLUSTER_ADS = Math.min(ADS, Number(process.env.BENCH_CLUSTER_ADS ?? 250_000));
const SCORE_SAMPLE = 2000;
const SCORE_CONCURRENCY = Number(process.env.BENCH_SCORE_CONCURRENCY ?? 4);
const CANDIDATE_SAMPLE = 1000;
/** Candidates read per LSH bucket by linkAdBatch (BUCKET_CANDIDATES in src/link/store.ts). */
const BUCKET_CANDIDATES = 50;
const API_REQUESTS = 200;
const INFOSHIELD_ADS_PER_S = 140;
const MILLION = 1_000_000;
/** Also measure the API on a queue grown to the size a million ads would give (BENCH_QUEUE_AT_MILLION=0: not). */
const QUEUE_AT_MILLION = process.env.BENCH_QUEUE_AT_MILLION !== '0';

/** Progress on stderr, at most every 30 s, so a long run shows it is alive. */
function progress(label: string) {
  let last = performance.now();
  let finished = false;
  return (done: number, total: number, rate: number) => {
    if (finished || (performance.now() - last < 30_000 && done < total)) return;
    last = performance.now();
    finished = done >= total;
    console.error(
      `[link-scale] ${label}: ${fmt(done, 0)}/${fmt(total, 0)} (${fmt(rate)}/s, rss ${fmt(process.memoryUsage().rss / 1048576, 0)} MiB)`,
    );
  };
}

/** Samples RSS while a phase runs (the process's maxRSS also counts the loader's workers). */
function rssSampler() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1048576;
    },
  };
}

async function explainTop(
  pool: import('pg').Pool,
  profile: QueryProfile,
  n: number,
): Promise<string[]> {
  const out: string[] = [];
  // Transaction control has no plan; the statements worth explaining are the data ones.
  const data = profile
    .top(n + 4)
    .filter((t) => /^(select|insert|update|delete|with)\b/i.test(t.shape));
  for (const t of data.slice(0, n)) {
    out.push(`    EXPLAIN ANALYZE of: ${t.shape.slice(0, 140)}`);
    out.push(...(await explain(pool, t.sample)));
  }
  return out;
}

interface TextRow {
  first_seen_at: Date;
  text: AdTextForLinking;
}

/**
 * Templates over signatures given in the order first seen, by the rule rebuildLinks follows: an ad
 * joins the most similar representative at or above the threshold, else founds a template with the
 * loose near-duplicates (ads without a template). Returns the counts the bench prints.
 */
function clusterTemplates(sigs: number[][], threshold: number) {
  const reps: number[][] = [];
  const size: number[] = [];
  const repIndex = new LshIndex<number>();
  const loose = new LshIndex<number>();
  let compared = 0;
  let unsigned = 0;
  sigs.forEach((sig, i) => {
    if (sig.length === 0) {
      unsigned++;
      return;
    }
    let best = -1;
    let bestSim = threshold;
    for (const t of repIndex.candidates(sig)) {
      compared++;
      const sim = estimateJaccard(sig, reps[t] ?? []);
      if (sim >= bestSim && (best < 0 || sim > bestSim)) {
        best = t;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      size[best] = (size[best] ?? 0) + 1;
      return;
    }
    const fellows = loose.candidates(sig).filter((o) => {
      compared++;
      return estimateJaccard(sig, sigs[o] ?? []) >= threshold;
    });
    if (fellows.length === 0) {
      loose.add(i, sig);
      return;
    }
    for (const f of fellows) loose.remove(f);
    repIndex.add(reps.length, sig);
    reps.push(sig);
    size.push(1 + fellows.length);
  });
  return {
    compared,
    unsigned,
    templates: reps.length,
    inTemplates: size.reduce((a, b) => a + b, 0),
    largest: size.reduce((a, b) => Math.max(a, b), 0),
  };
}

export async function linkScaleBench(): Promise<BenchResult> {
  const name = `link at scale (${fmt(ADS, 0)} synthetic ads, PostgreSQL)`;
  const lines: string[] = [];
  if (!(await postgresAvailable())) {
    return {
      name,
      lines: [
        `skipped: no PostgreSQL at ${BENCH_PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//…@')} (set BENCH_DATABASE_URL)`,
      ],
    };
  }
  const bench = await openBenchDatabase('postgres', {
    poolSize: SCORE_CONCURRENCY + 4,
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  const { db, pool } = bench.database;
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-link-scale-'));
  let jobs: Jobs | undefined;
  let app: FastifyInstance | undefined;
  const settings = linkSettings(bench.config);
  const [{ server_version: version } = { server_version: '?' }] = (
    await pool.query<{ server_version: string }>('SHOW server_version')
  ).rows;
  const [{ shared_buffers: sharedBuffers } = { shared_buffers: '?' }] = (
    await pool.query<{ shared_buffers: string }>('SHOW shared_buffers')
  ).rows;
  try {
    // ---- 1. bulk load --------------------------------------------------------------------
    let rss = rssSampler();
    const loadProgress = progress('loading ads');
    const loaded = await loadSyntheticAds(bench.database, bench.config, ADS, {
      onProgress: (n, s) => loadProgress(n, ADS, n / s),
    });
    const loadRss = rss.stop();
    lines.push(
      `PostgreSQL ${version} (shared_buffers ${sharedBuffers}), database ${bench.name}; ${fmt(loaded.ads, 0)} ads, ${fmt(loaded.versions, 0)} versions, ${fmt(loaded.identifiers, 0)} identifiers from ${loaded.chunks} generated worlds (${fmt(new Set(loaded.person.values()).size, 0)} persons, ${fmt(new Set(loaded.network.values()).size, 0)} networks)`,
      `load (generate + extract in worker threads, bulk insert): ${duration(loaded.seconds)} = ${fmt(loaded.ads / loaded.seconds)} ads/s (${fmt(loaded.extracted, 0)} extractor runs); peak RSS ${fmt(loadRss, 0)} MiB`,
    );

    // ---- 2. incremental linking, in arrival order -------------------------------------------
    const ids = (
      await pool.query<{ id: string }>('SELECT id FROM ads ORDER BY first_seen_at, id')
    ).rows.map((r) => r.id);
    rss = rssSampler();
    const batchMs: number[] = [];
    const linkProgress = progress('linking');
    let profile = startQueryProfile();
    const tLink = performance.now();
    for (let i = 0; i < ids.length; i += BATCH) {
      const t = performance.now();
      await linkAdBatch(db, settings, ids.slice(i, i + BATCH), linkHooks);
      batchMs.push(performance.now() - t);
      const done = Math.min(ids.length, i + BATCH);
      linkProgress(done, ids.length, (done / (performance.now() - tLink)) * 1000);
    }
    const linkMs = performance.now() - tLink;
    profile.stop();
    const linkRss = rss.stop();
    const tenth = Math.max(1, Math.floor(batchMs.length / 10));
    const firstTenth = mean(batchMs.slice(0, tenth));
    const lastTenth = mean(batchMs.slice(-tenth));
    const linkRate = (ids.length / linkMs) * 1000;
    const lastRate = (BATCH / lastTenth) * 1000;
    lines.push(
      `incremental linking (linkAdBatch, ${BATCH} ads per batch, arrival order): ${fmt(ids.length, 0)} ads in ${duration(linkMs / 1000)} = ${fmt(linkRate)} ads/s; per batch ${p50p95(batchMs)}; mean ${fmt(firstTenth, 0)} ms in the first tenth, ${fmt(lastTenth, 0)} ms in the last (${fmt(lastRate)} ads/s at ${fmt(ids.length, 0)} ads); peak RSS ${fmt(linkRss, 0)} MiB`,
    );
    lines.push(...profile.report(6, linkMs).map((l) => `  ${l}`));
    const linkProfile = profile;

    const links = await currentLinks(db);
    lines.push(
      ...linkingQuality(links.entityOf, loaded.person, loaded.network).map(
        (l) => `quality at scale: ${l}`,
      ),
    );
    const templates = new Set([...links.templateOf.values()].filter(Boolean)).size;
    const inTemplates = [...links.templateOf.values()].filter(Boolean).length;
    lines.push(
      `templates: ${fmt(templates, 0)} holding ${fmt(inTemplates, 0)} ads (${fmt((100 * inTemplates) / ids.length)}%)`,
    );

    // ---- 3. near-duplicates ------------------------------------------------------------------
    // a. In memory, the way rebuildLinks assigns templates: ads in the order first seen, each
    //    joining the most similar template representative (LSH over representatives), else
    //    founding a template with the near-duplicates that have none yet (LSH over loose ads).
    //    An ad's template text is the one it was first posted with (version 1, as adSignatures).
    const tRead = performance.now();
    const texts: TextRow[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    while (texts.length < CLUSTER_ADS) {
      // The text is stored encrypted: reading it includes decrypting it, as linking does.
      const page = await pool.query<{
        id: string;
        first_seen_at: Date;
        version_id: string;
        content_enc: string | null;
      }>(
        `SELECT a.id, a.first_seen_at, v.id AS version_id, v.content_enc FROM ads a
         JOIN ad_versions v ON v.ad_id = a.id AND v.version = 1
         WHERE a.id > $1 ORDER BY a.id LIMIT $2`,
        [after, Math.min(10_000, CLUSTER_ADS - texts.length)],
      );
      if (page.rows.length === 0) break;
      after = page.rows[page.rows.length - 1]?.id ?? after;
      for (const r of page.rows) {
        const t = openAdText(settings.fieldKeys, r.content_enc, r.version_id);
        texts.push({
          first_seen_at: r.first_seen_at,
          text: { title: t.title, body: t.body, displayName: t.displayName, city: t.city },
        });
      }
    }
    // Stable: ties on first_seen_at stay in id order, as rebuildLinks orders them.
    texts.sort((x, y) => x.first_seen_at.getTime() - y.first_seen_at.getTime());
    const readMs = performance.now() - tRead;
    rss = rssSampler();
    const tSig = performance.now();
    const sigs = texts.map((t) => signatureOf(t.text));
    const sigMs = performance.now() - tSig;
    const tLsh = performance.now();
    const clustered = clusterTemplates(sigs, settings.nearDupThreshold);
    const lshMs = performance.now() - tLsh;
    const clusterRss = rss.stop();
    const clusterRate = (texts.length / (sigMs + lshMs)) * 1000;
    lines.push(
      `near-duplicate clustering in memory (signatures, then templates by representative over LSH, as rebuildLinks): ${fmt(texts.length, 0)} ads in ${fmt((sigMs + lshMs) / 1000)} s = ${fmt(clusterRate)} ads/s (signatures ${fmt((texts.length / sigMs) * 1000)} ads/s, LSH and assignment ${fmt((texts.length / lshMs) * 1000)} ads/s; ${fmt(clustered.compared / texts.length)} signature comparisons per ad; ${fmt(clustered.templates, 0)} templates holding ${fmt(clustered.inTemplates, 0)} ads, largest ${fmt(clustered.largest, 0)}; ${fmt(clustered.unsigned, 0)} texts too short to sign); reading the texts took another ${fmt(readMs / 1000)} s; peak RSS ${fmt(clusterRss, 0)} MiB`,
      `  vs InfoShield (~4 million ads in 8 hours on a laptop, ~${INFOSHIELD_ADS_PER_S} ads/s): ratio ${fmt(clusterRate / INFOSHIELD_ADS_PER_S)}× in memory; ${fmt(linkRate / INFOSHIELD_ADS_PER_S)}× for the whole incremental linking above (keys, entities and templates in the database)`,
    );
    texts.length = 0;
    sigs.length = 0;

    // b. Through the database, one ad at a time, with linkAdBatch's queries: the template
    //    representatives sharing a bucket with the ad (link_template_lsh), and the stored ads
    //    without a template sharing one (link_lsh, ≤ BUCKET_CANDIDATES per bucket).
    const sample = Array.from(
      { length: Math.min(CANDIDATE_SAMPLE, ids.length) },
      (_v, i) =>
        ids[Math.floor((i * ids.length) / Math.min(CANDIDATE_SAMPLE, ids.length))] as string,
    );
    const own = await pool.query<{ ad_id: string; minhash: number[] }>(
      'SELECT ad_id, minhash FROM link_ads WHERE ad_id = ANY($1::uuid[]) AND cardinality(minhash) > 0',
      [sample],
    );
    const [{ reps: hasReps } = { reps: false }] = (
      await pool.query<{ reps: boolean }>(
        `SELECT to_regclass('link_template_lsh') IS NOT NULL AS reps`,
      )
    ).rows;
    const repMs: number[] = [];
    const looseMs: number[] = [];
    const searchMs: number[] = [];
    let joinable = 0;
    let fellows = 0;
    for (const { minhash } of own.rows) {
      const buckets = lshBuckets(minhash);
      const params = [buckets.map((b) => b.band), buckets.map((b) => b.bucket.toString())];
      const t = performance.now();
      if (hasReps) {
        const reps = await pool.query<{ id: string; minhash: number[] }>(
          `SELECT t.id, t.minhash FROM link_templates t
           WHERE t.id IN (
             SELECT l.template_id FROM link_template_lsh l
             JOIN unnest($1::smallint[], $2::bigint[]) AS q(band, bucket)
               ON l.band = q.band AND l.bucket = q.bucket)`,
          params,
        );
        if (reps.rows.some((r) => estimateJaccard(minhash, r.minhash) >= settings.nearDupThreshold))
          joinable++;
      }
      const t2 = performance.now();
      const loose = await pool.query<{ ad_id: string; minhash: number[] }>(
        `SELECT DISTINCT c.ad_id, c.minhash
         FROM unnest($1::smallint[], $2::bigint[]) AS q(band, bucket)
         CROSS JOIN LATERAL (
           SELECT la.ad_id, la.minhash FROM link_lsh l JOIN link_ads la ON la.ad_id = l.ad_id
           WHERE l.band = q.band AND l.bucket = q.bucket AND la.template_id IS NULL
           LIMIT ${BUCKET_CANDIDATES}
         ) c`,
        params,
      );
      fellows += loose.rows.filter(
        (r) => estimateJaccard(minhash, r.minhash) >= settings.nearDupThreshold,
      ).length;
      const t3 = performance.now();
      repMs.push(t2 - t);
      looseMs.push(t3 - t2);
      searchMs.push(t3 - t);
    }
    lines.push(
      `near-duplicate candidate search per ad in the database (${fmt(own.rows.length, 0)} ads spread over the arrival order): ${p50p95(searchMs)} in all; ${hasReps ? `template representatives (link_template_lsh) ${p50p95(repMs)}, ${fmt((100 * joinable) / Math.max(1, own.rows.length))}% find one; ` : ''}ads without a template (link_lsh ⨝ link_ads, ≤ ${BUCKET_CANDIDATES} a bucket) ${p50p95(looseMs)}, ${fmt(fellows / Math.max(1, own.rows.length))} loose near-duplicates each`,
    );

    // ---- 4. scoring --------------------------------------------------------------------------
    const entityIds = (
      await pool.query<{ id: string }>('SELECT id FROM entities ORDER BY id')
    ).rows.map((r) => r.id);
    rss = rssSampler();
    profile = startQueryProfile();
    const perEntity: number[] = [];
    const tScore1 = performance.now();
    // One stream over a sample, then several over the rest (the sample at most a quarter of all).
    const sampleSize = Math.min(SCORE_SAMPLE, Math.ceil(entityIds.length / 4));
    for (const id of entityIds.slice(0, sampleSize)) {
      const t = performance.now();
      await processEntity(db, settings.fieldKeys, id);
      perEntity.push(performance.now() - t);
    }
    const score1Ms = performance.now() - tScore1;
    profile.stop();
    const scoreProfile = profile;
    const rest = entityIds.slice(sampleSize);
    let next = 0;
    const scoreProgress = progress('scoring');
    const tScore = performance.now();
    await Promise.all(
      Array.from({ length: SCORE_CONCURRENCY }, async () => {
        while (next < rest.length) {
          const id = rest[next++] as string;
          await processEntity(db, settings.fieldKeys, id);
          scoreProgress(next, rest.length, (next / (performance.now() - tScore)) * 1000);
        }
      }),
    );
    const scoreMs = performance.now() - tScore;
    const scoreRss = rss.stop();
    lines.push(
      `scoring (processEntity: features, movement, ad and entity scores, lead): one stream ${fmt((perEntity.length / score1Ms) * 1000)} entities/s (${p50p95(perEntity)} per entity, ${fmt(perEntity.length, 0)} entities); ${SCORE_CONCURRENCY} streams ${fmt((rest.length / scoreMs) * 1000)} entities/s over the other ${fmt(rest.length, 0)}; ${fmt(entityIds.length, 0)} entities for ${fmt(ids.length, 0)} ads scored in ${duration((score1Ms + scoreMs) / 1000)}; peak RSS ${fmt(scoreRss, 0)} MiB`,
    );
    lines.push(...scoreProfile.report(5, score1Ms).map((l) => `  ${l}`));
    const queue = await queueQuality(
      db,
      links.entityOf,
      loaded.person,
      loaded.plantedPersons,
      loaded.urgentPersons,
    );
    lines.push(...queue.lines.map((l) => `quality at scale: ${l}`));

    // ---- 5. the triage API -------------------------------------------------------------------
    jobs = await startJobs({
      database: bench.database,
      log: pino({ level: 'silent' }),
      scheduler: false,
      definitions: [],
    });
    app = await buildHttpServer({
      config: bench.config,
      database: bench.database,
      blobs: createFsBlobStore(dir),
      jobs,
      log: pino({ level: 'silent' }),
    });
    await app.ready();
    const worker: ApiCall = await signInAs(app, db, 'outreach_worker');
    const api = await measureQueueApi(pool, worker, API_REQUESTS);
    lines.push(...api.lines);
    const explains = [...api.explains];
    if (ADS < MILLION && QUEUE_AT_MILLION) {
      // The queue a million ads would give, by cloning this run's leads (with their entities).
      const leadsNow = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM leads'))
        .rows[0]?.n;
      const grown = await cloneLeads(pool, MILLION / ADS);
      const big = await measureQueueApi(pool, worker, API_REQUESTS, 'summary');
      lines.push(
        `the same at the queue size of 1,000,000 ads (${fmt(leadsNow ?? 0, 0)} leads cloned ${fmt(Math.round(MILLION / ADS), 0)}-fold with their entities and scores = ${fmt(grown, 0)}):`,
        ...big.lines.slice(1),
      );
      explains.push(
        `    the queue query at ${fmt(grown, 0)} leads, per filter (EXPLAIN ANALYZE):`,
        ...big.explains,
      );
    }

    // ---- 6. plans, size, memory, and what 1,000,000 would take --------------------------------
    lines.push('query plans:');
    lines.push(...explains);
    lines.push(...(await explainTop(pool, linkProfile, 3)));
    lines.push(...(await explainTop(pool, scoreProfile, 2)));
    const size = await pool.query<{ t: string; s: string }>(
      `SELECT relname AS t, pg_size_pretty(pg_total_relation_size(c.oid)) AS s
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
       ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8`,
    );
    const [{ s: dbSize } = { s: '?' }] = (
      await pool.query<{ s: string }>(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
      )
    ).rows;
    lines.push(
      `database size ${dbSize} (${size.rows.map((r) => `${r.t} ${r.s}`).join(', ')}); peak RSS of the process ${fmt(peakRssMiB(), 0)} MiB (maxRSS, loader workers included)`,
    );
    lines.push(loadLine());
    if (ADS < MILLION) {
      const k = MILLION / ADS;
      const linkFlat = linkMs / 1000 + (MILLION - ADS) / lastRate;
      // Batch time grew from the first tenth to the last: if it keeps growing in proportion to
      // the ads already linked (ms = a + b·linked), the batches past this run add up to this.
      const slope = Math.max(0, (lastTenth - firstTenth) / (0.9 * ADS));
      const at = (linked: number) => lastTenth + slope * (linked - 0.95 * ADS);
      let linkGrowing = linkMs / 1000;
      for (let n = ADS; n < MILLION; n += BATCH) linkGrowing += at(n + BATCH / 2) / 1000;
      const entitiesPerAd = entityIds.length / ADS;
      const scoreRate = (rest.length / scoreMs) * 1000;
      lines.push(
        `1,000,000 ads, extrapolated from this run: load ${duration(loaded.seconds * k)} (linear); link ${duration(linkFlat)} if batches stay at this run's last tenth, ${duration(linkGrowing)} if they keep slowing as they did here (${fmt(slope * 1000, 1)} ms more a batch per 1,000 ads linked, ${fmt(at(MILLION) / 1000)} s a batch at 1,000,000); in-memory clustering ${duration(MILLION / clusterRate)}; score ${duration((MILLION * entitiesPerAd) / scoreRate)} with ${SCORE_CONCURRENCY} streams (linear)`,
      );
    }
  } finally {
    await app?.close();
    await jobs?.stop();
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { name, lines };
}
