// What every page a person at risk opens (the chat widget's /chat, the vault app's /vault/) shares:
// the headers — the browser keeps no copy (no-store), sends no referrer onwards, guesses no content
// type, and search engines index nothing — and the same promises in the page's <head>, with the
// escaping of the one value a page writes into an attribute. One place, so the pages cannot drift.
import type { FastifyReply } from 'fastify';

export function privateHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-robots-tag', 'noindex, nofollow, noarchive');
}

/** The <head> lines every private page starts with. */
export const PRIVATE_PAGE_HEAD = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow, noarchive">`;

/** A value made safe inside a double-quoted HTML attribute. */
export const escapeAttr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
