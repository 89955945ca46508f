import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/channel.js';
import {
  quietHoursHold,
  checkSend,
  ContactSettings,
  SEND_RULES,
  type SendCheck,
  type SendCheckInput,
} from './contact-rules.js';

const H = 3_600_000;
const MIN = 60_000;
/** Wednesday 14 May 2025, 12:00 in Amsterdam (CEST, UTC+2). */
const NOON = new Date('2025-05-14T10:00:00Z');
const ago = (ms: number, from = NOON) => new Date(from.getTime() - ms);

const NEUTRAL = 'Hoi Anna, ik zag je advertentie. Hoe gaat het met je?';

/** An allowed first SMS; each test changes one thing. */
function input(over: Partial<SendCheckInput> = {}): SendCheckInput {
  return {
    channel: { id: 'ch-smpp', kind: 'smpp', sender: '+3197010203040' },
    recipient: { address: '+31612345678', doNotContact: false },
    history: { inbound: [], outbound: [] },
    channelSends: [],
    thread: { startsNewThread: true, otherOpenThreads: 0 },
    message: {
      text: NEUTRAL,
      template: {
        id: 't1',
        status: 'approved',
        variantText: 'Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?',
      },
    },
    ...over,
  };
}

const check = (over: Partial<SendCheckInput> = {}, now = NOON, settings: ContactSettings = {}) =>
  checkSend(input(over), settings, now);
const rules = (r: SendCheck) => (r.allowed ? [] : r.refusals.map((x) => x.rule));
const replied = (at: Date, channelKind: ChannelKind = 'smpp') => ({ at, channelKind });
const sent = (
  at: Date,
  status: 'sent' | 'delivered' | 'failed' | 'queued' | 'expired' = 'delivered',
  channelKind: ChannelKind = 'smpp',
) => ({ at, channelKind, status });
const supervisor = { id: 'u-super', role: 'supervisor' as const };
const worker = { id: 'u-worker', role: 'outreach_worker' as const };

describe('checkSend: the baseline', () => {
  it('allows a neutral first SMS from an approved template at noon', () => {
    const r = check();
    expect(r).toMatchObject({
      allowed: true,
      warnings: [],
      timeZone: { zone: 'Europe/Amsterdam', source: 'phone', country: 'NL' },
    });
  });

  it('has a stable code and a message for every refusal it can give', () => {
    expect(new Set(SEND_RULES).size).toBe(SEND_RULES.length);
  });
});

describe('do-not-contact', () => {
  const addressFor = (kind: ChannelKind) =>
    kind === 'email' ? 'anna@example.org' : kind === 'manual' ? 'anna_2000' : '+31612345678';

  it.each(CHANNEL_KINDS)('refuses every message on %s, and nothing lifts it', (kind) => {
    const r = check({
      channel: { id: `ch-${kind}`, kind },
      recipient: { address: addressFor(kind), doNotContact: true, whatsappOptIn: true },
      history: { inbound: [replied(ago(MIN), kind)], outbound: [] },
      thread: {
        startsNewThread: false,
        supervisorOverride: { by: supervisor, at: NOON, reason: 'urgent' },
      },
      message: { text: 'Hoi', safetyConfirmation: { by: supervisor, at: NOON } },
    });
    expect(r).toMatchObject({ allowed: false, rule: 'do_not_contact', notBefore: null });
    expect(rules(r)).toEqual(['do_not_contact']);
  });

  it('treats an opt-out as do-not-contact even if the flag was not set yet', () => {
    const r = check({
      recipient: {
        address: '+31612345678',
        doNotContact: false,
        optOut: { at: ago(H), channelId: 'ch-smpp', confirmedAt: null },
      },
    });
    expect(r).toMatchObject({ allowed: false, rule: 'do_not_contact' });
  });
});

describe("the person's word in a case: not to be contacted again", () => {
  it.each(['withdrawn', 'declined', 'expired'] as const)(
    'refuses every message when consent to be contacted again was %s, and nothing lifts it',
    (bar) => {
      const r = check({
        recipient: { address: '+31612345678', doNotContact: false, contactConsent: bar },
        // The person wrote a minute ago and a supervisor overrides: still refused.
        history: { inbound: [replied(ago(MIN))], outbound: [] },
        thread: {
          startsNewThread: false,
          supervisorOverride: { by: supervisor, at: NOON, reason: 'urgent' },
        },
        message: { text: 'Hoi', safetyConfirmation: { by: supervisor, at: NOON } },
      });
      expect(r).toMatchObject({
        allowed: false,
        rule: 'no_contact_consent',
        notBefore: null,
        text: { key: `no_contact_consent_${bar}` },
      });
      expect(rules(r)).toEqual(['no_contact_consent']);
    },
  );

  it('lets do-not-contact speak first, and bars nothing without a word from a case', () => {
    const both = check({
      recipient: { address: '+31612345678', doNotContact: true, contactConsent: 'withdrawn' },
    });
    expect(rules(both)).toEqual(['do_not_contact']);
    expect(
      check({ recipient: { address: '+31612345678', doNotContact: false, contactConsent: null } }),
    ).toMatchObject({ allowed: true });
  });
});

