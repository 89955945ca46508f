// Captures as evidence: every fetched response is kept as a WARC request + response record pair
// (ISO 28500, written with warcio), gzip member by member, with sha256 WARC-Block-Digest and
// WARC-Payload-Digest. Standard WARC tools open the files; verifyWarc recomputes every digest.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
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
}

function digestOf(data: Uint8Array): string {
  return `sha256:${sha256Hex(data)}`;
}

/**
 * Re-reads a WARC (gzipped or not) and recomputes each record's block and payload digests.
 * Digests other than sha256 are reported as unverifiable rather than silently accepted.
 */
export async function verifyWarc(data: Uint8Array): Promise<WarcRecordCheck[]> {
  const blocks: {
    type: string;
    uri: string | null;
    id: string | null;
    block: Uint8Array;
    blockDigest: string | null;
    payloadDigest: string | null;
  }[] = [];
  try {
    for await (const record of new WARCParser(once(data), { parseHttp: false })) {
      const block = await record.readFully(false);
      blocks.push({
        type: record.warcType ?? '',
        uri: record.warcTargetURI ?? null,
        id: record.warcHeader('WARC-Record-ID') ?? null,
        block: new Uint8Array(block),
        blockDigest: record.warcBlockDigest ?? null,
        payloadDigest: record.warcPayloadDigest ?? null,
      });
    }
  } catch (err) {
    return [
      {
        type: 'unreadable',
        targetUri: null,
        recordId: null,
        ok: false,
        problems: [`not a readable WARC: ${(err as Error).message}`],
      },
    ];
  }
  return blocks.map((b) => {
    const problems: string[] = [];
    if (b.type !== 'warcinfo') {
      if (!b.blockDigest) problems.push('no WARC-Block-Digest');
      else if (!b.blockDigest.startsWith('sha256:'))
        problems.push(`block digest ${b.blockDigest.split(':')[0]} not verifiable here`);
      else if (b.blockDigest !== digestOf(b.block))
        problems.push('WARC-Block-Digest does not match the record');
      if (b.payloadDigest && (b.type === 'response' || b.type === 'request')) {
        // The payload is what follows the HTTP header block (first blank line).
        const sep = Buffer.from(b.block).indexOf('\r\n\r\n');
        const payload = sep >= 0 ? b.block.subarray(sep + 4) : new Uint8Array();
        if (!b.payloadDigest.startsWith('sha256:'))
          problems.push('payload digest not verifiable here');
        else if (b.payloadDigest !== digestOf(payload))
          problems.push('WARC-Payload-Digest does not match the payload');
      }
    }
    return { type: b.type, targetUri: b.uri, recordId: b.id, ok: problems.length === 0, problems };
  });
}
