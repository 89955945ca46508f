// The RFC 3161 client against a real authority: `openssl ts -reply` on loopback (test/helpers/local-tsa.ts),
// whose clock is the test's clock, made to grant, refuse, mix up requests, hang and fail.
import { readFileSync, writeFileSync } from 'node:fs';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTsaPki,
  openssl,
  startLocalTsa,
  type LocalTsa,
  type TsaPki,
} from '../../../test/helpers/local-tsa.js';
import { fixedClock } from '../clock.js';
import { TimestampError, verifyTimestampToken } from './rfc3161.js';
import { loadTrustAnchors, requestTimestamp, type TsaSettings } from './tsa-client.js';

const clock = fixedClock('2031-03-04T10:00:00Z');
const message = Buffer.from('ariadne audit head v1\nseq=7\nhash=ab\n');
let pki: TsaPki;
let otherPki: TsaPki;
let tsa: LocalTsa;
let otherTsa: LocalTsa;
let settings: TsaSettings;

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([
    createTsaPki(clock.now()),
    createTsaPki(clock.now(), 'Unknown TSA'),
  ]);
  tsa = await startLocalTsa(pki, clock);
  otherTsa = await startLocalTsa(otherPki, clock);
  settings = { url: tsa.url, trustAnchors: loadTrustAnchors(pki.caFile), timeoutMs: 5000 };
});
afterAll(async () => {
  await tsa?.stop();
  await otherTsa?.stop();
  pki?.cleanup();
  otherPki?.cleanup();
});

/** The failure a rejected promise carries, so a test can check both kind and message. */
async function failureOf(p: Promise<unknown>): Promise<TimestampError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TimestampError);
  return err as TimestampError;
}

describe('time-stamp client', () => {
  it('gets a verified token that still verifies later, against the CA or the pinned TSA certificate', async () => {
    tsa.setMode('grant');
    const stamp = await requestTimestamp(settings, message, clock);
    expect(stamp.genTime.toISOString()).toBe('2031-03-04T10:00:00.000Z');
    expect(stamp.policy).toBe('1.3.6.1.4.1.99999.1.1');
    expect(stamp.signer).toContain('CN=Test TSA');
    expect(stamp.serial).toMatch(/^[0-9a-f]+$/);
    await expect(
      verifyTimestampToken(stamp.token, message, settings.trustAnchors),
    ).resolves.toMatchObject({
      genTime: stamp.genTime,
    });
    const pinned = loadTrustAnchors(pki.tsaCertFile);
    await expect(verifyTimestampToken(stamp.token, message, pinned)).resolves.toMatchObject({
      serial: stamp.serial,
    });
    const other = await failureOf(verifyTimestampToken(stamp.token, Buffer.from('other'), pinned));
    expect(other.failure).toBe('imprint_mismatch');
  });

  it('refuses a token from an authority it does not trust', async () => {
    const err = await failureOf(
      requestTimestamp({ ...settings, url: otherTsa.url }, message, clock),
    );
    expect(err.failure).toBe('untrusted');
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/not trusted/);
  });

  it('reports a refusal with the authority’s reasons', async () => {
    tsa.setMode('refuse');
    const err = await failureOf(requestTimestamp(settings, message, clock));
    expect(err.failure).toBe('refused');
    expect(err.message).toMatch(/refused the request \(status rejection: badAlg/);
  });

  it('refuses a token for another imprint, or one answering another request', async () => {
    tsa.setMode('wrong-imprint');
    expect((await failureOf(requestTimestamp(settings, message, clock))).failure).toBe(
      'imprint_mismatch',
    );
    tsa.setMode('grant');
    await requestTimestamp(settings, message, clock);
    tsa.setMode('replay');
    const replayed = await failureOf(requestTimestamp(settings, message, clock));
    expect(replayed.failure).toBe('nonce_mismatch');
  });

  it('refuses a genTime far from our clock', async () => {
    const skewed = fixedClock('2031-03-04T12:00:00Z');
    tsa.setMode('grant');
    const err = await failureOf(requestTimestamp(settings, message, skewed));
    expect(err.failure).toBe('bad_time');
    expect(err.message).toMatch(
      /2031-03-04T10:00:00.000Z but our clock says 2031-03-04T12:00:00.000Z/,
    );
  });

  it('says when the authority is down, slow, failing or answers nonsense — the first three retryable', async () => {
    tsa.setMode('http-error');
    const busy = await failureOf(requestTimestamp(settings, message, clock));
    expect([busy.failure, busy.retryable]).toEqual(['http_status', true]);
    expect(busy.message).toMatch(/HTTP 503/);

    tsa.setMode('garbage');
    const garbage = await failureOf(requestTimestamp(settings, message, clock));
    expect([garbage.failure, garbage.retryable]).toEqual(['malformed', false]);

    tsa.setMode('hang');
    const slow = await failureOf(requestTimestamp({ ...settings, timeoutMs: 300 }, message, clock));
    expect([slow.failure, slow.retryable]).toEqual(['timeout', true]);
    expect(slow.message).toMatch(/did not answer within 0.3 s/);

    const down = await startLocalTsa(pki, clock);
    await down.stop();
    const unreachable = await failureOf(
      requestTimestamp({ ...settings, url: down.url }, message, clock),
    );
    expect([unreachable.failure, unreachable.retryable]).toEqual(['unreachable', true]);
    expect(unreachable.message).toMatch(/cannot be reached \(ECONNREFUSED\)/);
  });

  it('explains a trust file it cannot use', () => {
    expect(() => loadTrustAnchors(`${pki.dir}/missing.pem`)).toThrow(/cannot be used/);
    expect(() => loadTrustAnchors(pki.configFile)).toThrow(/holds no PEM certificate/);
  });
});

