// Text that PostgreSQL cannot store is refused at the door, for every route at once: a NUL
// character (text and jsonb cannot hold U+0000) or a lone UTF-16 surrogate (JSON's "\ud800" parses
// into a string that is not valid Unicode and cannot be encoded as UTF-8). Without this check such
// input reached a query and came back as a 500; now it is a 400 that names the field.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError, keyed } from '../errors.js';

/** True when a string holds a character we refuse (NUL or a lone surrogate). */
export function hasDisallowedCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++; // a proper pair: one character outside the Basic Multilingual Plane (an emoji, say)
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * The path of the first string (value or object key) in `value` that holds a refused character,
 * e.g. "fields.title.selector" or "tags.2"; null when everything is fine. Buffers (webhook bodies,
 * checked by their channel's own parser) are left alone.
 */
export function findDisallowedText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return hasDisallowedCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findDisallowedText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !isBinaryOrDate(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (hasDisallowedCharacter(key)) return [...path, printableKey(key)];
      const found = findDisallowedText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// Query and path parameter objects come from parsers with prototypes of their own, so anything
// but binary data, dates and streams is walked. A stream is a body passed through unparsed (the
// vault's upload chunks): bytes for the route to handle, and an object graph with cycles.
function isBinaryOrDate(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof Date ||
    value instanceof Readable
  );
}

/** A key that itself holds the character is named with the odd characters shown as escapes. */
function printableKey(key: string): string {
  let out = '';
  for (const c of key) {
    out += hasDisallowedCharacter(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/** Checks path parameters, the query string and a parsed JSON body before any route sees them. */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = findDisallowedText(part);
      if (path) {
        const field = path.length > 0 ? path.join('.') : 'body';
        throw new AppError(
          'validation_failed',
          keyed(
            'input.badCharacter',
            `Invalid request: ${field}: contains a character that is not allowed (NUL or a broken Unicode character).`,
            { field },
          ),
        );
      }
    }
  });
}
