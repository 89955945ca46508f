// Benchmarks: each prints its figures and the ratio to the reference it names. Later issues add
// their own (crawling, extraction, linking, outreach) to BENCHES. `npm run bench -- NAME` runs one.
import { extractBench } from '../src/extract/extract.bench.js';
import { chatBench } from './chat.bench.js';
import { crawlBench } from './crawl.bench.js';
import { extractBoardBench } from './extract-board.bench.js';
import { inboxBench } from './inbox.bench.js';
import { linkScaleBench } from './link-scale.bench.js';
import { linkBench } from './link.bench.js';
import { nearDupBench } from './near-dup.bench.js';
import { platformBench } from './platform.bench.js';
import { recruitBench } from './recruit.bench.js';
import { smppBench } from './smpp.bench.js';

export interface BenchResult {
  name: string;
  lines: string[];
}

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  platform: platformBench,
  crawl: crawlBench,
  extract: extractBench,
  'extract-board': extractBoardBench,
  recruit: recruitBench,
  link: linkBench,
  'link-scale': linkScaleBench,
  'near-dup': nearDupBench,
  smpp: smppBench,
  inbox: inboxBench,
  chat: chatBench,
};

/** Long benches that run only when named, or when their size is set (BENCH_ADS for link-scale). */
const ON_REQUEST: Record<string, () => boolean> = {
  'link-scale': () => process.env.BENCH_ADS !== undefined,
  // About two CPU-minutes at 100k ads.
  'near-dup': () => process.env.BENCH_NEAR_DUP_ADS !== undefined,
  // Loads 100,000 conversations with ~600,000 encrypted messages on PostgreSQL: a few minutes.
  inbox: () => process.env.BENCH_CONVERSATIONS !== undefined,
  // Starts a server and 1,000 chats for half a minute: run when named.
  chat: () => process.env.BENCH_CHATS !== undefined,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length
  ? wanted
  : Object.keys(BENCHES).filter((name) => ON_REQUEST[name]?.() ?? true);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`No benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 1;
    continue;
  }
  const started = Date.now();
  const result = await bench();
  console.log(`\n== ${result.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const line of result.lines) console.log(`  ${line}`);
}
