// What outreach does with a message, between the HTTP edge and the store: composing one (contact,
// thread, template, every rule of checkSend on the facts in the database, then queued), taking in
// a reply (opt-out honoured at once, confirmed once), and taking in a delivery report. The caller
// queues the send job for what comes back queued.
import { and, desc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { SYSTEM_ACTOR, auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Config } from '../../platform/config.js';
import type { Clock } from '../../platform/clock.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { revealIdentifier } from '../../facts/index.js';
import { entityOfAds, namesOnIdentifier } from '../../link/index.js';
import { advanceLeadForOutreach } from '../../score/index.js';
import type { DeliveryReport, InboundMessage } from '../channels/channel.js';
import {
  contactAddress,
  contactById,
  normaliseAddress,
  setDoNotContact,
  upsertContact,
  type ContactRow,
} from '../inbox/contacts.js';
import {
  cancelQueued,
  cancelQueuedForContact,
  conversationById,
  decryptBody,
  insertOutbound,
  recordDelivery,
  recordSent,
  recordInbound,
  startThread,
  threadsOfEntity,
  type ConversationRow,
  type InboundOutcome,
  type MessageRow,
} from '../inbox/conversations.js';
import {
  checkSend,
  ContactSettings,
  detectOptOut,
  OutreachLanguage,
  optOutConfirmation,
  pickVariant,
  renderTemplate,
  SMS_KINDS,
  smsInfo,
  TemplateRenderError,
  type ContactConsentBar,
  type SendCheck,
  type SendCheckInput,
} from '../domain/index.js';
import {
  contacts,
  conversations,
  messages,
  outreachChannels,
  outreachNameAllowances,
  outreachTemplates,
} from '../schema.js';
import { contactConsentBar, type ContactConsentPort } from './contact-consent.js';
import { outreachSettings } from './settings.js';
import { templateById } from '../templates/templates-store.js';

export type ChannelRow = typeof outreachChannels.$inferSelect;

export interface OutreachOptions {
  /** The contact rules' thresholds; absent: the installation's (OUTREACH_RULES_FILE or defaults). */
  settings?: ContactSettings;
  /**
   * What "now" is for the rules (quiet hours, gaps, rate windows) and the times stored with the
   * message. Read once per call, so one decision and what it stores share one instant.
   */
  clock: Clock;
}

/** What writing a message needs besides: the cases' word on contacting the person (see the port). */
export interface ComposeOptions extends OutreachOptions {
  contactConsent: ContactConsentPort;
}

const ComposeFields = z
  .object({
    /** The entity (person) this outreach is for; one open thread per entity. */
    entityId: z.uuid().nullish(),
    /** An existing conversation to write in; otherwise a new thread is started. */
    conversationId: z.uuid().nullish(),
    /**
     * Whom to write to: an address, or one of the entity's identifiers by id — then the server
     * reads the number (audited) and the worker never needs to see it.
     */
    contact: z
      .union([
        z
          .object({
            kind: z.enum(['phone', 'email', 'handle']),
            address: z.string().min(1).max(320),
          })
          .strict(),
        z.object({ identifierId: z.uuid() }).strict(),
      ])
      .nullish(),
    channelId: z.uuid(),
    templateId: z.uuid().nullish(),
    /** Free text; only once the person has written (until then, approved templates only). */
    text: z.string().max(4000).nullish(),
    values: z
      .object({
        displayName: z.string().max(1000).nullish(),
        city: z.string().max(1000).nullish(),
      })
      .default({}),
    /** The same key twice gives the message made the first time: a retried request sends once. */
    idempotencyKey: z.string().trim().min(8).max(200),
    /** A supervisor allows a second thread for the same entity (audited), with a reason. */
    override: z.object({ reason: z.string().trim().min(3).max(500) }).nullish(),
    /** A supervisor confirms safety hits in this message. */
    confirmSafety: z.boolean().default(false),
    /**
     * When only time stands in the way (quiet hours where the person is, the gap after an
     * unanswered message, a busy channel): keep the message and send it at the first allowed
     * time, when every rule is checked again. When it may go now, it goes now.
     */
    schedule: z.boolean().default(false),
  })
  .strict();

export const ComposeInput = ComposeFields.refine((c) => c.conversationId || c.contact, {
  message: 'Give a conversation or a contact to write to.',
}).refine((c) => c.templateId || c.text?.trim(), { message: 'Give a template or a text.' });
export type ComposeInput = z.input<typeof ComposeInput>;

/** What the compose dialog asks before Send: the same message, without its key. */
export const ComposeCheckInput = ComposeFields.omit({ idempotencyKey: true, schedule: true })
  .refine((c) => c.conversationId || c.contact, {
    message: 'Give a conversation or a contact to write to.',
  })
  .refine((c) => c.templateId || c.text?.trim(), { message: 'Give a template or a text.' });
export type ComposeCheckInput = z.input<typeof ComposeCheckInput>;

/** A refusal of the contact rules, with the rule that refused (shown to the worker). */
export class SendRefused extends AppError {
  constructor(readonly check: Extract<SendCheck, { allowed: false }>) {
    super('conflict', check.message, { rule: check.rule });
  }

  get rule() {
    return this.check.rule;
  }
}

async function channelRow(db: DbOrTx, id: string): Promise<ChannelRow> {
  const [row] = await db.select().from(outreachChannels).where(eq(outreachChannels.id, id));
  if (!row) throw new AppError('not_found', keyed('outreach.channelNotFound', 'No such channel.'));
  return row;
}

function roleActor(actor: Actor) {
  if (!actor.role)
    throw new AppError(
      'forbidden',
      keyed('outreach.noPermission', 'You do not have permission to do this.'),
    );
  return { id: actor.userId ?? actor.label, role: actor.role };
}

/** The longest rate window that applies to a channel kind, in ms (how far back sends matter). */
function longestWindowMs(settings: ContactSettings, kind: ChannelRow['kind']): number {
  const s = ContactSettings.parse(settings);
  const windows = s.rateLimits.perKind[kind] ?? s.rateLimits.default;
  return Math.max(...windows.map((w) => w.windowSeconds)) * 1000;
}

/**
 * What passed between us and this person on every channel, and what the channel sent lately:
 * the facts checkSend needs, read from the messages of all the contact's conversations.
 */
export async function sendFacts(
  db: DbOrTx,
  contactId: string,
  channel: ChannelRow,
  settings: ContactSettings,
  now: Date,
  /** A scheduled message checked at its time is not part of its own history. */
  excludeMessageId?: string,
): Promise<{
  history: NonNullable<SendCheckInput['history']>;
  channelSends: Date[];
}> {
  const rows = await db
    .select({
      direction: messages.direction,
      status: messages.status,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      kind: outreachChannels.kind,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(outreachChannels, eq(outreachChannels.id, messages.channelId))
    .where(
      and(
        eq(conversations.contactId, contactId),
        inArray(messages.direction, ['in', 'out']),
        eq(messages.purpose, 'message'),
        excludeMessageId ? ne(messages.id, excludeMessageId) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(5000);
  const history = {
    inbound: rows
      .filter((r) => r.direction === 'in')
      .map((r) => ({ at: r.createdAt, channelKind: r.kind })),
    outbound: rows
      .filter((r) => r.direction === 'out')
      .map((r) => ({
        at: r.sentAt ?? r.createdAt,
        channelKind: r.kind,
        // Waiting to be sent by hand counts as queued: it is on its way.
        status: (r.status === 'to_send' ? 'queued' : r.status) as
          'queued' | 'sending' | 'sent' | 'delivered' | 'failed',
      })),
  };
  const since = new Date(now.getTime() - longestWindowMs(settings, channel.kind));
  const sends = await db
    .select({ at: sql<Date>`coalesce(${messages.sentAt}, ${messages.createdAt})` })
    .from(messages)
    .where(
      and(
        eq(messages.channelId, channel.id),
        eq(messages.direction, 'out'),
        ne(messages.status, 'failed'),
        or(gt(messages.sentAt, since), gt(messages.createdAt, since)),
        excludeMessageId ? ne(messages.id, excludeMessageId) : undefined,
      ),
    )
    .limit(1_000_000);
  return { history, channelSends: sends.map((s) => new Date(s.at)) };
}

function recipientOf(config: Config, c: ContactRow, contactConsent: ContactConsentBar | null) {
  return {
    address: contactAddress(config, c),
    doNotContact: c.doNotContact,
    contactConsent,
    optOut:
      c.optOutAt && c.optOutChannelId
        ? { at: c.optOutAt, channelId: c.optOutChannelId, confirmedAt: c.optOutConfirmedAt }
        : null,
    whatsappOptIn: c.whatsappOptInAt !== null,
  };
}

/** A manual channel's message waits for the worker; every other is queued for the send job. */
function initialStatus(kind: ChannelRow['kind']): 'queued' | 'to_send' {
  return kind === 'manual' ? 'to_send' : 'queued';
}

function refuseUnless(check: SendCheck): void {
  if (!check.allowed) throw new SendRefused(check);
}

/**
 * The address behind one of an entity's identifiers, read in the clear (audited as a reveal for
 * outreach). It must belong to an ad of that entity: a worker cannot write to any number in the
 * database by guessing ids.
 */
async function identifierAddress(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  entityId: string | null,
  identifierId: string,
  purpose: Purpose,
) {
  if (!entityId) {
    throw new AppError(
      'validation_failed',
      keyed(
        'outreach.identifierNeedsPerson',
        'An identifier is contacted for a person: give entityId.',
      ),
    );
  }
  const id = await revealIdentifier(
    db,
    config,
    actor,
    identifierId,
    'outreach contact',
    purpose === 'check' ? { onceWithinMs: CHECK_REVEAL_WINDOW_MS } : {},
  );
  const owner = (await entityOfAds(db, [id.adId])).get(id.adId);
  if (owner !== entityId)
    throw new AppError(
      'not_found',
      keyed('outreach.identifierNotFound', 'No such identifier for this person.'),
    );
  if (id.kind === 'phone') return normaliseAddress('phone', id.value);
  if (id.kind === 'email') return normaliseAddress('email', id.value);
  if (id.kind === 'messenger') {
    // A WhatsApp contact is a phone number; other messengers are handles on their platform.
    if (id.platform === 'whatsapp' && /^\+?\d{6,15}$/.test(id.value.replace(/[\s-]/g, ''))) {
      return normaliseAddress('phone', id.value);
    }
    return normaliseAddress('handle', id.value);
  }
  throw new AppError(
    'validation_failed',
    keyed('outreach.notWritable', `A ${id.kind} cannot be written to.`, { kind: id.kind }),
  );
}

/**
 * Why the address is read: to send (every read audited), or to check the rules before Send, which
 * the dialog asks after typing stops and every minute without showing the number: one audit entry
 * per person, number and ten minutes says it was read for that.
 */
type Purpose = 'send' | 'check';
const CHECK_REVEAL_WINDOW_MS = 10 * 60_000;

/** Where a message goes: the address an identifier or the worker gave, resolved before writing. */
interface Destination {
  address: ReturnType<typeof normaliseAddress> | null;
  /** Names the ads with this identifier go by (0 when written to by address or in a thread). */
  sharedByNames: number;
}

/**
 * Reads the address behind the contact the worker chose. An identifier is revealed (audited)
 * outside the transaction that decides, so the read stays on record even when the rules refuse
 * or only the state before Send was asked for.
 */
async function destinationOf(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  c: { entityId?: string | null | undefined; contact?: ComposeInput['contact'] },
  purpose: Purpose = 'send',
): Promise<Destination> {
  const contactInput = c.contact;
  if (!contactInput) return { address: null, sharedByNames: 0 };
  if (!('identifierId' in contactInput)) {
    return {
      address: normaliseAddress(contactInput.kind, contactInput.address),
      sharedByNames: 0,
    };
  }
  const address = await identifierAddress(
    db,
    config,
    actor,
    c.entityId ?? null,
    contactInput.identifierId,
    purpose,
  );
  const shared = c.entityId
    ? await namesOnIdentifier(db, c.entityId, contactInput.identifierId)
    : null;
  return { address, sharedByNames: shared?.names ?? 0 };
}

/** Everything one composition decided: the rows it read, the text, and the rules' verdict. */
interface Prepared {
  channel: ChannelRow;
  contact: ContactRow;
  conversation: ConversationRow | null;
  entityId: string | null;
  otherOpenThreads: number;
  text: string;
  templateId: string | null;
  /** The template's text names the person ({displayName}). */
  templateNames: boolean;
  namesAllowed: boolean;
  sharedByNames: number;
  check: SendCheck;
}

type ComposeFieldsOut = z.output<typeof ComposeFields>;

/**
 * Gathers what a composition depends on and asks every rule, inside the caller's transaction and
 * under the per-contact lock. Writes only the contact (new addresses); the caller decides the rest.
 */
async function prepareCompose(
  tx: DbOrTx,
  config: Config,
  actor: Actor,
  c: Omit<ComposeFieldsOut, 'idempotencyKey' | 'schedule'>,
  dest: Destination,
  settings: ContactSettings,
  now: Date,
  port: ContactConsentPort,
): Promise<Prepared> {
  const by = roleActor(actor);
  const channel = await channelRow(tx, c.channelId);
  if (!channel.enabled)
    throw new AppError('conflict', keyed('outreach.channelOff', 'This channel is switched off.'));

  let conversation: ConversationRow | null = null;
  let contact: ContactRow;
  if (c.conversationId) {
    conversation = await conversationById(tx, c.conversationId);
    if (!conversation.contactId) {
      throw new AppError(
        'conflict',
        keyed('outreach.noContact', 'This conversation has no contact to write to.'),
      );
    }
    contact = await contactById(tx, conversation.contactId);
  } else {
    if (!dest.address)
      throw new AppError(
        'validation_failed',
        keyed('outreach.giveContact', 'Give a contact to write to.'),
      );
    contact = await upsertContact(tx, config, dest.address);
  }
  // One compose per contact at a time: the facts read below stay true until the message is in.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`outreach:${contact.id}`}))`);
  contact = await contactById(tx, contact.id);

  const entityId = c.entityId ?? conversation?.entityId ?? null;
  const startsNewThread = conversation === null;
  const otherOpenThreads =
    startsNewThread && entityId ? (await threadsOfEntity(tx, entityId)).length : 0;

  let text: string;
  let templateInfo: NonNullable<SendCheckInput['message']['template']> | null = null;
  let whatsappTemplate: NonNullable<SendCheckInput['message']['whatsappTemplate']> | null = null;
  let templateId: string | null = null;
  if (c.templateId) {
    const t = await templateById(tx, c.templateId);
    const variant = pickVariant(t.variants, contact.id);
    try {
      text = renderTemplate(variant.text, c.values, {
        language: OutreachLanguage.parse(t.language),
        fallbacks: t.fallbacks,
      }).text;
    } catch (err) {
      if (err instanceof TemplateRenderError) {
        throw new AppError('conflict', keyed('outreach.templateBroken', err.message));
      }
      throw err;
    }
    templateId = t.id;
    // Any variant may be picked for a later contact: the template names someone if one does.
    templateInfo = {
      id: t.id,
      status: t.status,
      variantText: variant.text,
      safetyConfirmedBy: t.safetyConfirmedBy,
    };
    if (t.whatsappTemplate) {
      // The supervisor records the name Meta approved; it is usable while the template is.
      whatsappTemplate = {
        name: t.whatsappTemplate,
        language: t.language,
        approved: t.status === 'approved',
      };
    }
  } else {
    text = (c.text ?? '').trim();
  }

  const allowance =
    entityId && dest.sharedByNames > 1 ? await nameAllowance(tx, entityId, contact.id) : null;
  const facts = await sendFacts(tx, contact.id, channel, settings, now);
  // Under the contact's lock: a withdrawal recorded before this instant is seen here.
  const contactConsent = await contactConsentBar(tx, port, contact.id, entityId, now);
  const check = checkSend(
    {
      purpose: 'message',
      channel: { id: channel.id, kind: channel.kind, sender: channel.sender },
      recipient: {
        ...recipientOf(config, contact, contactConsent),
        sharedByNames: dest.sharedByNames,
        namesAllowedBy: allowance,
      },
      history: facts.history,
      channelSends: facts.channelSends,
      thread: {
        startsNewThread,
        otherOpenThreads,
        supervisorOverride: c.override ? { by, at: now, reason: c.override.reason } : null,
      },
      message: {
        text,
        template: templateInfo,
        whatsappTemplate,
        safetyConfirmation: c.confirmSafety ? { by, at: now } : null,
      },
    },
    settings,
    now,
  );
  return {
    channel,
    contact,
    conversation,
    entityId,
    otherOpenThreads,
    text,
    templateId,
    templateNames: templateInfo ? /\{displayName\}/.test(templateInfo.variantText) : false,
    namesAllowed: allowance !== null,
    sharedByNames: dest.sharedByNames,
    check,
  };
}

/** A supervisor's allowance of names for a shared number, as the rules take it. */
async function nameAllowance(db: DbOrTx, entityId: string, contactId: string) {
  const [row] = await db
    .select()
    .from(outreachNameAllowances)
    .where(
      and(
        eq(outreachNameAllowances.entityId, entityId),
        eq(outreachNameAllowances.contactId, contactId),
      ),
    );
  return row ? { id: row.allowedBy ?? 'supervisor', role: 'supervisor' as const } : null;
}

/**
 * Composes one message and stores it queued. Every rule is checked on the facts in the database
 * under a per-contact lock, inside one transaction: a refusal stores nothing (not even a new
 * contact or thread). With `schedule`, a message that only time holds back is stored for the first
 * allowed time instead of refused. The caller queues the send job for the message returned (at
 * `scheduledFor` when it has one).
 */
export async function composeMessage(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  input: ComposeInput,
  options: ComposeOptions,
): Promise<{ message: MessageRow; conversation: ConversationRow; warnings: string[] }> {
  const c = ComposeInput.parse(input);
  const now = options.clock.now();
  const settings = options.settings ?? outreachSettings(config);
  roleActor(actor);

  const [existing] = await db
    .select()
    .from(messages)
    .where(eq(messages.idempotencyKey, c.idempotencyKey));
  if (existing) {
    return {
      message: existing,
      conversation: await conversationById(db, existing.conversationId),
      warnings: [],
    };
  }
  const dest = c.conversationId
    ? { address: null, sharedByNames: 0 }
    : await destinationOf(db, config, actor, c);

  return db.transaction(async (tx) => {
    const p = await prepareCompose(
      tx,
      config,
      actor,
      c,
      dest,
      settings,
      now,
      options.contactConsent,
    );
    const { check, channel, contact } = p;
    let scheduledFor: Date | null = null;
    if (!check.allowed) {
      // Only time stands in the way and the worker asked for it: keep it for then. A manual
      // channel's message is sent by a person, who reads the state in the thread instead.
      if (c.schedule && check.notBefore && channel.kind !== 'manual') {
        scheduledFor = check.notBefore;
      } else {
        refuseUnless(check);
      }
    }

    let conversation = p.conversation;
    if (!conversation) {
      conversation = await startThread(
        tx,
        actor,
        {
          entityId: p.entityId,
          contactId: contact.id,
          channelId: channel.id,
          override: p.otherOpenThreads > 0 && !!c.override,
        },
        now,
      );
    }
    const message = await insertOutbound(tx, config, {
      conversationId: conversation.id,
      channelId: channel.id,
      body: p.text,
      templateId: p.templateId,
      authorId: actor.userId,
      idempotencyKey: c.idempotencyKey,
      segments: SMS_KINDS.includes(channel.kind) ? smsInfo(p.text).segments : null,
      status: initialStatus(channel.kind),
      now,
      ...(scheduledFor ? { scheduledFor, scheduledZone: check.timeZone.zone } : {}),
      safetyConfirmedBy: c.confirmSafety ? (actor.userId ?? null) : null,
    });
    if (scheduledFor) {
      await appendAudit(tx, {
        ...auditFields(actor),
        action: 'outreach.message_scheduled',
        targetType: 'conversation',
        targetId: conversation.id,
        details: { messageId: message.id, scheduledFor: scheduledFor.toISOString() },
      });
    }
    const [updated] = await tx
      .update(conversations)
      .set({ lastMessageAt: now, channelId: channel.id })
      .where(eq(conversations.id, conversation.id))
      .returning();
    // Written to: the person's lead is planned for contact (contacted once the message is out).
    const leadOf = updated?.entityId ?? conversation.entityId;
    if (leadOf) await advanceLeadForOutreach(tx, leadOf, 'contact_planned', actor, now);
    return {
      message,
      conversation: updated ?? conversation,
      warnings: check.warnings.map((w) => w.message),
    };
  });
}

/** Carries the verdict out of a transaction that must leave nothing behind. */
class CheckOnly extends Error {
  constructor(readonly prepared: Prepared) {
    super('compose check (rolled back)');
  }
}

/** The rules' verdict on a message as the compose dialog has it, before Send. */
export interface ComposeState {
  check: SendCheck;
  /** The template addresses the person by name. */
  templateNames: boolean;
  /** Names the ads with this number go by. */
  sharedByNames: number;
  /** A supervisor allowed names for this shared number. */
  namesAllowed: boolean;
  /** Sending later is possible (only time stands in the way, and the channel sends by itself). */
  schedulable: boolean;
}

/**
 * Every rule on the message the dialog would send, at the server's clock, without sending or
 * storing anything: the same path as composing, rolled back at the end. Only the reveal of an
 * identifier's number stays (audited), once per ten minutes per person and number.
 */
export async function checkCompose(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  input: ComposeCheckInput,
  options: ComposeOptions,
): Promise<ComposeState> {
  const c = ComposeCheckInput.parse(input);
  const now = options.clock.now();
  const settings = options.settings ?? outreachSettings(config);
  roleActor(actor);
  const dest = c.conversationId
    ? { address: null, sharedByNames: 0 }
    : await destinationOf(db, config, actor, c, 'check');
  let p: Prepared;
  try {
    await db.transaction(async (tx) => {
      throw new CheckOnly(
        await prepareCompose(tx, config, actor, c, dest, settings, now, options.contactConsent),
      );
    });
    throw new AppError('internal', 'The check did not roll back.');
  } catch (err) {
    if (!(err instanceof CheckOnly)) throw err;
    p = err.prepared;
  }
  return {
    check: p.check,
    templateNames: p.templateNames,
    sharedByNames: p.sharedByNames,
    namesAllowed: p.namesAllowed,
    schedulable: !p.check.allowed && p.check.notBefore !== null && p.channel.kind !== 'manual',
  };
}

/**
 * A supervisor allows templates that name someone for a number several names share, for one
 * person (entity) and that number; audited with the reason.
 */
export async function allowNamesForSharedNumber(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  input: { entityId: string; identifierId: string; reason: string },
): Promise<void> {
  if (actor.role !== 'supervisor') {
    throw new AppError(
      'forbidden',
      keyed(
        'outreach.namesSupervisorOnly',
        'Only a supervisor can allow names for a shared number.',
      ),
    );
  }
  const dest = await destinationOf(db, config, actor, {
    entityId: input.entityId,
    contact: { identifierId: input.identifierId },
  });
  if (!dest.address)
    throw new AppError(
      'not_found',
      keyed('outreach.identifierNotFound', 'No such identifier for this person.'),
    );
  const address = dest.address;
  await db.transaction(async (tx) => {
    const contact = await upsertContact(tx, config, address);
    await tx
      .insert(outreachNameAllowances)
      .values({
        entityId: input.entityId,
        contactId: contact.id,
        reason: input.reason,
        allowedBy: actor.userId,
      })
      .onConflictDoNothing();
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'outreach.shared_number_names_allowed',
      targetType: 'entity',
      targetId: input.entityId,
      details: {
        identifierId: input.identifierId,
        names: dest.sharedByNames,
        reason: input.reason,
      },
    });
  });
}

/**
 * A scheduled message's author or a supervisor takes it back before it goes (audited). Only a
 * message still waiting for its time can be cancelled.
 */
export async function cancelScheduled(
  db: DbOrTx,
  actor: Actor,
  messageId: string,
  clock: Clock,
): Promise<MessageRow> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [msg] = await tx.select().from(messages).where(eq(messages.id, messageId)).for('update');
    if (!msg || msg.direction !== 'out')
      throw new AppError('not_found', keyed('outreach.messageNotFound', 'No such message.'));
    const mine = actor.userId !== null && msg.authorId === actor.userId;
    if (!mine && actor.role !== 'supervisor') {
      throw new AppError(
        'forbidden',
        keyed(
          'outreach.cancelAuthorOnly',
          'Only the author of a scheduled message or a supervisor can cancel it.',
        ),
      );
    }
    if (!msg.scheduledFor || msg.status !== 'queued') {
      throw new AppError(
        'conflict',
        keyed(
          'outreach.notScheduled',
          'This message is not waiting for a scheduled time any more.',
        ),
      );
    }
    const [row] = await tx
      .update(messages)
      .set({
        status: 'failed',
        failedAt: now,
        errorCode: 'cancelled',
        errorMessage: mine ? 'Cancelled by its author.' : 'Cancelled by a supervisor.',
        cancelledBy: actor.userId,
      })
      .where(eq(messages.id, messageId))
      .returning();
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'outreach.scheduled_cancelled',
      targetType: 'conversation',
      targetId: msg.conversationId,
      details: { messageId, scheduledFor: msg.scheduledFor.toISOString() },
    });
    if (!row) throw new AppError('internal', 'Message vanished.');
    return row;
  });
}