describe('the opt-out confirmation', () => {
  const optOut = (o: { at?: Date; channelId?: string; confirmedAt?: Date | null } = {}) => ({
    address: '+31612345678',
    doNotContact: true,
    optOut: {
      at: o.at ?? ago(2 * MIN),
      channelId: o.channelId ?? 'ch-smpp',
      confirmedAt: o.confirmedAt ?? null,
    },
  });
  const confirmation = (
    recipient: SendCheckInput['recipient'],
    now = NOON,
    over: Partial<SendCheckInput> = {},
  ) =>
    check(
      {
        purpose: 'opt_out_confirmation',
        recipient,
        message: { text: 'U ontvangt geen berichten meer.' },
        ...over,
      },
      now,
    );

  it('goes out once, on the channel the opt-out came in on, even at night', () => {
    expect(confirmation(optOut()).allowed).toBe(true);
    const night = new Date('2025-05-14T21:30:00Z'); // 23:30 in Amsterdam
    expect(confirmation(optOut({ at: ago(MIN, night) }), night).allowed).toBe(true);
  });

  it('is refused a second time, on another channel, too late, or without an opt-out', () => {
    expect(confirmation(optOut({ confirmedAt: ago(MIN) }))).toMatchObject({
      allowed: false,
      rule: 'opt_out_confirmation_not_allowed',
    });
    expect(confirmation(optOut({ channelId: 'ch-other' }))).toMatchObject({
      allowed: false,
      rule: 'opt_out_confirmation_not_allowed',
    });
    expect(confirmation(optOut({ at: ago(25 * H) }))).toMatchObject({
      allowed: false,
      rule: 'opt_out_confirmation_not_allowed',
    });
    expect(confirmation({ address: '+31612345678', doNotContact: true })).toMatchObject({
      allowed: false,
      rule: 'opt_out_confirmation_not_allowed',
    });
  });

  it('carries nothing but the standard line', () => {
    const r = confirmation(optOut(), NOON, {
      message: { text: 'Jammer! Bel ons als je toch hulp wilt.' },
    });
    expect(r).toMatchObject({
      allowed: false,
      rule: 'opt_out_confirmation_not_allowed',
      message: expect.stringMatching(/standard opt-out confirmation/) as unknown,
    });
    expect(
      confirmation(optOut(), NOON, { message: { text: 'Няма да получавате повече съобщения.' } })
        .allowed,
    ).toBe(true);
  });

  it('still waits for the rate limit', () => {
    const sends = Array.from({ length: 30 }, (_, i) => ago(i * 1000));
    const r = confirmation(optOut(), NOON, { channelSends: sends });
    expect(r).toMatchObject({ allowed: false, rule: 'rate_limit' });
    expect(r.allowed || r.notBefore?.getTime()).toBe(NOON.getTime() - 29_000 + 60_000);
  });
});

describe('recipient', () => {
  it('refuses a number that is not valid international (E.164) for SMS and WhatsApp', () => {
    expect(check({ recipient: { address: '0612345678', doNotContact: false } })).toMatchObject({
      rule: 'invalid_recipient',
    });
    const short = check({ recipient: { address: '+3161234', doNotContact: false } });
    expect(short).toMatchObject({ rule: 'invalid_recipient' });
    // The reason is shown before Send: it never repeats the number.
    expect(JSON.stringify(short)).not.toContain('3161234');
    expect(check({ recipient: { address: '+31 6 12345678', doNotContact: false } })).toMatchObject({
      rule: 'invalid_recipient',
      message: 'Write the number in international form, without spaces or a leading 0 (E.164).',
    });
  });

  it('refuses a malformed e-mail address', () => {
    const r = check({
      channel: { id: 'm', kind: 'email' },
      recipient: { address: 'anna@', doNotContact: false },
    });
    expect(rules(r)).toContain('invalid_recipient');
  });
});

