// The rules every send passes, enforced by the system rather than the worker's memory:
// do-not-contact (absolute, on every channel), the person's own word in a case that they are not
// to be contacted again (absolute too), approved templates until the person has written,
// WhatsApp's opt-in and 24-hour window, one outreach thread per entity (a supervisor may override),
// a supervisor's confirmation of safety hits in a first message, at most N unanswered messages and
// a minimum gap between them, quiet hours in the contact's time zone, and per-channel rate limits.
//
// `checkSend` is pure: the caller gathers the facts (history, recent sends on the channel, open
// threads) and passes them in with the settings and the time. Each refusal has a stable rule code
// and a message a worker understands; time-bound refusals say when sending becomes possible.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/channel.js';
import { OUTREACH_LANGUAGES } from './languages.js';
import { optOutConfirmation } from './opt-out.js';
import { checkMessageSafety, SafetyConfig, type SafetyHit } from './safety.js';
import { TemplateStatus } from './templates.js';
import {
  ClockTime,
  clockMinutes,
  contactTimeZone,
  quietHoursEnd,
  isQuietAt,
  TimeZone,
  type ContactTimeZone,
} from './time-zones.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Channels that deliver to a phone number over SMS. */
export const SMS_KINDS: readonly ChannelKind[] = ['smpp', 'cm', 'messagebird', 'twilio'];
const CONFIRMATION_LINES = () => new Set(OUTREACH_LANGUAGES.map((l) => optOutConfirmation(l)));
/** Roles whose override or confirmation counts as a supervisor's. */
export const SUPERVISOR_ROLES = ['supervisor'] as const;

// ---------------------------------------------------------------------------------------------
// Settings

export const RateWindow = z
  .object({
    windowSeconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600),
    max: z.number().int().min(1).max(1_000_000),
  })
  .strict();
export type RateWindow = z.infer<typeof RateWindow>;

const ChannelKindSchema = z.enum(CHANNEL_KINDS);

/** Longest quiet period a configuration may set. */
export const MAX_QUIET_HOURS = 16;

function quietMinutes(start: string, end: string): number {
  return (((clockMinutes(end) - clockMinutes(start)) % 1440) + 1440) % 1440;
}

const DEFAULT_RATE: RateWindow[] = [
  { windowSeconds: 60, max: 30 },
  { windowSeconds: 3600, max: 500 },
];

/**
 * Every threshold, with the defaults the program starts with. The bounds keep a configuration
 * from switching a rule off: quiet hours can move but not vanish, the unanswered limit stays small.
 */
export const ContactSettings = z
  .object({
    /** Messages in a row without an answer (default 2). */
    maxUnanswered: z.number().int().min(1).max(5).default(2),
    /** Hours between two unanswered messages (default 48). */
    minGapHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .default(48),
    /** The gap is waived while the person wrote within this many hours: a conversation is on. */
    activeConversationHours: z.number().min(0).max(72).default(24),
    /** Local quiet hours, start inclusive, end exclusive; may wrap past midnight. */
    quietHours: z
      .object({ start: ClockTime, end: ClockTime })
      .strict()
      .refine((q) => q.start !== q.end, { message: 'quiet hours cannot be empty' })
      .refine((q) => quietMinutes(q.start, q.end) <= MAX_QUIET_HOURS * 60, {
        message: `quiet hours last at most ${MAX_QUIET_HOURS} h, so that some part of the day is left`,
      })
      .default({ start: '21:00', end: '09:00' }),
    /**
     * Answering someone who wrote within this many minutes is allowed in quiet hours: they are on
     * their phone now, and a person who finally writes at night must not wait until morning.
     */
    quietHoursReplyMinutes: z.number().int().min(0).max(240).default(60),
    /** Zone when nothing better is known (an e-mail address, a handle, an unknown country). */
    defaultTimeZone: TimeZone.default('Europe/Amsterdam'),
    /** Sliding windows per channel; the kind's own list replaces the default. */
    rateLimits: z
      .object({
        default: z.array(RateWindow).min(1).max(5).default(DEFAULT_RATE),
        perKind: z.partialRecord(ChannelKindSchema, z.array(RateWindow).min(1).max(5)).default({}),
      })
      .strict()
      .prefault({}),
    /** Meta's customer-service window: free text only this long after the person's last message. */
    whatsappServiceWindowHours: z.number().min(1).max(24).default(24),
    /** The one confirmation after an opt-out goes out within this many hours, or never. */
    optOutConfirmationHours: z.number().min(1).max(72).default(24),
    safety: SafetyConfig.prefault({}),
  })
  .strict();
