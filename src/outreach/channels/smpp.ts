// SMS over SMPP 3.4 (the `smpp` package) as a Channel: one bind_transceiver session that sends
// submit_sm (GSM-7 or UCS-2, long texts as concatenated parts), takes delivery receipts and replies
// as deliver_sm, keeps the link alive with enquire_link both ways, and rebinds with backoff when the
// link drops. Flow control follows the SMSC's contract: a window of outstanding submit_sm and a
// messages-per-second token bucket; ESME_RTHROTTLED / ESME_RMSGQFUL also pause sending for a while.
//
// What the channel never does: resend a submit_sm whose answer it did not get (connection lost,
// timeout). The SMSC may have accepted it; the send job decides, with its idempotency key.
// Logs carry ids, states and error codes, never a number or a message text.
import type { Logger } from 'pino';
import smpp from 'smpp';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import { MAX_SMS_INPUT, smsInfo, splitSms } from '../domain/sms-encoding.js';
import type {
  Channel,
  ChannelEvents,
  DeliveryStatus,
  OutboundMessage,
  SendError,
  SendErrorCode,
  SendResult,
} from './channel.js';
import {
  concatUdh,
  decodeUcs2,
  encodeGsm7,
  encodeUcs2,
  joinGsmEscapes,
  packGsm7,
  readConcat,
} from './smpp-encoding.js';
import { isAlphanumericSender } from './http-gateway.js';
import { backoffDelay, ClosedError, TokenBucket, Window } from './smpp-limits.js';
import {
  alternativeIds,
  parseReceiptText,
  statusFromMessageState,
  statusFromStat,
} from './smpp-receipt.js';

/** A sender that is not a number (a name like "Hulplijn"): TON 5, and nobody can reply to it. */
export { isAlphanumericSender };

const Ms = (min: number, max: number, fallback: number) =>
  z.number().int().min(min).max(max).default(fallback);
const Ton = z.number().int().min(0).max(6);
const Npi = z.number().int().min(0).max(18);

export const SmppSettings = z
  .object({
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65535).default(2775),
    /** SMPP 3.4 caps system_id at 15 and password at 8 characters. */
    systemId: z.string().min(1).max(15),
    password: z.string().max(8),
    systemType: z.string().max(12).default(''),
    serviceType: z.string().max(5).default(''),
    /** Our number (E.164, with or without '+'), a short code, or a name of at most 11 characters. */
    sourceAddr: z.string().trim().min(1).max(20),
    /** Derived from sourceAddr when absent: 5/0 for a name, 1/1 for a full number, 3/0 short code. */
    sourceTon: Ton.optional(),
    sourceNpi: Npi.optional(),
    /** Recipients are E.164 numbers: international, ISDN. */
    destTon: Ton.default(1),
    destNpi: Npi.default(1),
    /** Most submit_sm awaiting their submit_sm_resp at once (the SMSC's window). */
    windowSize: z.number().int().min(1).max(1000).default(10),
    /** submit_sm per second (each part of a long message counts); the account's contracted rate. */
    throughputPerSecond: z.number().positive().max(10_000).default(30),
    /** Tokens the bucket may save up; 1 spaces submits evenly. */
    throughputBurst: z.number().int().min(1).max(1000).default(1),
    enquireLinkIntervalMs: Ms(100, 600_000, 30_000),
    /** No enquire_link_resp within this: the link is dead, drop it and rebind. */
    enquireLinkTimeoutMs: Ms(100, 120_000, 10_000),
    reconnectInitialMs: Ms(10, 600_000, 1_000),
    reconnectMaxMs: Ms(10, 3_600_000, 60_000),
    /** From opening the socket to bind_transceiver_resp; also how long a send waits for a bind. */
    bindTimeoutMs: Ms(100, 120_000, 10_000),
    submitTimeoutMs: Ms(100, 300_000, 30_000),
    /** Pause after ESME_RTHROTTLED / ESME_RMSGQFUL, doubling while it goes on. */
    throttleBackoffInitialMs: Ms(10, 600_000, 1_000),
    throttleBackoffMaxMs: Ms(10, 3_600_000, 30_000),
    /** How data_coding 0 travels: one septet per octet (most SMSCs) or packed 7-bit. */
    gsm7Packing: z.enum(['unpacked', 'packed']).default('unpacked'),
    /** Longest message in parts; longer texts are refused before anything is sent. */
    maxParts: z.number().int().min(1).max(255).default(10),
    /** Relative validity: a first contact that arrives a day late can do harm. Absent: SMSC's. */
    validityMinutes: z
      .number()
      .int()
      .min(1)
      .max(99 * 24 * 60)
      .optional(),
    /** An inbound long message whose parts do not all arrive is handed over incomplete after this. */
    inboundPartsTimeoutMs: Ms(1_000, 86_400_000, 300_000),
  })
  .superRefine((s, ctx) => {
    if (isAlphanumericSender(s.sourceAddr) && s.sourceAddr.length > 11) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceAddr'],
        message: 'an alphanumeric sender has at most 11 characters',
      });
    }
    if (s.reconnectMaxMs < s.reconnectInitialMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['reconnectMaxMs'],
        message: 'below reconnectInitialMs',
      });
    }
  });
