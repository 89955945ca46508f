// Worker thread of the scale loader: builds chunks of synthetic ads (generation and extraction are
// CPU-bound and independent per chunk) while the main thread inserts the previous ones.
import { parentPort } from 'node:worker_threads';
import { buildRuleSet } from '../../src/extract/rules.js';
import { buildChunk, type ChunkRequest } from './synthetic-ads.js';

const rules = buildRuleSet({ custom: [], blocklist: [] });
const port = parentPort;
if (!port) throw new Error('synthetic-ads.worker.ts runs as a worker thread');
port.on('message', (req: ChunkRequest) => {
  try {
    port.postMessage({ ok: true, rows: buildChunk(req, rules) });
  } catch (err) {
    port.postMessage({ ok: false, error: (err as Error).stack ?? String(err) });
  }
});