export type ContactSettings = z.input<typeof ContactSettings>;

// ---------------------------------------------------------------------------------------------
// Input

/** Why a case rules out contacting the person again (the cases context's consent rules say it). */
export const CONTACT_CONSENT_BARS = ['withdrawn', 'declined', 'expired'] as const;
export type ContactConsentBar = (typeof CONTACT_CONSENT_BARS)[number];

const Instant = z.date().refine((d) => !Number.isNaN(d.getTime()), 'not a valid date');
const Actor = z.object({ id: z.string().min(1), role: z.enum(ROLES) }).strict();

export const OUTBOUND_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'expired',
  'rejected',
  'unknown',
] as const;
/** Statuses of messages that surely never reached the person: they count for nothing. */
const NEVER_ARRIVED = new Set(['failed', 'expired', 'rejected']);

export const SendCheckInput = z
  .object({
    /** An ordinary message, or the one confirmation after an opt-out. */
    purpose: z.enum(['message', 'opt_out_confirmation']).default('message'),
    channel: z
      .object({
        id: z.string().min(1),
        kind: ChannelKindSchema,
        /** The sender the person sees (number, alphanumeric name, address). */
        sender: z.string().max(200).nullish(),
      })
      .strict(),
    recipient: z
      .object({
        /** E.164 for SMS and WhatsApp; an address or handle otherwise. */
        address: z.string().trim().min(1).max(320),
        doNotContact: z.boolean(),
        /** The person's opt-out, if any (it implies do-not-contact). */
        optOut: z
          .object({ at: Instant, channelId: z.string().min(1), confirmedAt: Instant.nullable() })
          .strict()
          .nullish(),
        /** Where the person is known to be (from the ad's place); beats the number's country. */
        timeZone: TimeZone.nullish(),
        /**
         * A case about this person (through one of their threads or the entity written to)
         * records that they are not to be contacted again: they withdrew that consent, said no
         * when asked, or it ran out. Null or absent: no case says so.
         */
        contactConsent: z.enum(CONTACT_CONSENT_BARS).nullish(),
        /** The person opted in to WhatsApp (recorded, e.g. "yes, WhatsApp me" by SMS). */
        whatsappOptIn: z.boolean().default(false),
        /**
         * How many different names the ads with this address go by. More than one: the phone may
         * be read by someone other than the person a name would address (a controller, an agency).
         */
        sharedByNames: z.number().int().min(0).default(0),
        /** A supervisor allowed templates that name someone for this shared address (audited). */
        namesAllowedBy: Actor.nullish(),
      })
      .strict(),
    /**
     * What passed between us and this person on any channel: at least the last inbound per
     * channel and every outbound since the last inbound.
     */
    history: z
      .object({
        inbound: z
          .array(z.object({ at: Instant, channelKind: ChannelKindSchema }).strict())
          .max(100_000)
          .default([]),
        outbound: z
          .array(
            z
              .object({
                at: Instant,
                channelKind: ChannelKindSchema,
                status: z.enum(OUTBOUND_STATUSES),
              })
              .strict(),
          )
          .max(100_000)
          .default([]),
      })
      .strict()
      .prefault({}),
    /** When this channel sent recently (to anyone): at least the longest rate window's worth. */
    channelSends: z.array(Instant).max(1_000_000).default([]),
    thread: z
      .object({
        /** This message opens a new outreach thread. */
        startsNewThread: z.boolean(),
        /** Other open outreach threads for the same entity. */
        otherOpenThreads: z.number().int().min(0).default(0),
        supervisorOverride: z
          .object({ by: Actor, at: Instant, reason: z.string().trim().min(3).max(500) })
          .strict()
          .nullish(),
      })
      .strict(),
    message: z
      .object({
        /** The text as it will be sent (rendered). */
        text: z.string().trim().min(1).max(10_000),
        /** The template it came from, if any. */
        template: z
          .object({
            id: z.string().min(1),
            status: TemplateStatus,
            /** The variant as approved, placeholders unfilled. */
            variantText: z.string().max(10_000),
            /** The supervisor confirmed this template's safety hits when approving it. */
            safetyConfirmedBy: z.string().nullish(),
          })
          .strict()
          .nullish(),
        /** WhatsApp: the Meta-approved template used outside the service window. */
        whatsappTemplate: z
          .object({
            name: z.string().min(1).max(512),
            language: z.string().min(2).max(15),
            approved: z.boolean(),
          })
          .strict()
          .nullish(),
        /** A supervisor confirmed this message's safety hits. */
        safetyConfirmation: z.object({ by: Actor, at: Instant }).strict().nullish(),
      })
      .strict(),
  })
  .strict();
