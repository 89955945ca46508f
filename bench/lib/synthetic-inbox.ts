// A synthetic outreach inbox of N conversations, bulk-loaded into the real outreach tables for the
// inbox benchmark. Seeded (the same N gives the same inbox), generated and inserted in chunks so
// memory stays flat.
//
// What is real and what is shortcut, so the figures can be trusted for what they are:
// - Contacts: addresses go through the real normaliseAddress and addressHash; the address is
//   encrypted with the real field encryption under the context contacts.ts uses (checked after
//   loading by decrypting one with contactAddress). ~85% phone numbers (Dutch and Romanian
//   mobiles), the rest e-mail addresses at example.org and platform handles; 2% do-not-contact.
//   About one person in seven has more than one conversation (a new thread after a closed one).
// - Messages: 2–10 a conversation, every body encrypted with the real encryptBody (no pool of
//   reused ciphertexts); bodies are short synthetic outreach texts, replies and notes.
// - Conversations: 70% outreach (with an entity id that points at no entity row: the inbox never
//   joins entities), 25% people who wrote first, 5% chat. The last activity is spread over a
//   year, denser towards now; recent threads are mostly open or waiting, older ones mostly
//   closed. ~5% are unread (their last 1–3 messages inbound, so open, as recordInbound leaves
//   them). ~90% have an assignee among the staff given, with a mild skew (some people carry more).
// - Counters are what the code would have left: unread, unanswered (outbound since the person
//   last wrote), last inbound/outbound times, the contact's last inbound time.
// The rows go in through multi-row INSERT … SELECT unnest (bulk-insert.ts), one transaction per
// chunk with synchronous_commit off (a loading shortcut; measuring runs with server defaults), and
// the tables are vacuumed and analysed afterwards, as autovacuum would have done on a live server.
import { randomUUID } from 'node:crypto';
import { Rng } from '../../fixtures/ad-board/prng.js';
import {
  addressHash,
  contactAddress,
  normaliseAddress,
  type ContactKind,
} from '../../src/outreach/inbox/contacts.js';
import { encryptBody } from '../../src/outreach/inbox/conversations.js';
import { contacts, conversations, messages } from '../../src/outreach/schema.js';
import type { Config } from '../../src/platform/config.js';
import { encryptField } from '../../src/platform/crypto.js';
import type { Database } from '../../src/platform/db/connect.js';
import { bulkInsert, emptyColumns, pushRow, rowCount, type ColumnRows } from './bulk-insert.js';

/** contacts.ts encrypts addresses under this context; the load checks a round trip through it. */
const ADDRESS_CONTEXT = 'contacts.address';
const DAY_MS = 86_400_000;
const CHUNK = 5000;

const OUTREACH = [
  'Hoi, ik zag je advertentie. Gaat alles goed met je?',
  'Hi, I saw your ad. We are a support service, independent of the police. Are you okay?',
  'Hallo, wij helpen mensen die in de sekswerk werken, gratis en anoniem. Mag ik je iets vragen?',
  'Bună, am văzut anunțul tău. Totul este în regulă? Putem vorbi în română.',
  'Hey, just checking in. If you ever need a doctor or a place to sleep, we can help.',
];
const REPLIES = [
  'wie ben jij?',
  'ok',
  'ja alles goed',
  'hoe kom je aan mijn nummer',
  'can we talk tomorrow',
  'i need help with papers',
  'niet nu',
  'waar zit jullie kantoor',
  'my friend also needs help, can i give her your number?',
  'da, mulțumesc',
  'stop',
  'is het echt gratis?',
];
const ANSWERS = [
  'Dat is goed. Je kunt ons altijd bereiken, ook in het weekend.',
  'Of course. Would 14:00 suit you? We can also meet somewhere quiet.',
  'Wij zijn onafhankelijk en vertellen niemand iets zonder jouw toestemming.',
  'Yes, it is free and anonymous. You decide what happens.',
  'Thank you for writing back. Take your time.',
  'Ik stuur je het adres van de inloop. Je kunt zonder afspraak langskomen.',
];
const NOTES = [
  'Spreekt Roemeens, tolk nodig.',
  'Wil morgen bellen, na 15:00.',
  'Mogelijk minderjarig, overleg met supervisor.',
  'Called back, no answer.',
  'Asked for a doctor; gave the walk-in address.',
];