describe('the signer certificate', () => {
  it('must be a time-stamping certificate, even when it chains to the trusted CA', async () => {
    tsa.setMode('grant');
    const stamp = await requestTimestamp(settings, message, clock);
    // openssl ts will not sign with a certificate lacking the critical timeStamping usage, so the
    // same TSTInfo is signed with openssl cms by a certificate of the same CA made for e-mail.
    const dir = pki.dir;
    const at = new Date(clock.now().getTime() - 3_600_000);
    await openssl(
      at,
      [
        'req',
        '-new',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'mail.key',
        '-out',
        'mail.csr',
        '-subj',
        '/CN=Mail signer',
      ],
      dir,
    );
    writeFileSync(
      `${dir}/mail.ext`,
      'basicConstraints=CA:FALSE\nextendedKeyUsage=emailProtection\n',
    );
    await openssl(
      at,
      [
        'x509',
        '-req',
        '-in',
        'mail.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'mail.crt',
        '-days',
        '30',
        '-extfile',
        'mail.ext',
      ],
      dir,
    );
    const contentInfo = new pkijs.ContentInfo({
      schema: asn1js.fromBER(new Uint8Array(stamp.token)).result,
    });
    const signed = new pkijs.SignedData({ schema: contentInfo.content as asn1js.Sequence });
    writeFileSync(`${dir}/tstinfo.der`, Buffer.from(signed.encapContentInfo.eContent!.getValue()));
    await openssl(
      at,
      [
        'cms',
        '-sign',
        '-binary',
        '-nodetach',
        '-in',
        'tstinfo.der',
        '-econtent_type',
        '1.2.840.113549.1.9.16.1.4',
        '-signer',
        'mail.crt',
        '-inkey',
        'mail.key',
        '-md',
        'sha256',
        '-outform',
        'DER',
        '-out',
        'mail-token.der',
      ],
      dir,
    );
    const forged = readFileSync(`${dir}/mail-token.der`);
    const err = await failureOf(verifyTimestampToken(forged, message, settings.trustAnchors));
    expect(err.failure).toBe('not_a_tsa');
    expect(err.message).toMatch(
      /"CN=Mail signer", whose certificate is not a time-stamping certificate/,
    );
  });
});
