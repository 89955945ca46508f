// The archive reader over generated files: archives in the forms other tools write are read whole,
// every cut of them is read in bounded time keeping exactly the complete records, damaged files
// name every problem with its record and offset, and what is no archive is refused.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  brokenArchives,
  goodArchives,
  notArchives,
  type ArchiveFixture,
} from '../../fixtures/archives/generator.js';
import {
  checkRecordDigests,
  readArchive,
  sniffArchive,
  type ArchiveEvent,
} from './archive-reader.js';
import { checkDigest, dechunk, sha1Base32 } from './warc-digest.js';

const events = (data: Buffer) => [...readArchive(data)];
const recordsOf = (ev: ArchiveEvent[]) =>
  ev.flatMap((e) => (e.kind === 'record' ? [e.record] : []));
const problemsOf = (ev: ArchiveEvent[]) =>
  ev.flatMap((e) => (e.kind === 'problem' ? [e.problem] : []));

/** The original bytes of each record of a fixture, inflated. */
function originalRecords(f: ArchiveFixture): Buffer[] {
  if (f.layout === 'gzip-one-member') {
    const all = gunzipSync(f.data);
    return f.records.map((r) => all.subarray(r.start, r.end));
  }
  return f.records.map((r) => {
    const bytes = f.data.subarray(r.start, r.end);
    return f.layout === 'gzip-per-record' ? gunzipSync(bytes) : bytes;
  });
}

describe('reading archives made by other tools', () => {
  for (const f of goodArchives()) {
    it(`reads ${f.filename} whole, every digest matching`, () => {
      const ev = events(f.data);
      expect(problemsOf(ev)).toEqual([]);
      const records = recordsOf(ev);
      expect(records.map((r) => r.type)).toEqual(f.records.map((r) => r.type));
      const originals = originalRecords(f);
      records.forEach((r, i) => {
        expect(r.number).toBe(i + 1);
        expect(r.bytes.equals(originals[i]!)).toBe(true);
        if (f.layout === 'gzip-per-record') {
          // Each record is its own gzip member: the member is kept, byte for byte.
          expect(r.member?.equals(f.data.subarray(f.records[i]!.start, f.records[i]!.end))).toBe(
            true,
          );
          expect(r.offset).toBe(f.records[i]!.start);
        } else {
          expect(r.member).toBeNull();
          if (f.layout === 'plain') expect(r.offset).toBe(f.records[i]!.start);
        }
        const d = checkRecordDigests(r);
        expect([d.block.state, d.payload.state]).not.toContain('mismatch');
        expect([d.block.state, d.payload.state]).not.toContain('unreadable');
        if (!/^(nodigest|arc)/.test(f.name) && r.type !== 'warcinfo')
          expect(d.block.state).toBe('match');
      });
      expect(records.filter((r) => r.targetUri).map((r) => r.targetUri)).toEqual(
        f.records.filter((r) => r.url).map((r) => r.url),
      );
    });
  }

  it('reads the URL of an ARC record that has spaces in it, and the ARC date', () => {
    const arc = goodArchives().find((f) => f.name === 'arc-plain')!;
    const records = recordsOf(events(arc.data));
    expect(records[2]!.targetUri).toBe('http://ads.example.test/ad/71%20with%20space');
    expect(records[1]!.date?.toISOString()).toBe('2026-10-01T08:10:00.000Z');
    expect(records[0]!.type).toBe('warcinfo');
  });

  it('reads every cut of every file (and files changed at random) in bounded time, keeping exactly the complete records', async () => {
    // The watchdog: the worker posts before and after each cut file; if one takes longer than
    // this, the worker is stopped and the test fails naming that file and cut.
    const PER_FILE_MS = 20_000;
    const worker = new Worker(
      new URL('../../test/helpers/archive-cuts.worker.ts', import.meta.url),
      {
        execArgv: ['--import', 'tsx'],
      },
    );
    const fixtures = new Map(goodArchives().map((f) => [f.name, f]));
    type Result = {
      name: string;
      at: number;
      records: { number: number; type: string; digestsOk: boolean; bytes: Uint8Array }[];
      problems: { record: number | null; offset: number; reason: string }[];
      refused: string | null;
    };
    type Fuzzed = { fuzzed: number; refused: number; unexpected: string[] };
    const results: Result[] = [];
    let fuzzed: Fuzzed | null = null;
    let reading = 'the first file';
    try {
      await new Promise<void>((resolve, reject) => {
        let timer = setTimeout(() => reject(new Error(`hung reading ${reading}`)), PER_FILE_MS);
        worker.on('error', reject);
        worker.on('message', (m: Result | Fuzzed | { reading: string } | { done: true }) => {
          clearTimeout(timer);
          if ('done' in m) return resolve();
          if ('reading' in m) reading = m.reading;
          else if ('fuzzed' in m) fuzzed = m;
          else results.push(m);
          timer = setTimeout(() => reject(new Error(`hung reading ${reading}`)), PER_FILE_MS);
        });
      });
    } finally {
      await worker.terminate();
    }
    expect(results.length).toBeGreaterThan(300);
    // Files with bytes changed at random: read to the end or refused, never an unexpected error.
    expect(fuzzed).toMatchObject({ fuzzed: 1500, unexpected: [] });
    expect(fuzzed!.refused).toBeLessThan(300);
    for (const r of results) {
      const f = fixtures.get(r.name)!;
      const originals = originalRecords(f);
      const label = `${r.name} cut at ${r.at}`;
      const whole = r.at === f.data.length;
      // What a cut file still holds whole, by the fixture's own record ranges.
      const ended =
        f.layout === 'gzip-one-member' ? null : f.records.filter((x) => x.end <= r.at).length;
      const boundary =
        whole || (f.layout !== 'gzip-one-member' && f.records.some((x) => x.end === r.at));
      if (r.refused) {
        expect(ended ?? 0, label).toBe(0);
        expect(r.refused, label).toMatch(/cut off|binary/);
        continue;
      }
      // Kept records are a prefix of the file's records, byte for byte, with their digests.
      r.records.forEach((k, i) => {
        expect(k.number, label).toBe(i + 1);
        expect(Buffer.from(k.bytes).equals(originals[i]!), label).toBe(true);
        expect(k.digestsOk, label).toBe(true);
      });
      if (f.layout === 'plain') expect(r.records.length, label).toBe(ended);
      else if (ended !== null) {
        expect(r.records.length, label).toBeGreaterThanOrEqual(ended);
        expect(r.records.length, label).toBeLessThanOrEqual(
          f.records.filter((x) => x.start < r.at).length,
        );
      }
      if (whole) expect(r.records.length, label).toBe(f.records.length);
      // A cut that is not at a record boundary is always reported, at the record it cut.
      if (boundary) expect(r.problems, label).toEqual([]);
      else {
        expect(r.problems.length, label).toBeGreaterThan(0);
        const cutRecord = f.records.findIndex((x) => x.start < r.at && r.at < x.end);
        if (f.layout !== 'gzip-one-member' && cutRecord >= 0) {
          expect(r.problems.at(-1)!.offset, label).toBe(f.records[cutRecord]!.start);
        }
        expect(r.problems.at(-1)!.reason, label).toMatch(/cut off|ends/);
      }
    }
  }, 300_000);
});

