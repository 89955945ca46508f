// One interface for every channel a message can travel: SMPP, HTTP SMS gateways, WhatsApp Cloud
// API, e-mail, and manual sending. A channel sends, reports delivery, and hands over inbound
// messages; the outreach context decides what may be sent and keeps the record.

export const CHANNEL_KINDS = [
  'smpp',
  'cm',
  'messagebird',
  'twilio',
  'whatsapp',
  'email',
  'manual',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface OutboundMessage {
  /** Stable per logical message: a retry with the same key must never send twice. */
  idempotencyKey: string;
  /** E.164 number, e-mail address or platform handle, as the channel expects. */
  to: string;
  body: string;
  /** WhatsApp only: an approved template to use outside the 24-hour service window. */
  template?: { name: string; language: string; parameters: string[] };
  /** E-mail only. */
  subject?: string;
}

export type SendErrorCode =
  | 'throttled'
  | 'unreachable'
  | 'rejected'
  | 'invalid_recipient'
  | 'auth_failed'
  | 'timeout'
  | 'provider_error';

export interface SendError {
  code: SendErrorCode;
  /** The provider's own code and text, for the worker to see. */
  providerCode?: string;
  message: string;
  /** Trying again later may work (throttling, a dropped connection). */
  retryable: boolean;
}

export type SendResult =
  { ok: true; providerId: string; segments?: number } | { ok: false; error: SendError };

export type DeliveryStatus = 'delivered' | 'failed' | 'expired' | 'rejected' | 'unknown';

export interface DeliveryReport {
  providerId: string;
  status: DeliveryStatus;
  at: Date;
  /** The provider's status or error code and text, as received. */
  detail?: string;
}

export interface InboundMessage {
  /** Sender as the channel knows it (E.164, e-mail address, handle). */
  from: string;
  /** Our number, address or sender id it was sent to. */
  to: string;
  body: string;
  at: Date;
  providerId?: string;
}

export interface ChannelEvents {
  onDelivery: (report: DeliveryReport) => Promise<void>;
  onInbound: (message: InboundMessage) => Promise<void>;
}

export interface Channel {
  readonly kind: ChannelKind;
  send(message: OutboundMessage): Promise<SendResult>;
  close(): Promise<void>;
}
