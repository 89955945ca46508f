// Captures as evidence: every fetched response is kept as a WARC request + response record pair
// (ISO 28500, written with warcio), gzip member by member, with sha256 WARC-Block-Digest and
// WARC-Payload-Digest. Standard WARC tools open the files; verifyWarc recomputes every digest
// (of our own captures and of imported ones, read with archive-reader.ts).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import {
  checkRecordDigests,
  readArchive,
  sniffArchive,
  type ArchiveKind,
} from './archive-reader.js';
import type { FetchedResponse } from './fetch-page.js';

const WARC_VERSION = 'WARC/1.1';
// warcio gzips through web streams, which costs more than the record itself; each record is
// serialised plain and compressed as its own gzip member with zlib (the same .warc.gz layout).
const SERIALIZE = {
  gzip: false,
  digest: { algo: 'sha-256', prefix: 'sha256:', base32: false },
} as const;
const gzipMember = (data: Uint8Array) => gzipSync(data, { level: 6 });
// Hop-by-hop and length headers describe the transfer, not the payload we store (undici has
// already de-chunked it); keeping them would make the record unreadable for WARC tools.
const DROP_HEADERS = new Set(['transfer-encoding', 'content-length', 'connection', 'keep-alive']);

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

export interface WarcCapture {
  /** The gzipped request and response records, ready to store as one blob. */
  data: Uint8Array;
  responseRecordId: string;
  payloadSha256: string;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Builds the request and response records for one fetched response. */
export async function buildCaptureWarc(res: FetchedResponse): Promise<WarcCapture> {
  const date = res.fetchedAt.toISOString();
  const httpHeaders: [string, string][] = res.headers.filter(
    ([k]) => !DROP_HEADERS.has(k.toLowerCase()),
  );
  const response = WARCRecord.create(
    {
      url: res.url,
      date,
      type: 'response',
      warcVersion: WARC_VERSION,
      statusline: `HTTP/1.1 ${res.status} ${res.statusText || 'Status'}`.trim(),
      httpHeaders,
    },
    once(res.body),
  );
  const responseId = response.warcHeaders.headers.get('WARC-Record-ID') ?? '';
  const url = new URL(res.url);
  const request = WARCRecord.create(
    {
      url: res.url,
      date,
      type: 'request',
      warcVersion: WARC_VERSION,
      statusline: `${res.method} ${url.pathname}${url.search} HTTP/1.1`,
      httpHeaders: { host: url.host, ...res.requestHeaders },
      warcHeaders: { 'WARC-Concurrent-To': responseId },
    },
    once(new Uint8Array()),
  );
  const responseBytes = gzipMember(await WARCSerializer.serialize(response, SERIALIZE));
  const requestBytes = gzipMember(await WARCSerializer.serialize(request, SERIALIZE));
  const data = new Uint8Array(responseBytes.length + requestBytes.length);
  data.set(responseBytes, 0);
  data.set(requestBytes, responseBytes.length);
  return { data, responseRecordId: responseId, payloadSha256: sha256Hex(res.body) };
}

/**
 * A stored capture as it goes into an exported .warc.gz. WARC captures go as they are; an ARC
 * record (imported from an ARC file) is wrapped in a WARC record so that the export stays one
 * valid WARC file: its block is the ARC record's content byte for byte, its header says where it
 * came from, and its block digest is ours (ARC records carry none), which the header also says.
 */
export function warcForExport(stored: Buffer): Buffer {
  let kind: ArchiveKind;
  try {
    kind = sniffArchive(stored);
  } catch {
    return stored;
  }
  if (kind.format !== 'arc') return stored;
  const parts: Buffer[] = [];
  for (const event of readArchive(stored, kind)) {
    if (event.kind !== 'record') return stored;
    const r = event.record;
    const id = sha256Hex(r.bytes);
    const lines = [
      WARC_VERSION,
      `WARC-Type: ${r.type}`,
      `WARC-Record-ID: <urn:uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}>`,
      `WARC-Date: ${(r.date ?? new Date(0)).toISOString().replace('.000Z', 'Z')}`,
      ...(r.targetUri ? [`WARC-Target-URI: ${r.targetUri}`] : []),
      ...(r.headers.get('x-arc-ip-address')
        ? [`WARC-IP-Address: ${r.headers.get('x-arc-ip-address')}`]
        : []),
      `Content-Type: ${r.type === 'response' ? 'application/http; msgtype=response' : (r.headers.get('content-type') ?? 'application/octet-stream')}`,
      `WARC-Block-Digest: sha256:${sha256Hex(r.block)}`,
      // Said in the record itself: the original was an ARC record, and the digest is Ariadne's.
      'Ariadne-Converted-From: ARC record without a digest; block unchanged, block digest computed on import',
      `Content-Length: ${r.block.length}`,
    ];
    parts.push(
      gzipMember(
        Buffer.concat([
          Buffer.from(`${lines.join('\r\n')}\r\n\r\n`),
          r.block,
          Buffer.from('\r\n\r\n'),
        ]),
      ),
    );
  }
  return Buffer.concat(parts);
}

/** A warcinfo record to head an exported file. */
export async function buildWarcInfo(
  filename: string,
  info: Record<string, string>,
): Promise<Uint8Array> {
  const record = WARCRecord.createWARCInfo({ filename, warcVersion: WARC_VERSION }, info);
  return gzipMember(await WARCSerializer.serialize(record, SERIALIZE));
}

export interface WarcRecordCheck {
  type: string;
  targetUri: string | null;
  recordId: string | null;
  ok: boolean;
  problems: string[];
  /** What is worth saying but is no fault: a record that carried no digest of its own. */
  notes: string[];
}

const DIGEST_NAMES = { block: 'WARC-Block-Digest', payload: 'WARC-Payload-Digest' } as const;

/**
 * Re-reads a stored capture (WARC or ARC, gzipped or not) and checks every record against the
 * digests it carries, in whichever algorithm and encoding the tool that wrote it used (sha1 in
 * base32 or hex, sha256, md5). A record with no digest is noted as such, not failed: the caller
 * checks the SHA-256 Ariadne recorded when it kept the file.
 */
export function verifyWarc(data: Uint8Array): Promise<WarcRecordCheck[]> {
  return Promise.resolve(checkArchiveRecords(data));
}

function checkArchiveRecords(data: Uint8Array): WarcRecordCheck[] {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const unreadable = (problem: string): WarcRecordCheck => ({
    type: 'unreadable',
    targetUri: null,
    recordId: null,
    ok: false,
    problems: [problem],
    notes: [],
  });
  let kind: ArchiveKind;
  try {
    kind = sniffArchive(buffer);
  } catch (err) {
    return [unreadable((err as Error).message)];
  }
  const checks: WarcRecordCheck[] = [];
  for (const event of readArchive(buffer, kind)) {
    if (event.kind === 'problem') {
      checks.push(unreadable(event.problem.reason));
      continue;
    }
    const r = event.record;
    const problems: string[] = [];
    const notes: string[] = [];
    const digests = checkRecordDigests(r);
    for (const which of ['block', 'payload'] as const) {
      const c = digests[which];
      if (c.state === 'mismatch')
        problems.push(
          which === 'block'
            ? 'WARC-Block-Digest does not match the record'
            : 'WARC-Payload-Digest does not match the payload',
        );
      else if (c.state === 'unreadable')
        problems.push(`${DIGEST_NAMES[which]} cannot be checked: ${c.reason}`);
    }
    if (digests.block.state === 'none' && r.type !== 'warcinfo')
      notes.push(
        r.format === 'arc'
          ? 'no digest in the original (ARC records carry none)'
          : 'no digest in the original',
      );
    checks.push({
      type: r.type,
      targetUri: r.targetUri,
      recordId: r.recordId,
      ok: problems.length === 0,
      problems,
      notes,
    });
  }
  if (checks.length === 0) return [unreadable('no record in the file')];
  return checks;
}
