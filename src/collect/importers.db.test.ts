import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import { reextractAll } from '../facts/store.js';
import { listAds } from './ads-query.js';
import { verifyCaptures } from './captures.js';
import { importWarc } from './archive-import.js';
import { importCsv, importJsonLines } from './importers.js';
import { saveSource, type SourceRow } from './sources.js';
import { buildCaptureWarc } from './warc.js';

let t: TestDatabase;
let source: SourceRow;
let dir: string;

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-import-'));
  ({ source } = await saveSource(t.database.db, CLI_ACTOR, {
    name: 'imported',
    country: 'NL',
    startUrls: ['http://127.0.0.1:9/'],
    listing: { adUrlPattern: '/ad/' },
    fields: {
      title: { selector: 'h1' },
      body: { selector: '.body' },
      phone: { selector: '.phone' },
    },
  }));
});
afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('importers', () => {
  it('keeps good JSON lines and reports bad ones by line number', async () => {
    const text = [
      JSON.stringify({
        url: 'http://127.0.0.1:9/ad/1',
        external_id: 'j1',
        body: 'First ad',
        city: 'Utrecht',
      }),
      '{"url": "http://127.0.0.1:9/ad/2", "body": ',
      JSON.stringify({ url: 'not a url', body: 'x' }),
      '',
      JSON.stringify({ url: 'http://127.0.0.1:9/ad/3', body: 'Third', unknown_column: 1 }),
      JSON.stringify({ url: 'http://127.0.0.1:9/ad/4', external_id: 'j4', body: 'Fourth' }),
    ].join('\n');
    const report = await importJsonLines(t.database.db, t.config.secrets, CLI_ACTOR, source, text);
    expect(report.imported.new).toBe(2);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(report.errors[1]!.message).toMatch(/url/);
    expect(report.errors[2]!.message).toMatch(/unknown_column/);
  });

  it('keeps good CSV rows and reports bad ones by line number', async () => {
    const csv = [
      'url,external_id,body,city',
      'http://127.0.0.1:9/ad/5,c5,"Fifth, with comma",Breda',
      'http://127.0.0.1:9/ad/6,c6,"broken quote,Breda',
      'http://127.0.0.1:9/ad/7,c7,,Breda',
    ].join('\n');
    const report = await importCsv(t.database.db, t.config.secrets, CLI_ACTOR, source, csv);
    expect(report.imported.new).toBe(1);
    expect(report.errors.length).toBeGreaterThanOrEqual(1);
    // Ads become searchable by their words once extracted (as the import command does next).
    await reextractAll(t.database.db, t.config);
    const ads = await listAds(t.database.db, t.config.secrets, {
      limit: 50,
      source: 'imported',
      q: 'Fifth',
    });
    expect(ads.items[0]?.city).toBe('Breda');
  });

  it('reads ads from a WARC made elsewhere with the source rules, and survives a damaged tail', async () => {
    const page = (id: number) =>
      buildCaptureWarc({
        url: `http://127.0.0.1:9/ad/w${id}`,
        method: 'GET',
        requestHeaders: {},
        status: 200,
        statusText: 'OK',
        headers: [['content-type', 'text/html']],
        body: Buffer.from(
          `<h1>W${id}</h1><div class="body">Warc ad ${id}</div><span class="phone">06 1234 567${id}</span>`,
        ),
        fetchedAt: new Date('2026-11-01T12:00:00Z'),
      });
    const data = Buffer.concat([
      Buffer.from((await page(1)).data),
      Buffer.from((await page(2)).data),
      Buffer.from('garbage at the end'),
    ]);
    const blobs = createFsBlobStore(dir);
    const report = await importWarc(
      t.database.db,
      blobs,
      t.config.secrets,
      CLI_ACTOR,
      source,
      data,
    );
    expect(report.ads.new).toBe(2);
    expect(report.kept).toBe(2);
    expect(report.records).toMatchObject({ response: 2, request: 2 });
    await reextractAll(t.database.db, t.config);
    const ads = await listAds(t.database.db, t.config.secrets, {
      limit: 50,
      source: 'imported',
      q: 'Warc ad',
    });
    expect(ads.items).toHaveLength(2);
    // The garbage is named where it starts, after the last gzip member.
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ record: null, offset: data.length - 18 });
    expect(report.problems[0]!.reason).toMatch(/not a gzip member/);
    // The original records are kept sealed: no number in the stored files, yet they verify.
    const stored = readdirSync(path.join(dir, 'imports', 'imported'));
    expect(stored).toHaveLength(2);
    for (const name of stored) {
      const bytes = readFileSync(path.join(dir, 'imports', 'imported', name));
      expect(bytes.includes('1234')).toBe(false);
      expect(bytes[0]).not.toBe(0x1f);
    }
    const verified = await verifyCaptures(t.database.db, blobs, t.config.secrets.fieldKeys);
    expect(verified).toMatchObject({ checked: 2, problems: [], notes: [], inClear: 0 });
  });
});
