// The headers of a page a person at risk opens (the chat widget, the vault app): the browser keeps
// no copy (no-store), sends no referrer onwards, guesses no content type, and search engines index
// nothing. One place, so the two pages cannot drift apart.
import type { FastifyReply } from 'fastify';

export function privateHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('x-robots-tag', 'noindex, nofollow, noarchive');
}