export type SendCheckInput = z.input<typeof SendCheckInput>;

// ---------------------------------------------------------------------------------------------
// Output

export const SEND_RULES = [
  'opt_out_confirmation_not_allowed',
  'do_not_contact',
  'no_contact_consent',
  'invalid_recipient',
  'template_required',
  'template_not_approved',
  'whatsapp_no_opt_in',
  'whatsapp_template_required',
  'whatsapp_template_not_approved',
  'one_thread_per_entity',
  'shared_number_name',
  'safety_confirmation_required',
  'unanswered_limit',
  'min_gap',
  'quiet_hours',
  'rate_limit',
] as const;
export type SendRule = (typeof SEND_RULES)[number];
/** Refusals that pass by themselves with time; the others need a person to act. */
export const TIME_BOUND_RULES: readonly SendRule[] = ['min_gap', 'quiet_hours', 'rate_limit'];

/**
 * A refusal's message as a key and parameters, for the console to say in the worker's language
 * (its "refusals" catalogue); `message` stays the English text for logs and other clients.
 */
export interface RefusalText {
  key: string;
  params?: Record<string, string | number>;
}

export interface Refusal {
  rule: SendRule;
  message: string;
  text?: RefusalText;
  /** For time-bound rules: the earliest time this rule alone would allow the message. */
  notBefore?: Date;
  /** For safety_confirmation_required: the words that need a supervisor's confirmation. */
  hits?: SafetyHit[];
}

export type SendWarningCode = 'alphanumeric_sender' | 'short_code_sender' | 'time_zone_guessed';
export interface SendWarning {
  code: SendWarningCode;
  message: string;
}

export type SendCheck =
  | { allowed: true; warnings: SendWarning[]; timeZone: ContactTimeZone }
  | {
      allowed: false;
      /** The first (most fundamental) refusal. */
      rule: SendRule;
      message: string;
      text?: RefusalText;
      /** When every refusal is time-bound: the earliest time all of them pass; else null. */
      notBefore: Date | null;
      refusals: Refusal[];
      warnings: SendWarning[];
      timeZone: ContactTimeZone;
    };

// ---------------------------------------------------------------------------------------------
// The rules

type Input = z.output<typeof SendCheckInput>;
type Settings = z.output<typeof ContactSettings>;

interface Facts {
  lastInbound: number | null;
  lastInboundWhatsapp: number | null;
  /** Outbound messages since the person last wrote that may have reached them, oldest first. */
  unanswered: number[];
  cold: boolean;
}

