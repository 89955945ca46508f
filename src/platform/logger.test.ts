// What the logger lets through: no query values in request lines, no query parameters or quoted
// values in errors, whatever shape the error arrives in.
import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger, requestForLog, scrubbedError } from './logger.js';

const CANARY = '+31612345678';

function capture(logPretty = false) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = createLogger({ logLevel: 'info', logPretty }, 'test', stream);
  return { log, text: () => lines.join('') };
}

/** The canary in any form a log could hold it: as is, URL-encoded, or its digits. */
function expectNoCanary(text: string) {
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(encodeURIComponent(CANARY));
  expect(text).not.toContain('612345678');
}

/** What PostgreSQL answers to a bad value (pg's DatabaseError carries these fields). */
function pgDataError() {
  return Object.assign(new Error(`invalid input syntax for type integer: "${CANARY}"`), {
    name: 'error',
    code: '22P02',
    severity: 'ERROR',
    routine: 'pg_strtoint32_safe',
    detail: `Key (phone)=(${CANARY}) already exists.`,
    where: `unnamed portal parameter $1 = '${CANARY}'`,
  });
}

describe('the logger', () => {
  it('writes readable lines when asked, with the same redaction and at once', () => {
    const { log, text } = capture(true);
    log.info(
      { req: { method: 'GET', url: `/api/leads?q=${CANARY}` }, password: 'hunter2' },
      'seen',
    );
    // Written before the call returns: nothing waits in a worker thread when the process exits.
    const line = text();
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO \(test\): seen/);
    expect(line).not.toMatch(/^\{/);
    expect(line).toContain('/api/leads');
    expect(line).not.toContain('hunter2');
    expectNoCanary(line);
  });

  it('writes request lines with the path and query parameter names only', () => {
    expect(
      requestForLog({ method: 'GET', url: `/api/ads?q=${encodeURIComponent(CANARY)}&limit=5&q=x` }),
    ).toMatchObject({ method: 'GET', url: '/api/ads', queryParams: ['q', 'limit'] });
    const { log, text } = capture();
    log.info({ req: { method: 'GET', url: `/api/ads?q=${CANARY}` } }, 'incoming request');
    expectNoCanary(text());
    expect(text()).toContain('/api/ads');
  });

  it('writes no address for a visitor of the chat line (page, script, socket) or the vault', () => {
    const socket = { remotePort: 50123 };
    for (const url of [
      '/chat',
      '/chat/',
      '/chat?lang=nl',
      '/chat/widget.js',
      '/chat/ws',
      '/vault',
      '/vault/sw.js',
      '/api/vault/unlock',
      '/api/vault/items/abc?x=1',
    ]) {
      const line = requestForLog({ method: 'GET', url, ip: '203.0.113.7', socket });
      expect(line, url).not.toHaveProperty('remoteAddress');
      expect(line, url).not.toHaveProperty('remotePort');
    }
    const { log, text } = capture();
    log.info(
      { req: { method: 'GET', url: '/chat/ws', ip: '203.0.113.7', socket } },
      'incoming request',
    );
    expect(text()).toContain('/chat/ws');
    expect(text()).not.toContain('203.0.113.7');
    // The staff's side (the chat's operators, the vault's recipients, the console) keeps the
    // address, for the security log.
    for (const url of [
      '/api/chat/queue',
      '/chatter',
      '/chat-line/abc',
      '/api/vault-recipient/shares',
      '/vault-requests',
    ]) {
      expect(requestForLog({ method: 'GET', url, ip: '203.0.113.7', socket }), url).toMatchObject({
        remoteAddress: '203.0.113.7',
        remotePort: 50123,
      });
    }
  });

  it('writes a failed query without its parameters, in every shape the error comes', () => {
    const failed = new DrizzleQueryError(
      'select * from contacts where phone = $1',
      [CANARY],
      pgDataError(),
    );
    const { log, text } = capture();
    log.error({ err: failed }, 'unhandled error');
    log.error(failed);
    log.warn({ err: String(failed) }, 'outreach: inbound not stored');
    log.warn({ err: failed.message }, 'session error');
    log.error(`could not store: ${failed.message}`);
    log.error({ err: pgDataError() }, 'plain pg error');
    expectNoCanary(text());
    // What is needed to find the fault stays: the statement, the code, where it came from.
    expect(text()).toContain('select * from contacts where phone = $1');
    expect(text()).toContain('22P02');
    expect(text()).toContain('pg_strtoint32_safe');
  });

  it('hands pg-boss an error without the parameters to store with the job', () => {
    const failed = new DrizzleQueryError('insert into t values ($1)', [CANARY], pgDataError());
    const stored = scrubbedError(failed);
    expectNoCanary(JSON.stringify({ message: stored.message, stack: stored.stack }));
    expect(stored.message).toContain('insert into t values ($1)');
    expect(Object.keys(stored)).not.toContain('params');
  });
});