describe('templates', () => {
  it('requires an approved template until the person writes back', () => {
    expect(check({ message: { text: NEUTRAL } })).toMatchObject({
      allowed: false,
      rule: 'template_required',
    });
    const afterReply = check({
      history: { inbound: [replied(ago(H))], outbound: [] },
      message: { text: 'Fijn om te horen!' },
    });
    expect(afterReply.allowed).toBe(true);
  });

  it('never sends a draft or retired template, reply or not', () => {
    for (const status of ['draft', 'retired'] as const) {
      const template = { id: 't', status, variantText: NEUTRAL };
      expect(check({ message: { text: NEUTRAL, template } })).toMatchObject({
        rule: 'template_not_approved',
      });
      expect(
        check({
          history: { inbound: [replied(ago(H))], outbound: [] },
          message: { text: NEUTRAL, template },
        }),
      ).toMatchObject({ rule: 'template_not_approved' });
    }
  });
});

describe('WhatsApp', () => {
  const wa = (over: Partial<SendCheckInput> = {}, now = NOON) =>
    check({ channel: { id: 'ch-wa', kind: 'whatsapp', sender: '+3197010203040' }, ...over }, now);

  it('refuses a cold first contact without opt-in', () => {
    expect(wa()).toMatchObject({ allowed: false, rule: 'whatsapp_no_opt_in' });
    // An SMS reply does not open WhatsApp; only a recorded opt-in or a WhatsApp message does.
    expect(rules(wa({ history: { inbound: [replied(ago(H), 'smpp')], outbound: [] } }))).toContain(
      'whatsapp_no_opt_in',
    );
  });

  it('needs an approved WhatsApp template outside the 24-hour window', () => {
    const optedIn = { address: '+31612345678', doNotContact: false, whatsappOptIn: true };
    expect(wa({ recipient: optedIn })).toMatchObject({ rule: 'whatsapp_template_required' });
    const template = { name: 'hello_nl', language: 'nl', approved: true };
    expect(
      wa({ recipient: optedIn, message: { ...input().message, whatsappTemplate: template } })
        .allowed,
    ).toBe(true);
    expect(
      wa({
        recipient: optedIn,
        message: { ...input().message, whatsappTemplate: { ...template, approved: false } },
      }),
    ).toMatchObject({ rule: 'whatsapp_template_not_approved' });
  });

  it('allows free text only inside the window, to the millisecond', () => {
    const history = (at: Date) => ({ inbound: [replied(at, 'whatsapp')], outbound: [] });
    const free = { text: 'Dank je, fijn dat je schrijft.' };
    expect(wa({ history: history(ago(24 * H - 1)), message: free }).allowed).toBe(true);
    expect(wa({ history: history(ago(24 * H)), message: free })).toMatchObject({
      allowed: false,
      rule: 'whatsapp_template_required',
    });
    // An SMS reply inside the window does not count for WhatsApp's window.
    const mixed = {
      inbound: [replied(ago(30 * H), 'whatsapp'), replied(ago(H), 'smpp')],
      outbound: [],
    };
    expect(wa({ history: mixed, message: free })).toMatchObject({
      rule: 'whatsapp_template_required',
    });
  });
});

describe('one outreach thread per entity', () => {
  const second = { startsNewThread: true, otherOpenThreads: 1 };

  it('refuses a second thread without a supervisor override', () => {
    expect(check({ thread: second })).toMatchObject({
      allowed: false,
      rule: 'one_thread_per_entity',
    });
  });

  it("accepts a supervisor's override, not a worker's or an admin's", () => {
    expect(
      check({
        thread: {
          ...second,
          supervisorOverride: { by: supervisor, at: NOON, reason: 'other number, other city' },
        },
      }).allowed,
    ).toBe(true);
    for (const by of [worker, { id: 'a', role: 'admin' as const }]) {
      expect(
        check({ thread: { ...second, supervisorOverride: { by, at: NOON, reason: 'please' } } }),
      ).toMatchObject({
        rule: 'one_thread_per_entity',
        message: expect.stringMatching(/Only a supervisor/) as unknown,
      });
    }
  });

  it('does not apply inside the existing thread', () => {
    expect(check({ thread: { startsNewThread: false, otherOpenThreads: 1 } }).allowed).toBe(true);
  });
});

