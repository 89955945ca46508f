// Importing archives made by other tools, through the database: each generated archive keeps
// exactly its whole HTML pages as captures that `captures verify` passes, damaged and cut files
// keep their complete records and name the rest by record and offset, a file that is no archive
// is refused, and a cancelled import leaves no capture, no ad and no blob behind.
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adPage,
  brokenArchives,
  goodArchives,
  notArchives,
  truncated,
  warcFile,
} from '../../fixtures/archives/generator.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { auditLog } from '../platform/audit/schema.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import { AppError } from '../platform/errors.js';
import { importWarc } from './archive-import.js';
import { exportAdWarc, readCaptureRecord, verifyCaptures } from './captures.js';
import { ads, captures } from './schema.js';
import { saveSource, type SourceRow } from './sources.js';
import { verifyWarc } from './warc.js';

let t: TestDatabase;
let dir: string;
let n = 0;

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-archive-import-'));
});
afterAll(async () => {
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh source (so counts are per test) reading the generator's ad pages. */
async function newSource(): Promise<SourceRow> {
  const { source } = await saveSource(t.database.db, CLI_ACTOR, {
    name: `archive-${++n}`,
    country: 'NL',
    startUrls: ['http://ads.example.test/'],
    listing: { adUrlPattern: '/ad/' },
    fields: {
      title: { selector: 'h1' },
      body: { selector: '.body' },
      phone: { selector: '.phone' },
    },
  });
  return source;
}

const blobs = () => createFsBlobStore(dir);
const storedFiles = (source: SourceRow) => {
  const folder = path.join(dir, 'imports', source.name);
  return existsSync(folder) ? readdirSync(folder) : [];
};
const countOf = async (table: typeof captures | typeof ads, source: SourceRow) =>
  (await t.database.db.select({ n: count() }).from(table).where(eq(table.sourceId, source.id)))[0]!
    .n;
const run = (source: SourceRow, data: Buffer, options = {}) =>
  importWarc(t.database.db, blobs(), t.config.secrets, CLI_ACTOR, source, data, options);

describe('importing archives made by other tools', () => {
  for (const f of goodArchives()) {
    it(`keeps every HTML page of ${f.filename} as a capture that verifies`, async () => {
      const source = await newSource();
      const report = await run(source, f.data);
      const pages = f.records.filter((r) => r.page).length;
      expect(report.problems).toEqual([]);
      expect(report.cancelled).toBe(false);
      expect(report.kept).toBe(pages);
      expect(await countOf(captures, source)).toBe(pages);
      expect(storedFiles(source)).toHaveLength(pages);
      const total = Object.values(report.records).reduce((a, b) => a + b, 0);
      expect(total).toBe(f.records.length);
      expect(report.format).toBe(f.name.startsWith('arc') ? 'arc' : 'warc');
      // Every page is an ad (a revisit is one more sighting of the same ad).
      expect(report.notAds).toEqual([]);
      expect(report.ads.new + report.ads.changed + report.ads.unchanged).toBe(pages);
      const verified = await verifyCaptures(t.database.db, blobs(), t.config.secrets.fieldKeys);
      expect(verified.problems).toEqual([]);
      const mine = new Set(
        (
          await t.database.db
            .select({ id: captures.id })
            .from(captures)
            .where(eq(captures.sourceId, source.id))
        ).map((c) => c.id),
      );
      const notes = verified.notes.filter((x) => mine.has(x.captureId));
      if (/^(nodigest|arc)/.test(f.name)) {
        expect(notes.length).toBe(pages);
        expect(notes[0]!.problem).toMatch(/no digest in the original/);
      } else expect(notes).toEqual([]);
    });
  }

  it('resolves a revisit against the response it revisits and keeps both records as its evidence', async () => {
    const source = await newSource();
    const f = goodArchives().find((x) => x.name === 'webrecorder')!;
    const report = await run(source, f.data);
    expect(report.records).toMatchObject({
      revisit: 2,
      response: 2,
      resource: 2,
      request: 2,
      warcinfo: 1,
    });
    const byReason = (a: { reason: string }, b: { reason: string }) =>
      a.reason.localeCompare(b.reason);
    expect([...report.skipped].sort(byReason)).toEqual(
      [
        { reason: 'request record (not a page)', count: 2 },
        { reason: 'warcinfo record (not a page)', count: 1 },
        { reason: 'resource that is not an HTML page', count: 1 },
      ].sort(byReason),
    );
    const rows = await t.database.db
      .select()
      .from(captures)
      .where(
        and(
          eq(captures.sourceId, source.id),
          eq(captures.fetchedAt, new Date('2026-10-02T08:10:00Z')),
        ),
      );
    expect(rows).toHaveLength(1);
    const stored = gunzipSync(
      await readCaptureRecord(blobs(), t.config.secrets.fieldKeys, rows[0]!),
    ).toString('latin1');
    expect(stored).toMatch(/WARC-Type: revisit[\s\S]*WARC-Type: response/);
    expect(report.ads).toEqual({ new: 3, changed: 0, unchanged: 2 });
  });

  it('exports the captures of an ad imported from an ARC file as one valid WARC file', async () => {
    const source = await newSource();
    const f = goodArchives().find((x) => x.name === 'arc-gz')!;
    await run(source, f.data);
    const [ad] = await t.database.db
      .select()
      .from(ads)
      .where(
        and(
          eq(ads.sourceId, source.id),
          eq(ads.url, 'http://ads.example.test/ad/81%20two%20%20spaces'),
        ),
      );
    const exported = await exportAdWarc(
      t.database.db,
      blobs(),
      t.config.secrets.fieldKeys,
      CLI_ACTOR,
      ad!.id,
    );
    expect(exported.captures).toBe(1);
    const checks = await verifyWarc(exported.data);
    expect(checks.map((c) => [c.type, c.ok])).toEqual([
      ['warcinfo', true],
      ['response', true],
    ]);
    const text = gunzipSync(exported.data).toString('latin1');
    expect(text).toMatch(/Ariadne-Converted-From: ARC record/);
    expect(text).toMatch(/WARC-Target-URI: http:\/\/ads\.example\.test\/ad\/81%20two%20%20spaces/);
    expect(text).toContain('Archived ad number 81');
  });

  it('does not keep one segment of a record split over several as a page', async () => {
    const source = await newSource();
    const f = goodArchives().find((x) => x.name === 'heritrix')!;
    const at = f.data.indexOf('WARC-Type: response\r\n') + 'WARC-Type: response\r\n'.length;
    const data = Buffer.concat([
      f.data.subarray(0, at),
      Buffer.from('WARC-Segment-Number: 1\r\n'),
      f.data.subarray(at),
    ]);
    const report = await run(source, data);
    expect(report.problems).toEqual([]);
    expect(report.kept).toBe(2);
    expect(report.skipped).toContainEqual({
      reason: 'segmented record (parts are not joined)',
      count: 1,
    });
  });

  it('keeps one-member gzip records whole (not 0 bytes)', async () => {
    const source = await newSource();
    const f = goodArchives().find((x) => x.layout === 'gzip-one-member')!;
    await run(source, f.data);
    const rows = await t.database.db
      .select()
      .from(captures)
      .where(eq(captures.sourceId, source.id));
    for (const row of rows) {
      const plain = gunzipSync(await readCaptureRecord(blobs(), t.config.secrets.fieldKeys, row));
      expect(plain.toString('latin1')).toMatch(
        /^WARC\/1\.1\r\nWARC-Type: response[\s\S]*Archived ad number/,
      );
      expect(row.recordSize).toBeGreaterThan(100);
    }
  });

  for (const f of brokenArchives()) {
    it(`keeps only the whole pages of ${f.name} and reports the rest with its offset`, async () => {
      const source = await newSource();
      const report = await run(source, f.data);
      expect(report.kept).toBe(f.goodPages);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]).toMatchObject({ record: 3, offset: f.records[2]!.start });
      expect(await countOf(captures, source)).toBe(f.goodPages);
      expect(
        (await verifyCaptures(t.database.db, blobs(), t.config.secrets.fieldKeys)).problems,
      ).toEqual([]);
    });
  }

  it('keeps the records before a cut and reports the cut record, for every boundary and inside', async () => {
    const f = goodArchives().find((x) => x.name === 'warcio')!;
    const pageEnds = f.records.filter((r) => r.page);
    for (const r of f.records.slice(1)) {
      // At the record's start, just after it (inside the gzip header) and in its middle; a cut in a
      // member's 8-byte trailer may leave its record whole, which the reader's own test covers.
      for (const at of [r.start, r.start + 5, r.start + Math.floor((r.end - r.start) / 2)]) {
        const source = await newSource();
        const report = await run(source, truncated(f, at).data);
        const whole = pageEnds.filter((p) => p.end <= at).length;
        expect(report.kept, `cut at ${at}`).toBe(whole);
        expect(report.problems.length > 0, `cut at ${at}`).toBe(at !== r.start);
        if (at !== r.start) expect(report.problems.at(-1)!.offset).toBe(r.start);
      }
    }
  });

  it('refuses a file that is neither WARC nor ARC, keeping nothing and auditing the refusal', async () => {
    for (const f of notArchives()) {
      const source = await newSource();
      const err = await run(source, f.data).catch((e: unknown) => e);
      expect(err, f.name).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('unsupported_media_type');
      expect((err as AppError).message).toMatch(/not a WARC or ARC file/);
      expect(await countOf(captures, source)).toBe(0);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ads.import'), eq(auditLog.targetId, source.id)));
      expect(String(entry?.details.refused)).toMatch(/not a WARC or ARC/);
    }
  });

  it('audits every import with its counts', async () => {
    const source = await newSource();
    const f = brokenArchives()[0]!;
    await run(source, f.data);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ads.import'), eq(auditLog.targetId, source.id)));
    expect(entry?.details).toMatchObject({
      format: 'warc',
      kept: 2,
      problems: 1,
      cancelled: false,
    });
  });
});