export type SmppSettings = z.infer<typeof SmppSettings>;
export type SmppSettingsInput = z.input<typeof SmppSettings>;

export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

/** The source address with TON/NPI as the SMSC wants them. */
export function sourceAddress(
  s: Pick<SmppSettings, 'sourceAddr' | 'sourceTon' | 'sourceNpi'>,
): SmppAddress {
  const raw = s.sourceAddr.trim();
  let derived: SmppAddress;
  if (isAlphanumericSender(raw)) derived = { addr: raw, ton: 5, npi: 0 };
  else if (!raw.startsWith('+') && raw.length <= 6)
    derived = { addr: raw.replace(/\D/g, ''), ton: 3, npi: 0 };
  else derived = { addr: raw.replace(/[\s\-().]/g, '').replace(/^\+/, ''), ton: 1, npi: 1 };
  return { addr: derived.addr, ton: s.sourceTon ?? derived.ton, npi: s.sourceNpi ?? derived.npi };
}

export type SmppState = 'connecting' | 'bound' | 'waiting' | 'closing' | 'closed';

export interface SmppStats {
  state: SmppState;
  /** submit_sm awaiting their response now, and the most ever at once. */
  outstanding: number;
  highWater: number;
  submitted: number;
  binds: number;
  reconnects: number;
}

export interface SmppChannel extends Channel {
  readonly kind: 'smpp';
  /** Resolves once bound; rejects with the bind error (auth_failed) or after `timeoutMs`. */
  whenBound(timeoutMs?: number): Promise<void>;
  stats(): SmppStats;
}

const ESME = {
  ROK: 0x00,
  RMSGQFUL: 0x14,
  RTHROTTLED: 0x58,
  RX_T_APPN: 0x64,
} as const;

const ERROR_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

const providerCode = (status: number): string =>
  `${ERROR_NAMES.get(status) ?? 'ESME'} (0x${status.toString(16).padStart(8, '0')})`;

/** submit_sm_resp status → what the send job should know; anything unlisted is provider_error. */
const SUBMIT_ERRORS: ReadonlyMap<number, { code: SendErrorCode; retryable: boolean }> = new Map([
  [0x14, { code: 'throttled', retryable: true }], // ESME_RMSGQFUL
  [0x58, { code: 'throttled', retryable: true }], // ESME_RTHROTTLED
  [0x0b, { code: 'invalid_recipient', retryable: false }], // ESME_RINVDSTADR
  [0x50, { code: 'invalid_recipient', retryable: false }], // ESME_RINVDSTTON
  [0x51, { code: 'invalid_recipient', retryable: false }], // ESME_RINVDSTNPI
  [0x04, { code: 'unreachable', retryable: true }], // ESME_RINVBNDSTS: we are not bound after all
  [0x08, { code: 'provider_error', retryable: true }], // ESME_RSYSERR
  [0x45, { code: 'provider_error', retryable: true }], // ESME_RSUBMITFAIL
  [0x64, { code: 'provider_error', retryable: true }], // ESME_RX_T_APPN (temporary)
  [0x01, { code: 'rejected', retryable: false }], // ESME_RINVMSGLEN
  [0x0a, { code: 'rejected', retryable: false }], // ESME_RINVSRCADR
  [0x43, { code: 'rejected', retryable: false }], // ESME_RINVESMCLASS
  [0x48, { code: 'rejected', retryable: false }], // ESME_RINVSRCTON
  [0x49, { code: 'rejected', retryable: false }], // ESME_RINVSRCNPI
  [0x62, { code: 'rejected', retryable: false }], // ESME_RINVEXPIRY
  [0x65, { code: 'rejected', retryable: false }], // ESME_RX_P_APPN (permanent)
  [0x66, { code: 'rejected', retryable: false }], // ESME_RX_R_APPN (reject)
  [0x101, { code: 'rejected', retryable: false }], // ESME_RPROHIBITED
  [0x104, { code: 'rejected', retryable: false }], // ESME_RINVDCS
]);

