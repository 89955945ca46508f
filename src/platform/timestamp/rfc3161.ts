// RFC 3161 time-stamps without the network: building a TimeStampReq, reading a TimeStampResp and
// verifying a TimeStampToken (CMS SignedData over a TSTInfo) against configured trust anchors.
// Used by the audit log to anchor its chain head, and meant for the vault's evidence time-stamps.
// A token is accepted only if its imprint is the SHA-256 of the message we mean, its signature
// verifies, its signer certificate chains to a trust anchor (valid at the token's genTime, so old
// tokens stay verifiable after the certificate expires) and carries the one critical extended key
// usage id-kp-timeStamping that RFC 3161 §2.3 requires of a TSA certificate.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const EXT_KEY_USAGE_OID = '2.5.29.37';
const TIME_STAMPING_OID = '1.3.6.1.5.5.7.3.8';

export type TimestampFailure =
  | 'unreachable'
  | 'timeout'
  | 'http_status'
  | 'refused'
  | 'malformed'
  | 'imprint_mismatch'
  | 'nonce_mismatch'
  | 'bad_signature'
  | 'untrusted'
  | 'not_a_tsa'
  | 'bad_time';

/** Why a time-stamp could not be had or is not valid; `retryable` when trying later may help. */
export class TimestampError extends Error {
  constructor(
    readonly failure: TimestampFailure,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'TimestampError';
  }
}

export interface TimestampQuery {
  /** DER of the TimeStampReq, the body to POST. */
  der: Uint8Array<ArrayBuffer>;
  /** SHA-256 of the message. */
  digest: Buffer;
  nonce: bigint;
}

/** What a verified token says. */
export interface VerifiedTimestamp {
  genTime: Date;
  /** The authority's policy OID. */
  policy: string;
  /** Serial number of the token, hex. */
  serial: string;
  nonce: bigint | null;
  /** Subject of the signing certificate, e.g. "CN=Example TSA, O=Example". */
  signer: string;
}

function randomNonce(): bigint {
  // 63 random bits: always positive, so its DER INTEGER needs no sign byte.
  const bytes = randomBytes(8);
  bytes[0]! &= 0x7f;
  return bytes.readBigUInt64BE() || 1n;
}

/** A TimeStampReq for the SHA-256 of `message`, with a fresh nonce and certReq set. */
export function buildTimestampQuery(message: Uint8Array, nonce = randomNonce()): TimestampQuery {
  const digest = createHash('sha256').update(message).digest();
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: SHA256_OID,
        algorithmParams: new asn1js.Null(),
      }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    // Ask for the signing certificate in the token, so it verifies on its own later.
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER()), digest, nonce };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

function parseDer<T>(der: Uint8Array, what: string, build: (schema: asn1js.AsnType) => T): T {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) {
    throw new TimestampError('malformed', `The ${what} is not valid DER: ${parsed.result.error}`);
  }
  try {
    return build(parsed.result);
  } catch (err) {
    throw new TimestampError(
      'malformed',
      `The ${what} is not well-formed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const FAIL_INFO = new Map<number, string>([
  [0, 'badAlg (unsupported hash algorithm)'],
  [2, 'badRequest'],
  [5, 'badDataFormat'],
  [14, 'timeNotAvailable'],
  [15, 'unacceptedPolicy'],
  [16, 'unacceptedExtension'],
  [17, 'addInfoNotAvailable'],
  [25, 'systemFailure'],
]);

function failInfoNames(bits: asn1js.BitString | undefined): string[] {
  if (!bits) return [];
  const bytes = bits.valueBlock.valueHexView;
  const names: string[] = [];
  for (let i = 0; i < bytes.length * 8; i++) {
    if ((bytes[i >> 3]! >> (7 - (i & 7))) & 1) names.push(FAIL_INFO.get(i) ?? `bit ${i}`);
  }
  return names;
}

interface ParsedToken {
  signedData: pkijs.SignedData;
  tstInfo: pkijs.TSTInfo;
}

function parseToken(token: Uint8Array): ParsedToken {
  const contentInfo = parseDer(
    token,
    'time-stamp token',
    (schema) => new pkijs.ContentInfo({ schema }),
  );
  if (contentInfo.contentType !== SIGNED_DATA_OID) {
    throw new TimestampError('malformed', 'The time-stamp token is not CMS SignedData.');
  }
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: contentInfo.content as asn1js.Sequence });
  } catch (err) {
    throw new TimestampError(
      'malformed',
      `The time-stamp token's SignedData is not well-formed: ${String(err)}`,
    );
  }
  const encap = signedData.encapContentInfo;
  if (encap.eContentType !== TST_INFO_OID || !encap.eContent) {
    throw new TimestampError('malformed', 'The time-stamp token does not hold a TSTInfo.');
  }
  const tstInfo = parseDer(
    new Uint8Array(encap.eContent.getValue()),
    'TSTInfo',
    (schema) => new pkijs.TSTInfo({ schema }),
  );
  return { signedData, tstInfo };
}

