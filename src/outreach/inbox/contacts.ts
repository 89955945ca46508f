// Contacts: the people outreach writes to, known by a keyed hash of their address (a phone number is
// one contact whether reached by SMS or WhatsApp), the address itself encrypted for sending, and
// the do-not-contact mark that no channel may ever pass.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { eq } from 'drizzle-orm';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Config } from '../../platform/config.js';
import { decryptField, encryptField, hashIdentifier } from '../../platform/crypto.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { contacts } from '../schema.js';

const ADDRESS_CONTEXT = 'contacts.address';

export type ContactKind = 'phone' | 'email' | 'handle';
export type ContactRow = typeof contacts.$inferSelect;

export interface NormalisedAddress {
  kind: ContactKind;
  value: string;
  country: string | null;
  masked: string;
}

function mask(value: string): string {
  if (value.length <= 4) return '•'.repeat(value.length);
  return `${value.slice(0, 3)}${'•'.repeat(Math.max(3, value.length - 5))}${value.slice(-2)}`;
}

/** Brings an address to the one form it is hashed and sent in; refuses what is not one. */
export function normaliseAddress(
  kind: ContactKind,
  raw: string,
  defaultCountry = 'NL',
): NormalisedAddress {
  const input = raw.trim();
  if (kind === 'phone') {
    const phone = parsePhoneNumberFromString(input, defaultCountry as never);
    if (!phone?.isValid()) {
      throw new AppError(
        'validation_failed',
        keyed('outreach.invalidPhone', 'That is not a valid phone number.'),
      );
    }
    const value = phone.number;
    return { kind, value, country: phone.country ?? null, masked: mask(value) };
  }
  if (kind === 'email') {
    const value = input.toLowerCase();
    if (!/^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(value)) {
      throw new AppError(
        'validation_failed',
        keyed('outreach.invalidEmail', 'That is not a valid e-mail address.'),
      );
    }
    return { kind, value, country: null, masked: mask(value) };
  }
  const value = input.replace(/^@/, '').toLowerCase();
  if (!/^[\p{L}\p{N}_.:-]{2,64}$/u.test(value)) {
    throw new AppError(
      'validation_failed',
      keyed('outreach.invalidHandle', 'That is not a valid handle.'),
    );
  }
  return { kind, value, country: null, masked: mask(value) };
}

export function addressHash(config: Config, a: Pick<NormalisedAddress, 'kind' | 'value'>): string {
  return hashIdentifier(config.secrets.identifierPepper, `contact:${a.kind}`, a.value);
}

/** The contact for an address, created on first use. */
export async function upsertContact(
  db: DbOrTx,
  config: Config,
  a: NormalisedAddress,
): Promise<ContactRow> {
  const hash = addressHash(config, a);
  const [existing] = await db.select().from(contacts).where(eq(contacts.addressHash, hash));
  if (existing) return existing;
  const [row] = await db
    .insert(contacts)
    .values({
      kind: a.kind,
      addressHash: hash,
      addressEnc: encryptField(config.secrets.fieldKeys, a.value, ADDRESS_CONTEXT),
      masked: a.masked,
      country: a.country,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [again] = await db.select().from(contacts).where(eq(contacts.addressHash, hash));
  if (!again) throw new AppError('internal', 'Contact could not be stored.');
  return again;
}

export async function contactById(db: DbOrTx, id: string): Promise<ContactRow> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  if (!row) throw new AppError('not_found', keyed('outreach.contactNotFound', 'No such contact.'));
  return row;
}

/** The plain address, for a channel about to send (not for display). */
export function contactAddress(config: Config, c: ContactRow): string {
  return decryptField(config.secrets.fieldKeys, c.addressEnc, ADDRESS_CONTEXT);
}

/** Marks a contact do-not-contact; permanent unless an admin lifts it. Audited. */
export async function setDoNotContact(
  db: DbOrTx,
  actor: Actor,
  contactId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const c = await contactById(db, contactId);
  if (c.doNotContact) return false;
  await db
    .update(contacts)
    .set({ doNotContact: true, doNotContactAt: now, doNotContactReason: reason })
    .where(eq(contacts.id, contactId));
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'contact.do_not_contact',
    targetType: 'contact',
    targetId: contactId,
    details: { reason },
  });
  return true;
}