export interface InboxStaff {
  id: string;
  /** Relative share of the assigned conversations. */
  weight: number;
}

export interface LoadedInbox {
  contacts: number;
  conversations: number;
  messages: number;
  byStatus: Record<string, number>;
  unread: number;
  unassigned: number;
  encryptedBodies: number;
  encryptMs: number;
  seconds: number;
}

function address(rng: Rng, i: number): { kind: ContactKind; raw: string } {
  const r = rng.next();
  // Index-derived numbers, so addresses never collide (contacts are unique by address hash).
  if (r < 0.7) return { kind: 'phone', raw: `+3161${String(i).padStart(7, '0')}` };
  if (r < 0.85) return { kind: 'phone', raw: `+4072${String(i).padStart(7, '0')}` };
  if (r < 0.95) return { kind: 'email', raw: `person${i}@example.org` };
  return { kind: 'handle', raw: `user_${i}` };
}

function body(rng: Rng, direction: 'out' | 'in' | 'note', first: boolean): string {
  if (direction === 'note') return rng.pick(NOTES);
  if (direction === 'in') return rng.pick(REPLIES);
  if (first) return rng.pick(OUTREACH);
  // Longer answers put two texts together now and then, so bodies vary in length.
  return rng.chance(0.3) ? `${rng.pick(ANSWERS)} ${rng.pick(ANSWERS)}` : rng.pick(ANSWERS);
}

/** A gap between two messages: minutes to days, log-uniform. */
function gapMs(rng: Rng): number {
  return Math.exp(Math.log(120_000) + rng.next() * (Math.log(2 * DAY_MS) - Math.log(120_000)));
}

function pickStaff(rng: Rng, staff: readonly InboxStaff[], total: number): string {
  let r = rng.next() * total;
  for (const s of staff) {
    r -= s.weight;
    if (r < 0) return s.id;
  }
  return (staff[staff.length - 1] as InboxStaff).id;
}

async function insertChunk(
  database: Database,
  tables: [Parameters<typeof bulkInsert>[1], ColumnRows][],
): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query('BEGIN');
    for (const [table, rows] of tables) {
      // unnest's arrays travel as one parameter each: keep a statement to a few MB.
      const n = rowCount(rows);
      for (let i = 0; i < n; i += 20_000) {
        const slice = Object.fromEntries(
          Object.entries(rows).map(([k, v]) => [k, v.slice(i, i + 20_000)]),
        );
        await bulkInsert(client, table, slice);
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.query('RESET synchronous_commit').catch(() => undefined);
    client.release();
  }
}