describe('cancelling an import', () => {
  const many = warcFile(
    'many',
    Array.from({ length: 40 }, (_, i) => adPage(500 + i)),
    { version: 'WARC/1.0', digest: 'sha1-base32', layout: 'gzip-per-record', requests: true },
  );

  for (const phase of ['before', 'reading', 'storing', 'writing'] as const) {
    it(`leaves nothing behind when cancelled ${phase === 'before' ? 'before it starts' : `while ${phase}`}`, async () => {
      const source = await newSource();
      const controller = new AbortController();
      if (phase === 'before') controller.abort();
      let stored = 0;
      const report = await run(source, many.data, {
        signal: controller.signal,
        onProgress: (p: { phase: string; done: number }) => {
          if (phase === 'reading' && p.phase === 'reading' && p.done >= 32) controller.abort();
          if (p.phase === 'storing') stored = p.done;
          // All blobs are written; abort as the rows go in (the transaction rolls back).
          if (phase === 'writing' && p.phase === 'storing' && p.done === 40) controller.abort();
          if (phase === 'storing' && p.phase === 'storing' && p.done === 5) controller.abort();
        },
      });
      expect(report.cancelled).toBe(true);
      expect(report.kept).toBe(0);
      expect(await countOf(captures, source)).toBe(0);
      expect(await countOf(ads, source)).toBe(0);
      expect(storedFiles(source)).toEqual([]);
      if (phase === 'writing') expect(stored).toBe(40);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ads.import'), eq(auditLog.targetId, source.id)));
      expect(entry?.details).toMatchObject({ cancelled: true, kept: 0 });
    });
  }
});