function facts(input: Input, now: number): Facts {
  const at = (d: Date) => Math.min(d.getTime(), now);
  let lastInbound: number | null = null;
  let lastInboundWhatsapp: number | null = null;
  for (const m of input.history.inbound) {
    const t = at(m.at);
    if (lastInbound === null || t > lastInbound) lastInbound = t;
    if (m.channelKind === 'whatsapp' && (lastInboundWhatsapp === null || t > lastInboundWhatsapp)) {
      lastInboundWhatsapp = t;
    }
  }
  const unanswered = input.history.outbound
    .filter((m) => !NEVER_ARRIVED.has(m.status))
    .map((m) => at(m.at))
    .filter((t) => lastInbound === null || t > lastInbound)
    .sort((a, b) => a - b);
  return { lastInbound, lastInboundWhatsapp, unanswered, cold: lastInbound === null };
}

const isSupervisor = (a: { role: string }) =>
  (SUPERVISOR_ROLES as readonly string[]).includes(a.role);

function fmtTime(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}

function recipientProblem(input: Input): string | null {
  const { kind } = input.channel;
  const address = input.recipient.address;
  if (SMS_KINDS.includes(kind) || kind === 'whatsapp') {
    const phone = address.startsWith('+') ? parsePhoneNumberFromString(address) : undefined;
    // Never the number itself: the reason is shown before Send, also to a worker who writes to an
    // identifier they were never shown in full.
    if (!phone?.isValid())
      return 'That is not a valid international phone number (+ and the country code).';
    if (phone.number !== address)
      return 'Write the number in international form, without spaces or a leading 0 (E.164).';
    return null;
  }
  if (kind === 'email' && !/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(address)) {
    return 'That is not a valid e-mail address.';
  }
  return null;
}

function safetyRefusal(input: Input, settings: Settings): Refusal | null {
  const { text, template, safetyConfirmation } = input.message;
  const { hits } = checkMessageSafety({ text, firstMessage: true }, settings.safety);
  if (hits.length === 0) return null;
  // Hits the supervisor already confirmed when approving the template need no second look;
  // anything a filled-in value brought in does.
  const confirmedTerms = new Set<string>();
  if (template?.safetyConfirmedBy) {
    const approved = checkMessageSafety(
      { text: template.variantText, firstMessage: true },
      settings.safety,
    );
    for (const h of approved.hits) confirmedTerms.add(`${h.category}:${h.term}`);
  }
  const open = hits.filter((h) => !confirmedTerms.has(`${h.category}:${h.term}`));
  if (open.length === 0) return null;
  if (safetyConfirmation && isSupervisor(safetyConfirmation.by)) return null;
  const listed = [...new Set(open.map((h) => `"${h.text}"`))].slice(0, 8).join(', ');
  return {
    rule: 'safety_confirmation_required',
    text: {
      key: safetyConfirmation ? 'safety_supervisor_only' : 'safety_confirmation_required',
      params: { words: listed },
    },
    message: safetyConfirmation
      ? `Only a supervisor can confirm words that could endanger the person (${listed}).`
      : `The person has not written yet and the message contains words that could endanger them if a controller reads the phone (${listed}). A supervisor must confirm it.`,
    hits: open,
  };
}

/**
 * Quiet hours where the person is, unless they wrote within the last few minutes (answering
 * someone who is on their phone and writing is not a knock at night).
 */
function quietRefusal(
  settings: Settings,
  lastInbound: number | null,
  now: number,
  zone: string,
): (Refusal & { notBefore: Date }) | null {
  const { start, end } = settings.quietHours;
  const justWrote =
    lastInbound !== null && now - lastInbound < settings.quietHoursReplyMinutes * MINUTE;
  if (justWrote || !isQuietAt(new Date(now), zone, start, end)) return null;
  const until = quietHoursEnd(new Date(now), zone, start, end).getTime();
  return {
    rule: 'quiet_hours',
    message: `It is quiet hours (${start}–${end}) where the person is (${zone}); sending is possible from ${fmtTime(until, zone)}.`,
    notBefore: new Date(until),
  };
}

/**
 * The quiet-hours rule again at the moment a message that was allowed when it was written goes
 * out. A send can be late (the worker was down, the provider failed and the job retries with
 * backoff, the queue was long), and a phone that lights up at night is what a controller notices:
 * so the send job holds such a message until the quiet hours end. Null: it may go now.
 */