export async function loadSyntheticInbox(
  database: Database,
  config: Config,
  total: number,
  opts: {
    staff: readonly InboxStaff[];
    channelIds: { sms: string; whatsapp: string };
    seed?: string;
    now?: Date;
    onProgress?: (done: number, seconds: number) => void;
  },
): Promise<LoadedInbox> {
  const t0 = performance.now();
  const rng = new Rng(opts.seed ?? 'inbox');
  const now = (opts.now ?? new Date()).getTime();
  const staffWeight = opts.staff.reduce((a, s) => a + s.weight, 0);
  const contactCount = Math.max(1, Math.round(total * 0.85));
  const result: LoadedInbox = {
    contacts: 0,
    conversations: 0,
    messages: 0,
    byStatus: { open: 0, waiting: 0, closed: 0 },
    unread: 0,
    unassigned: 0,
    encryptedBodies: 0,
    encryptMs: 0,
    seconds: 0,
  };

  // ---- contacts ------------------------------------------------------------------------------
  const contactIds: string[] = [];
  const contactRng = rng.fork('contacts');
  for (let start = 0; start < contactCount; start += CHUNK) {
    const rows = emptyColumns([
      'id',
      'kind',
      'addressHash',
      'addressEnc',
      'masked',
      'country',
      'doNotContact',
      'doNotContactAt',
      'doNotContactReason',
      'createdAt',
    ]);
    for (let i = start; i < Math.min(contactCount, start + CHUNK); i++) {
      const { kind, raw } = address(contactRng, i);
      const a = normaliseAddress(kind, raw);
      const id = randomUUID();
      contactIds.push(id);
      const dnc = contactRng.chance(0.02);
      pushRow(rows, {
        id,
        kind: a.kind,
        addressHash: addressHash(config, a),
        addressEnc: encryptField(config.secrets.fieldKeys, a.value, ADDRESS_CONTEXT),
        masked: a.masked,
        country: a.country,
        doNotContact: dnc,
        doNotContactAt: dnc ? new Date(now - contactRng.next() * 300 * DAY_MS).toISOString() : null,
        doNotContactReason: dnc ? 'asked to stop' : null,
        createdAt: new Date(now - 400 * DAY_MS).toISOString(),
      });
    }
    await insertChunk(database, [[contacts, rows]]);
    result.contacts += rowCount(rows);
  }

  // ---- conversations and their messages ---------------------------------------------------------
  const convRng = rng.fork('conversations');
  const msgRng = rng.fork('messages');
  for (let start = 0; start < total; start += CHUNK) {
    const conv = emptyColumns([
      'id',
      'kind',
      'contactId',
      'entityId',
      'channelId',
      'status',
      'assigneeId',
      'unread',
      'unanswered',
      'lastMessageAt',
      'lastOutboundAt',
      'lastInboundAt',
      'createdAt',
      'closedAt',
    ]);
    const msgs = emptyColumns([
      'conversationId',
      'direction',
      'status',
      'bodyEnc',
      'channelId',
      'idempotencyKey',
      'providerId',
      'segments',
      'errorCode',
      'errorMessage',
      'authorId',
      'createdAt',
      'sentAt',
      'deliveredAt',
      'failedAt',
    ]);
    for (let i = start; i < Math.min(total, start + CHUNK); i++) {
      const id = randomUUID();
      const k = convRng.next();
      const kind = k < 0.7 ? 'outreach' : k < 0.95 ? 'inbound' : 'chat';
      // Every contact has a conversation; the rest go to people already known.
      const contactId =
        i < contactCount
          ? (contactIds[i] as string)
          : (contactIds[convRng.int(0, contactCount - 1)] as string);
      const channelId = convRng.chance(0.65) ? opts.channelIds.sms : opts.channelIds.whatsapp;
      // Denser towards now: the age's square root is uniform over a year.
      const ageMs = convRng.next() ** 2 * 365 * DAY_MS;
      const lastAt = now - ageMs;
      const unreadCount = convRng.chance(0.05) ? convRng.int(1, 3) : 0;
      const s = convRng.next();
      const recent = ageMs < 30 * DAY_MS;
      const status =
        unreadCount > 0
          ? 'open'
          : recent
            ? s < 0.55
              ? 'open'
              : s < 0.85
                ? 'waiting'
                : 'closed'
            : s < 0.1
              ? 'open'
              : s < 0.25
                ? 'waiting'
                : 'closed';
      const assigneeId =
        kind === 'inbound' && status !== 'closed' && convRng.chance(0.4)
          ? null
          : pickStaff(convRng, opts.staff, staffWeight);
      if (!assigneeId) result.unassigned++;

      // Messages, oldest first: the first goes out (or comes in, when the person wrote first).
      const count = msgRng.int(2, 10);
      const directions: ('out' | 'in' | 'note')[] = [];
      for (let j = 0; j < count; j++) {
        if (j === 0) directions.push(kind === 'inbound' ? 'in' : 'out');
        else if (msgRng.chance(0.05)) directions.push('note');
        else {
          const prev = directions.filter((d) => d !== 'note').pop() ?? 'out';
          directions.push(msgRng.chance(0.6) ? (prev === 'out' ? 'in' : 'out') : prev);
        }
      }
      // Unread: the last messages came in. Waiting: we wrote last and wait for an answer.
      for (let j = 0; j < unreadCount && count - 1 - j > 0; j++) directions[count - 1 - j] = 'in';
      if (status === 'waiting') directions[count - 1] = 'out';
      const times: number[] = new Array<number>(count);
      times[count - 1] = lastAt;
      for (let j = count - 2; j >= 0; j--) times[j] = (times[j + 1] as number) - gapMs(msgRng);
      let lastOut: number | null = null;
      let lastIn: number | null = null;
      let unanswered = 0;
      const author = assigneeId ?? pickStaff(msgRng, opts.staff, staffWeight);
      for (let j = 0; j < count; j++) {
        const direction = directions[j] as 'out' | 'in' | 'note';
        const at = times[j] as number;
        const text = body(msgRng, direction, j === 0);
        const te = performance.now();
        const bodyEnc = encryptBody(config, text);
        result.encryptMs += performance.now() - te;
        result.encryptedBodies++;
        const outcome =
          direction === 'out'
            ? msgRng.weighted([
                ['delivered', 8],
                ['sent', 1],
                ['failed', 1],
              ] as const)
            : null;
        if (direction === 'out') {
          lastOut = at;
          unanswered++;
        } else if (direction === 'in') {
          lastIn = at;
          unanswered = 0;
        }
        pushRow(msgs, {
          conversationId: id,
          direction,
          status: direction === 'in' ? 'received' : direction === 'note' ? 'note' : outcome,
          bodyEnc,
          channelId: direction === 'note' ? null : channelId,
          idempotencyKey: direction === 'out' ? `${id}:${j}` : null,
          providerId: direction === 'note' ? null : `p-${i.toString(36)}-${j}`,
          segments: direction === 'out' ? Math.ceil(text.length / 153) : null,
          errorCode: outcome === 'failed' ? 'undeliverable' : null,
          errorMessage: outcome === 'failed' ? 'The number could not be reached.' : null,
          authorId: direction === 'in' ? null : author,
          createdAt: new Date(at).toISOString(),
          sentAt: direction === 'out' ? new Date(at + 1500).toISOString() : null,
          deliveredAt: outcome === 'delivered' ? new Date(at + 9000).toISOString() : null,
          failedAt: outcome === 'failed' ? new Date(at + 30_000).toISOString() : null,
        });
      }
      const unread = Math.min(unreadCount, count - 1);
      pushRow(conv, {
        id,
        kind,
        contactId,
        entityId: kind === 'outreach' ? randomUUID() : null,
        channelId,
        status,
        assigneeId,
        unread,
        unanswered,
        lastMessageAt: new Date(lastAt).toISOString(),
        lastOutboundAt: lastOut === null ? null : new Date(lastOut).toISOString(),
        lastInboundAt: lastIn === null ? null : new Date(lastIn).toISOString(),
        createdAt: new Date(times[0] as number).toISOString(),
        closedAt: status === 'closed' ? new Date(lastAt + 3_600_000).toISOString() : null,
      });
      result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
      if (unread > 0) result.unread++;
    }
    await insertChunk(database, [
      [conversations, conv],
      [messages, msgs],
    ]);
    result.conversations += rowCount(conv);
    result.messages += rowCount(msgs);
    opts.onProgress?.(result.conversations, (performance.now() - t0) / 1000);
  }

  // What recordInbound keeps on the contact, from the conversations just loaded.
  await database.pool.query(
    `UPDATE contacts c SET last_inbound_at = x.at
     FROM (SELECT contact_id, max(last_inbound_at) AS at FROM conversations
           WHERE last_inbound_at IS NOT NULL GROUP BY contact_id) x
     WHERE x.contact_id = c.id`,
  );
  await database.pool.query('VACUUM ANALYZE contacts, conversations, messages');

  // The address encryption above must be what the code reads back.
  const [one] = await database.db.select().from(contacts).limit(1);
  if (!one || !contactAddress(config, one)) throw new Error('a loaded contact does not decrypt');
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}
