// The visitor's WebSocket (/chat/ws): every frame parsed with the contract, limits per chat and per
// address (a keyed hash of it, in memory), a message stored before its ack and recognised by its
// clientId when resent, resume from the last seq the widget holds, continue with a code, typing
// and read marks both ways, ping/pong. The connection carries no cookie and the upgrade answer is
// not cached; a socket from a page outside the configured origins is refused before the upgrade.
// Least data: the address is used only as that in-memory keyed hash, and the user agent not at
// all; neither is stored (the widget's start screen tells the visitor so).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CHAT_MESSAGE_MAX,
  parseFrame,
  VisitorFrame,
  type ServerFrame,
} from '../contracts/chat-protocol.js';
import { TokenBuckets } from './domain/rate-limit.js';
import type { ChatHub, VisitorSocket } from './hub.js';
import { frameText, type ChatSocket } from './socket.js';
import {
  ChatRefusal,
  chatOfToken,
  continueChat,
  endByVisitor,
  hashAddress,
  issueResumeCode,
  markRead,
  postVisitorMessage,
  queueSnapshot,
  startChat,
  timeOnly,
  typing,
  visitorStatus,
  type ChatDeps,
} from './service.js';
import { chatById, type ChatRow } from './store.js';

/** Largest frame accepted: a message of CHAT_MESSAGE_MAX characters in JSON, with room to spare. */
export const MAX_FRAME_BYTES = CHAT_MESSAGE_MAX * 4 + 1024;
/** Opening a chat costs more of the address's allowance than a frame: new chats are the flood. */
const START_COST = 5;
/** A socket that has not answered a ping in this long is closed (a phone that lost its network). */
const HEARTBEAT_MS = 30_000;

export interface VisitorLimits {
  perChat: TokenBuckets;
  perAddress: TokenBuckets;
}

export function visitorLimits(deps: ChatDeps): VisitorLimits {
  const { messagesPerMinute, addressPerMinute } = deps.config.chat;
  return {
    perChat: new TokenBuckets({
      capacity: messagesPerMinute,
      refillPerSecond: messagesPerMinute / 60,
      maxKeys: 50_000,
    }),
    perAddress: new TokenBuckets({
      capacity: addressPerMinute,
      refillPerSecond: addressPerMinute / 60,
      maxKeys: 50_000,
    }),
  };
}

/** Whether a browser page at `origin` may open the chat (exact match of scheme, host and port). */
export function originAllowed(allowed: readonly string[], origin: string | undefined): boolean {
  return origin !== undefined && allowed.includes(origin);
}

export function registerVisitorSocket(
  app: FastifyInstance,
  deps: ChatDeps,
  hub: ChatHub,
  limits: VisitorLimits = visitorLimits(deps),
): void {
  const refuseForeignOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(deps.config.chat.publicOrigins, request.headers.origin)) {
      await reply
        .code(403)
        .header('cache-control', 'no-store')
        .send({ error: { code: 'forbidden', message: 'This page may not open the chat.' } });
    }
  };
  app.get(
    '/chat/ws',
    {
      websocket: true,
      schema: { hide: true },
      // The chat's own limits (per chat, per address) apply to each frame; the API's limit per
      // request would count only the upgrade.
      config: { rateLimit: false },
      preValidation: refuseForeignOrigin,
    },
    (socket, request) => {
      const conn = new VisitorConnection(deps, hub, limits, socket as ChatSocket, request);
      conn.open();
    },
  );
}