export function quietHoursHold(
  recipient: { address: string; timeZone?: string | null | undefined },
  lastInbound: Date | null,
  settings: ContactSettings,
  now: Date,
): { until: Date; message: string; zone: string } | null {
  const s = ContactSettings.parse(settings);
  const tz = contactTimeZone(recipient.address, recipient.timeZone, s.defaultTimeZone);
  const r = quietRefusal(s, lastInbound?.getTime() ?? null, now.getTime(), tz.zone);
  return r ? { until: r.notBefore, message: r.message, zone: tz.zone } : null;
}

/** The time-bound rules at one instant: gap, quiet hours, rate limits. */
function timeRefusals(
  input: Input,
  settings: Settings,
  f: Facts,
  now: number,
  tz: ContactTimeZone,
): Refusal[] {
  const out: Refusal[] = [];
  const conversationOn =
    f.lastInbound !== null && now - f.lastInbound < settings.activeConversationHours * HOUR;

  const lastOut = f.unanswered[f.unanswered.length - 1];
  if (lastOut !== undefined && !conversationOn) {
    const until = lastOut + settings.minGapHours * HOUR;
    if (now < until) {
      out.push({
        rule: 'min_gap',
        message: `The last message had no answer; the next one can go ${settings.minGapHours} h later, from ${fmtTime(until, tz.zone)} (${tz.zone}).`,
        notBefore: new Date(until),
      });
    }
  }

  const quiet = quietRefusal(settings, f.lastInbound, now, tz.zone);
  if (quiet) out.push(quiet);

  const windows = settings.rateLimits.perKind[input.channel.kind] ?? settings.rateLimits.default;
  const sends = input.channelSends.map((d) => d.getTime()).sort((a, b) => a - b);
  for (const w of windows) {
    const span = w.windowSeconds * 1000;
    const inWindow = sends.filter((t) => t > now - span && t <= now);
    if (inWindow.length >= w.max) {
      // The message may go when enough of these sends have left the window.
      const until = (inWindow[inWindow.length - w.max] as number) + span;
      out.push({
        rule: 'rate_limit',
        message: `This channel sent ${inWindow.length} messages in the last ${describeWindow(w.windowSeconds)} (limit ${w.max}); it can send again shortly.`,
        notBefore: new Date(until),
      });
    }
  }
  return out;
}

