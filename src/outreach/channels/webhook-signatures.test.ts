// Signature schemes checked against published test vectors where the providers give them, and
// against the failure modes that matter: wrong key, missing header, changed data, old timestamps.

import { describe, expect, it } from 'vitest';
import { WebhookError } from './http-gateway.js';
import {
  ReplayGuard,
  computeHubSignature256,
  computeTwilioSignature,
  safeEqual,
  sha256Hex,
  signAriadneWebhook,
  signMessageBirdJwt,
  verifyAriadneWebhook,
  verifyHubSignature256,
  verifyMessageBirdJwt,
  verifyTwilioSignature,
  verifyUrlToken,
} from './webhook-signatures.js';

const codeOf = (fn: () => void): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof WebhookError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('safeEqual', () => {
  it('compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});

describe('Twilio X-Twilio-Signature', () => {
  // The example from Twilio's security documentation (also used by Twilio's helper libraries).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params: Array<[string, string]> = [
    ['CallSid', 'CA1234567890ABCDE'],
    ['Caller', '+12349013030'],
    ['Digits', '1234'],
    ['From', '+12349013030'],
    ['To', '+18005551212'],
  ];

  it("matches Twilio's published example", () => {
    expect(computeTwilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(computeTwilioSignature('12345', url, [...params].reverse())).toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
  });

  it('rejects missing, wrong and tampered', () => {
    const signature = computeTwilioSignature('12345', url, params);
    expect(
      codeOf(() => verifyTwilioSignature({ authToken: '12345', url, params, signature })),
    ).toBe('ok');
    expect(
      codeOf(() =>
        verifyTwilioSignature({ authToken: '12345', url, params, signature: undefined }),
      ),
    ).toBe('signature_missing');
    expect(
      codeOf(() => verifyTwilioSignature({ authToken: '54321', url, params, signature })),
    ).toBe('signature_invalid');
    const tampered: Array<[string, string]> = params.map(([k, v]) => [
      k,
      k === 'Digits' ? '9999' : v,
    ]);
    expect(
      codeOf(() => verifyTwilioSignature({ authToken: '12345', url, params: tampered, signature })),
    ).toBe('signature_invalid');
  });
});

describe('Meta X-Hub-Signature-256', () => {
  it('is the hex HMAC-SHA256 of the raw body, prefixed sha256=', () => {
    expect(computeHubSignature256('secret', Buffer.from('test'))).toBe(
      'sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914',
    );
  });

  it('rejects missing, wrong and tampered', () => {
    const rawBody = Buffer.from('{"a":1}');
    const signature = computeHubSignature256('app-secret', rawBody);
    expect(
      codeOf(() => verifyHubSignature256({ appSecret: 'app-secret', signature, rawBody })),
    ).toBe('ok');
    expect(
      codeOf(() =>
        verifyHubSignature256({
          appSecret: 'app-secret',
          signature: signature.toUpperCase().replace('SHA256', 'sha256'),
          rawBody,
        }),
      ),
    ).toBe('ok');
    expect(
      codeOf(() =>
        verifyHubSignature256({ appSecret: 'app-secret', signature: undefined, rawBody }),
      ),
    ).toBe('signature_missing');
    expect(codeOf(() => verifyHubSignature256({ appSecret: 'other', signature, rawBody }))).toBe(
      'signature_invalid',
    );
    expect(
      codeOf(() =>
        verifyHubSignature256({
          appSecret: 'app-secret',
          signature,
          rawBody: Buffer.from('{"a":2}'),
        }),
      ),
    ).toBe('signature_invalid');
  });
});

describe('MessageBird-Signature-JWT', () => {
  const signingKey = 'mb-signing-key';
  const url = 'https://ariadne.example/webhooks/mb?id=1';
  const rawBody = Buffer.from('a=1');
  const now = new Date('2025-01-01T12:00:00Z');

  it('accepts a token for this URL and body within its validity', () => {
    const jwt = signMessageBirdJwt({ signingKey, url, rawBody, now });
    expect(codeOf(() => verifyMessageBirdJwt({ signingKey, jwt, url, rawBody, now }))).toBe('ok');
  });

  it('rejects expiry, not-yet-valid, other URL, other body, other key, missing', () => {
    const jwt = signMessageBirdJwt({ signingKey, url, rawBody, now, ttlSeconds: 60 });
    const later = new Date(now.getTime() + 120_000);
    const earlier = new Date(now.getTime() - 120_000);
    expect(codeOf(() => verifyMessageBirdJwt({ signingKey, jwt, url, rawBody, now: later }))).toBe(
      'stale',
    );
    expect(
      codeOf(() => verifyMessageBirdJwt({ signingKey, jwt, url, rawBody, now: earlier })),
    ).toBe('stale');
    expect(
      codeOf(() => verifyMessageBirdJwt({ signingKey, jwt, url: `${url}&x=1`, rawBody, now })),
    ).toBe('signature_invalid');
    expect(
      codeOf(() =>
        verifyMessageBirdJwt({ signingKey, jwt, url, rawBody: Buffer.from('a=2'), now }),
      ),
    ).toBe('signature_invalid');
    expect(codeOf(() => verifyMessageBirdJwt({ signingKey: 'x', jwt, url, rawBody, now }))).toBe(
      'signature_invalid',
    );
    expect(
      codeOf(() => verifyMessageBirdJwt({ signingKey, jwt: undefined, url, rawBody, now })),
    ).toBe('signature_missing');
    expect(codeOf(() => verifyMessageBirdJwt({ signingKey, jwt: 'a.b', url, rawBody, now }))).toBe(
      'signature_invalid',
    );
  });

  it('requires a payload_hash when there is a body, and rejects a replayed jti', () => {
    const noBody = signMessageBirdJwt({ signingKey, url, rawBody: Buffer.alloc(0), now });
    expect(codeOf(() => verifyMessageBirdJwt({ signingKey, jwt: noBody, url, rawBody, now }))).toBe(
      'signature_invalid',
    );
    const guard = new ReplayGuard();
    const jwt = signMessageBirdJwt({ signingKey, url, rawBody, now });
    expect(
      codeOf(() =>
        verifyMessageBirdJwt({ signingKey, jwt, url, rawBody, now, replayGuard: guard }),
      ),
    ).toBe('ok');
    expect(
      codeOf(() =>
        verifyMessageBirdJwt({ signingKey, jwt, url, rawBody, now, replayGuard: guard }),
      ),
    ).toBe('replayed');
  });

  it('hashes the URL and body with SHA-256 in hex, as MessageBird does', () => {
    const jwt = signMessageBirdJwt({ signingKey, url, rawBody, now, jti: 'fixed' });
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      iss: 'MessageBird',
      jti: 'fixed',
      url_hash: sha256Hex(url),
      payload_hash: sha256Hex(rawBody),
    });
  });
});

describe("Ariadne's timestamped HMAC header", () => {
  const rawBody = Buffer.from('From: a@b.c\r\n\r\nhi');
  it('accepts within five minutes, with a rotated second signature, and rejects the rest', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    const header = signAriadneWebhook('s3cret', rawBody, now);
    expect(codeOf(() => verifyAriadneWebhook({ secret: 's3cret', header, rawBody, now }))).toBe(
      'ok',
    );
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(
      codeOf(() => verifyAriadneWebhook({ secret: 's3cret', header: rotated, rawBody, now })),
    ).toBe('ok');
    expect(
      codeOf(() =>
        verifyAriadneWebhook({
          secret: 's3cret',
          header,
          rawBody,
          now: new Date(now.getTime() + 301_000),
        }),
      ),
    ).toBe('stale');
    expect(codeOf(() => verifyAriadneWebhook({ secret: 'other', header, rawBody, now }))).toBe(
      'signature_invalid',
    );
    expect(
      codeOf(() => verifyAriadneWebhook({ secret: 's3cret', header: 'v1=abc', rawBody, now })),
    ).toBe('signature_invalid');
    expect(
      codeOf(() => verifyAriadneWebhook({ secret: 's3cret', header: undefined, rawBody, now })),
    ).toBe('signature_missing');
  });
});

describe('URL token (CM.com)', () => {
  it('accepts the token, rejects a wrong or missing one', () => {
    const check = (url: string) => () =>
      verifyUrlToken({ url, param: 'token', expected: 'tok-123', what: 'CM webhook' });
    expect(codeOf(check('https://a.example/h?token=tok-123'))).toBe('ok');
    expect(codeOf(check('https://a.example/h?token=tok-124'))).toBe('signature_invalid');
    expect(codeOf(check('https://a.example/h'))).toBe('signature_missing');
  });
});
