// Loads N synthetic ads fast: worker threads generate and extract chunks (bench/lib/synthetic-ads.ts
// says what is real and what is shortcut), the main thread bulk-inserts them — ads, versions,
// extractions and identifiers — in one transaction per chunk on one connection with
// synchronous_commit off (a loading shortcut only; everything measured afterwards runs with the
// server's settings).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { saveSource } from '../../src/collect/sources.js';
import { adVersions, ads } from '../../src/collect/schema.js';
import { adExtractions, adIdentifiers } from '../../src/facts/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import type { Config } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/connect.js';
import { bulkInsert, rowCount, type ColumnRows } from './bulk-insert.js';
import type { ChunkRequest, ChunkRows } from './synthetic-ads.js';

export interface LoadedAds {
  ads: number;
  versions: number;
  identifiers: number;
  /** Versions run through the extractor (reposts reuse their original's extraction). */
  extracted: number;
  chunks: number;
  seconds: number;
  /** Ground truth per ad id. */
  person: Map<string, string>;
  network: Map<string, string>;
  plantedPersons: Set<string>;
  urgentPersons: Set<string>;
}

const INSERT_ROWS = 5000;

/** Keeps only the rows of the first `keep` ads of a chunk (the last chunk fills the total exactly). */
function trimChunk(rows: ChunkRows, keep: number): ChunkRows {
  const kept = new Set(rows.truth.adId.slice(0, keep));
  const filter = (cols: ColumnRows, key: string): ColumnRows => {
    const ids = cols[key] ?? [];
    const idx = ids.flatMap((id, i) => (kept.has(String(id)) ? [i] : []));
    return Object.fromEntries(
      Object.entries(cols).map(([k, v]) => [k, idx.map((i) => v[i] ?? null)]),
    );
  };
  return {
    ...rows,
    ads: filter(rows.ads, 'id'),
    adVersions: filter(rows.adVersions, 'adId'),
    adExtractions: filter(rows.adExtractions, 'adId'),
    adIdentifiers: filter(rows.adIdentifiers, 'adId'),
    truth: {
      adId: rows.truth.adId.slice(0, keep),
      person: rows.truth.person.slice(0, keep),
      network: rows.truth.network.slice(0, keep),
      planted: rows.truth.planted.slice(0, keep),
      urgent: rows.truth.urgent.slice(0, keep),
    },
  };
}

function slices(cols: ColumnRows, size: number): ColumnRows[] {
  const n = rowCount(cols);
  const out: ColumnRows[] = [];
  for (let i = 0; i < n; i += size) {
    out.push(Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.slice(i, i + size)])));
  }
  return out;
}

export async function loadSyntheticAds(
  database: Database,
  config: Config,
  total: number,
  opts: {
    seed?: string;
    days?: number;
    dayZeroAdsPerChunk?: number;
    workers?: number;
    onProgress?: (loaded: number, seconds: number) => void;
  } = {},
): Promise<LoadedAds> {
  const t0 = performance.now();
  const days = opts.days ?? 14;
  const dayZero = opts.dayZeroAdsPerChunk ?? 4000;
  const seed = opts.seed ?? 'scale';
  const sourceIds = { a: '', b: '' };
  for (const site of ['a', 'b'] as const) {
    const { source } = await saveSource(database.db, CLI_ACTOR, {
      name: `board-${site}`,
      country: 'NL',
      startUrls: [`http://127.0.0.1:9/${site}/`],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: '.ad-description' } },
    });
    sourceIds[site] = source.id;
  }
  const base: Omit<ChunkRequest, 'chunk' | 'seed'> = {
    dayZeroAds: dayZero,
    days,
    maxAds: Number.MAX_SAFE_INTEGER,
    sourceIds,
    pepper: new Uint8Array(config.secrets.identifierPepper),
    fieldKeys: config.secrets.fieldKeys.map((k) => ({ id: k.id, key: new Uint8Array(k.key) })),
  };
  const result: LoadedAds = {
    ads: 0,
    versions: 0,
    identifiers: 0,
    extracted: 0,
    chunks: 0,
    seconds: 0,
    person: new Map(),
    network: new Map(),
    plantedPersons: new Set(),
    urgentPersons: new Set(),
  };

  const workerCount = Math.max(1, opts.workers ?? Math.min(availableParallelism(), 4));
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(new URL('./synthetic-ads.worker.ts', import.meta.url), {
        execArgv: ['--import', 'tsx'],
      }),
  );
  const client = await database.pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    let nextChunk = 0;
    let perChunk = dayZero * 1.7; // ads per chunk, corrected after the first one
    let inFlight = 0;
    const ready: ChunkRows[] = [];
    const idle = workers.map(() => true);
    const state: { failure: Error | null; wake: (() => void) | null } = {
      failure: null,
      wake: null,
    };
    const dispatch = (i: number) => {
      if (!idle[i] || result.ads + (inFlight + ready.length) * perChunk >= total) return;
      const chunk = nextChunk++;
      inFlight++;
      idle[i] = false;
      workers[i]?.postMessage({ ...base, chunk, seed: `${seed}-${chunk}` } satisfies ChunkRequest);
    };
    workers.forEach((w, i) => {
      w.on('message', (m: { ok: true; rows: ChunkRows } | { ok: false; error: string }) => {
        inFlight--;
        idle[i] = true;
        if (m.ok) ready.push(m.rows);
        else state.failure = new Error(`synthetic ads worker: ${m.error}`);
        state.wake?.();
      });
      w.on('error', (err: Error) => {
        state.failure = err;
        state.wake?.();
      });
      dispatch(i);
    });
    while (result.ads < total) {
      if (state.failure) throw state.failure;
      if (ready.length < workerCount) workers.forEach((_w, i) => dispatch(i));
      let rows = ready.shift();
      if (!rows) {
        if (inFlight === 0) {
          // Every worker idle and nothing ready: the estimate stopped dispatching too early.
          perChunk = Math.max(1, perChunk / 2);
          continue;
        }
        await new Promise<void>((resolve) => (state.wake = resolve));
        state.wake = null;
        continue;
      }
      const n = rows.truth.adId.length;
      perChunk = result.chunks === 0 ? n : (perChunk * result.chunks + n) / (result.chunks + 1);
      if (result.ads + n > total) rows = trimChunk(rows, total - result.ads);
      await client.query('BEGIN');
      for (const part of slices(rows.ads, INSERT_ROWS)) await bulkInsert(client, ads, part);
      for (const part of slices(rows.adVersions, INSERT_ROWS))
        await bulkInsert(client, adVersions, part);
      for (const part of slices(rows.adExtractions, INSERT_ROWS))
        await bulkInsert(client, adExtractions, part);
      for (const part of slices(rows.adIdentifiers, INSERT_ROWS))
        await bulkInsert(client, adIdentifiers, part);
      await client.query('COMMIT');
      result.chunks++;
      result.ads += rows.truth.adId.length;
      result.versions += rowCount(rows.adVersions);
      result.identifiers += rowCount(rows.adIdentifiers);
      result.extracted += rows.extracted;
      rows.truth.adId.forEach((id, i) => {
        const person = rows.truth.person[i] as string;
        result.person.set(id, person);
        result.network.set(id, rows.truth.network[i] as string);
        if (rows.truth.planted[i]) result.plantedPersons.add(person);
        if (rows.truth.urgent[i]) result.urgentPersons.add(person);
      });
      opts.onProgress?.(result.ads, (performance.now() - t0) / 1000);
    }
    await client.query('RESET synchronous_commit');
    await client.query('ANALYZE');
  } finally {
    client.release();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