/** bind_*_resp statuses that mean our credentials or account are wrong, not the network. */
const AUTH_FAILURES = new Set([0x0d, 0x0e, 0x0f, 0x53]); // RBINDFAIL, RINVPASWD, RINVSYSID, RINVSYSTYP

const fail = (
  code: SendErrorCode,
  message: string,
  retryable: boolean,
  provider?: string,
): SendResult => ({
  ok: false,
  error: { code, message, retryable, ...(provider ? { providerCode: provider } : {}) },
});

/** E.164 with or without '+': 7 to 15 digits, no leading zero. */
const E164 = /^\+?[1-9]\d{6,14}$/;

/** Relative SMPP time (YYMMDDhhmmss) for a validity in minutes; the package adds "000R". */
function relativeValidity(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `0000${two(days)}${two(hours)}${two(mins)}00`;
}

interface InFlight {
  session: smpp.Session;
  settle: (outcome: Outcome) => void;
}

type Outcome =
  | { kind: 'resp'; pdu: smpp.Pdu }
  | { kind: 'timeout' }
  | { kind: 'lost' }
  | { kind: 'error'; err: unknown };

type PartResult = { ok: true; messageId: string } | { ok: false; error: SendError };

/** One sent message as receipts see it: its parts' ids, which are in, and whether it was reported. */
interface ReceiptGroup {
  providerId: string;
  parts: number;
  delivered: Set<string>;
  reported: boolean;
}

interface InboundAssembly {
  from: string;
  to: string;
  total: number;
  gsm: boolean;
  parts: Map<number, string>;
  timer: NodeJS.Timeout;
  delivering: boolean;
}

/** How many sent parts are remembered for matching receipts and how many messages for idempotency. */
const MAX_TRACKED_PARTS = 100_000;
const MAX_REMEMBERED_SENDS = 10_000;
const MAX_INBOUND_ASSEMBLIES = 1_000;
const CLOSE_GRACE_MS = 5_000;

const idKey = (id: string): string =>
  id
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '');

class SmppChannelImpl implements SmppChannel {
  readonly kind = 'smpp' as const;
  private session: smpp.Session | undefined;
  private state: SmppState = 'connecting';
  private attempt = 0;
  private throttleAttempt = 0;
  private lastBindError: SendError | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private readonly bindWaiters = new Set<(err: SendError | undefined) => void>();
  private readonly inflight = new Set<InFlight>();
  private readonly window: Window;
  private readonly bucket: TokenBucket;
  private readonly source: SmppAddress;
  private ref = Math.floor(Math.random() * 256);
  private readonly receipts = new Map<string, ReceiptGroup>();
  private readonly sends = new Map<string, Promise<SendResult>>();
  private readonly assemblies = new Map<string, InboundAssembly>();
  private counters = { submitted: 0, binds: 0, reconnects: 0 };

  constructor(
    private readonly settings: SmppSettings,
    private readonly events: ChannelEvents,
    private readonly log: Logger,
    /** When a reply arrived (the contact rules read it); a receipt without a done date too. */
    private readonly clock: Clock,
  ) {
    this.window = new Window(settings.windowSize);
    this.bucket = new TokenBucket(settings.throughputPerSecond, settings.throughputBurst);
    this.source = sourceAddress(settings);
    this.connect();
  }

  stats(): SmppStats {
    return {
      state: this.state,
      outstanding: this.window.outstanding,
      highWater: this.window.highWater,
      ...this.counters,
    };
  }

  async whenBound(timeoutMs = this.settings.bindTimeoutMs): Promise<void> {
    const err = await this.waitBound(timeoutMs);
    if (err) throw Object.assign(new Error(err.message), { code: err.code });
  }

