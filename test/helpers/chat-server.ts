// Common ground of the chat line's API tests: the widget's origin and the console's address, a
// test database whose chat limits leave room for a test's bursts (each file adds its own
// settings), and a server listening on loopback (the widget's WebSocket needs a real port).
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildHttpServer } from '../../src/app/http-server.js';
import type { Config } from '../../src/platform/config.js';
import type { Clock } from '../../src/platform/clock.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

export const CHAT_ORIGIN = 'https://help.example.org';
export const CHAT_CONSOLE = 'http://localhost:3000';

export function openChatTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  return openTestDatabase({
    CHAT_PUBLIC_ORIGINS: CHAT_ORIGIN,
    PUBLIC_URL: CHAT_CONSOLE,
    CHAT_MAX_PER_OPERATOR: '2',
    CHAT_ADDRESS_PER_MINUTE: '6000',
    CHAT_MESSAGES_PER_MINUTE: '600',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
}

/** A server on the test database (or with `config`), listening on a free loopback port. */
export async function listenChatServer(
  t: TestDatabase,
  log: Logger,
  clock: Clock,
  config: Config = t.config,
): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildHttpServer({ config, database: t.database, log, clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