describe('damaged archives', () => {
  const broken = new Map(brokenArchives().map((f) => [f.name, f]));

  it('reports a wrong Content-Length at its record and offset, and reads on after it', () => {
    for (const name of ['wrong-length-longer', 'wrong-length-shorter', 'wrong-length-huge']) {
      const f = broken.get(name)!;
      const ev = events(f.data);
      const problems = problemsOf(ev);
      expect(problems, name).toHaveLength(1);
      expect(problems[0]).toMatchObject({ record: 3, offset: f.records[2]!.start });
      expect(problems[0]!.reason).toMatch(/length/);
      expect(recordsOf(ev).map((r) => r.number)).toEqual([1, 2, 4]);
    }
  });

  it('reads ARC v2 header lines (ten fields) and a URL with a space in them', () => {
    const body = Buffer.from('HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<p>v2</p>');
    const desc = Buffer.from(
      '2 0 Synthetic\nURL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length\n',
    );
    const data = Buffer.concat([
      Buffer.from(
        `filedesc://v2.arc 0.0.0.0 20261001080000 text/plain 200 - - 0 v2.arc ${desc.length}\n`,
      ),
      desc,
      Buffer.from('\n'),
      Buffer.from(
        `http://ads.example.test/a b 192.0.2.1 20261001081500 text/html 200 - - 0 v2.arc ${body.length}\n`,
      ),
      body,
      Buffer.from('\n'),
    ]);
    expect(sniffArchive(data)).toMatchObject({ format: 'arc', arcVersion: 2 });
    const ev = events(data);
    expect(problemsOf(ev)).toEqual([]);
    const [info, page] = recordsOf(ev);
    expect(info!.type).toBe('warcinfo');
    expect(page).toMatchObject({ type: 'response', targetUri: 'http://ads.example.test/a%20b' });
    expect(page!.date?.toISOString()).toBe('2026-10-01T08:15:00.000Z');
  });

  it('refuses a changed gzip member by its CRC and keeps the members around it', () => {
    const f = broken.get('corrupt-member')!;
    const ev = events(f.data);
    const problems = problemsOf(ev);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ record: 3, offset: f.records[2]!.start });
    expect(problems[0]!.reason).toMatch(/CRC/);
    expect(recordsOf(ev).map((r) => r.number)).toEqual([1, 2, 4]);
  });

  it('reads on when the first gzip member is the damaged one', () => {
    const f = goodArchives().find((x) => x.name === 'warcio')!;
    const data = Buffer.from(f.data);
    data[Math.floor(f.records[0]!.end / 2)]! ^= 0x55;
    expect(sniffArchive(data)).toMatchObject({ format: 'warc', gzip: true });
    const ev = events(data);
    expect(problemsOf(ev)).toHaveLength(1);
    expect(problemsOf(ev)[0]).toMatchObject({ record: 1, offset: 0 });
    expect(recordsOf(ev).map((r) => r.number)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('finds a changed body by its block and payload digests', () => {
    const f = broken.get('altered-body')!;
    const records = recordsOf(events(f.data));
    const states = records.map((r) => checkRecordDigests(r).block.state);
    expect(states).toEqual(['match', 'match', 'mismatch', 'match']);
  });

  it('reads a response with bad chunking whole, but its chunks do not decode', async () => {
    const { httpMessageOf } = await import('./archive-reader.js');
    const f = broken.get('bad-chunking')!;
    const records = recordsOf(events(f.data));
    expect(records).toHaveLength(4);
    expect(records.map((r) => httpMessageOf(r.block)?.payload === null)).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });

  it('reports bytes that are not a record between records', () => {
    const f = goodArchives().find((x) => x.name === 'heritrix')!;
    const at = f.records[2]!.start;
    const data = Buffer.concat([
      f.data.subarray(0, at),
      Buffer.from('garbage\r\n'),
      f.data.subarray(at),
    ]);
    const ev = events(data);
    const problems = problemsOf(ev);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ record: null, offset: at });
    expect(problems[0]!.reason).toMatch(/not a WARC record/);
    expect(recordsOf(ev)).toHaveLength(f.records.length);
  });
});