  send(message: OutboundMessage): Promise<SendResult> {
    // Within this process a key is sent once: a concurrent or later call with the same key gets the
    // same result. Failures are forgotten, so the send job may try again.
    const known = this.sends.get(message.idempotencyKey);
    if (known) return known;
    const result = this.sendOnce(message)
      .catch((err: unknown): SendResult => {
        this.log.error({ err: String(err) }, 'smpp: send failed unexpectedly');
        return fail('provider_error', 'The message could not be sent (internal error)', false);
      })
      .then((r) => {
        if (!r.ok) this.sends.delete(message.idempotencyKey);
        return r;
      });
    this.sends.set(message.idempotencyKey, result);
    if (this.sends.size > MAX_REMEMBERED_SENDS) {
      const oldest = this.sends.keys().next().value;
      if (oldest !== undefined) this.sends.delete(oldest);
    }
    return result;
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  // ---- connection ----------------------------------------------------------------------------

  private connect(): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    this.state = 'connecting';
    const s = this.settings;
    const session = smpp.connect({ host: s.host, port: s.port });
    this.session = session;
    const bindTimer = setTimeout(() => {
      this.log.warn({ host: s.host, port: s.port }, 'smpp: no bind within the bind timeout');
      session.destroy();
    }, s.bindTimeoutMs);

    session.on('connect', () => {
      session.bind_transceiver(
        {
          system_id: s.systemId,
          password: s.password,
          system_type: s.systemType,
          interface_version: 0x34,
          addr_ton: this.source.ton,
          addr_npi: this.source.npi,
          address_range: '',
        },
        (pdu) => {
          clearTimeout(bindTimer);
          if (session !== this.session) return;
          if (pdu.command_status === ESME.ROK) this.bound(session);
          else {
            this.bindFailed(pdu.command_status);
            session.destroy();
          }
        },
      );
    });
    // The package emits 'error' and then 'close'; after a PDU it cannot parse it stops reading,
    // so the socket is dropped and a fresh bind started.
    session.on('error', (err: Error) => {
      this.log.warn({ err: err.message }, 'smpp: session error');
      session.destroy();
    });
    session.on('close', () => {
      clearTimeout(bindTimer);
      this.sessionClosed(session);
    });
    session.on('deliver_sm', (pdu: smpp.Pdu) => this.deliverSm(session, pdu));
    session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.Pdu) => {
      this.log.info('smpp: the SMSC unbinds');
      session.send(pdu.response());
      session.close();
    });
    session.on('unknown', (pdu: smpp.Pdu) => session.send(pdu.response()));
  }

  private bound(session: smpp.Session): void {
    this.state = 'bound';
    this.attempt = 0;
    this.lastBindError = undefined;
    this.counters.binds++;
    this.log.info({ host: this.settings.host, port: this.settings.port }, 'smpp: bound');
    for (const waiter of [...this.bindWaiters]) waiter(undefined);
    clearInterval(this.enquireTimer);
    this.enquireTimer = setInterval(
      () => this.enquireLink(session),
      this.settings.enquireLinkIntervalMs,
    );
  }

  private enquireLink(session: smpp.Session): void {
    const timer = setTimeout(() => {
      this.log.warn('smpp: no enquire_link_resp; dropping the link');
      session.destroy();
    }, this.settings.enquireLinkTimeoutMs);
    if (!session.enquire_link({}, () => clearTimeout(timer))) clearTimeout(timer);
  }

  private bindFailed(status: number): void {
    const auth = AUTH_FAILURES.has(status);
    this.lastBindError = {
      code: auth ? 'auth_failed' : 'unreachable',
      providerCode: providerCode(status),
      message: auth ? 'The SMSC refused our credentials' : 'The SMSC refused the bind',
      retryable: !auth,
    };
    this.log.error({ status: providerCode(status) }, 'smpp: bind refused');
    // Waiting sends learn at once that the credentials are wrong; other refusals may pass.
    if (auth) for (const waiter of [...this.bindWaiters]) waiter(this.lastBindError);
  }

  private sessionClosed(session: smpp.Session): void {
    if (session !== this.session) return;
    this.session = undefined;
    clearInterval(this.enquireTimer);
    this.enquireTimer = undefined;
    for (const entry of [...this.inflight])
      if (entry.session === session) entry.settle({ kind: 'lost' });
    if (this.state === 'closing' || this.state === 'closed') return;
    const delay = backoffDelay(
      { initialMs: this.settings.reconnectInitialMs, maxMs: this.settings.reconnectMaxMs },
      this.attempt++,
    );
    this.state = 'waiting';
    this.counters.reconnects++;
    this.log.warn({ delayMs: Math.round(delay) }, 'smpp: link lost; reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  /** Undefined once bound; the error to return if the bind does not come in time. */
  private waitBound(timeoutMs: number): Promise<SendError | undefined> {
    if (this.state === 'closing' || this.state === 'closed') return Promise.resolve(closedError());
    if (this.state === 'bound') return Promise.resolve(undefined);
    if (this.lastBindError?.code === 'auth_failed') return Promise.resolve(this.lastBindError);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiter(
          this.lastBindError ?? {
            code: 'unreachable',
            message: `Not bound to the SMSC within ${timeoutMs} ms`,
            retryable: true,
          },
        );
      }, timeoutMs);
      const waiter = (err: SendError | undefined): void => {
        clearTimeout(timer);
        this.bindWaiters.delete(waiter);
        resolve(err);
      };
      this.bindWaiters.add(waiter);
    });
  }

  private async shutdown(): Promise<void> {
    this.state = 'closing';
    clearTimeout(this.reconnectTimer);
    for (const waiter of [...this.bindWaiters]) waiter(closedError());
    this.window.failWaiters(new ClosedError());
    this.bucket.close();
    // Messages already submitted get their answer (or their timeout) before we unbind.
    const deadline = Date.now() + CLOSE_GRACE_MS;
    while (this.inflight.size > 0 && Date.now() < deadline) await sleep(20);
    const session = this.session;
    clearInterval(this.enquireTimer);
    if (session) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        if (!session.unbind({}, done)) done();
      });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => session.destroy(), 2_000);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        if (session.socket.destroyed) done();
        else session.close(done);
      });
    }
    this.session = undefined;
    // Parts of a reply that never completed are still a reply: hand over what came.
    for (const key of [...this.assemblies.keys()]) await this.flushAssembly(key);
    this.state = 'closed';
    this.log.info('smpp: closed');
  }

  // ---- sending -------------------------------------------------------------------------------

  private async sendOnce(message: OutboundMessage): Promise<SendResult> {
    if (this.state === 'closing' || this.state === 'closed')
      return { ok: false, error: closedError() };
    if (!E164.test(message.to.trim()))
      return fail('invalid_recipient', 'The recipient is not an international phone number', false);
    if (message.body.length === 0) return fail('rejected', 'The message is empty', false);
    const info = message.body.length <= MAX_SMS_INPUT ? smsInfo(message.body) : undefined;
    if (!info || info.segments > this.settings.maxParts) {
      return fail(
        'rejected',
        `The message needs ${info?.segments ?? 'too many'} SMS parts; this channel allows ${this.settings.maxParts}`,
        false,
      );
    }
    const encoding = info.encoding === 'UCS-2' ? 'ucs2' : 'gsm7';
    const parts = splitSms(message.body);
    const destination = message.to.trim().replace(/^\+/, '');
    const total = parts.length;
    const ref = total > 1 ? (this.ref = (this.ref + 1) & 0xff) : 0;
    const ids: string[] = [];
    // Receipts can come in before the last part is answered (even in the same read as a part's
    // submit_sm_resp), so each part id is registered the moment the SMSC answers it.
    const group: ReceiptGroup = {
      providerId: '',
      parts: total,
      delivered: new Set(),
      reported: false,
    };
    const accepted = (id: string): void => {
      if (!group.providerId) group.providerId = id;
      this.trackPart(id, group);
    };
    for (const [i, text] of parts.entries()) {
      const udh = total > 1 ? concatUdh(ref, total, i + 1) : undefined;
      const options = this.submitOptions(destination, encoding, text, udh);
      const result = await this.submitPart(options, i > 0, accepted);
      if (!result.ok) {
        if (ids.length > 0) {
          this.log.warn(
            { providerId: ids[0], part: i + 1, total },
            'smpp: long message sent in part only',
          );
          return {
            ok: false,
            error: {
              ...result.error,
              message: `Part ${i + 1} of ${total}: ${result.error.message}`,
            },
          };
        }
        return { ok: false, error: result.error };
      }
      ids.push(result.messageId);
    }
    return { ok: true, providerId: ids[0] ?? '', segments: total };
  }

  private submitOptions(
    destination: string,
    encoding: 'gsm7' | 'ucs2',
    text: string,
    udh: Buffer | undefined,
  ): smpp.PduOptions {
    let body: Buffer;
    if (encoding === 'ucs2') body = encodeUcs2(text);
    else if (this.settings.gsm7Packing === 'packed') {
      // The first septet after the UDH starts on a septet boundary: fill bits after the UDH.
      const fill = udh ? (7 - ((udh.length * 8) % 7)) % 7 : 0;
      body = packGsm7(encodeGsm7(text), fill);
    } else body = encodeGsm7(text);
    const s = this.settings;
    return {
      service_type: s.serviceType,
      source_addr_ton: this.source.ton,
      source_addr_npi: this.source.npi,
      source_addr: this.source.addr,
      dest_addr_ton: s.destTon,
      dest_addr_npi: s.destNpi,
      destination_addr: destination,
      esm_class: udh ? 0x40 : 0x00,
      registered_delivery: 1,
      data_coding: encoding === 'ucs2' ? 0x08 : 0x00,
      // A Buffer goes out as is: the package would otherwise re-encode and guess data_coding.
      short_message: udh ? Buffer.concat([udh, body]) : body,
      ...(s.validityMinutes ? { validity_period: relativeValidity(s.validityMinutes) } : {}),
    };
  }

  /**
   * A later part of a long message that the SMSC throttles is tried again after the pause: the
   * SMSC said it did not take it, and without it the parts already sent are useless.
   */
  private async submitPart(
    options: smpp.PduOptions,
    continuation: boolean,
    accepted: (messageId: string) => void,
  ): Promise<PartResult> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.submitOnce(options, accepted);
      if (result.ok || !continuation || result.error.code !== 'throttled' || attempt >= 5)
        return result;
    }
  }

  private async submitOnce(
    options: smpp.PduOptions,
    accepted: (messageId: string) => void,
  ): Promise<PartResult> {
    let release: (() => void) | undefined;
    try {
      const notBound = await this.waitBound(this.settings.bindTimeoutMs);
      if (notBound) return { ok: false, error: notBound };
      release = await this.window.acquire();
      await this.bucket.take();
      // The link may have dropped while we queued; nothing was sent yet, so wait for the rebind.
      const again = await this.waitBound(this.settings.bindTimeoutMs);
      if (again) return { ok: false, error: again };
      const session = this.session;
      if (!session) return { ok: false, error: lostError() };
      this.counters.submitted++;
      return this.outcomeToResult(await this.request(session, options, accepted));
    } catch (err) {
      if (err instanceof ClosedError) return { ok: false, error: closedError() };
      throw err;
    } finally {
      release?.();
    }
  }

  private request(
    session: smpp.Session,
    options: smpp.PduOptions,
    accepted: (messageId: string) => void,
  ): Promise<Outcome> {
    return new Promise((resolve) => {
      let done = false;
      const entry: InFlight = {
        session,
        settle: (outcome) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          this.inflight.delete(entry);
          resolve(outcome);
        },
      };
      const timer = setTimeout(
        () => entry.settle({ kind: 'timeout' }),
        this.settings.submitTimeoutMs,
      );
      this.inflight.add(entry);
      try {
        const pdu = new smpp.PDU('submit_sm', options);
        const onResponse = (resp: smpp.Pdu): void => {
          if (!done && resp.command_status === ESME.ROK) accepted(resp.message_id ?? '');
          entry.settle({ kind: 'resp', pdu: resp });
        };
        if (!session.send(pdu, onResponse)) entry.settle({ kind: 'lost' });
      } catch (err) {
        entry.settle({ kind: 'error', err });
      }
    });
  }

  private outcomeToResult(outcome: Outcome): PartResult {
    switch (outcome.kind) {
      case 'lost':
        return { ok: false, error: lostError() };
      case 'timeout':
        return {
          ok: false,
          error: {
            code: 'timeout',
            message: `No answer from the SMSC within ${this.settings.submitTimeoutMs} ms; it may have taken the message`,
            retryable: true,
          },
        };
      case 'error':
        this.log.error({ err: String(outcome.err) }, 'smpp: could not encode submit_sm');
        return {
          ok: false,
          error: {
            code: 'provider_error',
            message: 'The message could not be encoded',
            retryable: false,
          },
        };
      case 'resp':
        break;
    }
    const status = outcome.pdu.command_status;
    if (status === ESME.ROK) {
      this.throttleAttempt = 0;
      const messageId = outcome.pdu.message_id ?? '';
      if (!messageId) this.log.warn('smpp: submit_sm_resp without a message_id');
      return { ok: true, messageId };
    }
    const known = SUBMIT_ERRORS.get(status) ?? {
      code: 'provider_error' as const,
      retryable: false,
    };
    if (known.code === 'throttled') {
      const pause = backoffDelay(
        {
          initialMs: this.settings.throttleBackoffInitialMs,
          maxMs: this.settings.throttleBackoffMaxMs,
        },
        this.throttleAttempt++,
      );
      this.bucket.pauseUntil(performance.now() + pause);
      this.log.warn(
        { status: providerCode(status), pauseMs: Math.round(pause) },
        'smpp: throttled',
      );
    }
    if (status === 0x04) this.session?.destroy(); // the SMSC thinks we are not bound: rebind
    return {
      ok: false,
      error: {
        code: known.code,
        providerCode: providerCode(status),
        message: `The SMSC refused the message: ${providerCode(status)}`,
        retryable: known.retryable,
      },
    };
  }

  // ---- receipts and inbound ------------------------------------------------------------------

  private trackPart(id: string, group: ReceiptGroup): void {
    if (id) this.receipts.set(idKey(id), group);
    while (this.receipts.size > MAX_TRACKED_PARTS) {
      const oldest = this.receipts.keys().next().value;
      if (oldest === undefined) break;
      this.receipts.delete(oldest);
    }
  }

  private findGroup(id: string): { key: string; group: ReceiptGroup } | undefined {
    for (const candidate of [id, ...alternativeIds(id)]) {
      const key = idKey(candidate);
      const group = this.receipts.get(key);
      if (group) return { key, group };
    }
    return undefined;
  }

  /** Always answers, after the event handler: an error asks the SMSC to deliver it again later. */
  private deliverSm(session: smpp.Session, pdu: smpp.Pdu): void {
    this.handleDeliverSm(pdu).then(
      () => session.send(pdu.response()),
      (err: unknown) => {
        this.log.error({ err: String(err) }, 'smpp: deliver_sm not handled; asking for redelivery');
        session.send(pdu.response({ command_status: ESME.RX_T_APPN }));
      },
    );
  }

  private async handleDeliverSm(pdu: smpp.Pdu): Promise<void> {
    const type = (pdu.esm_class ?? 0) & 0x3c;
    if (type === 0x04 || type === 0x20) return this.receipt(pdu);
    if (type !== 0x00) return; // delivery / user acknowledgements: nothing to record
    return this.inbound(pdu);
  }

  private async receipt(pdu: smpp.Pdu): Promise<void> {
    const parsed = parseReceiptText(messageText(pdu).text);
    const id = pdu.receipted_message_id || parsed.id;
    if (!id) {
      this.log.warn('smpp: delivery receipt without a message id');
      return;
    }
    const status =
      statusFromMessageState(pdu.message_state) ?? statusFromStat(parsed.stat) ?? 'unknown';
    if (status === 'pending') return;
    const found = this.findGroup(id);
    const at = parsed.doneDate ?? this.clock.now();
    const detail = [
      parsed.stat ? `stat:${parsed.stat}` : undefined,
      parsed.err ? `err:${parsed.err}` : undefined,
      pdu.network_error_code?.length
        ? `network_error:${pdu.network_error_code.toString('hex')}`
        : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    const report = (providerId: string, s: DeliveryStatus) =>
      this.events.onDelivery({ providerId, status: s, at, ...(detail ? { detail } : {}) });

    // After a restart, or past what is remembered, the receipt goes on as the SMSC sent it.
    if (!found) return report(id, status);
    const { key, group } = found;
    if (group.reported) return; // a repeated receipt, or a later part of a reported message
    if (status === 'delivered') {
      group.delivered.add(key);
      if (group.delivered.size < group.parts) return;
    }
    group.reported = true;
    try {
      await report(group.providerId, status);
    } catch (err) {
      group.reported = false;
      group.delivered.delete(key);
      throw err;
    }
  }

  private async inbound(pdu: smpp.Pdu): Promise<void> {
    const from = formatAddress(pdu.source_addr ?? '', pdu.source_addr_ton ?? 0);
    const to = formatAddress(pdu.destination_addr ?? '', pdu.dest_addr_ton ?? 0);
    const { text, gsm, concat } = messageText(pdu);
    if (!concat || concat.total <= 1) {
      await this.events.onInbound({
        from,
        to,
        body: gsm ? joinGsmEscapes(text) : text,
        at: this.clock.now(),
      });
      return;
    }
    const key = `${from}|${to}|${concat.ref}|${concat.total}`;
    let assembly = this.assemblies.get(key);
    if (!assembly) {
      if (this.assemblies.size >= MAX_INBOUND_ASSEMBLIES) {
        const oldest = this.assemblies.keys().next().value;
        if (oldest !== undefined) await this.flushAssembly(oldest);
      }
      assembly = {
        from,
        to,
        total: concat.total,
        gsm,
        parts: new Map(),
        delivering: false,
        timer: setTimeout(() => void this.flushAssembly(key), this.settings.inboundPartsTimeoutMs),
      };
      this.assemblies.set(key, assembly);
    }
    assembly.parts.set(concat.seq, text);
    if (assembly.parts.size < assembly.total || assembly.delivering) return;
    assembly.delivering = true;
    try {
      await this.events.onInbound({ from, to, body: assembled(assembly), at: this.clock.now() });
      clearTimeout(assembly.timer);
      this.assemblies.delete(key);
    } finally {
      assembly.delivering = false;
    }
  }

  /** Hands over an incomplete long reply, missing parts marked, rather than lose it. */
  private async flushAssembly(key: string): Promise<void> {
    const assembly = this.assemblies.get(key);
    if (!assembly || assembly.delivering) return;
    clearTimeout(assembly.timer);
    this.assemblies.delete(key);
    this.log.warn(
      { parts: assembly.parts.size, total: assembly.total },
      'smpp: inbound message incomplete',
    );
    try {
      await this.events.onInbound({
        from: assembly.from,
        to: assembly.to,
        body: assembled(assembly),
        at: this.clock.now(),
      });
    } catch (err) {
      this.log.error(
        { err: String(err) },
        'smpp: incomplete inbound message could not be handed over',
      );
    }
  }
}