describe('safety of a first message', () => {
  const risky = 'Hoi Anna, wij zijn van de opvang. Hoe gaat het?';

  it('needs a supervisor to confirm dangerous words before the person has written', () => {
    const r = check({
      message: { text: risky, template: { id: 't', status: 'approved', variantText: risky } },
    });
    expect(r).toMatchObject({ allowed: false, rule: 'safety_confirmation_required' });
    if (!r.allowed) expect(r.refusals[0]?.hits?.map((h) => h.text)).toEqual(['opvang']);
  });

  it("accepts a supervisor's confirmation, not a worker's", () => {
    const template = { id: 't', status: 'approved' as const, variantText: risky };
    expect(
      check({
        message: { text: risky, template, safetyConfirmation: { by: supervisor, at: NOON } },
      }).allowed,
    ).toBe(true);
    expect(
      check({ message: { text: risky, template, safetyConfirmation: { by: worker, at: NOON } } }),
    ).toMatchObject({ rule: 'safety_confirmation_required' });
  });

  it('trusts hits confirmed at approval, but not words a filled-in value brought in', () => {
    const variantText = 'Hoi {displayName}, wij zijn van de opvang.';
    const template = {
      id: 't',
      status: 'approved' as const,
      variantText,
      safetyConfirmedBy: 'u-super',
    };
    expect(
      check({ message: { text: 'Hoi Anna, wij zijn van de opvang.', template } }).allowed,
    ).toBe(true);
    const r = check({ message: { text: 'Hoi Politie, wij zijn van de opvang.', template } });
    expect(r).toMatchObject({ rule: 'safety_confirmation_required' });
    if (!r.allowed) expect(r.refusals[0]?.hits?.map((h) => h.text)).toEqual(['Politie']);
  });

  it("flags the organisation's name from the settings", () => {
    const text = 'Hoi Anna, groeten van Fier.';
    const template = { id: 't', status: 'approved' as const, variantText: text };
    expect(check({ message: { text, template } }).allowed).toBe(true);
    expect(
      check({ message: { text, template } }, NOON, { safety: { organisationNames: ['Fier'] } }),
    ).toMatchObject({ rule: 'safety_confirmation_required' });
  });

  it('does not hold back a reply once the person has written', () => {
    const r = check({
      history: { inbound: [replied(ago(H))], outbound: [] },
      message: { text: 'De opvang heeft plek voor je.' },
    });
    expect(r.allowed).toBe(true);
  });
});

describe('unanswered messages', () => {
  it('allows at most two in a row by default', () => {
    const history = { inbound: [], outbound: [sent(ago(100 * H)), sent(ago(50 * H))] };
    expect(check({ history, thread: { startsNewThread: false } })).toMatchObject({
      allowed: false,
      rule: 'unanswered_limit',
      notBefore: null,
    });
    expect(
      check({
        history: { inbound: [], outbound: [sent(ago(50 * H))] },
        thread: { startsNewThread: false },
      }).allowed,
    ).toBe(true);
  });

  it('does not count messages that never arrived', () => {
    const history = {
      inbound: [],
      outbound: [sent(ago(100 * H), 'failed'), sent(ago(99 * H), 'expired'), sent(ago(50 * H))],
    };
    expect(check({ history, thread: { startsNewThread: false } }).allowed).toBe(true);
  });

  it('counts queued messages: they are on their way', () => {
    const history = { inbound: [], outbound: [sent(ago(100 * H)), sent(ago(50 * H), 'queued')] };
    expect(rules(check({ history, thread: { startsNewThread: false } }))).toContain(
      'unanswered_limit',
    );
  });

  it('starts counting again when the person writes', () => {
    const history = {
      inbound: [replied(ago(60 * H))],
      outbound: [sent(ago(100 * H)), sent(ago(90 * H)), sent(ago(50 * H))],
    };
    expect(
      check({ history, thread: { startsNewThread: false }, message: { text: 'Hoe is het nu?' } })
        .allowed,
    ).toBe(true);
  });

  it('follows the setting, on every channel together', () => {
    const history = { inbound: [], outbound: [sent(ago(50 * H), 'delivered', 'whatsapp')] };
    expect(
      check({ history, thread: { startsNewThread: false } }, NOON, { maxUnanswered: 1 }),
    ).toMatchObject({ rule: 'unanswered_limit' });
  });
});