function checkImprint(tstInfo: pkijs.TSTInfo, digest: Buffer): void {
  const imprint = tstInfo.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== SHA256_OID) {
    throw new TimestampError(
      'imprint_mismatch',
      `The time-stamp covers a ${imprint.hashAlgorithm.algorithmId} digest, not the SHA-256 asked for.`,
    );
  }
  if (!Buffer.from(imprint.hashedMessage.valueBlock.valueHexView).equals(digest)) {
    throw new TimestampError(
      'imprint_mismatch',
      'The time-stamp covers another message (its imprint is not the SHA-256 of this one).',
    );
  }
}

/**
 * Reads a TimeStampResp to the given query: the authority must have granted it, and the token must
 * cover our imprint and carry our nonce (so an old answer cannot be replayed). Returns the token's
 * DER; its signature is checked by verifyTimestampToken.
 */
export function readTimestampResponse(der: Uint8Array, query: TimestampQuery): Uint8Array {
  const response = parseDer(
    der,
    'time-stamp response',
    (schema) => new pkijs.TimeStampResp({ schema }),
  );
  const status = response.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const texts = (response.status.statusStrings ?? []).map((s) => s.valueBlock.value);
    const reasons = [...failInfoNames(response.status.failInfo), ...texts];
    throw new TimestampError(
      'refused',
      `The time-stamping authority refused the request (status ${pkijs.PKIStatus[status] ?? status}${reasons.length ? `: ${reasons.join('; ')}` : ''}).`,
      status === pkijs.PKIStatus.waiting,
    );
  }
  if (!response.timeStampToken) {
    throw new TimestampError('malformed', 'The time-stamp response was granted without a token.');
  }
  const token = new Uint8Array(response.timeStampToken.toSchema().toBER());
  const { tstInfo } = parseToken(token);
  checkImprint(tstInfo, query.digest);
  const nonce = tstInfo.nonce?.toBigInt() ?? null;
  if (nonce !== query.nonce) {
    throw new TimestampError(
      'nonce_mismatch',
      'The time-stamp does not carry the nonce of our request: it answers another request.',
    );
  }
  return token;
}

/** Reads the certificates of a PEM file (or text): the trust anchors of verifyTimestampToken. */
export function parsePemCertificates(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const body = block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    return parseDer(
      Buffer.from(body, 'base64'),
      'trusted certificate',
      (schema) => new pkijs.Certificate({ schema }),
    );
  });
}

function describeName(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = {
    '2.5.4.3': 'CN',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
    '2.5.4.6': 'C',
  };
  return name.typesAndValues
    .map((tv) => {
      const value: unknown = (tv.value.valueBlock as { value?: unknown }).value;
      return `${short[tv.type] ?? tv.type}=${typeof value === 'string' ? value : '?'}`;
    })
    .join(', ');
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return Buffer.from(a.toSchema().toBER()).equals(Buffer.from(b.toSchema().toBER()));
}