/**
 * A scheduled message at its time: every rule again, on the facts as they are now, through the
 * same checkSend as composing. The thread exists (no second-thread question); the safety words a
 * supervisor confirmed when it was written stay confirmed.
 */
export async function recheckScheduled(
  tx: DbOrTx,
  config: Config,
  msg: MessageRow,
  contact: ContactRow,
  settings: ContactSettings,
  now: Date,
  port: ContactConsentPort,
): Promise<SendCheck> {
  const channel = await channelRow(tx, msg.channelId ?? '');
  const text = decryptBody(config, msg.bodyEnc);
  let template: NonNullable<SendCheckInput['message']['template']> | null = null;
  let whatsappTemplate: NonNullable<SendCheckInput['message']['whatsappTemplate']> | null = null;
  if (msg.templateId) {
    const t = await templateById(tx, msg.templateId);
    const variant = pickVariant(t.variants, contact.id);
    template = {
      id: t.id,
      status: t.status,
      variantText: variant.text,
      safetyConfirmedBy: t.safetyConfirmedBy,
    };
    if (t.whatsappTemplate) {
      whatsappTemplate = {
        name: t.whatsappTemplate,
        language: t.language,
        approved: t.status === 'approved',
      };
    }
  }
  const facts = await sendFacts(tx, contact.id, channel, settings, now, msg.id);
  const conversation = await conversationById(tx, msg.conversationId);
  const contactConsent = await contactConsentBar(tx, port, contact.id, conversation.entityId, now);
  const check = checkSend(
    {
      purpose: 'message',
      channel: { id: channel.id, kind: channel.kind, sender: channel.sender },
      recipient: recipientOf(config, contact, contactConsent),
      history: facts.history,
      channelSends: facts.channelSends,
      thread: { startsNewThread: false },
      message: {
        text,
        template,
        whatsappTemplate,
        safetyConfirmation: msg.safetyConfirmedBy
          ? { by: { id: msg.safetyConfirmedBy, role: 'supervisor' }, at: msg.createdAt }
          : null,
      },
    },
    settings,
    now,
  );
  if (!channel.enabled && check.allowed) {
    return {
      allowed: false,
      rule: 'invalid_recipient',
      message: 'The channel was switched off.',
      notBefore: null,
      refusals: [{ rule: 'invalid_recipient', message: 'The channel was switched off.' }],
      warnings: check.warnings,
      timeZone: check.timeZone,
    };
  }
  return check;
}

