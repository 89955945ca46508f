// Reads WARC (0.x, 1.0, 1.1) and ARC (v1, v2) files made by any tool — plain, gzipped record by
// record, or gzipped as one member — and says exactly what it found: every record with its number
// and byte offset, every problem with its number, offset and reason. It is our own small reader,
// not warcio.js, because warcio.js loops forever when it skips a record whose declared length runs
// past the end of the file; here every read is a slice of the file in memory, every loop advances
// by at least one byte, and no length is trusted before it is checked against what is there, so a
// file of n bytes is read in bounded time whatever it holds.
import { constants, crc32, inflateRawSync } from 'node:zlib';
import { checkDigest, dechunk, type DigestCheck } from './warc-digest.js';

/** No single record or gzip member may inflate to more than this (a zip bomb is a problem, not a hang). */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
/** A WARC header block or ARC header line longer than this is not one. */
const MAX_HEADER_BYTES = 256 * 1024;
/** Where an ARC record may start is tested on at most this much of a line (long URLs fit). */
const ARC_LINE_MAX = 16 * 1024;

export type ArchiveFormat = 'warc' | 'arc';

export interface ArchiveKind {
  format: ArchiveFormat;
  gzip: boolean;
  /** ARC files say their version in the filedesc record; WARC records each carry theirs. */
  arcVersion: 1 | 2;
}

export class NotAnArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAnArchiveError';
  }
}

export interface ArchiveRecord {
  /** 1-based, in file order, counting every record whose start was found. */
  number: number;
  /** Byte offset in the file: of the record, or of the gzip member holding it. */
  offset: number;
  /** Within a gzip member holding several records: the offset in its inflated bytes. */
  within: number | null;
  format: ArchiveFormat;
  /** The WARC-Type; an ARC file's filedesc record counts as warcinfo, its pages as responses. */
  type: string;
  /** Header fields by lower-case name (ARC header line fields under WARC names). */
  headers: Map<string, string>;
  targetUri: string | null;
  date: Date | null;
  recordId: string | null;
  /** The content block, as declared by Content-Length (ARC: the archive length). */
  block: Buffer;
  /** The whole record as it is in the file, inflated. */
  bytes: Buffer;
  /** The file's gzip member when it holds this record and nothing else (the original bytes). */
  member: Buffer | null;
}

export interface ArchiveProblem {
  /** The record the problem is in; null for bytes between records. */
  record: number | null;
  offset: number;
  within: number | null;
  reason: string;
}

export type ArchiveEvent =
  { kind: 'record'; record: ArchiveRecord } | { kind: 'problem'; problem: ArchiveProblem };

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
const isGzipAt = (data: Buffer, pos: number) =>
  data[pos] === GZIP_MAGIC[0] && data[pos + 1] === GZIP_MAGIC[1] && data[pos + 2] === GZIP_MAGIC[2];

interface Member {
  offset: number;
  end: number;
  plain: Buffer;
  /** The file ends inside this member: its output is what could be inflated before the cut. */
  cut: boolean;
}