describe('gap between unanswered messages', () => {
  it('holds the next message until 48 h after the last', () => {
    const last = ago(47 * H);
    const r = check({
      history: { inbound: [], outbound: [sent(last)] },
      thread: { startsNewThread: false },
    });
    expect(r).toMatchObject({ allowed: false, rule: 'min_gap' });
    expect(r.allowed || r.notBefore).toEqual(new Date(last.getTime() + 48 * H));
    expect(
      check({
        history: { inbound: [], outbound: [sent(ago(48 * H))] },
        thread: { startsNewThread: false },
      }).allowed,
    ).toBe(true);
  });

  it('is waived while a conversation is on', () => {
    const history = { inbound: [replied(ago(2 * H))], outbound: [sent(ago(H))] };
    expect(
      check({ history, thread: { startsNewThread: false }, message: { text: 'En nog iets.' } })
        .allowed,
    ).toBe(true);
  });

  it('comes back when the conversation has gone quiet', () => {
    const history = { inbound: [replied(ago(30 * H))], outbound: [sent(ago(29 * H))] };
    expect(
      check({ history, thread: { startsNewThread: false }, message: { text: 'Hoe is het?' } }),
    ).toMatchObject({ rule: 'min_gap' });
  });

  it('reads future timestamps (clock skew) as now, so they cannot open the gap', () => {
    const history = { inbound: [], outbound: [sent(new Date(NOON.getTime() + 5 * MIN))] };
    const r = check({ history, thread: { startsNewThread: false } });
    expect(r.allowed || r.notBefore).toEqual(new Date(NOON.getTime() + 48 * H));
  });
});

describe('quiet hours', () => {
  /** 2025-05-14 at a local Amsterdam time (CEST, UTC+2). */
  const amsterdam = (hhmm: string) => new Date(`2025-05-14T${hhmm}:00+02:00`);

  it('refuses from 21:00 to 09:00 in the contact’s zone, with the morning as notBefore', () => {
    expect(check({}, amsterdam('20:59')).allowed).toBe(true);
    const late = check({}, amsterdam('21:00'));
    expect(late).toMatchObject({ allowed: false, rule: 'quiet_hours' });
    expect(late.allowed || late.notBefore).toEqual(new Date('2025-05-15T09:00:00+02:00'));
    expect(check({}, new Date('2025-05-15T08:59:00+02:00')).allowed).toBe(false);
    expect(check({}, new Date('2025-05-15T09:00:00+02:00')).allowed).toBe(true);
  });

  it("uses the phone number's country: a Romanian number is an hour ahead", () => {
    const ro = { address: '+40712345678', doNotContact: false };
    const r = check({ recipient: ro }, amsterdam('20:30'));
    expect(r).toMatchObject({
      allowed: false,
      rule: 'quiet_hours',
      timeZone: { zone: 'Europe/Bucharest', source: 'phone' },
    });
    // The ad says Amsterdam: the person is there, whatever the number.
    expect(
      check({ recipient: { ...ro, timeZone: 'Europe/Amsterdam' } }, amsterdam('20:30')).allowed,
    ).toBe(true);
  });

  it('guesses the most populous zone for a country with several, and says so', () => {
    const r = check({ recipient: { address: '+12125550123', doNotContact: false } });
    expect(r.timeZone).toMatchObject({ zone: 'America/New_York', guessed: true, country: 'US' });
    expect(r.allowed ? r.warnings : r.warnings).toContainEqual(
      expect.objectContaining({ code: 'time_zone_guessed' }),
    );
  });

  it('uses the default zone for an e-mail address, and says so', () => {
    const r = check({
      channel: { id: 'm', kind: 'email' },
      recipient: { address: 'anna@example.org', doNotContact: false },
    });
    expect(r).toMatchObject({
      allowed: true,
      timeZone: { zone: 'Europe/Amsterdam', source: 'default', guessed: true },
    });
  });

  it('lets a worker answer someone who just wrote, even at night', () => {
    const night = amsterdam('23:30');
    const history = { inbound: [replied(ago(10 * MIN, night))], outbound: [] };
    expect(check({ history, message: { text: 'Ik ben er.' } }, night).allowed).toBe(true);
    const earlier = { inbound: [replied(ago(61 * MIN, night))], outbound: [] };
    expect(check({ history: earlier, message: { text: 'Ik ben er.' } }, night)).toMatchObject({
      rule: 'quiet_hours',
    });
  });

  it('follows configured hours, and refuses hours that would switch the rule off', () => {
    expect(
      check({}, amsterdam('21:30'), { quietHours: { start: '22:00', end: '08:00' } }).allowed,
    ).toBe(true);
    expect(
      check({}, amsterdam('12:30'), { quietHours: { start: '12:00', end: '13:00' } }).allowed,
    ).toBe(false);
    expect(() => ContactSettings.parse({ quietHours: { start: '22:00', end: '22:00' } })).toThrow();
    expect(() => ContactSettings.parse({ quietHours: { start: '24:00', end: '08:00' } })).toThrow();
    expect(() => ContactSettings.parse({ quietHours: { start: '09:01', end: '09:00' } })).toThrow(
      /at most 16 h/,
    );
    expect(
      ContactSettings.parse({ quietHours: { start: '17:00', end: '09:00' } }).quietHours.start,
    ).toBe('17:00');
  });

  it('knows the night is an hour shorter when the clocks go forward', () => {
    // Amsterdam, 30 March 2025: 02:00 becomes 03:00. 22:00 CET (21:00Z) → 09:00 CEST (07:00Z).
    const r = check({}, new Date('2025-03-29T21:00:00Z'));
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-03-30T07:00:00Z'));
  });

  it('knows the night is an hour longer when the clocks go back', () => {
    // Amsterdam, 26 October 2025: 03:00 becomes 02:00. 22:00 CEST (20:00Z) → 09:00 CET (08:00Z).
    const r = check({}, new Date('2025-10-25T20:00:00Z'));
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-10-26T08:00:00Z'));
  });

  it('ends at the first minute after a skipped hour when the end time does not exist that night', () => {
    // Quiet 22:00–02:30; on 30 March 2025 02:30 never happens in Amsterdam: 03:00 CEST is 01:00Z.
    const r = check({}, new Date('2025-03-29T23:00:00Z'), {
      quietHours: { start: '22:00', end: '02:30' },
    });
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-03-30T01:00:00Z'));
  });
});

