// The triage API under load: p50/p95 of the first page of GET /api/leads with and without filters
// (common and rare places, languages and flags, a minimum score, a combination, a deeper keyset
// page), with the SQL each request runs and EXPLAIN ANALYZE of the queue query; and a way to grow
// the queue to the size a larger database would give, by cloning leads with their entities.
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type pg from 'pg';
import { entities } from '../../src/link/schema.js';
import { entityScores, leads } from '../../src/score/schema.js';
import type { ApiCall } from '../../test/helpers/api-client.js';
import { fmt, p50p95, quantile } from './measure.js';
import { startQueryProfile } from './query-profile.js';

export const INTERACTIVE_P95_MS = 100;

/** EXPLAIN ANALYZE of a recorded statement, in a transaction rolled back (statements may write). */
export async function explain(
  pool: pg.Pool,
  sample: { text: string; values: unknown[] } | null,
  maxLines = 14,
): Promise<string[]> {
  if (!sample) return [];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const res = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sample.text}`,
      sample.values,
    );
    const plan = res.rows.map((r) => r['QUERY PLAN']);
    const keep = plan.filter((l, i) => i < maxLines || /Execution Time|Planning Time/.test(l));
    // Long IN-lists and arrays of parameters say nothing: cut every line.
    return keep.map((l) => `      ${l.length > 160 ? `${l.slice(0, 157)}...` : l}`);
  } catch (err) {
    return [`      (EXPLAIN failed: ${(err as Error).message})`];
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&');

/** Values of an array column of the leads, most used first. */
async function byUse(pool: pg.Pool, column: string): Promise<string[]> {
  const res = await pool.query<{ v: string }>(
    `SELECT v FROM (SELECT unnest(${column}) v, count(*) n FROM leads GROUP BY 1) x ORDER BY n DESC, v`,
  );
  return res.rows.map((r) => r.v);
}

/** One line out of a plan: how the leads were read, how many rows were thrown away, the time. */
function planSummary(plan: string[]): string {
  const scan =
    plan
      .find((l) => /Scan/.test(l))
      ?.trim()
      .replace(/\s+\(cost=.*$/, '') ?? '?';
  const removed = plan
    .filter((l) => /Rows Removed by Filter/.test(l))
    .map((l) => Number(/(\d+)/.exec(l)?.[1] ?? 0))
    .reduce((a, b) => a + b, 0);
  const sort = plan.some((l) => /Sort Key/.test(l)) ? ', then sorted' : '';
  const time = plan.find((l) => /Execution Time/.test(l))?.trim() ?? '';
  return `${scan.replace(/^->\s*/, '')}${sort}, ${removed} rows filtered out; ${time}`;
}

/**
 * Times the first page of the queue for each filter. `plans`: 'summary' gives one line per filter
 * on how the database read it, 'first' the whole plan of the unfiltered query only.
 */
export async function measureQueueApi(
  pool: pg.Pool,
  worker: ApiCall,
  requests: number,
  plans: 'summary' | 'first' = 'first',
): Promise<{ lines: string[]; explains: string[] }> {
  const places = await byUse(pool, 'place_ids');
  const languages = await byUse(pool, 'languages');
  const flags = await byUse(pool, 'flags');
  const variants: [string, string][] = [
    ['no filter', query({ limit: '50' })],
    ['common place', query({ limit: '50', place: places[0] })],
    ['rare place', query({ limit: '50', place: places[places.length - 1] })],
    ['common language', query({ limit: '50', language: languages[0] })],
    ['rare language', query({ limit: '50', language: languages[languages.length - 1] })],
    ['common flag', query({ limit: '50', flag: flags[0] })],
    ['rare flag', query({ limit: '50', flag: flags[flags.length - 1] })],
    ['minScore 60', query({ limit: '50', minScore: '60' })],
    [
      'place + language + minScore 40',
      query({ limit: '50', place: places[0], language: languages[0], minScore: '40' }),
    ],
  ];
  // The 5th page through the keyset cursor, from the unfiltered queue.
  let url = `/api/leads?${query({ limit: '50' })}`;
  for (let i = 0; i < 4; i++) {
    const c = (await worker('GET', url)).json.nextCursor as string | null;
    if (!c) break;
    url = `/api/leads?${query({ limit: '50', cursor: c })}`;
    if (i === 3) variants.push(['5th page (keyset cursor)', url.slice('/api/leads?'.length)]);
  }
  const [{ n: leadCount } = { n: 0 }] = (
    await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM leads')
  ).rows;
  const lines = [
    `triage API (GET /api/leads, first page of 50, in-process server, signed-in outreach worker, ${fmt(leadCount, 0)} leads; interactive = p95 < ${INTERACTIVE_P95_MS} ms):`,
  ];
  const explains: string[] = [];
  for (const [label, q] of variants) {
    const path = `/api/leads?${q}`;
    for (let i = 0; i < 10; i++) await worker('GET', path);
    const ms: number[] = [];
    let items = 0;
    let status = 0;
    const p = startQueryProfile();
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      const r = await worker('GET', path);
      ms.push(performance.now() - t);
      status = r.res.statusCode;
      items = (r.json.items as unknown[] | undefined)?.length ?? 0;
    }
    p.stop();
    const p95 = quantile(ms, 0.95);
    const all = [...p.entries.values()];
    const sqlMs = all.reduce((a, e) => a + e.ms, 0) / requests;
    const sqlCalls = all.reduce((a, e) => a + e.calls, 0) / requests;
    lines.push(
      `  ${label.padEnd(32)} ${p50p95(ms)} (${items} items, HTTP ${status}; ${fmt(sqlCalls, 0)} statements, ${fmt(sqlMs, 2)} ms of SQL a request); p95/${INTERACTIVE_P95_MS} ms = ${fmt(p95 / INTERACTIVE_P95_MS, 2)}`,
    );
    if (label === 'no filter') {
      for (const t of p.top(5)) {
        lines.push(
          `      ${fmt(t.ms / requests, 2).padStart(6)} ms a request (${fmt(t.ms / t.calls, 2)} ms a call): ${t.shape.slice(0, 120)}`,
        );
      }
    }
    const queueQuery = p
      .top(10)
      .find((t) => /from "leads"/i.test(t.shape) && /order by/i.test(t.shape));
    if (queueQuery && plans === 'summary') {
      const plan = (await explain(pool, queueQuery.sample, 100)).map((l) => l.trim());
      explains.push(`      ${label.padEnd(32)} ${planSummary(plan)}`);
    } else if (queueQuery && label === 'no filter') {
      explains.push(
        `    EXPLAIN ANALYZE of the queue query (no filter, ${fmt(leadCount, 0)} leads):`,
      );
      explains.push(...(await explain(pool, queueQuery.sample, 10)));
    }
  }
  return { lines, explains };
}

function columnsOf(table: Table, replace: Record<string, string>): { into: string; from: string } {
  const names = Object.values(getTableColumns(table)).map((c) => c.name);
  return {
    into: names.map((n) => `"${n}"`).join(', '),
    from: names.map((n) => replace[n] ?? `x."${n}"`).join(', '),
  };
}

/**
 * Grows the queue `factor`-fold: every lead is cloned (factor − 1 times) with a copy of its entity
 * and entity score, so places, languages, flags and scores keep their distribution. Evidence times
 * shift by a few seconds per copy so the order stays total. Returns the number of leads after.
 */
export async function cloneLeads(pool: pg.Pool, factor: number): Promise<number> {
  const copies = Math.max(0, Math.round(factor) - 1);
  if (copies === 0) return 0;
  const e = columnsOf(entities, {
    id: 's.new_id',
    evidence_at: `x."evidence_at" - make_interval(secs => s.g)`,
  });
  const sc = columnsOf(entityScores, { entity_id: 's.new_id' });
  const l = columnsOf(leads, {
    entity_id: 's.new_id',
    evidence_at: `x."evidence_at" - make_interval(secs => s.g)`,
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE lead_clones ON COMMIT DROP AS
       SELECT entity_id AS old_id, gen_random_uuid() AS new_id, g
       FROM leads, generate_series(1, $1) g`,
      [copies],
    );
    await client.query(
      `INSERT INTO "${getTableName(entities)}" (${e.into})
       SELECT ${e.from} FROM lead_clones s JOIN "${getTableName(entities)}" x ON x.id = s.old_id`,
    );
    await client.query(
      `INSERT INTO "${getTableName(entityScores)}" (${sc.into})
       SELECT ${sc.from} FROM lead_clones s JOIN "${getTableName(entityScores)}" x ON x.entity_id = s.old_id`,
    );
    await client.query(
      `INSERT INTO "${getTableName(leads)}" (${l.into})
       SELECT ${l.from} FROM lead_clones s JOIN "${getTableName(leads)}" x ON x.entity_id = s.old_id`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE entities, entity_scores, leads');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  const [{ n } = { n: 0 }] = (
    await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM leads')
  ).rows;
  return n;
}