class VisitorConnection {
  private chat: ChatRow | null = null;
  private hubSocket: VisitorSocket | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly addressKey: string;
  private readonly id = randomUUID();
  private alive = true;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: ChatDeps,
    private readonly hub: ChatHub,
    private readonly limits: VisitorLimits,
    private readonly socket: ChatSocket,
    private readonly request: FastifyRequest,
  ) {
    this.addressKey = hashAddress(deps.config, request.ip);
  }

  open(): void {
    this.socket.on('message', (data, isBinary) => {
      const text = isBinary ? null : frameText(data);
      // Frames are handled one after another, so acks and replies keep the order of the frames.
      this.work = this.work
        .then(() => this.frame(text))
        .catch((err: unknown) => {
          this.request.log.error({ err }, 'chat frame failed');
          this.send({ type: 'error', code: 'server_busy', retryAfter: 5 });
        });
    });
    this.socket.on('pong', () => {
      this.alive = true;
    });
    this.socket.on('close', () => {
      if (this.heartbeat) clearInterval(this.heartbeat);
      if (this.hubSocket) this.hub.removeVisitor(this.hubSocket);
    });
    this.socket.on('error', () => undefined);
    this.heartbeat = setInterval(() => {
      if (!this.alive) {
        this.socket.terminate();
        return;
      }
      this.alive = false;
      this.socket.ping();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private send(frame: ServerFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private limited(cost = 1): boolean {
    const now = this.deps.clock.now().getTime();
    const byAddress = this.limits.perAddress.take(this.addressKey, now, cost);
    const byChat = this.limits.perChat.take(this.chat?.id ?? this.id, now);
    const refused = !byAddress.ok ? byAddress : !byChat.ok ? byChat : null;
    if (!refused) return false;
    this.send({ type: 'error', code: 'rate_limited', retryAfter: refused.retryAfterSeconds });
    return true;
  }

  private async frame(text: string | null): Promise<void> {
    const frame = text === null ? undefined : parseFrame(VisitorFrame, text);
    if (!frame) {
      if (this.limited()) return;
      this.send({ type: 'error', code: tooLong(text) ? 'too_long' : 'bad_frame' });
      return;
    }
    if (frame.type === 'ping') {
      this.send({ type: 'pong' });
      return;
    }
    const opening = frame.type === 'start' || frame.type === 'resume' || frame.type === 'continue';
    if (this.limited(opening ? START_COST : 1)) return;
    try {
      if (opening) {
        if (this.chat) {
          this.send({ type: 'error', code: 'bad_frame' });
          return;
        }
        if (frame.type === 'start') {
          const opened = await startChat(this.deps, {
            language: frame.language,
            triage: frame.triage,
            startId: frame.startId,
          });
          await this.bind(opened.chat, opened.token, 0);
        } else if (frame.type === 'resume') {
          const chat = await chatOfToken(this.deps, frame.token);
          await this.bind(chat, frame.token, frame.lastSeq);
        } else {
          const opened = await continueChat(this.deps, frame.code);
          await this.bind(opened.chat, opened.token, 0);
        }
        return;
      }
      const chat = this.chat;
      if (!chat) {
        this.send({ type: 'error', code: 'unknown_chat' });
        return;
      }
      switch (frame.type) {
        case 'message': {
          const stored = await postVisitorMessage(this.deps, chat.id, frame);
          this.send({
            type: 'ack',
            clientId: frame.clientId,
            seq: stored.seq,
            at: stored.at.toISOString(),
          });
          return;
        }
        case 'typing':
          await typing(this.deps, chat.id, 'visitor', frame.on);
          return;
        case 'read':
          await markRead(this.deps, chat.id, 'visitor', frame.upTo);
          return;
        case 'want-code': {
          const current = await chatById(this.deps.db, chat.id);
          if (!current || current.blockedAt) throw new ChatRefusal('blocked');
          this.send({ type: 'code', code: await issueResumeCode(this.deps, chat.id) });
          return;
        }
        case 'end':
          await endByVisitor(this.deps, chat.id);
          return;
      }
    } catch (err) {
      if (!(err instanceof ChatRefusal)) throw err;
      this.send({ type: 'error', code: err.code });
      if (err.code === 'blocked') this.socket.close(1008, 'blocked');
    }
  }

  private async bind(chat: ChatRow, token: string, lastSeq: number): Promise<void> {
    this.chat = chat;
    const queue = chat.state === 'queued' ? await queueSnapshot(this.deps) : timeOnly(this.deps);
    const socket: VisitorSocket = {
      chatId: chat.id,
      cursor: lastSeq,
      send: (f) => this.send(f),
      close: () => this.socket.close(1008, 'blocked'),
    };
    this.hubSocket = socket;
    await this.hub.attachVisitor(socket, lastSeq, (messages) => {
      const status = visitorStatus(this.deps, chat, queue);
      socket.lastStatus = JSON.stringify(status);
      this.send({ type: 'welcome', token, messages, status });
      if (chat.state === 'ended' && chat.endReason) {
        this.send({ type: 'ended', reason: chat.endReason });
      }
    });
    if (this.socket.readyState !== this.socket.OPEN) this.hub.removeVisitor(socket);
  }
}

/** Whether a refused frame was a message refused only for its length (so the widget can say so). */
function tooLong(text: string | null): boolean {
  if (text === null) return false;
  try {
    const json = JSON.parse(text) as { type?: unknown; body?: unknown };
    return (
      json.type === 'message' &&
      typeof json.body === 'string' &&
      json.body.length > CHAT_MESSAGE_MAX
    );
  } catch {
    return false;
  }
}
