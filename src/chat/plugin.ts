// The chat line on one HTTP server: the WebSocket support, this process's hub (its sockets and the
// LISTEN/NOTIFY fan-out that reaches them), the visitor's /chat/ws and the operators' /api/chat.
// The composition root registers it once per server; closing the server stops the hub and its
// listening connection.
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/connect.js';
import { createNotifier } from '../platform/db/notify.js';
import { ChatHub } from './hub.js';
import type { ChatSocketServer } from './socket.js';
import { registerChatRoutes } from './routes.js';
import { checkChatConfig } from './service.js';
import { MAX_FRAME_BYTES, registerVisitorSocket } from './visitor-socket.js';

export interface ChatPluginDeps {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
}

export async function registerChat(app: FastifyInstance, deps: ChatPluginDeps): Promise<ChatHub> {
  checkChatConfig(deps.config);
  const chatDeps = { db: deps.database.db, config: deps.config, clock: deps.clock };
  const log = deps.log.child({ context: 'chat' });
  const notifier = createNotifier(deps.database, { log });
  const hub = new ChatHub(chatDeps, notifier, log);
  // The hub listens once the server does: building the server (the OpenAPI document, tests that
  // only inject requests) opens no connection. A database not reachable yet is retried.
  app.addHook('onListen', async () => {
    try {
      await hub.start();
    } catch (err) {
      log.error({ err }, 'chat fan-out not listening yet; retrying');
    }
  });
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
  // The upgrade's answer is never cached (it is the start of a private conversation).
  const server = app.websocketServer as ChatSocketServer;
  server.on('headers', (headers) => {
    headers.push('Cache-Control: no-store');
  });
  registerVisitorSocket(app, chatDeps, hub);
  registerChatRoutes(app, chatDeps, hub);
  app.addHook('onClose', async () => {
    hub.stop();
    for (const client of server.clients) client.terminate();
    await notifier.close();
  });
  return hub;
}