function assembled(a: InboundAssembly): string {
  const texts: string[] = [];
  for (let seq = 1; seq <= a.total; seq++) texts.push(a.parts.get(seq) ?? '[…]');
  const joined = texts.join('');
  return a.gsm ? joinGsmEscapes(joined) : joined;
}

/**
 * The text of a deliver_sm as the package decoded it (GSM for data_coding 0/1, Latin-1, UCS-2),
 * with its concatenation header. Lone surrogates at the end of a UCS-2 part survive decoding, so
 * parts joined in order give back a character a sender split between two parts.
 */
function messageText(pdu: smpp.Pdu): {
  text: string;
  gsm: boolean;
  concat: ReturnType<typeof readConcat>;
} {
  const dc = (pdu.data_coding ?? 0) & 0x0f;
  const decoded =
    pdu.short_message && pdu.short_message.message.length > 0
      ? pdu.short_message
      : (pdu.message_payload ?? pdu.short_message);
  const raw = decoded?.message ?? '';
  const text =
    typeof raw === 'string' ? raw : dc === 0x08 ? decodeUcs2(raw) : raw.toString('latin1');
  return { text, gsm: dc <= 1, concat: readConcat(decoded?.udh ?? []) };
}

function formatAddress(addr: string, ton: number): string {
  return ton === 1 && /^\d+$/.test(addr) ? `+${addr}` : addr;
}

function closedError(): SendError {
  return { code: 'unreachable', message: 'The SMPP channel is closed', retryable: true };
}

function lostError(): SendError {
  return {
    code: 'unreachable',
    message: 'The link to the SMSC dropped before it answered; it may have taken the message',
    retryable: true,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds an SMPP channel and starts binding at once (receipts and replies arrive whether or not we
 * send). Throws a ZodError listing every problem when the settings are invalid.
 */
export function createSmppChannel(
  settings: SmppSettingsInput,
  events: ChannelEvents,
  log: Logger,
  clock: Clock,
): SmppChannel {
  return new SmppChannelImpl(SmppSettings.parse(settings), events, log, clock);
}