export interface InboundHandled extends InboundOutcome {
  optOut: boolean;
  /** The one confirmation, queued: the caller queues its send job. */
  confirmation: MessageRow | null;
}

/**
 * An inbound message: stored in the person's conversation (a new one for an unknown sender). An
 * opt-out ends contact at once: do-not-contact, everything queued for them cancelled, and the one
 * neutral confirmation queued on the channel it came in on — once, however often they write STOP.
 */
export async function handleInbound(
  db: DbOrTx,
  config: Config,
  channel: { id: string; kind: ChannelRow['kind'] },
  inbound: InboundMessage & { contactId?: string },
  options: OutreachOptions,
): Promise<InboundHandled> {
  const now = options.clock.now();
  const settings = options.settings ?? outreachSettings(config);
  return db.transaction(async (tx) => {
    const outcome = await recordInbound(tx, config, channel, inbound);
    // "STOP" is a word in many languages: the one we wrote in decides, and the confirmation
    // goes out in it.
    const [lastTemplate] = await tx
      .select({ language: outreachTemplates.language })
      .from(messages)
      .innerJoin(outreachTemplates, eq(outreachTemplates.id, messages.templateId))
      .where(
        and(eq(messages.conversationId, outcome.conversation.id), eq(messages.direction, 'out')),
      )
      .orderBy(desc(messages.createdAt))
      .limit(1);
    const language = OutreachLanguage.safeParse(lastTemplate?.language);
    const detected = detectOptOut({
      text: inbound.body,
      ...(language.success ? { language: language.data } : {}),
    });
    if (!detected.optOut) return { ...outcome, optOut: false, confirmation: null };

    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`outreach:${outcome.contactId}`}))`,
    );
    const before = await contactById(tx, outcome.contactId);
    await setDoNotContact(
      tx,
      SYSTEM_ACTOR,
      outcome.contactId,
      `opt-out by the person (${detected.rule}, ${detected.language})`,
      now,
    );
    await cancelQueuedForContact(tx, outcome.contactId, 'The person opted out.', now);
    // Their threads close with the reason (findable under "closed"): nothing is left to answer.
    await tx
      .update(conversations)
      .set({ status: 'closed', closedAt: now, closedReason: 'opt_out' })
      .where(
        and(eq(conversations.contactId, outcome.contactId), ne(conversations.status, 'closed')),
      );
    if (before.optOutAt) {
      // They opted out before: confirmed (or not) then, never again.
      return { ...outcome, optOut: true, confirmation: null };
    }
    const [contact] = await tx
      .update(contacts)
      .set({ optOutAt: now, optOutChannelId: channel.id, optOutLanguage: detected.language })
      .where(eq(contacts.id, outcome.contactId))
      .returning();
    if (!contact) throw new AppError('internal', 'Contact vanished.');
    const text = optOutConfirmation(detected.language);
    const row = await channelRow(tx, channel.id);
    const facts = await sendFacts(tx, contact.id, row, settings, now);
    const check = checkSend(
      {
        purpose: 'opt_out_confirmation',
        channel: { id: row.id, kind: row.kind, sender: row.sender },
        // The one confirmation of the person's own STOP goes as with do-not-contact: it answers
        // what they just wrote, and says only that they will not hear from us again.
        recipient: recipientOf(config, contact, null),
        history: facts.history,
        channelSends: facts.channelSends,
        thread: { startsNewThread: false },
        message: { text },
      },
      settings,
      now,
    );
    // A confirmation held back by the channel's rate limit still goes, a little later, through
    // the queue; any other refusal means it must not go at all.
    if (!check.allowed && check.refusals.some((r) => r.rule !== 'rate_limit')) {
      return { ...outcome, optOut: true, confirmation: null };
    }
    const confirmation = await insertOutbound(tx, config, {
      conversationId: outcome.conversation.id,
      channelId: channel.id,
      body: text,
      templateId: null,
      authorId: null,
      // One key per contact: a second opt-out can never queue a second confirmation.
      idempotencyKey: `opt-out-confirmation:${contact.id}`,
      segments: SMS_KINDS.includes(row.kind) ? smsInfo(text).segments : null,
      purpose: 'opt_out_confirmation',
      status: initialStatus(row.kind),
      now,
    });
    return { ...outcome, optOut: true, confirmation };
  });
}

/** A delivery report: the message moves on to delivered or failed. */
export async function handleDelivery(
  db: DbOrTx,
  channelId: string,
  report: DeliveryReport,
): Promise<MessageRow | null> {
  return recordDelivery(db, channelId, report);
}

/**
 * A worker sent a manual channel's message by hand and says so: it becomes sent, as the send job
 * would have made it. An opt-out that came in meanwhile wins (the message was cancelled then), and
 * so does do-not-contact set since: what waits in the thread is cancelled — and that cancellation
 * is committed before the worker is told not to send it (a refusal thrown inside the transaction
 * would roll it back, leaving the message waiting to be refused again). A case's "do not contact
 * me" refuses without changing anything: a consent given again lets the message go after all.
 */
export async function markSentByHand(
  db: DbOrTx,
  actor: Actor,
  messageId: string,
  clock: Clock,
  port: ContactConsentPort,
): Promise<MessageRow> {
  const now = clock.now();
  const done = await db.transaction(async (tx): Promise<MessageRow | 'do_not_contact'> => {
    const [msg] = await tx.select().from(messages).where(eq(messages.id, messageId)).for('update');
    if (!msg || msg.direction !== 'out')
      throw new AppError('not_found', keyed('outreach.messageNotFound', 'No such message.'));
    if (msg.status !== 'to_send') {
      throw new AppError(
        'conflict',
        msg.status === 'failed'
          ? keyed(
              'outreach.withdrawn',
              `This message was withdrawn: ${msg.errorMessage ?? 'it must not be sent'}`,
            )
          : keyed('outreach.notWaitingByHand', 'This message is not waiting to be sent by hand.'),
      );
    }
    const conversation = await conversationById(tx, msg.conversationId);
    const contact = conversation.contactId ? await contactById(tx, conversation.contactId) : null;
    const confirmation = msg.purpose === 'opt_out_confirmation';
    if (contact?.doNotContact && !confirmation) {
      await cancelQueued(tx, [conversation.id], 'The person is on the do-not-contact list.', now);
      return 'do_not_contact';
    }
    const bar =
      contact && !confirmation
        ? await contactConsentBar(tx, port, contact.id, conversation.entityId, now)
        : null;
    if (bar) {
      // Refused, not cancelled: a consent given again in the case lets it go after all.
      throw new AppError(
        'conflict',
        keyed(
          'outreach.noContactConsent',
          'Do not send it: a case records that the person is not to be contacted again.',
        ),
      );
    }
    const row = await recordSent(
      tx,
      msg,
      {
        from: 'to_send',
        providerId: `manual-${crypto.randomUUID()}`,
        contactId: contact?.id ?? null,
      },
      now,
    );
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'outreach.sent_by_hand',
      targetType: 'conversation',
      targetId: conversation.id,
      details: { messageId },
    });
    if (!row) throw new AppError('internal', 'Message vanished.');
    return row;
  });
  if (done === 'do_not_contact') {
    throw new AppError(
      'conflict',
      keyed('outreach.doNotSend', 'Do not send it: the person must not be contacted.'),
    );
  }
  return done;
}

/**
 * A reply the worker read on a platform without an API, recorded in the conversation as if the
 * channel had delivered it — so an opt-out written there is honoured the same way.
 */
export async function recordReplyByHand(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  conversationId: string,
  text: string,
  options: OutreachOptions,
): Promise<InboundHandled> {
  const conversation = await conversationById(db, conversationId);
  if (!conversation.contactId || !conversation.channelId) {
    throw new AppError(
      'conflict',
      keyed(
        'outreach.noContactForReply',
        'This conversation has no contact to record a reply from.',
      ),
    );
  }
  const channel = await channelRow(db, conversation.channelId);
  if (channel.kind !== 'manual') {
    throw new AppError(
      'conflict',
      keyed('outreach.manualRepliesOnly', 'Replies are recorded by hand only on manual channels.'),
    );
  }
  const contact = await contactById(db, conversation.contactId);
  const handled = await handleInbound(
    db,
    config,
    { id: channel.id, kind: channel.kind },
    {
      from: contactAddress(config, contact),
      to: channel.sender ?? '',
      body: text,
      at: options.clock.now(),
      contactId: contact.id,
    },
    options,
  );
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.reply_by_hand',
    targetType: 'conversation',
    targetId: handled.conversation.id,
    details: { optOut: handled.optOut },
  });
  return handled;
}