describe('quiet hours across zones and DST (property)', () => {
  const zones = [
    'Europe/Amsterdam',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/Sao_Paulo',
    'Europe/Bucharest',
  ];
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const localHm = (at: Date, zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  const toMin = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3));
  const quietLength = (start: string, end: string) =>
    (((toMin(end) - toMin(start)) % 1440) + 1440) % 1440;
  const quiet = (hm: string, start: string, end: string) =>
    start < end ? hm >= start && hm < end : hm >= start || hm < end;

  it('refuses exactly inside the window, and notBefore is the first minute outside it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        clock,
        clock,
        (now, zone, start, end) => {
          fc.pre(start !== end && quietLength(start, end) <= 16 * 60);
          const r = check(
            { recipient: { address: '+31612345678', doNotContact: false, timeZone: zone } },
            now,
            { quietHours: { start, end } },
          );
          const isQuiet = quiet(localHm(now, zone), start, end);
          expect(r.allowed).toBe(!isQuiet);
          if (!r.allowed) {
            const nb = r.notBefore as Date;
            expect(nb.getTime()).toBeGreaterThan(now.getTime() - MIN);
            expect(quiet(localHm(nb, zone), start, end)).toBe(false);
            expect(quiet(localHm(new Date(nb.getTime() - MIN), zone), start, end)).toBe(true);
            // Never longer than a day and an hour (a DST night).
            expect(nb.getTime() - now.getTime()).toBeLessThanOrEqual(25 * H);
            // Every minute in between is quiet (sampled).
            for (let k = 1; k < 12; k++) {
              const t = new Date(now.getTime() + ((nb.getTime() - now.getTime()) * k) / 12);
              if (t.getTime() < nb.getTime() - MIN)
                expect(quiet(localHm(t, zone), start, end)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('rate limits', () => {
  it('refuses the 31st message on a channel within a minute, until the oldest leaves the window', () => {
    const sends = Array.from({ length: 30 }, (_, i) => ago(i * 1500));
    const r = check({ channelSends: sends });
    expect(r).toMatchObject({ allowed: false, rule: 'rate_limit' });
    expect(r.allowed || r.notBefore).toEqual(new Date(NOON.getTime() - 29 * 1500 + 60_000));
    expect(check({ channelSends: sends.slice(1) }).allowed).toBe(true);
  });

  it('ignores sends older than the window, and applies every window', () => {
    expect(
      check({ channelSends: Array.from({ length: 100 }, (_, i) => ago(2 * MIN + i)) }).allowed,
    ).toBe(true);
    const spread = Array.from({ length: 500 }, (_, i) => ago(2 * MIN + i * 6000));
    expect(check({ channelSends: spread })).toMatchObject({
      rule: 'rate_limit',
      message: expect.stringMatching(/last hour/) as unknown,
    });
  });

  it('uses the limits of the channel kind when configured', () => {
    const settings = { rateLimits: { perKind: { smpp: [{ windowSeconds: 10, max: 2 }] } } };
    expect(check({ channelSends: [ago(1000), ago(2000)] }, NOON, settings)).toMatchObject({
      rule: 'rate_limit',
    });
    expect(check({ channelSends: [ago(11_000), ago(12_000)] }, NOON, settings).allowed).toBe(true);
  });
});

describe('several refusals', () => {
  it('gives a notBefore that satisfies all time rules together: a gap ending at night waits for morning', () => {
    // Last unanswered message Monday 23:00 Amsterdam → 48 h later is Wednesday 23:00, in quiet hours.
    const last = new Date('2025-05-12T23:00:00+02:00');
    const now = new Date('2025-05-14T12:00:00+02:00');
    const r = check(
      { history: { inbound: [], outbound: [sent(last)] }, thread: { startsNewThread: false } },
      now,
    );
    expect(rules(r)).toEqual(['min_gap']);
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-05-15T09:00:00+02:00'));
  });

  it('lists every refusal, headlines the most fundamental, and gives no time when a person must act', () => {
    const r = check(
      { message: { text: NEUTRAL }, thread: { startsNewThread: true, otherOpenThreads: 2 } },
      new Date('2025-05-14T23:00:00+02:00'),
    );
    expect(rules(r)).toEqual(['template_required', 'one_thread_per_entity', 'quiet_hours']);
    expect(r).toMatchObject({ rule: 'template_required', notBefore: null });
    if (!r.allowed) for (const x of r.refusals) expect(x.message.length).toBeGreaterThan(10);
  });
});

describe('sender warnings', () => {
  it('warns that nobody can reply to an alphanumeric sender', () => {
    const r = check({ channel: { id: 'c', kind: 'cm', sender: 'Ariadne' } });
    expect(r).toMatchObject({ allowed: true, warnings: [{ code: 'alphanumeric_sender' }] });
  });

  it('warns about short codes and stays quiet for full numbers and non-SMS channels', () => {
    expect(
      check({ channel: { id: 'c', kind: 'twilio', sender: '4567' } }).warnings.map((w) => w.code),
    ).toEqual(['short_code_sender']);
    expect(
      check({ channel: { id: 'c', kind: 'twilio', sender: '+3197010203040' } }).warnings,
    ).toEqual([]);
    expect(
      check({
        channel: { id: 'c', kind: 'email', sender: 'Team' },
        recipient: { address: 'a@example.org', doNotContact: false, timeZone: 'Europe/Amsterdam' },
      }).warnings,
    ).toEqual([]);
  });
});

describe('settings and input', () => {
  it('fills every default from an empty object', () => {
    expect(ContactSettings.parse({})).toMatchObject({
      maxUnanswered: 2,
      minGapHours: 48,
      quietHours: { start: '21:00', end: '09:00' },
      defaultTimeZone: 'Europe/Amsterdam',
      whatsappServiceWindowHours: 24,
      rateLimits: {
        default: [
          { windowSeconds: 60, max: 30 },
          { windowSeconds: 3600, max: 500 },
        ],
        perKind: {},
      },
      safety: { organisationNames: [], customTerms: [] },
    });
  });

  it('refuses settings that would switch a rule off or make no sense', () => {
    for (const bad of [
      { maxUnanswered: 0 },
      { maxUnanswered: 50 },
      { minGapHours: 0 },
      { whatsappServiceWindowHours: 48 },
      { defaultTimeZone: 'Mars/Olympus' },
      { rateLimits: { default: [] } },
      { unknown: true },
    ]) {
      expect(() => ContactSettings.parse(bad)).toThrow();
    }
  });

  it('refuses malformed input with a clear error instead of guessing', () => {
    expect(() =>
      check({
        history: { inbound: [{ at: new Date('nope'), channelKind: 'smpp' }], outbound: [] },
      }),
    ).toThrow();
    expect(() => check({ channel: { id: 'x', kind: 'pigeon' as ChannelKind } })).toThrow();
    expect(() => check({ message: { text: '   ' } })).toThrow();
    expect(() => checkSend(input(), {}, new Date(Number.NaN))).toThrow();
  });
});

describe('quietHoursHold: the rule again when the message goes out', () => {
  const settings = ContactSettings.parse({});
  const ro = { address: '+40721234567' };

  it('holds until the end of quiet hours where the person is, not where the server is', () => {
    // 21:30 UTC is 00:30 in Bucharest (EEST): quiet until 09:00 there, 06:00 UTC, while it is
    // still quiet in Amsterdam until 07:00 UTC.
    const hold = quietHoursHold(ro, null, settings, new Date('2030-06-04T21:30:00Z'));
    expect(hold?.until.toISOString()).toBe('2030-06-05T06:00:00.000Z');
    expect(hold?.zone).toBe('Europe/Bucharest');
    expect(quietHoursHold(ro, null, settings, new Date('2030-06-05T06:00:00Z'))).toBeNull();
  });

  it('lets an answer go to someone who wrote within the reply window, and only then', () => {
    const at = new Date('2030-06-04T23:00:00Z');
    const wrote = (minutesAgo: number) => new Date(at.getTime() - minutesAgo * 60_000);
    expect(quietHoursHold(ro, wrote(59), settings, at)).toBeNull();
    expect(quietHoursHold(ro, wrote(61), settings, at)).not.toBeNull();
  });

  it('follows an explicit time zone over the number’s country', () => {
    const at = new Date('2030-06-04T21:30:00Z'); // 00:30 in Bucharest, 17:30 in New York
    expect(quietHoursHold({ ...ro, timeZone: 'America/New_York' }, null, settings, at)).toBeNull();
  });
});

describe('a number shared by several names', () => {
  const shared = (n: number, namesAllowedBy?: typeof supervisor | typeof worker) => ({
    recipient: {
      address: '+31612345678',
      doNotContact: false,
      sharedByNames: n,
      ...(namesAllowedBy ? { namesAllowedBy } : {}),
    },
  });

  it('refuses a template that names someone, until a supervisor allows names for it', () => {
    expect(check(shared(1)).allowed).toBe(true);
    const r = check(shared(8));
    expect(r).toMatchObject({ allowed: false, rule: 'shared_number_name', notBefore: null });
    expect(r.allowed || r.message).toMatch(/under 8 names/);
    expect(rules(check(shared(8, worker)))).toEqual(['shared_number_name']);
    expect(check(shared(8, supervisor)).allowed).toBe(true);
  });

  it('lets a template without a name go to a shared number', () => {
    const message = {
      text: 'Hoi, ik zag je advertentie. Hoe gaat het met je?',
      template: {
        id: 't2',
        status: 'approved' as const,
        variantText: 'Hoi, ik zag je advertentie. Hoe gaat het met je?',
      },
    };
    expect(check({ ...shared(8), message }).allowed).toBe(true);
  });

  it('is not a refusal that time lifts: nothing can be scheduled past it', () => {
    const night = new Date('2025-05-14T23:30:00+02:00');
    const r = check(shared(3), night);
    expect(rules(r)).toEqual(['shared_number_name', 'quiet_hours']);
    expect(r.allowed || r.notBefore).toBeNull();
  });
});

describe('the first allowed time, for a message scheduled at night', () => {
  it('is the morning after a gap that ends in quiet hours', () => {
    // Unanswered at 12:00 on Monday, gap 48 h: Wednesday 12:00; asked at 23:00 on Wednesday.
    const history = { inbound: [], outbound: [sent(new Date('2025-05-12T12:00:00+02:00'))] };
    const r = check(
      { history, thread: { startsNewThread: false } },
      new Date('2025-05-14T23:00:00+02:00'),
    );
    expect(rules(r)).toEqual(['quiet_hours']);
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-05-15T09:00:00+02:00'));
    // Asked on Tuesday night: the gap ends Wednesday at noon, after that morning's 09:00.
    const early = check(
      { history, thread: { startsNewThread: false } },
      new Date('2025-05-13T23:00:00+02:00'),
    );
    expect(rules(early)).toEqual(['min_gap', 'quiet_hours']);
    expect(early.allowed || early.notBefore).toEqual(new Date('2025-05-14T12:00:00+02:00'));
  });

  it('is now while the person wrote within the reply window, the morning once it closed', () => {
    const night = new Date('2025-05-14T23:30:00+02:00');
    const wrote = (minutes: number) => ({
      history: { inbound: [replied(ago(minutes * MIN, night))], outbound: [] },
      message: { text: 'Ik ben er.' },
    });
    expect(check(wrote(59), night).allowed).toBe(true);
    const closed = check(wrote(61), night);
    expect(closed.allowed || closed.notBefore).toEqual(new Date('2025-05-15T09:00:00+02:00'));
  });

  it('is in the person’s zone, not the worker’s: 09:00 in Bucharest is 08:00 in Amsterdam', () => {
    const r = check(
      { recipient: { address: '+40712345678', doNotContact: false } },
      new Date('2025-05-14T23:30:00+02:00'),
    );
    expect(r.allowed || r.notBefore).toEqual(new Date('2025-05-15T09:00:00+03:00'));
    expect(r.timeZone.zone).toBe('Europe/Bucharest');
  });
});