describe('files that are no archive', () => {
  for (const f of notArchives()) {
    it(`refuses ${f.filename} (${f.name}) saying what it is`, () => {
      expect(() => sniffArchive(f.data)).toThrow(/not a WARC or ARC file/);
    });
  }
  it('says a PNG is a PNG', () => {
    expect(() => sniffArchive(notArchives()[0]!.data)).toThrow(/PNG image/);
  });
});

describe('digests in the forms tools write', () => {
  const data = Buffer.from('some bytes of a record');
  it('checks sha1 in base32 and hex, sha256, md5; says which form it read', () => {
    expect(checkDigest(sha1Base32(data), data)).toEqual({
      state: 'match',
      algorithm: 'sha1',
      encoding: 'base32',
    });
    expect(
      checkDigest(`sha1:${createHash('sha1').update(data).digest('hex')}`, data),
    ).toMatchObject({ state: 'match', encoding: 'hex' });
    expect(checkDigest(sha1Base32(Buffer.from('other')), data)).toMatchObject({
      state: 'mismatch',
    });
    expect(checkDigest(undefined, data)).toEqual({ state: 'none' });
    expect(checkDigest('crc32:abcd', data)).toMatchObject({ state: 'unreadable' });
    expect(checkDigest('sha1:not-a-digest', data)).toMatchObject({ state: 'unreadable' });
  });
  it('removes chunking, and refuses chunks that do not add up', () => {
    expect(dechunk(Buffer.from('3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'))?.toString()).toBe('abcde');
    expect(dechunk(Buffer.from('9\r\nabc\r\n0\r\n\r\n'))).toBeNull();
    expect(dechunk(Buffer.from('zz\r\nabc\r\n'))).toBeNull();
    expect(dechunk(Buffer.from('3\r\nabc\r\n'))).toBeNull();
  });
});
