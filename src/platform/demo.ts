// Demo mode (embedded, DEMO_DATA): serves the synthetic ad board on loopback and points two sources
// at it, so a new user sees real crawls — listings, faults, changed and removed ads — on the first
// start, without any real site. The board advances one simulated day per real day since the demo
// began, and the first start queues a crawl of both sources.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  adBoardSources,
  generateWorld,
  startAdBoard,
  type AdBoard,
} from '../../fixtures/ad-board/index.js';
import { crawlJobRef } from '../collect/jobs.js';
import { requestCrawl } from '../collect/crawl-service.js';
import { saveSource } from '../collect/sources.js';
import { SYSTEM_ACTOR } from './actor.js';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import type { Jobs } from './jobs.js';

const DemoState = z.object({ startedAt: z.iso.datetime(), seed: z.string() });
const DAY_MS = 86_400_000;

export interface Demo {
  board: AdBoard;
  stop(): Promise<void>;
}

export async function startDemo(deps: {
  config: Config;
  db: Db;
  jobs: Jobs;
  log: Logger;
}): Promise<Demo> {
  const { config, db, jobs, log } = deps;
  const stateFile = path.join(config.dataDir, 'demo.json');
  const first = !existsSync(stateFile);
  const state = first
    ? { startedAt: new Date().toISOString(), seed: 'ariadne-demo' }
    : DemoState.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
  if (first) writeFileSync(stateFile, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });

  const world = generateWorld({ seed: state.seed, ads: 400, days: 30 });
  const dayNow = () => Math.floor((Date.now() - Date.parse(state.startedAt)) / DAY_MS);
  const board = await startAdBoard({
    world,
    faults: true,
    port: config.adBoardPort,
    day: dayNow(),
  });
  const timer = setInterval(() => {
    if (board.day !== dayNow()) board.setDay(dayNow());
  }, 60_000);
  timer.unref();

  const defs = adBoardSources(board.urls, {
    maxPages: 2000,
    delayMs: 100,
    maxConcurrencyPerHost: 2,
  });
  const schedules = { a: '0 */6 * * *', b: '30 */12 * * *' };
  for (const key of ['a', 'b'] as const) {
    const { source } = await saveSource(db, SYSTEM_ACTOR, {
      ...defs[key],
      schedule: schedules[key],
      recrawlHours: 6,
    });
    if (first) {
      const run = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'schedule');
      await jobs.send(crawlJobRef, { runId: run.id }, { singletonKey: `crawl:${source.id}` });
    }
  }
  log.info({ siteA: board.urls.a, siteB: board.urls.b, day: board.day }, 'demo ad board running');
  return {
    board,
    stop: async () => {
      clearInterval(timer);
      await board.close();
    },
  };
}