/** One gzip member at `pos`: its inflated bytes, or why it cannot be read. */
function readMember(data: Buffer, pos: number): Member | { error: string } {
  let at = pos + 10;
  if (at > data.length) return { offset: pos, end: data.length, plain: Buffer.alloc(0), cut: true };
  const flags = data[pos + 3]!;
  if (flags & 0xe0) return { error: 'gzip header has reserved flags set' };
  if (flags & 4) {
    if (at + 2 > data.length)
      return { offset: pos, end: data.length, plain: Buffer.alloc(0), cut: true };
    at += 2 + data.readUInt16LE(at);
  }
  for (const flag of [8, 16]) {
    if (flags & flag) {
      const zero = data.indexOf(0, at);
      if (zero < 0) return { offset: pos, end: data.length, plain: Buffer.alloc(0), cut: true };
      at = zero + 1;
    }
  }
  if (flags & 2) at += 2;
  if (at > data.length) return { offset: pos, end: data.length, plain: Buffer.alloc(0), cut: true };
  let plain: Buffer;
  let consumed: number;
  try {
    // A sync flush at the end gives what a cut member holds instead of an error and nothing.
    const out = inflateRawSync(data.subarray(at), {
      info: true,
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: MAX_INFLATED_BYTES,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    plain = out.buffer;
    consumed = out.engine.bytesWritten;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return {
      error:
        e.code === 'ERR_BUFFER_TOO_LARGE'
          ? `gzip member inflates to more than ${MAX_INFLATED_BYTES} bytes`
          : `gzip member cannot be inflated (${e.message})`,
    };
  }
  const trailer = at + consumed;
  if (trailer + 8 > data.length) return { offset: pos, end: data.length, plain, cut: true };
  if (
    data.readUInt32LE(trailer) !== crc32(plain) ||
    data.readUInt32LE(trailer + 4) !== plain.length >>> 0
  )
    return { error: 'gzip member fails its CRC check (its bytes changed)' };
  return { offset: pos, end: trailer + 8, plain, cut: false };
}

const ARC_LINE_V1 = /^(\S.*) (\S+) (\d{14}) (\S+) (\d+)$/;
const ARC_LINE_V2 = /^(\S.*) (\S+) (\d{14}) (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) (\d+)$/;

function describeStart(data: Buffer): string {
  if (data.length === 0) return 'the file is empty';
  if (data.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')))
    return 'it is a PNG image';
  if (data[0] === 0xff && data[1] === 0xd8) return 'it is a JPEG image';
  if (data.subarray(0, 4).toString('latin1') === '%PDF') return 'it is a PDF document';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return 'it is a ZIP archive';
  const line = data.subarray(0, 60).toString('latin1').split(/\r?\n/)[0] ?? '';
  const printable = /^[\x20-\x7e\t]*$/.test(line);
  return printable ? `its first line is "${line}"` : 'it starts with binary data';
}

function kindOf(plain: Buffer, gzip: boolean): ArchiveKind | null {
  let start = 0;
  while (start < plain.length && (plain[start] === 0x0d || plain[start] === 0x0a)) start++;
  const head = plain.subarray(start, start + 11).toString('latin1');
  if (head.startsWith('WARC/')) return { format: 'warc', gzip, arcVersion: 1 };
  if (head.startsWith('filedesc://')) {
    const lineEnd = plain.indexOf('\n', start);
    const next = lineEnd < 0 ? -1 : plain.indexOf('\n', lineEnd + 1);
    const version = next < 0 ? '' : plain.toString('latin1', lineEnd + 1, next).split(' ')[0];
    return { format: 'arc', gzip, arcVersion: version === '2' ? 2 : 1 };
  }
  // A stored capture holds one ARC record and no filedesc.
  const line = plain.toString('latin1', start, Math.max(start, plain.indexOf('\n', start)));
  if (ARC_LINE_V2.test(line)) return { format: 'arc', gzip, arcVersion: 2 };
  if (ARC_LINE_V1.test(line)) return { format: 'arc', gzip, arcVersion: 1 };
  return null;
}

/** Bytes too few to tell, that begin as an archive would (a file cut off in its first line). */
function couldStartArchive(plain: Buffer): boolean {
  if (plain.length === 0) return true;
  const head = plain.toString('latin1', 0, 11);
  if (plain.indexOf('\n') >= 0) return false;
  return (
    'WARC/1.'.startsWith(head) ||
    'filedesc://'.startsWith(head) ||
    /^WARC\/|^filedesc:\/\//.test(head)
  );
}

/** How many gzip members may be tried to tell what a file with a damaged first member is. */
const MAX_SNIFF_MEMBERS = 16;

function nextGzipAt(data: Buffer, from: number): number {
  const at = data.indexOf(Buffer.from(GZIP_MAGIC), from);
  return at < 0 ? data.length : at;
}

/** What the file is; throws NotAnArchiveError, saying what it looks like, when it is neither. */
export function sniffArchive(data: Buffer): ArchiveKind {
  if (isGzipAt(data, 0)) {
    let member = readMember(data, 0);
    // A damaged first member need not doom the file: the first member that inflates tells what
    // it is (the reader then reports the damaged one). A few tries, not a scan of every byte.
    for (let pos = 0, tries = 0; 'error' in member && tries < MAX_SNIFF_MEMBERS; tries++) {
      pos = nextGzipAt(data, pos + 1);
      if (pos >= data.length) break;
      member = readMember(data, pos);
    }
    if ('error' in member)
      throw new NotAnArchiveError(`not a WARC or ARC file: a gzip file whose ${member.error}`);
    const kind = kindOf(member.plain, true);
    if (!kind && member.cut && couldStartArchive(member.plain))
      throw new NotAnArchiveError(
        'not a WARC or ARC file that can be read: the file is cut off before its first record',
      );
    if (!kind)
      throw new NotAnArchiveError(
        `not a WARC or ARC file: gzip-compressed, and inside ${describeStart(member.plain)}`,
      );
    return kind;
  }
  const kind = kindOf(data, false);
  if (!kind && data.length > 0 && couldStartArchive(data))
    throw new NotAnArchiveError(
      'not a WARC or ARC file that can be read: the file is cut off before its first record',
    );
  if (!kind) throw new NotAnArchiveError(`not a WARC or ARC file: ${describeStart(data)}`);
  return kind;
}

const CRLF2 = Buffer.from('\r\n\r\n');

function parseWarcHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split('\r\n').slice(1)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

function warcDate(text: string | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

function arcDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Where the next record may start after `from`: a line that begins with `WARC/` (or an ARC line). */
function nextStart(plain: Buffer, from: number, kind: ArchiveKind): number {
  if (kind.format === 'warc') {
    const at = plain.indexOf('\nWARC/', from);
    return at < 0 ? -1 : at + 1;
  }
  let at = plain.indexOf('\n', from);
  while (at >= 0 && at + 1 < plain.length) {
    const end = plain.indexOf('\n', at + 1);
    const line = plain.toString(
      'latin1',
      at + 1,
      end < 0 ? plain.length : Math.min(end, at + 1 + ARC_LINE_MAX),
    );
    if ((kind.arcVersion === 2 ? ARC_LINE_V2 : ARC_LINE_V1).test(line)) return at + 1;
    at = end;
  }
  return -1;
}

interface Cursor {
  number: number;
}

/** The records of one run of plain bytes (a gzip member, or the whole uncompressed file). */
function* recordsIn(
  plain: Buffer,
  base: { offset: number; gzip: boolean; member: Buffer | null; cut: boolean },
  kind: ArchiveKind,
  cursor: Cursor,
): Generator<ArchiveEvent> {
  // Offsets name the record in the file: in a plain file its own first byte; in a gzip file the
  // member's, plus where it starts in the member's inflated bytes when it is not the first.
  const where = (pos: number) =>
    base.gzip
      ? { offset: base.offset, within: pos === 0 ? null : pos }
      : { offset: base.offset + pos, within: null };
  const problem = (record: number | null, pos: number, reason: string): ArchiveEvent => ({
    kind: 'problem',
    problem: { record, ...where(pos), reason },
  });
  let pos = 0;
  while (pos < plain.length) {
    // Blank lines between records are tolerated, as every reader does.
    while (pos < plain.length && (plain[pos] === 0x0d || plain[pos] === 0x0a)) pos++;
    if (pos >= plain.length) break;
    const start = pos;
    const isStart =
      kind.format === 'warc'
        ? plain.toString('latin1', pos, pos + 5) === 'WARC/'
        : (kind.arcVersion === 2 ? ARC_LINE_V2 : ARC_LINE_V1).test(
            plain.toString(
              'latin1',
              pos,
              Math.max(pos, Math.min(plain.indexOf('\n', pos), pos + ARC_LINE_MAX)),
            ),
          ) || plain.toString('latin1', pos, pos + 11) === 'filedesc://';
    if (!isStart && plain.indexOf('\n', pos) < 0) {
      const rest = plain.toString('latin1', pos, pos + 5);
      if (kind.format === 'arc' || 'WARC/'.startsWith(rest)) {
        // The first bytes of a record and then the end: a file cut off in a record's first line.
        yield problem(
          ++cursor.number,
          start,
          'the file ends inside its header: the record is cut off',
        );
        return;
      }
    }
    if (!isStart) {
      const next = nextStart(plain, pos, kind);
      const end = next < 0 ? plain.length : next;
      yield problem(
        null,
        start,
        `${end - start} bytes that are not a ${kind.format.toUpperCase()} record${next < 0 ? ', to the end' : ''}`,
      );
      if (next < 0) return;
      pos = next;
      continue;
    }
    const number = ++cursor.number;
    const headerEnd = kind.format === 'warc' ? plain.indexOf(CRLF2, pos) : plain.indexOf('\n', pos);
    if (headerEnd < 0 || headerEnd - pos > MAX_HEADER_BYTES) {
      if (headerEnd < 0 && plain.length - pos <= MAX_HEADER_BYTES) {
        yield problem(number, start, 'the file ends inside its header: the record is cut off');
        return;
      }
      yield problem(number, start, 'its header has no end');
      const next = nextStart(plain, pos + 1, kind);
      if (next < 0) return;
      pos = next;
      continue;
    }
    let headers: Map<string, string>;
    let length: number;
    let blockStart: number;
    let closing: Buffer;
    let type: string;
    let targetUri: string | null;
    let date: Date | null;
    if (kind.format === 'warc') {
      headers = parseWarcHeaders(plain.toString('utf8', pos, headerEnd));
      const declared = headers.get('content-length') ?? '';
      if (!/^\d{1,15}$/.test(declared)) {
        yield problem(
          number,
          start,
          declared ? `Content-Length "${declared}" is not a number` : 'no Content-Length',
        );
        const next = nextStart(plain, headerEnd, kind);
        if (next < 0) return;
        pos = next;
        continue;
      }
      length = Number(declared);
      blockStart = headerEnd + 4;
      closing = CRLF2;
      type = (headers.get('warc-type') ?? '').toLowerCase() || 'unknown';
      targetUri = headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? null;
      date = warcDate(headers.get('warc-date'));
    } else {
      const line = plain.toString('latin1', pos, headerEnd).replace(/\r$/, '');
      const m = (kind.arcVersion === 2 ? ARC_LINE_V2 : ARC_LINE_V1).exec(line);
      if (!m) {
        yield problem(number, start, 'its ARC header line cannot be read');
        const next = nextStart(plain, headerEnd, kind);
        if (next < 0) return;
        pos = next;
        continue;
      }
      // Some crawlers wrote URLs with spaces: the fields after the URL are counted from the end.
      const url = m[1]!.replace(/ /g, '%20');
      length = Number(m[m.length - 1]);
      blockStart = headerEnd + 1;
      closing = Buffer.from('\n');
      date = arcDate(m[3]!);
      headers = new Map([
        ['warc-target-uri', url],
        ['content-type', m[4]!],
        ['content-length', String(length)],
        ['x-arc-ip-address', m[2]!],
      ]);
      targetUri = url.startsWith('filedesc:') ? null : url;
      type = url.startsWith('filedesc:') ? 'warcinfo' : 'response';
    }
    const blockEnd = blockStart + length;
    if (blockEnd > plain.length) {
      // Either the file was cut inside this record, or its length is wrong and more records
      // follow: if another record starts after its header, the reading goes on from there.
      const next = nextStart(plain, blockStart, kind);
      const holds = `it declares ${length} bytes of content and ${plain.length - blockStart} follow${base.gzip ? ' in its gzip member' : ''}`;
      yield problem(
        number,
        start,
        next < 0
          ? `the record is cut off: ${holds}`
          : `its declared length runs past the end (${holds}); another record starts after it`,
      );
      if (next < 0) return;
      pos = next;
      continue;
    }
    const after = plain.subarray(blockEnd, blockEnd + closing.length);
    if (!after.equals(closing)) {
      if (
        blockEnd + closing.length > plain.length &&
        closing.subarray(0, after.length).equals(after)
      ) {
        yield problem(number, start, 'the record is cut off just before its end marker');
        return;
      }
      yield problem(
        number,
        start,
        `its content does not end where its length (${length}) says: the declared length is wrong or bytes are missing`,
      );
      const next = nextStart(plain, blockStart, kind);
      if (next < 0) return;
      pos = next;
      continue;
    }
    const block = plain.subarray(blockStart, blockEnd);
    if (
      kind.format === 'arc' &&
      type === 'response' &&
      !block.subarray(0, 5).equals(Buffer.from('HTTP/'))
    )
      type = 'resource';
    pos = blockEnd + closing.length;
    // Blank lines after the record belong to nothing; the member is this record alone if nothing else follows.
    let rest = pos;
    while (rest < plain.length && (plain[rest] === 0x0d || plain[rest] === 0x0a)) rest++;
    const alone = base.member !== null && start === 0 && rest === plain.length;
    yield {
      kind: 'record',
      record: {
        number,
        ...where(start),
        format: kind.format,
        type,
        headers,
        targetUri,
        date,
        recordId: headers.get('warc-record-id') ?? null,
        block,
        bytes: plain.subarray(start, pos),
        member: alone ? base.member : null,
      },
    };
  }
}

/**
 * Every record and every problem of an archive, in file order. Synchronous and bounded: each step
 * reads at most one gzip member or one record; the caller may pause or stop between steps.
 */
export function* readArchive(
  data: Buffer,
  kind: ArchiveKind = sniffArchive(data),
): Generator<ArchiveEvent> {
  const cursor: Cursor = { number: 0 };
  if (!kind.gzip) {
    yield* recordsIn(data, { offset: 0, gzip: false, member: null, cut: false }, kind, cursor);
    return;
  }
  let pos = 0;
  while (pos < data.length) {
    if (!isGzipAt(data, pos)) {
      if (
        data.length - pos < 3 &&
        Buffer.from(GZIP_MAGIC)
          .subarray(0, data.length - pos)
          .equals(data.subarray(pos))
      ) {
        yield {
          kind: 'problem',
          problem: {
            record: cursor.number + 1,
            offset: pos,
            within: null,
            reason: 'the file ends inside the header of this gzip member (cut off)',
          },
        };
        return;
      }
      const next = nextGzipAt(data, pos + 1);
      yield {
        kind: 'problem',
        problem: {
          record: null,
          offset: pos,
          within: null,
          reason: `${next - pos} bytes that are not a gzip member${next >= data.length ? ', to the end' : ''}`,
        },
      };
      pos = next;
      continue;
    }
    const member = readMember(data, pos);
    if ('error' in member) {
      yield {
        kind: 'problem',
        problem: {
          // Counted as one record: per-record gzip is the common layout, and the numbers of the
          // records after it should match what other readers call them.
          record: ++cursor.number,
          offset: pos,
          within: null,
          reason: `${member.error}; its records are not kept`,
        },
      };
      // The next member, if any, is read on its own: one bad member costs only its records.
      pos = nextGzipAt(data, pos + 1);
      continue;
    }
    const before = cursor.number;
    const events = [
      ...recordsIn(
        member.plain,
        {
          offset: pos,
          gzip: true,
          member: member.cut ? null : data.subarray(member.offset, member.end),
          cut: member.cut,
        },
        kind,
        cursor,
      ),
    ];
    yield* events;
    if (member.cut && !events.some((e) => e.kind === 'problem' && e.problem.record !== null)) {
      yield {
        kind: 'problem',
        problem: {
          record: cursor.number > before ? cursor.number : before + 1,
          offset: pos,
          within: null,
          reason: 'the file ends inside this gzip member (cut off)',
        },
      };
    }
    pos = member.end;
  }
}

export interface HttpMessage {
  statusLine: string;
  /** The status code of a response; null for a request. */
  status: number | null;
  headers: Map<string, string>;
  /** The entity as sent (still chunked if it was). */
  body: Buffer;
  /** The entity with transfer coding removed; null when the chunks do not add up. */
  payload: Buffer | null;
}

/** The HTTP message in a response, request or revisit block (null when it holds none). */
export function httpMessageOf(block: Buffer): HttpMessage | null {
  if (!/^(HTTP\/\d|[A-Z]+ \S+ HTTP\/\d)/.test(block.toString('latin1', 0, 64))) return null;
  let end = block.indexOf(CRLF2);
  let sep = 4;
  if (end < 0) {
    // Old ARC files sometimes end HTTP headers with bare newlines.
    end = block.indexOf('\n\n');
    sep = 2;
  }
  const headText = block.toString('latin1', 0, end < 0 ? block.length : end);
  const body = end < 0 ? Buffer.alloc(0) : block.subarray(end + sep);
  const lines = headText.split(/\r?\n/);
  const statusLine = lines[0] ?? '';
  const status = /^HTTP\/\S+ (\d{3})/.exec(statusLine)?.[1];
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
    }
  }
  const chunked = /chunked/i.test(headers.get('transfer-encoding') ?? '');
  return {
    statusLine,
    status: status ? Number(status) : null,
    headers,
    body,
    payload: chunked ? dechunk(body) : body,
  };
}

export interface RecordDigests {
  block: DigestCheck;
  payload: DigestCheck;
}

/**
 * The record's own digests against its bytes. A payload digest may have been computed over the
 * entity as sent or with its chunking removed (tools differ); either matching is a match. A
 * revisit's payload digest names the payload of the record it revisits, so it is not checked here.
 */
export function checkRecordDigests(record: ArchiveRecord): RecordDigests {
  const block = checkDigest(record.headers.get('warc-block-digest'), record.block);
  if (record.type === 'revisit') return { block, payload: { state: 'none' } };
  const header = record.headers.get('warc-payload-digest');
  if (!header) return { block, payload: { state: 'none' } };
  const http = httpMessageOf(record.block);
  const candidates = http ? [http.body, ...(http.payload ? [http.payload] : [])] : [record.block];
  return { block, payload: checkDigest(header, ...candidates) };
}