function describeWindow(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

function warningsFor(input: Input, tz: ContactTimeZone): SendWarning[] {
  const warnings: SendWarning[] = [];
  const sender = input.channel.sender?.trim();
  if (sender && SMS_KINDS.includes(input.channel.kind)) {
    if (/\p{L}/u.test(sender)) {
      warnings.push({
        code: 'alphanumeric_sender',
        message: `The channel sends as "${sender}", a name: the person cannot reply to it. Use a channel with a phone number so they can answer.`,
      });
    } else if (sender.replace(/\D/g, '').length <= 6) {
      warnings.push({
        code: 'short_code_sender',
        message: `The channel sends from the short code ${sender}: replies from abroad or other networks often do not arrive.`,
      });
    }
  }
  if (tz.guessed) {
    warnings.push({
      code: 'time_zone_guessed',
      message:
        tz.source === 'default'
          ? `The person's time zone is unknown; quiet hours use ${tz.zone}.`
          : `The number's country (${tz.country ?? '?'}) spans several time zones; quiet hours use ${tz.zone}.`,
    });
  }
  return warnings;
}

/**
 * Whether a message may be sent now. Every rule is checked; the first refusal is the headline and
 * all of them are listed. When only time stands in the way, `notBefore` is the earliest moment
 * all time-bound rules pass together (a gap that ends in quiet hours waits for the morning).
 */
export function checkSend(input: SendCheckInput, settings: ContactSettings, now: Date): SendCheck {
  const i = SendCheckInput.parse(input);
  const s = ContactSettings.parse(settings);
  const t = Instant.parse(now).getTime();
  const f = facts(i, t);
  const tz = contactTimeZone(i.recipient.address, i.recipient.timeZone, s.defaultTimeZone);
  const warnings = warningsFor(i, tz);
  const refusals: Refusal[] = [];
  const refuse = (rule: SendRule, message: string, text?: RefusalText) =>
    refusals.push(text ? { rule, message, text } : { rule, message });
  const { kind } = i.channel;
  const recipientIssue = recipientProblem(i);

  if (i.purpose === 'opt_out_confirmation') {
    // The one message a do-not-contact number may get: right after the opt-out, on the channel it
    // came in on, once.
    const o = i.recipient.optOut;
    if (!o) refuse('opt_out_confirmation_not_allowed', 'There is no opt-out to confirm.');
    else if (o.confirmedAt)
      refuse(
        'opt_out_confirmation_not_allowed',
        'The opt-out was already confirmed; no further message is sent.',
      );
    else if (o.channelId !== i.channel.id)
      refuse(
        'opt_out_confirmation_not_allowed',
        'An opt-out is confirmed only on the channel it came in on.',
      );
    else if (t - o.at.getTime() > s.optOutConfirmationHours * HOUR)
      refuse(
        'opt_out_confirmation_not_allowed',
        `The opt-out is older than ${s.optOutConfirmationHours} h; it is no longer confirmed.`,
      );
    // Only the fixed, neutral line: this path must not carry any other text to someone who
    // asked for silence.
    if (!CONFIRMATION_LINES().has(i.message.text)) {
      refuse(
        'opt_out_confirmation_not_allowed',
        'Only the standard opt-out confirmation line can be sent after an opt-out.',
      );
    }
    if (recipientIssue) refuse('invalid_recipient', recipientIssue);
    refusals.push(...timeRefusals(i, s, f, t, tz).filter((r) => r.rule === 'rate_limit'));
    return conclude(i, s, f, tz, t, refusals, warnings, true);
  }

  if (i.recipient.doNotContact || i.recipient.optOut) {
    refuse(
      'do_not_contact',
      'This person must not be contacted (opt-out or do-not-contact list). No message can be sent, on any channel.',
      { key: 'do_not_contact' },
    );
    // Nothing else matters and nothing else is shown: no rule can lift this one.
    return conclude(i, s, f, tz, t, refusals, warnings, false);
  }
  const bar = i.recipient.contactConsent;
  if (bar) {
    // The person's own word, recorded in a case: like do-not-contact, no override lifts it; only
    // a new consent recorded in the case does.
    const { message, text } = CONTACT_CONSENT_REFUSALS[bar];
    refuse('no_contact_consent', message, text);
    return conclude(i, s, f, tz, t, refusals, warnings, false);
  }
  if (recipientIssue) refuse('invalid_recipient', recipientIssue);

  const { template, whatsappTemplate } = i.message;
  if (template && template.status !== 'approved') {
    refuse(
      'template_not_approved',
      `Only approved templates can be sent; this one is ${template.status}.`,
      { key: 'template_not_approved' },
    );
  } else if (f.cold && !template) {
    refuse(
      'template_required',
      'Until the person writes back, messages come from an approved template.',
      { key: 'template_required' },
    );
  }

  if (kind === 'whatsapp') {
    if (!i.recipient.whatsappOptIn && f.lastInboundWhatsapp === null) {
      refuse(
        'whatsapp_no_opt_in',
        'WhatsApp is only for people who wrote to us there or opted in (Meta forbids cold business messages). Use SMS for a first contact.',
        { key: 'whatsapp_no_opt_in' },
      );
    } else {
      const inWindow =
        f.lastInboundWhatsapp !== null &&
        t - f.lastInboundWhatsapp < s.whatsappServiceWindowHours * HOUR;
      if (!inWindow) {
        if (!whatsappTemplate) {
          refuse(
            'whatsapp_template_required',
            `The person has not written on WhatsApp in the last ${s.whatsappServiceWindowHours} h; outside that window only an approved WhatsApp template can be sent.`,
            { key: 'whatsapp_template_required', params: { hours: s.whatsappServiceWindowHours } },
          );
        } else if (!whatsappTemplate.approved) {
          refuse(
            'whatsapp_template_not_approved',
            `The WhatsApp template "${whatsappTemplate.name}" is not approved by Meta yet.`,
            { key: 'whatsapp_template_not_approved', params: { name: whatsappTemplate.name } },
          );
        }
      }
    }
  }

  if (i.thread.startsNewThread && i.thread.otherOpenThreads > 0) {
    const o = i.thread.supervisorOverride;
    if (!o) {
      refuse(
        'one_thread_per_entity',
        "This person already has an open outreach thread. A second one needs a supervisor's override.",
        { key: 'one_thread_per_entity' },
      );
    } else if (!isSupervisor(o.by)) {
      refuse(
        'one_thread_per_entity',
        'Only a supervisor can allow a second outreach thread for the same person.',
        { key: 'one_thread_supervisor_only' },
      );
    }
  }

  if (template && i.recipient.sharedByNames > 1 && /\{displayName\}/.test(template.variantText)) {
    const allowed = i.recipient.namesAllowedBy;
    if (!allowed || !isSupervisor(allowed)) {
      refuse(
        'shared_number_name',
        `This number is used in ads under ${i.recipient.sharedByNames} names; whoever reads the message may not be the person a name addresses. Choose a template without a name, or ask a supervisor to allow names for this number.`,
        { key: 'shared_number_name', params: { names: i.recipient.sharedByNames } },
      );
    }
  }

  if (f.cold) {
    const r = safetyRefusal(i, s);
    if (r) refusals.push(r);
  }

  if (f.unanswered.length >= s.maxUnanswered) {
    refuse(
      'unanswered_limit',
      `${f.unanswered.length} messages have had no answer (limit ${s.maxUnanswered}); wait until the person writes back.`,
      { key: 'unanswered_limit', params: { count: f.unanswered.length, limit: s.maxUnanswered } },
    );
  }

  refusals.push(...timeRefusals(i, s, f, t, tz));
  return conclude(i, s, f, tz, t, refusals, warnings, false);
}

const CONTACT_CONSENT_REFUSALS: Record<ContactConsentBar, { message: string; text: RefusalText }> =
  {
    withdrawn: {
      message:
        'The person withdrew their consent to be contacted again (recorded in their case). No message can be sent, on any channel.',
      text: { key: 'no_contact_consent_withdrawn' },
    },
    declined: {
      message:
        'The person said no when asked whether they may be contacted again (recorded in their case). No message can be sent, on any channel.',
      text: { key: 'no_contact_consent_declined' },
    },
    expired: {
      message:
        'The person’s consent to be contacted again has expired (recorded in their case). No message can be sent until they give it again.',
      text: { key: 'no_contact_consent_expired' },
    },
  };

function conclude(
  i: Input,
  s: Settings,
  f: Facts,
  tz: ContactTimeZone,
  now: number,
  refusals: Refusal[],
  warnings: SendWarning[],
  confirmation: boolean,
): SendCheck {
  const [first] = refusals;
  if (!first) return { allowed: true, warnings, timeZone: tz };
  let notBefore: Date | null = null;
  if (refusals.every((r) => TIME_BOUND_RULES.includes(r.rule))) {
    // Move to the latest of the times and look again, until every time-bound rule passes there.
    let at = Math.max(...refusals.map((r) => r.notBefore?.getTime() ?? now));
    for (let round = 0; round < 20; round++) {
      const again = timeRefusals(i, s, f, at, tz).filter(
        (r) => !confirmation || r.rule === 'rate_limit',
      );
      if (again.length === 0) {
        notBefore = new Date(at);
        break;
      }
      at = Math.max(at + 1, ...again.map((r) => r.notBefore?.getTime() ?? at + 1));
    }
  }
  return {
    allowed: false,
    rule: first.rule,
    message: first.message,
    ...(first.text ? { text: first.text } : {}),
    notBefore,
    refusals,
    warnings,
    timeZone: tz,
  };
}