function checkTimeStampingUsage(cert: pkijs.Certificate): void {
  const eku = (cert.extensions ?? []).filter((e) => e.extnID === EXT_KEY_USAGE_OID);
  const purposes =
    eku.length === 1
      ? ((eku[0]!.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [])
      : [];
  if (
    eku.length !== 1 ||
    !eku[0]!.critical ||
    purposes.length !== 1 ||
    purposes[0] !== TIME_STAMPING_OID
  ) {
    throw new TimestampError(
      'not_a_tsa',
      `The time-stamp was signed by "${describeName(cert.subject)}", whose certificate is not a time-stamping certificate (RFC 3161 requires exactly one critical extended key usage, timeStamping).`,
    );
  }
}

/**
 * Verifies a TimeStampToken over `message`: imprint, signature, signer chained to `trustAnchors`
 * at genTime, time-stamping key usage. Throws a TimestampError saying what is wrong.
 */
export async function verifyTimestampToken(
  token: Uint8Array,
  message: Uint8Array,
  trustAnchors: readonly pkijs.Certificate[],
): Promise<VerifiedTimestamp> {
  if (trustAnchors.length === 0) {
    throw new TimestampError(
      'untrusted',
      'No trusted certificate is configured to check time-stamps against.',
    );
  }
  const { signedData, tstInfo } = parseToken(token);
  checkImprint(tstInfo, createHash('sha256').update(message).digest());
  // A TSA that leaves its certificate out (certReq false, or its habit) can still be checked when
  // its own certificate is among the trust anchors.
  if (!signedData.certificates?.length) signedData.certificates = [...trustAnchors];
  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signedData.verify({
      signer: 0,
      data: toArrayBuffer(message),
      trustedCerts: [...trustAnchors],
      checkChain: true,
      extendedMode: true,
    });
  } catch (err) {
    const e = err as Partial<pkijs.SignedDataVerifyError> & { message?: string };
    const signerCert = e.signerCertificate;
    // A pinned TSA certificate is its own trust anchor; the chain engine wants an issuer for it.
    if (e.code === 5 && signerCert && trustAnchors.some((a) => sameCertificate(a, signerCert))) {
      result = await verifyPinned(signedData, message, signerCert, tstInfo.genTime);
    } else if (e.code === 5 || e.code === 3) {
      throw new TimestampError(
        'untrusted',
        `The time-stamp's signer is not trusted: ${e.message ?? String(err)}`,
      );
    } else {
      throw new TimestampError(
        'bad_signature',
        `The time-stamp's signature does not verify: ${e.message ?? String(err)}`,
      );
    }
  }
  if (!result.signatureVerified || !result.signerCertificate) {
    throw new TimestampError('bad_signature', "The time-stamp's signature does not verify.");
  }
  checkTimeStampingUsage(result.signerCertificate);
  return {
    genTime: tstInfo.genTime,
    policy: tstInfo.policy,
    serial: Buffer.from(tstInfo.serialNumber.valueBlock.valueHexView).toString('hex'),
    nonce: tstInfo.nonce?.toBigInt() ?? null,
    signer: describeName(result.signerCertificate.subject),
  };
}

async function verifyPinned(
  signedData: pkijs.SignedData,
  message: Uint8Array,
  cert: pkijs.Certificate,
  genTime: Date,
): Promise<pkijs.SignedDataVerifyResult> {
  if (genTime < cert.notBefore.value || genTime > cert.notAfter.value) {
    throw new TimestampError(
      'untrusted',
      `The time-stamp's genTime ${genTime.toISOString()} lies outside the validity of the trusted TSA certificate.`,
    );
  }
  try {
    return await signedData.verify({
      signer: 0,
      data: toArrayBuffer(message),
      checkChain: false,
      extendedMode: true,
    });
  } catch (err) {
    throw new TimestampError(
      'bad_signature',
      `The time-stamp's signature does not verify: ${(err as { message?: string }).message ?? String(err)}`,
    );
  }
}
