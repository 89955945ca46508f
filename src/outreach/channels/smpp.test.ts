// The SMPP channel against a real SMSC on loopback (fixtures/smsc/, the smpp package's
// server): sending in GSM-7 and UCS-2, long messages, receipts, replies, throttling, a dropped and
// a dead link, wrong credentials, keep-alive, the window and the rate limit.
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  startTestSmsc,
  type TestSmsc,
  type TestSmscOptions,
} from '../../../fixtures/smsc/index.js';
import { fixedClock } from '../../platform/clock.js';
import type { DeliveryReport, InboundMessage } from './channel.js';
import {
  createSmppChannel,
  isAlphanumericSender,
  sourceAddress,
  SmppSettings,
  type SmppChannel,
  type SmppSettingsInput,
} from './smpp.js';

/** A UTF-16 string with half a surrogate pair (String#isWellFormed is ES2024, past our lib). */
const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const log = pino({ level: 'silent' });
/** The channel stamps a reply with the time its clock gives (the contact rules read it). */
const clock = fixedClock('2030-06-04T10:00:00Z');
const TO = '+31612345678';

interface Harness {
  smsc: TestSmsc;
  channel: SmppChannel;
  deliveries: DeliveryReport[];
  inbound: InboundMessage[];
}

const open: Harness[] = [];

async function harness(
  smscOptions: TestSmscOptions = {},
  settings: Partial<SmppSettingsInput> = {},
  handlers: { onInbound?: (m: InboundMessage) => Promise<void> } = {},
): Promise<Harness> {
  const smsc = await startTestSmsc(smscOptions);
  const deliveries: DeliveryReport[] = [];
  const inbound: InboundMessage[] = [];
  const channel = createSmppChannel(
    {
      host: smsc.host,
      port: smsc.port,
      systemId: 'ariadne',
      password: 'secret',
      sourceAddr: '+31970102030',
      throughputPerSecond: 1_000,
      reconnectInitialMs: 50,
      reconnectMaxMs: 200,
      throttleBackoffInitialMs: 50,
      throttleBackoffMaxMs: 100,
      bindTimeoutMs: 2_000,
      submitTimeoutMs: 2_000,
      ...settings,
    },
    {
      onDelivery: async (r) => {
        deliveries.push(r);
      },
      onInbound: handlers.onInbound ?? (async (m) => void inbound.push(m)),
    },
    log,
    clock,
  );
  const h = { smsc, channel, deliveries, inbound };
  open.push(h);
  return h;
}

afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.channel.close();
    await h.smsc.close();
  }
});

let key = 0;
const msg = (body: string, to = TO) => ({ idempotencyKey: `k${++key}`, to, body });

describe('settings', () => {
  it('derives TON/NPI from the sender and flags names', () => {
    expect(isAlphanumericSender('Hulplijn')).toBe(true);
    expect(isAlphanumericSender('+31612345678')).toBe(false);
    // The same rule as the HTTP gateways: a number written with spaces is still a number, and it
    // goes out as digits.
    expect(isAlphanumericSender('+31 6 1234 5678')).toBe(false);
    expect(sourceAddress({ sourceAddr: '+31 6 1234 5678' })).toEqual({
      addr: '31612345678',
      ton: 1,
      npi: 1,
    });
    expect(sourceAddress({ sourceAddr: 'Hulplijn' })).toEqual({ addr: 'Hulplijn', ton: 5, npi: 0 });
    expect(sourceAddress({ sourceAddr: '+31612345678' })).toEqual({
      addr: '31612345678',
      ton: 1,
      npi: 1,
    });
    expect(sourceAddress({ sourceAddr: '1234' })).toEqual({ addr: '1234', ton: 3, npi: 0 });
    expect(sourceAddress({ sourceAddr: 'Hulp', sourceTon: 0, sourceNpi: 1 })).toEqual({
      addr: 'Hulp',
      ton: 0,
      npi: 1,
    });
  });

  it('lists every invalid setting at once', () => {
    const result = SmppSettings.safeParse({
      host: '',
      systemId: 'a-very-long-system-id',
      password: 'far-too-long',
      sourceAddr: 'AnAlphaNameTooLong',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['host', 'systemId', 'password']));
  });
});

