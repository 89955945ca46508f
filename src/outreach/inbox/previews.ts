// The inbox's preview of each thread: the first words of its latest message and who wrote it, so a
// worker sees "hoe kom je aan mijn nummer" arrive without opening every thread. The words are
// masked the way the console masks every text a person or an ad wrote (phone numbers, e-mail
// addresses, handles become "•"), with the same detector, before they are cut: a number the cut
// would split is masked whole. Notes are the team's own and never a preview. Showing previews is a
// read of message text: the caller audits it (one entry per page, naming the threads).
import { and, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  findIdentifierSpans,
  findIdentifierSpansAnyRegion,
  maskSpans,
} from '../../extract/index.js';
import type { Config } from '../../platform/config.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { contacts, conversations, messages } from '../schema.js';
import { decryptBody } from './conversations.js';

/** Words and characters a preview keeps at most: a glance, not the message. */
export const PREVIEW_WORDS = 12;
export const PREVIEW_CHARS = 90;

export const LastMessageView = z
  .object({
    /** The person, a worker (authorId says who), or the system (an automatic reply). */
    from: z.enum(['person', 'worker', 'system']),
    authorId: z.string().nullable(),
    /** The message's first words, identifiers masked; "…" when cut. */
    preview: z.string(),
    at: z.string(),
  })
  .meta({ id: 'LastMessage' });
export type LastMessageView = z.infer<typeof LastMessageView>;

/** The program's own region: a number without a country code is also read as one of its. */
const HOME_REGION = 'NL';

/**
 * A message's first words with every identifier masked (the detector runs on the whole text). A
 * number written without a country code is found only when read as some region's: as the
 * contact's and the home region's when the contact has a country, and as each region Ariadne
 * reads when it has none (an e-mail address, a handle, an anonymous chat) — "bel 0470…" from a
 * Belgian would otherwise be shown whole.
 */
export function previewText(body: string, country: string | null): string {
  const spans =
    country === null
      ? findIdentifierSpansAnyRegion(body, 'body')
      : [...new Set([country, HOME_REGION])].flatMap((r) => findIdentifierSpans(body, 'body', r));
  const masked = maskSpans(body, spans);
  const words = masked.split(/\s+/).filter(Boolean);
  let out = words.slice(0, PREVIEW_WORDS).join(' ');
  let cut = words.length > PREVIEW_WORDS;
  if (out.length > PREVIEW_CHARS) {
    const at = out.lastIndexOf(' ', PREVIEW_CHARS);
    out = out.slice(0, at > PREVIEW_CHARS / 2 ? at : PREVIEW_CHARS);
    cut = true;
  }
  return cut ? `${out}…` : out;
}

/** Who a message is from, as the inbox says it. */
export function authorOf(m: {
  direction: 'in' | 'out' | 'note';
  authorId: string | null;
}): LastMessageView['from'] {
  if (m.direction === 'in') return 'person';
  return m.authorId ? 'worker' : 'system';
}

/** The latest message (not note) of each thread, previewed; threads without one are left out. */
export async function lastMessagePreviews(
  db: DbOrTx,
  config: Config,
  conversationIds: readonly string[],
): Promise<Map<string, LastMessageView>> {
  const out = new Map<string, LastMessageView>();
  if (conversationIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([messages.conversationId], {
      conversationId: messages.conversationId,
      direction: messages.direction,
      authorId: messages.authorId,
      bodyEnc: messages.bodyEnc,
      createdAt: messages.createdAt,
      country: contacts.country,
    })
    .from(messages)
    .innerJoin(conversations, sql`${conversations.id} = ${messages.conversationId}`)
    .leftJoin(contacts, sql`${contacts.id} = ${conversations.contactId}`)
    .where(
      and(inArray(messages.conversationId, [...conversationIds]), ne(messages.direction, 'note')),
    )
    .orderBy(messages.conversationId, sql`${messages.createdAt} DESC`, sql`${messages.id} DESC`);
  for (const r of rows) {
    out.set(r.conversationId, {
      from: authorOf(r),
      authorId: r.direction === 'in' ? null : r.authorId,
      preview: previewText(decryptBody(config, r.bodyEnc), r.country),
      at: r.createdAt.toISOString(),
    });
  }
  return out;
}