describe('SMPP channel against a loopback SMSC', () => {
  it('sends a short GSM-7 message with the sender, data_coding 0 and a receipt requested', async () => {
    const { smsc, channel } = await harness();
    const text = 'Hoi! Alles goed? Kost €5 {niks} [echt] ~ ^ | \\ @£$¥';
    const result = await channel.send(msg(text));
    expect(result).toEqual({ ok: true, providerId: smsc.received[0]?.messageId, segments: 1 });
    const [part] = smsc.received;
    expect(part).toMatchObject({
      text,
      dataCoding: 0,
      esmClass: 0,
      registeredDelivery: 1,
      destination: '31612345678',
      destTon: 1,
      destNpi: 1,
      sourceAddr: '31970102030',
      sourceTon: 1,
      sourceNpi: 1,
    });
    expect(part?.concat).toBeUndefined();
  });

  it('sends an alphanumeric sender with TON 5', async () => {
    const { smsc, channel } = await harness({}, { sourceAddr: 'Hulplijn' });
    expect((await channel.send(msg('Hallo'))).ok).toBe(true);
    expect(smsc.received[0]).toMatchObject({ sourceAddr: 'Hulplijn', sourceTon: 5, sourceNpi: 0 });
  });

  it('sends a long GSM-7 message as 3 concatenated parts, never cutting an escape pair', async () => {
    const { smsc, channel } = await harness();
    // '€' (escape + e) sits exactly across the 153-septet boundary of the first part.
    const text = `${'a'.repeat(152)}€${'b'.repeat(150)}{}${'c'.repeat(100)}`;
    const result = await channel.send(msg(text));
    expect(result.ok && result.segments).toBe(3);
    const [message] = smsc.messages();
    expect(message?.text).toBe(text);
    expect(message?.parts.map((p) => p.concat?.seq)).toEqual([1, 2, 3]);
    const refs = new Set(message?.parts.map((p) => p.concat?.ref));
    expect(refs.size).toBe(1);
    for (const part of message?.parts ?? []) {
      expect(part.esmClass & 0x40).toBe(0x40);
      expect(part.concat?.total).toBe(3);
      expect(part.text).not.toContain('\x1b');
    }
    expect(message?.parts[0]?.text).toBe('a'.repeat(152)); // '€' moved whole to part 2
    expect(result.ok && result.providerId).toBe(message?.parts[0]?.messageId);
  });

  it('sends UCS-2 with emoji, and never cuts a surrogate pair across parts', async () => {
    const { smsc, channel } = await harness();
    const short = 'Hallo 👋 hoe gaat het? Привет';
    expect((await channel.send(msg(short))).ok).toBe(true);
    expect(smsc.received[0]).toMatchObject({ text: short, dataCoding: 8 });

    const long = `${'é'.repeat(66)}😀${'ж'.repeat(60)}🙂`;
    const result = await channel.send(msg(long));
    expect(result.ok && result.segments).toBe(2);
    const message = smsc.messages()[1];
    expect(message?.text).toBe(long);
    for (const part of message?.parts ?? []) {
      expect(part.dataCoding).toBe(8);
      expect(hasLoneSurrogate(part.text)).toBe(false);
    }
  });

  it('refuses a malformed number and an over-long text without sending', async () => {
    const { smsc, channel } = await harness({}, { maxParts: 2 });
    expect(await channel.send(msg('Hoi', '06-1234'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', retryable: false },
    });
    expect(await channel.send(msg('x'.repeat(400)))).toMatchObject({
      ok: false,
      error: { code: 'rejected', retryable: false },
    });
    expect(smsc.received).toHaveLength(0);
  });

  it('maps ESME_RINVDSTADR to invalid_recipient, not retryable', async () => {
    const { channel } = await harness({ invalidDestinations: /^999/ });
    expect(await channel.send(msg('Hoi', '+9991234567'))).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_recipient',
        retryable: false,
        providerCode: expect.stringContaining('ESME_RINVDSTADR') as unknown,
      },
    });
  });

  it('turns a delivery receipt (standard text) into onDelivery', async () => {
    const { channel, deliveries } = await harness({ receiptDelayMs: 10 });
    const result = await channel.send(msg('Hoi'));
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    expect(deliveries[0]).toMatchObject({
      providerId: result.ok ? result.providerId : '',
      status: 'delivered',
      detail: expect.stringContaining('stat:DELIVRD') as unknown,
    });
    expect(deliveries[0]?.at).toBeInstanceOf(Date);
  });

  it('reports an undeliverable message from the TLVs, matching a decimal id to a hex one', async () => {
    const { channel, deliveries, smsc } = await harness({
      receipt: 'undeliverable',
      receiptFormat: 'tlv',
      receiptIdFormat: 'decimal',
    });
    const result = await channel.send(msg('Hoi'));
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    expect(smsc.received[0]?.messageId).toMatch(/[a-f]/); // really hex on the wire
    expect(deliveries[0]).toMatchObject({
      providerId: result.ok ? result.providerId : '',
      status: 'failed',
    });
  });

  it('reports a long message once, under its first part id, when every part is delivered', async () => {
    const { channel, deliveries, smsc } = await harness();
    const result = await channel.send(msg('x'.repeat(400)));
    await vi.waitFor(() => expect(smsc.stats.receiptsSent).toBe(3));
    await vi.waitFor(() => expect(deliveries).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      providerId: result.ok ? result.providerId : '',
      status: 'delivered',
    });
  });

  it('hands a reply to onInbound and answers deliver_sm_resp', async () => {
    const { smsc, channel, inbound } = await harness();
    await channel.whenBound();
    const statuses = await smsc.sendInbound({
      from: '+31687654321',
      to: '+31970102030',
      text: 'Ja {graag} €',
    });
    expect(statuses).toEqual([0]);
    expect(inbound).toEqual([
      {
        from: '+31687654321',
        to: '+31970102030',
        body: 'Ja {graag} €',
        at: clock.now(),
      },
    ]);
  });

  it('reassembles a concatenated UCS-2 reply that arrives out of order with a pair cut in two', async () => {
    const { smsc, channel, inbound } = await harness();
    await channel.whenBound();
    // 5 code units per part: the emoji's surrogates land in different parts.
    const text = 'Help mij 🙏 alstublieft, ik ben in Utrecht 🏠';
    const statuses = await smsc.sendInbound({
      from: '+31687654321',
      to: '+31970102030',
      text,
      encoding: 'ucs2',
      partSize: 5,
      reverse: true,
    });
    expect(statuses.every((s) => s === 0)).toBe(true);
    expect(inbound.map((m) => m.body)).toEqual([text]);
  });

  it('reassembles a GSM reply with an escape cut in two and a 16-bit reference', async () => {
    const { smsc, channel, inbound } = await harness();
    await channel.whenBound();
    const text = 'abcd€fgh'; // escape at septet 5, its 'e' at 6: parts of 5 cut the pair
    await smsc.sendInbound({ from: '+31687654321', to: '1234', text, partSize: 5, ref16: true });
    expect(inbound.map((m) => m.body)).toEqual([text]);
  });

  it('asks the SMSC to redeliver when the reply cannot be stored', async () => {
    let fail = true;
    const stored: string[] = [];
    const { smsc, channel } = await harness(
      {},
      {},
      {
        onInbound: async (m) => {
          if (fail) throw new Error('database down');
          stored.push(m.body);
        },
      },
    );
    await channel.whenBound();
    expect(await smsc.sendInbound({ from: '+31687654321', to: '1234', text: 'eerste' })).toEqual([
      0x64,
    ]);
    fail = false;
    expect(await smsc.sendInbound({ from: '+31687654321', to: '1234', text: 'eerste' })).toEqual([
      0,
    ]);
    expect(stored).toEqual(['eerste']);
  });

  it('returns throttled (retryable) on ESME_RTHROTTLED and ESME_RMSGQFUL, then sends', async () => {
    const { smsc, channel } = await harness();
    smsc.throttleNext(1);
    expect(await channel.send(msg('Hoi'))).toMatchObject({
      ok: false,
      error: {
        code: 'throttled',
        retryable: true,
        providerCode: expect.stringContaining('ESME_RTHROTTLED') as unknown,
      },
    });
    smsc.throttleNext(1, 0x14);
    expect(await channel.send(msg('Hoi'))).toMatchObject({
      ok: false,
      error: {
        code: 'throttled',
        providerCode: expect.stringContaining('ESME_RMSGQFUL') as unknown,
      },
    });
    const started = performance.now();
    expect((await channel.send(msg('Hoi'))).ok).toBe(true);
    // The channel paused after being throttled twice (50 ms, then 100 ms, with jitter ≥ half).
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(smsc.received).toHaveLength(1);
  });

  it('retries a throttled later part of a long message itself, so the parts stay whole', async () => {
    const { smsc, channel } = await harness();
    let submits = 0;
    // Throttle exactly the second submit_sm: part 2 of 3.
    const original = smsc.received.push.bind(smsc.received);
    smsc.received.push = (...parts) => {
      submits += parts.length;
      if (submits === 1) smsc.throttleNext(1);
      return original(...parts);
    };
    const result = await channel.send(msg('y'.repeat(400)));
    expect(result.ok && result.segments).toBe(3);
    expect(smsc.stats.throttled).toBe(1);
    expect(smsc.messages()[0]?.text).toBe('y'.repeat(400));
  });

  it('fails a pending send as unreachable when the link drops, never resends it, and rebinds', async () => {
    const { smsc, channel } = await harness({ responseDelayMs: 300 });
    await channel.whenBound();
    const pending = channel.send(msg('eerste'));
    await vi.waitFor(() => expect(smsc.received).toHaveLength(1));
    smsc.dropConnections();
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
    smsc.options.responseDelayMs = 0;
    const later = await channel.send(msg('tweede'));
    expect(later.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(smsc.received.map((p) => p.text)).toEqual(['eerste', 'tweede']);
    expect(smsc.stats.binds).toBe(2);
    expect(channel.stats().reconnects).toBeGreaterThanOrEqual(1);
  });

  it('keeps trying to bind with backoff while the SMSC is away', async () => {
    const { smsc, channel } = await harness({}, { reconnectInitialMs: 20, reconnectMaxMs: 40 });
    await channel.whenBound();
    smsc.dropConnections();
    await vi.waitFor(() => expect(smsc.stats.binds).toBe(2));
    expect(channel.stats().state).toBe('bound');
  });

  it('waits for an SMSC that is down at start, failing sends meanwhile as unreachable', async () => {
    const probe = await startTestSmsc();
    const port = probe.port;
    await probe.close();
    const channel = createSmppChannel(
      {
        host: '127.0.0.1',
        port,
        systemId: 'ariadne',
        password: 'secret',
        sourceAddr: 'Hulplijn',
        reconnectInitialMs: 20,
        reconnectMaxMs: 50,
        bindTimeoutMs: 300,
      },
      { onDelivery: async () => undefined, onInbound: async () => undefined },
      log,
      clock,
    );
    let smsc: TestSmsc | undefined;
    try {
      expect(await channel.send(msg('Hoi'))).toMatchObject({
        ok: false,
        error: { code: 'unreachable', retryable: true },
      });
      smsc = await startTestSmsc({ port });
      await channel.whenBound(2_000);
      expect((await channel.send(msg('Hoi'))).ok).toBe(true);
      expect(smsc.received).toHaveLength(1);
    } finally {
      await channel.close();
      await smsc?.close();
    }
  });

  it('reports auth_failed (not retryable) for a wrong password', async () => {
    const { smsc, channel } = await harness({ password: 'other' });
    await expect(channel.whenBound()).rejects.toMatchObject({ code: 'auth_failed' });
    expect(await channel.send(msg('Hoi'))).toMatchObject({
      ok: false,
      error: {
        code: 'auth_failed',
        retryable: false,
        providerCode: expect.stringContaining('ESME_RINVPASWD') as unknown,
      },
    });
    expect(smsc.stats.failedBinds).toBeGreaterThanOrEqual(1);
    expect(smsc.received).toHaveLength(0);
  });

  it('keeps an idle session alive with enquire_link, and answers the SMSC’s', async () => {
    const { smsc, channel } = await harness({}, { enquireLinkIntervalMs: 100 });
    await channel.whenBound();
    await vi.waitFor(() => expect(smsc.stats.enquireLinks).toBeGreaterThanOrEqual(3));
    expect(await smsc.enquireLink()).toBe(1);
    expect(smsc.stats.binds).toBe(1);
    expect((await channel.send(msg('nog steeds hier'))).ok).toBe(true);
  });

  it('drops a dead link that no longer answers enquire_link and binds again', async () => {
    const { smsc, channel } = await harness(
      {},
      { enquireLinkIntervalMs: 100, enquireLinkTimeoutMs: 150 },
    );
    await channel.whenBound();
    smsc.silenceOpenSessions();
    await vi.waitFor(() => expect(smsc.stats.binds).toBe(2), { timeout: 2_000 });
    expect(channel.stats().reconnects).toBe(1);
    expect((await channel.send(msg('weer verbonden'))).ok).toBe(true);
  });

  it('never has more than the window outstanding under 100 concurrent sends', async () => {
    const { smsc, channel } = await harness(
      { window: 10, responseDelayMs: 15 },
      { windowSize: 10 },
    );
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => channel.send(msg(`bericht ${i}`))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(smsc.received).toHaveLength(100);
    expect(smsc.stats.windowRejections).toBe(0);
    expect(smsc.stats.maxOutstanding).toBeLessThanOrEqual(10);
    expect(smsc.stats.maxOutstanding).toBeGreaterThanOrEqual(5); // the window is really used
    expect(channel.stats().highWater).toBe(10);
  });

  it('keeps to the messages-per-second limit', async () => {
    const { smsc, channel } = await harness({}, { throughputPerSecond: 40 });
    await channel.whenBound();
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => channel.send(msg(`m${i}`))));
    const seconds = (performance.now() - started) / 1000;
    expect(smsc.received).toHaveLength(20);
    // 1 token to start, then 40/s: 19 more need ≥ 475 ms.
    expect(seconds).toBeGreaterThanOrEqual(0.45);
  });

  it('sends a key once even when asked twice', async () => {
    const { smsc, channel } = await harness();
    const message = msg('eenmalig');
    const [a, b] = await Promise.all([channel.send(message), channel.send(message)]);
    const c = await channel.send(message);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(smsc.received).toHaveLength(1);
  });

  it('unbinds on close and refuses sends afterwards', async () => {
    const { smsc, channel } = await harness();
    await channel.whenBound();
    await channel.close();
    expect(smsc.stats.unbinds).toBe(1);
    expect(channel.stats().state).toBe('closed');
    expect(await channel.send(msg('te laat'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });
});
